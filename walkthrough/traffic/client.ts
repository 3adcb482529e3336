/**
 * One HTTP call of the simulated shop users, judged against what the monolith itself
 * answers: `expect` lists the statuses that are a correct answer (a 402 for a declined card
 * is correct); anything else, a 5xx or a network error is a failure.
 */
export interface TrafficCounters {
  sent: number;
  ok: number;
  failed: number;
  /** Responses per target, from the proxy's served-by header (`direct` before the proxy). */
  byTarget: Record<string, number>;
  /** The first few failures, for the summary. */
  failures: string[];
}

export interface ShopClient {
  base: () => string;
  call(
    method: string,
    path: string,
    options: { user: string; token?: string; body?: unknown; expect: number[] },
  ): Promise<{ status: number; json: unknown } | null>;
}

export function createCounters(): TrafficCounters {
  return { sent: 0, ok: 0, failed: 0, byTarget: {}, failures: [] };
}

export function createShopClient(
  getBase: () => string,
  counters: TrafficCounters,
  pace: () => Promise<void>,
): ShopClient {
  return {
    base: getBase,
    async call(method, path, { user, token, body, expect }) {
      await pace();
      counters.sent++;
      const headers: Record<string, string> = { 'x-user-id': user };
      if (token) headers.authorization = `Bearer ${token}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      try {
        const response = await fetch(`${getBase()}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await response.text();
        const target = response.headers.get('x-strangler-served-by') ?? 'direct';
        counters.byTarget[target] = (counters.byTarget[target] ?? 0) + 1;
        if (!expect.includes(response.status)) {
          fail(counters, `${method} ${path} → ${response.status} from ${target}: ${text.slice(0, 160)}`);
          return null;
        }
        counters.ok++;
        return { status: response.status, json: parseJson(text) };
      } catch (error) {
        fail(counters, `${method} ${path} → ${(error as Error).message}`);
        return null;
      }
    },
  };
}

function fail(counters: TrafficCounters, message: string): void {
  counters.failed++;
  if (counters.failures.length < 10) counters.failures.push(message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
