/** Reads a saved `analysis.json` for `strangler report`, with an error per way it can be unusable. */
import { readFile } from 'node:fs/promises';
import { StranglerError } from '../../errors/index.ts';
import { ANALYSIS_VERSION, type Analysis, analysisSchema } from '../analysis.ts';
import { REPORT_ERRORS } from './errors.ts';

export async function loadAnalysis(file: string): Promise<Analysis> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new StranglerError(REPORT_ERRORS.REPORT_ANALYSIS_NOT_FOUND, `Cannot read ${file}.`, {
      cause: error,
      details: { file },
    });
  }
  return parseAnalysis(text, file);
}

export function parseAnalysis(text: string, file = 'analysis.json'): Analysis {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new StranglerError(REPORT_ERRORS.REPORT_ANALYSIS_INVALID, `${file} is not valid JSON.`, {
      cause: error,
      details: { file },
    });
  }
  const version =
    typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== ANALYSIS_VERSION) {
    throw new StranglerError(
      REPORT_ERRORS.REPORT_ANALYSIS_VERSION,
      `${file} is analysis version ${version}; this strangler reads version ${ANALYSIS_VERSION}.`,
      { details: { file, version, expected: ANALYSIS_VERSION } },
    );
  }
  const parsed = analysisSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new StranglerError(
      REPORT_ERRORS.REPORT_ANALYSIS_INVALID,
      `${file} does not match the analysis.json schema: ${issues.join('; ')}${parsed.error.issues.length > 5 ? '; ...' : ''}`,
      { details: { file, issues } },
    );
  }
  return parsed.data;
}
