// The window's start: what it asks the core for (the labels, the status, the meeting to
// resume, the overview as it opens), asked at once rather than one answer after another (each
// answer is a round trip, and the overview waits for all of them); and the
// start-up benchmark's marker: once the overview is first drawn with its data, tell the shell
// (which prints the time since the process started when asked to; see
// scripts/bench-startup.mjs).
import { listen } from "@tauri-apps/api/event";
import { api } from "./api";
import { defaultOverview, readOverview } from "./overview";
import type { Overview, OverviewArgs } from "./overview";

/** The core's words for enum values (none if they cannot be read: keys then show as they are). */
export const labels = api.labels().catch(() => []);
/** The app's status: whether there is a database, the office, the machine's user. It is the
 *  first call to need the database: a failure to open it (a damaged file moved aside) is told
 *  to that call, so the others wait for it. */
export const status = api.appStatus();
// Its failure is told when the window reads it (`App.svelte`), not as an unhandled rejection.
status.catch(() => undefined);
/** The meeting that was being typed when the app last stopped, if any (null without a database). */
export const resumed = status
  .then((s) => (s.has_database ? api.resumeMeeting() : null))
  .catch(() => null);

// The overview as it opens, read as soon as the status says there is a database (without one,
// or if it fails, the page reads its own).
const opening = defaultOverview();
let first: Promise<Overview> | null = status.then((s) => {
  if (!s.has_database) throw new Error("no database");
  return readOverview(opening);
});
first.catch(() => undefined);

// Any write after it was asked for makes it old (a meeting resumed and typed into first).
listen("data-changed", () => {
  first = null;
}).catch(() => {});

/** The overview read at start, once, if `a` is what it was read for and nothing was written
 *  since; else null. */
export function takeOpeningOverview(a: OverviewArgs): Promise<Overview> | null {
  const same = JSON.stringify(a) === JSON.stringify(opening);
  const taken = same ? first : null;
  first = null;
  return taken;
}

let marked = false;

/** Called when the overview has its data; the mark follows the next two frames. */
export function markDrawn(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => requestAnimationFrame(() => void api.startupMark()));
}
