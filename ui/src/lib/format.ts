// Dates and times as Vietnamese offices write them: dd/mm/yyyy, 24-hour clock, office time UTC+7.

const OFFICE_OFFSET_MS = 7 * 3600 * 1000;

const pad = (n: number) => String(n).padStart(2, "0");

/** "2026-06-30" → "30/06/2026"; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  const [y, m, d] = iso.slice(0, 10).split("-");
  return `${d}/${m}/${y}`;
}

/** A UTC instant → "07:30 02/06/2026" on the office clock. */
export function formatDateTime(utc: string | null | undefined): string {
  if (!utc) return "";
  const t = new Date(Date.parse(utc) + OFFICE_OFFSET_MS);
  return `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())} ${pad(t.getUTCDate())}/${pad(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

/** A UTC instant → its office-clock date "2026-06-02". */
export function officeDate(utc: string): string {
  return new Date(Date.parse(utc) + OFFICE_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * Reads a date typed as dd/mm/yyyy (also d/m/yyyy, with - or .) into "yyyy-mm-dd".
 * Returns null for empty input and undefined for text that is not a real date.
 */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (s === "") return null;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Today on the office clock, "yyyy-mm-dd". */
export function today(now: Date = new Date()): string {
  return new Date(now.getTime() + OFFICE_OFFSET_MS).toISOString().slice(0, 10);
}

/** A percentage with one decimal, Vietnamese style: 87,5%. */
export function formatPercent(value: number | null, lang: string): string {
  const s = (value ?? 0).toFixed(1);
  return `${lang === "vi" ? s.replace(".", ",") : s}%`;
}

/**
 * Reads an office-clock time typed as "07:30 02/06/2026" (or "02/06/2026 07:30", "7h30")
 * into a UTC instant; null for empty input, undefined for text that is not a real time.
 */
export function parseDateTime(text: string): string | null | undefined {
  const s = text.trim().replace(/\s+/g, " ");
  if (s === "") return null;
  const m = /^(\d{1,2})[:hg](\d{2})? (\S+)$/.exec(s) ?? swap(/^(\S+) (\d{1,2})[:hg](\d{2})?$/.exec(s));
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  const day = parseDate(m[3]);
  if (!day || h > 23 || min > 59) return undefined;
  const [y, mo, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, min) - OFFICE_OFFSET_MS).toISOString();
}

function swap(m: RegExpExecArray | null): [string, string, string | undefined, string] | null {
  return m ? [m[0], m[2], m[3], m[1]] : null;
}

let counts: Intl.NumberFormat | null = null;

/** A count as Vietnamese write it ("1.234"), by one formatter for the whole window (one
 *  made for each number, as `toLocaleString("vi-VN")` does, costs more than the drawing). */
export function formatCount(n: number): string {
  counts ??= new Intl.NumberFormat("vi-VN");
  return counts.format(n);
}
