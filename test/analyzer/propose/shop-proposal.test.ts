import { describe, expect, it } from 'vitest';
import { analysisSchema } from '../../../analyzer/analysis.ts';
import { assembleAnalysis } from '../../../analyzer/assemble/index.ts';
import type { ProjectFacts } from '../../../analyzer/facts/types.ts';
import { createShopFacts } from '../../fixtures/propose/shop-facts.ts';

const byName = (analysis: ReturnType<typeof assembleAnalysis>) =>
  Object.fromEntries(analysis.services.map((s) => [s.name, s]));

describe('proposal for the shop facts', () => {
  const analysis = assembleAnalysis(createShopFacts());
  const services = byName(analysis);

  it('proposes one service per capability, with pricing where its writes and callers are', () => {
    expect(Object.keys(services).sort()).toEqual(['accounts', 'catalog', 'inventory', 'orders', 'payments']);
    expect(services.orders!.modules).toContain('src/catalog/pricing.ts');
    expect(services.catalog!.modules).not.toContain('src/catalog/pricing.ts');
  });

  it('sets aside the shared kernel and the wiring', () => {
    expect(analysis.sharedKernel).toEqual([
      'src/shared/config.ts',
      'src/shared/db.ts',
      'src/shared/errors.ts',
      'src/shared/logger.ts',
    ]);
    expect(analysis.wiring).toEqual(['src/app.ts', 'src/server.ts']);
    const roles = Object.fromEntries(analysis.modules.map((m) => [m.id, m.role]));
    expect(roles['src/shared/db.ts']).toBe('shared-kernel');
    expect(roles['src/app.ts']).toBe('wiring');
  });

  it('names the exact symbols that would become remote calls', () => {
    expect(services.orders!.dependsOn.map((d) => [d.service, d.symbols, d.calls])).toEqual([
      ['catalog', ['src/catalog/products.repository.ts#findProduct'], 1],
      ['inventory', ['src/inventory/stock.repository.ts#reserveStock'], 1],
      ['payments', ['src/payments/payments.service.ts#charge'], 1],
    ]);
    // A type-only import is not a remote call.
    expect(services.orders!.dependsOn.some((d) => d.service === 'accounts')).toBe(false);
  });

  it('gives each table to its main writer and lists what a service only reads', () => {
    const owner = Object.fromEntries(analysis.tables.map((t) => [t.name, t.owner]));
    expect(owner).toMatchObject({
      orders: 'orders',
      order_items: 'orders',
      price_quotes: 'orders',
      stock: 'inventory',
    });
    expect(services.payments!.reads).toEqual(['orders']);
    const orders = analysis.tables.find((t) => t.name === 'orders')!;
    expect(orders.shared).toBe(true);
    expect(orders.access).toEqual([
      { service: 'orders', reads: true, writes: true },
      { service: 'payments', reads: true, writes: false },
    ]);
  });

  it('keeps the checkout transaction in one service and reports no risk for it', () => {
    expect(analysis.transactions[0]!.services).toEqual(['orders']);
    expect(analysis.risks.filter((r) => r.kind === 'split-transaction')).toEqual([]);
  });

  it('ranks a service nobody calls first and puts the caller of three services late', () => {
    expect(analysis.services[0]!.name).toBe('accounts');
    expect(analysis.services[0]!.extractionReasons[0]).toBe('no other service calls it');
    expect(services.inventory!.scores.inbound).toBe(1);
    expect(services.orders!.scores.outbound).toBe(3);
  });

  it('explains each module by its strongest ties inside its service', () => {
    const pricing = analysis.modules.find((m) => m.id === 'src/catalog/pricing.ts')!;
    expect(pricing.service).toBe('orders');
    expect(pricing.why[0]).toMatchObject({ module: 'src/orders/orders.repository.ts', signal: 'data' });
  });

  it('beats the folder baseline on ICP and modularity', () => {
    expect(analysis.baseline.services.map((s) => s.name)).toEqual([
      'accounts',
      'catalog',
      'inventory',
      'orders',
      'payments',
    ]);
    expect(analysis.metrics.icp).toBeLessThan(analysis.baseline.metrics.icp);
    expect(analysis.metrics.modularity).toBeGreaterThan(analysis.baseline.metrics.modularity);
  });

  it('says how it chose the number of services', () => {
    expect(analysis.settings.requestedServices).toBeNull();
    expect(analysis.settings.chosenResolution).toBe(1);
    expect(analysis.settings.selection!.candidates.length).toBeGreaterThan(3);
    expect(analysis.settings.signals).toEqual(['static', 'data']);
  });

  it('validates against the analysis.json schema', () => {
    const parsed = analysisSchema.safeParse(JSON.parse(JSON.stringify(analysis)));
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });
});

describe('determinism', () => {
  it('gives byte-identical services for the same facts, whatever their order', () => {
    const first = assembleAnalysis(createShopFacts());
    const shuffled = shuffle(createShopFacts());
    const second = assembleAnalysis(shuffled);
    expect(JSON.stringify(second.services)).toBe(JSON.stringify(first.services));
    expect(JSON.stringify(second.modules)).toBe(JSON.stringify(first.modules));
    expect(JSON.stringify(assembleAnalysis(createShopFacts()))).toBe(JSON.stringify(first));
  });
});

describe('--services N', () => {
  it('asks the resolution search for about N services', () => {
    const analysis = assembleAnalysis(createShopFacts(), { services: 2 });
    expect(analysis.services).toHaveLength(2);
    expect(analysis.settings.requestedServices).toBe(2);
    expect(analysis.settings.selection!.reason).toMatch(/^--services 2: reached at resolution [0-9.]+\.$/);
  });

  it('says so when the graph cannot give exactly N', () => {
    const analysis = assembleAnalysis(createShopFacts(), { services: 8 });
    const counts = analysis.settings.selection!.candidates.map((c) => c.services);
    expect(counts).not.toContain(8);
    expect(analysis.services.length).toBeLessThan(8);
    expect(analysis.settings.selection!.reason).toContain(
      `the closest the graph allows is ${analysis.services.length}`,
    );
  });
});

/** Reverses every array and rotates it: a different order than the scanner's. */
function shuffle(facts: ProjectFacts): ProjectFacts {
  const mix = <T>(list: T[]) => {
    const reversed = [...list].reverse();
    return [...reversed.slice(3), ...reversed.slice(0, 3)];
  };
  return {
    ...facts,
    files: mix(facts.files),
    imports: mix(facts.imports),
    endpoints: mix(facts.endpoints),
    tableAccesses: mix(facts.tableAccesses),
  };
}
