/**
 * Bundles the dashboard's browser script (client/main.ts) with esbuild, once per process, on
 * the first request for it. Nothing is fetched from a CDN: the page needs only the admin port.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { StranglerError } from '../../../errors/index.ts';
import { bundlePageScript } from '../../../web/bundle-page-script.ts';
import { PROXY_DASHBOARD_ERRORS } from './errors.ts';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));
const PAGE = fileURLToPath(new URL('./page.html', import.meta.url));
const STYLE = fileURLToPath(new URL('./style.css', import.meta.url));

export interface DashboardAssets {
  html: string;
  script: string;
  style: string;
}

let cached: Promise<DashboardAssets> | undefined;

export function getDashboardAssets(): Promise<DashboardAssets> {
  cached ??= Promise.all([readFile(PAGE, 'utf8'), bundleScript(), readFile(STYLE, 'utf8')]).then(
    ([html, script, style]) => ({ html, script, style }),
  );
  // A failed build is retried on the next request rather than cached forever.
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

async function bundleScript(): Promise<string> {
  try {
    return await bundlePageScript(ENTRY);
  } catch (error) {
    throw new StranglerError(
      PROXY_DASHBOARD_ERRORS.PROXY_DASHBOARD_BUNDLE_FAILED,
      `Could not bundle the dashboard script: ${(error as Error).message}`,
      { cause: error },
    );
  }
}
