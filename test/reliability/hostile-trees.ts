/**
 * Broken and hostile source trees for the analyzer, written into a temp dir. Each names what a
 * user must be told: `problem` trees need a warning in analysis.json or an error with a code
 * and a hint; `valid` trees (odd but legal) may also just succeed.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface HostileTree {
  name: string;
  expect: 'problem' | 'valid';
  /** Writes the tree under `dir` (which exists and is empty). */
  write(dir: string): void;
}

const put = (dir: string, files: Record<string, string | Buffer>) => {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
};
const pkg = JSON.stringify({ name: 'hostile', version: '1.0.0' });
const ok = 'export const ok = 1;\n';

export const HOSTILE_TREES: HostileTree[] = [
  { name: 'empty project', expect: 'problem', write: () => {} },
  {
    name: 'syntax errors',
    expect: 'problem',
    write: (d) =>
      put(d, { 'package.json': pkg, 'src/ok.ts': ok, 'src/bad.ts': 'export const x = ;\nfunction (\n' }),
  },
  {
    name: 'binary file named .ts',
    expect: 'problem',
    write: (d) => put(d, { 'src/ok.ts': ok, 'src/blob.ts': randomBytes(64 * 1024) }),
  },
  {
    name: '10 MiB generated file',
    expect: 'valid',
    write: (d) => {
      const lines: string[] = [];
      for (let i = 0, size = 0; size < 10 * 1024 * 1024; i++) {
        const line = `export function f${i}(a: number): number { return a + ${i}; }`;
        lines.push(line);
        size += line.length + 1;
      }
      put(d, { 'src/ok.ts': ok, 'src/generated.ts': lines.join('\n') });
    },
  },
  {
    name: 'deep nesting (150 levels)',
    expect: 'valid',
    write: (d) => {
      const deep = Array.from({ length: 150 }, (_, i) => `d${i}`).join('/');
      put(d, {
        'src/ok.ts': ok,
        [`src/${deep}/leaf.ts`]: `import { ok } from '${'../'.repeat(150)}ok.ts';\nexport const leaf = ok;\n`,
      });
    },
  },
  {
    name: 'symlink loop',
    expect: 'valid',
    write: (d) => {
      put(d, { 'src/ok.ts': ok });
      symlinkSync('..', join(d, 'src/loop'));
      symlinkSync('self', join(d, 'src/self'));
    },
  },
  {
    name: 'files outside the root through aliases and symlinks',
    expect: 'valid',
    write: (d) => {
      put(d, {
        'outside/secret.ts': 'export const secret = 42;\n',
        'root/tsconfig.json': JSON.stringify({
          compilerOptions: { baseUrl: '.', paths: { '@out/*': ['../outside/*'] } },
        }),
        'root/src/ok.ts':
          "import { secret } from '@out/secret';\nimport { other } from '../../outside/secret.ts';\nexport const ok = secret + other;\n",
      });
      symlinkSync(join(d, 'outside'), join(d, 'root/src/linked'));
    },
  },
  {
    name: 'unreadable file (chmod 000; a dangling symlink when running as root)',
    expect: 'problem',
    write: (d) => {
      put(d, { 'src/ok.ts': ok, 'src/locked.ts': ok });
      chmodSync(join(d, 'src/locked.ts'), 0);
      // root reads anything: a .ts that cannot be read by anyone is a symlink to nowhere.
      symlinkSync(join(d, 'nowhere.ts'), join(d, 'src/dangling.ts'));
    },
  },
  {
    name: 'directory named x.ts',
    expect: 'valid',
    write: (d) => put(d, { 'src/ok.ts': ok, 'src/folder.ts/inner.ts': ok }),
  },
  {
    name: 'non-UTF-8 content (Latin-1, UTF-16)',
    expect: 'valid',
    write: (d) =>
      put(d, {
        'src/ok.ts': ok,
        'src/latin1.ts': Buffer.from("export const caf\xe9 = 'cr\xe8me';\n", 'latin1'),
        'src/utf16.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ok, 'utf16le')]),
      }),
  },
  {
    name: 'circular tsconfig extends',
    expect: 'problem',
    write: (d) =>
      put(d, {
        'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json' }),
        'tsconfig.base.json': JSON.stringify({ extends: './tsconfig.json' }),
        'src/ok.ts': ok,
      }),
  },
  {
    name: 'tsconfig is not JSON',
    expect: 'problem',
    write: (d) => put(d, { 'tsconfig.json': '{ "compilerOptions": { ,,, ', 'src/ok.ts': ok }),
  },
  {
    name: 'tsconfig extends a missing file',
    expect: 'problem',
    write: (d) => put(d, { 'tsconfig.json': '{ "extends": "./nope.json" }', 'src/ok.ts': ok }),
  },
  {
    name: 'tsconfig include points outside the root',
    expect: 'valid',
    write: (d) => put(d, { 'tsconfig.json': '{ "include": ["../../../**/*"] }', 'src/ok.ts': ok }),
  },
  {
    name: 'package.json is not JSON',
    expect: 'valid',
    write: (d) => put(d, { 'package.json': '{ name: ', 'src/ok.ts': ok }),
  },
  {
    name: 'only .d.ts files',
    expect: 'problem',
    write: (d) => put(d, { 'src/types.d.ts': 'export declare const x: number;\n' }),
  },
  {
    name: 'NUL bytes inside a file',
    expect: 'problem',
    write: (d) =>
      put(d, {
        'src/ok.ts': ok,
        'src/nul.ts': `export const a = 1;\n\u0000\u0000\u0000\nexport const b = 2;\n`,
      }),
  },
  {
    name: 'imports of missing modules',
    expect: 'valid',
    write: (d) =>
      put(d, {
        'src/a.ts':
          "import { x } from './missing.ts';\nimport y from 'not-installed';\nexport const a = [x, y];\n",
      }),
  },
  {
    name: 'express routes with computed paths and methods',
    expect: 'valid',
    write: (d) =>
      put(d, {
        'src/app.ts':
          "import express from 'express';\nconst app = express();\nconst m = ['get','post'][Date.now() % 2] as 'get';\napp[m](`/x/${process.env.P}`, () => {});\napp.get(String(42), () => {});\napp.use(undefined as never);\nexport default app;\n",
      }),
  },
  {
    name: 'malformed SQL strings',
    expect: 'valid',
    write: (d) =>
      put(d, {
        'src/db.ts':
          "declare const db: { query(s: string): void };\ndb.query('SELEC * FORM orders WHERE (');\ndb.query(`INSERT INTO ${'x'} VALUES (`);\nexport {};\n",
      }),
  },
  {
    name: 'file names with spaces, unicode and newlines',
    expect: 'valid',
    write: (d) => put(d, { 'src/ok.ts': ok, 'src/we ird é.ts': ok, 'src/new\nline.ts': ok }),
  },
  {
    name: 'only node_modules',
    expect: 'problem',
    write: (d) => put(d, { 'node_modules/dep/index.ts': ok, 'package.json': pkg }),
  },
  {
    name: 'JS and JSX with a jsconfig, JSX broken',
    expect: 'problem',
    write: (d) =>
      put(d, {
        'jsconfig.json': '{ "compilerOptions": { "jsx": "react" } }',
        'src/a.jsx': 'export const A = () => <div>{</div>;\n',
        'src/b.js': 'module.exports = require("./a.jsx");\n',
      }),
  },
];
