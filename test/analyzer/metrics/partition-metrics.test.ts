import { describe, expect, it } from 'vitest';
import {
  interfaceNumber,
  interPartitionCallPercentage,
  modularity,
  nonExtremeDistribution,
  structuralModularity,
} from '../../../analyzer/metrics/index.ts';
import type { MetricsInput } from '../../../analyzer/metrics/types.ts';

const call = (from: string, to: string, weight = 1, kind = 'import') => ({ from, to, weight, kind });

function input(services: Record<string, string[]>, edges: MetricsInput['edges']): MetricsInput {
  const assignment: Record<string, string> = {};
  for (const [service, modules] of Object.entries(services))
    for (const id of modules) assignment[id] = service;
  return { modules: Object.keys(assignment), edges, assignment };
}

describe('modularity', () => {
  it('scores two triangles joined by one edge at 5/14, the textbook value', () => {
    const graph = input({ orders: ['a', 'b', 'c'], billing: ['d', 'e', 'f'] }, [
      call('a', 'b'),
      call('b', 'c'),
      call('a', 'c'),
      call('d', 'e'),
      call('e', 'f'),
      call('d', 'f'),
      call('c', 'd'),
    ]);
    expect(modularity(graph)).toBeCloseTo(5 / 14, 10);
  });

  it('is zero for one service holding everything and negative for a split against the edges', () => {
    const edges = [call('a', 'b'), call('c', 'd')];
    expect(modularity(input({ all: ['a', 'b', 'c', 'd'] }, edges))).toBeCloseTo(0, 10);
    expect(modularity(input({ x: ['a', 'c'], y: ['b', 'd'] }, edges))).toBeCloseTo(-0.5, 10);
  });

  it('ignores edges that leave the participating modules (the shared kernel)', () => {
    const graph = input({ orders: ['a', 'b'], billing: ['c', 'd'] }, [call('a', 'b'), call('c', 'd')]);
    const withKernel = { ...graph, edges: [...graph.edges, call('a', 'db'), call('c', 'db', 5)] };
    expect(modularity(withKernel)).toBeCloseTo(modularity(graph), 10);
  });
});

describe('structural modularity', () => {
  it('matches the hand-computed cohesion minus coupling', () => {
    // scoh: 3/9 and 1/4 -> mean 7/24; one cross pair: scop = 1/(2*3*2), counted both ways,
    // times 2/(K(K-1)) = 1 -> 1/6. SM = 7/24 - 4/24.
    const graph = input({ orders: ['a', 'b', 'c'], billing: ['d', 'e'] }, [
      call('a', 'b'),
      call('b', 'a'),
      call('a', 'b', 3, 'dynamic'),
      call('b', 'c'),
      call('c', 'a'),
      call('d', 'e'),
      call('a', 'd'),
      call('b', 'e', 1, 'type'),
      call('c', 'e', 4, 'data'),
    ]);
    expect(structuralModularity(graph)).toBeCloseTo(3 / 24, 10);
  });

  it('is the cohesion alone for a single service', () => {
    expect(structuralModularity(input({ all: ['a', 'b'] }, [call('a', 'b')]))).toBeCloseTo(1 / 4, 10);
  });
});

describe('inter-partition call percentage', () => {
  it('damps call volume to 1 + ln v and ignores non-call edges', () => {
    const graph = input({ orders: ['a', 'b', 'c'], billing: ['d'] }, [
      call('a', 'b', 1),
      call('b', 'c', Math.E),
      call('a', 'd', 1),
      call('c', 'd', 10, 'data'),
      call('b', 'd', 10, 'cochange'),
    ]);
    expect(interPartitionCallPercentage(graph)).toBeCloseTo(1 / 4, 10);
    const weak = { ...graph, edges: [...graph.edges, call('c', 'd', 0.5, 'require')] };
    expect(interPartitionCallPercentage(weak)).toBeCloseTo(1.5 / 4.5, 10);
  });

  it('is zero when nothing calls anything', () => {
    expect(interPartitionCallPercentage(input({ a: ['x'], b: ['y'] }, []))).toBe(0);
  });
});

describe('interface number', () => {
  it('counts modules called from another service, averaged over services', () => {
    const graph = input({ orders: ['a', 'b', 'c'], billing: ['d', 'e'], audit: ['f'] }, [
      call('a', 'd'),
      call('b', 'd'),
      call('c', 'e'),
      call('f', 'a'),
      call('a', 'b'),
      call('e', 'c', 1, 'type'),
    ]);
    expect(interfaceNumber(graph)).toBeCloseTo(3 / 3, 10);
  });
});

describe('non-extreme distribution', () => {
  it('is the share of modules in services under 5 or over 20 modules', () => {
    const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    const graph = input(
      { tiny: ids('t', 3), five: ids('f', 5), twenty: ids('w', 20), huge: ids('h', 21) },
      [],
    );
    expect(nonExtremeDistribution(graph)).toBeCloseTo(24 / 49, 10);
  });
});
