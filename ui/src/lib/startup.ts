// The start-up benchmark's marker: once the overview is first drawn with its data, tell the
// shell (which prints the time since the process started when asked to; see
// scripts/bench-startup.mjs).
import { api } from "./api";

let marked = false;

/** Called when the overview has its data; the mark follows the next two frames. */
export function markDrawn(): void {
  if (marked) return;
  marked = true;
  requestAnimationFrame(() => requestAnimationFrame(() => void api.startupMark()));
}
