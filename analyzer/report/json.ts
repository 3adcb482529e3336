import type { Analysis } from '../analysis.ts';
import type { ReportFile } from './types.ts';

/** `analysis.json`, the contract every other report and tool reads. */
export function renderJson(analysis: Analysis): ReportFile[] {
  return [{ path: 'analysis.json', contents: `${JSON.stringify(analysis, null, 2)}\n` }];
}
