// Nothing the secretary types is lost, and the minutes read as the meeting happened: lines
// typed without Enter survive a page change and are taken in when the meeting ends; a guest
// speaker stays the guest typed; suggestions open where they are seen; the menu stays in
// view; the editor fits 1024×700 and 1366×768 without cutting a name; a closed meeting shows
// its speakers, attendance reasons and the directives of each conclusion; the keys do what
// they say; the save indicator tells the truth.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cutIn, giaoban, journeys } from "./driver.mjs";

const w = journeys("minutes");
let browser;
async function launch(size = [1280, 820]) {
  const db = await w.launch(["--meetings", "30", "--directives-per-meeting", "4"], size);
  browser = w.browser;
  return db;
}
const { byTest, type, shot } = w;

/** Puts the cursor in the element with `testid` (scrolled into view). A list drawn again
 *  after the last keystroke may replace the element between finding and focusing it: it is
 *  then found again. */
async function focus(testid) {
  let el;
  await browser.waitUntil(
    async () => {
      try {
        el = await byTest(testid);
        if (!(await el.isDisplayed())) return false;
        await browser.execute((e) => (e.scrollIntoView({ block: "center" }), e.focus()), el);
        return true;
      } catch (e) {
        if (/stale element|was not found/i.test(String(e))) return false;
        throw e;
      }
    },
    { timeout: 10_000, timeoutMsg: `“${testid}” could not be focused` },
  );
  return el;
}

async function status() {
  return (await byTest("save-state")).getAttribute("data-status");
}

/** Waits until every change is written ("Đã lưu"). */
async function saved() {
  await browser.waitUntil(async () => (await status()) === "saved", { timeout: 10_000, timeoutMsg: "changes were not saved" });
}

/** Starts a blank working session titled `title` at 08:00 on 05/12/2026. */
async function newMeeting(title) {
  await (await browser.$('nav button[data-page="meetings"]')).click();
  await (await byTest("new-meeting-open")).click();
  const box = await byTest("new-title");
  await box.waitForDisplayed({ timeout: 10_000 });
  await browser.execute(() => document.querySelector('input[type="radio"][value="blank"]').click());
  await box.click();
  await browser.keys(["Control", "a"]);
  await type(title);
  const starts = await byTest("new-starts");
  await starts.click();
  await browser.keys(["Control", "a"]);
  await type("08:00 05/12/2026");
  await (await byTest("new-start")).click();
  await (await byTest("minutes-body")).waitForDisplayed({ timeout: 10_000 });
  await saved();
}

/** The meeting as the CLI reads it from the database file. */
function stored(db, title) {
  const m = JSON.parse(giaoban(db, "meetings", "list", "--limit", "0", "--json")).find((x) => x.title === title);
  assert.ok(m, `meeting “${title}” is in the database`);
  return JSON.parse(giaoban(db, "meeting", "show", m.id, "--json"));
}

/** Opens the meeting titled `title` from the list. */
async function openFromList(title) {
  await (await browser.$('nav button[data-page="meetings"]')).click();
  const list = await byTest("meeting-list");
  await list.waitForDisplayed({ timeout: 10_000 });
  await (await list.$(`.//td[normalize-space()="${title}"]`)).click();
}

