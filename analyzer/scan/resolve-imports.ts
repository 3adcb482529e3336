import path from 'node:path';
import { ts } from 'ts-morph';

export type Resolution = { file: string } | { external: true } | { unresolved: true } | { outside: true };

/**
 * TypeScript's own module resolution (honours `paths`, `baseUrl`, `extends`, package `exports`),
 * with one shared cache so thousands of files resolving the same specifiers stay cheap.
 */
export function createImportResolver(
  root: string,
  options: ts.CompilerOptions,
  fileIds: ReadonlyMap<string, string>,
): (specifier: string, containingFile: string) => Resolution {
  const host: ts.ModuleResolutionHost = {
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    directoryExists: ts.sys.directoryExists,
    realpath: ts.sys.realpath,
    getCurrentDirectory: () => root,
  };
  const cache = ts.createModuleResolutionCache(root, (f) => f, options);
  const aliases = Object.keys(options.paths ?? {}).map((pattern) => pattern.replace(/\*.*$/, ''));
  return (specifier, containingFile) => {
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
  };
}
