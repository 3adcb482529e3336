/**
 * The what-if editor's export is a real `--constraints` file: pinning every module where the
 * edited partition put it makes `analyze` reproduce that partition, the moved module included.
 */
import { describe, expect, it } from 'vitest';
import { parseConstraints } from '../../../analyzer/cluster/constraints.ts';
import { analyze } from '../../../analyzer/index.ts';
import { getAssignment } from '../../../analyzer/propose/what-if.ts';
import { toConstraintsFile } from '../../../analyzer/report/partition-view.ts';

const SAMPLE = new URL('../../../sample-monolith', import.meta.url).pathname;

describe('constraints exported by the what-if editor', () => {
  it('make strangler analyze reproduce the edited partition', async () => {
    const proposal = await analyze({ root: SAMPLE, git: false });
    const [from, to] = proposal.services;
    expect(to).toBeDefined();
    const moved = from!.modules.at(-1)!;
    const edited = { ...getAssignment(proposal), [moved]: to!.name };

    // Through JSON, as the downloaded file would travel.
    const constraints = parseConstraints(
      JSON.parse(JSON.stringify(toConstraintsFile(edited))),
      'constraints.json',
    );
    const reanalysed = await analyze({ root: SAMPLE, git: false, constraints });

    expect(getAssignment(reanalysed)[moved]).toBe(to!.name);
    expect(getAssignment(reanalysed)).toEqual(edited);
  }, 120_000);
});