test("lines typed without Enter survive a page change and are taken in when the meeting ends", { timeout: 240_000 }, async () => {
  const db = await launch();
  const title = "Làm việc với Trung tâm CNTT";
  await newMeeting(title);
  await focus("agenda-new");
  await type("Báo cáo tiến độ dự án");
  await focus("opinion-new");
  await type("Đề nghị bổ sung nhân lực");
  await focus("conclusions-new");
  await type("Giao Văn phòng Sở tổng hợp");
  await saved();
  const draft = stored(db, title).draft;
  assert.deepEqual([draft.agenda, draft.opinion, draft.conclusion], ["Báo cáo tiến độ dự án", "Đề nghị bổ sung nhân lực", "Giao Văn phòng Sở tổng hợp"]);

  // Another page, then back: the boxes hold what was typed.
  await (await browser.$('nav button[data-page="directory"]')).click();
  await (await browser.$('nav button[data-page="directory"][aria-current="page"]')).waitForExist({ timeout: 10_000 });
  await openFromList(title);
  const box = await byTest("conclusions-new");
  await box.waitForDisplayed({ timeout: 30_000 });
  assert.equal(await box.getValue(), "Giao Văn phòng Sở tổng hợp");
  assert.equal(await (await byTest("agenda-new")).getValue(), "Báo cáo tiến độ dự án");
  assert.equal(await (await byTest("opinion-new")).getValue(), "Đề nghị bổ sung nhân lực");
  assert.equal(await status(), "saved");

  // One more word, and straight to Kết thúc: nothing is dropped.
  await focus("conclusions-new");
  await browser.keys(["Control", "End"]);
  await type(" báo cáo năm");
  await (await byTest("end-meeting")).click();
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });
  const m = stored(db, title);
  assert.equal(m.status, "closed");
  assert.equal(m.conclusions.at(-1).content, "Giao Văn phòng Sở tổng hợp báo cáo năm");
  assert.equal(m.agenda.at(-1).title, "Báo cáo tiến độ dự án");
  assert.equal(m.opinions.at(-1).content, "Đề nghị bổ sung nhân lực");
  assert.deepEqual(m.draft, { attendee: "", agenda: "", speaker_id: null, speaker_name: "", opinion: "", conclusion: "" });
  const shown = await (await byTest("conclusions")).getText();
  assert.match(shown, /Giao Văn phòng Sở tổng hợp báo cáo năm/);
});

test("a line emptied is removed when left, on screen and in the database, and never blocks the meeting", { timeout: 240_000 }, async () => {
  const db = await launch();
  const title = "Họp thử dòng trống";
  await newMeeting(title);
  await focus("agenda-new");
  await type("Mục một");
  await browser.keys("Enter");
  await type("Mục hai");
  await browser.keys("Enter");
  await saved();
  const first = await browser.$('[data-testid="agenda"] li:first-child textarea');
  await first.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await browser.waitUntil(async () => (await status()) === "unsaved", { timeout: 5_000, timeoutMsg: "an emptied line is not stored" });
  assert.match(await (await byTest("save-state")).getText(), /dòng để trống/);
  // Leaving it removes it.
  await focus("conclusions-new");
  await saved();
  assert.deepEqual(stored(db, title).agenda.map((a) => a.title), ["Mục hai"]);
  const shown = await browser.execute(() => [...document.querySelectorAll('[data-testid="agenda"] li:not(.new) textarea')].map((t) => t.value));
  assert.deepEqual(shown, ["Mục hai"]);
  // An opinion emptied and left goes too; the meeting ends.
  await focus("opinion-new");
  await type("Ý kiến tạm");
  await browser.keys("Enter");
  await saved();
  const said = await browser.$('[data-testid="opinions"] textarea');
  await said.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await focus("conclusions-new");
  await saved();
  assert.equal(stored(db, title).opinions.length, 0);
  await (await byTest("end-meeting")).click();
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });
});

test("a guest speaker stays the guest typed; a directory person is taken only when chosen", { timeout: 240_000 }, async () => {
  const db = await launch();
  const title = "Họp với khách mời";
  await newMeeting(title);
  // "Kim" suggests Hoàng Kim Khánh; typed on to "Kim Anh" (a word no name starts with),
  // Enter keeps the guest as typed.
  await focus("opinion-speaker");
  await type("Kim");
  const choices = await byTest("opinion-speaker-choices");
  await choices.waitForDisplayed({ timeout: 5_000 });
  assert.match(await choices.getText(), /Hoàng Kim Khánh/);
  await type(" Anh");
  await browser.waitUntil(async () => !(await choices.isDisplayed()) || !/Hoàng Kim Khánh/.test(await choices.getText()), {
    timeout: 5_000,
    timeoutMsg: "“Kim Anh” still suggests Hoàng Kim Khánh",
  });
  await browser.keys("Enter");
  await focus("opinion-new");
  await type("Xin góp ý về dự thảo");
  await browser.keys("Enter");
  // Then a directory person, chosen with ↓ and Enter.
  await focus("opinion-speaker");
  await browser.keys(["Control", "a"]);
  await type("kim khanh");
  await (await byTest("opinion-speaker-choices")).waitForDisplayed({ timeout: 5_000 });
  await browser.keys("ArrowDown");
  await browser.keys("Enter");
  await focus("opinion-new");
  await type("Thống nhất với dự thảo");
  await browser.keys("Enter");
  // An attendee typed without a match is a guest too.
  await focus("add-attendee");
  await type("Kim Anh, Báo Nhân Dân");
  await browser.keys("Enter");
  await browser.waitUntil(async () => (await (await byTest("attendance")).getText()).includes("Kim Anh, Báo Nhân Dân"), { timeout: 10_000 });
  // The cursor stays in the box: the next name typed goes in.
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.dataset.testid)) === "add-attendee", { timeout: 5_000, timeoutMsg: "the cursor stays in the attendee box" });
  await saved();

  const m = stored(db, title);
  const [guest, chosen] = m.opinions.slice(-2);
  assert.deepEqual([guest.speaker_id, guest.speaker_name, guest.speaker], [null, "Kim Anh", "Kim Anh"]);
  assert.equal(chosen.speaker, "Hoàng Kim Khánh");
  assert.ok(chosen.speaker_id);
  const a = m.attendees.at(-1);
  assert.deepEqual([a.name, a.person_id, a.guest_name], ["Kim Anh, Báo Nhân Dân", null, "Kim Anh, Báo Nhân Dân"]);
  // The editor names each speaker as stored.
  const said = await (await byTest("opinions")).getText();
  assert.match(said, /Kim Anh:/);
  assert.match(said, /Hoàng Kim Khánh:/);
});

