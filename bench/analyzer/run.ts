// `npm run bench:analyzer`: times `strangler analyze` beside madge's graph, dependency-cruiser's
// graph and a bare TypeScript parse, on the same generated monolith, at each size.
//
//   npm run bench:analyzer -- --sizes 500,5000 --domains 10 --seed 1 --runs 1 [--json out.json] [--keep]
//                             [--tools strangler,madge,depcruise,bare]
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateMonolith } from '../generate/index.ts';
import { type Measurement, measureNode } from './measure.ts';
import { formatReport, type SizeResult, type ToolResult } from './table.ts';
import { createTools, REPO_ROOT } from './tools.ts';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '500,5000' },
    domains: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    runs: { type: 'string', default: '1' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    tools: { type: 'string', default: 'strangler,madge,depcruise,bare' },
  },
});
const sizes = values.sizes.split(',').map(Number);
const domains = Number(values.domains);
const seed = Number(values.seed);
const runs = Math.max(1, Number(values.runs));

const help = spawnSync(process.execPath, [join(REPO_ROOT, 'bin/strangler.js'), 'analyze', '--help'], {
  encoding: 'utf8',
});
const wanted = new Set(values.tools.split(','));
const tools = createTools({ expected: help.stdout.includes('--expected') }).filter((tool) =>
  wanted.has(tool.key),
);
const machine = {
  cpus: cpus().length,
  cpu: cpus()[0]?.model ?? 'unknown',
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAtStart: loadavg().map((l) => Math.round(l * 10) / 10),
};
process.stdout.write(
  `machine: ${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}, load ${machine.loadAtStart.join(' ')}\n`,
);

const results: SizeResult[] = [];
for (const files of sizes) {
  const dir = await mkdtemp(join(tmpdir(), `strangler-bench-${files}-`));
  try {
    const monolith = await generateMonolith({ dir, files, domains, seed });
    process.stdout.write(`\ngenerated ${files} files, ${domains} domains, seed ${seed}: ${dir}\n`);
    const best = new Map<string, { m: Measurement; files: number; note: string }>();
    for (let run = 0; run < runs; run++) {
      // Rotate the order each run so no tool always runs on a warmer or busier machine.
      for (let i = 0; i < tools.length; i++) {
        const tool = tools[(i + run) % tools.length]!;
        const scratch = await mkdtemp(join(tmpdir(), 'strangler-bench-out-'));
        try {
          process.stdout.write(`  ${tool.name} (run ${run + 1}/${runs}) ... `);
          const m = await measureNode(tool.args(dir, scratch), { cwd: tool.cwd(dir), label: tool.name });
          const summary = await tool.summarize(m.stdout, scratch);
          process.stdout.write(`${(m.wallMs / 1000).toFixed(2)} s\n`);
          const previous = best.get(tool.key);
          if (!previous || m.wallMs < previous.m.wallMs) best.set(tool.key, { m, ...summary });
        } finally {
          await rm(scratch, { recursive: true, force: true });
        }
      }
    }
    const rows: ToolResult[] = tools.map((tool) => {
      const { m, files: seen, note } = best.get(tool.key)!;
      return {
        key: tool.key,
        name: tool.name,
        wallMs: m.wallMs,
        cpuMs: m.cpuMs,
        maxRssBytes: m.maxRssBytes,
        files: seen,
        note,
      };
    });
    results.push({ files, domains, seed, endpoints: monolith.counts.endpoints, rows });
  } finally {
    if (!values.keep) await rm(dir, { recursive: true, force: true });
  }
}

process.stdout.write(`\n${formatReport(results)}`);
if (values.json) {
  await writeFile(
    values.json,
    `${JSON.stringify({ date: new Date().toISOString(), machine, runs, results }, null, 2)}\n`,
  );
}
