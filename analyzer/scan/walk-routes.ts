import { ts } from 'ts-morph';
import type { HttpMethod } from '../facts/types.ts';
import type { HandlerRef, RouterDecl, SymbolRef } from './file-scan.ts';
import { functionName } from './function-name.ts';
import { loopPaths } from './loop-paths.ts';
import type { ScanContext } from './scan-context.ts';
import { skipWrappers } from './walk-modules.ts';

const ROUTE_METHODS: Record<string, HttpMethod> = {
  get: 'GET',
  post: 'POST',
  put: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  del: 'DELETE',
  head: 'HEAD',
  options: 'OPTIONS',
  all: 'ALL',
};
const NEST_METHODS: Record<string, HttpMethod> = {
  Get: 'GET',
  Post: 'POST',
  Put: 'PUT',
  Patch: 'PATCH',
  Delete: 'DELETE',
  Head: 'HEAD',
  Options: 'OPTIONS',
  All: 'ALL',
};
/** Wrappers that take the real handler as their argument (`asyncHandler(list)`). */
const WRAPPER_NAME = /^(async|catch|wrap|handle|safe|try)|(Handler|Wrapper|Wrap|Async|Errors)$/i;

type RouterTarget = { key: string } | { ref: SymbolRef };

/** Express, Fastify and Koa route registrations and mounts; NestJS controllers. */
export function visitRoutes(ctx: ScanContext, node: ts.Node): void {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
    declareRouter(ctx, node.name.text, node.initializer);
  } else if (ts.isReturnStatement(node) && node.expression && ts.isIdentifier(node.expression) && ctx.fn) {
    const key = localRouterKey(ctx, node.expression.text);
    if (key && ctx.innerFn) ctx.scan.routerFactories[ctx.innerFn] = key;
  } else if (ts.isClassDeclaration(node)) {
    scanNestController(ctx, node);
  } else if (ts.isCallExpression(node)) {
    scanCall(ctx, node);
  }
}

function declareRouter(ctx: ScanContext, name: string, initializer: ts.Expression): void {
  const init = skipWrappers(initializer);
  const created = routerCreation(ctx, init);
  const key = ctx.innerFn ? `${ctx.innerFn}/${name}` : name;
  if (created) {
    ctx.scan.routers.push({ key, ...created, line: ctx.line(init) });
  } else if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && !ctx.innerFn) {
    // `const app = createApp()`: routes added to `app` belong to the router the factory returns.
    aliases(ctx).set(name, ctx.ref(init.expression.text));
  }
}

function aliases(ctx: ScanContext): Map<string, SymbolRef> {
  return ctx.routerAliases;
}

function routerCreation(ctx: ScanContext, init: ts.Node): Omit<RouterDecl, 'key' | 'line'> | null {
  const isNew = ts.isNewExpression(init);
  if (!ts.isCallExpression(init) && !isNew) return null;
  const callee = (init as ts.CallExpression | ts.NewExpression).expression;
  const args = (init as ts.CallExpression | ts.NewExpression).arguments ?? ts.factory.createNodeArray();
  if (ts.isIdentifier(callee)) {
    const spec = ctx.specifiers.get(callee.text);
    const imported = ctx.scan.bindings[callee.text]?.name;
    if (isNew) {
      if (spec === 'koa' || (!spec && callee.text === 'Koa'))
        return { framework: 'koa', isApp: true, prefix: '' };
      if (spec === '@koa/router' || spec === 'koa-router' || (!spec && /^(Koa)?Router$/.test(callee.text))) {
        return { framework: 'koa', isApp: false, prefix: optionString(ctx, args[0], 'prefix') ?? '' };
      }
      return null;
    }
    if (spec === 'express') return { framework: 'express', isApp: imported !== 'Router', prefix: '' };
    if (spec === 'fastify') return { framework: 'fastify', isApp: true, prefix: '' };
    if (!spec && callee.text === 'express') return { framework: 'express', isApp: true, prefix: '' };
    if (!spec && callee.text === 'Router') return { framework: 'express', isApp: false, prefix: '' };
    if (!spec && /^fastify$/i.test(callee.text)) return { framework: 'fastify', isApp: true, prefix: '' };
  } else if (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'Router' &&
    ts.isIdentifier(callee.expression)
  ) {
    const spec = ctx.specifiers.get(callee.expression.text);
    if (spec === 'express' || (!spec && callee.expression.text === 'express')) {
      return { framework: 'express', isApp: false, prefix: '' };
    }
  }
  return null;
}

