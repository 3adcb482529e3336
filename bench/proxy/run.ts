/**
 * `npm run bench:proxy`: wrk against the same upstream through each subject, in interleaved
 * rounds (every subject once per round, so drift from other load on the machine spreads
 * evenly). Prints req/s, p50/p99 latency and the proxy's own CPU µs per request, then the
 * ratios the proxy's goals are stated in. Then a fixed-rate run (bench/proxy/fixed-rate.ts) of
 * service mode against shadow mode at a load the proxy can carry, for what a client of the
 * proxy pays for shadowing: latency, achieved rate, CPU per primary request.
 * Env: BENCH_SECONDS (4), BENCH_ROUNDS (2), BENCH_CONNECTIONS (32); BENCH_RATE (req/s, default
 * half of service mode's saturated GET rate), BENCH_RATE_SECONDS (5), BENCH_RATE_ROUNDS (3), BENCH_FIXED_ONLY=1 (skip
 * the wrk rounds), BENCH_SHADOW_CONCURRENCY (64: mirrors in flight in the shadow subjects).
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type FixedRateResult, fixedRate } from './fixed-rate.ts';
import { findNginx, startNginx } from './nginx.ts';
import { type WrkResult, wrk } from './wrk.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const RATE = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : null;
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 5);
// Three at least: the median of two runs is the worse of them.
const RATE_ROUNDS = Number(process.env.BENCH_RATE_ROUNDS ?? 3);
const here = new URL('.', import.meta.url).pathname;

interface Subject {
  name: string;
  url: string;
  /** null for the upstream itself: no proxy process to measure. */
  cpuMicros: (() => Promise<number>) | null;
  /** Fixed-rate control only: the same rate sent here at the same time. */
  alongside?: string;
  /** Shadow subjects: mirrors compared (matched, mismatched, failed) and dropped so far. */
  mirrors?: () => Promise<Probe>;
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

interface Probe {
  cpuMicros: number;
  compared: number;
  dropped: number;
}

function startSubject(
  name: string,
  kind: string,
  upstream: string,
  routes = 10,
  sample = 100,
): Promise<Subject> {
  const child = fork(join(here, 'subject.ts'), [kind, upstream, String(routes), String(sample)], {
    execArgv: ['--import', 'tsx'],
    stdio: 'inherit',
  });
  const probe = () =>
    new Promise<Probe>((resolve) => {
      child.once('message', (m) => resolve(m as Probe));
      child.send('cpu');
    });
  return new Promise((resolve) => {
    child.once('message', (m) =>
      resolve({
        name,
        url: (m as { url: string }).url,
        cpuMicros: async () => (await probe()).cpuMicros,
        mirrors: kind === 'strangler-shadow' ? probe : undefined,
        stop: () => child.kill(),
      }),
    );
  });
}

