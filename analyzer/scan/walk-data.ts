import { ts } from 'ts-morph';
import type { SymbolRef } from './file-scan.ts';
import type { ScanContext } from './scan-context.ts';
import { sqlTextOf } from './sql-text.ts';
import { skipWrappers } from './walk-modules.ts';
import { type OrmState, scanOrmModel } from './walk-orm-models.ts';

/** Methods that run SQL given as their first argument (better-sqlite3, pg, mysql2, knex.raw, ...). */
const SQL_METHODS = new Set([
  'prepare',
  'exec',
  'query',
  'run',
  'all',
  'get',
  'raw',
  'execute',
  'each',
  'none',
  'one',
  'many',
  'any',
  'oneOrNone',
  'manyOrNone',
  '$queryRawUnsafe',
  '$executeRawUnsafe',
  'queryRaw',
]);
const SQL_TAGS = /^(sql|SQL|Prisma\.sql|.*\.\$queryRaw|.*\.\$executeRaw|.*\.sql|.*\.query)$/;
const LOOKS_LIKE_SQL = /^\s*(select|insert|update|delete|replace|with|create|alter|drop|upsert|merge)\b/i;

/** Every method an ORM call site may use; `facts` decides read or write once the model is known. */
export const ORM_METHODS = new Set([
  'find',
  'findAll',
  'findOne',
  'findByPk',
  'findById',
  'findAndCountAll',
  'count',
  'findBy',
  'findOneBy',
  'findAndCount',
  'findOneOrFail',
  'findOneByOrFail',
  'countDocuments',
  'aggregate',
  'exists',
  'existsBy',
  'distinct',
  'max',
  'min',
  'sum',
  'estimatedDocumentCount',
  'findOrCreate',
  'create',
  'bulkCreate',
  'update',
  'destroy',
  'upsert',
  'save',
  'insert',
  'delete',
  'remove',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'insertMany',
  'updateOne',
  'updateMany',
  'deleteOne',
  'deleteMany',
  'findByIdAndUpdate',
  'findOneAndUpdate',
  'findByIdAndDelete',
  'findOneAndDelete',
  'findByIdAndRemove',
  'findOneAndRemove',
  'replaceOne',
  'bulkWrite',
  'persist',
  'persistAndFlush',
  'removeAndFlush',
  'nativeInsert',
  'nativeUpdate',
  'nativeDelete',
  'insertOne',
  'truncate',
  'clear',
  'findByIds',
  'findAndCountAll',
  'findOneAndReplace',
  'countBy',
  'preload',
  'merge',
  'upsertMany',
  'assign',
  'findAllAndCount',
]);
export const PRISMA_METHODS = new Set([
  'findMany',
  'findUnique',
  'findFirst',
  'findUniqueOrThrow',
  'findFirstOrThrow',
  'count',
  'aggregate',
  'groupBy',
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'upsert',
  'delete',
  'deleteMany',
]);
const KNEX_WRITES = new Set([
  'insert',
  'update',
  'del',
  'delete',
  'truncate',
  'upsert',
  'increment',
  'decrement',
  'merge',
  'onConflict',
]);
const KNEX_NAMES = /^(knex|db|trx|database|qb|k)$/;

function stateOf(ctx: ScanContext): OrmState {
  return ctx;
}

