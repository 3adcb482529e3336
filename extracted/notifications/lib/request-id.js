import { randomUUID } from 'node:crypto';

/**
 * Gives every request an id (kept from the load balancer's X-Request-Id when present) and logs it.
 * @param {import('./logger.ts').Logger} log
 * @returns {import('express').RequestHandler}
 */
export function requestId(log) {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && incoming.length <= 128 ? incoming : randomUUID();
    res.locals.requestId = id;
    res.setHeader('X-Request-Id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.debug('request', {
        requestId: id,
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        ms,
      });
    });
    next();
  };
}
