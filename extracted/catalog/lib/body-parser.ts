import type { IncomingMessage } from 'node:http';
import express, { type RequestHandler } from 'express';

declare global {
  namespace Express {
    interface Request {
      /** The body exactly as received; payment webhooks verify their signature over it. */
      rawBody?: string;
    }
  }
}

export function jsonBody(limit = '1mb'): RequestHandler {
  return express.json({
    limit,
    verify: (req: IncomingMessage, _res, buf) => {
      (req as express.Request).rawBody = buf.toString('utf8');
    },
  });
}