interface Row {
  subject: string;
  scenario: string;
  runs: WrkResult[];
  cpuMicros: number;
  /** Shadow subjects: mirrors compared and dropped during the runs. */
  compared: number;
  dropped: number;
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
    await startSubject('strangler undici, shadow mode 10%', 'strangler-shadow', upstream.url, 10, 10),
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
  const fixedOnly = process.env.BENCH_FIXED_ONLY === '1';
  for (let round = 1; round <= (fixedOnly ? 0 : ROUNDS); round++) {
    for (const scenario of scenarios) {
      // Each round starts one subject later, so no subject always follows the same neighbour
      // (e.g. the shadow runner still writing to SQLite after its own run).
      const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
      for (const subject of order) {
        const mirrorsBefore = subject.mirrors ? await subject.mirrors() : null;
        const before = mirrorsBefore?.cpuMicros ?? (subject.cpuMicros ? await subject.cpuMicros() : 0);
        const result = await wrk(subject.url + scenario.path, {
          seconds: SECONDS,
          connections: CONNECTIONS,
          script: scenario.script,
        });
        // Mirrors still queued when wrk stopped are part of this run's cost: let them finish.
        if (subject.mirrors) await new Promise((resolve) => setTimeout(resolve, 500));
        const mirrorsAfter = subject.mirrors ? await subject.mirrors() : null;
        const after = mirrorsAfter?.cpuMicros ?? (subject.cpuMicros ? await subject.cpuMicros() : 0);
        const key = `${scenario.name}\u0000${subject.name}`;
        const row = rows.get(key) ?? {
          subject: subject.name,
          scenario: scenario.name,
          runs: [],
          cpuMicros: 0,
          compared: 0,
          dropped: 0,
        };
        row.runs.push(result);
        row.cpuMicros += after - before;
        row.compared += (mirrorsAfter?.compared ?? 0) - (mirrorsBefore?.compared ?? 0);
        row.dropped += (mirrorsAfter?.dropped ?? 0) - (mirrorsBefore?.dropped ?? 0);
        rows.set(key, row);
        process.stdout.write(
          `  round ${round} ${scenario.name.padEnd(12)} ${subject.name.padEnd(34)} ${result.rps.toFixed(0).padStart(6)} req/s\n`,
        );
      }
    }
  }
  const saturated = [...rows.values()];
  const serviceGet = rows.get(`GET 1 KiB\u0000${SERVICE}`);
  const rate = RATE ?? (serviceGet ? Math.round(summarise(serviceGet).rps / 2 / 100) * 100 || 100 : 1000);
  const service = subjects.find((s) => s.name === SERVICE);
  const control: Subject[] = service
    ? [{ ...service, name: CONTROL, alongside: `${upstream.url}/api/orders/42` }]
    : [];
  const fixed = await fixedRateRounds(
    [...subjects.filter((s) => FIXED_RATE_SUBJECTS.includes(s.name)), ...control],
    rate,
  );
  for (const subject of subjects) subject.stop();
  upstream.child.kill();
  rmSync(dir, { recursive: true, force: true });
  if (!fixedOnly) printSummary(saturated);
  printFixedRate(fixed, rate);
  process.stdout.write(
    `load average at end ${load()} (other work on the machine shares its cores and adds noise)\n`,
  );
}

const SERVICE = 'strangler undici (10 routes)';
const SHADOW = 'strangler undici, shadow mode';
const SHADOW_10 = 'strangler undici, shadow mode 10%';
/**
 * Service mode while the same GET rate goes straight to the upstream: the machine does the
 * upstream work of a 100% shadow, the proxy does not mirror. Shadow's latency beyond this
 * control is the proxy's; up to it, it is the shared cores.
 */
const CONTROL = 'service mode + same rate direct to upstream';
const FIXED_RATE_SUBJECTS = [SERVICE, SHADOW, SHADOW_10];

interface FixedRow {
  subject: string;
  runs: FixedRateResult[];
  cpuMicros: number;
  compared: number;
  dropped: number;
}

/** Each subject at the same offered GET rate, in interleaved rounds like the wrk rows. */
async function fixedRateRounds(subjects: Subject[], rate: number): Promise<FixedRow[]> {
  process.stdout.write(`fixed rate: ${rate} GET/s offered, ${RATE_ROUNDS} rounds × ${RATE_SECONDS}s\n`);
  const rows = new Map<string, FixedRow>();
  for (let round = 1; round <= RATE_ROUNDS; round++) {
    const order = subjects.map((_, i) => subjects[(i + round) % subjects.length]!);
    for (const subject of order) {
      // Let a shadow subject finish mirroring the previous run before this one is measured.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const before = subject.mirrors ? await subject.mirrors() : null;
      const cpuBefore = before?.cpuMicros ?? (await subject.cpuMicros!());
      const [result] = await Promise.all([
        fixedRate(`${subject.url}/api/orders/42`, { rate, seconds: RATE_SECONDS }),
        subject.alongside ? fixedRate(subject.alongside, { rate, seconds: RATE_SECONDS }) : null,
      ]);
      // Mirrors still queued when the last primary answered are part of this run's cost.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const after = subject.mirrors ? await subject.mirrors() : null;
      const cpuAfter = after?.cpuMicros ?? (await subject.cpuMicros!());
      const row = rows.get(subject.name) ?? {
        subject: subject.name,
        runs: [],
        cpuMicros: 0,
        compared: 0,
        dropped: 0,
      };
      row.runs.push(result);
      row.cpuMicros += cpuAfter - cpuBefore;
      row.compared += (after?.compared ?? 0) - (before?.compared ?? 0);
      row.dropped += (after?.dropped ?? 0) - (before?.dropped ?? 0);
      rows.set(subject.name, row);
      process.stdout.write(
        `  round ${round} fixed rate   ${subject.name.padEnd(34)} ${result.achieved.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms\n`,
      );
    }
  }
  return [...FIXED_RATE_SUBJECTS, CONTROL]
    .map((name) => rows.get(name))
    .filter((row): row is FixedRow => !!row);
}

