import { ts } from 'ts-morph';
import { entityTableName, mongooseCollectionName, sequelizeTableName } from '../facts/table-naming.ts';
import type { ScanContext } from './scan-context.ts';
import { skipWrappers } from './walk-modules.ts';

export interface OrmState {
  /** `repo` / `this.repo` -> the entity class it is a repository of. */
  repositories: Map<string, string>;
  /** Variables holding a knex instance. */
  knexNames: Set<string>;
}

const REPOSITORY_TYPE =
  /^(Repository|EntityRepository|MongoRepository|TreeRepository|Model|ModelCtor|ModelStatic)<\s*(\w+)/;

/** Model declarations (Sequelize, TypeORM, MikroORM, Mongoose) and which names hold repositories. */
export function scanOrmModel(ctx: ScanContext, node: ts.Node, state: OrmState): void {
  if (ts.isClassDeclaration(node) && node.name) {
    scanDecoratedClass(ctx, node, node.name.text, state);
  } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    noteHolder(ctx, node.name.text, skipWrappers(node.initializer), state);
  } else if (ts.isPropertyDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    noteHolder(ctx, `this.${node.name.text}`, skipWrappers(node.initializer), state);
  } else if (
    ts.isBinaryExpression(node) &&
    node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
    ts.isPropertyAccessExpression(node.left) &&
    node.left.expression.kind === ts.SyntaxKind.ThisKeyword
  ) {
    noteHolder(ctx, `this.${node.left.name.text}`, skipWrappers(node.right), state);
  } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    scanModelCall(ctx, node, node.expression.name.text, node.expression.expression);
  } else if (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'model'
  ) {
    scanModelCall(ctx, node, 'model', node.expression);
  }
}

function noteHolder(ctx: ScanContext, name: string, init: ts.Node, state: OrmState): void {
  if (!ts.isCallExpression(init)) return;
  const callee = init.expression;
  const calleeName = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : '';
  if (/^(getRepository|getCustomRepository|getMongoRepository|getTreeRepository)$/.test(calleeName)) {
    const [entity] = init.arguments;
    if (entity && ts.isIdentifier(entity)) {
      state.repositories.set(name, entity.text);
      if (!name.startsWith('this.') && ctx.fnStack.length === 0)
        ctx.scan.repositoryAliases[name] = ctx.ref(entity.text);
    }
  }
  const isKnex =
    (ts.isIdentifier(callee) &&
      (/^knex$/i.test(callee.text) || ctx.specifiers.get(callee.text) === 'knex')) ||
    (ts.isCallExpression(callee) && callee.getText(ctx.source).replace(/\s/g, '') === "require('knex')");
  if (isKnex) state.knexNames.add(name);
}

