import type { AnalysisWarning } from '../facts/types.ts';
import type { FileScan } from './file-scan.ts';
import { SOURCE_EXTENSIONS } from './list-files.ts';

/**
 * Opt-in cross-check (`--cross-check`): lets madge resolve the project on its own and reports
 * every runtime import where it and TypeScript's resolution disagree, as `RESOLUTION_DIFFERS`
 * warnings. madge is 4-8x slower and misses tsconfig `paths` without `baseUrl`, so it never
 * decides anything; a difference is a lead for the user (or a bug report for us).
 */
export async function crossCheckWithMadge(
  root: string,
  tsconfig: string | null,
  scans: readonly FileScan[],
): Promise<AnalysisWarning[]> {
  // Loaded here, not at the top: madge costs ~0.8 s to load and only this opt-in check needs it.
  const { default: madge } = await import('madge');
  const result = await madge(root, {
    baseDir: root,
    fileExtensions: SOURCE_EXTENSIONS.map((ext) => ext.slice(1)),
    ...(tsconfig ? { tsConfig: tsconfig } : {}),
    excludeRegExp: [/node_modules/],
    detectiveOptions: { ts: { skipTypeImports: true }, es6: { skipTypeImports: true, mixedImports: true } },
  });
  const known = new Set(scans.map((scan) => scan.id));
  const ours = new Set<string>();
  for (const scan of scans) {
    for (const site of scan.imports)
      if (site.target && site.kind !== 'type') ours.add(`${scan.id}\n${site.target}`);
  }
  const theirs = new Set<string>();
  for (const [from, deps] of Object.entries(result.obj())) {
    if (!known.has(from)) continue;
    for (const to of deps) if (known.has(to) && to !== from) theirs.add(`${from}\n${to}`);
  }
  const warnings: AnalysisWarning[] = [];
  for (const edge of theirs) {
    if (ours.has(edge)) continue;
    const [from, to] = edge.split('\n') as [string, string];
    warnings.push({
      code: 'RESOLUTION_DIFFERS',
      file: from,
      message: `madge finds an import of ${to} that TypeScript's resolution does not`,
    });
  }
  for (const edge of ours) {
    if (theirs.has(edge)) continue;
    const [from, to] = edge.split('\n') as [string, string];
    warnings.push({ code: 'RESOLUTION_DIFFERS', file: from, message: `madge misses the import of ${to}` });
  }
  return warnings.sort(
    (a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.message.localeCompare(b.message),
  );
}
