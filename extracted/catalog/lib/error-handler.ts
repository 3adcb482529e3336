import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './errors.ts';
import { logger } from './logger.ts';

export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json({ error: { code: 'route_not_found', message: `No route for ${req.method} ${req.path}` } });
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, details: err.details } });
    return;
  }
  // body-parser marks malformed JSON this way
  if (err && typeof err === 'object' && 'type' in err && err.type === 'entity.parse.failed') {
    res.status(400).json({ error: { code: 'invalid_json', message: 'Request body is not valid JSON' } });
    return;
  }
  logger.error('unhandled error', {
    requestId: res.locals.requestId,
    method: req.method,
    path: req.originalUrl,
    err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
  });
  res.status(500).json({ error: { code: 'internal_error', message: 'Something went wrong on our side' } });
};
