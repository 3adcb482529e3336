import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ErrorKind } from '../errors/index.ts';

const root = new URL('../', import.meta.url);

/** Every `errors.ts` catalog in the source tree, found on disk so a new area cannot be forgotten. */
async function loadCatalogs(): Promise<ErrorKind[]> {
  const kinds: ErrorKind[] = [];
  const files = ['cli', 'analyzer', 'proxy', 'extract', 'walkthrough'].flatMap((dir) =>
    readdirSync(new URL(dir, root), { recursive: true, encoding: 'utf8' })
      .filter((file) => file === 'errors.ts' || file.endsWith('/errors.ts'))
      .map((file) => `${dir}/${file}`),
  );
  for (const file of files) {
    const mod = (await import(new URL(file, root).href)) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      if (value && typeof value === 'object') {
        for (const kind of Object.values(value)) {
          if (kind && typeof kind === 'object' && 'code' in kind && 'hint' in kind)
            kinds.push(kind as ErrorKind);
        }
      }
    }
  }
  return kinds;
}

describe('error catalog', () => {
  it('documents every error code in docs/errors.md with its hint', async () => {
    const docs = readFileSync(new URL('docs/errors.md', root), 'utf8');
    const kinds = await loadCatalogs();
    expect(kinds.length).toBeGreaterThan(0);
    const undocumented = kinds.filter((kind) => !docs.includes(`\`${kind.code}\``)).map((kind) => kind.code);
    expect(undocumented).toEqual([]);
  });

  it('gives every code a hint that tells the user what to do', async () => {
    for (const kind of await loadCatalogs()) {
      expect(kind.hint.length, kind.code).toBeGreaterThan(20);
      expect(kind.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('has no code defined twice', async () => {
    const codes = (await loadCatalogs()).map((kind) => kind.code);
    expect(codes.length).toBe(new Set(codes).size);
  });
});
