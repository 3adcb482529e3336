import { describe, expect, it } from 'vitest';
import { getAssignment } from '../../../analyzer/propose/what-if.ts';
import { search } from '../../../analyzer/report/browser/search.ts';
import { toConstraintsFile, toPartitionView } from '../../../analyzer/report/partition-view.ts';
import { loadFixture } from './fixture.ts';

describe('the what-if view of a partition', () => {
  it('shows the proposal as analysis.json records it', () => {
    const analysis = loadFixture();
    const view = toPartitionView(analysis, getAssignment(analysis));
    expect(view.metrics).toEqual(analysis.metrics);
    expect(view.services.map((s) => s.name)).toEqual(analysis.services.map((s) => s.name));
    for (const service of analysis.services) {
      const dependencies = view.dependencies.filter((d) => d.from === service.name);
      expect(dependencies.map((d) => ({ service: d.to, symbols: d.symbols, calls: d.calls }))).toEqual(
        service.dependsOn.map((d) => ({ service: d.service, symbols: d.symbols, calls: d.calls })),
      );
    }
    expect(view.sharedTables.map((t) => [t.name, t.sharedWrite])).toEqual([
      ['orders', false],
      ['products', false],
      ['stock_items', true],
    ]);
    expect(view.crossings.filter((c) => !c.isCall).map((c) => `${c.from} -> ${c.to}`)).toEqual([
      'src/inventory/stock.service.ts -> src/catalog/products.repository.ts',
    ]);
  });

  it('stops sharing a table once its writers sit in one service', () => {
    const analysis = loadFixture();
    const edited = { ...getAssignment(analysis), 'src/orders/orders.repository.ts': 'inventory' };
    const view = toPartitionView(analysis, edited);
    expect(view.sharedTables.find((t) => t.name === 'stock_items')).toBeUndefined();
    expect(view.services.find((s) => s.name === 'inventory')?.modules).toContain(
      'src/orders/orders.repository.ts',
    );
    expect(view.metrics).not.toEqual(analysis.metrics);
  });

  it('exports one pin per module that belongs to a service, in a stable order', () => {
    const analysis = loadFixture();
    const { pin } = toConstraintsFile({ ...getAssignment(analysis), 'src/cart/cart.router.ts': 'cart' });
    expect(Object.keys(pin)).toEqual(Object.keys(pin).sort());
    expect(Object.keys(pin)).toHaveLength(analysis.modules.filter((m) => m.service).length);
    expect(pin['src/cart/cart.router.ts']).toBe('cart');
    expect(pin['src/shared/db.ts']).toBeUndefined();
  });

  it('finds services, modules, endpoints and tables by any part of their name', () => {
    const analysis = loadFixture();
    const hits = search(analysis, getAssignment(analysis), 'cart');
    expect(hits.map((h) => `${h.kind} ${h.label} ${h.service}`)).toEqual([
      'module src/cart/cart.router.ts orders',
      'module src/cart/cart.repository.ts orders',
      'endpoint GET /api/cart orders',
      'endpoint POST /api/cart/items orders',
      'endpoint DELETE /api/cart/items/:productId orders',
      'table cart_items orders',
    ]);
    expect(search(analysis, getAssignment(analysis), '  ')).toEqual([]);
  });
});
