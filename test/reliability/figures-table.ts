/** vitest globalSetup: starts an empty figures file, prints the table when the suite is done. */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { FIGURES_FILE, type Figure } from './figures.ts';

export function setup(): void {
  rmSync(FIGURES_FILE, { force: true });
}

export function teardown(): void {
  const figures: Figure[] = existsSync(FIGURES_FILE)
    ? readFileSync(FIGURES_FILE, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Figure)
    : [];
  const rows = [
    ['what was tried', 'times', 'failed/lost', 'goal', 'met?', 'note'],
    ...figures.map((f) => [
      f.tried,
      String(f.times),
      String(f.failed),
      f.goal,
      f.met ? 'yes' : 'NO',
      f.note ?? '',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  const out = [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ];
  const unmet = figures.filter((f) => !f.met).length;
  process.stdout.write(
    `\nReliability figures (${figures.length} rows, ${unmet} goal(s) not met)\n${out.join('\n')}\n`,
  );
}
