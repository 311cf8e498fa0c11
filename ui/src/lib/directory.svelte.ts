// The units and people of the directory, for every picker and list of the window: read
// when a page opens if anything changed since (`changes`), instead of by each page on its
// own. Typing elsewhere never makes it read again (a page that is open keeps what it has).
import { untrack } from "svelte";
import { api, type Person, type Unit } from "./api";
import { changes } from "./changes.svelte";

class Directory {
  /** Every unit, inactive ones too. */
  units = $state<Unit[]>([]);
  /** Every person, inactive ones too. */
  people = $state<Person[]>([]);
  /** Units that can be given work. */
  readonly activeUnits = $derived(this.units.filter((u) => u.active));
  /** People who can be chosen. */
  readonly activePeople = $derived(this.people.filter((p) => p.active));
  #read = -1;
  #reading: Promise<void> | null = null;

  /** Reads the directory unless it is current; rejects with the command's error. */
  load(): Promise<void> {
    const now = untrack(() => changes.version);
    if (this.#reading && this.#read === now) return this.#reading;
    this.#read = now;
    this.#reading = Promise.all([api.listUnits(true), api.listPeople(null, true)]).then(([u, p]) => {
      this.units = u;
      this.people = p;
    });
    this.#reading.catch(() => (this.#reading = null));
    return this.#reading;
  }

  /** Reads it again now (after a change made on this page). */
  reload(): Promise<void> {
    this.#reading = null;
    return this.load();
  }
}

/** The one directory of the window. */
export const directory = new Directory();
