#!/usr/bin/env node
// The leader's overview in the real window on a big database: `xvfb-run -a node
// scripts/bench-dashboard.mjs --db /tmp/big.db [--rounds 5]` (make the database with
// `giaoban demo --meetings 50000 --directives-per-meeting 20`). Each round goes to another
// page and back to Tổng quan and times, in the page, the click to the moment the cards,
// the overdue list, the per-unit table and both charts are drawn. Uses the debug app build
// unless GIAOBAN_APP names another (`npx tauri build --no-bundle` makes
// target/release/giaoban-desktop).
import { parseArgs } from "node:util";
import { start, stop } from "../tests/e2e/driver.mjs";

const { values } = parseArgs({ options: { db: { type: "string" }, rounds: { type: "string", default: "5" } } });
if (!values.db) throw new Error("--db FILE is required");
const session = await start(values.db);
const { browser } = session;
try {
  await (await browser.$('[data-testid="dashboard-cards"]')).waitForDisplayed({ timeout: 600_000 });
  const times = [];
  for (let i = 0; i < Number(values.rounds) + 1; i++) {
    await (await browser.$('nav button[data-page="directives"]')).click();
    await (await browser.$('[data-testid="directive-list"]')).waitForDisplayed({ timeout: 60_000 });
    const ms = await browser.executeAsync((done) => {
      const t0 = performance.now();
      document.querySelector('nav button[data-page="dashboard"]').click();
      const ready = () => {
        const cards = document.querySelector('[data-testid="dashboard-cards"]');
        const charts = [...document.querySelectorAll("canvas")].filter((c) => c.chart && c.chart.data.labels.length);
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
  console.log(JSON.stringify({ rounds: times.length, p50_ms: Math.round(times[Math.floor(times.length / 2)]), max_ms: Math.round(times.at(-1)), all_ms: times.map(Math.round) }));
} finally {
  await stop(session);
}
