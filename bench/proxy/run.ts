/**
 * `npm run bench:proxy`: wrk against the same upstream through each subject, in interleaved
 * rounds (every subject once per round, so drift from other load on the machine spreads
 * evenly). Prints req/s, p50/p99 latency and the proxy's own CPU µs per request, then the
 * ratios the proxy's goals are stated in. Env: BENCH_SECONDS (4), BENCH_ROUNDS (2),
 * BENCH_CONNECTIONS (32).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findNginx, startNginx } from './nginx.ts';
import { type WrkResult, wrk } from './wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const here = new URL('.', import.meta.url).pathname;

interface Subject {
  name: string;
  url: string;
  /** null for the upstream itself: no proxy process to measure. */
  cpuMicros: (() => Promise<number>) | null;
  stop(): void;
}

function startUpstream(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'upstream.ts')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve) => {
    createInterface({ input: child.stdout! }).once('line', (url) => resolve({ url: url.trim(), child }));
  });
}

function startSubject(name: string, kind: string, upstream: string, routes = 10): Promise<Subject> {
  const child = fork(join(here, 'subject.ts'), [kind, upstream, String(routes)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const cpuMicros = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { cpuMicros: number }).cpuMicros));
      child.send('cpu');
    });
  return new Promise((resolve) => {
    child.once('message', (m) =>
      resolve({ name, url: (m as { url: string }).url, cpuMicros, stop: () => child.kill() }),
    );
  });
}

interface Row {
  subject: string;
  scenario: string;
  runs: WrkResult[];
  cpuMicros: number;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'strangler-bench-'));
  const postScript = join(dir, 'post-64k.lua');
  writeFileSync(
    postScript,
    `wrk.method = "POST"\nwrk.body = string.rep("x", 65536)\nwrk.headers["Content-Type"] = "application/octet-stream"\n`,
  );
  const upstream = await startUpstream();
  const subjects: Subject[] = [
    { name: 'upstream direct', url: upstream.url, cpuMicros: null, stop: () => {} },
    await startSubject('strangler undici (10 routes)', 'strangler-undici', upstream.url, 10),
    await startSubject('strangler undici (1,000 routes)', 'strangler-undici', upstream.url, 1000),
    await startSubject('strangler hpm engine (10 routes)', 'strangler-hpm', upstream.url, 10),
    await startSubject('strangler undici, shadow mode', 'strangler-shadow', upstream.url, 10),
    await startSubject('bare keep-alive hpm', 'bare-hpm', upstream.url),
    await startSubject('raw undici proxy', 'raw-undici', upstream.url),
  ];
  const nginxBinary = findNginx();
  if (nginxBinary) {
    const nginx = await startNginx(nginxBinary, dir, upstream.url, 20000 + Math.floor(Math.random() * 20000));
    subjects.push({
      name: 'nginx',
      url: nginx.url,
      cpuMicros: async () => nginx.cpuMicros(),
      stop: () => nginx.stop(),
    });
  }
  const scenarios = [
    { name: 'GET 1 KiB', path: '/api/orders/42', script: undefined as string | undefined },
    { name: 'POST 64 KiB', path: '/api/orders/42', script: postScript },
  ];
  const rows = new Map<string, Row>();
  process.stdout.write(
    `proxy bench: ${ROUNDS} rounds × ${SECONDS}s, wrk -t1 -c${CONNECTIONS}; load average at start ${load()}\n`,
  );
  for (const subject of subjects)
    await wrk(subject.url + scenarios[0]!.path, { seconds: 1, connections: CONNECTIONS });
  for (let round = 1; round <= ROUNDS; round++) {
    for (const scenario of scenarios) {
      // Each round starts one subject later, so no subject always follows the same neighbour
      // (e.g. the shadow runner still writing to SQLite after its own run).
      const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
      for (const subject of order) {
        const before = subject.cpuMicros ? await subject.cpuMicros() : 0;
        const result = await wrk(subject.url + scenario.path, {
          seconds: SECONDS,
          connections: CONNECTIONS,
          script: scenario.script,
        });
        const after = subject.cpuMicros ? await subject.cpuMicros() : 0;
        const key = `${scenario.name}\u0000${subject.name}`;
        const row = rows.get(key) ?? {
          subject: subject.name,
          scenario: scenario.name,
          runs: [],
          cpuMicros: 0,
        };
        row.runs.push(result);
        row.cpuMicros += after - before;
        rows.set(key, row);
        process.stdout.write(
          `  round ${round} ${scenario.name.padEnd(12)} ${subject.name.padEnd(34)} ${result.rps.toFixed(0).padStart(6)} req/s\n`,
        );
      }
    }
  }
  for (const subject of subjects) subject.stop();
  upstream.child.kill();
  rmSync(dir, { recursive: true, force: true });
  printSummary([...rows.values()]);
  process.stdout.write(
    `load average at end ${load()} (other work on the machine shares its cores and adds noise)\n`,
  );
}

