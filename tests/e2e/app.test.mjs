// End-to-end journeys in the real Giao Ban window: tauri-driver + WebKitWebDriver, driven
// by WebdriverIO. Run under a display (the test command starts Xvfb). Each journey gets a
// fresh data folder; screenshots go to tests/e2e/screenshots/ (git-ignored).
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, openSync, writeSync, closeSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cli, freshDatabase, root, start, stop } from "./driver.mjs";

const shots = path.join(root, "tests/e2e/screenshots");
mkdirSync(shots, { recursive: true });

let session;
let browser;

/**
 * Starts the app on a new data folder; `sample` fills it with the CLI's sample data first,
 * and `prepare(db)` may change the file before the app opens it.
 */
async function launch({ sample, prepare }) {
  const db = freshDatabase();
  if (sample) execFileSync(cli, ["--db", db, "demo", "--meetings", "80", "--directives-per-meeting", "6"]);
  prepare?.(db);
  session = await start(db);
  browser = session.browser;
  return db;
}

afterEach(async () => {
  if (session) await stop(session);
  session = undefined;
  browser = undefined;
});

const byTest = (id) => browser.$(`[data-testid="${id}"]`);
/** Opens a list row or result from the keyboard: focus it, press Enter. `find` gives the
 *  element; a list drawn again between finding and focusing it has it found again. */
async function openRow(find) {
  await browser.waitUntil(
    async () => {
      try {
        await browser.execute((e) => { e.scrollIntoView(); e.focus(); }, await find());
        return true;
      } catch (e) {
        if (/stale element|was not found|no such element/i.test(String(e))) return false;
        throw e;
      }
    },
    { timeout: 10_000, timeoutMsg: "the row could not be focused" },
  );
  await browser.keys("Enter");
}
const shot = (name) => browser.saveScreenshot(path.join(shots, `${name}.png`));
async function openPage(id) {
  await browser.$(`nav button[data-page="${id}"]`).click();
}

test("first launch offers sample data and shows the dashboard", { timeout: 180_000 }, async () => {
  await launch({ sample: false });
  const start = await byTest("start-sample");
  await start.waitForDisplayed({ timeout: 20_000 });
  await shot("01-first-launch");
  await start.click();
  const table = await byTest("unit-stats");
  await table.waitForDisplayed({ timeout: 60_000 });
  const text = await table.getText();
  assert.match(text, /Phòng Thông tin - Báo chí - Xuất bản/);
  assert.match(text, /Tổng cộng/);
  const cards = await (await byTest("dashboard-cards")).getText();
  assert.match(cards, /HT đúng hạn/);
  await browser.waitUntil(async () => !(await (await byTest("dashboard-cards")).getText()).includes("…"), { timeout: 20_000 });
  await shot("02-dashboard");
});

test("a secretary adds a unit and a person", { timeout: 120_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="directory"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("directory");
  await (await byTest("add-unit")).click();
  await (await byTest("unit-name")).setValue("Phòng Pháp chế");
  await (await byTest("unit-code")).setValue("PC");
  await (await byTest("unit-save")).click();
  await browser.waitUntil(async () => (await (await byTest("unit-list")).getText()).includes("Phòng Pháp chế"), { timeout: 10_000 });

  await browser.$("button=Cán bộ").click();
  await (await byTest("add-person")).click();
  await (await byTest("person-name")).setValue("Lò Thị Hoa");
  await (await byTest("person-title")).setValue("Chuyên viên");
  await (await byTest("person-unit")).selectByVisibleText("Phòng Pháp chế");
  await (await byTest("person-save")).click();
  await browser.waitUntil(async () => (await (await byTest("person-list")).getText()).includes("Lò Thị Hoa"), { timeout: 10_000 });
  const row = await browser.$("tr*=Lò Thị Hoa").getText();
  assert.match(row, /Phòng Pháp chế/);
  await shot("03-person-added");
});

