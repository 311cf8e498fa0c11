import { describe, expect, it } from "vitest";
import { exactly, fold, initials, matchesWords, search, type Choice } from "./match";
// The cases the core's tests use too (src/text.rs).
import shared from "../../../tests/fixtures/abbreviations.json";

const units: Choice[] = [
  { id: "so", label: "Sở Thông tin và Truyền thông", also: ["STTTT"] },
  { id: "vp", label: "Văn phòng Sở", also: ["VP"] },
  { id: "ttbc", label: "Phòng Thông tin - Báo chí - Xuất bản", also: ["TTBCXB"] },
  { id: "cds", label: "Phòng Chuyển đổi số", also: ["CDS"] },
  { id: "tt", label: "Trung tâm Công nghệ thông tin và Truyền thông", also: [null] },
];
const people: Choice[] = [
  { id: "thang", label: "Hà Văn Thắng", also: ["Giám đốc Sở"] },
  { id: "thanh", label: "Nguyễn Thị Thanh", also: ["Phó Giám đốc"] },
];
const ids = (q: string, c: Choice[]) => search(q, c).map((x) => x.id);

describe("matching what a secretary types", () => {
  it("folds diacritics and đ", () => {
    expect(fold("Chuyển đổi số Đắk Lắk")).toBe("chuyen doi so dak lak");
  });

  it("reads a unit's abbreviations by the core's rule, on the cases both sides share", () => {
    for (const c of shared.names) expect(initials(c.name), c.name).toEqual(c.abbreviations);
    const names = shared.names.map((c) => c.name);
    for (const c of shared.typed) {
      const found = names.filter((n) => initials(n).some((a) => a.startsWith(c.typed)));
      expect(found, c.typed).toEqual(c.finds);
    }
    for (const c of shared.words) {
      expect(names.filter((n) => matchesWords(n, c.typed)), c.typed).toEqual(c.finds);
    }
  });

  it("finds units by abbreviation, code or words", () => {
    expect(ids("ttbc", units)[0]).toBe("ttbc");
    expect(ids("vp", units)[0]).toBe("vp");
    expect(ids("cds", units)[0]).toBe("cds");
    expect(ids("thong tin bao chi", units)).toEqual(["ttbc"]);
    expect(ids("zzz", units)).toEqual([]);
  });

  it("finds a speaker by part of the name without diacritics", () => {
    expect(ids("thang", people)).toEqual(["thang"]);
    expect(ids("nguyen thi", people)).toEqual(["thanh"]);
  });
});

describe("a name taken without a choice", () => {
  const guests: Choice[] = [
    { id: "khanh", label: "Hoàng Kim Khánh" },
    { id: "ha1", label: "Lê Văn Hà" },
    { id: "ha2", label: "Lê Văn Hạ" },
  ];
  it("is only an exact name, diacritics, case and spacing aside", () => {
    expect(exactly("hoang  kim KHANH", guests)?.id).toBe("khanh");
    expect(exactly("Kim Anh", guests)).toBeNull();
    expect(exactly("Kim Khánh", guests)).toBeNull();
    expect(exactly("", guests)).toBeNull();
  });
  it("is no one when two names fold alike", () => {
    expect(exactly("Le Van Ha", guests)).toBeNull();
    expect(exactly("vp", units)?.id).toBe("vp");
  });
});
