import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { analyze } from '../../analyzer/index.ts';
import { writeReports } from '../../analyzer/report/index.ts';
import { toTable } from '../narrator.ts';
import type { RunContext } from '../run-context.ts';

/** Step 2: read the code, propose services and an extraction order, write the reports. */
export async function analyzeMonolith(run: RunContext): Promise<void> {
  const root = join(run.root, 'sample-monolith');
  const expected = JSON.parse(await readFile(join(root, 'expected-boundaries.json'), 'utf8'));
  const analysis = await analyze({ root, expected, git: false });
  run.analysis = analysis;
  const reports = join(run.outDir, 'reports');
  await writeReports(analysis, { outDir: reports });

  const rows = [...analysis.services]
    .sort((a, b) => a.extractionOrder - b.extractionOrder)
    .map((s) => [
      String(s.extractionOrder),
      s.name,
      String(s.modules.length),
      String(s.endpoints.length),
      s.tables.join(', ') || '–',
      s.dependsOn.map((d) => d.service).join(', ') || '–',
    ]);
  for (const line of toTable([
    ['#', 'SERVICE', 'FILES', 'ENDPOINTS', 'OWNS TABLES', 'DEPENDS ON'],
    ...rows,
  ])) {
    run.narrator.say(`  ${line}`);
  }
  const m = analysis.metrics;
  const b = analysis.baseline.metrics;
  run.narrator.say();
  run.narrator.say(
    `  modularity ${m.modularity.toFixed(2)} (folders ${b.modularity.toFixed(2)}), cross-service calls ICP ${m.icp.toFixed(2)} (folders ${b.icp.toFixed(2)})` +
      (m.mojofm === undefined ? '' : `, MoJoFM vs the architects' cut ${m.mojofm.toFixed(1)}`),
  );
  run.narrator.say(
    `  ${analysis.modules.length} files, ${analysis.endpoints.length} endpoints, ${analysis.tables.length} tables in ${(analysis.stats.durationMs / 1000).toFixed(1)} s`,
  );
  run.narrator.say(`  reports     ${join(reports, 'report.html')} (open it in a browser)`);
}
