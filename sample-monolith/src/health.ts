import { db } from '@shop/shared/db.ts';
import { Router } from 'express';

export const healthRouter = Router();

const VERSION = '4.12.0';

healthRouter.get('/healthz', (_req, res) => {
  const ok = db().prepare('SELECT 1').pluck().get() === 1;
  res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded' });
});

healthRouter.get('/api/version', (_req, res) => {
  res.json({ name: 'ferngrove-shop', version: VERSION, node: process.version });
});