function scanDecoratedClass(
  ctx: ScanContext,
  node: ts.ClassDeclaration,
  className: string,
  state: OrmState,
): void {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const expr = decorator.expression;
    const call = ts.isCallExpression(expr) ? expr : null;
    const name = ts.isIdentifier(expr)
      ? expr.text
      : call && ts.isIdentifier(call.expression)
        ? call.expression.text
        : '';
    const arg = call?.arguments[0];
    if (name === 'Entity') {
      const spec = ctx.specifiers.get('Entity') ?? '';
      const orm = spec.startsWith('@mikro-orm') ? 'mikro-orm' : 'typeorm';
      const explicit =
        ctx.staticString(arg) ??
        option(ctx, arg, orm === 'mikro-orm' ? 'tableName' : 'name') ??
        option(ctx, arg, 'collection');
      ctx.scan.ormModels.push({
        orm,
        local: className,
        name: className,
        table: explicit ?? entityTableName(className),
        line: ctx.line(node),
      });
    } else if (
      name === 'Table' &&
      (!ctx.specifiers.get('Table') || ctx.specifiers.get('Table') === 'sequelize-typescript')
    ) {
      const explicit = option(ctx, arg, 'tableName');
      const freeze = optionTrue(ctx, arg, 'freezeTableName');
      const modelName = option(ctx, arg, 'modelName') ?? className;
      ctx.scan.ormModels.push({
        orm: 'sequelize',
        local: className,
        name: modelName,
        table: explicit ?? sequelizeTableName(modelName, freeze),
        line: ctx.line(node),
      });
    }
  }
  // Nest/TypeORM/MikroORM injection: `@InjectRepository(Order) private orders: Repository<Order>`.
  for (const member of node.members) {
    if (!ts.isConstructorDeclaration(member)) continue;
    for (const param of member.parameters) {
      if (!ts.isIdentifier(param.name)) continue;
      let entity: string | null = null;
      for (const decorator of ts.getDecorators(param) ?? []) {
        const expr = decorator.expression;
        if (
          ts.isCallExpression(expr) &&
          /^Inject(Repository|Model)$/.test(expr.expression.getText(ctx.source))
        ) {
          const [first] = expr.arguments;
          if (first) entity = first.getText(ctx.source).replace(/\.name$/, '');
        }
      }
      entity ??= param.type ? (REPOSITORY_TYPE.exec(param.type.getText(ctx.source))?.[2] ?? null) : null;
      if (entity) state.repositories.set(`this.${param.name.text}`, entity);
    }
  }
}

/** `sequelize.define('User', ...)`, `User.init(..., { tableName })`, `mongoose.model('Order', schema)`. */
function scanModelCall(
  ctx: ScanContext,
  node: ts.CallExpression,
  method: string,
  receiver: ts.Expression,
): void {
  const holder =
    node.parent && ts.isVariableDeclaration(node.parent) && ts.isIdentifier(node.parent.name)
      ? node.parent.name.text
      : null;
  const args = node.arguments;
  if (method === 'define' && args.length >= 2) {
    const modelName = ctx.staticString(args[0]);
    if (!modelName) return;
    const explicit = option(ctx, args[2], 'tableName');
    const table = explicit ?? sequelizeTableName(modelName, optionTrue(ctx, args[2], 'freezeTableName'));
    ctx.scan.ormModels.push({
      orm: 'sequelize',
      local: holder,
      name: modelName,
      table,
      line: ctx.line(node),
    });
  } else if (
    method === 'init' &&
    args.length >= 2 &&
    ts.isIdentifier(receiver) &&
    ctx.scan.declarations[receiver.text]?.kind === 'class'
  ) {
    const explicit = option(ctx, args[1], 'tableName');
    const modelName = option(ctx, args[1], 'modelName') ?? receiver.text;
    const table = explicit ?? sequelizeTableName(modelName, optionTrue(ctx, args[1], 'freezeTableName'));
    ctx.scan.ormModels.push({
      orm: 'sequelize',
      local: receiver.text,
      name: modelName,
      table,
      line: ctx.line(node),
    });
  } else if (method === 'model' && args.length >= 2) {
    const modelName = ctx.staticString(args[0]);
    if (!modelName) return;
    const table = ctx.staticString(args[2]) ?? mongooseCollectionName(modelName);
    ctx.scan.ormModels.push({ orm: 'mongoose', local: holder, name: modelName, table, line: ctx.line(node) });
  }
}

function option(ctx: ScanContext, arg: ts.Node | undefined, key: string): string | null {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return null;
  for (const property of arg.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText(ctx.source).replace(/['"]/g, '') === key) {
      return ctx.staticString(property.initializer);
    }
  }
  return null;
}

function optionTrue(ctx: ScanContext, arg: ts.Node | undefined, key: string): boolean {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return false;
  return arg.properties.some(
    (p) =>
      ts.isPropertyAssignment(p) &&
      p.name.getText(ctx.source) === key &&
      p.initializer.kind === ts.SyntaxKind.TrueKeyword,
  );
}
