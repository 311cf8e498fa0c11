// The UI's only door to Rust: the generated bindings, with errors turned into exceptions
// that carry the typed IpcError, and the names the pages use for what crosses the boundary.
import { listen } from "@tauri-apps/api/event";
import * as b from "./bindings";
import { commands, type IpcError } from "./bindings";

export type { Bucket, DeadlineBasis, DirectiveStatus, IpcError, MeetingKind, MeetingStatus, Office, UnitKind, UnitRole, Counts } from "./bindings";
// What commands return.
export type AppStatus = b.AppStatus_Serialize;
export type Unit = b.Unit_Serialize;
export type Person = b.Person_Serialize;
export type Meeting = b.Meeting_Serialize;
export type MeetingFilter = b.MeetingFilter_Deserialize;
export type AuditQuery = b.AuditQuery_Deserialize;
export type MeetingRecord = b.MeetingRecord_Serialize;
export type DirectivePage = b.DirectivePage_Serialize;
export type DirectiveRow = b.DirectivePage_Serialize["rows"][number];
export type UnitTable = b.UnitTable_Serialize;
export type Month = b.Month;
export type SearchResults = b.Results;
export type SearchHit = b.Hit;
export type Target = b.Target;
export type Proposed = b.Proposed_Serialize;
export type Backup = b.Backup;
export type BackupStatus = b.BackupStatus_Serialize;
export type Restored = b.Restored;
export type AuditRow = b.AuditRow;
export type Written = b.Written;
export type IssuedNumber = b.IssuedNumber;
export type DocKind = b.DocKind;
export type DirectiveDetail = b.DirectiveDetail;
export type StatusChange = b.StatusChange;
export type Series = b.Series_Serialize;
export type Carried = b.Carried_Serialize;
export type Attendee = b.MeetingRecord_Serialize["attendees"][number];
export type Draft = b.Draft_Deserialize;
// What commands take.
export type NewUnit = b.NewUnit_Deserialize;
export type NewPerson = b.NewPerson_Deserialize;
export type DirectiveQuery = b.DirectiveQuery_Deserialize;
export type Template = b.Template;
export type NewItem = b.NewItem_Deserialize;
export type ItemEdit = b.ItemEdit_Deserialize;
export type MeetingHeader = b.MeetingHeader_Deserialize;
export type Decision = b.Decision;
export type Attendance = b.Attendance;
export type ExchangeOverview = b.Overview_Serialize;
export type Imported = b.Imported_Serialize;
export type Exported = b.Exported;
export type ExportScope = b.ExportScope;
export type Conflict = b.Conflict;
export type Peer = b.Peer;
export type BundleProblem = b.BundleProblem;
export type RecordsPreview = b.Preview_Serialize;
export type ColumnAt = b.ColumnAt_Deserialize;
export type TrackerColumn = b.Column;
export type FileKind = b.FileKind;
/** How far an export is (the event `export-progress`; see commands/exchange.rs). */
export type ExportProgress = { done: number; total: number };

/** Calls `f` with the progress of the export under way; returns the function that stops. */
export function onExportProgress(f: (p: ExportProgress) => void): Promise<() => void> {
  return listen<ExportProgress>("export-progress", (e) => f(e.payload));
}

/** A command failed; `error` says what went wrong and how to say it. */
export class AppError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message_en);
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: IpcError };
type Commands = typeof commands;

async function unwrap<T>(p: Promise<Outcome<T>>): Promise<T> {
  const r = await p;
  if (r.status === "error") throw new AppError(r.error);
  return r.data;
}

/** Every command, returning its data or throwing an AppError. */
export const api = Object.fromEntries(
  Object.entries(commands).map(([name, fn]) => [
    name,
    (...args: unknown[]) => unwrap((fn as (...a: unknown[]) => Promise<Outcome<unknown>>)(...args)),
  ]),
) as {
  [K in keyof Commands]: (
    ...args: Parameters<Commands[K]>
  ) => Promise<Awaited<ReturnType<Commands[K]>> extends Outcome<infer T> ? T : never>;
};
