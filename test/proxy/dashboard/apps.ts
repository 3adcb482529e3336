/**
 * The dashboard test's world: a small shop monolith, an `orders` service extracted from it
 * (its products answer differs, so shadowing finds mismatches), a proxy in front of both,
 * and a traffic generator with many users (the canary key is the `x-user-id` header).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { parseConfig } from '../../../proxy/config/load.ts';
import { createProxy, type StranglerProxy } from '../../../proxy/index.ts';

export const TOKEN = 'dashboard-test-token-0123456789';
/** Rendered as text by the page, never as markup: a shadow response body carries it. */
export const HOSTILE = '<img src=x onerror="window.__xss=1">';

function listen(app: express.Express): Promise<{ url: string; server: Server }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server }),
    );
  });
}

/** Each answer carries a fresh request id: noise the shadow runner learns by asking twice. */
let answered = 0;
const requestId = () => `req-${++answered}`;

function monolithApp(): express.Express {
  const app = express();
  app.get('/api/orders/:id', (req, res) => {
    res.json({ id: req.params.id, total: 42.5, status: 'paid' });
  });
  app.get('/api/products/:id', (req, res) => {
    res.json({
      id: req.params.id,
      name: 'Desk lamp',
      price: 19.9,
      stock: 3,
      note: 'plain',
      requestId: requestId(),
    });
  });
  app.get('/api/carts/:id', (req, res) => {
    res.json({ id: req.params.id, items: [], servedBy: 'monolith' });
  });
  app.get('/api/users/:id', (req, res) => {
    res.json({ id: req.params.id, name: 'Ada' });
  });
  return app;
}

function ordersApp(): express.Express {
  const app = express();
  app.get('/api/orders/:id', (req, res) => {
    res.json({ id: req.params.id, total: 42.5, status: 'paid' });
  });
  // Extracted with a bug on one product in four: the price became a string, the note markup.
  app.get('/api/products/:id', (req, res) => {
    const buggy = Number(req.params.id) % 4 === 0;
    res.json({
      id: req.params.id,
      name: 'Desk lamp',
      price: buggy ? '19.90' : 19.9,
      stock: 3,
      note: buggy ? HOSTILE : 'plain',
      requestId: requestId(),
    });
  });
  app.get('/api/carts/:id', (req, res) => {
    res.json({ id: req.params.id, items: [], servedBy: 'orders' });
  });
  return app;
}

export interface World {
  proxy: StranglerProxy;
  proxyUrl: string;
  adminUrl: string;
  /** Sends `count` requests spread over the routes (or to one path), returns who served them. */
  drive(count: number, onlyPath?: string): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export async function startWorld(): Promise<World> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'strangler-dashboard-'));
  const monolith = await listen(monolithApp());
  const orders = await listen(ordersApp());
  const config = parseConfig(
    {
      listen: { port: 0 },
      admin: { port: 0, tokens: [{ name: 'alice', token: TOKEN }] },
      db: path.join(dir, 'proxy.db'),
      monolith: monolith.url,
      services: { orders: orders.url },
      canary: { key: { header: 'x-user-id' } },
      stats: { flushIntervalMs: 200 },
      routes: [
        { method: 'GET', path: '/api/orders/:id', service: 'orders', mode: 'service' },
        { method: 'GET', path: '/api/products/:id', service: 'orders', mode: 'shadow' },
        { method: 'GET', path: '/api/carts/:id', service: 'orders', mode: 'monolith' },
        { method: 'GET', path: '/api/users/:id', mode: 'monolith' },
      ],
    },
    'dashboard test',
  );
  const proxy = createProxy(config);
  const { port, adminPort } = await proxy.listen();
  const proxyUrl = `http://127.0.0.1:${port}`;
  let user = 0;
  const paths = ['/api/orders/', '/api/products/', '/api/carts/', '/api/users/', '/api/orders/'];
  return {
    proxy,
    proxyUrl,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    async drive(count, onlyPath) {
      const servedBy: Record<string, number> = {};
      for (let i = 0; i < count; i += 10) {
        const batch = Array.from({ length: Math.min(10, count - i) }, async (_, j) => {
          user++;
          const base = onlyPath ?? paths[(i + j) % paths.length]!;
          const response = await fetch(`${proxyUrl}${base}${user}`, {
            headers: { 'x-user-id': `user-${user}` },
          });
          await response.arrayBuffer();
          const by = response.headers.get('x-strangler-served-by') ?? 'none';
          servedBy[by] = (servedBy[by] ?? 0) + 1;
        });
        await Promise.all(batch);
      }
      return servedBy;
    },
    async close() {
      await proxy.close();
      for (const { server } of [monolith, orders]) {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Earlier minutes of the migration (before this run), written through the store's own API. */
export function seedEarlierTraffic(proxy: StranglerProxy, now = Date.now()): void {
  for (let ago = 14; ago >= 1; ago--) {
    const at = new Date(now - ago * 60_000);
    const total = 380 + ((ago * 37) % 90);
    const services = Math.round(total * (0.12 + (14 - ago) * 0.03));
    proxy.store.recordTraffic(
      [
        {
          routeId: 'get-api-orders-id',
          target: 'orders',
          requests: services,
          errors: 0,
          fallbacks: 0,
          latencyMsSum: services * 4,
        },
        {
          routeId: 'get-api-users-id',
          target: 'monolith',
          requests: total - services,
          errors: 1,
          fallbacks: 0,
          latencyMsSum: (total - services) * 6,
        },
      ],
      at,
    );
  }
}
