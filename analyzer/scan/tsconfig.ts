import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { ts } from 'ts-morph';
import { StranglerError } from '../../errors/index.ts';
import { SCAN_ERRORS } from './errors.ts';

export interface ProjectConfig {
  /** The config file read, absolute; null when the project has none. */
  configFile: string | null;
  /** Options for module resolution (paths, baseUrl, moduleResolution...). */
  options: ts.CompilerOptions;
  /** Files the config includes, absolute; null without a config (the caller walks the folder). */
  fileNames: string[] | null;
}

/**
 * Without a config we still resolve the way bundlers and Node do: relative paths with or without
 * extension, `.js` written for `.ts`, `index` files, `package.json` `exports`.
 */
const DEFAULT_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: false,
  noEmit: true,
};

/** Finds and reads tsconfig.json / jsconfig.json (or `explicit`), following `extends`. */
export function loadProjectConfig(root: string, explicit?: string): ProjectConfig {
  const configFile = explicit ? path.resolve(root, explicit) : findConfig(root);
  if (!configFile) return { configFile: null, options: DEFAULT_OPTIONS, fileNames: null };
  if (!existsSync(configFile) || !statSync(configFile).isFile()) {
    throw new StranglerError(SCAN_ERRORS.ANALYZE_TSCONFIG_UNREADABLE, `tsconfig not found: ${configFile}`, {
      details: { file: configFile },
    });
  }
  const read = ts.readConfigFile(configFile, ts.sys.readFile);
  if (read.error) throw unreadable(configFile, read.error);
  const isJsConfig = path.basename(configFile).startsWith('jsconfig');
  const parsed = ts.parseJsonConfigFileContent(
    read.config,
    ts.sys,
    path.dirname(configFile),
    isJsConfig ? { allowJs: true } : undefined,
    configFile,
  );
  // Errors about `extends` or the JSON itself make the config unusable; "no inputs found"
  // (18003) and option-level complaints do not stop us reading the code.
  const fatal = parsed.errors.find((d) => d.code !== 18003 && d.category === ts.DiagnosticCategory.Error);
  if (fatal && /extend|JSON|parse|read/i.test(ts.flattenDiagnosticMessageText(fatal.messageText, ' '))) {
    throw unreadable(configFile, fatal);
  }
  const options: ts.CompilerOptions = { ...parsed.options, allowJs: true, noEmit: true };
  // A solution-style config (only `references`) names no files: walk the folder instead.
  const fileNames = parsed.fileNames.length > 0 ? parsed.fileNames.map((f) => path.resolve(f)) : null;
  return { configFile, options, fileNames };
}

function findConfig(root: string): string | null {
  for (const name of ['tsconfig.json', 'jsconfig.json']) {
    const candidate = path.join(root, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

function unreadable(file: string, diagnostic: ts.Diagnostic): StranglerError {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  return new StranglerError(SCAN_ERRORS.ANALYZE_TSCONFIG_UNREADABLE, `Cannot read ${file}: ${text}`, {
    details: { file },
  });
}
