/**
 * Reads `GET /diffs` from a running proxy's admin API for `strangler diffs`. Server errors come
 * back as StranglerErrors with the server's code and hint, as in proxy/admin/client.ts.
 */
import { StranglerError } from '../../errors/index.ts';
import { PROXY_ADMIN_ERRORS } from '../admin/errors.ts';
import type { RouteDiffReport } from './types.ts';

export async function fetchDiffs(options: {
  url: string;
  token?: string;
  route?: string;
}): Promise<RouteDiffReport[]> {
  const base = options.url.replace(/\/+$/, '');
  const query = options.route ? `?route=${encodeURIComponent(options.route)}` : '';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(`${base}/diffs${query}`, { headers });
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
    throw new StranglerError(
      {
        code: error?.code ?? 'PROXY_ADMIN_UNREACHABLE',
        hint: error?.hint || PROXY_ADMIN_ERRORS.PROXY_ADMIN_UNREACHABLE.hint,
        exitCode: 1,
      },
      error?.message ?? `The admin API answered ${response.status}.`,
      { details: { status: response.status } },
    );
  }
  return data as RouteDiffReport[];
}
