// Finding a person or a unit by what a secretary types: the starts of the words of its name
// without diacritics (`thang` → Hà Văn Thắng, `nguyen th` → Nguyễn Thị Thanh), or the initials of a unit's name or its code
// (`ttbc` → Phòng Thông tin - Báo chí - Xuất bản, `vp` → Văn phòng Sở).

/** Lower case without Vietnamese diacritics; đ becomes d. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "d").toLowerCase();
}

// Words that name the kind of a unit rather than the unit (Phòng, Trung tâm, Sở, Ban,
// Chi cục, Cục), left out of one of its abbreviations.
const KIND_WORDS = new Set(["phong", "trung", "tam", "so", "ban", "chi", "cuc"]);

/**
 * The abbreviations a unit is typed by, the core's rule (text::abbreviations; both are
 * tested on tests/fixtures/abbreviations.json): its initials; without the first word;
 * without its leading kind words; and those without "và". Each once, in that order.
 */
export function initials(name: string): string[] {
  const words = fold(name).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const of = (ws: string[]) => ws.map((w) => w[0]).join("");
  let kind = 0;
  while (kind < words.length && KIND_WORDS.has(words[kind])) kind++;
  const own = kind < words.length ? words.slice(kind) : words;
  const found = [of(words), of(words.slice(1)), of(own), of(own.filter((w) => w !== "va"))];
  return [...new Set(found.filter(Boolean))];
}

/**
 * Whether every word of `query` starts some word of `text`, case, diacritics and punctuation
 * aside: the core's rule (text::matches_words; both tested on
 * tests/fixtures/abbreviations.json). `thong tin bao chi` matches "Phòng Thông tin - Báo chí -
 * Xuất bản"; `ong` matches nothing there.
 */
export function matchesWords(text: string, query: string): boolean {
  const split = (s: string) => fold(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const hay = split(text);
  const q = split(query);
  return q.length > 0 && q.every((w) => hay.some((h) => h.startsWith(w)));
}

/** Something to pick: its id, what is shown, and other names it answers to. */
export interface Choice {
  id: string;
  label: string;
  also?: (string | null | undefined)[];
}

/** How well `query` names `choice`: 0 for no match, higher for better. */
export function score(query: string, choice: Choice): number {
  const q = fold(query).trim();
  if (!q) return 1;
  const names = [choice.label, ...(choice.also ?? [])].filter((n): n is string => !!n);
  let best = 0;
  for (const n of names) {
    const f = fold(n);
    if (f === q) best = Math.max(best, 5);
    else if (initials(n).some((i) => i.startsWith(q.replace(/\s+/g, "")))) best = Math.max(best, 4);
    else if (f.split(/[^a-z0-9]+/).some((w) => w.startsWith(q))) best = Math.max(best, 3);
    else if (matchesWords(n, q)) best = Math.max(best, 2);
  }
  return best;
}

/** The choices matching `query`, best first, at most `limit`. */
export function search(query: string, choices: Choice[], limit = 8): Choice[] {
  return choices
    .map((c, i) => ({ c, i, s: score(query, c) }))
    .filter((x) => x.s > 0)
    .sort((a, b) => b.s - a.s || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.c);
}

/** The one choice whose name or other name is exactly `query` (diacritics and case aside);
 *  `null` when none or several are. */
export function exactly(query: string, choices: Choice[]): Choice | null {
  const q = fold(query).trim().replace(/\s+/g, " ");
  if (!q) return null;
  const same = choices.filter((c) => [c.label, ...(c.also ?? [])].some((n) => !!n && fold(n).trim().replace(/\s+/g, " ") === q));
  return same.length === 1 ? same[0] : null;
}
