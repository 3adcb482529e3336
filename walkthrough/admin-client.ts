import type { RouteDiffReport } from '../proxy/shadow/types.ts';
import type { StatsSnapshot } from '../proxy/stats/create-stats.ts';

/** The two admin API reads the walkthrough shows: the same calls the dashboard makes. */
export function createAdminReader(admin: { url: string; token: string }) {
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${admin.url}${path}`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return (await response.json()) as T;
  };
  return {
    diffs: () => get<RouteDiffReport[]>('/diffs'),
    stats: () => get<{ revision: number; live: StatsSnapshot }>('/stats'),
  };
}