test("suggestions near the window's bottom open where they are seen; the menu stays in view", { timeout: 240_000 }, async () => {
  await launch([1280, 820]);
  await newMeeting("Giao ban thử cuộn trang");
  // The speaker box at the very bottom of the window.
  const box = await byTest("opinion-speaker");
  await browser.execute((e) => {
    e.scrollIntoView({ block: "end" });
    window.scrollBy(0, -4);
    e.focus();
  }, box);
  await type("thang");
  const list = await byTest("opinion-speaker-choices");
  await list.waitForDisplayed({ timeout: 5_000 });
  const r = await browser.execute((e) => {
    const b = e.getBoundingClientRect();
    return { top: b.top, bottom: b.bottom, height: window.innerHeight };
  }, list);
  assert.ok(r.top >= 0 && r.bottom <= r.height, `the list is inside the window: ${JSON.stringify(r)}`);
  await shot("30-suggestions-near-bottom");
  await browser.keys("Escape");

  // The bottom of a long page: the menu and the search box are still on screen.
  await browser.execute(() => window.scrollTo(0, document.body.scrollHeight));
  const seen = await browser.execute(() => {
    const nav = document.querySelector("nav").getBoundingClientRect();
    const search = document.querySelector('[data-testid="search-box"]').getBoundingClientRect();
    return { scrolled: window.scrollY, navTop: nav.top, searchTop: search.top, searchBottom: search.bottom, height: window.innerHeight };
  });
  assert.ok(seen.scrolled > 300, `the page scrolled: ${seen.scrolled}`);
  assert.ok(Math.abs(seen.navTop) < 1 && seen.searchTop > 0 && seen.searchBottom < seen.height, `menu in view: ${JSON.stringify(seen)}`);
  await shot("31-menu-after-scroll");
});

/** Texts cut in the editor: labels, buttons, names, filled fields and placeholders. */
const cutTexts = () => cutIn(browser, "main", "label, button, td, th, h1, h2, strong, input[type=text], input:not([type]), textarea, .name");

for (const [w, h] of [
  [1024, 700],
  [1366, 768],
]) {
  test(`the editor at ${w}×${h} cuts no name or label, the proposals included`, { timeout: 240_000 }, async () => {
    await launch([w, h]);
    await newMeeting("Giao ban tháng 12/2026 của Sở Thông tin và Truyền thông");
    await focus("add-attendee");
    await type("ttbc");
    await browser.keys("ArrowDown");
    await browser.keys("Enter");
    await focus("conclusions-new");
    await type("Giao Phòng Thông tin - Báo chí - Xuất bản chủ trì, phối hợp Phòng Chuyển đổi số tổ chức hội nghị trước 30/12/2026.");
    await browser.keys("Enter");
    await saved();
    await browser.execute(() => window.scrollTo(0, 0));
    await shot(`32-editor-${w}x${h}`);
    assert.deepEqual(await cutTexts(), []);
    await (await byTest("extract-open")).click();
    await (await byTest("extract-propose")).click();
    const table = await byTest("extract-table");
    await table.waitForDisplayed({ timeout: 10_000 });
    const lead = await byTest("extract-lead");
    await browser.waitUntil(async () => (await lead.getValue()) !== "", { timeout: 5_000, timeoutMsg: "the lead unit is proposed" });
    assert.equal(await lead.getValue(), "Phòng Thông tin - Báo chí - Xuất bản");
    const fits = await browser.execute((e) => e.scrollHeight <= e.clientHeight + 1 && e.scrollWidth <= e.clientWidth + 1, lead);
    assert.ok(fits, "the lead unit's whole name is shown");
    await browser.execute((e) => e.scrollIntoView({ block: "center" }), table);
    await shot(`33-proposals-${w}x${h}`);
    assert.deepEqual(await cutTexts(), []);
  });
}