const load = () =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summarise(row: Row) {
  const requests = row.runs.reduce((sum, r) => sum + r.requests, 0);
  return {
    rps: row.runs.reduce((sum, r) => sum + r.rps, 0) / row.runs.length,
    p50: median(row.runs.map((r) => r.p50Ms)),
    p99: median(row.runs.map((r) => r.p99Ms)),
    cpuPerRequest: row.cpuMicros > 0 ? row.cpuMicros / requests : null,
    errors: row.runs.reduce((sum, r) => sum + r.errors, 0),
  };
}

function printSummary(rows: Row[]) {
  const out: string[] = [
    '',
    '| scenario | subject | req/s | p50 ms | p99 ms | proxy CPU µs/req | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
  ];
  const stats = new Map<string, ReturnType<typeof summarise>>();
  for (const row of rows) {
    const s = summarise(row);
    stats.set(`${row.scenario}\u0000${row.subject}`, s);
    out.push(
      `| ${row.scenario} | ${row.subject} | ${s.rps.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.cpuPerRequest === null ? '-' : s.cpuPerRequest.toFixed(0)} | ${s.errors} |`,
    );
  }
  const get = (scenario: string, subject: string) => stats.get(`${scenario}\u0000${subject}`);
  const ratio = (
    label: string,
    a: number | null | undefined,
    b: number | null | undefined,
    goal?: string,
  ) => {
    if (a == null || b == null) return;
    out.push(`${label}: ${(a / b).toFixed(2)}×${goal ? `  (goal ${goal})` : ''}`);
  };
  out.push('');
  for (const scenario of ['GET 1 KiB', 'POST 64 KiB']) {
    const strangler = get(scenario, 'strangler undici (10 routes)');
    out.push(`${scenario}:`);
    ratio(
      '  strangler undici / bare hpm, throughput',
      strangler?.rps,
      get(scenario, 'bare keep-alive hpm')?.rps,
      '≥ 2×',
    );
    ratio(
      '  strangler undici / raw undici, CPU per request',
      strangler?.cpuPerRequest,
      get(scenario, 'raw undici proxy')?.cpuPerRequest,
      '≤ 1.5×',
    );
    ratio(
      '  strangler hpm engine / bare hpm, throughput',
      get(scenario, 'strangler hpm engine (10 routes)')?.rps,
      get(scenario, 'bare keep-alive hpm')?.rps,
    );
    ratio(
      '  1,000 routes / 10 routes, throughput',
      get(scenario, 'strangler undici (1,000 routes)')?.rps,
      strangler?.rps,
      '≈ 1×',
    );
    ratio(
      '  shadow mode / service mode, throughput',
      get(scenario, 'strangler undici, shadow mode')?.rps,
      strangler?.rps,
      '≥ 0.85× (GET; POST is not mirrored by default)',
    );
    ratio('  nginx / strangler undici, throughput', get(scenario, 'nginx')?.rps, strangler?.rps);
    ratio(
      '  strangler undici / nginx, CPU per request',
      strangler?.cpuPerRequest,
      get(scenario, 'nginx')?.cpuPerRequest,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

await main();
