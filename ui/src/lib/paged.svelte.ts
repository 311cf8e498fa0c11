// A long list read a page at a time, as its rows come into view, and shown through a
// virtualised table (only the rows in view, and a few around, are in the page): the
// directive list. `PagedList` holds the rows; `VirtualRows` says which are in view.
import { Virtualizer, elementScroll, observeElementOffset, observeElementRect } from "@tanstack/virtual-core";

/** One page of a listing and the count of all its rows. */
export interface Page<R> {
  total: number;
  rows: R[];
}

/**
 * The rows of a query by position, read `size` at a time. `fetch` reads the page at
 * `offset`; given the count already known (`known`), it need not count again. An answer to
 * an older query is dropped.
 */
export class PagedList<Q, R> {
  /** All rows of the query, once counted. */
  total = $state<number | null>(null);
  /** The rows read so far, by position. */
  rows = $state<(R | undefined)[]>([]);
  #asked = new Set<number>();
  #generation = 0;
  #query: Q | null = null;
  /** Set by `start`: the rows of the query before are shown until the first page of the
   *  new one arrives (no empty flash while the user types a filter). */
  #fresh = false;

  constructor(
    private readonly fetch: (query: Q, offset: number, known: number | null) => Promise<Page<R>>,
    private readonly onerror: (e: unknown) => void,
    readonly size = 200,
  ) {}

  /** Starts over for `query`: its first page. */
  start(query: Q) {
    this.#query = query;
    this.#generation += 1;
    this.#asked.clear();
    this.#fresh = true;
    void this.#read(0, this.#generation, true);
  }

  /** The rows read from the first on, without a gap (a list read by "more", not by view). */
  get loaded(): R[] {
    const out: R[] = [];
    for (const r of this.rows) {
      if (r === undefined) break;
      out.push(r);
    }
    return out;
  }

  /** Reads the page after the rows loaded, when more rows match. */
  more() {
    const n = this.loaded.length;
    if (this.total !== null && n < this.total) this.want([n]);
  }

  /** Reads again every page loaded (after a change made elsewhere), keeping them shown. */
  reload() {
    const n = Math.max(this.loaded.length, 1);
    this.refresh(Array.from({ length: Math.ceil(n / this.size) }, (_, i) => i * this.size));
  }

  /** Reads the pages holding the rows at `indexes` (those in view) not read yet. */
  want(indexes: number[]) {
    for (const i of indexes) if (!this.rows[i]) void this.#read(Math.floor(i / this.size), this.#generation, false, true);
  }

  /** Reads again the pages holding `indexes` (those in view), counting again, keeping the
   *  rows shown until their fresh copies arrive; the other pages are read when seen. */
  refresh(indexes: number[]) {
    if (this.#query === null) return;
    this.#generation += 1;
    this.#asked.clear();
    const pages = new Set(indexes.map((i) => Math.floor(i / this.size)));
    if (!pages.size) pages.add(0);
    this.rows = this.rows.map((r, i) => (pages.has(Math.floor(i / this.size)) ? r : undefined));
    let first = true;
    for (const page of pages) {
      void this.#read(page, this.#generation, first);
      first = false;
    }
  }

  /** Reads page `page`; `check`: a page read after the others were shown, whose count of
   *  all rows must still be theirs. */
  async #read(page: number, generation: number, count: boolean, check = false) {
    if (this.#asked.has(page) || this.#query === null) return;
    this.#asked.add(page);
    try {
      const got = await this.fetch(this.#query, page * this.size, count ? null : this.total);
      if (generation !== this.#generation) return;
      // Rows came or went since the pages shown were read (a write from outside the
      // window, which tells no change): the positions moved, so every page is read again.
      if (check && this.total !== null && got.total !== this.total) {
        this.reload();
        return;
      }
      if (this.#fresh) {
        this.#fresh = false;
        this.rows = [];
      }
      this.total = got.total;
      // Rows past the last one now matching (a shorter last page) are gone.
      if (got.rows.length < this.size) this.rows = this.rows.slice(0, page * this.size + got.rows.length);
      got.rows.forEach((r, i) => (this.rows[page * this.size + i] = r));
    } catch (e) {
      this.#asked.delete(page);
      this.onerror(e);
    }
  }
}

/** Which of `count` rows of `height` px are in view in a scrolling element. */
export class VirtualRows {
  /** The rows in view (and a few around): their index and offset. */
  range = $state<{ index: number; start: number }[]>([]);
  /** The height of all rows. */
  height = $state(0);
  readonly #virtualizer: Virtualizer<HTMLElement, Element>;
  #element: HTMLElement | null = null;

  constructor(readonly rowHeight: number, overscan = 12) {
    this.#virtualizer = new Virtualizer<HTMLElement, Element>({
      count: 0,
      getScrollElement: () => this.#element,
      estimateSize: () => rowHeight,
      overscan,
      scrollToFn: elementScroll,
      observeElementRect,
      observeElementOffset,
      onChange: (v) => {
        this.range = v.getVirtualItems().map((i) => ({ index: i.index, start: i.start }));
        this.height = v.getTotalSize();
      },
    });
  }

  /** Follows `element`; returns what stops following it. (The steps an adapter of
   *  virtual-core takes when its element changes.) */
  follow(element: HTMLElement): () => void {
    this.#element = element;
    this.#virtualizer._willUpdate();
    return this.#virtualizer._didMount();
  }

  /** Sets how many rows there are. The element stays followed, so a count that changes
   *  while the list is being put back where it was does not scroll it to where it was
   *  last seen (a hidden list is seen at the top). */
  count(count: number) {
    this.#virtualizer.setOptions({ ...this.#virtualizer.options, count });
    this.#virtualizer.measure();
  }
}