test("a closed meeting shows its speakers, attendance reasons and each conclusion's directives", { timeout: 240_000 }, async () => {
  const db = await launch();
  const title = "Giao ban kiểm tra biên bản";
  await newMeeting(title);
  await focus("add-attendee");
  await type("Hoàng Kim Khánh");
  await browser.keys("Enter");
  const attendance = await byTest("attendance");
  await browser.waitUntil(async () => (await attendance.getText()).includes("Hoàng Kim Khánh"), { timeout: 10_000 });
  await (await attendance.$(".//td[contains(., 'Hoàng Kim Khánh')]")).click();
  await browser.keys("p");
  await type("Đi công tác");
  await focus("opinion-speaker");
  await type("Kim Anh");
  await browser.keys("Enter");
  await focus("opinion-new");
  await type("Đề nghị làm rõ kinh phí");
  await browser.keys("Enter");
  await focus("conclusions-new");
  await type("Giao Văn phòng Sở tổng hợp báo cáo năm trước 20/12/2026.");
  await browser.keys("Enter");
  await (await byTest("extract-open")).click();
  await (await byTest("extract-propose")).click();
  await (await byTest("extract-table")).waitForDisplayed({ timeout: 10_000 });
  await (await byTest("extract-create")).click();
  await (await byTest("extract-created")).waitForDisplayed({ timeout: 10_000 });
  await saved();
  await (await byTest("end-meeting")).click();
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });
  const m = stored(db, title);
  assert.equal(m.directives.length, 1);
  const page = await browser.$("main").getText();
  assert.match(page, /Hoàng Kim Khánh — [^\n]*vắng có lý do: Đi công tác/i);
  assert.match(await (await byTest("opinions")).getText(), /Kim Anh: Đề nghị làm rõ kinh phí/);
  const given = await (await byTest("conclusion-directives")).getText();
  assert.match(given, /Văn phòng Sở/);
  assert.match(given, /20\/12\/2026/);
  await shot("34-closed-meeting");
});

test("Escape asks before dropping a new meeting, closes the proposals; Tab stays in them", { timeout: 240_000 }, async () => {
  await launch();
  await (await browser.$('nav button[data-page="meetings"]')).click();
  await (await byTest("new-meeting-open")).click();
  const box = await byTest("new-title");
  await box.waitForDisplayed({ timeout: 10_000 });
  await box.click();
  await browser.keys(["Control", "a"]);
  await type("Họp chuẩn bị hội nghị");
  await browser.keys("Escape");
  const ask = await byTest("ask-discard");
  await ask.waitForDisplayed({ timeout: 5_000 });
  // Escape again keeps the form as typed.
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await ask.isExisting()), { timeout: 5_000 });
  assert.equal(await box.getValue(), "Họp chuẩn bị hội nghị");
  await browser.keys("Escape");
  await (await byTest("ask-discard-yes")).click();
  await (await byTest("new-meeting-open")).waitForDisplayed({ timeout: 5_000 });

  // The proposals: Tab cycles inside them, Escape closes them.
  await newMeeting("Họp thử phím");
  await focus("conclusions-new");
  await type("Giao Văn phòng Sở tổng hợp báo cáo.");
  await browser.keys("Enter");
  await (await byTest("extract-open")).click();
  const panel = await byTest("extract-panel");
  await panel.waitForDisplayed({ timeout: 5_000 });
  for (let i = 0; i < 30; i++) {
    await browser.keys("Tab");
    const inside = await browser.execute(() => !!document.activeElement?.closest('[data-testid="extract-panel"]'));
    assert.ok(inside, `Tab ${i + 1} stays in the proposals`);
  }
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await panel.isExisting()), { timeout: 5_000, timeoutMsg: "Escape closes the proposals" });
  const focused = await browser.execute(() => document.activeElement?.dataset.testid);
  assert.equal(focused, "extract-open");
});

