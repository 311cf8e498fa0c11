// Starting and stopping the real Giao Ban window under tauri-driver + WebKitWebDriver, for
// the end-to-end journeys and the crash harness.
import { spawn, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { afterEach } from "node:test";
import { tmpdir, homedir } from "node:os";
import path from "node:path";
import { remote } from "webdriverio";

export const root = path.resolve(import.meta.dirname, "../..");
// The debug build the test command makes; benchmarks may point GIAOBAN_APP at a release build.
export const app = process.env.GIAOBAN_APP ?? path.join(root, "target/debug/giaoban-desktop");
export const cli = path.join(root, "target/debug/giaoban");
const tauriDriver = process.env.TAURI_DRIVER ?? path.join(homedir(), ".cargo/bin/tauri-driver");
// The WebDriver port (and the next one for WebKitWebDriver): another run can use others.
const port = Number(process.env.GIAOBAN_WEBDRIVER_PORT ?? 4444);

// The data folders made by this test file, removed when it ends (each journey leaves a few
// MB of database, backups and documents; a full run makes hundreds). GIAOBAN_KEEP_E2E=1
// keeps them for a look after a failure.
const folders = [];
process.on("exit", () => {
  if (process.env.GIAOBAN_KEEP_E2E) return;
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

/** A new data folder (removed when the test file ends) and the database path in it. */
export function freshDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), "giaoban-e2e-"));
  folders.push(dir);
  return path.join(dir, "giaoban.sqlite3");
}

