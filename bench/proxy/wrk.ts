/** Runs wrk and reads its summary: requests, req/s, p50 and p99 latency. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface WrkResult {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export async function wrk(
  url: string,
  options: { seconds: number; connections: number; script?: string },
): Promise<WrkResult> {
  const args = ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--latency'];
  if (options.script) args.push('-s', options.script);
  const { stdout } = await run('wrk', [...args, url], { maxBuffer: 1 << 20 });
  const number = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
  const latency = (pct: string) => {
    const match = new RegExp(`^\\s*${pct}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(stdout);
    if (!match) return Number.NaN;
    const value = Number(match[1]);
    return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
  };
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  const non2xx = number(/Non-2xx or 3xx responses: (\d+)/);
  return {
    requests: number(/(\d+) requests in/),
    rps: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    errors:
      (socketErrors ? socketErrors.slice(1).reduce((a, b) => a + Number(b), 0) : 0) +
      (Number.isNaN(non2xx) ? 0 : non2xx),
  };
}
