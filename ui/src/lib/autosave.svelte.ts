// Saving as the secretary types: the latest value is written within `maxWait` ms of the
// first unsaved change (sooner when typing pauses), one write at a time; a failed write
// (full disk, removed drive) keeps the value and tries again until it succeeds.

/** Where the saving of a field stands. */
export type SaveStatus = "saved" | "pending" | "saving" | "failed";

/** Saves the latest pushed value with `save`, never two writes at once. */
export class Autosave<T> {
  status = $state<SaveStatus>("saved");
  error = $state<unknown>(null);
  #value: T | undefined;
  #dirty = false;
  #since = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | null = null;

  constructor(
    private readonly save: (value: T) => Promise<unknown>,
    private readonly pause = 300,
    private readonly maxWait = 800,
    private readonly retry = 2000,
  ) {}

  /** A new value to save. */
  push(value: T) {
    if (!this.#dirty) this.#since = Date.now();
    this.#value = value;
    this.#dirty = true;
    if (this.status !== "failed") this.status = "pending";
    this.#schedule(Math.max(0, Math.min(this.pause, this.maxWait - (Date.now() - this.#since))));
  }

  /** Writes what is pending now; resolves when it is written or has failed. */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    while (this.#running) await this.#running;
    if (!this.#dirty) return;
    const value = this.#value as T;
    this.#dirty = false;
    this.status = "saving";
    this.#running = this.save(value).then(
      () => {
        this.error = null;
        this.status = this.#dirty ? "pending" : "saved";
      },
      (e) => {
        this.error = e;
        this.status = "failed";
        if (!this.#dirty) {
          this.#value = value;
          this.#dirty = true;
        }
        this.#schedule(this.retry);
      },
    );
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
  }

  #schedule(ms: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), ms);
  }
}
