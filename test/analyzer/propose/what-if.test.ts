import { describe, expect, it } from 'vitest';
import { assembleAnalysis } from '../../../analyzer/assemble/index.ts';
import { evaluatePartition, getAssignment } from '../../../analyzer/propose/what-if.ts';
import { createShopFacts } from '../../fixtures/propose/shop-facts.ts';

describe('evaluatePartition', () => {
  const expected = {
    'src/catalog/products.router.ts': 'catalog',
    'src/catalog/products.repository.ts': 'catalog',
    'src/catalog/categories.repository.ts': 'catalog',
    'src/catalog/pricing.ts': 'orders',
  };
  const analysis = assembleAnalysis(createShopFacts(), { expected });

  it('reproduces the analysis figures for the analysis own partition', () => {
    const result = evaluatePartition(analysis, getAssignment(analysis));
    expect(result.metrics).toEqual(analysis.metrics);
    for (const service of analysis.services)
      expect(result.dependsOn[service.name] ?? []).toEqual(service.dependsOn);
    expect(result.sharedTables.map((t) => t.name)).toEqual(
      analysis.tables.filter((t) => t.shared).map((t) => t.name),
    );
  });

  it('moving pricing back to catalog adds calls across the seam and a shared write', () => {
    const assignment = { ...getAssignment(analysis), 'src/catalog/pricing.ts': 'catalog' };
    const result = evaluatePartition(analysis, assignment);
    expect(result.metrics.icp).toBeGreaterThan(analysis.metrics.icp);
    expect(result.metrics.mojofm).toBeLessThan(analysis.metrics.mojofm!);
    expect(result.dependsOn.orders!.find((d) => d.service === 'catalog')!.symbols).toContain(
      'src/catalog/pricing.ts#priceOrder',
    );
    expect(result.dependsOn.catalog!.map((d) => d.service)).toEqual(['orders']);
  });
});
