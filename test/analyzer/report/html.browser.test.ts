import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConstraints } from '../../../analyzer/cluster/constraints.ts';
import { evaluatePartition, getAssignment } from '../../../analyzer/propose/what-if.ts';
import { loadAnalysis, writeReports } from '../../../analyzer/report/index.ts';
import { formatNumber } from '../../../analyzer/report/view.ts';
import { hasBrowser, launchChromium, requireBrowser } from '../../support/browser.ts';

const FIXTURE = new URL('../../fixtures/report/analysis.json', import.meta.url).pathname;
const SCREENSHOTS = new URL('../../../test-output/analyzer-report/', import.meta.url).pathname;

requireBrowser('report.html');

describe.runIf(hasBrowser)('report.html in chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'strangler-report-html-'));
    const analysis = await loadAnalysis(FIXTURE);
    await writeReports(analysis, { formats: ['html'], outDir: dir });
    browser = await launchChromium();
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    // The page must work with no network at all: any request leaving file:// fails the test.
    await context.route(/^(?!file:)/, (route) => {
      errors.push(`network request: ${route.request().url()}`);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    await page
      .waitForFunction(() => 'strangler' in globalThis, undefined, { timeout: 15_000 })
      .catch((error) => {
        throw new Error(`report.html did not start: ${errors.join('; ') || error.message}`);
      });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('draws every service of the analysis in the graph, inside the canvas', async () => {
    const analysis = await loadAnalysis(FIXTURE);
    const drawn = await page.evaluate(() => {
      const { cy } = (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler;
      return cy.nodes('[type = "service"]').map((node) => {
        const box = node.renderedBoundingBox();
        return {
          name: node.data('service') as string,
          x: box.x1,
          y: box.y1,
          w: box.w,
          h: box.h,
          cw: cy.width(),
          ch: cy.height(),
        };
      });
    });
    expect(drawn.map((node) => node.name).sort()).toEqual(analysis.services.map((s) => s.name).sort());
    for (const node of drawn) {
      expect(node.w).toBeGreaterThan(20);
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x + node.w).toBeLessThanOrEqual(node.cw + 1);
      expect(node.y + node.h).toBeLessThanOrEqual(node.ch + 1);
    }
    const sharedTables = await page.evaluate(() =>
      (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler.cy
        .nodes('[type = "table"]')
        .map((n) => n.id()),
    );
    expect(sharedTables.sort()).toEqual(['tbl:orders', 'tbl:products', 'tbl:stock_items']);
  });

  it('shows a service’s endpoints when its node is clicked', async () => {
    const point = await page.evaluate(() => {
      const { cy } = (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler;
      return cy.getElementById('svc:catalog').renderedPosition();
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await expect.poll(() => page.locator('#service-details h2').textContent()).toBe('catalog');
    const endpoints = await page.locator('#service-endpoints li').allTextContents();
    expect(endpoints.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
      'GET /api/catalog/products',
      'GET /api/catalog/products/:id',
      'GET /api/catalog/categories',
    ]);
    await mkdir(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-services.png') });
  });

  it('finds a table by search and marks the services that touch it', async () => {
    await page.fill('#search', 'stock_items');
    await expect.poll(() => page.locator('#search-results li').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results li').first().textContent()).toContain('stock_items');
    const marked = await page.evaluate(() =>
      (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler.cy
        .nodes('.match')
        .map((n) => n.id()),
    );
    expect(marked.sort()).toEqual(['svc:inventory', 'svc:orders', 'tbl:stock_items']);
    await page.press('#search', 'Escape');
  });

  it('draws the module graph of a service', async () => {
    await page.click('[data-service="inventory"]');
    await page.click('#open-modules');
    const modules = await page.evaluate(() =>
      (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler.cy
        .nodes('[type = "module"]')
        .map((n) => n.id()),
    );
    expect(modules.sort()).toEqual([
      'src/inventory/inventory.router.ts',
      'src/inventory/stock.repository.ts',
      'src/inventory/stock.service.ts',
    ]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-modules.png') });
  });

  it('recomputes metrics and crossings with the analyzer’s code when a module moves, and exports constraints', async () => {
    const analysis = await loadAnalysis(FIXTURE);
    const icpCell = page.locator('tr[data-metric="icp"] td.now');
    const icpBefore = await icpCell.textContent();
    const crossingsBefore = await page.locator('#crossing-count').textContent();

    await page.selectOption('select[data-module="src/inventory/stock.service.ts"]', 'orders');

    const edited = { ...getAssignment(analysis), 'src/inventory/stock.service.ts': 'orders' };
    const { metrics: expected } = evaluatePartition(analysis, edited);
    await expect.poll(() => icpCell.textContent()).toBe(formatNumber(expected.icp));
    expect(formatNumber(expected.icp)).not.toBe(icpBefore);
    expect(await page.locator('tr[data-metric="modularity"] td.now').textContent()).toBe(
      formatNumber(expected.modularity),
    );
    expect(await page.locator('#crossing-count').textContent()).not.toBe(crossingsBefore);
    expect(await page.locator('#moves').textContent()).toContain(
      'src/inventory/stock.service.ts: inventory → orders',
    );

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    expect(download.suggestedFilename()).toBe('constraints.json');
    const constraints = parseConstraints(JSON.parse(await readFile((await download.path())!, 'utf8')));
    expect(constraints.pin['src/inventory/stock.service.ts']).toBe('orders');
    expect(constraints.pin['src/catalog/catalog.router.ts']).toBe('catalog');
    expect(Object.keys(constraints.pin)).toHaveLength(Object.keys(edited).length);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-what-if.png'), fullPage: true });
  });

  it('splits a module out into a new service, named at the prompt', async () => {
    page.once('dialog', (dialog) => dialog.accept('taxonomy'));
    await page.click('[data-service="catalog"]');
    await page.selectOption('select[data-module="src/catalog/categories.repository.ts"]', {
      label: '+ new service…',
    });
    await expect.poll(() => page.locator('[data-service="taxonomy"]').count()).toBe(1);
    await page.click('text=All services');
    const services = await page.evaluate(() =>
      (globalThis as unknown as { strangler: { cy: import('cytoscape').Core } }).strangler.cy
        .nodes('[type = "service"]')
        .map((n) => n.data('service') as string),
    );
    expect(services).toContain('taxonomy');
    expect(await page.locator('#moves').textContent()).toContain(
      'src/catalog/categories.repository.ts: catalog → taxonomy',
    );
  });

  it('ran without console errors or network requests', () => {
    expect(errors).toEqual([]);
  });
});
