// What Tổng quan shows for a period, read in one go: the per-unit table, twelve months, the
// longest overdue and how many fall due within 7, 3 and 1 days.
import { api } from "./api";
import type { DeadlineBasis, DirectivePage, DirectiveQuery, Month, UnitTable } from "./api";
import { today } from "./format";

/** The period and reporting date the overview is read for ("yyyy-mm-dd"; no bounds = all time). */
export type OverviewArgs = { asOf: string; from: string | null; to: string | null; basis: DeadlineBasis };

/** The overview's figures. */
export type Overview = { table: UnitTable; months: Month[]; overdue: DirectivePage; soon: Record<number, number> };

/** Reads everything the page shows, all at once. */
export async function readOverview(a: OverviewArgs): Promise<Overview> {
  const q = (over: Partial<DirectiveQuery>): DirectiveQuery => ({
    as_of: a.asOf, basis: a.basis, unit: null, unit_role: "any", overdue: false, due_within: null,
    meeting: null, from: a.from, to: a.to, limit: 10, ...over,
  });
  const due = (days: number) => api.listDirectives(q({ due_within: days, limit: 0, from: null, to: null }));
  const [{ table, months }, overdue, in7, in3, in1] = await Promise.all([
    api.overviewStats(a.from, a.to, 12, a.asOf, a.basis),
    api.listDirectives(q({ overdue: true, from: null, to: null })),
    due(7),
    due(3),
    due(1),
  ]);
  return { table, months, overdue, soon: { 7: in7.total, 3: in3.total, 1: in1.total } };
}

/** What the overview opens on: this year, as of today, by the approved deadlines. */
export function defaultOverview(): OverviewArgs {
  const asOf = today();
  const y = asOf.slice(0, 4);
  return { asOf, from: `${y}-01-01`, to: `${y}-12-31`, basis: "approved" };
}
