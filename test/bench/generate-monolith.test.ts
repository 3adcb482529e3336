import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parseExpectedBoundaries, toExpectedAssignment } from '../../analyzer/metrics/expected-boundaries.ts';
import { generateMonolith, renderMonolith } from '../../bench/generate/index.ts';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('generateMonolith', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = renderMonolith({ files: 300, domains: 6, seed: 42 });
    const b = renderMonolith({ files: 300, domains: 6, seed: 42 });
    const c = renderMonolith({ files: 300, domains: 6, seed: 43 });
    expect([...a.contents]).toEqual([...b.contents]);
    expect(a.domainOf).toEqual(b.domainOf);
    expect([...a.contents]).not.toEqual([...c.contents]);
  });

  it.each([
    { files: 60, domains: 3, seed: 1, layout: 'modules' as const },
    { files: 257, domains: 5, seed: 2, layout: 'layered' as const },
    { files: 420, domains: 12, seed: 3, layout: 'mixed' as const },
  ])('writes exactly $files parseable source files in $domains domains ($layout)', async (options) => {
    const dir = await mkdtemp(join(tmpdir(), 'strangler-generated-'));
    dirs.push(dir);
    const monolith = await generateMonolith({ dir, ...options });
    expect(monolith.files).toHaveLength(options.files);
    expect(monolith.domains).toHaveLength(options.domains);
    expect(new Set(Object.values(monolith.domainOf).filter(Boolean))).toEqual(new Set(monolith.domains));

    const paths = monolith.files.map((file) => join(dir, file));
    const program = ts.createProgram(paths, { noResolve: true, noLib: true, allowJs: false });
    const syntaxErrors = program
      .getSyntacticDiagnostics()
      .map((d) => `${d.file?.fileName}: ${d.messageText}`);
    expect(syntaxErrors).toEqual([]);

    // Every project import (relative or through a tsconfig alias) points at a generated file.
    const known = new Set(monolith.files);
    const unresolved: string[] = [];
    for (const file of monolith.files) {
      const text = await readFile(join(dir, file), 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        const target = resolve(file, spec!);
        if (target && !known.has(target)) unresolved.push(`${file} -> ${spec}`);
      }
    }
    expect(unresolved).toEqual([]);

    // The written --expected file gives every domain file its domain, and nothing else.
    const expected = parseExpectedBoundaries(
      JSON.parse(await readFile(join(dir, 'expected-boundaries.json'), 'utf8')),
    );
    const truth = Object.fromEntries(Object.entries(monolith.domainOf).filter(([, d]) => d !== null));
    expect(toExpectedAssignment(expected, monolith.files)).toEqual(truth);
    expect(monolith.counts.endpoints).toBeGreaterThan(options.domains * 2);
  });

  it('rejects a size too small for the domains asked for', () => {
    expect(() => renderMonolith({ files: 20, domains: 10, seed: 1 })).toThrow(RangeError);
  });
});

function resolve(from: string, spec: string): string | null {
  if (spec.startsWith('@shared/')) return `src/shared/${spec.slice(8)}.ts`;
  if (spec.startsWith('@app/')) return `src/${spec.slice(5)}.ts`;
  if (!spec.startsWith('.')) return null;
  return `${posix.join(posix.dirname(from), spec)}.ts`;
}
