/**
 * A small client for the admin API, used by `strangler routes`. Server errors come back as
 * StranglerErrors with the server's code and hint, so the CLI prints them like local ones.
 */
import { StranglerError } from '../../errors/index.ts';
import type { Route, RouteChange, RouteMode, RouteTable } from '../model.ts';
import type { RouteDiffDetail } from '../shadow/index.ts';
import type { DiffsReset, ReloadResult } from './admin-options.ts';
import { PROXY_ADMIN_ERRORS } from './errors.ts';

export interface AdminClientOptions {
  /** `http://127.0.0.1:8081` */
  url: string;
  token?: string;
}

export interface RouteChangeResult {
  route: Route;
  change: RouteChange | null;
}

export interface ImportResult {
  revision: number;
  changes: RouteChange[];
  kept: string[];
  services: string[];
}

/** The answer of `POST /diffs/:id/reset`. */
export interface DiffsResetResult extends DiffsReset {
  reset: true;
  actor: string;
  at: string;
  reason: string | null;
}

export function createAdminClient(options: AdminClientOptions) {
  const base = options.url.replace(/\/+$/, '');

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new StranglerError(
        PROXY_ADMIN_ERRORS.PROXY_ADMIN_UNREACHABLE,
        `Cannot reach the admin API at ${base}.`,
        {
          cause: error,
          details: { url: base },
        },
      );
    }
    const text = await response.text();
    const data = text ? (JSON.parse(text) as unknown) : null;
    if (!response.ok) {
      const error = (data as { error?: { code: string; message: string; hint: string } } | null)?.error;
      const code = error?.code ?? 'PROXY_ADMIN_UNREACHABLE';
      throw new StranglerError(
        { code, hint: error?.hint || PROXY_ADMIN_ERRORS.PROXY_ADMIN_UNREACHABLE.hint, exitCode: 1 },
        error?.message ?? `The admin API answered ${response.status}.`,
        { details: { status: response.status } },
      );
    }
    return data as T;
  }

  const routePath = (ref: string) => `/routes/${encodeURIComponent(ref)}`;
  return {
    listRoutes: () => call<RouteTable>('GET', '/routes'),
    setRoute: (ref: string, body: { mode: RouteMode; percent?: number; target?: string; reason?: string }) =>
      call<RouteChangeResult>('PUT', routePath(ref), body),
    rollback: (ref: string, body: { revision?: number; reason?: string } = {}) =>
      call<RouteChangeResult>('POST', `${routePath(ref)}/rollback`, body),
    history: (query: { route?: string; limit?: number } = {}) => {
      const search = new URLSearchParams();
      if (query.route) search.set('route', query.route);
      if (query.limit) search.set('limit', String(query.limit));
      const qs = search.size > 0 ? `?${search}` : '';
      return call<RouteChange[]>('GET', `/history${qs}`);
    },
    importPlan: (plan: unknown) => call<ImportResult>('POST', '/routes/import', plan),
    reload: () => call<ReloadResult>('POST', '/reload'),
    /** One route's comparison results with its kept mismatch samples, newest first. */
    routeDiffs: (ref: string) => call<RouteDiffDetail>('GET', `/diffs/${encodeURIComponent(ref)}`),
    resetDiffs: (ref: string, body: { reason?: string } = {}) =>
      call<DiffsResetResult>('POST', `/diffs/${encodeURIComponent(ref)}/reset`, body),
    stats: () => call<unknown>('GET', '/stats'),
    health: () => call<{ status: string; revision: number }>('GET', '/healthz'),
  };
}

export type AdminClient = ReturnType<typeof createAdminClient>;
