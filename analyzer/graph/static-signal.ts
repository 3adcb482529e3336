import type { ImportEdge } from '../facts/types.ts';
import { type CouplingEdge, compareEdges } from './types.ts';
import type { CouplingWeights } from './weights.ts';

/**
 * Code coupling: one edge per importer, imported file and kind. A value import weighs its
 * distinct symbols (capped, so a namespace import of a big module does not drown the rest);
 * a type-only import weighs little because it is erased at run time; a dynamic import is
 * noted with a modest flat weight.
 */
export function getStaticEdges(imports: readonly ImportEdge[], weights: CouplingWeights): CouplingEdge[] {
  const grouped = new Map<string, { edge: ImportEdge; symbols: Set<string>; count: number }>();
  for (const edge of imports) {
    if (edge.from === edge.to) continue;
    const key = `${edge.from}\0${edge.to}\0${edge.kind}`;
    const entry = grouped.get(key);
    if (entry) {
      entry.count += 1;
      for (const symbol of edge.symbols) entry.symbols.add(symbol);
    } else {
      grouped.set(key, { edge, symbols: new Set(edge.symbols), count: 1 });
    }
  }
  const edges: CouplingEdge[] = [];
  for (const { edge, symbols, count } of grouped.values()) {
    const sorted = [...symbols].sort();
    edges.push({
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      weight: round(getKindWeight(edge.kind, weights) * getSymbolFactor(sorted, edge.kind, weights)),
      symbols: sorted,
      count,
    });
  }
  return edges.sort(compareEdges);
}

function getKindWeight(kind: ImportEdge['kind'], weights: CouplingWeights): number {
  return weights[kind];
}

function getSymbolFactor(symbols: string[], kind: ImportEdge['kind'], weights: CouplingWeights): number {
  if (kind === 'dynamic') return 1;
  if (symbols.includes('*')) return weights.symbolCap;
  return Math.max(1, Math.min(symbols.length, weights.symbolCap));
}

export function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
