// Every list, search result and history line takes the user to the right record: lists are
// current after a change and come back where they were; Enter opens rows; search ranks a
// record's own name first, moves with ↑/↓ and opens exactly the record hit; the history
// reads in the user's language and names who did it; a bad percent says why; every page
// fits 1024×700 and 1920×1080 without cutting a label, name or button.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { cutIn, giaoban, journeys } from "./driver.mjs";

const w = journeys("navigation");
let browser;
async function launch(size = [1280, 820]) {
  const db = await w.launch(["--meetings", "60", "--directives-per-meeting", "5"], size);
  browser = w.browser;
  return db;
}
const { byTest, type, shot } = w;
const focused = () => browser.execute(() => document.activeElement?.dataset.testid ?? document.activeElement?.tagName);

/** The number in "N nhiệm vụ" once the list has counted. */
async function total() {
  const el = await byTest("directive-total");
  await browser.waitUntil(async () => /\d/.test(await el.getText()), { timeout: 10_000 });
  return Number((await el.getText()).match(/[\d.]+/)[0].replace(/\./g, ""));
}

test("the directive list is current after a change made on a directive, and comes back where it was", { timeout: 240_000 }, async () => {
  const db = await launch();
  await browser.keys(["Alt", "3"]);
  const filter = await byTest("directive-status-filter");
  await filter.waitForDisplayed({ timeout: 10_000 });
  await (await byTest("directive-row")).waitForExist({ timeout: 10_000 });
  const all = await total();
  // The status with more directives (how many are in each depends on the day the sample
  // is made for); reporting one done takes it out of either.
  const count = (s) => JSON.parse(giaoban(db, "directives", "list", "--status", s, "--limit", "0", "--json")).total;
  const status = count("in_progress") >= count("assigned") ? "in_progress" : "assigned";
  await filter.selectByAttribute("value", status);
  await browser.waitUntil(async () => (await total()) !== all, { timeout: 10_000, timeoutMsg: "the filter applies" });
  const before = await total();
  assert.ok(before > 12, `enough directives (${status}) to scroll: ${before}`);
  // Scroll the list a little, then open the sixth row from the keyboard.
  await browser.execute(() => (document.querySelector(".scroller").scrollTop = 3 * 58));
  const row = await browser.$('[data-testid="directive-row"][data-index="5"]');
  await row.waitForDisplayed({ timeout: 10_000 });
  const content = await browser.execute((e) => e.querySelector("td").textContent.trim(), row);
  await w.focusOn('[data-testid="directive-row"][data-index="5"]');
  await browser.keys("Enter");
  const title = await byTest("directive-title");
  await title.waitForDisplayed({ timeout: 10_000 });
  assert.equal((await title.getText()).trim(), content, "Enter opens the row");
  // Reported done, it leaves the status it was listed under.
  const shownBefore = await (await byTest("directive-status")).getText();
  await (await byTest("report-done")).click();
  await browser.waitUntil(async () => (await (await byTest("directive-status")).getText()) !== shownBefore, { timeout: 10_000 });
  await (await byTest("directive-back")).click();
  // The list is current (one fewer in progress), scrolled where it was, the row given back the keyboard.
  await browser.waitUntil(async () => (await total()) === before - 1, { timeout: 10_000, timeoutMsg: "the list counts the change" });
  const scrolled = () => browser.execute(() => document.querySelector(".scroller").scrollTop);
  await browser
    .waitUntil(async () => (await scrolled()) === 3 * 58 && (await focused()) === "directive-row", { timeout: 5_000 })
    .catch(async () => assert.fail(`back where it was, the row focused: scrolled ${await scrolled()}, focus on ${await focused()}`));
  const shown = await browser.execute(() => [...document.querySelectorAll('[data-testid="directive-row"] td:first-child')].map((td) => td.textContent.trim()));
  assert.ok(!shown.includes(content), `the changed directive left the list (${status})`);
  assert.equal(count(status), before - 1);
  // Alt+← from a directive opened in the list goes back to the list.
  await browser.keys("Enter");
  await (await byTest("directive-title")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "ArrowLeft"]);
  await (await byTest("directive-list")).waitForDisplayed({ timeout: 10_000 });
  assert.equal(await (await browser.$('nav button[aria-current="page"]')).getAttribute("data-page"), "directives");
  // Where it was, as with the back button.
  await browser.waitUntil(async () => (await focused()) === "directive-row", { timeout: 5_000, timeoutMsg: "the row has the keyboard again" });
  assert.equal(await browser.execute(() => document.querySelector(".scroller").scrollTop), 3 * 58);
});

