/**
 * How much each coupling signal counts when modules are clustered. The defaults and their
 * reasons are documented in docs/analyzer.md ("Proposing services"); keep the two in step.
 */
export interface CouplingWeights {
  /** Per imported symbol of a value import (`import { a, b }` counts 2). */
  import: number;
  /** Per symbol of a CommonJS `require`: the same runtime coupling as an import. */
  require: number;
  /** Per symbol of a type-only import: compile-time only, erased at run time. */
  type: number;
  /** A dynamic `import()`: runtime coupling, but lazy and often a plugin seam. */
  dynamic: number;
  /** A re-export: a barrel passing names on, not a use of them. */
  reexport: number;
  /** Two modules that both write one table. */
  dataWriteWrite: number;
  /** One module writes a table another reads. */
  dataWriteRead: number;
  /** Two modules that only read one table. */
  dataReadRead: number;
  /** Two modules whose writes run inside one transaction. */
  transaction: number;
  /** Files that change together, times their co-change confidence (0..1). */
  cochange: number;
  /** Endpoints hit together in one session, times their co-occurrence confidence (0..1). */
  traffic: number;
  /** Total tie of a module to its folder-mates (a clustering prior, not an output edge). */
  folder: number;
  /** A symbol count above this adds nothing more (a `*` import counts as this many). */
  symbolCap: number;
}

export const DEFAULT_WEIGHTS: Readonly<CouplingWeights> = Object.freeze({
  import: 1,
  require: 1,
  type: 0.2,
  dynamic: 0.5,
  reexport: 0.1,
  dataWriteWrite: 3,
  dataWriteRead: 1.5,
  dataReadRead: 0.5,
  transaction: 1,
  cochange: 2,
  traffic: 2,
  folder: 2,
  symbolCap: 5,
});

export function resolveWeights(overrides: Partial<CouplingWeights> = {}): CouplingWeights {
  const weights = { ...DEFAULT_WEIGHTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (key in weights && typeof value === 'number' && Number.isFinite(value) && value >= 0) {
      weights[key as keyof CouplingWeights] = value;
    }
  }
  return weights;
}
