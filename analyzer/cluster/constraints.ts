import picomatch from 'picomatch';
import { z } from 'zod';
import { StranglerError } from '../../errors/index.ts';
import type { AnalysisWarning } from '../facts/types.ts';
import { CLUSTER_ERRORS } from './errors.ts';

/**
 * What an architect can impose on the proposal (`--constraints FILE`). Every entry is a module
 * id or a glob over module ids. The HTML report's what-if editor exports its edited partition
 * in this shape (a `pin` per module).
 */
export const constraintsSchema = z.strictObject({
  /** Each list ends up in one service. */
  together: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Each list's entries end up in different services (each entry may match many modules). */
  apart: z.array(z.array(z.string().min(1)).min(2)).default([]),
  /** Module or glob -> service name. Same name = same service, different names = apart. */
  pin: z.record(z.string().min(1), z.string().min(1)).default({}),
  /**
   * `together` (default): a transaction's writers, and the areas around them, share a service.
   * `coupling`: the user accepts splits where the code disagrees (a saga to design); a writer
   * moves to the transaction's home only when its code is tied to it, and each split is a risk.
   */
  transactions: z.enum(['together', 'coupling']).default('together'),
});

export type Constraints = z.infer<typeof constraintsSchema>;

export const NO_CONSTRAINTS: Constraints = Object.freeze({
  together: [],
  apart: [],
  pin: {},
  transactions: 'together',
}) as Constraints;

/** Validates a parsed constraints file; the error names the offending path. */
export function parseConstraints(value: unknown, source = 'constraints'): Constraints {
  const result = constraintsSchema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const path = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new StranglerError(
      CLUSTER_ERRORS.CLUSTER_CONSTRAINTS_INVALID,
      `${source}: ${path}: ${issue.message}`,
      {
        details: { source, path },
      },
    );
  }
  return result.data;
}

/** Constraints resolved to module sets. */
export interface ResolvedConstraints {
  together: string[][];
  /** Each rule: its sides, each a list of modules. */
  apart: string[][][];
  /** module -> service name. */
  pins: Map<string, string>;
}

export function resolveConstraints(
  constraints: Constraints,
  modules: readonly string[],
  warnings: AnalysisWarning[],
): ResolvedConstraints {
  const match = (pattern: string): string[] => {
    const isMatch = picomatch(pattern, { dot: true });
    const found = modules.filter((id) => id === pattern || isMatch(id));
    if (found.length === 0) {
      warnings.push({
        code: 'CONSTRAINT_NO_MATCH',
        message: `Constraint "${pattern}" matches no clustered module.`,
      });
    }
    return found;
  };
  const pins = new Map<string, string>();
  // More specific patterns (longer) win over broad ones, whatever the file's order.
  const pinEntries = Object.entries(constraints.pin).sort(
    ([a], [b]) => b.length - a.length || (a < b ? -1 : 1),
  );
  for (const [pattern, service] of pinEntries) {
    for (const id of match(pattern)) if (!pins.has(id)) pins.set(id, service);
  }
  const names = [...new Set(pins.values())].sort();
  const apart = constraints.apart.map((rule) => rule.map(match));
  if (names.length > 1) {
    apart.push(names.map((name) => [...pins].filter(([, service]) => service === name).map(([id]) => id)));
  }
  return {
    together: constraints.together.map((rule) => [...new Set(rule.flatMap(match))].sort()),
    apart,
    pins,
  };
}
