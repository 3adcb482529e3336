import { describe, expect, it } from 'vitest';
import { metricsSchema } from '../../../analyzer/analysis.ts';
import {
  parseExpectedBoundaries,
  toExpectedAssignment,
} from '../../../analyzer/metrics/expected-boundaries.ts';
import { computeMetrics } from '../../../analyzer/metrics/index.ts';
import { StranglerError } from '../../../errors/index.ts';

const modules = [
  'src/orders/orders.routes.ts',
  'src/orders/orders.service.ts',
  'src/orders/orders.repository.ts',
  'src/billing/invoices.service.ts',
  'src/billing/invoices.repository.ts',
  'src/shared/db.ts',
];

const edges = [
  { from: modules[0]!, to: modules[1]!, weight: 2, kind: 'import' },
  { from: modules[1]!, to: modules[2]!, weight: 3, kind: 'import' },
  { from: modules[3]!, to: modules[4]!, weight: 2, kind: 'import' },
  { from: modules[1]!, to: modules[3]!, weight: 1, kind: 'import' },
  { from: modules[2]!, to: modules[5]!, weight: 1, kind: 'import' },
];

describe('computeMetrics', () => {
  it('returns every metric, rounded, in the analysis.json shape', () => {
    const assignment = {
      [modules[0]!]: 'orders',
      [modules[1]!]: 'orders',
      [modules[2]!]: 'orders',
      [modules[3]!]: 'billing',
      [modules[4]!]: 'billing',
    };
    const metrics = computeMetrics({ modules: modules.slice(0, 5), edges, assignment });
    expect(metricsSchema.parse(metrics)).toEqual(metrics);
    expect(metrics.mojofm).toBeUndefined();
    // One crossing call of volume 1 among volumes 2, 3, 2 and 1 (the kernel edge does not count).
    const damped = (v: number) => 1 + Math.log(v);
    expect(metrics.icp).toBe(Math.round((1 / (damped(2) + damped(3) + damped(2) + 1)) * 1e4) / 1e4);
    expect(metrics.ifn).toBe(0.5);
    expect(metrics.ned).toBe(1);
  });

  it('scores MoJoFM from --expected globs, counting expected modules set aside as kernel', () => {
    const boundaries = parseExpectedBoundaries({
      services: { orders: ['./src/orders/**'], billing: ['src/billing/*.ts'], shared: ['src/shared/**'] },
    });
    const expected = toExpectedAssignment(boundaries, modules);
    expect(expected['src/shared/db.ts']).toBe('shared');
    const right = Object.fromEntries(modules.slice(0, 5).map((id) => [id, id.split('/')[1]!]));
    const input = { modules: modules.slice(0, 5), edges, assignment: right, expected };
    expect(computeMetrics(input).mojofm).toBe(100);

    // orders.repository wrongly set aside with the kernel: one move out of n - groups = 6 - 3.
    const { [modules[2]!]: _, ...missing } = right;
    expect(computeMetrics({ ...input, assignment: missing }).mojofm).toBe(66.67);
  });
});

describe('expected boundaries', () => {
  it('gives a module to the first service whose globs match it', () => {
    const boundaries = parseExpectedBoundaries({
      services: { billing: ['src/billing/**'], monolith: ['src/**'] },
    });
    expect(
      toExpectedAssignment(boundaries, ['src/billing/a.ts', 'src/orders/b.ts', 'scripts/seed.ts']),
    ).toEqual({
      'src/billing/a.ts': 'billing',
      'src/orders/b.ts': 'monolith',
    });
  });

  it('rejects a file without a services map, naming the file', () => {
    try {
      parseExpectedBoundaries({ orders: ['src/orders/**'] }, 'expected.json');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StranglerError);
      expect((error as StranglerError).code).toBe('METRICS_EXPECTED_INVALID');
      expect((error as StranglerError).message).toContain('expected.json');
    }
  });
});
