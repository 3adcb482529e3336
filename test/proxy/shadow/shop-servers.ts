/**
 * A tiny shop monolith and copies of two of its endpoints as extracted services, real Express
 * apps on 127.0.0.1. Every answer carries `generatedAt` from a clock that never repeats, the
 * kind of field noise learning exists for.
 */
import type { AddressInfo } from 'node:net';
import express from 'express';
import { request } from 'undici';
import type { CapturedExchange, Route } from '../../../proxy/model.ts';

export interface RunningServer {
  url: string;
  /** Requests received, newest last: method, path, headers, raw body. */
  received: {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }[];
  close(): Promise<void>;
}

let last = 0;
/** A millisecond clock that never returns the same instant twice. */
function generatedAt(): string {
  last = Math.max(Date.now(), last + 1);
  return new Date(last).toISOString();
}

const PRODUCTS = [
  { id: 1, name: 'Kettle', price: 34.9 },
  { id: 2, name: 'Toaster', price: 42 },
  { id: 3, name: 'Teapot', price: 18.5 },
];

/** A larger answer without timestamps, so bytes can be compared exactly (~40 KiB). */
const CATEGORIES = Array.from({ length: 400 }, (_, i) => ({
  id: i + 1,
  slug: `kitchen-${i + 1}`,
  description: `Kettles, toasters and teapots, shelf ${i + 1}.`,
}));

/** `roundPrices` is the deliberate bug in the extracted orders service: 9.99 becomes 10.00. */
function orderOf(id: number, roundPrices: boolean) {
  const price = (value: number) => (roundPrices && value % 1 > 0.95 ? Math.round(value) : value);
  return {
    id,
    status: 'paid',
    items: [
      { sku: 'KT-01', quantity: 1, price: price(34.9) },
      { sku: 'TS-02', quantity: 1, price: price(42) },
      { sku: 'TP-03', quantity: 2, price: price(18.5) },
      { sku: 'FL-04', quantity: 4, price: price(9.99) },
    ],
    generatedAt: generatedAt(),
  };
}

export type ShopRole = 'monolith' | 'catalog-service' | 'orders-service';

export function createShopApp(role: ShopRole, received: RunningServer['received']) {
  const app = express();
  app.use(express.raw({ type: '*/*' }), (req, _res, next) => {
    received.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
    });
    next();
  });
  app.get('/api/products/:id', (req, res) => {
    const product = PRODUCTS[(Number(req.params.id) - 1) % PRODUCTS.length]!;
    res.json({ ...product, id: Number(req.params.id), generatedAt: generatedAt() });
  });
  app.get('/api/orders/:id', (req, res) => {
    res.json(orderOf(Number(req.params.id), role === 'orders-service'));
  });
  app.get('/api/categories', (_req, res) => {
    res.json(CATEGORIES);
  });
  app.post('/api/orders', (_req, res) => {
    res.status(201).json({ id: 1043, status: 'created' });
  });
  app.get('/api/account', (_req, res) => {
    res
      .cookie('session', 'sess-7f3a9c')
      .json({ email: 'ada@example.com', name: 'Ada', generatedAt: generatedAt() });
  });
  return app;
}

export async function startServer(app: ReturnType<typeof express>): Promise<RunningServer> {
  const received: RunningServer['received'] = [];
  return startWith(app, received);
}

export async function startShop(role: ShopRole): Promise<RunningServer> {
  const received: RunningServer['received'] = [];
  return startWith(createShopApp(role, received), received);
}

function startWith(
  app: ReturnType<typeof express>,
  received: RunningServer['received'],
): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        received,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

export function shopRoute(method: string, path: string, service: string, shadow?: Route['shadow']): Route {
  const id = `${method}${path}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/-$/, '');
  return {
    id,
    key: `${method} ${path}`,
    methods: [method],
    path,
    mode: 'shadow',
    percent: 0,
    service,
    shadow,
  };
}

/** Asks the monolith for real and returns what the request path would hand to the runner. */
export async function captureExchange(
  monolithUrl: string,
  route: Route,
  method: string,
  url: string,
  options: { headers?: Record<string, string>; body?: string } = {},
): Promise<CapturedExchange> {
  const headers = { accept: 'application/json', ...options.headers };
  const started = performance.now();
  const response = await request(new URL(url, monolithUrl), {
    method: method as 'GET',
    headers,
    body: options.body,
  });
  const body = Buffer.from(await response.body.arrayBuffer());
  return {
    route,
    request: { method, url, headers, body: Buffer.from(options.body ?? '') },
    primary: {
      status: response.statusCode,
      headers: response.headers as Record<string, string | string[]>,
      body,
      durationMs: performance.now() - started,
    },
  };
}