test("a meeting is found by its title typed without diacritics", { timeout: 120_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="meetings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("meetings");
  await (await byTest("meeting-search")).setValue("giao ban thang");
  const list = await byTest("meeting-list");
  // Every listed title holds the three words, written with diacritics.
  await browser.waitUntil(async () => {
    const rows = await list.$$("tbody tr").map((r) => r.getText());
    return rows.some((t) => t.includes("Giao ban tháng")) && rows.every((t) => /Giao ban/.test(t) && /tháng/.test(t));
  }, { timeout: 10_000, timeoutMsg: "typing “giao ban thang” should list the “Giao ban … tháng …” meetings" });
  await shot("04-meeting-search");
  // Open it from the keyboard: focus the row, press Enter.
  await openRow(async () => (await byTest("meeting-list")).$("tr*=Giao ban tháng"));
  const heading = await byTest("meeting-title");
  await heading.waitForDisplayed({ timeout: 10_000 });
  assert.match(await heading.getText(), /^Giao ban tháng \d+\/\d{4}$/);
  assert.ok((await (await byTest("conclusions")).$$("li").length) > 0, "the meeting shows its conclusions");
  await shot("05-meeting-detail");
});

test("bad input shows the error and keeps the data", { timeout: 120_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="directory"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("directory");
  const list = await byTest("unit-list");
  await list.waitForDisplayed();
  const before = await list.$$("tbody tr").length;

  await (await byTest("add-unit")).click();
  await (await byTest("unit-save")).click();
  const alert = await browser.$('[role="alert"]');
  await alert.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await alert.getText(), "Chưa nhập tên.");
  assert.equal(await (await byTest("unit-name")).getAttribute("aria-invalid"), "true");

  // Typed once the form has settled after telling the error (the driver once failed to
  // type into a field still being redrawn).
  for (const [id, text] of [["unit-name", "Văn phòng thứ hai"], ["unit-code", "vp"]]) {
    const field = await byTest(id);
    await field.waitForClickable({ timeout: 10_000 });
    await field.setValue(text);
  }
  await (await byTest("unit-save")).click();
  await browser.waitUntil(async () => (await alert.getText()).includes("đã được dùng"), { timeout: 10_000 });
  await shot("06-bad-input");
  assert.equal(await list.$$("tbody tr").length, before, "no unit was added");
});

test("search typed without accents finds and opens a meeting", { timeout: 120_000 }, async () => {
  await launch({ sample: true });
  const box = await byTest("search-box");
  await box.waitForDisplayed({ timeout: 20_000 });
  await box.setValue("hoi nghi trien khai");
  const results = await byTest("search-results");
  const hit = await results.$("button*=Hội nghị triển khai nhiệm vụ năm");
  await hit.waitForDisplayed({ timeout: 10_000 });
  assert.match(await results.getText(), /Cuộc họp/);
  assert.ok((await results.$$("mark").length) > 0, "matches are highlighted in the original text");
  await shot("07-search");
  await openRow(async () => (await byTest("search-results")).$("button*=Hội nghị triển khai nhiệm vụ năm"));
  const heading = await byTest("meeting-title");
  await heading.waitForDisplayed({ timeout: 10_000 });
  assert.match(await heading.getText(), /^Hội nghị triển khai nhiệm vụ năm \d{4}$/);
});

