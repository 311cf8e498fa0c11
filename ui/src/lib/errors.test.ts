import { describe, expect, it } from "vitest";
import { AppError } from "./api";
import { errorText, fieldOf } from "./errors";

const invalid = new AppError({
  kind: { type: "Invalid", data: { field: "code", rule: { rule: "duplicate", detail: "VP" } } },
  message_vi: "Tên viết tắt “VP” đã được dùng cho bản ghi khác.",
  message_en: "The short code “VP” is already used by another record.",
});

describe("error sentences", () => {
  it("speaks the current language", () => {
    expect(errorText(invalid, "vi")).toBe("Tên viết tắt “VP” đã được dùng cho bản ghi khác.");
    expect(errorText(invalid, "en")).toContain("already used");
  });

  it("names the field at fault", () => {
    expect(fieldOf(invalid)).toBe("code");
    expect(fieldOf(new Error("x"))).toBeNull();
  });

  it("never shows a raw exception", () => {
    expect(errorText(new TypeError("undefined is not a function"), "vi")).toContain("dữ liệu không bị thay đổi");
  });
});