/** SQL text, ORM models and calls, knex and prisma queries, transactions and calls into other modules. */
export function visitDataAccess(ctx: ScanContext, node: ts.Node): void {
  const state = stateOf(ctx);
  if (ts.isTaggedTemplateExpression(node)) {
    if (SQL_TAGS.test(node.tag.getText(ctx.source))) addSql(ctx, node.template, node);
    return;
  }
  scanOrmModel(ctx, node, state);
  if (!ts.isCallExpression(node)) return;
  const callee = node.expression;
  if (ts.isIdentifier(callee)) {
    recordCall(ctx, node, ctx.ref(callee.text));
    if (KNEX_NAMES.test(callee.text) || state.knexNames.has(callee.text)) scanKnex(ctx, node, node);
    if (callee.text === 'transaction') scanTransaction(ctx, node);
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  const receiver = skipWrappers(callee.expression);
  if (ts.isIdentifier(receiver)) recordCall(ctx, node, ctx.ref(receiver.text, method));
  if (method === 'transaction' || method === '$transaction') scanTransaction(ctx, node);
  if (SQL_METHODS.has(method) && node.arguments[0]) {
    const arg = skipWrappers(node.arguments[0]);
    if (ts.isStringLiteralLike(arg) || ts.isTemplateExpression(arg) || ts.isIdentifier(arg))
      addSql(ctx, arg, node);
  }
  if (ORM_METHODS.has(method)) scanOrmCall(ctx, node, receiver, method, state);
  if (PRISMA_METHODS.has(method) && ts.isPropertyAccessExpression(receiver)) {
    ctx.scan.tableAccesses.push({
      table: receiver.name.text,
      access:
        method.startsWith('find') || method === 'count' || method === 'aggregate' || method === 'groupBy'
          ? 'read'
          : 'write',
      via: 'prisma',
      line: ctx.line(node),
      fn: ctx.fn,
    });
  }
  if (/^(from|into|table)$/.test(method) && knexRooted(receiver, state))
    scanKnex(ctx, node, outermostChain(node));
}

function recordCall(ctx: ScanContext, node: ts.CallExpression, ref: SymbolRef): void {
  const inline = node.arguments
    .map((a) => skipWrappers(a))
    .find((a) => ts.isArrowFunction(a) || ts.isFunctionExpression(a));
  const callback = inline ? { startLine: ctx.line(inline), endLine: ctx.endLine(inline) } : undefined;
  ctx.scan.calls.push({ ref, line: ctx.line(node), fn: ctx.fn, ...(callback ? { callback } : {}) });
}

function addSql(ctx: ScanContext, arg: ts.Node, site: ts.Node): void {
  const found = sqlTextOf(ctx, arg);
  if (!found || !LOOKS_LIKE_SQL.test(found.text)) return;
  ctx.scan.sql.push({ sql: found.text, line: ctx.line(site), fn: ctx.fn, partial: found.partial });
}

function scanOrmCall(
  ctx: ScanContext,
  node: ts.CallExpression,
  receiver: ts.Node,
  method: string,
  state: OrmState,
): void {
  const line = ctx.line(node);
  const [first] = node.arguments;
  // `em.find(Order, ...)`, `manager.save(Order, ...)`: the entity is the first argument.
  if (
    first &&
    ts.isIdentifier(first) &&
    /^[A-Z]/.test(first.text) &&
    (ctx.scan.bindings[first.text] || ctx.scan.declarations[first.text])
  ) {
    ctx.scan.ormCalls.push({ model: ctx.ref(first.text), method, line, fn: ctx.fn });
  }
  // sequelize-cli's `const db = require('./models'); db.Order.findAll()`: matched by model name.
  if (
    ts.isPropertyAccessExpression(receiver) &&
    /^[A-Z]/.test(receiver.name.text) &&
    ts.isIdentifier(receiver.expression)
  ) {
    ctx.scan.ormCalls.push({ model: { target: null, name: receiver.name.text }, method, line, fn: ctx.fn });
  }
  let name: string | null = null;
  if (ts.isIdentifier(receiver)) name = receiver.text;
  else if (ts.isPropertyAccessExpression(receiver) && receiver.expression.kind === ts.SyntaxKind.ThisKeyword)
    name = `this.${receiver.name.text}`;
  if (!name) return;
  const repository = state.repositories.get(name);
  if (repository) ctx.scan.ormCalls.push({ model: ctx.ref(repository), method, line, fn: ctx.fn });
  else if (!name.startsWith('this.') && (/^[A-Z]/.test(name) || ctx.scan.bindings[name]))
    ctx.scan.ormCalls.push({ model: ctx.ref(name), method, line, fn: ctx.fn });
}

function knexRooted(node: ts.Node, state: OrmState): boolean {
  let current = node;
  while (ts.isCallExpression(current) || ts.isPropertyAccessExpression(current)) current = current.expression;
  return ts.isIdentifier(current) && (KNEX_NAMES.test(current.text) || state.knexNames.has(current.text));
}

function outermostChain(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent))
    current = current.parent.parent;
  return current;
}

/** `knex('orders').where(...)`: the table is the argument, the chain says read or write. */
function scanKnex(ctx: ScanContext, node: ts.CallExpression, chainEnd: ts.Node): void {
  const table = ctx.staticString(node.arguments[0]);
  if (!table || !/^[\w.]+(\s+as\s+\w+)?$/i.test(table)) return;
  let write = false;
  let current: ts.Node = node;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent)) {
    if (KNEX_WRITES.has(current.parent.name.text)) write = true;
    current = current.parent.parent;
  }
  for (
    let down: ts.Node = chainEnd;
    ts.isCallExpression(down) || ts.isPropertyAccessExpression(down);
    down = down.expression
  ) {
    if (ts.isPropertyAccessExpression(down) && KNEX_WRITES.has(down.name.text)) write = true;
  }
  const name = table.split(/\s+as\s+/i)[0]!.trim();
  ctx.scan.tableAccesses.push({
    table: name,
    access: write ? 'write' : 'read',
    via: 'knex',
    line: ctx.line(node),
    fn: ctx.fn,
  });
}

function scanTransaction(ctx: ScanContext, node: ts.CallExpression): void {
  const callback = node.arguments
    .map((a) => skipWrappers(a))
    .find(
      (a) =>
        ts.isArrowFunction(a) ||
        ts.isFunctionExpression(a) ||
        ts.isArrayLiteralExpression(a) ||
        ts.isIdentifier(a),
    );
  if (!callback) return;
  if (ts.isIdentifier(callback) && ctx.innerFn && isParameterOfEnclosing(callback)) {
    // `function inTransaction(work) { return db.transaction(work)(); }`: callers' callbacks run inside.
    ctx.scan.transactionWrappers.push(ctx.innerFn);
    return;
  }
  const site = {
    line: ctx.line(node),
    startLine: ctx.line(callback),
    endLine: ctx.endLine(callback),
    fn: ctx.fn,
  };
  if (ts.isIdentifier(callback)) ctx.scan.transactions.push({ ...site, callback: ctx.ref(callback.text) });
  else ctx.scan.transactions.push(site);
}

function isParameterOfEnclosing(identifier: ts.Identifier): boolean {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node))
      return node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
  }
  return false;
}