test("search ranks the unit named first, moves with the arrows and opens exactly the record hit", { timeout: 240_000 }, async () => {
  const db = await launch();
  const box = await byTest("search-box");
  await box.click();
  await type("thong tin bao chi");
  const results = await byTest("search-results");
  await browser.waitUntil(async () => (await results.$$('[data-testid="search-hit"]')).length > 3, { timeout: 10_000 });
  const first = await results.$('[data-testid="search-hit"]');
  assert.equal(await first.getAttribute("data-group"), "units");
  assert.match(await first.getText(), /Phòng Thông tin - Báo chí - Xuất bản/);
  const text = await results.getText();
  assert.ok(!text.includes("**"), "snippets show text, not markup");
  // The CLI ranks the same way.
  const cli = JSON.parse(giaoban(db, "search", "thong tin bao chi", "--json"));
  assert.equal(cli.hits[0].group, "units");
  await shot("40-search-ranked");

  // ↓ from the box to the first hit, ↓ to the second, ↑ back; Enter opens the unit in Danh mục.
  await browser.keys("ArrowDown");
  assert.equal(await focused(), "search-hit");
  await browser.keys("ArrowDown");
  await browser.keys("ArrowUp");
  await browser.keys("Enter");
  const unitRow = await browser.$('tr[data-testid="unit-row"][aria-selected="true"]');
  await unitRow.waitForDisplayed({ timeout: 10_000 });
  assert.match(await unitRow.getText(), /Phòng Thông tin - Báo chí - Xuất bản/);
  assert.equal(await focused(), "unit-row");
  // Enter on the selected row opens its form.
  await browser.keys("Enter");
  await (await byTest("unit-form")).waitForDisplayed({ timeout: 5_000 });
  assert.equal(await (await byTest("unit-name")).getValue(), "Phòng Thông tin - Báo chí - Xuất bản");
  await browser.keys("Escape");
  await browser.waitUntil(async () => !(await (await byTest("unit-form")).isExisting()), { timeout: 5_000, timeoutMsg: "Escape closes the form" });

  // A directive hit opens that directive, not its meeting.
  const given = JSON.parse(giaoban(db, "directives", "list", "--limit", "1", "--json")).rows[0];
  const words = given.content.split(/\s+/).slice(0, 6).join(" ");
  const directive = JSON.parse(giaoban(db, "search", words, "--json")).hits.find((h) => h.group === "directives" && h.id === given.id);
  assert.ok(directive, `the directive is found by its words: ${words}`);
  assert.deepEqual(directive.open, { kind: "directive", id: given.id });
  await box.click();
  await browser.keys(["Control", "a"]);
  await type(words);
  await browser.waitUntil(async () => (await results.$$('[data-group="directives"]')).length > 0, { timeout: 10_000 });
  const hits = await results.$$('[data-group="directives"]');
  let opened = false;
  for (const h of hits) {
    if ((await h.$(".title").getText()) === given.content) {
      await h.click();
      opened = true;
      break;
    }
  }
  assert.ok(opened, "the directive is among the hits shown");
  const title = await byTest("directive-title");
  await title.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await title.getText(), given.content);
});

