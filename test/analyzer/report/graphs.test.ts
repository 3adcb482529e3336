import { describe, expect, it } from 'vitest';
import { renderDot, toModulesDot } from '../../../analyzer/report/dot.ts';
import { renderMermaid } from '../../../analyzer/report/mermaid.ts';
import { renderSvg } from '../../../analyzer/report/svg.ts';
import { loadFixture } from './fixture.ts';

describe('services.mmd, services.dot, services.svg, modules.svg', () => {
  it('draws one Mermaid node per service and one edge per dependency', () => {
    const analysis = loadFixture();
    const text = renderMermaid(analysis)[0]!.contents;
    for (const service of analysis.services)
      expect(text).toContain(`svc_${service.name}["${service.extractionOrder}. ${service.name}`);
    const edges = text.split('\n').filter((line) => / -->\|/.test(line));
    expect(edges).toHaveLength(analysis.services.reduce((sum, s) => sum + s.dependsOn.length, 0));
  });

  it('writes DOT with services, dependencies and shared tables as cylinders', () => {
    const [file] = renderDot(loadFixture());
    expect(file!.path).toBe('services.dot');
    expect(file!.contents).toMatch(/^digraph services \{/);
    expect(file!.contents).toContain('svc_orders -> svc_inventory [label="2 symbols, 2 calls"');
    expect(file!.contents).toContain('tbl_stock_items [label="stock_items", shape=cylinder');
  });

  it('clusters modules by service in the module graph and colours crossing imports', () => {
    const text = toModulesDot(loadFixture());
    expect(text).toContain('subgraph cluster_orders {');
    expect(text).toContain('subgraph cluster_shared_kernel {');
    expect(text).toContain(
      '"src/orders/orders.service.ts" -> "src/inventory/stock.service.ts" [color="#dc2626"',
    );
    expect(text).toContain('"src/orders/orders.service.ts" -> "src/orders/orders.repository.ts";');
  });

  it('renders both SVGs with Graphviz compiled to WebAssembly, every service and module labelled', async () => {
    const analysis = loadFixture();
    const files = await renderSvg(analysis);
    expect(files.map((f) => f.path)).toEqual(['services.svg', 'modules.svg']);
    const [services, modules] = files.map((f) => f.contents) as [string, string];
    expect(services).toContain('<svg');
    for (const service of analysis.services)
      expect(services).toContain(`>${service.extractionOrder}. ${service.name}</text>`);
    expect(modules).toContain('<svg');
    const text = modules.replace(/&#45;/g, '-');
    for (const module of analysis.modules) expect(text).toContain(`>${module.id.split('/').pop()}</text>`);
  });
});
