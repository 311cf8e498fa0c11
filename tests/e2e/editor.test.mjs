// The secretary's meeting editor in the real window: a monthly briefing taken from the
// series template to closed with the keyboard only, directives from a conclusion line, the
// carry-forward review, and typing that survives the app being killed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { giaoban, journeys } from "./driver.mjs";

const w = journeys("editor");
let browser;
async function launch() {
  const db = await w.launch(["--meetings", "40", "--directives-per-meeting", "5"]);
  browser = w.browser;
  return db;
}
const { byTest, type, shot } = w;
const active = () => browser.execute(() => {
  const a = document.activeElement;
  return a ? (a.dataset.testid ?? a.getAttribute("aria-label") ?? a.tagName) : "";
});

/** Presses Tab until the element matching `selector` (or inside it) has the focus. */
async function tabTo(selector, max = 80) {
  for (let i = 0; i < max; i++) {
    const there = await browser.execute((s) => {
      const a = document.activeElement;
      return !!a && (a.matches(s) || !!a.closest(s));
    }, selector);
    if (there) return;
    await browser.keys("Tab");
  }
  throw new Error(`Tab never reached ${selector}; focus is on ${await active()}`);
}

/** Waits until every change is written ("Đã lưu"). */
async function saved() {
  const state = await byTest("save-state");
  await browser.waitUntil(async () => (await state.getAttribute("data-status")) === "saved", { timeout: 10_000, timeoutMsg: "changes were not saved" });
}

/** The meeting as the CLI reads it from the database file. */
function stored(db, title) {
  const list = JSON.parse(giaoban(db, "meetings", "list", "--json"));
  const m = list.find((x) => x.title === title);
  assert.ok(m, `meeting “${title}” is in the database`);
  return JSON.parse(giaoban(db, "meeting", "show", m.id, "--json"));
}

test("a monthly briefing is taken from the series template to closed with the keyboard only", { timeout: 240_000 }, async () => {
  const db = await launch();
  await browser.keys(["Alt", "2"]);
  await (await byTest("new-meeting-open")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "n"]);
  const title = await byTest("new-title");
  await title.waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => /^Giao ban tháng \d+\/\d{4}$/.test(await title.getValue()), { timeout: 10_000 });
  // Start at 07:30 on a fixed day: the title follows the month.
  await tabTo('[data-testid="new-starts"]');
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await type("07:30 05/12/2026");
  await browser.waitUntil(async () => (await title.getValue()) === "Giao ban tháng 12/2026", { timeout: 5_000 });
  await shot("20-new-meeting");
  await browser.keys("Enter");

  const attendance = await byTest("attendance");
  await attendance.waitForDisplayed({ timeout: 10_000 });
  const rows = await attendance.$$("tbody tr");
  assert.ok(rows.length >= 3, "the series template brings its attendees");
  // The chair and the secretary attend (they cannot be marked absent): three others are.
  const posts = [];
  for (const r of rows) posts.push(/\((chủ trì|thư ký)\)/.test(await r.getText()));
  const first = posts.findIndex((p, i) => i > 0 && !p && !posts[i + 1] && !posts[i + 2]);
  assert.ok(first > 0 && first + 2 < rows.length, `three attendees besides the chair and the secretary: ${posts}`);
  // Attendance from the keyboard: P (excused) takes the cursor to the reason.
  await tabTo('[data-testid="attendance"] tbody tr');
  for (let i = 0; i < first; i++) await browser.keys("ArrowDown");
  await browser.keys("p");
  await type("Đi công tác");
  await browser.keys("Enter");
  await browser.keys("m");
  await type("8h15");
  await browser.keys("Enter");
  await browser.keys("v");

  // An agenda item, an opinion by a speaker found without diacritics, the minutes body.
  await tabTo('[data-testid="agenda-new"]');
  await type("Thảo luận kế hoạch tháng 1/2027");
  await browser.keys("Enter");
  await tabTo('[data-testid="opinion-speaker"]');
  await type("thang");
  // A directory person is taken when chosen: ↓ onto the suggestion, then Enter.
  await browser.keys("ArrowDown");
  await browser.keys("Enter");
  await browser.keys("Tab");
  await type("Đề nghị các phòng hoàn thành báo cáo năm trước ngày 20/12.");
  await browser.keys("Enter");
  await tabTo('[data-testid="minutes-body"]');
  await type("Cuộc họp bắt đầu lúc 07 giờ 30. ");
  await browser.keys(["Control", "b"]);
  await type("Đồng chí Giám đốc");
  await browser.keys(["Control", "b"]);
  await type(" chủ trì.");

  // Conclusions as a numbered list.
  await tabTo('[data-testid="conclusions-new"]');
  await type("Các phòng, đơn vị tập trung hoàn thành nhiệm vụ năm 2026.");
  await browser.keys("Enter");
  await type("Văn phòng Sở tổng hợp báo cáo năm.");
  await browser.keys("Enter");
  await saved();
  await shot("21-editor");

  const m = stored(db, "Giao ban tháng 12/2026");
  assert.equal(m.status, "in_progress");
  assert.equal(m.starts_at, "2026-12-05T00:30:00Z");
  const marks = m.attendees.slice(first, first + 3).map((a) => [a.attendance, a.note ?? null]);
  assert.deepEqual(marks, [["excused", "Đi công tác"], ["late", "8h15"], ["absent", null]]);
  assert.equal(m.agenda.at(-1).title, "Thảo luận kế hoạch tháng 1/2027");
  assert.equal(m.opinions.at(-1).content, "Đề nghị các phòng hoàn thành báo cáo năm trước ngày 20/12.");
  const speaker = JSON.parse(giaoban(db, "people", "list", "--json")).find((p) => p.id === m.opinions.at(-1).speaker_id);
  assert.equal(speaker?.full_name, "Giàng Thanh Thắng", "`thang` finds the speaker in the directory");
  // The Markdown writer keeps a space beside bold as a no-break space.
  assert.equal(m.minutes.replace(/\u00a0/g, " "), "Cuộc họp bắt đầu lúc 07 giờ 30. **Đồng chí Giám đốc** chủ trì.", JSON.stringify(m.minutes));
  assert.deepEqual(m.conclusions.map((c) => c.content), ["Các phòng, đơn vị tập trung hoàn thành nhiệm vụ năm 2026.", "Văn phòng Sở tổng hợp báo cáo năm."]);

  // An end before the start is refused by name; the typed text stays.
  await tabTo('[data-testid="edit-ends"]');
  await type("06:00 05/12/2026");
  const problem = await byTest("header-problem");
  await problem.waitForDisplayed({ timeout: 10_000 });
  assert.match(await problem.getText(), /Thời gian kết thúc phải sau thời gian bắt đầu/);
  assert.equal(await (await byTest("edit-ends")).getValue(), "06:00 05/12/2026");
  for (let i = 0; i < 16; i++) await browser.keys("Backspace");
  await type("10:45 05/12/2026");
  await browser.waitUntil(async () => !(await problem.isExisting()), { timeout: 10_000 });
  await saved();

  // End the meeting: the minutes are locked; reopening is possible.
  await tabTo('[data-testid="end-meeting"]');
  await browser.keys("Enter");
  const reopen = await byTest("reopen-meeting");
  await reopen.waitForDisplayed({ timeout: 10_000 });
  await shot("22-closed");
  const closed = stored(db, "Giao ban tháng 12/2026");
  assert.equal(closed.status, "closed");
  assert.equal(closed.ends_at, "2026-12-05T03:45:00Z");
});

