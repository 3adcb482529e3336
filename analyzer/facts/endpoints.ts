import type { FileScan, HandlerRef, MountSite, RouterDecl, RouteSite, SymbolRef } from '../scan/file-scan.ts';
import type { SymbolResolver } from './symbols.ts';
import type { AnalysisWarning, EndpointFact } from './types.ts';

type RouterId = string; // `${file}::${localKey}`

interface RouterNode {
  id: RouterId;
  file: string;
  decl: RouterDecl;
  routes: Array<RouteSite & { file: string }>;
  mounts: Array<{ prefix: string; child: RouterId }>;
  mounted: boolean;
}

/**
 * Composes every route with the prefixes of the routers it is mounted under, across files:
 * `app.use('/api', api)` in server.ts + `api.use('/orders', orders)` in api.ts +
 * `orders.get('/:id', show)` in orders/routes.ts = `GET /api/orders/:id`, owned by the module
 * that defines `show`.
 */
export function composeEndpoints(
  scans: readonly FileScan[],
  symbols: SymbolResolver,
): { endpoints: EndpointFact[]; warnings: AnalysisWarning[] } {
  const nodes = new Map<RouterId, RouterNode>();
  const warnings: AnalysisWarning[] = [];
  for (const scan of scans) {
    for (const decl of scan.routers) {
      nodes.set(`${scan.id}::${decl.key}`, {
        id: `${scan.id}::${decl.key}`,
        file: scan.id,
        decl,
        routes: [],
        mounts: [],
        mounted: false,
      });
    }
  }
  const routerOf = (file: string, target: { key: string } | { ref: SymbolRef }): RouterNode | undefined => {
    if ('key' in target) return nodes.get(`${file}::${target.key}`);
    const found = symbols.resolveRef(target.ref, file);
    if (!found) return undefined;
    const scan = symbols.scan(found.file);
    if (!scan) return undefined;
    const local = target.ref.member ? `${found.local}.${target.ref.member}` : found.local;
    const key =
      scan.routers.find((r) => r.key === local)?.key ??
      scan.routerFactories[local] ??
      scan.routers.find((r) => r.paramOf === local)?.key;
    return key ? nodes.get(`${found.file}::${key}`) : undefined;
  };
  for (const scan of scans) {
    for (const route of scan.routes)
      routerOf(scan.id, route.router)?.routes.push({ ...route, file: scan.id });
    for (const mount of scan.mounts) addMount(scan.id, mount);
  }
  function addMount(file: string, mount: MountSite): void {
    const parent = routerOf(file, mount.parent);
    const child = routerOf(file, mount.child);
    if (!parent || !child || parent === child) return;
    parent.mounts.push({ prefix: mount.prefix, child: child.id });
    child.mounted = true;
  }
  const endpoints = new Map<string, EndpointFact>();
  const visit = (
    node: RouterNode,
    prefix: string,
    path: Set<RouterId>,
    framework: EndpointFact['framework'],
  ) => {
    if (path.has(node.id)) return;
    const base = joinPaths(prefix, node.decl.prefix);
    // A function's router parameter is whatever it is given: a Fastify instance, an Express app.
    const own = node.decl.paramOf ? framework : node.decl.framework;
    for (const route of node.routes) {
      const { file, line } = handlerLocation(route.handler, route.file, symbols);
      for (const method of route.methods) {
        const full = joinPaths(base, route.path);
        const id = `${method} ${full}`;
        if (!endpoints.has(id)) endpoints.set(id, { id, method, path: full, file, line, framework: own });
      }
    }
    const next = new Set(path).add(node.id);
    for (const mount of node.mounts) visit(nodes.get(mount.child)!, joinPaths(base, mount.prefix), next, own);
  };
  for (const node of nodes.values()) {
    if (node.mounted) continue;
    visit(node, '', new Set(), node.decl.framework);
    if (!node.decl.isApp && node.routes.length > 0 && !node.decl.paramOf) {
      warnings.push({
        code: 'UNMOUNTED_ROUTER',
        file: node.file,
        line: node.decl.line,
        message: `Router '${node.decl.key}' is never mounted where the analyzer can see it; its paths lack their prefix`,
      });
    }
  }
  const globalPrefix = scans.find((s) => s.globalPrefixes.length > 0)?.globalPrefixes[0] ?? '';
  for (const scan of scans) {
    const prefix = scan.globalPrefixes[0] ?? globalPrefix;
    for (const route of scan.nestRoutes) {
      for (const method of route.methods) {
        const full = joinPaths(joinPaths(prefix, route.controllerPrefix), route.path);
        const id = `${method} ${full}`;
        if (!endpoints.has(id))
          endpoints.set(id, { id, method, path: full, file: scan.id, line: route.line, framework: 'nestjs' });
      }
    }
  }
  return { endpoints: [...endpoints.values()].sort(byPathThenMethod), warnings };
}

function handlerLocation(
  handler: HandlerRef,
  file: string,
  symbols: SymbolResolver,
): { file: string; line: number } {
  if (handler.kind === 'inline') return { file, line: handler.line };
  const found = symbols.resolveRef(handler.ref, file);
  if (!found) return { file, line: handler.line };
  const member = handler.ref.member ? `${found.local}.${handler.ref.member}` : null;
  const declaration =
    (member && symbols.declaration(found.file, member)) || symbols.declaration(found.file, found.local);
  return { file: found.file, line: declaration?.line ?? (found.file === file ? handler.line : 1) };
}

/** `/api` + `/orders/` + `/:id` -> `/api/orders/:id`; no trailing slash except for `/`. */
export function joinPaths(...parts: string[]): string {
  const joined = parts
    .filter((p) => p !== '' && p !== '/')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p !== '')
    .join('/');
  return `/${joined}`;
}

function byPathThenMethod(a: EndpointFact, b: EndpointFact): number {
  return a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path);
}
