// The crash harness: writers SIGKILLed at random moments, as a power cut stops them. After
// every kill the database must pass SQLite's integrity check (which covers the FTS5 search
// index) and hold every write that was acknowledged before the kill.
//   - the CLI writer (`giaoban bench write`): one transaction per edit, `ack <id>` printed
//     after each commit;
//   - the real app with a typing robot adding units in the Danh mục form: a unit is
//     acknowledged when the window lists it (the save command has returned);
//   - the real app with a robot typing a meeting's minutes, or a conclusion line it never
//     confirms with Enter (the meeting's draft): nothing is acknowledged (there is no Save
//     button), so the text must hold all that was typed up to one second before the kill,
//     and the restarted app must reopen that meeting in the editor with that text.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { cli, freshDatabase, giaoban, killApp, start, stop, typeText } from "./driver.mjs";

// The writer running now: killed with the harness, so a stopped harness leaves no writer
// filling the disk.
let running = null;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    running?.kill("SIGKILL");
    process.exit(130);
  });
}
process.on("exit", () => running?.kill("SIGKILL"));

/** A small seeded random generator, so a failing run can be repeated. */
export function random(seed) {
  let s = seed >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fails unless the database passes `giaoban check`. */
function checkIntegrity(db, when) {
  try {
    const report = JSON.parse(giaoban(db, "check", "--json"));
    if (!report.ok) throw new Error(report.problems.join("; "));
  } catch (e) {
    throw new Error(`${when}: integrity check failed: ${e.stdout ?? e.message}`);
  }
}

function sampleDatabase() {
  const db = freshDatabase();
  giaoban(db, "demo", "--meetings", "20", "--directives-per-meeting", "4");
  return db;
}

/** Kills the CLI writer `kills` times; returns how many writes were acknowledged. */
export async function cliCrashes(kills, seed = 1) {
  const rand = random(seed);
  const db = sampleDatabase();
  const meeting = JSON.parse(giaoban(db, "meetings", "list", "--limit", "1", "--json"))[0].id;
  const acked = new Set();
  for (let k = 0; k < kills; k++) {
    // Bounded: even a writer nobody kills stops after a few thousand edits.
    const writer = spawn(cli, ["--db", db, "bench", "write", "--count", "5000"], { stdio: ["ignore", "pipe", "ignore"] });
    running = writer;
    let pending = "";
    writer.stdout.setEncoding("utf8");
    writer.stdout.on("data", (chunk) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop();
      for (const line of lines) if (line.startsWith("ack ")) acked.add(line.slice(4));
    });
    const closed = new Promise((r) => writer.once("close", r));
    // Anywhere from the process start (opening, migrating) to well into the writes.
    const delay = Math.floor(rand() * 250);
    const timer = setTimeout(() => writer.kill("SIGKILL"), delay);
    await closed;
    running = null;
    clearTimeout(timer);
    const when = `CLI kill ${k + 1} (seed ${seed}, after ${delay} ms)`;
    checkIntegrity(db, when);
    const rows = JSON.parse(giaoban(db, "directives", "list", "--meeting", meeting, "--limit", "0", "--json")).rows;
    const present = new Set(rows.map((r) => r.id));
    const missing = [...acked].filter((id) => !present.has(id));
    if (missing.length) throw new Error(`${when}: ${missing.length} acknowledged directives missing, e.g. ${missing[0]}`);
  }
  rmSync(path.dirname(db), { recursive: true, force: true });
  return { kills, acknowledged: acked.size };
}

/** Kills the real app `kills` times while a robot adds units; returns the acknowledged count. */
export async function appCrashes(kills, seed = 1) {
  const rand = random(seed);
  const db = sampleDatabase();
  const acked = [];
  for (let k = 0; k < kills; k++) {
    const session = await start(db, { quiet: true, screenshots: false }); // the window as it ships
    const { browser, driver } = session;
    const byTest = (id) => browser.$(`[data-testid="${id}"]`);
    try {
      const menu = await browser.$('nav button[data-page="directory"]');
      await menu.waitForDisplayed({ timeout: 20_000 });
      await menu.click();
      const delay = 300 + Math.floor(rand() * 2500);
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        killApp(driver);
      }, delay);
      try {
        for (let n = 0; ; n++) {
          const name = `Đơn vị thử độ bền ${k}-${n}`;
          await (await byTest("add-unit")).click();
          await (await byTest("unit-name")).setValue(name);
          await (await byTest("unit-save")).click();
          const list = await byTest("unit-list");
          await browser.waitUntil(async () => killed || (await list.getText()).includes(name), { timeout: 10_000 });
          if (killed) break;
          acked.push(name);
        }
      } catch {
        // The window is gone: the kill landed.
      }
      clearTimeout(timer);
    } finally {
      await stop(session);
    }
    const when = `app kill ${k + 1} (seed ${seed})`;
    checkIntegrity(db, when);
    const names = new Set(JSON.parse(giaoban(db, "units", "list", "--all", "--json")).map((u) => u.name));
    const missing = acked.filter((n) => !names.has(n));
    if (missing.length) throw new Error(`${when}: acknowledged units missing: ${missing.join(", ")}`);
  }
  rmSync(path.dirname(db), { recursive: true, force: true });
  return { kills, acknowledged: acked.length };
}

