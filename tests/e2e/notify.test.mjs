// Desktop notifications seen by a real notification server: dunst on the Xvfb display,
// reached over the session bus that scripts/test.sh starts (dbus-run-session inside
// xvfb-run, so the bus could also start dunst itself). The app is
// opened on a database with directives falling due tomorrow and in three days; the
// notification it shows at start must reach dunst with those counts.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { freshDatabase, giaoban, start, stop } from "./driver.mjs";

/** `dunstctl` with `args`; its output, or null when it fails (dunst not up yet). */
function dunstctl(...args) {
  try {
    return execFileSync("dunstctl", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch {
    return null;
  }
}

/** Waits, polling, until `check` returns a value (a state to reach, not a fixed sleep). */
async function until(check, what, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100)); // polling interval
  }
}

/** The office's date (UTC+7) `days` from today, as dd/mm/yyyy. */
function officeDay(days) {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, dd] = d.split("-");
  return `${dd}/${m}/${y}`;
}

const canRun = Boolean(process.env.DBUS_SESSION_BUS_ADDRESS && process.env.DISPLAY && dunstctl("--help") !== null);
let session;
let dunst;
after(async () => {
  if (session) await stop(session);
  dunst?.kill();
});

test("the directives falling due are shown as a desktop notification when the app starts", {
  timeout: 120_000,
  skip: canRun ? false : "needs a session bus and dunst (scripts/test.sh provides both)",
}, async () => {
  dunst = spawn("dunst", [], { stdio: "ignore" });
  await until(() => dunstctl("is-paused") !== null, "dunst to own the notification service");
  const db = freshDatabase();
  giaoban(db, "init", "--office", "Sở Thông tin và Truyền thông tỉnh Lào Cai");
  giaoban(db, "units", "add", "--name", "Phòng Chuyển đổi số", "--code", "CDS");
  const add = (content, days) =>
    giaoban(db, "directives", "add", "--content", content, "--lead", "CDS", "--document", "45/TB-STTTT",
      "--document-date", officeDay(-10), "--deadline", officeDay(days));
  add("Báo cáo tiến độ số hóa hồ sơ thủ tục hành chính", 1);
  add("Hoàn thiện kế hoạch chuyển đổi số năm sau", 3);
  add("Tổng hợp số liệu dịch vụ công trực tuyến", 3);
  add("Rà soát hạ tầng mạng nội bộ", 20);

  session = await start(db);
  // Closing moves what is on screen to dunst's history, which tells what was shown. Earlier
  // journeys' windows (on sample data) may have notified on the same session bus: the one
  // that counts is this app's, with this database's counts.
  const want = "1 nhiệm vụ đến hạn ngày mai; 2 nhiệm vụ đến hạn sau 3 ngày";
  let seen = [];
  const n = await until(() => {
    dunstctl("close-all");
    seen = (JSON.parse(dunstctl("history") ?? "{}").data?.[0] ?? []).filter((e) => e.summary?.data === "Giao Ban");
    return seen.find((e) => e.appname?.data && e.body?.data === want) ?? null;
  }, "this app's notification in dunst's history").catch((e) => {
    throw new Error(`${e.message}; Giao Ban notifications seen: ${JSON.stringify(seen.map((x) => x.body?.data))}`);
  });
  assert.equal(n.body.data, want);
});