function optionString(ctx: ScanContext, arg: ts.Expression | undefined, key: string): string | null {
  if (!arg || !ts.isObjectLiteralExpression(arg)) return null;
  for (const property of arg.properties) {
    if (ts.isPropertyAssignment(property) && property.name.getText(ctx.source).replace(/['"]/g, '') === key) {
      return ctx.staticString(property.initializer);
    }
  }
  return null;
}

/** A router variable visible here: declared in an enclosing function, or at top level. */
function localRouterKey(ctx: ScanContext, name: string): string | null {
  for (let i = ctx.fnStack.length - 1; i >= 0; i--) {
    const key = `${ctx.fnStack[i]}/${name}`;
    if (ctx.scan.routers.some((r) => r.key === key)) return key;
  }
  return ctx.scan.routers.some((r) => r.key === name) ? name : null;
}

/** The router a receiver names, if it can be one. `asParam` lets a parameter become a router. */
function routerTarget(ctx: ScanContext, receiver: ts.Expression, asParam: boolean): RouterTarget | null {
  if (!ts.isIdentifier(receiver)) return null;
  const name = receiver.text;
  const key = localRouterKey(ctx, name);
  if (key) return { key };
  const owner = paramOwner(ctx, receiver);
  if (owner) {
    if (!asParam) return null;
    const paramKey = `${owner.name}/${name}`;
    if (!ctx.scan.routers.some((r) => r.key === paramKey)) {
      ctx.scan.routers.push({
        key: paramKey,
        framework: 'express',
        isApp: false,
        prefix: '',
        line: owner.line,
        paramOf: owner.name,
      });
    }
    return { key: paramKey };
  }
  const alias = aliases(ctx).get(name);
  if (alias) return { ref: alias };
  if (ctx.scan.bindings[name]) return { ref: ctx.ref(name) };
  return null;
}

/** The function whose parameter `identifier` is, walking outwards. */
function paramOwner(ctx: ScanContext, identifier: ts.Identifier): { name: string; line: number } | null {
  for (let node: ts.Node | undefined = identifier.parent; node; node = node.parent) {
    if (ts.isFunctionLike(node)) {
      const isParam = node.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === identifier.text);
      if (isParam) {
        const name = functionName(ctx, node);
        return name ? { name, line: ctx.line(node) } : null;
      }
    }
  }
  return null;
}

function scanCall(ctx: ScanContext, call: ts.CallExpression): void {
  const callee = call.expression;
  if (
    ts.isElementAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    localRouterKey(ctx, callee.expression.text)
  ) {
    ctx.warn('DYNAMIC_ROUTE', call, `Route registered with a computed method on '${callee.expression.text}'`);
    return;
  }
  if (!ts.isPropertyAccessExpression(callee)) {
    scanRouterPassedToFunction(ctx, call);
    return;
  }
  const method = callee.name.text;
  const receiver = callee.expression;
  if (method === 'setGlobalPrefix') {
    const prefix = ctx.staticString(call.arguments[0]);
    if (prefix !== null) ctx.scan.globalPrefixes.push(prefix);
    return;
  }
  if (method === 'route') {
    scanRouteCall(ctx, call, receiver);
    return;
  }
  if (method === 'use' || method === 'register') {
    scanMount(ctx, call, receiver, method);
    return;
  }
  const httpMethod = ROUTE_METHODS[method];
  if (!httpMethod || call.arguments.length < 2) return;
  const args = call.arguments;
  const last = skipWrappers(args[args.length - 1]!);
  const handlerLike =
    ts.isArrowFunction(last) ||
    ts.isFunctionExpression(last) ||
    ts.isIdentifier(last) ||
    ts.isPropertyAccessExpression(last) ||
    ts.isCallExpression(last) ||
    ts.isArrayLiteralExpression(last);
  if (!handlerLike) return;
  // Koa's named routes: router.get('order', '/orders/:id', handler).
  const pathArg =
    args.length >= 3 && ts.isStringLiteral(args[0]!) && ts.isStringLiteral(args[1]!) ? args[1] : args[0];
  const paths = ctx.staticString(pathArg) !== null ? [ctx.staticString(pathArg)!] : loopPaths(ctx, pathArg);
  const looksLikePath = paths?.every((p) => p === '' || p.startsWith('/') || p === '*') ?? false;
  const target = routerTarget(ctx, receiver, looksLikePath);
  if (!target) return;
  if (paths === null) {
    if ('key' in target)
      ctx.warn('DYNAMIC_ROUTE', call, `Route path of ${method.toUpperCase()} is built at run time`);
    return;
  }
  if (!looksLikePath && !('key' in target)) return;
  for (const path of paths) {
    ctx.scan.routes.push({
      router: target,
      methods: [httpMethod],
      path,
      handler: handlerOf(ctx, last, call),
      line: ctx.line(call),
      framework: frameworkOf(ctx, target),
    });
  }
}

function frameworkOf(ctx: ScanContext, target: RouterTarget): 'express' | 'fastify' | 'koa' {
  if ('key' in target) return ctx.scan.routers.find((r) => r.key === target.key)?.framework ?? 'express';
  return 'express';
}

/** `router.route('/x').get(a).post(b)` (Express) or `fastify.route({ method, url, handler })`. */
function scanRouteCall(ctx: ScanContext, call: ts.CallExpression, receiver: ts.Expression): void {
  const [first] = call.arguments;
  if (first && ts.isObjectLiteralExpression(first)) {
    const target = routerTarget(ctx, receiver, true);
    if (!target) return;
    const path = optionString(ctx, first, 'url') ?? optionString(ctx, first, 'path');
    const methodNode = first.properties.find(
      (p) => ts.isPropertyAssignment(p) && p.name.getText(ctx.source) === 'method',
    );
    const methods: HttpMethod[] = [];
    if (methodNode && ts.isPropertyAssignment(methodNode)) {
      const init = methodNode.initializer;
      const items = ts.isArrayLiteralExpression(init) ? [...init.elements] : [init];
      for (const item of items) {
        const value = ctx.staticString(item);
        const known = value ? ROUTE_METHODS[value.toLowerCase()] : undefined;
        if (known) methods.push(known);
      }
    }
    if (path === null || methods.length === 0) {
      ctx.warn('DYNAMIC_ROUTE', call, 'Route options give no static url and method');
      return;
    }
    const handlerNode = first.properties.find((p) => p.name?.getText(ctx.source) === 'handler');
    const handler: HandlerRef =
      handlerNode && ts.isPropertyAssignment(handlerNode)
        ? handlerOf(ctx, skipWrappers(handlerNode.initializer), call)
        : { kind: 'inline', line: handlerNode ? ctx.line(handlerNode) : ctx.line(call) };
    ctx.scan.routes.push({
      router: target,
      methods,
      path,
      handler,
      line: ctx.line(call),
      framework: 'fastify',
    });
    return;
  }
  const target = routerTarget(ctx, receiver, false);
  if (!target) return;
  const path = ctx.staticString(first);
  if (path === null) {
    ctx.warn('DYNAMIC_ROUTE', call, 'Route path given to route() is built at run time');
    return;
  }
  let current: ts.Node = call;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent)) {
    const chained = current.parent.parent;
    const httpMethod = ROUTE_METHODS[current.parent.name.text];
    if (httpMethod && chained.arguments.length > 0) {
      const last = skipWrappers(chained.arguments[chained.arguments.length - 1]!);
      ctx.scan.routes.push({
        router: target,
        methods: [httpMethod],
        path,
        handler: handlerOf(ctx, last, chained),
        line: ctx.line(chained),
        framework: 'express',
      });
    }
    current = chained;
  }
}

