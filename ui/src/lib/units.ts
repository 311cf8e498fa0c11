// Units shown as a tree: each unit after its parent, indented by depth.
import type { Unit } from "./api";

export interface TreeRow {
  unit: Unit;
  depth: number;
}

/** Orders units parent-first (siblings keep their order) and gives each its depth. */
export function unitTree(units: Unit[]): TreeRow[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const u of units) {
    const parent = u.parent_id && ids.has(u.parent_id) ? u.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: TreeRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}
