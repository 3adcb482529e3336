/**
 * Serves the migration dashboard on the admin port: `GET /` (the page), `/dashboard/app.js`
 * and `/dashboard/app.css`. The page itself holds no data, so it needs no token; everything
 * it shows comes from the token-protected admin API, called by the browser with the token
 * the person typed in. A strict CSP keeps any rendered data from ever running as script.
 */
import type { Express, NextFunction, Request, Response } from 'express';
import { getDashboardAssets } from './bundle.ts';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

export function mountDashboard(app: Express): void {
  const send =
    (type: string, pick: (assets: Awaited<ReturnType<typeof getDashboardAssets>>) => string) =>
    async (_req: Request, res: Response, next: NextFunction) => {
      try {
        const assets = await getDashboardAssets();
        res.set({
          'content-type': type,
          'cache-control': 'no-store',
          'content-security-policy': CSP,
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
        });
        res.send(pick(assets));
      } catch (error) {
        next(error);
      }
    };
  app.get(
    '/',
    send('text/html; charset=utf-8', (a) => a.html),
  );
  app.get(
    '/dashboard/app.js',
    send('text/javascript; charset=utf-8', (a) => a.script),
  );
  app.get(
    '/dashboard/app.css',
    send('text/css; charset=utf-8', (a) => a.style),
  );
}
