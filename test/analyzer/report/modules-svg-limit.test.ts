import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../analyzer/analysis.ts';
import { MODULES_SVG_LIMIT, renderSvg } from '../../../analyzer/report/svg.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/report/analysis.json', import.meta.url), 'utf8'),
) as Analysis;

describe('modules.svg on a large monolith', () => {
  it('draws the modules while they are few enough to read', async () => {
    const files = await renderSvg(fixture);
    const svg = files.find((file) => file.path === 'modules.svg')!.contents;
    expect(svg).toContain(fixture.modules[0]!.id.split('/').at(-1));
    expect(svg).not.toContain('too many to draw');
  });

  it('says where to look instead of laying out thousands of boxes (Graphviz ran for minutes on 5,000)', async () => {
    const extra = Array.from({ length: MODULES_SVG_LIMIT }, (_, i) => ({
      ...fixture.modules[0]!,
      id: `src/generated/module-${i}.ts`,
    }));
    const large = { ...fixture, modules: [...fixture.modules, ...extra] };
    const files = await renderSvg(large);
    const svg = files.find((file) => file.path === 'modules.svg')!.contents;
    expect(svg).toContain(`${large.modules.length} modules are too many to draw legibly`);
    expect(files.find((file) => file.path === 'services.svg')!.contents).toContain('<svg');
  });
});
