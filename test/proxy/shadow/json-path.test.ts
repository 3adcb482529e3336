import { describe, expect, it } from 'vitest';
import { createPathMatcher, formatPath, generalizePath } from '../../../proxy/shadow/json-path.ts';

describe('JSON paths and noise patterns', () => {
  it('formats paths the way people read them', () => {
    expect(formatPath(['items', 3, 'price'])).toBe('$.items[3].price');
    expect(formatPath(['headers', 'content-type'])).toBe("$.headers['content-type']");
    expect(generalizePath('$.orders[12].lines[0].sku')).toBe('$.orders[*].lines[*].sku');
  });

  it('matches wildcards for one segment and .. for any depth, never a prefix', () => {
    const matches = createPathMatcher(['$.meta.*', '$.items[*].updatedAt', '$..requestId', "$['x-trace']"]);
    expect(matches(['meta', 'servedBy'])).toBe(true);
    expect(matches(['meta'])).toBe(false);
    expect(matches(['meta', 'servedBy', 'host'])).toBe(false);
    expect(matches(['items', 7, 'updatedAt'])).toBe(true);
    expect(matches(['items', 7, 'price'])).toBe(false);
    expect(matches(['requestId'])).toBe(true);
    expect(matches(['data', 0, 'audit', 'requestId'])).toBe(true);
    expect(matches(['x-trace'])).toBe(true);
  });

  it('matches concrete indices only at that index', () => {
    const matches = createPathMatcher(['$.items[0].note']);
    expect(matches(['items', 0, 'note'])).toBe(true);
    expect(matches(['items', 1, 'note'])).toBe(false);
  });
});
