import type { ResolvedConstraints } from './constraints.ts';

/**
 * Modules that must share a service (together rules, pins to one name, a transaction's
 * writers) are merged into one node before community detection. Each group remembers which
 * side of each apart rule it is on, so a merge that would break an apart rule is refused.
 */
export class ModuleGroups {
  private readonly parent = new Map<string, string>();
  /** root -> apart rule index -> side index. */
  private readonly sides = new Map<string, Map<number, number>>();

  constructor(modules: readonly string[], constraints: ResolvedConstraints) {
    for (const id of modules) this.parent.set(id, id);
    constraints.apart.forEach((rule, ruleIndex) => {
      rule.forEach((side, sideIndex) => {
        for (const id of side) {
          if (!this.parent.has(id)) continue;
          const tags = this.sides.get(id) ?? new Map<number, number>();
          if (!tags.has(ruleIndex)) tags.set(ruleIndex, sideIndex);
          this.sides.set(id, tags);
        }
      });
    });
  }

  has(id: string): boolean {
    return this.parent.has(id);
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Merges two groups; false (and nothing merged) when an apart rule forbids it. */
  union(a: string, b: string): boolean {
    if (!this.parent.has(a) || !this.parent.has(b)) return true;
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ta = this.sides.get(ra);
    const tb = this.sides.get(rb);
    if (ta && tb) for (const [rule, side] of ta) if (tb.has(rule) && tb.get(rule) !== side) return false;
    // The smaller id is the root, so groups are named the same whatever the merge order.
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent.set(child, root);
    const merged = new Map([...(this.sides.get(child) ?? []), ...(this.sides.get(root) ?? [])]);
    if (merged.size > 0) this.sides.set(root, merged);
    return true;
  }

  /** The apart-rule sides of a group's root. */
  getSides(root: string): ReadonlyMap<number, number> {
    return this.sides.get(this.find(root)) ?? new Map();
  }

  /** root -> members (sorted), roots sorted. */
  getGroups(): Map<string, string[]> {
    const groups = new Map<string, string[]>();
    for (const id of [...this.parent.keys()].sort()) {
      const root = this.find(id);
      const list = groups.get(root);
      if (list) list.push(id);
      else groups.set(root, [id]);
    }
    return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}
