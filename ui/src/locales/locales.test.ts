import { describe, expect, it } from "vitest";
import en from "./en.json";
import vi from "./vi.json";

type Dict = { [k: string]: string | Dict };
const keys = (d: Dict, prefix = ""): string[] =>
  Object.entries(d).flatMap(([k, v]) => (typeof v === "string" ? [prefix + k] : keys(v, `${prefix}${k}.`)));

describe("dictionaries", () => {
  it("have the same keys in Vietnamese and English", () => {
    expect(keys(en as Dict).sort()).toEqual(keys(vi as Dict).sort());
  });

  it("have no empty text", () => {
    const flat = (d: Dict): string[] => Object.values(d).flatMap((v) => (typeof v === "string" ? [v] : flat(v)));
    expect(flat(vi as Dict).filter((t) => t.trim() === "")).toEqual([]);
  });
});