function scanMount(
  ctx: ScanContext,
  call: ts.CallExpression,
  receiver: ts.Expression,
  method: 'use' | 'register',
): void {
  const args = [...call.arguments];
  // A parameter counts as a router when it mounts something under a path: `app.use('/api', api)`.
  const mountsUnderPath = method === 'register' || (args.length > 1 && ctx.staticString(args[0]) !== null);
  const parent = routerTarget(ctx, receiver, mountsUnderPath);
  if (!parent) return;
  let prefix = '';
  if (method === 'register') {
    prefix = optionString(ctx, args[1], 'prefix') ?? '';
    args.splice(1);
  } else if (args.length > 1) {
    const first = ctx.staticString(args[0]);
    if (first !== null) {
      prefix = first;
      args.shift();
    } else if (ts.isTemplateExpression(args[0]!) || ts.isBinaryExpression(args[0]!)) {
      ctx.warn('DYNAMIC_ROUTE', call, 'Mount prefix is built at run time');
      return;
    }
  }
  for (const arg of args) {
    for (const child of childRouters(ctx, skipWrappers(arg))) {
      ctx.scan.mounts.push({ parent, prefix, child, line: ctx.line(call) });
    }
  }
}

function childRouters(ctx: ScanContext, arg: ts.Node): RouterTarget[] {
  if (ts.isArrayLiteralExpression(arg))
    return arg.elements.flatMap((e) => childRouters(ctx, skipWrappers(e)));
  if (ts.isIdentifier(arg)) {
    const key = localRouterKey(ctx, arg.text);
    if (key) return [{ key }];
    if (ctx.scan.bindings[arg.text] || ctx.scan.declarations[arg.text]) return [{ ref: ctx.ref(arg.text) }];
    const alias = aliases(ctx).get(arg.text);
    return alias ? [{ ref: alias }] : [];
  }
  if (ts.isArrowFunction(arg) || ts.isFunctionExpression(arg)) {
    const param = arg.parameters[0];
    const name = functionName(ctx, arg);
    return param && ts.isIdentifier(param.name) && name ? [{ key: `${name}/${param.name.text}` }] : [];
  }
  if (!ts.isCallExpression(arg)) return [];
  const callee = arg.expression;
  // Koa: `router.routes()`; fastify-plugin: `fp(plugin)`.
  if (ts.isPropertyAccessExpression(callee) && /^(routes|middleware)$/.test(callee.name.text)) {
    return childRouters(ctx, callee.expression);
  }
  if (ts.isIdentifier(callee) && callee.text === 'require') {
    const spec = arg.arguments[0];
    const target = spec && ts.isStringLiteral(spec) ? ctx.target(spec.text, arg) : null;
    return target ? [{ ref: { target, name: '*' } }] : [];
  }
  if (callee.kind === ts.SyntaxKind.ImportKeyword) {
    const spec = arg.arguments[0];
    const target = spec && ts.isStringLiteral(spec) ? ctx.resolve(spec.text) : null;
    return target && 'file' in target ? [{ ref: { target: target.file, name: 'default' } }] : [];
  }
  if (ts.isIdentifier(callee) && /^(fp|fastifyPlugin)$/.test(callee.text) && arg.arguments[0]) {
    return childRouters(ctx, skipWrappers(arg.arguments[0]));
  }
  if (ts.isIdentifier(callee)) return [{ ref: ctx.ref(callee.text) }];
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression)) {
    return [{ ref: ctx.ref(callee.expression.text, callee.name.text) }];
  }
  return [];
}

