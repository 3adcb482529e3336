import { getDomainFolder } from '../cluster/domain-folder.ts';

export const BASELINE_NAME = 'one service per top-level domain folder';

/**
 * The naive cut an architect would try first: one service per top-level domain folder, over the
 * same modules as the proposal (kernel and wiring set aside), so the metrics compare like with like.
 */
export function getFolderBaseline(modules: readonly string[]): {
  name: string;
  services: Array<{ name: string; modules: string[] }>;
  assignment: Record<string, string>;
} {
  const assignment: Record<string, string> = {};
  const byFolder = new Map<string, string[]>();
  for (const id of [...modules].sort()) {
    const folder = getDomainFolder(id);
    assignment[id] = folder;
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), id]);
  }
  const services = [...byFolder]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, ids]) => ({ name, modules: ids }));
  return { name: BASELINE_NAME, services, assignment };
}