test("directives split from a pasted conclusion are reviewed and created", { timeout: 180_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="meetings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("meetings");
  const first = await (await byTest("meeting-list")).$("tbody tr.clickable");
  await first.waitForExist({ timeout: 10_000 });
  await openRow(async () => (await byTest("meeting-list")).$("tbody tr.clickable"));
  const given = await byTest("meeting-directives");
  await given.waitForDisplayed({ timeout: 10_000 });
  const before = await given.$$("tbody tr").length;

  await (await byTest("extract-open")).click();
  const source = await byTest("extract-source");
  await source.waitForDisplayed();
  // Pasted, as a secretary does (typing through WebDriver would drop the line breaks).
  const pasted =
    "Kết luận:\n1. Giao Phòng KHTC chủ trì, phối hợp với Văn phòng Sở lập dự toán kinh phí, xong trước 30/6/2099.\n" +
    "2. Đề nghị các phòng, đơn vị rà soát hồ sơ lưu trữ.\n3. Thanh tra Sở kiểm tra bản quyền phần mềm trong quý III.\n" +
    "4. Cơ bản thống nhất với báo cáo của Văn phòng Sở.";
  await browser.execute((el, text) => {
    el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, source, pasted);
  await source.click();
  await browser.keys(["Control", "Enter"]);
  const table = await byTest("extract-table");
  await table.waitForDisplayed({ timeout: 10_000 });
  const rows = await table.$$('[data-testid="extract-row"]');
  // The fourth line gives no directive: it is shown as not one, unticked, never dropped.
  assert.equal(rows.length, 4);
  assert.equal(await (await rows[3].$('[data-testid="extract-not-task"]')).isDisplayed(), true);
  assert.equal(await (await rows[3].$('input[type="checkbox"]')).isSelected(), false);
  assert.equal(await (await rows[3].$("textarea")).getValue(), "Cơ bản thống nhất với báo cáo của Văn phòng Sở.");
  assert.equal(await (await byTest("extract-create")).getText(), "Tạo 3 nhiệm vụ");
  const leadOf = async (row) => (await row.$('[data-testid="extract-lead"]')).getValue();
  assert.equal(await leadOf(rows[0]), "Phòng Kế hoạch - Tài chính");
  assert.match(await rows[0].getText(), /Văn phòng/);
  assert.equal(await (await rows[0].$('[data-testid="extract-deadline-date"]')).getText(), "→ 30/06/2099");
  assert.equal(await leadOf(rows[1]), "", "a group of units is not one unit: the secretary picks");
  assert.match(await rows[1].getText(), /Văn bản ghi: các phòng, đơn vị/);
  assert.equal(await leadOf(rows[2]), "Thanh tra Sở");
  await browser.execute((el) => el.scrollIntoView(), table);
  await shot("08-extract-proposals");

  // A deadline that cannot be read stays visibly unresolved and blocks creation.
  const deadline = await rows[2].$('[data-testid="extract-deadline"]');
  await deadline.setValue("khi nào xong");
  await browser.waitUntil(async () => (await rows[2].getText()).includes("Chưa hiểu thời hạn này"), { timeout: 10_000 });
  // The lead is picked by its initials: `vp` finds Văn phòng Sở.
  await (await rows[1].$('[data-testid="extract-lead"]')).click();
  await browser.keys("vp");
  await browser.keys("Enter");
  assert.equal(await leadOf(rows[1]), "Văn phòng Sở");
  await (await byTest("extract-create")).click();
  await browser.waitUntil(async () => (await rows[2].getText()).includes("Sửa thời hạn chưa rõ"), { timeout: 10_000 });
  assert.equal(await given.$$("tbody tr").length, before, "nothing was created");

  await deadline.setValue("cuối năm");
  await browser.waitUntil(async () => /→ 31\/12\/\d{4}/.test(await rows[2].getText()), { timeout: 10_000 });
  await (await byTest("extract-create")).click();
  const done = await byTest("extract-created");
  await done.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await done.getText(), "Đã tạo 3 nhiệm vụ.");
  const after = await byTest("meeting-directives");
  await browser.waitUntil(async () => (await after.$$("tbody tr").length) === before + 3, { timeout: 10_000 });
  assert.match(await after.getText(), /Lập dự toán kinh phí/);
  await browser.execute((el) => el.scrollIntoView(), after);
  await shot("09-extract-created");
});

test("a backup made in the app is restored, and the change after it is gone", { timeout: 180_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="settings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("settings");
  await (await byTest("backup-now")).click();
  const note = await byTest("backup-note");
  await note.waitForDisplayed({ timeout: 20_000 });
  assert.match(await note.getText(), /Đã sao lưu và kiểm tra/);
  const list = await byTest("backup-list");
  assert.match(await list.getText(), /Sao lưu thủ công/);

  await openPage("directory");
  await (await byTest("add-unit")).click();
  await (await byTest("unit-name")).setValue("Phòng Thử nghiệm sao lưu");
  await (await byTest("unit-save")).click();
  const units = await byTest("unit-list");
  await browser.waitUntil(async () => (await units.getText()).includes("Phòng Thử nghiệm sao lưu"), { timeout: 10_000 });

  await openPage("settings");
  const row = await (await byTest("backup-list")).$("tr*=Sao lưu thủ công");
  const restore = await row.$('[data-testid="backup-restore"]');
  await restore.click();
  assert.equal(await restore.getText(), "Bấm lần nữa để khôi phục", "restore asks once more");
  await shot("10-backup-restore");
  await restore.click();
  // The window reloads on the restored database.
  await browser.waitUntil(async () => {
    try {
      await openPage("directory");
      const text = await (await byTest("unit-list")).getText();
      return text.includes("Văn phòng Sở") && !text.includes("Phòng Thử nghiệm sao lưu");
    } catch {
      return false;
    }
  }, { timeout: 20_000, timeoutMsg: "after the restore the unit added later should be gone" });
  await openPage("settings");
  await browser.waitUntil(async () => /Trước khi khôi phục/.test(await (await byTest("backup-list")).getText()), {
    timeout: 10_000,
    timeoutMsg: "the state before the restore is kept as a backup",
  });
});