/** The text of `box` as stored, with spacing made comparable with what was typed: the
 *  minutes body, or the pending conclusion line of the meeting's draft. */
function storedText(db, id, box) {
  const m = JSON.parse(giaoban(db, "meeting", "show", id, "--json"));
  const text = box === "minutes-body" ? m.minutes : m.draft.conclusion;
  return text.replace(/\u00a0/g, " ").replace(/\s+/g, " ").trim();
}

/**
 * Kills the app `kills` times while a robot types into `box` of a meeting under way: the
 * minutes body, or `conclusions-new` (a line never confirmed with Enter). Returns the
 * number of kills, the characters typed, and the longest stretch of typing (ms before the
 * kill) found missing afterwards.
 */
export async function editorCrashes(kills, seed = 1, box = "minutes-body") {
  const rand = random(seed);
  const db = sampleDatabase();
  let meeting = null;
  let expected = "";
  let typedChars = 0;
  let worstLossMs = 0;
  for (let k = 0; k < kills; k++) {
    const session = await start(db, { quiet: true, screenshots: false }); // the window as it ships
    const { browser, driver } = session;
    const byTest = (id) => browser.$(`[data-testid="${id}"]`);
    const when = `app kill ${k + 1} while typing in ${box} (seed ${seed})`;
    const log = [];
    let killedAt = Infinity;
    try {
      // The sample's meetings, to tell the new one from them (some may start later today).
      const ids = () => JSON.parse(giaoban(db, "meetings", "list", "--limit", "0", "--json")).map((m) => m.id);
      const sample = meeting === null ? new Set(ids()) : null;
      if (meeting === null) {
        const menu = await browser.$('nav button[data-page="meetings"]');
        await menu.waitForDisplayed({ timeout: 20_000 });
        await menu.click();
        await (await byTest("new-meeting-open")).click();
        await (await byTest("new-start")).click();
      }
      // After a restart the editor opens by itself on the meeting being typed.
      await (await byTest("minutes-body")).waitForDisplayed({ timeout: 20_000 });
      const body = await byTest(box);
      await body.waitForDisplayed({ timeout: 20_000 });
      if (meeting === null) {
        await browser.waitUntil(async () => (await (await byTest("save-state")).getAttribute("data-status")) === "saved", { timeout: 10_000 });
        meeting = ids().find((id) => !sample.has(id));
      } else {
        const shown = (await browser.execute((e) => e.value ?? e.innerText, body)).replace(/\s+/g, " ").trim();
        if (shown !== expected) throw new Error(`${when}: the reopened editor shows “${shown.slice(-60)}”, stored “${expected.slice(-60)}”`);
      }
      await browser.execute((el) => (el.scrollIntoView({ block: "center" }), el.focus()), body);
      await browser.keys(["Control", "End"]);
      const timer = setTimeout(() => {
        killedAt = Date.now();
        killApp(driver);
      }, 1500 + Math.floor(rand() * 3000));
      try {
        for (let n = 0; ; n++) {
          const chunk = `${expected || n ? " " : ""}Câu ${k + 1}-${n + 1} được gõ lúc họp.`;
          await typeText(browser, chunk);
          typedChars += chunk.length;
          log.push({ at: Date.now(), text: chunk });
        }
      } catch {
        // The window is gone: the kill landed.
      }
      clearTimeout(timer);
    } finally {
      await stop(session);
    }
    if (meeting === null) throw new Error(`${when}: the meeting was never created`);
    checkIntegrity(db, when);
    const stored = storedText(db, meeting, box);
    // Everything typed up to one second before the kill must be there.
    let must = expected;
    let kept = expected;
    let lastKeptAt = null;
    for (const { at, text } of log) {
      const next = (kept + text).replace(/\s+/g, " ").trim();
      if (stored.startsWith(next)) {
        kept = next;
        lastKeptAt = at;
      }
      if (at <= killedAt - 1000) must = (must + text).replace(/\s+/g, " ").trim();
    }
    if (!stored.startsWith(must)) throw new Error(`${when}: typing older than one second is missing; stored ends “${stored.slice(-60)}”, expected “${must.slice(-60)}”`);
    const firstLost = log.find(({ at }) => lastKeptAt === null || at > lastKeptAt);
    if (firstLost) worstLossMs = Math.max(worstLossMs, killedAt - firstLost.at);
    expected = stored;
  }
  rmSync(path.dirname(db), { recursive: true, force: true });
  return { kills, typedChars, worstLossMs };
}
