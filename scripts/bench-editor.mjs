#!/usr/bin/env node
// Typing in the editor on a long meeting, in the real window: `xvfb-run -a node
// scripts/bench-editor.mjs [--chars 50000] [--directives 200] [--keys 600]`. The generator
// makes an office, `giaoban bench long-meeting` makes its newest meeting long and opens it
// in the editor; a robot types into the minutes body while the autosave runs, and the page
// measures, for every keystroke, the time from the key event to the next frame drawn after
// it (keystroke-to-screen). Uses the debug builds the test command makes.
import { parseArgs } from "node:util";
import { rmSync } from "node:fs";
import path from "node:path";
import { freshDatabase, giaoban, start, stop, typeText } from "../tests/e2e/driver.mjs";

const { values } = parseArgs({
  options: {
    chars: { type: "string", default: "50000" },
    directives: { type: "string", default: "200" },
    keys: { type: "string", default: "600" },
  },
});
const db = freshDatabase();
giaoban(db, "demo", "--meetings", "300", "--directives-per-meeting", "5");
const id = giaoban(db, "bench", "long-meeting", "--chars", values.chars, "--directives", values.directives).trim();
const session = await start(db);
const { browser } = session;
try {
  const body = await browser.$('[data-testid="minutes-body"]');
  await body.waitForDisplayed({ timeout: 30_000 });
  const size = await browser.execute((el) => el.textContent.length, body);
  await browser.execute((el) => {
    window.__lat = [];
    el.addEventListener(
      "keydown",
      () => {
        const t0 = performance.now();
        // The frame after the key: rAF runs before it is drawn, the message after.
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
          ch.port2.postMessage(0);
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
    await typeText(browser, sentence);
    typed += sentence.length;
  }
  const seconds = (Date.now() - started) / 1000;
  const state = await browser.$('[data-testid="save-state"]');
  await browser.waitUntil(async () => (await state.getAttribute("data-status")) === "saved", { timeout: 20_000 });
  const lat = (await browser.execute(() => window.__lat)).sort((a, b) => a - b);
  const pct = (p) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))];
  const frame = 1000 / 60;
  const stored = JSON.parse(giaoban(db, "meeting", "show", id, "--json"));
  const figures = {
    minutes_chars: size,
    directives: stored.directives.length,
    keystrokes: lat.length,
    keys_per_second: Math.round(lat.length / seconds),
    p50_ms: +pct(50).toFixed(1),
    p95_ms: +pct(95).toFixed(1),
    p99_ms: +pct(99).toFixed(1),
    max_ms: +lat.at(-1).toFixed(1),
    over_one_frame: lat.filter((x) => x > frame).length,
    saved_chars: stored.minutes.length,
  };
  console.log(JSON.stringify(figures, null, 2));
} finally {
  await stop(session);
  rmSync(path.dirname(db), { recursive: true, force: true });
}
