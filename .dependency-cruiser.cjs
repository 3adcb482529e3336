/**
 * The layers of strangler itself, enforced in `npm run lint` (see docs/architecture.md).
 * Each heavy engine has one door: ts-morph and madge only in analyzer/scan (and extract/,
 * which rewrites code), better-sqlite3 only in proxy/store (and extract/data, which syncs
 * databases). The CLI is the only layer others never import.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'ts-morph-and-madge-only-in-scan',
      comment: 'Parse once in analyzer/scan and pass plain records on; extract/ rewrites code with ts-morph.',
      severity: 'error',
      from: { pathNot: '^(analyzer/scan|extract)/' },
      to: { path: 'node_modules/(ts-morph|madge)/' },
    },
    {
      name: 'sqlite-only-in-store',
      comment: 'The proxy reaches SQLite through proxy/store; extract/data syncs databases itself.',
      severity: 'error',
      from: { pathNot: '^(proxy/store|extract/data)/' },
      to: { path: 'node_modules/better-sqlite3/' },
    },
    {
      name: 'nothing-imports-the-cli',
      comment: 'cli/ is a thin edge over the library: the library never reaches back into it.',
      severity: 'error',
      from: { pathNot: '^(cli|bin)/' },
      to: { path: '^cli/' },
    },
    {
      name: 'analyzer-and-proxy-stay-apart',
      comment:
        'The two halves meet only in files (analysis.json, routes.plan.json), the walkthrough and extract.',
      severity: 'error',
      from: { path: '^analyzer/' },
      to: { path: '^proxy/' },
    },
    {
      name: 'proxy-does-not-import-analyzer',
      severity: 'error',
      from: { path: '^proxy/' },
      to: { path: '^analyzer/' },
    },
    {
      name: 'no-circular-layers',
      severity: 'error',
      from: { path: '^(analyzer|proxy|extract)/' },
      to: { path: '^walkthrough/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(test|fixtures|sample-monolith|extracted|reports|bench)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
