/**
 * A route's effective noise rules: what the team configured on the route, plus what the
 * proxy learned from asking the monolith twice.
 */
import type { ShadowOptions } from '../model.ts';
import type { LearnedNoise, NoiseRules } from './types.ts';

export const HEADER_NOISE_PREFIX = 'header:';

export function getNoiseRules(
  options: ShadowOptions | undefined,
  learned: readonly LearnedNoise[] = [],
): NoiseRules {
  const learnedHeaders = learned
    .filter((entry) => entry.path.startsWith(HEADER_NOISE_PREFIX))
    .map((entry) => entry.path.slice(HEADER_NOISE_PREFIX.length));
  const learnedPaths = learned.filter((entry) => entry.path.startsWith('$')).map((entry) => entry.path);
  return {
    ignorePaths: [...(options?.ignorePaths ?? []), ...learnedPaths],
    ignoreHeaders: [...(options?.ignoreHeaders ?? []), ...learnedHeaders].map((name) => name.toLowerCase()),
    unorderedArrays: options?.unorderedArrays ?? [],
    numericTolerance: options?.numericTolerance ?? 0,
  };
}
