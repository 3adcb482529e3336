import { describe, expect, it } from 'vitest';
import { createComparator } from '../../../proxy/shadow/compare-responses.ts';
import { learnNoise, mergeLearnedNoise } from '../../../proxy/shadow/learn-noise.ts';
import { getNoiseRules } from '../../../proxy/shadow/noise-rules.ts';
import type { ObservedResponse } from '../../../proxy/shadow/types.ts';

const catalogue = (generatedAt: string, requestId: string, stamps: string[]): ObservedResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json', 'cache-control': `max-age=${requestId.length}` },
  body: Buffer.from(
    JSON.stringify({
      generatedAt,
      requestId,
      products: stamps.map((viewedAt, i) => ({ id: i + 1, name: ['Kettle', 'Toaster'][i], viewedAt })),
    }),
  ),
});

describe('noise learning from two monolith answers', () => {
  const compare = createComparator(getNoiseRules(undefined), ['content-type', 'cache-control']);

  it('learns the fields that differ between two answers, array indices generalised', () => {
    const first = catalogue('2026-11-23T10:00:00.001Z', 'req-1', [
      '2026-11-23T09:00:00Z',
      '2026-11-23T09:01:00Z',
    ]);
    const second = catalogue('2026-11-23T10:00:00.007Z', 'req-22', [
      '2026-11-23T09:05:00Z',
      '2026-11-23T09:06:00Z',
    ]);
    const learned = learnNoise(first, second, compare).map((entry) => entry.path);
    expect(learned.sort()).toEqual([
      '$.generatedAt',
      '$.products[*].viewedAt',
      '$.requestId',
      'header:cache-control',
    ]);
  });

  it('learns nothing from two identical answers', () => {
    const answer = catalogue('2026-11-23T10:00:00.001Z', 'req-1', []);
    expect(learnNoise(answer, answer, compare)).toEqual([]);
  });

  it('excludes learned fields from the next comparison, but not the real ones', () => {
    const monolith = catalogue('2026-11-23T10:00:00.001Z', 'req-1', ['2026-11-23T09:00:00Z']);
    const second = catalogue('2026-11-23T10:00:00.009Z', 'req-2', ['2026-11-23T09:00:00Z']);
    const learned = mergeLearnedNoise([], learnNoise(monolith, second, compare), '2026-11-23T10:00:01Z');
    const withNoise = createComparator(getNoiseRules(undefined, learned), ['content-type']);
    const service = catalogue('2026-11-23T10:00:00.050Z', 'req-9', ['2026-11-23T09:00:00Z']);
    expect(withNoise(monolith, service).matched).toBe(true);
    const renamed = JSON.parse(service.body!.toString());
    renamed.products[0].name = 'Electric kettle';
    const result = withNoise(monolith, { ...service, body: Buffer.from(JSON.stringify(renamed)) });
    expect(result.differences.map((d) => d.path)).toEqual(['$.products[0].name']);
  });

  it('counts repeat sightings instead of duplicating', () => {
    const found = [{ path: '$.generatedAt', example: { first: '"a"', second: '"b"' } }];
    const once = mergeLearnedNoise([], found, 't1');
    const twice = mergeLearnedNoise(once, found, 't2');
    expect(twice).toEqual([
      { path: '$.generatedAt', seen: 2, firstSeenAt: 't1', example: { first: '"a"', second: '"b"' } },
    ]);
  });
});
