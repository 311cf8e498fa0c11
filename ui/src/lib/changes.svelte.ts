// Every page shows the data as it now is: the shell sends `data-changed` after every call
// that may have changed the database (a save, an import, a restore…), and pages that list
// or count things read again when `changes.version` moves. A burst of writes (typing) moves
// it once per 300 ms.
import { listen } from "@tauri-apps/api/event";

/** Moves after the data changed. */
export const changes = $state({ version: 0 });

let pending: ReturnType<typeof setTimeout> | undefined;
listen("data-changed", () => {
  if (pending) return;
  pending = setTimeout(() => {
    pending = undefined;
    changes.version += 1;
  }, 300);
}).catch(() => {});