/** Runs the CLI on `db`; returns its stdout. */
export function giaoban(db, ...args) {
  return execFileSync(cli, ["--db", db, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
}

/**
 * Starts the app on `db` (its own process group, so the driver, WebKitWebDriver and the app
 * end together). Returns `{ driver, browser }`. `quiet` silences WebDriver's own log (the
 * crash harness expects calls on a killed window to fail). `screenshots` keeps WebKitGTK's
 * accelerated compositing, which the app turns off on Linux (`src-tauri/src/platform.rs`):
 * without it WebKitWebDriver's screenshot never answers under Xvfb. The start-up benchmark
 * measures the window as it ships, without.
 */
export async function start(db, { quiet = false, screenshots = true } = {}) {
  // Under the test command's fixed clock, libfaketime's pthread wrappers can deadlock the
  // app inside XOpenDisplay before any of our code runs (seen with gdb: one thread, waiting
  // on libfaketime's own rwlock in pthread_cond_destroy). A window that does not open in
  // 60 s, or opens and then does not answer its first request (seen twice on 2026-12-06,
  // under the year-end clocks), is closed and started once more; one that fails twice fails
  // the journey.
  for (let attempt = 1; ; attempt++) {
    const started = spawnDriver(db, screenshots);
    await waitForDriver();
    try {
      const browser = await remote({
        hostname: "127.0.0.1",
        port,
        logLevel: quiet ? "silent" : "error",
        connectionRetryTimeout: 60_000,
        connectionRetryCount: 0,
        capabilities: { browserName: "wry", "wdio:enforceWebDriverClassic": true, "tauri:options": { application: app } },
      });
      await browser.getUrl();
      return { driver: started, browser };
    } catch (e) {
      await stop({ driver: started });
      if (attempt === 2) throw e;
      console.error(`the window did not open (${e.message}); starting it again`);
    }
  }
}

function spawnDriver(db, screenshots) {
  const dir = path.dirname(db);
  const env = { ...process.env, GIAOBAN_DB: db, XDG_CONFIG_HOME: path.join(dir, "config"), XDG_DATA_HOME: path.join(dir, "data") };
  if (screenshots) env.WEBKIT_DISABLE_COMPOSITING_MODE = "0";
  return spawn(tauriDriver, ["--port", String(port), "--native-port", String(port + 1)], {
    detached: true,
    stdio: "ignore",
    env,
  });
}

async function waitForDriver() {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const r = await fetch(`http://127.0.0.1:${port}/status`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("tauri-driver did not start");
    await new Promise((r) => setTimeout(r, 100)); // polling interval, not a synchronisation
  }
}

/** Ends the session and the driver's whole process group (WebKitWebDriver and the app too,
 * even when tauri-driver itself has already exited), and waits for tauri-driver to exit. */
export async function stop({ driver, browser }) {
  await browser?.deleteSession().catch(() => {});
  if (!driver) return;
  const exited = driver.exitCode !== null || driver.signalCode !== null ? Promise.resolve() : new Promise((r) => driver.once("exit", r));
  for (const signal of ["SIGTERM", "SIGKILL"]) {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      break; // no process of the group is left
    }
    if (signal === "SIGTERM") await exited;
  }
}

/** SIGKILLs the app process started by `driver` (as a power cut would stop it). */
export function killApp(driver) {
  const pids = execFileSync("pgrep", ["-g", String(driver.pid), "-x", "giaoban-desktop"], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean);
  for (const pid of pids) process.kill(Number(pid), "SIGKILL");
  return pids.length;
}

/**
 * Types `text` into the focused element. WebKitWebDriver drops the second of two equal
 * characters sent in one action (`aa` arrives as `a`), so runs are split there.
 */
export async function typeText(browser, text) {
  let chunk = "";
  for (const ch of text) {
    if (chunk.endsWith(ch)) {
      await browser.keys(chunk);
      chunk = "";
    }
    chunk += ch;
  }
  if (chunk) await browser.keys(chunk);
}

/**
 * The texts cut by their box inside `scope`: elements matching `selector` whose text (or
 * value) is wider than they are, placeholders wider than their empty field, and a page that
 * scrolls sideways. One line per cut text.
 */
export function cutIn(browser, scope, selector) {
  return browser.execute(
    (scope, selector) => {
      const cut = [];
      const root = document.querySelector(scope);
      for (const el of root.querySelectorAll(selector)) {
        if (!el.getClientRects().length) continue;
        const text = el.value ?? el.textContent;
        if (!text || !text.trim()) continue;
        if (el.scrollWidth > el.clientWidth + 1) cut.push(`${el.tagName} “${text.trim().slice(0, 40)}” ${el.scrollWidth}>${el.clientWidth}`);
      }
      const ruler = document.createElement("canvas").getContext("2d");
      for (const el of root.querySelectorAll("input[placeholder], textarea[placeholder]")) {
        if (!el.getClientRects().length || el.value || !el.placeholder) continue;
        const style = getComputedStyle(el);
        ruler.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        const lines = el.tagName === "TEXTAREA" ? Math.max(1, Math.floor(el.clientHeight / (parseFloat(style.lineHeight) || 20))) : 1;
        if (ruler.measureText(el.placeholder).width > room * lines + 1) cut.push(`placeholder “${el.placeholder.slice(0, 40)}” in ${Math.round(room)} px`);
      }
      const page = document.documentElement;
      if (page.scrollWidth > page.clientWidth + 1) cut.push(`the page scrolls sideways ${page.scrollWidth}>${page.clientWidth}`);
      return cut;
    },
    scope,
    selector,
  );
}


/**
 * The window harness of a file of journeys named `name`: `launch(demoArgs, size)` opens the
 * app on a fresh database of sample data; after each journey the window is shot
 * (`screenshots/<name>-end-N.png`, to look at when one fails) and closed. `browser` and
 * `session` are the journey's window; `byTest`, `type` and `shot` act on it.
 */
export function journeys(name) {
  const shots = path.join(root, "tests/e2e/screenshots");
  mkdirSync(shots, { recursive: true });
  let journey = 0;
  const w = {
    session: undefined,
    browser: undefined,
    async launch(demoArgs, size) {
      const db = freshDatabase();
      giaoban(db, "demo", ...demoArgs);
      w.session = await start(db);
      w.browser = w.session.browser;
      if (size) await w.browser.setWindowSize(...size);
      await (await w.browser.$('nav button[data-page="meetings"]')).waitForDisplayed({ timeout: 20_000 });
      return db;
    },
    byTest: (id) => w.browser.$(`[data-testid="${id}"]`),
    /** Puts the keyboard on the first element matching `selector`, found and focused in one
     *  step in the page: a list drawn again between finding and focusing leaves no stale
     *  element (waits until there is one). */
    focusOn: (selector, { preventScroll = false } = {}) =>
      w.browser.waitUntil(
        () =>
          w.browser.execute(
            (s, p) => {
              const e = document.querySelector(s);
              e?.focus({ preventScroll: p });
              return e != null && document.activeElement === e;
            },
            selector,
            preventScroll,
          ),
        { timeout: 10_000, timeoutMsg: `nothing to focus at ${selector}` },
      ),
    type: (text) => typeText(w.browser, text),
    shot: (file) => w.browser.saveScreenshot(path.join(shots, `${file}.png`)),
  };
  afterEach(async () => {
    journey += 1;
    await w.browser?.saveScreenshot(path.join(shots, `${name}-end-${journey}.png`)).catch(() => {});
    if (w.session) await stop(w.session);
    w.session = undefined;
    w.browser = undefined;
  });
  return w;
}