/** Opens a new meeting of the monthly series starting at `when` ("07:30 05/12/2026"). */
async function newMeeting(when) {
  await browser.keys(["Alt", "2"]);
  await (await byTest("new-meeting-open")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "n"]);
  await (await byTest("new-title")).waitForDisplayed({ timeout: 10_000 });
  await tabTo('[data-testid="new-starts"]');
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await type(when);
  await browser.keys("Enter");
  await (await byTest("attendance")).waitForDisplayed({ timeout: 10_000 });
}

/** Directives as the CLI reads them, by id. */
function directives(db) {
  return new Map(JSON.parse(giaoban(db, "directives", "list", "--limit", "0", "--json")).rows.map((d) => [d.id, d]));
}

test("three directives are given from one conclusion line, units by initials, deadlines in words", { timeout: 240_000 }, async () => {
  const db = await launch();
  await newMeeting("07:30 05/12/2026");
  await tabTo('[data-testid="conclusions-new"]');
  await type("Các đơn vị triển khai: tuyên truyền chuyển đổi số; tổng hợp báo cáo năm; rà soát hệ thống thông tin.");
  await browser.keys("Enter");
  // Once the line is in the list, back onto it, and Ctrl+Enter turns it into directives.
  await browser.waitUntil(
    // A line of the list, not the box still holding the text while it is being added.
    () => browser.execute(() => [...document.querySelectorAll('[data-testid="conclusions"] li:not(.new) textarea')].some((t) => t.value.startsWith("Các đơn vị triển khai"))),
    { timeout: 10_000, timeoutMsg: "the conclusion line is added" },
  );
  await browser.keys("Backspace");
  await browser.keys(["Control", "Enter"]);
  const table = await byTest("extract-table");
  await table.waitForDisplayed({ timeout: 10_000 });
  const rows = await table.$$('[data-testid="extract-row"]');
  assert.equal(rows.length, 3);
  const plan = [
    ["ttbc", "Phòng Thông tin - Báo chí - Xuất bản", "cuối tháng", "→ 31/12/2026"],
    ["vp", "Văn phòng Sở", "30/6", "→ 30/06/2027"],
    // A unit not in the directory is offered for adding, and Enter adds it.
    ["Ban Quản lý dự án số hóa", "Ban Quản lý dự án số hóa", "không thời hạn", null],
  ];
  for (const [i, [typed, unit, phrase, shown]] of plan.entries()) {
    await tabTo(`[data-testid="extract-row"]:nth-child(${i + 1}) [data-testid="extract-lead"]`);
    await type(typed);
    await browser.keys("Enter");
    const lead = await rows[i].$('[data-testid="extract-lead"]');
    await browser.waitUntil(async () => (await lead.getValue()) === unit, { timeout: 5_000, timeoutMsg: `${typed} picks ${unit}` });
    await tabTo(`[data-testid="extract-row"]:nth-child(${i + 1}) [data-testid="extract-deadline"]`);
    await type(phrase);
    if (shown) {
      const date = await rows[i].$('[data-testid="extract-deadline-date"]');
      await browser.waitUntil(async () => (await date.isExisting()) && (await date.getText()) === shown, { timeout: 10_000, timeoutMsg: `${phrase} reads as ${shown}` });
    }
  }
  // The first one also has a coordinating unit, picked by its code.
  await tabTo('[data-testid="extract-row"]:nth-child(1) [data-testid="extract-coord"]');
  await type("khtc");
  await browser.keys("Enter");
  await browser.waitUntil(async () => (await rows[0].getText()).includes("Phòng KHTC"), { timeout: 5_000 });
  await shot("24-directives-from-line");
  await tabTo('[data-testid="extract-create"]');
  await browser.keys("Enter");
  const done = await byTest("extract-created");
  await done.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await done.getText(), "Đã tạo 3 nhiệm vụ.");

  const added = JSON.parse(giaoban(db, "units", "list", "--all", "--json")).find((u) => u.name === "Ban Quản lý dự án số hóa");
  assert.equal(added?.kind, "other", "the new unit is in the directory, to be completed there");
  const m = stored(db, "Giao ban tháng 12/2026");
  const given = m.directives.map((d) => [d.lead_unit, d.deadline, d.coordinating_units]);
  given.sort((a, b) => a[0].localeCompare(b[0]));
  assert.deepEqual(given, [
    ["Ban Quản lý dự án số hóa", null, []],
    ["Phòng Thông tin - Báo chí - Xuất bản", "2026-12-31", ["Phòng Kế hoạch - Tài chính"]],
    ["Văn phòng Sở", "2027-06-30", []],
  ]);
});

