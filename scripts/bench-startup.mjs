#!/usr/bin/env node
// Start-up time and memory of the desktop app against the floor, a minimal Tauri window from
// the same toolchain (bench/floor), under Xvfb (issue 11):
//
//   npx tauri build --no-bundle && cargo build --release -p giaoban-floor
//   xvfb-run -a --server-args="-screen 0 1360x900x24" node scripts/bench-startup.mjs [--runs 7]
//
// Start-up: from spawning the process to the marker its page sets once drawn — for the app,
// Tổng quan drawn with the data of a sample database (`demo --meetings 200`); for the floor,
// its static page. Median of the runs, each on a fresh copy of the data folder, the floor's
// and the app's taken in turn.
// Memory: resident (RSS) and proportional (PSS) sizes summed over the process and all its
// descendants (WebKitWebProcess, WebKitNetworkProcess), 3 s after the marker; for the app
// also after opening ten meetings (through tauri-driver). Also the binaries' and the .deb's
// sizes. Prints a Markdown table and the figures as JSON.
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "7" } } });
const runs = Number(values.runs);
const appBin = path.join(root, "target/release/giaoban-desktop");
const floorBin = path.join(root, "target/release/giaoban-floor");
const cli = path.join(root, "target/release/giaoban");
for (const b of [appBin, floorBin, cli]) {
  if (!existsSync(b)) throw new Error(`${b} is missing: build the release binaries first (see the header)`);
}

/** The process `pid` and all its descendants. */
function tree(pid) {
  const children = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(d));
    } catch {
      // the process ended meanwhile
    }
  }
  const out = [];
  const walk = (p) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** RSS and PSS in MB summed over `pid`'s tree. */
