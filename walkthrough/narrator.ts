/**
 * How the walkthrough talks to the person running it. The CLI implements it over the
 * terminal (prompts wait for Enter unless `--yes`); tests implement it over a buffer.
 */
export interface Narrator {
  /** A step's heading and what it shows and why; waits for Enter when interactive. */
  step(index: number, total: number, title: string, why: string[]): Promise<void>;
  say(text?: string): void;
  /** A line that is rewritten in place on a terminal (live counters). */
  status(text: string): void;
}

/** Rows as aligned columns, first row the header, within 100 columns. */
export function toTable(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col]!))
      .join('  ')
      .trimEnd()
      .slice(0, 100),
  );
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((part / whole) * 100).toFixed(1)}%`;
}