/** `registerOrderRoutes(app)`: the function receives the router and adds routes to it. */
function scanRouterPassedToFunction(ctx: ScanContext, call: ts.CallExpression): void {
  if (!ts.isIdentifier(call.expression)) return;
  for (const arg of call.arguments) {
    if (!ts.isIdentifier(arg)) continue;
    const key = localRouterKey(ctx, arg.text);
    if (key)
      ctx.scan.mounts.push({
        parent: { key },
        prefix: '',
        child: { ref: ctx.ref(call.expression.text) },
        line: ctx.line(call),
      });
  }
}

function handlerOf(ctx: ScanContext, node: ts.Node, call: ts.Node): HandlerRef {
  if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) {
    return handlerOf(ctx, skipWrappers(node.elements[node.elements.length - 1]!), call);
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node))
    return { kind: 'inline', line: ctx.line(node) };
  if (ts.isIdentifier(node)) return { kind: 'symbol', ref: ctx.ref(node.text), line: ctx.line(node) };
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression)) {
    return { kind: 'symbol', ref: ctx.ref(node.expression.text, node.name.text), line: ctx.line(node) };
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    const calleeName = ts.isIdentifier(callee)
      ? callee.text
      : ts.isPropertyAccessExpression(callee)
        ? callee.name.text
        : '';
    const [inner] = node.arguments;
    const wrapped = inner && skipWrappers(inner);
    const isFunctionLike =
      !!wrapped &&
      (ts.isArrowFunction(wrapped) ||
        ts.isFunctionExpression(wrapped) ||
        ts.isPropertyAccessExpression(wrapped) ||
        (ts.isIdentifier(wrapped) &&
          (!!ctx.scan.bindings[wrapped.text] || !!ctx.scan.declarations[wrapped.text])));
    if (wrapped && isFunctionLike && WRAPPER_NAME.test(calleeName)) return handlerOf(ctx, wrapped, call);
    // A handler factory: `makeListOrders(deps)` builds the handler in its own module.
    return handlerOf(ctx, callee, call);
  }
  return { kind: 'inline', line: ctx.line(call) };
}

