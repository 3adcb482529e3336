import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProjectFacts } from '../../../analyzer/scan/index.ts';
import { isStranglerError } from '../../../errors/index.ts';
import { readFixture } from './read-fixture.ts';

const ids = (facts: { files: Array<{ id: string }> }) => facts.files.map((f) => f.id);

describe('which files are read', () => {
  it('skips dependencies, build output, coverage, tests and fixtures by default', async () => {
    const facts = await readFixture('default-skips');
    expect(ids(facts)).toEqual(['src/app.ts', 'src/legacy.generated.ts']);
  });

  it('keeps tests and fixtures with includeTests, never node_modules or build output', async () => {
    const facts = await readFixture('default-skips', { includeTests: true });
    expect(ids(facts)).toEqual([
      'src/__fixtures__/sample.ts',
      'src/app.test.ts',
      'src/app.ts',
      'src/legacy.generated.ts',
      'test/app.spec.ts',
      'tests/helpers.ts',
    ]);
  });

  it('leaves out files matching an --exclude glob', async () => {
    const facts = await readFixture('default-skips', { exclude: ['**/*.generated.ts'] });
    expect(ids(facts)).toEqual(['src/app.ts']);
  });

  it("follows the tsconfig's include and exclude, through extends", async () => {
    const facts = await readFixture('aliases-extends');
    expect(ids(facts)).toEqual([
      'src/billing/invoices.ts',
      'src/orders/place-order.ts',
      'src/orders/totals.ts',
      'src/shared/index.ts',
    ]);
  });

  it('reads every JS and TS flavour when there is no tsconfig', async () => {
    const facts = await readFixture('module-mix');
    expect(facts.files.map((f) => `${f.id}:${f.language}`)).toEqual([
      'lib/crypto.cjs:js',
      'src/admin.tsx:ts',
      'src/index.js:js',
      'src/mailer.mjs:js',
      'src/templates.ts:ts',
      'src/users.js:js',
    ]);
  });

  it('counts lines of code without blanks and comments, and lists exports', async () => {
    const facts = await readFixture('barrels');
    expect(facts.files.find((f) => f.id === 'src/catalog/product.types.ts')).toEqual({
      id: 'src/catalog/product.types.ts',
      language: 'ts',
      loc: 4,
      exports: ['Product'],
    });
    expect(facts.files.find((f) => f.id === 'src/catalog/products.ts')?.exports).toEqual([
      'PRODUCT_LIMIT',
      'findProduct',
    ]);
  });
});

describe('files the analyzer does not walk', () => {
  it('keeps a bundled file of over 1 MB as a module without facts, with a warning', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'strangler-bundle-'));
    try {
      await mkdir(path.join(root, 'src'));
      await writeFile(
        path.join(root, 'src/vendor.bundle.js'),
        `/* bundled */\n${'var a=1;'.repeat(130_000)}\n`,
      );
      await writeFile(
        path.join(root, 'src/checkout.js'),
        "const vendor = require('./vendor.bundle.js');\nmodule.exports = { vendor };\n",
      );
      const facts = await readProjectFacts({ root });
      expect(facts.files.map((f) => `${f.id}:${f.loc}`)).toEqual([
        'src/checkout.js:2',
        'src/vendor.bundle.js:0',
      ]);
      expect(facts.imports.map((e) => `${e.from} -> ${e.to}`)).toEqual([
        'src/checkout.js -> src/vendor.bundle.js',
      ]);
      expect(facts.warnings.map((w) => `${w.code} ${w.file}`)).toEqual([
        'FILE_TOO_LARGE src/vendor.bundle.js',
      ]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('errors a user can fix', () => {
  async function codeOf(promise: Promise<unknown>): Promise<string> {
    try {
      await promise;
      return 'no error';
    } catch (error) {
      return isStranglerError(error) ? error.code : String(error);
    }
  }

  it('names a missing directory', async () => {
    expect(await codeOf(readFixture('no-such-project'))).toBe('ANALYZE_DIR_NOT_FOUND');
  });

  it('says when nothing is left to read', async () => {
    expect(await codeOf(readFixture('default-skips', { exclude: ['src/**'] }))).toBe(
      'ANALYZE_NO_SOURCE_FILES',
    );
  });

  it('says when the tsconfig given cannot be read', async () => {
    expect(await codeOf(readFixture('barrels', { tsconfig: 'tsconfig.missing.json' }))).toBe(
      'ANALYZE_TSCONFIG_UNREADABLE',
    );
    expect(await codeOf(readFixture('broken-tsconfig'))).toBe('ANALYZE_TSCONFIG_UNREADABLE');
  });
});