/** An office-clock day `days` from today: ["dd/mm/yyyy", "yyyy-mm-dd"]. */
function officeDay(days = 0) {
  const iso = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = iso.split("-");
  return [`${d}/${m}/${y}`, iso];
}

test("the next meeting reviews the open directives: continued, closed, reported", { timeout: 240_000 }, async () => {
  const db = await launch();
  // Held today: a directive is closed as done on the meeting's day, which cannot be ahead.
  const [today, todayIso] = officeDay();
  await newMeeting(`07:30 ${today}`);
  const carried = await byTest("carried");
  await carried.waitForDisplayed({ timeout: 10_000 });
  const rows = await carried.$$("tbody tr");
  assert.ok(rows.length >= 3, "open directives of earlier meetings are listed");
  const ids = await Promise.all(rows.slice(0, 3).map((r) => r.getAttribute("data-id")));
  await tabTo('[data-testid="carried"] tbody tr');
  await browser.keys("t");
  await browser.waitUntil(async () => (await rows[0].getAttribute("data-decision")) === "continued", { timeout: 10_000 });
  await browser.keys("ArrowDown");
  await browser.keys("k");
  await browser.waitUntil(async () => (await rows[1].getAttribute("data-decision")) === "closed", { timeout: 10_000 });
  await browser.keys("ArrowDown");
  await browser.keys("b");
  await browser.waitUntil(async () => (await rows[2].getAttribute("data-decision")) === "reported", { timeout: 10_000 });
  await shot("25-carried");
  const after = directives(db);
  assert.notEqual(after.get(ids[0]).status, "done");
  assert.deepEqual([after.get(ids[1]).status, after.get(ids[1]).completed_on], ["done", todayIso]);
  assert.equal(after.get(ids[2]).status, "awaiting_confirmation");

  // The next meeting reviews again: the continued one is counted, the closed one is gone.
  await tabTo('[data-testid="end-meeting"]');
  await browser.keys("Enter");
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });
  await newMeeting(`07:30 ${officeDay(1)[0]}`);
  const next = await byTest("carried");
  await next.waitForDisplayed({ timeout: 10_000 });
  const continued = await next.$(`tr[data-id="${ids[0]}"]`);
  assert.match(await continued.getText(), /đã tiếp tục 1 kỳ/);
  assert.equal(await (await next.$(`tr[data-id="${ids[1]}"]`)).isExisting(), false);
});