test("the history reads in Vietnamese and names the person who uses this machine", { timeout: 240_000 }, async () => {
  const db = await launch();
  // Asked once at start: who uses this machine.
  const ask = await byTest("machine-user");
  await ask.waitForDisplayed({ timeout: 10_000 });
  const person = JSON.parse(giaoban(db, "people", "list", "--json"))[0];
  await (await byTest("machine-user-pick")).click();
  await type(person.full_name);
  await browser.keys("Enter");
  await (await byTest("machine-user-save")).click();
  await browser.waitUntil(async () => !(await ask.isExisting()), { timeout: 10_000, timeoutMsg: "the question goes once answered" });

  // A change: a meeting started and closed, a conclusion added.
  await browser.keys(["Alt", "2"]);
  await (await byTest("new-meeting-open")).click();
  await (await byTest("new-start")).click();
  const box = await byTest("conclusions-new");
  await box.waitForDisplayed({ timeout: 30_000 });
  await box.click();
  await type("Giao Văn phòng Sở tổng hợp báo cáo tuần.");
  await browser.keys("Enter");
  await browser.waitUntil(async () => (await (await byTest("save-state")).getAttribute("data-status")) === "saved", { timeout: 10_000 });
  await (await byTest("end-meeting")).click();
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });

  await browser.keys(["Alt", "7"]);
  const list = await byTest("history-list");
  await list.waitForDisplayed({ timeout: 10_000 });
  const text = await list.getText();
  assert.ok(text.includes(person.full_name), "the history names the person chosen");
  assert.ok(!/in_progress|closed|\{"|signer_name|add_|\bitem\b|present|member/.test(text), `no raw values: ${text.slice(0, 600)}`);
  assert.match(text, /Đã kết thúc/);
  assert.match(text, /Giao Văn phòng Sở tổng hợp báo cáo tuần\./);
  await shot("41-history");
  const audit = JSON.parse(giaoban(db, "audit", "--json", "--limit", "5"));
  assert.ok(audit.some((r) => r.actor === person.full_name), "the database keeps the person's name");
  // Enter on a line opens its record: the meeting just closed.
  await w.focusOn('[data-testid="history-row"]');
  await browser.keys("Enter");
  await (await byTest("reopen-meeting")).waitForDisplayed({ timeout: 10_000 });
});

test("a bad percent says why in place, and an empty report is not saved", { timeout: 240_000 }, async () => {
  const db = await launch();
  await browser.keys(["Alt", "3"]);
  const row = await byTest("directive-row");
  await row.waitForDisplayed({ timeout: 10_000 });
  await (await row.$("td")).click();
  const pct = await byTest("progress-percent");
  await pct.waitForDisplayed({ timeout: 10_000 });
  // The progress reports in the database, as its history lists them (newest first).
  const progress = () => JSON.parse(giaoban(db, "audit", "--json", "--limit", "1000")).filter((r) => r.action === "progress");
  const reports = () => progress().length;
  const before = reports();
  for (const [typed, why] of [
    ["abc", /“abc” không phải là tỷ lệ/],
    ["-5", /“-5” không phải là tỷ lệ/],
    ["120", /“120” không phải là tỷ lệ/],
    ["", /Nhập tiến độ/],
    ["0", /Báo cáo 0% cần có nội dung/],
  ]) {
    await pct.click();
    await browser.keys(["Control", "a"]);
    await browser.keys("Backspace");
    if (typed) await type(typed);
    await (await byTest("progress-save")).click();
    const problem = await byTest("percent-problem");
    await problem.waitForDisplayed({ timeout: 5_000 });
    assert.match(await problem.getText(), why);
  }
  assert.equal(reports(), before, "nothing was saved");
  // "80%" reads as 80.
  await pct.click();
  await browser.keys(["Control", "a"]);
  await type("80%");
  await (await byTest("progress-save")).click();
  await browser.waitUntil(() => reports() === before + 1, { timeout: 10_000 });
  const percent = progress()[0].changes.find((c) => c.field === "percent");
  assert.equal(percent.new, "80");
  // Another form's number: a unit's order left empty says why and saves nothing.
  const units = () => JSON.parse(giaoban(db, "units", "list", "--all", "--json")).length;
  const count = units();
  await browser.keys(["Alt", "4"]);
  await (await byTest("add-unit")).click();
  await (await byTest("unit-name")).setValue("Ban thử số thứ tự");
  const sort = await byTest("unit-sort");
  await sort.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  await (await byTest("unit-save")).click();
  await browser.waitUntil(async () => /Thứ tự: hãy nhập một số nguyên/i.test(await (await browser.$("main")).getText()), { timeout: 5_000, timeoutMsg: "the empty order says why" });
  assert.equal(units(), count);
});