test("a day off the office announces in Cài đặt is skipped by working-day deadlines", { timeout: 120_000 }, async () => {
  const db = await launch({ sample: true });
  await (await browser.$('nav button[data-page="settings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("settings");
  const input = await byTest("day-off-input");
  await input.waitForDisplayed({ timeout: 10_000 });
  await input.setValue("31/02/2099");
  await (await byTest("day-off-add")).click();
  const alert = await browser.$('[role="alert"]');
  await alert.waitForDisplayed({ timeout: 10_000 });
  assert.match(await alert.getText(), /không phải một ngày/);
  for (const day of ["01/06/2099", "02/09/2099"]) {
    await input.setValue(day);
    await (await byTest("day-off-add")).click();
    await browser.waitUntil(async () => (await input.getValue()) === "", { timeout: 10_000, timeoutMsg: `${day} was not added` });
  }
  const list = await byTest("days-off");
  assert.match(await list.getText(), /01\/06\/2099 \(Thứ Hai\)/);
  await browser.execute((el) => el.scrollIntoView(), list);
  await shot("10b-days-off");
  // The core reads them: one working day after Friday 29/05/2099 is Tuesday 02/06, not Monday.
  const said = execFileSync(cli, ["--db", db, "extract", "--json", "--date", "29/05/2099"], {
    input: "Kết luận: giao Văn phòng Sở gửi báo cáo trong 1 ngày làm việc.",
    encoding: "utf8",
  });
  assert.equal(JSON.parse(said).directives[0].deadline, "2099-06-02");
  // Removed, it is a working day again (the list is read back after a reload).
  await (await list.$('button[aria-label="Bỏ ngày nghỉ 01/06/2099"]')).click();
  await browser.waitUntil(async () => !(await list.getText()).includes("01/06/2099"), { timeout: 10_000 });
  await browser.refresh();
  await (await browser.$('nav button[data-page="settings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("settings");
  const kept = await byTest("days-off");
  await kept.waitForDisplayed({ timeout: 10_000 });
  assert.equal((await kept.getText()).includes("01/06/2099"), false);
  assert.match(await kept.getText(), /02\/09\/2099/);
});

test("a damaged database at start is moved aside and a backup restores the office", { timeout: 180_000 }, async () => {
  let aside;
  await launch({
    sample: true,
    prepare: (db) => {
      execFileSync(cli, ["--db", db, "backup"]);
      // A few bytes overwritten in the middle: the header of page 2 (the settings table).
      const fd = openSync(db, "r+");
      writeSync(fd, Buffer.from([0xff, 0x00, 0x13, 0x37, 0xff, 0xff, 0x00, 0x07]), 0, 8, 4096);
      closeSync(fd);
      aside = db;
    },
  });
  const message = await byTest("recovery-message");
  await message.waitForDisplayed({ timeout: 20_000 });
  assert.match(await message.getText(), /bị hỏng nên chưa được mở/);
  assert.ok(!existsSync(aside), "the damaged file was moved aside, not opened");
  await shot("11-recovery");
  const restore = await (await byTest("backup-list")).$('[data-testid="backup-restore"]');
  await restore.click();
  await restore.click();
  const table = await byTest("unit-stats");
  await table.waitForDisplayed({ timeout: 20_000 });
  assert.ok((await table.$$("tbody tr").length) > 3, "the dashboard shows the restored office");
});

test("the change history shows who changed a unit, and exports it for Excel", { timeout: 120_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="directory"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("directory");
  await (await byTest("add-unit")).click();
  await (await byTest("unit-name")).setValue("Phòng Pháp chế");
  await (await byTest("unit-save")).click();
  await browser.waitUntil(async () => (await (await byTest("unit-list")).getText()).includes("Phòng Pháp chế"), { timeout: 10_000 });

  await openPage("history");
  await (await byTest("history-kind")).selectByVisibleText("Đơn vị");
  const list = await byTest("history-list");
  await browser.waitUntil(async () => (await list.getText()).includes("Phòng Pháp chế"), { timeout: 10_000 });
  const row = await list.$("tr*=Phòng Pháp chế");
  assert.match(await row.getText(), /Tạo mới/);
  assert.match(await row.getText(), /Tên: Phòng Pháp chế/);
  assert.doesNotMatch(await row.getText(), /origin|created_at/, "bookkeeping fields are not shown");
  assert.ok(!(await list.getText()).includes("Cuộc họp"), "filtered to units");
  await shot("12-history");

  await (await byTest("history-export")).click();
  const done = await byTest("history-exported");
  await done.waitForDisplayed({ timeout: 10_000 });
  const file = (await done.getText()).replace(/^Đã xuất: /, "");
  const csv = readFileSync(file, "utf8");
  assert.ok(csv.startsWith("\ufeffThời điểm,Người thực hiện"), "CSV with BOM for Excel");
  assert.match(csv, /"Phòng Pháp chế"/);
});

test("a secretary issues the minutes and the notice, and exports the reports", { timeout: 180_000 }, async () => {
  await launch({ sample: true });
  await (await browser.$('nav button[data-page="meetings"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("meetings");
  const first = await (await byTest("meeting-list")).$("tbody tr.clickable");
  await first.waitForExist({ timeout: 10_000 });
  await openRow(async () => (await byTest("meeting-list")).$("tbody tr.clickable"));
  const written = async (id) => {
    await (await byTest(id)).click();
    const done = await byTest(`${id}-result`);
    await done.waitForDisplayed({ timeout: 20_000 });
    return done.getText();
  };
  const minutes = await written("export-minutes");
  assert.match(minutes, /^Đã xuất văn bản số 01\/BB-STTTT: .*Biên bản - .*\.docx$/);
  const file = minutes.slice(minutes.indexOf(": ") + 2);
  assert.equal(readFileSync(file).subarray(0, 2).toString(), "PK", "a DOCX (zip) file");
  assert.match(await written("export-notice"), /^Đã xuất văn bản số 01\/TB-STTTT: .*Thông báo kết luận - .*\.docx$/);
  assert.match(await written("export-minutes"), /số 01\/BB-STTTT/, "issuing again keeps the number");
  // A printable PDF through LibreOffice (installed by the test set-up).
  const printed = await written("print-notice");
  assert.match(printed, /số 01\/TB-STTTT: .*\.pdf$/);
  assert.equal(readFileSync(printed.slice(printed.indexOf(": ") + 2)).subarray(0, 5).toString(), "%PDF-");
  // The print preview shows its pages in the window, with "In"; Esc closes it.
  const preview = await byTest("print-preview");
  await preview.waitForDisplayed({ timeout: 20_000 });
  const pages = await byTest("print-pages");
  await browser.waitUntil(async () => /^\d+ trang$/.test(await pages.getText()), { timeout: 20_000, timeoutMsg: "the pages are drawn" });
  const drawn = await preview.$$("img");
  assert.ok(drawn.length >= 1, "at least one page");
  assert.ok(await browser.execute((img) => img.naturalWidth > 1000 && img.naturalHeight > img.naturalWidth, drawn[0]), "an A4 page, upright, at print resolution");
  assert.equal(await (await byTest("print-go")).isEnabled(), true);
  await shot("14-print-preview");
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await preview.isExisting()), { timeout: 5_000 });
  // The secretary corrects the minutes' number; it is shown and used from then on.
  const numbers = await byTest("document-numbers");
  await browser.waitUntil(async () => (await numbers.getText()).includes("01/TB-STTTT"), { timeout: 10_000 });
  await (await byTest("number-minutes-edit")).click();
  const field = await byTest("number-minutes");
  await field.click();
  await browser.keys(["Control", "a"]);
  await browser.keys(["7"]);
  await (await byTest("number-minutes-save")).click();
  await browser.waitUntil(async () => (await numbers.getText()).includes("07/BB-STTTT"), { timeout: 10_000 });
  assert.match(await written("export-minutes"), /số 07\/BB-STTTT/);
  await shot("13-documents");
  await openPage("reports");
  assert.match(await written("export-report-docx"), /^Đã xuất văn bản số 01\/BC-STTTT: .*Báo cáo tình hình thực hiện nhiệm vụ - .*\.docx$/);

  // The secretary starts a meeting (the sample data holds none under way on a weekend or a
  // holiday), then leaves it for Cài đặt: saving the settings (which shows "Đã lưu." once
  // the app's status is read again) stays there; only a restart goes back to the meeting
  // being typed.
  await openPage("meetings");
  await (await byTest("new-meeting-open")).click();
  await (await byTest("new-title")).waitForDisplayed({ timeout: 10_000 });
  await (await byTest("new-start")).click();
  await (await byTest("minutes-body")).waitForDisplayed({ timeout: 10_000 });
  // Without a place name the documents cannot be issued, and the message says what to add.
  await openPage("settings");
  const place = await byTest("office-place");
  await place.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await (await browser.$("button=Lưu")).click();
  await (await browser.$(".muted=Đã lưu.")).waitForDisplayed({ timeout: 10_000 });
  assert.equal(await (await byTest("office-place")).isDisplayed(), true, "still on Cài đặt after saving");
  await openPage("reports");
  assert.match(await written("export-report"), /Phụ lục tình hình thực hiện nhiệm vụ - .*\.xlsx$/);

  await openPage("directives");
  const csv = await written("export-directives-csv");
  const csvFile = csv.slice(csv.indexOf(": ") + 2);
  assert.ok(readFileSync(csvFile, "utf8").startsWith("\ufeff\"TT\",\"Nội dung nhiệm vụ\""), "CSV with BOM");
  await openPage("meetings");
  const again = await (await byTest("meeting-list")).$("tbody tr.clickable");
  await again.waitForExist({ timeout: 10_000 });
  await openRow(async () => (await byTest("meeting-list")).$("tbody tr.clickable"));
  await (await byTest("export-notice")).click();
  const refused = await byTest("export-notice-error");
  await refused.waitForDisplayed({ timeout: 10_000 });
  assert.match(await refused.getText(), /Chưa khai báo thông tin cơ quan để in văn bản: địa danh/);
});

test("a leader extends an overdue directive, then follows it to confirmed completion", { timeout: 180_000 }, async () => {
  const db = await launch({ sample: true });
  await (await browser.$('nav button[data-page="directives"]')).waitForDisplayed({ timeout: 20_000 });
  await openPage("directives");
  await (await byTest("directive-view")).selectByVisibleText("Quá hạn");
  const list = await byTest("directive-list");
  // The overdue view has arrived when every row is overdue.
  await browser.waitUntil(async () => {
    const rows = await list.$$("tbody tr.clickable").map((r) => r.getText());
    return rows.length > 0 && rows.every((t) => /Quá hạn/.test(t));
  }, { timeout: 10_000 });
  // The leader clicks the first overdue directive.
  const row = await list.$("tbody tr.clickable");
  await browser.execute((el) => { el.scrollIntoView(); el.click(); }, row);
  const bucket = await byTest("directive-bucket");
  await bucket.waitForDisplayed({ timeout: 10_000 });
  assert.match(await bucket.getText(), /Quá hạn/);

  // Extend to 30 days from now: the directive is within its (approved) deadline again.
  const later = new Date(Date.now() + 30 * 86_400_000 + 7 * 3_600_000);
  const dd = (n) => String(n).padStart(2, "0");
  const typed = `${dd(later.getUTCDate())}/${dd(later.getUTCMonth() + 1)}/${later.getUTCFullYear()}`;
  await (await byTest("extend-date")).setValue(typed);
  await (await byTest("extend-reason")).setValue("Chờ ý kiến của UBND tỉnh");
  await (await byTest("extend-save")).click();
  await browser.waitUntil(async () => /Trong hạn/.test(await bucket.getText()), { timeout: 10_000, timeoutMsg: "the bucket follows the approved deadline" });
  assert.match(await (await byTest("directive-deadline")).getText(), new RegExp(`${typed}.*hạn đầu`));

  await (await byTest("progress-percent")).setValue("60");
  await (await byTest("progress-note")).setValue("Đã hoàn thành dự thảo");
  // The draft goes with the report, as a file.
  const draft = path.join(path.dirname(db), "du-thao-ke-hoach.txt");
  writeFileSync(draft, "Dự thảo kế hoạch chuyển đổi số năm 2027\n");
  await (await byTest("progress-files")).setValue(draft);
  await (await byTest("progress-save")).click();
  const timeline = await byTest("directive-timeline");
  await browser.waitUntil(async () => /báo cáo tiến độ 60%: Đã hoàn thành dự thảo/.test(await timeline.getText()), { timeout: 10_000 });
  assert.match(await timeline.getText(), /gia hạn từ .* đến /);
  // The file is listed with the report, and saved to Downloads as it was sent.
  const file = await timeline.$("button*=du-thao-ke-hoach.txt");
  await file.click();
  const saved = await timeline.$('[role="status"]');
  await saved.waitForDisplayed({ timeout: 10_000 });
  const savedPath = (await saved.getText()).replace(/^[^:]*: /, "");
  assert.equal(readFileSync(savedPath, "utf8"), "Dự thảo kế hoạch chuyển đổi số năm 2027\n");

  await (await byTest("report-done")).click();
  const status = await byTest("directive-status");
  await browser.waitUntil(async () => (await status.getText()) === "Chờ xác nhận", { timeout: 10_000 });
  await (await byTest("confirm-done")).click();
  await browser.waitUntil(async () => (await status.getText()) === "Đã hoàn thành", { timeout: 10_000 });
  assert.match(await bucket.getText(), /HT đúng hạn/, "done before the approved deadline");
  assert.match(await timeline.getText(), /Chờ xác nhận → Đã hoàn thành/);
  await shot("14-directive-followed");
});

test("a leader clicks a count and a bar on the dashboard and lands on exactly those directives", { timeout: 180_000 }, async () => {
  const db = await launch({ sample: true });
  const cards = await byTest("dashboard-cards");
  await cards.waitForDisplayed({ timeout: 30_000 });
  await (await byTest("dashboard-period")).selectByVisibleText("Toàn bộ");
  // The overdue card: its number is the list's total, and every row is overdue.
  const overdueCard = await byTest("card-open_overdue");
  await browser.waitUntil(async () => (await overdueCard.getText()) !== "", { timeout: 10_000 });
  const stats = JSON.parse(execFileSync(cli, ["--db", db, "stats", "units", "--json"], { encoding: "utf8" }));
  await browser.waitUntil(async () => (await overdueCard.getText()).startsWith(String(stats.totals.open_overdue)), { timeout: 10_000, timeoutMsg: "the card shows the CLI's count" });
  await shot("15-dashboard");
  await overdueCard.click();
  const total = await byTest("directive-total");
  await browser.waitUntil(async () => (await total.getText()).startsWith(`${stats.totals.open_overdue} nhiệm vụ`), { timeout: 10_000, timeoutMsg: "the list holds the card's count" });
  const rows = await (await byTest("directive-list")).$$("tbody tr.clickable");
  assert.ok(rows.length > 0);
  const textOf = (el) => browser.execute((e) => e.textContent, el);
  for (const r of rows.slice(0, 10)) assert.match(await textOf(r), /Quá hạn/);

  // The unit chart: click the overdue part of the first unit's bar.
  await openPage("dashboard");
  await (await byTest("dashboard-period")).selectByVisibleText("Toàn bộ");
  const chart = await byTest("chart-units");
  await chart.waitForDisplayed({ timeout: 10_000 });
  await browser.waitUntil(async () => browser.execute((c) => c.querySelectorAll(".bar").length > 0, chart), { timeout: 10_000 });
  // Every unit is named on the axis, whole and inside the chart: none skipped or cut.
  const named = await browser.execute((c) => {
    const box = c.getBoundingClientRect();
    const names = [...c.querySelectorAll(".name")];
    return [names.length, Number(c.dataset.rows), names.filter((t) => t.getBoundingClientRect().left < box.left - 0.5).length];
  }, chart);
  assert.equal(named[0], named[1], `every bar has its unit's name: ${named}`);
  assert.equal(named[2], 0, "no name runs off the chart");
  const bar = await browser.execute((c) => {
    c.scrollIntoView({ block: "center" });
    const r = c.querySelector('.bar[data-bucket="open_overdue"]');
    const i = r.dataset.row;
    const b = r.getBoundingClientRect();
    // A long unit name is drawn whole, on as many lines as it needs.
    const unit = c.querySelector(`.name[data-row="${i}"]`).textContent.trim();
    return { unit, count: Number(r.dataset.count), x: Math.round(b.left + b.width / 2), y: Math.round(b.top + b.height / 2) };
  }, chart);
  // A real pointer click where the bar is drawn (viewport coordinates).
  await browser.performActions([{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [
    { type: "pointerMove", origin: "viewport", x: bar.x, y: bar.y, duration: 0 },
    { type: "pointerDown", button: 0 },
    { type: "pointerUp", button: 0 },
  ] }]);
  await browser.releaseActions();
  await browser.waitUntil(async () => (await total.isExisting()) && (await total.getText()).startsWith(`${bar.count} nhiệm vụ`), { timeout: 10_000, timeoutMsg: `the bar of ${bar.unit} holds ${bar.count}` });
  const unitRow = stats.rows.find((r) => r.unit === bar.unit);
  assert.equal(unitRow.open_overdue, bar.count, "the bar is the CLI's count");
  const listed = await (await byTest("directive-list")).$$("tbody tr.clickable");
  for (const r of listed.slice(0, 5)) assert.match(await textOf(r), new RegExp(`${bar.unit}.*Quá hạn`));

  // Filters by words without diacritics, saved as a named view and brought back.
  await openPage("directives");
  await (await byTest("directive-text")).setValue("chuyen doi so");
  await browser.waitUntil(async () => /^\d+ nhiệm vụ/.test(await total.getText()), { timeout: 10_000 });
  const found = Number((await total.getText()).split(" ")[0]);
  assert.ok(found > 0, "words typed without diacritics find directives");
  await (await byTest("view-name")).setValue("Chuyển đổi số");
  await (await byTest("view-save")).click();
  // Saved once its button shows (the write answers), then found again from another visit.
  await (await byTest("view-Chuyển đổi số")).waitForExist({ timeout: 10_000 });
  await openPage("directives");
  await (await byTest("view-Chuyển đổi số")).click();
  await browser.waitUntil(async () => (await total.getText()).startsWith(`${found} nhiệm vụ`), { timeout: 10_000 });
  assert.equal(await (await byTest("directive-text")).getValue(), "chuyen doi so");
  await shot("16-directive-filters");

  // The whole list is virtualised: only the rows in view are in the page, down to the last.
  await openPage("directives");
  await browser.waitUntil(async () => /^\d+ nhiệm vụ/.test(await total.getText()), { timeout: 10_000 });
  const all = Number((await total.getText()).split(" ")[0]);
  assert.ok(all > 400, `more rows than one page: ${all}`);
  const shown = () => browser.execute(() => document.querySelectorAll('[data-testid="directive-list"] tbody tr.clickable').length);
  assert.ok((await shown()) < 60, "only the rows in view are drawn");
  await browser.execute(() => {
    const s = document.querySelector('[data-testid="directive-list"]').parentElement;
    s.scrollTop = s.scrollHeight;
  });
  await browser.waitUntil(async () => browser.execute((last) => {
    const rows = [...document.querySelectorAll('[data-testid="directive-list"] tbody tr')];
    return rows.some((r) => r.dataset.index === String(last)) && !rows.some((r) => r.classList.contains("loading"));
  }, all - 1), { timeout: 10_000, timeoutMsg: "the last rows arrive" });
  assert.ok((await shown()) < 60);
  await shot("17-directive-list-end");
});