function memory(pid) {
  let rss = 0;
  let pss = 0;
  for (const p of tree(pid)) {
    try {
      const roll = readFileSync(`/proc/${p}/smaps_rollup`, "utf8");
      rss += Number(roll.match(/^Rss:\s+(\d+)/m)?.[1] ?? 0);
      pss += Number(roll.match(/^Pss:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return { rss_mb: Math.round(rss / 1024), pss_mb: Math.round(pss / 1024) };
}

// Every database of this run lives under one folder, removed when the run ends.
const work = mkdtempSync(path.join(tmpdir(), "giaoban-startup-"));
process.on("exit", () => rmSync(work, { recursive: true, force: true }));
const sampleDb = path.join(mkdtempSync(path.join(work, "sample-")), "giaoban.sqlite3");
execFileSync(cli, ["--db", sampleDb, "demo", "--meetings", "200"]);

/** Starts `bin`, waits for its marker; returns the time and the memory 3 s later. */
function once(bin) {
  const dir = mkdtempSync(path.join(work, "run-"));
  const db = path.join(dir, "giaoban.sqlite3");
  copyFileSync(sampleDb, db);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(bin, [], {
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, GIAOBAN_DB: db, GIAOBAN_STARTUP_MARK: "1", XDG_CONFIG_HOME: path.join(dir, "config"), XDG_DATA_HOME: path.join(dir, "data") },
    });
    let err = "";
    const timer = setTimeout(() => {
      process.kill(-child.pid, "SIGKILL");
      reject(new Error(`no marker within 60 s from ${bin}: ${err}`));
    }, 60_000);
    child.stderr.on("data", (d) => {
      err += d;
      const m = err.match(/giaoban-ready (\d+)/);
      if (!m) return;
      clearTimeout(timer);
      const wall = Number(process.hrtime.bigint() - t0) / 1e6;
      child.stderr.removeAllListeners("data");
      setTimeout(() => {
        const mem = memory(child.pid);
        child.once("exit", () => resolve({ ms: wall, inside_ms: Number(m[1]), ...mem }));
        process.kill(-child.pid, "SIGKILL");
      }, 3000); // settle before measuring memory: a fixed wait, not a synchronisation
    });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};
const bins = [["floor", floorBin], ["app", appBin]];
const results = { floor: [], app: [] };
for (const [, bin] of bins) await once(bin); // warm the file cache: the first start reads everything from disk
// The two taken in turn, so that the machine's drift during the runs weighs on both alike.
for (let i = 0; i < runs; i++) for (const [name, bin] of bins) results[name].push(await once(bin));
for (const [name, bin] of bins) {
  const rs = results[name];
  figures[name] = {
    startup_ms: Math.round(median(rs.map((r) => r.ms))),
    startup_runs_ms: rs.map((r) => Math.round(r.ms)),
    rss_mb: median(rs.map((r) => r.rss_mb)),
    pss_mb: median(rs.map((r) => r.pss_mb)),
    binary_mb: +(statSync(bin).size / 2 ** 20).toFixed(1),
  };
}

// The app after opening ten meetings, through tauri-driver.
process.env.GIAOBAN_APP = appBin;
const { start, stop } = await import("../tests/e2e/driver.mjs");
const dir = mkdtempSync(path.join(work, "run-"));
const db = path.join(dir, "giaoban.sqlite3");
copyFileSync(sampleDb, db);
const session = await start(db, { screenshots: false }); // the window as it ships
try {
  const { browser } = session;
  await (await browser.$('[data-testid="dashboard-cards"]')).waitForDisplayed({ timeout: 60_000 });
  const rows = '[data-testid="meeting-list"] tbody tr.clickable';
  for (let i = 0; i < 10; i++) {
    await (await browser.$('nav button[data-page="meetings"]')).click();
    await browser.waitUntil(async () => (await browser.$$(rows)).length > i, { timeout: 30_000 });
    const row = (await browser.$$(rows))[i];
    await browser.execute((e) => { e.scrollIntoView(); e.focus(); }, row);
    await browser.keys("Enter");
    await browser.waitUntil(async () => !(await browser.$('[data-testid="meeting-list"]').isExisting()), { timeout: 30_000 });
  }
  const pid = Number(execFileSync("pgrep", ["-n", "-f", appBin], { encoding: "utf8" }).trim());
  await new Promise((r) => setTimeout(r, 3000)); // settle, as above
  Object.assign(figures.app, Object.fromEntries(Object.entries(memory(pid)).map(([k, v]) => [`${k}_after_10_meetings`, v])));
} finally {
  await stop(session);
}
const debs = existsSync(path.join(root, "target/release/bundle/deb")) ? readdirSync(path.join(root, "target/release/bundle/deb")).filter((f) => f.endsWith(".deb")) : [];
if (debs.length) figures.app.deb_mb = +(statSync(path.join(root, "target/release/bundle/deb", debs[0])).size / 2 ** 20).toFixed(1);

const { app, floor } = figures;
const ratio = (a, b) => (a / b).toFixed(2);
console.log(`| measure | app | floor (minimal window) | ratio | goal | met |
|---|---|---|---|---|---|
| start to first drawn page, median of ${runs} (ms) | ${app.startup_ms} | ${floor.startup_ms} | ${ratio(app.startup_ms, floor.startup_ms)} | ≤ 1.3 | ${app.startup_ms / floor.startup_ms <= 1.3 ? "yes" : "no"} |
| memory after start, RSS (MB) | ${app.rss_mb} | ${floor.rss_mb} | ${ratio(app.rss_mb, floor.rss_mb)} | ≤ 1.2 | ${app.rss_mb / floor.rss_mb <= 1.2 ? "yes" : "no"} |
| memory after start, PSS (MB) | ${app.pss_mb} | ${floor.pss_mb} | ${ratio(app.pss_mb, floor.pss_mb)} | ≤ 1.2 | ${app.pss_mb / floor.pss_mb <= 1.2 ? "yes" : "no"} |
| memory after opening 10 meetings, RSS / PSS (MB) | ${app.rss_mb_after_10_meetings} / ${app.pss_mb_after_10_meetings} | ${floor.rss_mb} / ${floor.pss_mb} | ${ratio(app.rss_mb_after_10_meetings, floor.rss_mb)} / ${ratio(app.pss_mb_after_10_meetings, floor.pss_mb)} | ≤ 1.2 | ${app.pss_mb_after_10_meetings / floor.pss_mb <= 1.2 ? "yes" : "no"} |
| release binary (MB) | ${app.binary_mb} | ${floor.binary_mb} | | | |
| .deb (MB) | ${app.deb_mb ?? "not built"} | | | | |`);
console.log(JSON.stringify(figures, null, 2));
