/**
 * Resolves an import specifier to a monolith module id the way the monolith's tsconfig does:
 * relative paths, then `paths` aliases (one `*` each, e.g. `@shop/*` -> `src/*`), trying the
 * TypeScript and JavaScript extensions and folder `index` files. Packages resolve to null.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ModuleResolver {
  /** Module id (root-relative, `/`-separated) or null for a package or a file outside the root. */
  resolve(specifier: string, fromId: string): string | null;
}

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '.jsx', '.cjs', '.d.ts'];

export function createModuleResolver(root: string, tsconfigFile?: string): ModuleResolver {
  const aliases = readPathAliases(root, tsconfigFile);
  const toId = (file: string): string | null => {
    const relative = path.relative(root, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep).join('/');
  };
  const probe = (base: string): string | null => {
    for (const ext of EXTENSIONS) {
      const file = base + ext;
      if (existsSync(file) && statSync(file).isFile()) return file;
    }
    // `./x.js` may name `./x.ts` (TypeScript's ESM convention).
    const js = /\.(m|c)?js$/.exec(base);
    if (js) {
      const ts = `${base.slice(0, -js[0].length)}.${js[1] ?? ''}ts`;
      if (existsSync(ts)) return ts;
    }
    for (const index of ['index.ts', 'index.tsx', 'index.js']) {
      const file = path.join(base, index);
      if (existsSync(file)) return file;
    }
    return null;
  };
  return {
    resolve(specifier, fromId) {
      if (specifier.startsWith('.')) {
        const found = probe(path.resolve(root, path.dirname(fromId), specifier));
        return found ? toId(found) : null;
      }
      for (const alias of aliases) {
        if (
          alias.exact
            ? specifier !== alias.prefix
            : !specifier.startsWith(alias.prefix) || !specifier.endsWith(alias.suffix)
        )
          continue;
        const star = specifier.slice(alias.prefix.length, specifier.length - alias.suffix.length);
        for (const target of alias.targets) {
          const found = probe(path.resolve(alias.base, target.replace('*', star)));
          if (found) return toId(found);
        }
      }
      return null;
    },
  };
}

interface PathAlias {
  prefix: string;
  suffix: string;
  targets: string[];
  base: string;
  exact: boolean;
}

/** The `compilerOptions` of a tsconfig file as written (no `extends`), or {} when unreadable. */
export function readTsconfigOptions(file: string): Record<string, unknown> {
  if (!existsSync(file)) return {};
  try {
    // tsconfig allows comments and trailing commas; strip the common forms before parsing.
    const text = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/,(\s*[}\]])/g, '$1');
    return (JSON.parse(text) as { compilerOptions?: Record<string, unknown> }).compilerOptions ?? {};
  } catch {
    return {};
  }
}

function readPathAliases(root: string, tsconfigFile?: string): PathAlias[] {
  const file = tsconfigFile ?? path.join(root, 'tsconfig.json');
  const options = readTsconfigOptions(file) as { baseUrl?: string; paths?: Record<string, string[]> };
  const base = path.resolve(path.dirname(file), options.baseUrl ?? '.');
  return Object.entries(options.paths ?? {})
    .map(([pattern, targets]) => {
      const star = pattern.indexOf('*');
      return {
        prefix: star < 0 ? pattern : pattern.slice(0, star),
        suffix: star < 0 ? '' : pattern.slice(star + 1),
        targets,
        base,
        exact: star < 0,
      };
    })
    .sort((a, b) => b.prefix.length - a.prefix.length);
}
