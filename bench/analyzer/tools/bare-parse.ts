// The floor for any AST-based tool: read every source file and build its syntax tree with
// ts.createSourceFile, nothing else (no binding, no resolution, no type checking).
// Usage: node --import tsx bench/analyzer/tools/bare-parse.ts <dir>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const dir = process.argv[2]!;
const files = (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter(
  (file) => file.endsWith('.ts') && !file.includes('node_modules'),
);
let statements = 0;
for (const file of files) {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(dir, file), 'utf8'),
    ts.ScriptTarget.ES2022,
    false,
  );
  statements += source.statements.length;
}
process.stdout.write(`${JSON.stringify({ files: files.length, statements })}\n`);
