import { describe, expect, it } from 'vitest';
import { toModulesDot, toServicesDot } from '../../../analyzer/report/dot.ts';
import { layOut, layOutInThread } from '../../../analyzer/report/svg.ts';
import { loadFixture } from './fixture.ts';

describe('SVG layout on a helper thread', () => {
  it('gives the SVG text laying out in this thread gives, graph for graph', async () => {
    const analysis = loadFixture();
    const dots = [toServicesDot(analysis), toModulesDot(analysis)];
    const [inThread, here] = await Promise.all([layOutInThread(dots), layOut(dots, 'here')]);
    expect(inThread).not.toBeNull();
    expect(inThread).toHaveLength(2);
    expect(inThread![0]).toContain('<svg');
    expect(inThread![1]).toContain('cluster_orders');
    expect(inThread).toEqual(here);
  });
});