/** Labels, names, buttons and placeholders cut on the page shown. */
const cutTexts = () => cutIn(browser, "body", "label, button, th, h1, h2, nav a, .card .label, .title, input[type=text], input:not([type])");

for (const [w, h] of [
  [1024, 700],
  [1920, 1080],
]) {
  test(`every page at ${w}×${h} cuts no label, name or button, and the list keeps its content readable`, { timeout: 240_000 }, async () => {
    await launch([w, h]);
    const problems = {};
    for (const page of ["dashboard", "meetings", "directives", "directory", "reports", "exchange", "history", "settings"]) {
      await (await browser.$(`nav button[data-page="${page}"]`)).click();
      await (await browser.$(`nav button[data-page="${page}"][aria-current="page"]`)).waitForExist({ timeout: 10_000 });
      await (await browser.$("main h1")).waitForDisplayed({ timeout: 10_000 });
      if (page === "directives") await (await byTest("directive-row")).waitForDisplayed({ timeout: 10_000 });
      const cut = await cutTexts();
      if (cut.length) problems[page] = cut;
      await shot(`42-${page}-${w}x${h}`);
    }
    assert.deepEqual(problems, {});
    // The directive list: the content column keeps room for words, and rows are seen.
    await (await browser.$('nav button[data-page="directives"]')).click();
    await (await byTest("directive-row")).waitForDisplayed({ timeout: 10_000 });
    const layout = await browser.execute(() => {
      const cell = document.querySelector('[data-testid="directive-row"] td');
      const scroller = document.querySelector(".scroller");
      return { content: cell.getBoundingClientRect().width, rows: Math.floor(scroller.clientHeight / 58) };
    });
    assert.ok(layout.content >= 240, `the content column is wide enough to read: ${layout.content}px`);
    assert.ok(layout.rows >= 6, `rows in view: ${layout.rows}`);
  });
}

