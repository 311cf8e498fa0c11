import { describe, expect, it } from "vitest";
import type { Unit } from "./api";
import { unitTree } from "./units";

const unit = (id: string, parent: string | null, name = id): Unit => ({
  id,
  name,
  short_name: null,
  code: null,
  kind: "division",
  parent_id: parent,
  active: true,
  sort_order: 0,
  created_at: "",
  updated_at: "",
  origin: "",
});

describe("unit tree", () => {
  it("puts children after their parent, indented", () => {
    const rows = unitTree([unit("so", null), unit("huyen", null), unit("vp", "so"), unit("ttbc", "so"), unit("to", "vp")]);
    expect(rows.map((r) => `${r.depth}:${r.unit.id}`)).toEqual(["0:so", "1:vp", "2:to", "1:ttbc", "0:huyen"]);
  });

  it("shows a unit whose parent is hidden at the top level", () => {
    const rows = unitTree([unit("vp", "gone")]);
    expect(rows).toEqual([{ unit: expect.objectContaining({ id: "vp" }), depth: 0 }]);
  });
});
