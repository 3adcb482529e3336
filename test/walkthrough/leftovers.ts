import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

/** Processes whose command line or environment mentions `marker` (the run's temp folder). */
export function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      const environ = readFileSync(`/proc/${entry}/environ`, 'utf8');
      if (cmdline.includes(marker) || environ.includes(marker)) found.push(Number(entry));
    } catch {
      // gone, or not ours to read
    }
  }
  return found;
}

export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every `http://127.0.0.1:PORT` the walkthrough printed. */
export function printedPorts(output: string): number[] {
  return [...new Set([...output.matchAll(/http:\/\/127\.0\.0\.1:(\d+)/g)].map((m) => Number(m[1])))];
}

/** The run's temp folder, from the monolith's database path it prints. */
export function printedTempDir(output: string): string | null {
  return /database (\/\S*strangler-walkthrough-[^/\s]+)\//.exec(output)?.[1] ?? null;
}
