export interface ToolResult {
  key: 'strangler' | 'madge' | 'depcruise' | 'bare';
  name: string;
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
  files: number;
  note: string;
}

export interface SizeResult {
  files: number;
  domains: number;
  seed: number;
  endpoints: number;
  rows: ToolResult[];
}

/** A plain-text table per size, then strangler's ratios against each baseline and the goals. */
export function formatReport(results: SizeResult[]): string {
  const out: string[] = [];
  for (const size of results) {
    const bare = size.rows.find((r) => r.key === 'bare');
    out.push(
      `N = ${size.files} files, ${size.domains} domains, ${size.endpoints} endpoints (seed ${size.seed})`,
    );
    const header = ['tool', 'wall s', 'cpu s', 'peak MB', 'files', 'x bare parse', 'output'];
    const lines = size.rows.map((r) => [
      r.name,
      (r.wallMs / 1000).toFixed(2),
      (r.cpuMs / 1000).toFixed(2),
      String(Math.round(r.maxRssBytes / 2 ** 20)),
      String(r.files),
      bare ? `${(r.wallMs / bare.wallMs).toFixed(1)}x` : '-',
      r.note,
    ]);
    out.push(...table([header, ...lines]), '');
    const strangler = size.rows.find((r) => r.key === 'strangler');
    for (const key of ['madge', 'depcruise', 'bare'] as const) {
      const other = size.rows.find((r) => r.key === key);
      if (!strangler || !other) continue;
      const goal = key === 'madge' ? ' (goal <= 1.0x)' : key === 'bare' ? ' (goal <= 3.0x)' : '';
      out.push(
        `strangler analyze / ${other.name}: wall ${ratio(strangler.wallMs, other.wallMs)}, cpu ${ratio(strangler.cpuMs, other.cpuMs)}${goal}`,
      );
    }
    out.push('');
  }
  return `${out.join('\n')}\n`;
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => row[col]!.length)));
  return rows.map((row) =>
    row
      .map((cell, col) =>
        col === 0 || col === row.length - 1 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!),
      )
      .join('  ')
      .trimEnd(),
  );
}
