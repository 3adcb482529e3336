import { mkdir } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatsSnapshot } from '../../../proxy/stats/create-stats.ts';
import { hasBrowser, launchChromium, requireBrowser } from '../../support/browser.ts';
import { HOSTILE, seedEarlierTraffic, startWorld, TOKEN, type World } from './apps.ts';

const SCREENSHOTS = new URL('../../../test-output/dashboard/', import.meta.url).pathname;
const DOCS_IMAGE = new URL('../../../docs/images/dashboard.png', import.meta.url).pathname;
// The docs image is rewritten only on request, so a test run leaves the checkout clean.
const UPDATE_DOCS_IMAGE = process.env.STRANGLER_UPDATE_DOCS_IMAGES === '1';

requireBrowser('dashboard');

describe.runIf(hasBrowser)('migration dashboard in chromium', () => {
  let world: World;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  const api = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${world.adminUrl}${path}`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const WAIT = { timeout: 10_000, interval: 200 };
  const cell = (route: string, column: string) =>
    page.locator(`#routes-body tr[data-route="${route}"] td[data-col="${column}"]`);

  beforeAll(async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    world = await startWorld();
    seedEarlierTraffic(world.proxy);
    await world.drive(400);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    // Only the admin port may be reached: a CDN or any other request fails the test.
    await context.route(
      (url) => !url.href.startsWith(world.adminUrl),
      (route) => {
        errors.push(`network request: ${route.request().url()}`);
        return route.abort();
      },
    );
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning')
        errors.push(`console ${message.type()}: ${message.text()}`);
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it('asks for the token, refuses a wrong one, keeps the right one in session storage', async () => {
    await page.goto(`${world.adminUrl}/`);
    await page.getByLabel('Admin token').fill('not-the-token-at-all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('#login-error').textContent(), WAIT).toContain('401');
    // The browser itself logs the refused request; exactly that one, then nothing else is allowed.
    expect(errors).toEqual([expect.stringContaining('401 (Unauthorized)')]);
    errors.length = 0;
    await page.getByLabel('Admin token').fill(TOKEN);
    await page.keyboard.press('Enter');
    await page.locator('#routes-body tr[data-route]').first().waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('strangler.adminToken'))).toBe(TOKEN);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
  });

  it('shows the same numbers as GET /stats and GET /routes', async () => {
    // Traffic has stopped; wait for a poll after the last flush, then compare.
    const stats = await api<{ live: StatsSnapshot }>('/stats');
    const requestsOf = (route: string) =>
      stats.live.routes.filter((r) => r.route === route).reduce((n, r) => n + r.requests, 0);
    for (const route of [
      'get-api-orders-id',
      'get-api-products-id',
      'get-api-carts-id',
      'get-api-users-id',
    ]) {
      await expect.poll(() => cell(route, 'requests').textContent(), WAIT).toBe(String(requestsOf(route)));
    }
    const served = stats.live.routes
      .filter((r) => r.target !== 'monolith')
      .reduce((n, r) => n + r.requests, 0);
    const all = stats.live.routes.reduce((n, r) => n + r.requests, 0);
    expect(await page.locator('#live-share').textContent()).toBe(`${((served / all) * 100).toFixed(1)}%`);
    expect(await page.locator('[data-mode="service"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-mode="shadow"] dd').textContent()).toBe('1');
    expect(await page.locator('[data-mode="monolith"] dd').textContent()).toBe('2');
    // Shadowing found the one-in-four bug: the match rate is the runner's.
    const diffs = await api<Array<{ routeId: string; readiness: { matchRate: number } }>>('/diffs');
    const rate = diffs.find((d) => d.routeId === 'get-api-products-id')!.readiness.matchRate;
    await expect
      .poll(() => cell('get-api-products-id', 'match').textContent(), WAIT)
      .toBe(`${(rate * 100).toFixed(1)}%`);
    // The chart has one bar pair per minute of the window, and the earlier minutes have traffic.
    expect(await page.locator('#share-chart rect.bar-services').count()).toBe(15);
    expect(await page.locator('#share-chart polyline.share-line').count()).toBe(1);
  });

  it('updates live without a reload', async () => {
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 1;
    });
    const before = Number(await cell('get-api-users-id', 'requests').textContent());
    await world.drive(30, '/api/users/');
    await expect
      .poll(() => cell('get-api-users-id', 'requests').textContent(), WAIT)
      .toBe(String(before + 30));
    await expect.poll(() => cell('get-api-users-id', 'rps').textContent(), WAIT).not.toBe('–');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  });

  it('filters and searches the routes table', async () => {
    await page.getByLabel('Mode').selectOption('monolith');
    expect(await page.locator('#routes-body tr[data-route]').count()).toBe(2);
    await page.getByLabel('Mode').selectOption('');
    await page.getByLabel('Search').fill('products');
    expect(await page.locator('#routes-body tr[data-route]').count()).toBe(1);
    await page.getByLabel('Search').fill('');
    await page.screenshot({ path: `${SCREENSHOTS}overview-1280.png` });
  });

  it('moves a route to canary 25% through the page, and traffic follows', async () => {
    // Keyboard only: focus the route's link and follow it.
    await page.locator('#routes-body a[data-focus="get-api-carts-id"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('#route-title', { hasText: 'GET /api/carts/:id' }).waitFor();
    await page.getByLabel('Mode').selectOption('canary');
    await page.getByLabel('Canary %').fill('25');
    await page.getByLabel('Service').selectOption('orders');
    await page.getByLabel('Reason').fill('first quarter of carts <b>to orders</b>');
    await page.getByRole('button', { name: 'Apply change…' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain('Switch GET /api/carts/:id to canary 25% on orders?');
    await dialog.getByRole('button', { name: 'Apply' }).click();

    const firstHistory = page.locator('#route-history tbody tr').first();
    await expect.poll(() => firstHistory.textContent(), WAIT).toContain('canary 25% → orders');
    expect(await firstHistory.textContent()).toContain('first quarter of carts <b>to orders</b>');
    const route = (
      await api<{ routes: Array<{ id: string; mode: string; percent: number; service: string }> }>('/routes')
    ).routes.find((r) => r.id === 'get-api-carts-id');
    expect(route).toMatchObject({ mode: 'canary', percent: 25, service: 'orders' });
    const history = await api<Array<{ actor: string; reason: string }>>(
      '/history?route=get-api-carts-id&limit=1',
    );
    expect(history[0]).toMatchObject({ actor: 'alice', reason: 'first quarter of carts <b>to orders</b>' });

    const servedBy = await world.drive(400, '/api/carts/');
    const share = (servedBy.orders ?? 0) / 400;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
    await page.screenshot({ path: `${SCREENSHOTS}route-canary.png`, fullPage: true });

    // The docs' picture: the overview with every mode in use and traffic flowing.
    await page.getByRole('link', { name: '← All routes' }).click();
    await page.locator('#routes-body tr[data-route]').first().waitFor();
    const traffic = world.drive(300);
    await expect.poll(() => cell('get-api-users-id', 'rps').textContent(), WAIT).not.toMatch(/^(–|0\.0)$/);
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.screenshot({ path: `${SCREENSHOTS}overview-canary.png` });
    if (UPDATE_DOCS_IMAGE) await page.screenshot({ path: DOCS_IMAGE });
    await traffic;
    await page.locator('#routes-body a[data-focus="get-api-carts-id"]').click();
    await page.locator('#route-title', { hasText: 'GET /api/carts/:id' }).waitFor();
  });

  it('rolls the route back after a confirmation', async () => {
    await page.getByRole('button', { name: 'Roll back last change…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
    await expect
      .poll(() => page.locator('#route-history tbody tr').first().textContent(), WAIT)
      .toContain('rollback');
    const route = (await api<{ routes: Array<{ id: string; mode: string }> }>('/routes')).routes.find(
      (r) => r.id === 'get-api-carts-id',
    );
    expect(route?.mode).toBe('monolith');
    const servedBy = await world.drive(40, '/api/carts/');
    expect(servedBy).toEqual({ monolith: 40 });
  });

  it('shows a shadow mismatch side by side, as text', async () => {
    await page.getByRole('link', { name: '← All routes' }).click();
    await page.locator('#routes-body a[data-focus="get-api-products-id"]').click();
    await page.locator('.diff').waitFor();
    expect(await page.locator('.differences').textContent()).toContain('$.price');
    expect(await page.locator('.diff td.new').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('"price": "19.90"')]),
    );
    // The service's markup is shown as characters and never runs.
    expect(await page.locator('.differences').textContent()).toContain(HOSTILE.replaceAll('"', '\\"'));
    expect(await page.locator('.diff img, .differences img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // The request id differs between two answers of the monolith itself: learned as noise.
    expect(await page.locator('#route-noise').textContent()).toContain('$.requestId');
    await page.screenshot({ path: `${SCREENSHOTS}route-shadow.png`, fullPage: true });
  });

  it('lists the newest kept mismatches and resets the results after a confirmation', async () => {
    await expect.poll(() => page.locator('#route-samples').textContent(), WAIT).toContain('Kept mismatches');
    expect(await page.locator('#route-samples-list li').count()).toBe(5);
    expect(await page.locator('#route-samples-list li').first().textContent()).toContain('$.price');
    await page.getByRole('button', { name: 'Reset comparison results…' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Reset', exact: true }).click();
    await expect
      .poll(() => page.locator('#route-shadow').textContent(), WAIT)
      .toContain('No mismatch recorded.');
    const after = await api<{ counters: { mismatched: number }; samples: unknown[] }>(
      '/diffs/get-api-products-id',
    );
    expect(after).toMatchObject({ counters: { mismatched: 0 }, samples: [] });
    expect(await page.locator('#route-samples-list').count()).toBe(0);
  });

  it('fits a narrow screen without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${world.adminUrl}/#/`);
    await page.locator('#routes-body tr[data-route]').first().waitFor();
    await page.locator('.toast.visible').waitFor({ state: 'detached', timeout: 10_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SCREENSHOTS}overview-narrow.png`, fullPage: true });
  });

  it('logged no console error and made no request beyond the admin port', () => {
    expect(errors).toEqual([]);
  });
});
