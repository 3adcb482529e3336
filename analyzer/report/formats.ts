import { StranglerError } from '../../errors/index.ts';
import { REPORT_ERRORS } from './errors.ts';

/** Every format, in the order the files are listed to the user. */
export const REPORT_FORMATS = [
  'json',
  'md',
  'html',
  'mermaid',
  'dot',
  'svg',
  'routes',
  'boundaries',
] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The files each format writes (documented in docs/analyzer.md, "Reports"). */
export const FORMAT_FILES: Readonly<Record<ReportFormat, readonly string[]>> = {
  json: ['analysis.json'],
  md: ['report.md'],
  html: ['report.html'],
  mermaid: ['services.mmd'],
  dot: ['services.dot'],
  svg: ['services.svg', 'modules.svg'],
  routes: ['routes.plan.json'],
  boundaries: ['.dependency-cruiser.boundaries.cjs'],
};

const ALIASES: Readonly<Record<string, ReportFormat>> = {
  markdown: 'md',
  mmd: 'mermaid',
  graphviz: 'dot',
  'route-plan': 'routes',
  depcruise: 'boundaries',
  'dependency-cruiser': 'boundaries',
};

/** `"md,html"` → `['md', 'html']`; undefined or `all` → every format. Unknown names are a usage error. */
export function parseFormats(list: string | undefined): ReportFormat[] {
  if (list === undefined || list.trim() === '' || list.trim() === 'all') return [...REPORT_FORMATS];
  const picked = new Set<ReportFormat>();
  for (const raw of list.split(',')) {
    const name = raw.trim().toLowerCase();
    if (name === '') continue;
    const format = (REPORT_FORMATS as readonly string[]).includes(name)
      ? (name as ReportFormat)
      : ALIASES[name];
    if (!format) {
      throw new StranglerError(
        REPORT_ERRORS.REPORT_UNKNOWN_FORMAT,
        `Unknown report format "${raw.trim()}".`,
        {
          details: { format: raw.trim(), known: [...REPORT_FORMATS] },
        },
      );
    }
    picked.add(format);
  }
  return REPORT_FORMATS.filter((format) => picked.has(format));
}
