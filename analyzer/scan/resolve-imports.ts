import path from 'node:path';
import { ts } from 'ts-morph';

export type Resolution = { file: string } | { external: true } | { unresolved: true } | { outside: true };

/**
 * TypeScript's own module resolution (honours `paths`, `baseUrl`, `extends`, package `exports`),
 * with one shared cache so thousands of files resolving the same specifiers stay cheap.
 *
 * On top of TypeScript's cache, answers are kept per folder and specifier (resolution depends
 * on the importing file's folder only), and the file system is asked about each path once.
 * Two shortcuts give TypeScript's answer without asking it (~1 s at 5,000 files, where most of
 * 12,000 folder-specifier pairs are distinct); both hold only under Node10 and Bundler
 * resolution without `moduleSuffixes` or `rootDirs`, and are off otherwise:
 * - `./name` (no known extension) where `name.ts` is a project file: `.ts` is the first
 *   file TypeScript tries, before any other extension or a folder.
 * - a bare specifier that once resolved to a project file: that came from `paths` or
 *   `baseUrl`, which do not depend on the importing folder (node_modules, which does, holds no
 *   project file).
 */
export function createImportResolver(
  root: string,
  options: ts.CompilerOptions,
  fileIds: ReadonlyMap<string, string>,
): (specifier: string, containingFile: string) => Resolution {
  const host: ts.ModuleResolutionHost = {
    fileExists: remember(ts.sys.fileExists),
    readFile: ts.sys.readFile,
    directoryExists: remember(ts.sys.directoryExists),
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => root,
  };
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const aliases = Object.keys(options.paths ?? {}).map((pattern) => pattern.replace(/\*.*$/, ''));
  const answers = new Map<string, Resolution>();
  const shortcuts = canShortcut(options);
  const bySpecifier = new Map<string, Resolution>();
  return (specifier, containingFile) => {
    const folder = path.dirname(containingFile);
    const key = `${folder}\0${specifier}`;
    let answer = answers.get(key);
    if (answer) return answer;
    const relative = isRelative(specifier);
    if (shortcuts && relative && !KNOWN_EXTENSION.test(specifier) && !/(^|\/)\.{0,2}$/.test(specifier)) {
      const id = fileIds.get(`${path.resolve(folder, specifier)}.ts`);
      if (id) answer = { file: id };
    } else if (shortcuts && !relative) {
      answer = bySpecifier.get(specifier);
    }
    if (!answer) {
      answer = resolve(specifier, containingFile);
      if (shortcuts && !relative && 'file' in answer && !answer.file.includes('node_modules/'))
        bySpecifier.set(specifier, answer);
    }
    answers.set(key, answer);
    return answer;
  };

  function resolve(specifier: string, containingFile: string): Resolution {
    const { resolvedModule } = ts.resolveModuleName(specifier, containingFile, options, host, cache);
    if (resolvedModule) {
      const id = fileIds.get(path.resolve(resolvedModule.resolvedFileName));
      if (id) return { file: id };
      if (resolvedModule.isExternalLibraryImport) return { external: true };
      return { outside: true };
    }
    const isLocal =
      specifier.startsWith('.') ||
      specifier.startsWith('/') ||
      aliases.some((prefix) => prefix !== '' && specifier.startsWith(prefix));
    return isLocal ? { unresolved: true } : { external: true };
  }
}

const KNOWN_EXTENSION = /\.(d\.ts|[cm]?tsx?|[cm]?jsx?|json)$/i;

/** TypeScript's test: `./x`, `../x`, `.`, `..`, or a rooted path. */
function isRelative(specifier: string): boolean {
  return /^\.\.?($|\/)/.test(specifier) || path.isAbsolute(specifier);
}

function canShortcut(options: ts.CompilerOptions): boolean {
  const kind = options.moduleResolution;
  return (
    (kind === ts.ModuleResolutionKind.Node10 || kind === ts.ModuleResolutionKind.Bundler) &&
    !options.rootDirs?.length &&
    !options.moduleSuffixes?.some((suffix) => suffix !== '')
  );
}

/** The disk does not change during one scan: each path is looked at once. */
function remember(check: (path: string) => boolean): (path: string) => boolean {
  const seen = new Map<string, boolean>();
  return (file) => {
    let exists = seen.get(file);
    if (exists === undefined) {
      exists = check(file);
      seen.set(file, exists);
    }
    return exists;
  };
}
