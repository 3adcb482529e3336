/**
 * `strangler analyze` on broken and hostile source trees: it must never crash (exit code other
 * than 0/1, a signal, a stack trace, a hang) and must end with a clear warning or error.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordFigure } from './figures.ts';
import { HOSTILE_TREES, type HostileTree } from './hostile-trees.ts';

const root = new URL('../../', import.meta.url).pathname;
const STACK = /^\s+at .+(:\d+:\d+\)?|\(native\))$/m;

interface Outcome {
  tree: HostileTree;
  code: number | null;
  signal: string | null;
  output: string;
  warnings: Array<{ code: string }>;
  hasAnalysis: boolean;
}

function analyze(base: string, tree: HostileTree, index: number): Promise<Outcome> {
  const dir = join(base, `tree-${index}`);
  const out = join(base, `out-${index}`);
  mkdirSync(dir);
  tree.write(dir);
  const target = existsSync(join(dir, 'root')) ? join(dir, 'root') : dir;
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['bin/strangler.js', 'analyze', target, '--out', out, '--quiet', '--no-git'],
      {
        cwd: root,
        stdio: 'pipe',
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const file = join(out, 'analysis.json');
      const hasAnalysis = existsSync(file);
      const warnings = hasAnalysis ? (JSON.parse(readFileSync(file, 'utf8')).warnings ?? []) : [];
      resolve({ tree, code, signal, output, warnings, hasAnalysis });
    });
  });
}

const crashed = (o: Outcome) => o.signal !== null || (o.code !== 0 && o.code !== 1) || STACK.test(o.output);
/** An error with a code and a hint, or an analysis that warns (or, for an odd but legal tree, simply succeeds). */
const clear = (o: Outcome) =>
  (o.code === 1 && /error [A-Z][A-Z0-9_]+:/.test(o.output) && /hint:/.test(o.output)) ||
  (o.code === 0 && o.hasAnalysis && (o.warnings.length > 0 || o.tree.expect === 'valid'));

describe('analyzer on hostile source trees', () => {
  const base = mkdtempSync(join(tmpdir(), 'strangler-trees-'));
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it(`${HOSTILE_TREES.length} trees: no crash, always a clear warning or error`, async () => {
    const outcomes: Outcome[] = [];
    let next = 0;
    const worker = async () => {
      while (next < HOSTILE_TREES.length) {
        const index = next++;
        outcomes.push(await analyze(base, HOSTILE_TREES[index]!, index));
      }
    };
    await Promise.all([worker(), worker()]);
    const crashes = outcomes.filter(crashed);
    const unclear = outcomes.filter((o) => !crashed(o) && !clear(o));
    const describeOutcome = (o: Outcome) =>
      `${o.tree.name}: exit ${o.code ?? o.signal}, warnings [${o.warnings.map((w) => w.code).join(',')}] ${o.output.slice(0, 300)}`;
    recordFigure({
      tried: 'analyzer: hostile trees, crashes',
      times: outcomes.length,
      failed: crashes.length,
      goal: '0',
      met: crashes.length === 0,
      note: 'exit not 0/1, signal, stack trace or hang (90 s)',
    });
    recordFigure({
      tried: 'analyzer: runs without a clear warning/error',
      times: outcomes.length,
      failed: unclear.length,
      goal: '0',
      met: unclear.length === 0,
      note:
        process.getuid?.() === 0
          ? 'ran as root: chmod 000 is readable, a dangling symlink stands in'
          : undefined,
    });
    expect(HOSTILE_TREES.length).toBeGreaterThanOrEqual(20);
    expect(crashes.map(describeOutcome)).toEqual([]);
    expect(unclear.map(describeOutcome)).toEqual([]);
    // Each run starts the CLI (about 3 s idle); on a loaded shared machine it takes longer.
  }, 300_000);
});
