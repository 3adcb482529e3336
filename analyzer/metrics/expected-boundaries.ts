/**
 * `--expected FILE`: the boundaries an architect expects, `{ "services": { name: [globs] } }`,
 * globs relative to the analysed root. Turned into `module id -> expected service` for MoJoFM.
 * Kept apart from `index.ts` because picomatch has no place in the HTML report's bundle.
 */
import picomatch from 'picomatch';
import { z } from 'zod';
import { StranglerError } from '../../errors/index.ts';
import { METRICS_ERRORS } from './errors.ts';

export const expectedBoundariesSchema = z.object({
  services: z.record(z.string().min(1), z.array(z.string().min(1))),
});

export type ExpectedBoundaries = z.infer<typeof expectedBoundariesSchema>;

/** Validates parsed JSON; `source` (the file name) goes into the error. */
export function parseExpectedBoundaries(json: unknown, source = '--expected'): ExpectedBoundaries {
  const result = expectedBoundariesSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)';
    throw new StranglerError(
      METRICS_ERRORS.METRICS_EXPECTED_INVALID,
      `${source}: ${where}: ${issue.message}`,
      {
        details: { file: source, path: issue.path.map(String) },
      },
    );
  }
  return result.data;
}

/**
 * Each module id (POSIX, relative to the root) mapped to the first service whose globs match
 * it, in the order the file lists them, so a catch-all service can come last. Modules that
 * match no glob are left out and do not count in MoJoFM. Pass every analysed module, shared
 * kernel included: an expected "shared" group then scores the kernel detection too.
 */
export function toExpectedAssignment(
  boundaries: ExpectedBoundaries,
  moduleIds: readonly string[],
): Record<string, string> {
  const matchers = Object.entries(boundaries.services).map(
    ([service, globs]) => [service, picomatch(globs.map(normalizeGlob), { dot: true })] as const,
  );
  const out: Record<string, string> = {};
  for (const id of moduleIds) {
    const hit = matchers.find(([, isMatch]) => isMatch(id));
    if (hit) out[id] = hit[0];
  }
  return out;
}

function normalizeGlob(glob: string): string {
  return glob.replace(/\\/g, '/').replace(/^\.\//, '');
}
