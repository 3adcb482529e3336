import { describe, expect, it } from 'vitest';
import type { Route } from '../../../proxy/model.ts';
import { shouldMirror } from '../../../proxy/shadow/should-mirror.ts';

const route = (shadow?: Route['shadow']): Route => ({
  id: 'any-api-orders-prefix',
  key: '* /api/orders/*',
  methods: ['*'],
  path: '/api/orders/*',
  mode: 'shadow',
  percent: 0,
  service: 'orders-service',
  shadow,
});

describe('which requests are mirrored', () => {
  it('mirrors GET and HEAD, and unsafe methods only when the route lists them', () => {
    expect(shouldMirror(route(), 'GET')).toEqual({ mirror: true });
    expect(shouldMirror(route(), 'head')).toEqual({ mirror: true });
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
      expect(shouldMirror(route(), method)).toEqual({ mirror: false, reason: 'method' });
    }
    expect(shouldMirror(route({ methods: ['post'] }), 'POST')).toEqual({ mirror: true });
    expect(shouldMirror(route({ methods: ['POST'] }), 'DELETE')).toEqual({ mirror: false, reason: 'method' });
  });

  it('samples the configured share of requests', () => {
    let i = 0;
    const evenlySpread = () => (i++ % 1000) / 1000;
    let mirrored = 0;
    for (let n = 0; n < 10_000; n++)
      if (shouldMirror(route({ sample: 25 }), 'GET', evenlySpread).mirror) mirrored++;
    expect(mirrored).toBe(2500);
    expect(shouldMirror(route({ sample: 0 }), 'GET', () => 0)).toEqual({ mirror: false, reason: 'sample' });
  });
});
