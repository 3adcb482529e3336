/**
 * `strangler diffs` as text: one block per route with its mode, comparisons, match rate and
 * readiness, the learned noise to confirm, the top differing paths, and one mismatch example.
 * Presentation only; the data is `RouteDiffReport`.
 */
import { formatPercent } from './readiness.ts';
import type { RouteDiffReport } from './types.ts';

export function formatDiffs(routes: readonly RouteDiffReport[]): string {
  if (routes.length === 0)
    return 'No route is being shadowed yet. Set one with `strangler routes set ROUTE --mode shadow`.';
  return routes.map(formatRoute).join('\n\n');
}

function formatRoute(route: RouteDiffReport): string {
  const { counters, readiness } = route;
  const lines = [
    `${route.routeKey}  [${route.mode ?? 'removed'}${route.service ? ` → ${route.service}` : ''}]`,
  ];
  const verdict = readiness.ready ? 'READY' : `not ready: ${readiness.reason}`;
  lines.push(
    `  comparisons  ${readiness.comparisons}  match rate ${formatPercent(readiness.matchRate)}  ${verdict}`,
  );
  lines.push(
    `  matched ${counters.matched}  mismatched ${counters.mismatched}  failed ${counters.failed}  skipped ${counters.skipped}` +
      formatReasons(route.reasons),
  );
  if (route.learnedNoise.length > 0) {
    lines.push('  learned noise (ignored; confirm these are really noise):');
    for (const noise of route.learnedNoise) {
      lines.push(
        `    ${noise.path}  seen ${noise.seen}×  e.g. ${noise.example.first} / ${noise.example.second}`,
      );
    }
  }
  if (route.topPaths.length > 0) {
    lines.push('  top differing paths:');
    for (const path of route.topPaths.slice(0, 5)) lines.push(`    ${path.path}  ${path.count}×`);
  }
  const example = route.lastMismatch;
  if (example) {
    lines.push(`  example: ${example.method} ${example.url}  (${example.at})`);
    for (const difference of example.differences.slice(0, 5)) {
      lines.push(`    ${difference.path}: ${difference.expected} ≠ ${difference.actual}`);
    }
    if (example.differences.length > 5) lines.push(`    … ${example.differences.length - 5} more`);
  }
  return lines.join('\n');
}

function formatReasons(reasons: Record<string, number>): string {
  const entries = Object.entries(reasons);
  return entries.length === 0 ? '' : `  (${entries.map(([reason, n]) => `${reason} ${n}`).join(', ')})`;
}
