import type { Analysis } from '../analysis.ts';

/** One output file, relative to the output folder. Reporters return these; only `writeReports` writes. */
export interface ReportFile {
  path: string;
  contents: string;
}

export interface ReportOptions {
  /**
   * The analysed root as seen from the output folder (`../../sample-monolith`), so generated
   * configs that run from the output folder can find the sources. Defaults to `analysis.root`.
   */
  rootFromOutDir?: string;
}

/** A reporter is a pure function of the analysis; some (SVG, HTML) need async engines. */
export type Reporter = (analysis: Analysis, options: ReportOptions) => ReportFile[] | Promise<ReportFile[]>;