test("the indicator tells the truth, and the chair and secretary cannot be marked absent", { timeout: 240_000 }, async () => {
  const db = await launch();
  const title = "Giao ban thử chỉ báo";
  await newMeeting(title);
  // A refused end time: not "Đã lưu" until corrected.
  const ends = await focus("edit-ends");
  await type("06:00 05/12/2026");
  await (await byTest("header-problem")).waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => (await status()) === "unsaved", { timeout: 5_000, timeoutMsg: "a refused end time is not saved" });
  assert.match(await (await byTest("save-state")).getText(), /^Chưa lưu/);
  // Half typed: still not saved; a title changed meanwhile is stored all the same.
  await browser.keys(["Control", "a"]);
  await type("11:0");
  assert.equal(await status(), "unsaved");
  await focus("edit-title");
  await browser.keys("End");
  await type(" (sửa)");
  const renamed = () => JSON.parse(giaoban(db, "meetings", "list", "--limit", "0", "--json")).some((x) => x.title === `${title} (sửa)`);
  await browser.waitUntil(renamed, { timeout: 10_000, timeoutMsg: "the title is stored while a time is half typed" });
  assert.equal(await status(), "unsaved");
  // Ending now says what is wrong with the time, not the disk.
  await (await byTest("end-meeting")).click();
  await browser.waitUntil(async () => /Chưa kết thúc được cuộc họp/.test(await (await browser.$("main")).getText()), { timeout: 5_000 });
  await focus("edit-ends");
  await browser.keys("End");
  await type("0 05/12/2026");
  await saved();
  assert.equal(stored(db, `${title} (sửa)`).ends_at, "2026-12-05T04:00:00Z");
  assert.equal(await ends.getValue(), "11:00 05/12/2026");

  const named = `${title} (sửa)`;
  // Someone marked absent, then chosen as chair: refused by name until marked present,
  // then stored without retyping anything.
  const m = stored(db, named);
  const people = JSON.parse(giaoban(db, "people", "list", "--json"));
  const chair = people.at(-1);
  await focus("add-attendee");
  await type(chair.full_name);
  await browser.keys("Enter");
  const list = await byTest("attendance");
  await browser.waitUntil(async () => (await list.getText()).includes(chair.full_name), { timeout: 10_000 });
  const seat = await list.$(`.//tr[td[contains(., '${chair.full_name}')]]`);
  await (await seat.$("td")).click();
  await browser.keys("v");
  await browser.waitUntil(async () => (await seat.getAttribute("data-attendance")) === "absent", { timeout: 5_000 });
  await focus("edit-chair");
  await browser.keys(["Control", "a"]);
  await type(chair.full_name);
  await browser.keys("Enter");
  await browser.waitUntil(async () => (await status()) === "unsaved", { timeout: 5_000, timeoutMsg: "an absent chair is refused" });
  assert.match(await (await byTest("header-problem")).getText(), /chủ trì không thể vắng mặt/);
  await (await seat.$("td")).click();
  await browser.keys("c");
  await saved();
  assert.equal(stored(db, named).chair_id, chair.id);
  // The secretary chosen in the header, then present in the list: absence is refused.
  const clerk = people.find((p) => p.id !== chair.id && p.id !== m.chair_id);
  await focus("edit-secretary");
  await browser.keys(["Control", "a"]);
  await type(clerk.full_name);
  await browser.keys("Enter");
  await saved();
  assert.equal(stored(db, named).secretary_id, clerk.id);
  await focus("add-attendee");
  await type(clerk.full_name);
  await browser.keys("Enter");
  const attendance = await byTest("attendance");
  await browser.waitUntil(async () => (await attendance.getText()).includes(clerk.full_name), { timeout: 10_000 });
  const row = await attendance.$(`.//tr[td[contains(., '${clerk.full_name}')]]`);
  assert.match(await row.getText(), /thư ký/);
  const absent = await row.$(".//button[contains(., 'V ·')]");
  assert.equal(await absent.isEnabled(), false);
  await (await row.$("td")).click();
  await browser.keys("v");
  await saved();
  const a = stored(db, named).attendees.find((x) => x.person_id === clerk.id);
  assert.equal(a.attendance, "present");
});
