import { describe, expect, it } from 'vitest';
import { assembleAnalysis } from '../../../analyzer/assemble/index.ts';
import { parseConstraints } from '../../../analyzer/cluster/constraints.ts';
import { createShopFacts } from '../../fixtures/propose/shop-facts.ts';

const serviceOf = (analysis: ReturnType<typeof assembleAnalysis>, id: string) =>
  analysis.modules.find((m) => m.id === id)!.service;

describe('constraints', () => {
  it('pins a module to a named service', () => {
    const analysis = assembleAnalysis(createShopFacts(), {
      constraints: parseConstraints({ pin: { 'src/inventory/**': 'warehouse' } }),
    });
    expect(serviceOf(analysis, 'src/inventory/stock.repository.ts')).toBe('warehouse');
    expect(serviceOf(analysis, 'src/inventory/inventory.router.ts')).toBe('warehouse');
    expect(analysis.services.map((s) => s.name)).toContain('warehouse');
  });

  it('keeps modules together', () => {
    const analysis = assembleAnalysis(createShopFacts(), {
      constraints: parseConstraints({ together: [['src/payments/**', 'src/orders/orders.service.ts']] }),
    });
    expect(serviceOf(analysis, 'src/payments/payments.service.ts')).toBe(
      serviceOf(analysis, 'src/orders/orders.service.ts'),
    );
  });

  it('keeps modules apart by splitting the community along its ties', () => {
    const analysis = assembleAnalysis(createShopFacts(), {
      constraints: parseConstraints({
        apart: [['src/accounts/users.repository.ts', 'src/accounts/sessions.repository.ts']],
      }),
    });
    const users = serviceOf(analysis, 'src/accounts/users.repository.ts');
    const sessions = serviceOf(analysis, 'src/accounts/sessions.repository.ts');
    expect(users).not.toBe(sessions);
    expect(analysis.services).toHaveLength(6);
  });

  it('splits a transaction only when forced, and then lists it as a risk', () => {
    const analysis = assembleAnalysis(createShopFacts(), {
      constraints: parseConstraints({
        pin: { 'src/catalog/pricing.ts': 'pricing', 'src/orders/**': 'orders' },
      }),
    });
    expect(analysis.transactions[0]!.services).toEqual(['orders', 'pricing']);
    const risk = analysis.risks.find((r) => r.kind === 'split-transaction')!;
    expect(risk).toMatchObject({
      services: ['orders', 'pricing'],
      file: 'src/orders/orders.service.ts',
      line: 42,
    });
    expect(risk.message).toContain('constraints force it apart');
  });

  it("keeps a transaction whole by default, its writer's area with it, and splits it only when told to", () => {
    const facts = createShopFacts();
    facts.transactions.push({
      file: 'src/orders/orders.service.ts',
      line: 77,
      tables: ['orders', 'stock'],
      modules: ['src/inventory/stock.repository.ts', 'src/orders/orders.repository.ts'],
    });
    // The inventory router uses the stock repository far more than checkout does.
    facts.imports.push({
      from: 'src/inventory/inventory.router.ts',
      to: 'src/inventory/stock.repository.ts',
      kind: 'import',
      symbols: ['getStock', 'releaseStock', 'restock'],
      line: 3,
    });
    const whole = assembleAnalysis(facts);
    expect(serviceOf(whole, 'src/inventory/stock.repository.ts')).toBe('orders');
    // The router would otherwise call its own repository across a service boundary.
    expect(serviceOf(whole, 'src/inventory/inventory.router.ts')).toBe('orders');
    expect(whole.risks.filter((r) => r.kind === 'split-transaction')).toEqual([]);
    expect(whole.tables.find((t) => t.name === 'stock')!.owner).toBe('orders');

    const split = assembleAnalysis(facts, { constraints: parseConstraints({ transactions: 'coupling' }) });
    expect(serviceOf(split, 'src/inventory/stock.repository.ts')).toBe('inventory');
    const risks = split.risks.filter((r) => r.kind === 'split-transaction');
    expect(risks.map((r) => r.line)).toEqual([77]);
    expect(risks[0]!.message).toContain('"transactions": "coupling"');
  });

  it('warns about a constraint that matches nothing', () => {
    const analysis = assembleAnalysis(createShopFacts(), {
      constraints: parseConstraints({ pin: { 'src/billing/**': 'billing' } }),
    });
    expect(analysis.warnings.map((w) => w.code)).toContain('CONSTRAINT_NO_MATCH');
  });

  it('rejects a malformed file with the path of the problem', () => {
    expect(() => parseConstraints({ apart: [['only-one']] }, 'boundaries.json')).toThrowError(
      expect.objectContaining({
        code: 'CLUSTER_CONSTRAINTS_INVALID',
        message: expect.stringContaining('apart.0'),
      }),
    );
  });
});