function scanNestController(ctx: ScanContext, node: ts.ClassDeclaration): void {
  const controller = decoratorCall(node, 'Controller');
  if (!controller) return;
  const [arg] = controller.arguments;
  const prefix =
    arg && ts.isObjectLiteralExpression(arg)
      ? (optionString(ctx, arg, 'path') ?? '')
      : (ctx.staticString(arg) ?? '');
  for (const member of node.members) {
    if (!ts.isMethodDeclaration(member)) continue;
    for (const decorator of ts.getDecorators(member) ?? []) {
      const expr = decorator.expression;
      if (!ts.isCallExpression(expr) || !ts.isIdentifier(expr.expression)) continue;
      const method = NEST_METHODS[expr.expression.text];
      if (!method) continue;
      const pathArg = expr.arguments[0];
      const pathNodes = pathArg && ts.isArrayLiteralExpression(pathArg) ? [...pathArg.elements] : [pathArg];
      const paths = pathNodes.map((node) => (node === undefined ? '' : ctx.staticString(node)));
      if (paths.some((path) => path === null)) {
        ctx.warn('DYNAMIC_ROUTE', decorator, `@${expr.expression.text} path is built at run time`);
        continue;
      }
      for (const path of paths as string[]) {
        ctx.scan.nestRoutes.push({
          controllerPrefix: prefix,
          methods: [method],
          path,
          line: ctx.line(member),
        });
      }
    }
  }
}

function decoratorCall(node: ts.HasDecorators, name: string): ts.CallExpression | null {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const expr = decorator.expression;
    if (ts.isCallExpression(expr) && ts.isIdentifier(expr.expression) && expr.expression.text === name)
      return expr;
  }
  return null;
}
