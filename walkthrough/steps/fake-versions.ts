import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A throwaway service version the walkthrough stages on purpose, on a free loopback port. */
export interface FakeVersion {
  url: string;
  close(): Promise<void>;
}

async function serveOnFreePort(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<FakeVersion> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Forwards to the monolith and lets `change` rewrite the answer's body. */
function relayTo(upstream: string, change: (body: string) => string) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const response = await fetch(`${upstream}${req.url}`, {
        method: req.method,
        headers: { accept: 'application/json' },
      });
      const body = change(await response.text());
      res.writeHead(response.status, {
        'content-type': response.headers.get('content-type') ?? 'application/json',
      });
      res.end(body);
    } catch {
      res.writeHead(502).end();
    }
  };
}

/** Adds one to the first number in a JSON document: the kind of off-by-one a rewrite ships. */
export function withOffByOne(value: unknown): { value: unknown; changed: boolean } {
  if (typeof value === 'number') return { value: value + 1, changed: true };
  if (value && typeof value === 'object') {
    const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string, unknown>;
    for (const key of Object.keys(copy)) {
      const inner = withOffByOne(copy[key]);
      if (inner.changed) {
        copy[key] = inner.value;
        return { value: copy, changed: true };
      }
    }
  }
  return { value, changed: false };
}

/** The monolith's answers with one deliberate bug (an off-by-one in the first number). */
export function startWrongVersion(upstream: string): Promise<FakeVersion> {
  return serveOnFreePort(
    relayTo(upstream, (text) => {
      try {
        return JSON.stringify(withOffByOne(JSON.parse(text)).value);
      } catch {
        return text;
      }
    }),
  );
}

/**
 * Fails every other request and relays the rest. Intermittent on purpose: a version that fails
 * every request trips its breaker, and the breaker (not the guardrail) then keeps users on the
 * monolith until it recovers.
 */
export function startFlakyVersion(upstream: string): Promise<FakeVersion> {
  let calls = 0;
  const relay = relayTo(upstream, (text) => text);
  return serveOnFreePort((req, res) => {
    if (calls++ % 2 === 0) res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
    else void relay(req, res);
  });
}
