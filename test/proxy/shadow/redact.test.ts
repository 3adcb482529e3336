import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../proxy/shadow/redact.ts';

describe('redaction before storing a mismatch', () => {
  const redactor = createRedactor(['email', 'x-api-key'], 60);

  it('always hides credentials headers, plus configured ones', () => {
    const headers = redactor.headers({
      Authorization: 'Bearer tok-5e1f',
      cookie: 'session=abc',
      'set-cookie': ['a=1', 'b=2'],
      'x-api-key': 'k-123',
      'content-type': 'application/json',
    });
    expect(headers).toEqual({
      Authorization: '[redacted]',
      cookie: '[redacted]',
      'set-cookie': '[redacted]',
      'x-api-key': '[redacted]',
      'content-type': 'application/json',
    });
  });

  it('hides configured JSON fields at any depth in a decoded, cut excerpt', () => {
    const body = gzipSync(
      JSON.stringify({ customer: { email: 'ada@example.com', name: 'Ada' }, notes: 'x'.repeat(200) }),
    );
    const excerpt = redactor.excerpt({
      status: 200,
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body,
    });
    expect(excerpt.body.startsWith('{"customer":{"email":"[redacted]","name":"Ada"}')).toBe(true);
    expect(excerpt.body.endsWith('…')).toBe(true);
    expect(excerpt.bytes).toBe(body.length);
  });

  it('hides values in differences whose path names a secret, and query parameters', () => {
    const [difference] = redactor.differences([
      { path: '$.customer.email', kind: 'value', expected: '"a@x"', actual: '"b@x"' },
    ]);
    expect(difference).toMatchObject({ expected: '[redacted]', actual: '[redacted]' });
    expect(redactor.url('/api/orders?email=ada%40example.com&page=2')).toBe(
      '/api/orders?email=%5Bredacted%5D&page=2',
    );
  });
});
