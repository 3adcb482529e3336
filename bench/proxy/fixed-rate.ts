/**
 * An open-loop load generator: sends GETs at a fixed rate (not "as fast as answers come back",
 * as wrk does), so a slower proxy cannot hide behind fewer requests. Latency is measured from
 * the moment each request was due, not when a connection was free, so queueing in the client
 * counts too. What a user of the proxy sees at a load it can carry: p50/p99 and achieved rate.
 */
import { Pool } from 'undici';

export interface FixedRateResult {
  offered: number;
  /** Answers per second over the run (from its start to the last answer). */
  achieved: number;
  completed: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export async function fixedRate(
  url: string,
  options: { rate: number; seconds: number; connections?: number },
): Promise<FixedRateResult> {
  const target = new URL(url);
  const pool = new Pool(target.origin, { connections: options.connections ?? 64, pipelining: 1 });
  const path = target.pathname + target.search;
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const latencies = new Float64Array(total);
  let sent = 0;
  let settled = 0;
  let completed = 0;
  let errors = 0;
  let lastAnswer = 0;
  const started = performance.now();

  await new Promise<void>((resolve) => {
    const answered = (due: number, ok: boolean) => {
      lastAnswer = performance.now();
      if (ok) latencies[completed++] = lastAnswer - due;
      else errors++;
      if (++settled === total) resolve();
    };
    const fire = (due: number) => {
      pool.request({ method: 'GET', path }).then(
        async (response) => {
          await response.body.dump();
          answered(due, response.statusCode < 400);
        },
        () => answered(due, false),
      );
    };
    // A 1 ms timer sends whatever has come due since the last tick: no busy loop eating a core.
    const tick = () => {
      const now = performance.now();
      const due = Math.min(total, Math.floor(((now - started) / 1000) * options.rate) + 1);
      while (sent < due) fire(started + (sent++ * 1000) / options.rate);
      if (sent < total) setTimeout(tick, 1);
    };
    tick();
  });
  await pool.close();

  const sorted = latencies.subarray(0, completed).sort();
  const at = (q: number) =>
    completed === 0 ? Number.NaN : sorted[Math.min(completed - 1, Math.floor(q * completed))]!;
  return {
    offered: options.rate,
    achieved: completed / ((lastAnswer - started) / 1000),
    completed,
    errors,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