function printFixedRate(rows: FixedRow[], rate: number) {
  const stats = new Map(
    rows.map((row) => {
      const completed = row.runs.reduce((sum, r) => sum + r.completed, 0);
      return [
        row.subject,
        {
          achieved: row.runs.reduce((sum, r) => sum + r.achieved, 0) / row.runs.length,
          p50: median(row.runs.map((r) => r.p50Ms)),
          p99: median(row.runs.map((r) => r.p99Ms)),
          cpu: row.cpuMicros / completed,
          errors: row.runs.reduce((sum, r) => sum + r.errors, 0),
          mirrored: row.compared / completed,
          dropped: row.dropped,
        },
      ] as const;
    }),
  );
  const out = [
    '',
    `Fixed rate, GET 1 KiB, ${rate} req/s offered (latency from when each request was due):`,
    '',
    '| subject | achieved req/s | p50 ms | p99 ms | proxy CPU µs per primary | mirrors compared per primary | dropped | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const [name, s] of stats)
    out.push(
      `| ${name} | ${s.achieved.toFixed(0)} | ${s.p50.toFixed(2)} | ${s.p99.toFixed(2)} | ${s.cpu.toFixed(0)} | ${name.includes('shadow') ? s.mirrored.toFixed(2) : '-'} | ${name.includes('shadow') ? s.dropped : '-'} | ${s.errors} |`,
    );
  const service = stats.get(SERVICE);
  out.push('');
  const r = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  const compare = (label: string, a: typeof service, b: typeof service, goal: string) => {
    if (!a || !b) return;
    out.push(
      `${label}:  achieved rate ${r(a.achieved, b.achieved)}  p50 ${r(a.p50, b.p50)}  p99 ${r(a.p99, b.p99)}  CPU per primary ${r(a.cpu, b.cpu)}${goal}`,
    );
  };
  const goal = '  (goal: cost ≤ 1.15×)';
  compare('shadow mode / service mode', stats.get(SHADOW), service, goal);
  compare('shadow mode 10% / service mode', stats.get(SHADOW_10), service, goal);
  compare(
    "control / service mode (the machine doing the mirrors' upstream work)",
    stats.get(CONTROL),
    service,
    '',
  );
  compare('shadow mode / control (what is left for the proxy)', stats.get(SHADOW), stats.get(CONTROL), '');
  process.stdout.write(`${out.join('\n')}\n`);
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
  // Saturated, a shadow subject may drop mirrors (queue full): how much it really mirrored.
  for (const row of rows.filter((r) => r.subject.includes('shadow'))) {
    const requests = row.runs.reduce((sum, r) => sum + r.requests, 0);
    out.push(
      `${row.scenario}, ${row.subject}: ${(row.compared / requests).toFixed(2)} mirrors compared per request, ${row.dropped} dropped`,
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
      get(scenario, SHADOW)?.rps,
      strangler?.rps,
      '≥ 0.85× (GET; POST is not mirrored by default)',
    );
    ratio(
      '  shadow mode / service mode, CPU per request',
      get(scenario, SHADOW)?.cpuPerRequest,
      strangler?.cpuPerRequest,
    );
    ratio('  shadow mode 10% / service mode, throughput', get(scenario, SHADOW_10)?.rps, strangler?.rps);
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
