/**
 * The weighted module graph every coupling signal feeds. Plain data: nodes are module ids
 * (file paths relative to the root), edges carry the signal that produced them.
 */
export type CouplingKind =
  | 'import'
  | 'type'
  | 'dynamic'
  | 'require'
  | 'reexport'
  | 'data'
  | 'cochange'
  | 'traffic'
  | 'folder';

export interface CouplingEdge {
  /** For directed signals (imports) the importer; for symmetric ones the smaller id. */
  from: string;
  to: string;
  kind: CouplingKind;
  weight: number;
  /** Imported names for code edges, tables for data edges, empty otherwise. */
  symbols: string[];
  /** Import sites (code edges), shared tables (data), shared commits or sessions. */
  count: number;
}

export interface ModuleGraph {
  /** Every module, sorted. */
  modules: string[];
  /** Sorted by from, to, kind: the same facts give the same array. */
  edges: CouplingEdge[];
}

/** Orders edges so that graphs built from the same facts are identical. */
export function compareEdges(a: CouplingEdge, b: CouplingEdge): number {
  return cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.kind, b.kind);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A key for an unordered pair of modules. */
export function pairKey(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}
