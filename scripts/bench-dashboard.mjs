#!/usr/bin/env node
// The leader's overview and the directive list in the real window on a big database:
// `xvfb-run -a node scripts/bench-dashboard.mjs --db /tmp/big.db [--rounds 5]` (make the
// database with `giaoban demo --meetings 50000 --directives-per-meeting 20`). Each round
// goes to another page and back to Tổng quan and times, in the page, the click to the
// moment the cards, the overdue list, the per-unit table and both charts are drawn. Then
// the directive list of two years (about 190,000 rows on that database) is scrolled: steady
// scrolling (frames drawn per second) and jumps to random places (time until the rows there
// are filled). The floor for steady scrolling, in the same window: the display's idle frame
// rate, and a copy of the list's box holding 1,500 plain rows that are all in the page (no
// script runs while it scrolls), scrolled the same way. Uses the debug app build
// unless GIAOBAN_APP names another (`npx tauri build --no-bundle` makes
// target/release/giaoban-desktop).
import { existsSync, readdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { start, stop } from "../tests/e2e/driver.mjs";

const { values } = parseArgs({ options: { db: { type: "string" }, rounds: { type: "string", default: "5" } } });
if (!values.db) throw new Error("--db FILE is required");
const session = await start(values.db, { screenshots: false }); // the window as it ships
const { browser } = session;
try {
  await (await browser.$('[data-testid="dashboard-cards"]')).waitForDisplayed({ timeout: 600_000 });
  // The app backs the database up when it starts; measure once that copy is written.
  const backups = values.db.replace(/\.[^./]+$/, "") + ".backups";
  const copying = () => existsSync(backups) && readdirSync(backups).some((f) => f.endsWith(".part"));
  for (let waited = 0; copying() && waited < 600; waited++) await new Promise((r) => setTimeout(r, 1000));
  const times = [];
  for (let i = 0; i < Number(values.rounds) + 1; i++) {
    await (await browser.$('nav button[data-page="directives"]')).click();
    await (await browser.$('[data-testid="directive-list"]')).waitForDisplayed({ timeout: 60_000 });
    const ms = await browser.executeAsync((done) => {
      const t0 = performance.now();
      document.querySelector('nav button[data-page="dashboard"]').click();
      const ready = () => {
        const cards = document.querySelector('[data-testid="dashboard-cards"]');
        const charts = [...document.querySelectorAll('svg[data-testid^="chart-"]')].filter((c) => c.querySelector("rect.bar"));
        const table = document.querySelector('[data-testid="unit-stats"] tbody tr');
        const soon = [...document.querySelectorAll(".card.soon .value")].every((v) => v.textContent !== "…");
        if (cards && table && charts.length === 2 && soon) requestAnimationFrame(() => done(performance.now() - t0));
        else requestAnimationFrame(ready);
      };
      requestAnimationFrame(ready);
    });
    if (i > 0) times.push(ms); // the first round warms the caches
  }
  times.sort((a, b) => a - b);
  const dashboard = { rounds: times.length, p50_ms: Math.round(times[Math.floor(times.length / 2)]), max_ms: Math.round(times.at(-1)), all_ms: times.map(Math.round) };

  // The list of the directives given in 2026.
  await (await browser.$('nav button[data-page="directives"]')).click();
  const total = await browser.$('[data-testid="directive-total"]');
  await total.waitForDisplayed({ timeout: 60_000 });
  await browser.execute(() => {
    const [from, to] = [...document.querySelectorAll('input[placeholder="dd/mm/yyyy"]')];
    for (const [el, v] of [[from, "01/01/2025"], [to, "31/12/2026"]]) {
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await browser.waitUntil(async () => /^\d+ nhiệm vụ/.test(await total.getText()) && !(await total.getText()).startsWith("480 "), { timeout: 60_000 });
  const rows = Number((await total.getText()).split(" ")[0]);
  const steady = await browser.executeAsync((done) => {
    const s = document.querySelector('[data-testid="directive-list"]').parentElement;
    let frames = 0;
    const t0 = performance.now();
    const step = () => {
      s.scrollTop += 400;
      frames++;
      if (performance.now() - t0 < 3000) requestAnimationFrame(step);
      else done({ fps: Math.round((frames * 1000) / (performance.now() - t0)), scrolled_px: s.scrollTop });
    };
    requestAnimationFrame(step);
  });
  // The floors: frames the display gives an idle page, and a static copy of the list scrolled.
  const idle = await browser.executeAsync((done) => {
    let frames = 0;
    const t0 = performance.now();
    const step = () => {
      frames++;
      if (performance.now() - t0 < 2000) requestAnimationFrame(step);
      else done(Math.round((frames * 1000) / (performance.now() - t0)));
    };
    requestAnimationFrame(step);
  });
  const plain = await browser.executeAsync((done) => {
    const s = document.querySelector('[data-testid="directive-list"]').parentElement;
    const copy = s.cloneNode(true);
    const body = copy.querySelector("tbody");
    const filled = [...body.querySelectorAll("tr.clickable")];
    body.replaceChildren(...Array.from({ length: 1500 }, (_, i) => filled[i % filled.length].cloneNode(true)));
    s.after(copy);
    s.style.display = "none";
    let frames = 0;
    const t0 = performance.now();
    const step = () => {
      copy.scrollTop = copy.scrollTop + copy.clientHeight >= copy.scrollHeight ? 0 : copy.scrollTop + 400;
      frames++;
      if (performance.now() - t0 < 3000) requestAnimationFrame(step);
      else {
        copy.remove();
        s.style.display = "";
        done(Math.round((frames * 1000) / (performance.now() - t0)));
      }
    };
    requestAnimationFrame(step);
  });
  const jumps = [];
  for (let i = 0; i < 10; i++) {
    jumps.push(await browser.executeAsync((done) => {
      const s = document.querySelector('[data-testid="directive-list"]').parentElement;
      const t0 = performance.now();
      s.scrollTop = Math.random() * (s.scrollHeight - s.clientHeight);
      const filled = () => {
        const trs = [...s.querySelectorAll("tbody tr")];
        if (trs.some((r) => r.classList.contains("clickable")) && !trs.some((r) => r.classList.contains("loading"))) done(performance.now() - t0);
        else requestAnimationFrame(filled);
      };
      requestAnimationFrame(filled);
    }));
  }
  jumps.sort((a, b) => a - b);
  console.log(JSON.stringify({ dashboard, list: { rows, steady_scroll_fps: steady.fps, floor_static_rows_fps: plain, floor_idle_fps: idle, jump_p50_ms: Math.round(jumps[5]), jump_max_ms: Math.round(jumps.at(-1)) } }, null, 2));
} finally {
  await stop(session);
}
