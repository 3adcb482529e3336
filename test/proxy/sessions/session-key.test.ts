import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSessionKeyReader } from '../../../proxy/sessions/session-key.ts';

const request = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as IncomingMessage;

describe('session key', () => {
  it('reads the bearer token by default and ignores other schemes', () => {
    const read = createSessionKeyReader('authorization');
    expect(read(request({ authorization: 'Bearer eyJhbGciOi.payload.sig' }))).toBe('eyJhbGciOi.payload.sig');
    expect(read(request({ authorization: 'bearer  abc123' }))).toBe('abc123');
    // A Basic header carries a password: never a session key.
    expect(read(request({ authorization: 'Basic YWxpY2U6c2VjcmV0' }))).toBeNull();
    expect(read(request({ authorization: 'Bearer ' }))).toBeNull();
    expect(read(request({}))).toBeNull();
  });

  it('reads a named header or cookie, and nothing else', () => {
    const header = createSessionKeyReader({ header: 'X-Session-Id' });
    expect(header(request({ 'x-session-id': 's-42' }))).toBe('s-42');
    expect(header(request({ authorization: 'Bearer t' }))).toBeNull();
    const cookie = createSessionKeyReader({ cookie: 'sid' });
    expect(cookie(request({ cookie: 'theme=dark; sid=s-7; lang=en' }))).toBe('s-7');
    expect(cookie(request({ cookie: 'sidebar=1' }))).toBeNull();
    expect(cookie(request({ cookie: 'sid=' }))).toBeNull();
  });
});
