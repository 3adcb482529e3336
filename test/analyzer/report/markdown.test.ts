import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../analyzer/report/markdown.ts';
import { loadFixture } from './fixture.ts';

function render() {
  const analysis = loadFixture();
  const [file] = renderMarkdown(analysis);
  return { analysis, text: file!.contents, path: file!.path };
}

function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  expect(start, `missing section ${heading}`).toBeGreaterThan(-1);
  const rest = text.slice(start + heading.length + 2);
  const level = heading.split(' ')[0]!;
  const next = rest.search(new RegExp(`^#{1,${level.length}} `, 'm'));
  return next === -1 ? rest : rest.slice(0, next);
}

describe('report.md', () => {
  it('lists every service in the services table, in extraction order', () => {
    const { text, path } = render();
    expect(path).toBe('report.md');
    const rows = section(text, '## Services')
      .split('\n')
      .filter((line) => /^\| \d/.test(line))
      .map((line) => line.split('|')[2]!.trim());
    expect(rows).toEqual([
      '[accounts](#1-accounts)',
      '[catalog](#2-catalog)',
      '[payments](#3-payments)',
      '[inventory](#4-inventory)',
      '[orders](#5-orders)',
    ]);
  });

  it('gives each service its endpoints, tables and dependencies with the symbols that cross', () => {
    const { analysis, text } = render();
    for (const service of analysis.services) {
      const detail = section(text, `### ${service.extractionOrder}. ${service.name}`);
      for (const endpoint of analysis.endpoints.filter((e) => e.service === service.name)) {
        expect(detail).toContain(`| ${endpoint.method} | \`${endpoint.path}\` |`);
      }
      for (const table of service.tables) expect(detail).toContain(`\`${table}\``);
      for (const dependency of service.dependsOn) {
        for (const symbol of dependency.symbols) expect(detail).toContain(`\`${symbol}\``);
      }
    }
    const orders = section(text, '### 5. orders');
    expect(orders).toContain(
      '**inventory** (weight 2, 2 call sites): `src/inventory/stock.service.ts#releaseStock`, `src/inventory/stock.service.ts#reserveStock`',
    );
  });

  it('puts each metric beside the baseline with which side is better', () => {
    const { text } = render();
    const metrics = section(text, '## Metrics');
    expect(metrics).toContain('| Inter-partition calls (ICP) | 0.181 | 0.24 | lower | ✓ better |');
    expect(metrics).toContain('| Structural modularity (SM) | 0.178 | 0.179 | higher | ✗ worse |');
    expect(metrics).toContain('| MoJoFM vs expected | 100 | 92.86 | higher | ✓ better |');
  });

  it('shows shared tables with each side, the extraction reasons, cycles, risks and warnings', () => {
    const { text } = render();
    expect(section(text, '## Shared tables')).toContain(
      '| `stock_items` | inventory | inventory (reads+writes), orders (writes) |',
    );
    expect(section(text, '## Extraction order')).toContain('1. **accounts**: no other service calls it;');
    expect(section(text, '## Cycles')).toContain(
      '`src/orders/orders.service.ts` → `src/payments/payments.service.ts` → `src/orders/order-events.ts` → `src/orders/orders.service.ts`',
    );
    expect(section(text, '## Risks')).toContain('**shared-write** (inventory, orders)');
    const warnings = section(text, '## Warnings');
    expect(warnings).toContain('| `UNRESOLVED_IMPORT` | `src/payments/payments.service.ts:4` |');
    expect(warnings).toContain('`DYNAMIC_ROUTE`');
  });

  it('embeds a Mermaid diagram of the services, their dependencies and shared tables', () => {
    const { text } = render();
    const diagram = section(text, '## Service map');
    expect(diagram).toMatch(/^```mermaid\nflowchart LR\n/m);
    expect(diagram).toContain('svc_orders -->|2 symbols| svc_inventory');
    expect(diagram).toContain('svc_orders ==>|writes| tbl_stock_items');
    expect(diagram).toContain('class tbl_orders,tbl_products,tbl_stock_items shared');
  });

  it('keeps a pipe inside a warning from breaking the table', () => {
    const analysis = loadFixture();
    analysis.warnings = [{ code: 'DYNAMIC_ROUTE', file: 'src/routes.ts', line: 3, message: 'path is a | b' }];
    const text = renderMarkdown(analysis)[0]!.contents;
    expect(text).toContain('| path is a \\| b |');
  });
});
