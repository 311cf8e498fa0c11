import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Autosave } from "./autosave.svelte";

describe("saving as the secretary types", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("writes the latest text within the longest wait even while typing goes on", async () => {
    const written: string[] = [];
    const s = new Autosave<string>(async (v) => void written.push(v), 300, 800);
    for (let i = 1; i <= 10; i++) {
      s.push("x".repeat(i));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(written.length).toBeGreaterThan(0);
    expect(written[0].length).toBeLessThanOrEqual(9);
    await vi.advanceTimersByTimeAsync(300);
    expect(written.at(-1)).toBe("x".repeat(10));
    expect(s.status).toBe("saved");
  });

  it("keeps a value that failed to save and writes it when the disk is back", async () => {
    let full = true;
    const written: string[] = [];
    const s = new Autosave<string>(async (v) => {
      if (full) throw new Error("disk full");
      written.push(v);
    }, 100, 800, 1000);
    s.push("biên bản");
    await vi.advanceTimersByTimeAsync(150);
    expect(s.status).toBe("failed");
    expect(written).toEqual([]);
    full = false;
    await vi.advanceTimersByTimeAsync(1100);
    expect(written).toEqual(["biên bản"]);
    expect(s.status).toBe("saved");
  });

  it("never runs two writes at once and ends with the last value", async () => {
    let running = 0;
    let most = 0;
    const written: number[] = [];
    const s = new Autosave<number>(async (v) => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 250));
      written.push(v);
      running--;
    }, 50, 100);
    for (let i = 0; i < 20; i++) {
      s.push(i);
      await vi.advanceTimersByTimeAsync(60);
    }
    const done = s.flush();
    await vi.runAllTimersAsync();
    await done;
    expect(most).toBe(1);
    expect(written.at(-1)).toBe(19);
  });
});
