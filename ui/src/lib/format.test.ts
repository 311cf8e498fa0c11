import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatPercent, officeDate, parseDate, parseDateTime, today } from "./format";

describe("dates as offices write them", () => {
  it("shows dates as dd/mm/yyyy", () => {
    expect(formatDate("2026-06-30")).toBe("30/06/2026");
    expect(formatDate(null)).toBe("");
  });

  it("shows instants on the office clock (UTC+7), 24-hour", () => {
    expect(formatDateTime("2026-06-02T00:30:00.000Z")).toBe("07:30 02/06/2026");
    expect(formatDateTime("2026-06-30T18:15:00.000Z")).toBe("01:15 01/07/2026");
    expect(officeDate("2026-06-30T18:15:00.000Z")).toBe("2026-07-01");
    expect(today(new Date("2026-11-21T23:50:00Z"))).toBe("2026-11-22");
  });

  it("reads typed dates and refuses impossible ones", () => {
    expect(parseDate("30/6/2026")).toBe("2026-06-30");
    expect(parseDate("01.02.2026")).toBe("2026-02-01");
    expect(parseDate("  ")).toBeNull();
    expect(parseDate("31/02/2026")).toBeUndefined();
    expect(parseDate("30/13/2026")).toBeUndefined();
    expect(parseDate("hôm qua")).toBeUndefined();
  });

  it("writes percentages with a decimal comma in Vietnamese", () => {
    expect(formatPercent(87.5, "vi")).toBe("87,5%");
    expect(formatPercent(87.5, "en")).toBe("87.5%");
  });
});

describe("meeting times as typed", () => {
  it("reads the office clock in either order and with 7h30", () => {
    expect(parseDateTime("07:30 02/06/2026")).toBe("2026-06-02T00:30:00.000Z");
    expect(parseDateTime("02/06/2026 14:05")).toBe("2026-06-02T07:05:00.000Z");
    expect(parseDateTime("7h30 2/6/2026")).toBe("2026-06-02T00:30:00.000Z");
    expect(parseDateTime("")).toBeNull();
    expect(parseDateTime("25:00 02/06/2026")).toBeUndefined();
    expect(parseDateTime("07:30 31/02/2026")).toBeUndefined();
    expect(parseDateTime("sáng mai")).toBeUndefined();
  });
});
