// The USB exchange in the real window: a file from another office is previewed, its unknown
// sender shown by key fingerprint and trusted, merged, found in the directive list, and the
// import undone; a file exported from the window is imported by the other office's CLI.
import { afterEach, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { freshDatabase, giaoban, root, start, stop } from "./driver.mjs";

const shots = path.join(root, "tests/e2e/screenshots");
mkdirSync(shots, { recursive: true });

/** The Sở (sample data, `meetings` meetings; the window opens it) and a district office
 *  named `name` that received everything once, trusted it as its superior, and gave one
 *  directive of its own (`content`). */
function twoOffices(meetings, name, content) {
  const office = freshDatabase();
  giaoban(office, "demo", "--meetings", String(meetings), "--directives-per-meeting", "4");
  giaoban(office, "identity", "--name", "Văn phòng Sở TTTT");
  const dir = path.dirname(office);
  const district = path.join(dir, "huyen.sqlite3");
  giaoban(district, "init");
  giaoban(district, "identity", "--name", name);
  giaoban(office, "export", "bundle", "--out", path.join(dir, "so.gbx"));
  giaoban(district, "import", path.join(dir, "so.gbx"), "--trust", "--role", "superior");
  giaoban(district, "directives", "add", "--content", content, "--lead", "vp",
    "--document", "12/TB-UBND", "--document-date", "10/06/2026", "--deadline", "30/9/2026");
  return { office, dir, district };
}

let session;
afterEach(async () => {
  if (session) await stop(session);
  session = undefined;
});

test("a file from another office is trusted, previewed, merged and undone; one exported here goes back", { timeout: 240_000 }, async () => {
  // The leader's office (the window) and a district office that received everything once.
  const { office, dir, district } = twoOffices(30, "Phòng Văn hóa - Thông tin huyện Bảo Thắng", "Tuyên truyền chuyển đổi số tại các xã vùng cao");
  const file = path.join(dir, "huyen.gbx");
  giaoban(district, "export", "bundle", "--out", file);
  const districtKey = JSON.parse(giaoban(district, "identity", "--json")).fingerprint;

  session = await start(office);
  const { browser } = session;
  const byTest = (id) => browser.$(`[data-testid="${id}"]`);
  const shot = (name) => browser.saveScreenshot(path.join(shots, `${name}.png`));
  await (await browser.$('nav button[data-page="exchange"]')).click();
  const fingerprint = await byTest("exchange-fingerprint");
  await fingerprint.waitForDisplayed({ timeout: 30_000 });
  assert.equal(await fingerprint.getText(), JSON.parse(giaoban(office, "identity", "--json")).fingerprint);

  // Preview: the sender is unknown, so its fingerprint is shown and nothing is read yet.
  await (await byTest("import-path")).setValue(file);
  await (await byTest("import-preview")).click();
  const unknown = await byTest("import-unknown");
  await unknown.waitForDisplayed({ timeout: 20_000 });
  const said = await unknown.getText();
  assert.match(said, /Phòng Văn hóa - Thông tin huyện Bảo Thắng/);
  assert.ok(said.includes(districtKey), said);
  // What the window is doing is told while the core works (seen by an observer of the page,
  // as it may last less than a poll).
  await browser.execute(() => {
    window.__working = [];
    new MutationObserver(() => {
      const w = document.querySelector('[data-testid="import-working"]');
      if (w && !window.__working.includes(w.textContent.trim())) window.__working.push(w.textContent.trim());
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  // The district is another agency: its own directives only, never the Sở's records.
  await (await byTest("import-role")).selectByAttribute("value", "superior");
  await unknown.scrollIntoView();
  assert.match(await unknown.getText(), /không được sửa dữ liệu của cơ quan này/);
  await shot("20-exchange-unknown-sender");
  await (await byTest("import-trust")).click();
  const preview = await byTest("import-preview-table");
  await preview.waitForDisplayed({ timeout: 30_000 });
  const directiveRow = await preview.$('tr[data-kind="directive"]');
  const cells = await browser.execute((r) => [...r.cells].map((c) => c.textContent.trim()), directiveRow);
  assert.deepEqual([cells[0], cells[1], cells[2], cells[4], cells[5]], ["Nhiệm vụ", "1", "0", "0", "0"]);
  await shot("21-exchange-preview");
  await (await byTest("import-apply")).click();
  const done = await byTest("import-done");
  await done.waitForDisplayed({ timeout: 60_000 });
  assert.match(await done.getText(), /Đã nhập: \d+ bản ghi thay đổi/);
  assert.deepEqual(await browser.execute(() => window.__working), [
    "Đang kiểm tra tệp (chữ ký, nội dung) và so với dữ liệu trên máy…",
    "Đang sao lưu rồi nhập dữ liệu… Tệp lớn có thể mất vài giây.",
  ]);
  assert.equal(await (await byTest("import-working")).isExisting(), false, "the status goes when the import is done");
  // The district is now trusted with the role chosen.
  await browser.waitUntil(async () => (await (await byTest("peer-role")).getValue()) === "superior", { timeout: 10_000, timeoutMsg: "the peer is listed with its role" });

  // The district's directive is in the leader's list.
  const found = () => JSON.parse(giaoban(office, "directives", "list", "--text", "xa vung cao", "--json")).total;
  assert.equal(found(), 1);
  await (await browser.$('nav button[data-page="directives"]')).click();
  await (await byTest("directive-text")).setValue("xa vung cao");
  const list = await byTest("directive-list");
  await browser.waitUntil(
    async () => /Tuyên truyền chuyển đổi số tại các xã vùng cao/.test(await browser.execute((e) => e.textContent, list)),
    { timeout: 20_000, timeoutMsg: "the imported directive is listed" },
  );

  // Exported here, imported there.
  await (await browser.$('nav button[data-page="exchange"]')).click();
  await (await byTest("export-bundle")).waitForDisplayed({ timeout: 20_000 });
  await (await byTest("export-bundle")).click();
  const exported = await byTest("export-done");
  await exported.waitForDisplayed({ timeout: 60_000 });
  const out = (await exported.getText()).match(/Đã xuất (.*\.gbx)/)[1];
  assert.ok(existsSync(out), out);
  const back = JSON.parse(giaoban(district, "import", out, "--trust", "--role", "superior", "--json"));
  assert.equal(back.sender_name, "Văn phòng Sở TTTT");
  await shot("22-exchange-done");

  // Undo the import: asked twice, then the district's directive is gone again.
  const undo = await byTest("import-undo");
  await undo.click();
  await browser.waitUntil(async () => /Bấm lần nữa/.test(await undo.getText()), { timeout: 5_000 });
  await undo.click();
  await browser.waitUntil(async () => (await browser.$("body").getText()).includes("Đã hoàn tác lần nhập gần nhất"), { timeout: 30_000 });
  assert.equal(found(), 0);
});

test("an encrypted file from an unknown office: trusted, its passphrase asked, then previewed and merged", { timeout: 180_000 }, async () => {
  const { office, dir, district } = twoOffices(6, "Phòng Văn hóa - Thông tin huyện Bát Xát", "Rà soát điểm phục vụ bưu chính tại các xã biên giới");
  const pass = path.join(dir, "pass.txt");
  writeFileSync(pass, "mat khau huyen\n");
  const file = path.join(dir, "huyen-ma-hoa.gbx");
  giaoban(district, "export", "bundle", "--out", file, "--passphrase-file", pass);

  session = await start(office);
  const { browser } = session;
  const byTest = (id) => browser.$(`[data-testid="${id}"]`);
  await (await browser.$('nav button[data-page="exchange"]')).click();
  const box = await byTest("import-path");
  await box.waitForDisplayed({ timeout: 30_000 });
  // The box can be emptied (the newest file found is offered once, not forced back).
  await box.click();
  await browser.keys(["Control", "a"]);
  await browser.keys("Backspace");
  assert.equal(await box.getValue(), "");
  await box.setValue(file);
  await (await byTest("import-preview")).click();
  // Unknown and encrypted: the sender is trusted first, then the passphrase is asked.
  await (await byTest("import-unknown")).waitForDisplayed({ timeout: 20_000 });
  await (await byTest("import-role")).selectByAttribute("value", "superior");
  await (await byTest("import-trust")).click();
  const passBox = await byTest("import-pass");
  await passBox.waitForDisplayed({ timeout: 20_000 });
  // A wrong passphrase says so and asks again; the right one shows the preview.
  await passBox.setValue("sai");
  await (await byTest("import-preview")).click();
  await browser.waitUntil(async () => /Mật khẩu không đúng|không đúng/.test(await (await byTest("exchange-import")).getText()), { timeout: 30_000, timeoutMsg: "the wrong passphrase is told" });
  assert.equal(await (await byTest("import-unknown")).isExisting(), false, "the trust given is kept");
  await (await byTest("import-pass")).setValue("mat khau huyen");
  await (await byTest("import-preview")).click();
  await (await byTest("import-preview-table")).waitForDisplayed({ timeout: 30_000 });
  await (await byTest("import-apply")).click();
  await (await byTest("import-done")).waitForDisplayed({ timeout: 60_000 });
  const found = JSON.parse(giaoban(office, "directives", "list", "--text", "buu chinh xa bien gioi", "--json")).total;
  assert.equal(found, 1);
});

test("a unit's request for more time waits for the leader, who approves it in the window", { timeout: 180_000 }, async () => {
  // The Sở, and the machine of the unit that leads one of its open directives.
  const office = freshDatabase();
  giaoban(office, "demo", "--meetings", "6", "--directives-per-meeting", "3");
  const dir = path.dirname(office);
  const rows = JSON.parse(giaoban(office, "directives", "list", "--limit", "0", "--json")).rows;
  const d = rows.find((r) => r.deadline && ["assigned", "in_progress"].includes(r.status));
  assert.ok(d, "an open directive with a deadline");
  giaoban(office, "export", "bundle", "--out", path.join(dir, "so.gbx"));
  const unit = path.join(dir, "unit.sqlite3");
  giaoban(unit, "init");
  giaoban(unit, "import", path.join(dir, "so.gbx"), "--trust", "--role", "superior");
  // The unit gives itself two more months, and sends its file.
  const [y, m, day] = d.deadline.split("-").map(Number);
  const later = new Date(Date.UTC(y, m - 1 + 2, Math.min(day, 28)));
  const dd = (n) => String(n).padStart(2, "0");
  const asked = `${dd(later.getUTCDate())}/${dd(later.getUTCMonth() + 1)}/${later.getUTCFullYear()}`;
  giaoban(unit, "directives", "extend", d.id, "--to", asked, "--reason", "Chờ ý kiến các sở, ngành");
  giaoban(unit, "export", "bundle", "--out", path.join(dir, "unit.gbx"));
  giaoban(office, "import", path.join(dir, "unit.gbx"), "--trust", "--role", "unit", "--unit", d.lead_unit);
  const deadlineOf = () => JSON.parse(giaoban(office, "directives", "list", "--limit", "0", "--json")).rows.find((r) => r.id === d.id).deadline;
  assert.equal(deadlineOf(), d.deadline, "the deadline waits for the leader");

  session = await start(office);
  const { browser } = session;
  const byTest = (id) => browser.$(`[data-testid="${id}"]`);
  await (await browser.$('nav button[data-page="directives"]')).waitForDisplayed({ timeout: 30_000 });
  await (await browser.$('nav button[data-page="directives"]')).click();
  await (await byTest("directive-text")).setValue(d.content.split(" ").slice(0, 6).join(" "));
  // The directive's row, once listed, is clicked.
  await browser.waitUntil(
    () => browser.execute((needle) => {
      const row = [...document.querySelectorAll('[data-testid="directive-list"] tbody tr.clickable')]
        .find((r) => r.textContent.includes(needle));
      if (!row) return false;
      row.scrollIntoView();
      row.click();
      return true;
    }, d.content.slice(0, 30)),
    { timeout: 20_000, timeoutMsg: "the directive is listed" },
  );
  const requests = await byTest("extension-requests");
  await requests.waitForDisplayed({ timeout: 20_000 });
  assert.match(await requests.getText(), new RegExp(`đến ${asked}: Chờ ý kiến các sở, ngành`));
  await requests.scrollIntoView();
  await browser.saveScreenshot(path.join(shots, "23-extension-request.png"));
  await (await byTest("request-approve")).click();
  await browser.waitUntil(async () => !(await (await byTest("extension-requests")).isExisting()), { timeout: 10_000, timeoutMsg: "the request is decided" });
  assert.match(await (await byTest("directive-deadline")).getText(), new RegExp(asked));
  const [ad, am, ay] = asked.split("/");
  assert.equal(deadlineOf(), `${ay}-${am}-${ad}`);
});
