#!/usr/bin/env node
// Typing in the editor on a long meeting, in the real window: `xvfb-run -a node
// scripts/bench-editor.mjs [--chars 50000] [--directives 200] [--keys 600]`. The generator
// makes an office, `giaoban bench long-meeting` makes its newest meeting long and opens it
// in the editor; a robot types into the minutes body one key at a time (each key its own
// WebDriver call, about a fast typist's pace) while the autosave runs. For every keystroke
// the page measures the time its handling keeps the page busy (key event to the next task:
// editor, autosave, Svelte updates) and the time to the next frame drawn after it; and the
// frame interval of this display with nothing typed. Uses the debug builds the test command
// makes.
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import path from "node:path";
import { freshDatabase, giaoban, start, stop } from "../tests/e2e/driver.mjs";

const { values } = parseArgs({
  options: {
    chars: { type: "string", default: "50000" },
    directives: { type: "string", default: "200" },
    keys: { type: "string", default: "600" },
    // The same typing in a plain text box of the same page: the baseline of this display.
    baseline: { type: "boolean", default: false },
  },
});
const db = freshDatabase();
giaoban(db, "demo", "--meetings", "300", "--directives-per-meeting", "5");
const id = giaoban(db, "bench", "long-meeting", "--chars", values.chars, "--directives", values.directives).trim();
const session = await start(db, { screenshots: false }); // the window as it ships
const { browser } = session;
try {
  const editor = await browser.$('[data-testid="minutes-body"]');
  await editor.waitForDisplayed({ timeout: 30_000 });
  const size = await browser.execute((el) => el.textContent.length, editor);
  const body = values.baseline ? await browser.$('[data-testid="opinion-new"]') : editor;
  // The display's own frame interval, idle.
  const frames = await browser.executeAsync((done) => {
    const t = [];
    const step = (now) => (t.push(now), t.length < 60 ? requestAnimationFrame(step) : done(t.slice(1).map((x, i) => x - t[i])));
    requestAnimationFrame(step);
  });
  await browser.execute((el) => {
    window.__busy = [];
    window.__screen = [];
    el.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        const busy = new MessageChannel();
        busy.port1.onmessage = () => window.__busy.push(performance.now() - t0);
        busy.port2.postMessage(0);
        // The frame after the key: rAF runs before it is drawn, the message after.
        requestAnimationFrame(() => {
          const drawn = new MessageChannel();
          drawn.port1.onmessage = () => window.__screen.push(performance.now() - t0);
          drawn.port2.postMessage(0);
        });
      },
      true,
    );
    el.focus();
  }, body);
  await browser.keys(["Control", "End"]);
  const sentence = " Ý kiến bổ sung: đề nghị các phòng, đơn vị khẩn trương hoàn thành nhiệm vụ được giao.";
  const started = Date.now();
  let typed = 0;
  while (typed < Number(values.keys)) {
    for (const ch of sentence) await browser.keys(ch);
    typed += sentence.length;
  }
  const seconds = (Date.now() - started) / 1000;
  if (values.baseline) await browser.keys("Escape");
  const state = await browser.$('[data-testid="save-state"]');
  await browser.waitUntil(async () => (await state.getAttribute("data-status")) === "saved", { timeout: 20_000 });
  const sorted = (xs) => [...xs].sort((a, b) => a - b);
  const at = (xs, p) => +xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))].toFixed(1);
  const busy = sorted(await browser.execute(() => window.__busy));
  const screen = sorted(await browser.execute(() => window.__screen));
  const frame = sorted(frames);
  const stored = JSON.parse(giaoban(db, "meeting", "show", id, "--json"));
  const frameMs = at(frame, 50);
  const figures = {
    typed_into: values.baseline ? "plain text box (baseline)" : "minutes body (TipTap)",
    minutes_chars: size,
    directives: stored.directives.length,
    keystrokes: busy.length,
    keys_per_second: Math.round(busy.length / seconds),
    busy_p50_ms: at(busy, 50),
    busy_p95_ms: at(busy, 95),
    busy_p99_ms: at(busy, 99),
    busy_max_ms: at(busy, 100),
    busy_over_16_7_ms: busy.filter((x) => x > 1000 / 60).length,
    display_frame_ms: frameMs,
    to_screen_p50_ms: at(screen, 50),
    to_screen_p95_ms: at(screen, 95),
    to_screen_over_one_display_frame: screen.filter((x) => x > frameMs * 1.05).length,
    saved_chars: stored.minutes.length,
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await stop(session);
  rmSync(path.dirname(db), { recursive: true, force: true });
}