test("the meeting list and the history read page after page, and Back finds them filtered as they were", { timeout: 240_000 }, async () => {
  const db = await w.launch(["--meetings", "130", "--directives-per-meeting", "2"], [1280, 820]);
  browser = w.browser;
  const meetings = (...args) => JSON.parse(giaoban(db, "meetings", "list", "--limit", "0", ...args, "--json"));
  const all = meetings().length;
  assert.ok(all > 100, `more meetings than a page: ${all}`);
  const rowsOf = (id) => browser.execute((t) => document.querySelectorAll(`[data-testid="${t}"] tbody tr`).length, id);

  // The first page, then the rest once the foot of the list is scrolled into view.
  await browser.keys(["Alt", "2"]);
  const count = await byTest("meetings-count");
  await count.waitForExist({ timeout: 10_000 });
  await browser.waitUntil(async () => (await count.getText()).includes(`100/${all}`), { timeout: 10_000, timeoutMsg: "a page of 100 first" });
  assert.equal(await rowsOf("meeting-list"), 100);
  await count.scrollIntoView();
  await shot("44-meetings-paged");
  await browser.waitUntil(async () => (await count.getText()).includes(`${all}/${all}`), { timeout: 10_000, timeoutMsg: "the rest when scrolled to" });
  assert.equal(await rowsOf("meeting-list"), all);
  // A row far down opened from the keyboard; Back finds the list where it was, the row focused.
  const far = await browser.$('[data-testid="meeting-list"] tbody tr[data-index="120"]');
  await far.scrollIntoView();
  const scrolled = () => browser.execute(() => document.scrollingElement.scrollTop);
  const at = await scrolled();
  assert.ok(at > 1000, `scrolled down: ${at}`);
  await w.focusOn('[data-testid="meeting-list"] tbody tr[data-index="120"]', { preventScroll: true });
  await browser.keys("Enter");
  await (await byTest("meeting-title")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "ArrowLeft"]);
  await browser.waitUntil(async () => (await browser.execute(() => document.activeElement?.dataset.index)) === "120", { timeout: 5_000, timeoutMsg: "the row opened has the keyboard again" });
  assert.equal(await scrolled(), at);

  // Filtered, a meeting opened, another page visited: Back twice finds the list filtered.
  const title = meetings()[3].title;
  const words = title.split(/\s+/).slice(0, 3).join(" ");
  const matching = meetings("--text", words).length;
  assert.ok(matching < all, `"${words}" picks some meetings: ${matching}`);
  await (await byTest("meeting-search")).setValue(words);
  await browser.waitUntil(async () => (await count.getText()).includes(`/${matching}`), { timeout: 10_000, timeoutMsg: "the filter applies" });
  await w.focusOn('[data-testid="meeting-list"] tbody tr');
  await browser.keys("Enter");
  await (await byTest("meeting-title")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "7"]);
  await (await byTest("history-list")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "ArrowLeft"]);
  await (await byTest("meeting-title")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "ArrowLeft"]);
  const search = await byTest("meeting-search");
  await search.waitForDisplayed({ timeout: 10_000 });
  assert.equal(await search.getValue(), words);
  await browser.waitUntil(async () => (await (await byTest("meetings-count")).getText()).includes(`${matching}/${matching}`), { timeout: 10_000, timeoutMsg: "the list is filtered as it was" });

  // The history: more changes than a page (120 directives brought in from a tracker), a page
  // of 100 first, one kind chosen, a line opened, Back.
  const csv = path.join(path.dirname(db), "Theo dõi.csv");
  const tracked = Array.from({ length: 120 }, (_, i) => `${i + 1};Báo cáo việc số ${i + 1};05/01/2026;Văn phòng Sở;30/06/2026`);
  writeFileSync(csv, ["STT;Nội dung nhiệm vụ;Ngày giao;Đơn vị chủ trì;Thời hạn", ...tracked].join("\n") + "\n");
  giaoban(db, "import", csv);
  const changes = JSON.parse(giaoban(db, "audit", "--limit", "1000000", "--json")).length;
  const ofDirectives = JSON.parse(giaoban(db, "audit", "--entity", "directive", "--limit", "1000000", "--json")).length;
  assert.ok(changes > 120 && ofDirectives >= 120 && ofDirectives < changes, `changes: ${changes}, of directives: ${ofDirectives}`);
  await browser.keys(["Alt", "7"]);
  const historyCount = await byTest("history-count");
  await historyCount.waitForExist({ timeout: 10_000 });
  await browser.waitUntil(async () => (await historyCount.getText()).includes(`100/${changes}`), { timeout: 10_000, timeoutMsg: "a page of the history" });
  await shot("45-history-paged");
  // Written meanwhile from outside the window (which is told nothing): the next page finds
  // the count moved and reads the list again, with no row shown twice or lost.
  giaoban(db, "units", "add", "--name", "Tổ công tác chuyển đổi số", "--code", "TCT");
  const now = JSON.parse(giaoban(db, "audit", "--limit", "1000000", "--json")).length;
  assert.ok(now > changes);
  await (await historyCount.$("button")).click();
  await browser.waitUntil(async () => (await historyCount.getText()).includes(`/${now}`), { timeout: 10_000, timeoutMsg: "the new count" });
  await historyCount.scrollIntoView();
  await browser.waitUntil(async () => (await historyCount.getText()).includes(`${now}/${now}`), { timeout: 10_000, timeoutMsg: "every change read" });
  const seqs = await browser.execute(() => [...document.querySelectorAll('[data-testid="history-row"]')].length);
  assert.equal(seqs, now, "each change once");
  await (await byTest("history-kind")).selectByAttribute("value", "directive");
  await browser.waitUntil(async () => (await historyCount.getText()).includes(`100/${ofDirectives}`), { timeout: 10_000, timeoutMsg: "the kind applies" });
  await w.focusOn('[data-testid="history-row"]');
  await browser.keys("Enter");
  await (await byTest("directive-title")).waitForDisplayed({ timeout: 10_000 });
  await browser.keys(["Alt", "ArrowLeft"]);
  await (await byTest("history-list")).waitForDisplayed({ timeout: 10_000 });
  assert.equal(await (await byTest("history-kind")).getValue(), "directive");
  await browser.waitUntil(async () => (await (await byTest("history-count")).getText()).includes(`/${ofDirectives}`), { timeout: 10_000 });
});
