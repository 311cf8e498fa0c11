// Where the user is: one typed route (page, record, filters) for the whole window. Every
// link, search hit and menu entry goes through `go`, so a hit opens exactly its record and
// `goBack` returns to where the user was.
import type { Bucket, DirectiveStatus, MeetingKind } from "./api";

/** What a saved view or a dashboard click sets. */
export type ListFilter = {
  view: "all" | "overdue" | "soon";
  unit: string | null;
  role: "any" | "lead" | "coordinating";
  leader: string | null;
  bucket: Bucket | null;
  status: DirectiveStatus | null;
  text: string;
  from: string;
  to: string;
  asOf: string;
  basis: "approved" | "original";
  sort: "newest" | "deadline" | "unit";
  /** With the "soon" view: due within this many days. */
  soonDays: number;
  /** A directive to open at once (from the dashboard's overdue list). */
  openId: string | null;
};

/** The meeting list's filters. */
export type MeetingListFilter = { text: string; kind: MeetingKind | ""; from: string; to: string };

/** The history's filters. */
export type HistoryFilter = { entity: string; actor: string; from: string; to: string };

/** A page and what it shows. */
export type Route =
  | { page: "dashboard" }
  | { page: "meetings"; id?: string | null; filter?: Partial<MeetingListFilter> }
  | { page: "directives"; id?: string | null; filter?: Partial<ListFilter> }
  | { page: "directory"; tab?: "units" | "people"; id?: string | null }
  | { page: "reports" }
  | { page: "exchange" }
  | { page: "history"; filter?: Partial<HistoryFilter> }
  | { page: "settings" }
  | { page: "search"; query: string };

/** The pages of the menu, in order (Alt+1 … Alt+8). */
export const menu = ["dashboard", "meetings", "directives", "directory", "reports", "exchange", "history", "settings"] as const;

/** The route shown, and `visit`, moved by every `go` so a page opened again starts afresh. */
export const nav = $state<{ now: Route; visit: number }>({ now: { page: "dashboard" }, visit: 0 });
const trail: Route[] = [];

/** Opens `to`, remembering where the user was. */
export function go(to: Route) {
  if (nav.now.page !== "search" || to.page !== "search") trail.push(nav.now);
  nav.now = to;
  nav.visit += 1;
}

/** Notes that the page now shows `to` (a record opened from its list) without drawing the
 *  page again, so `goBack` returns to the list. */
export function step(to: Route) {
  const same = nav.now.page === to.page && "id" in nav.now && "id" in to && nav.now.id === to.id;
  if (!same) trail.push(nav.now);
  nav.now = to;
}

/** Notes that the page now shows `to` (back from a record to its list), remembering nothing. */
export function replace(to: Route) {
  nav.now = to;
}

/** Returns to the route before the last `go` or `step`; the overview when there is none. */
export function goBack() {
  const to = trail.pop() ?? { page: "dashboard" };
  // Back to the list of the record shown: the page closes the record itself, keeping the
  // list as it was (scroll, focused row); any other page is drawn afresh.
  const same = to.page === nav.now.page && "id" in nav.now && nav.now.id && !("id" in to && to.id);
  nav.now = to;
  if (!same) nav.visit += 1;
}
