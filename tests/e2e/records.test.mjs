// An office's own tracker comes in through the Trao đổi dữ liệu page: an Excel workbook
// (made by LibreOffice from the rows below, under a title block) is told from an exchange
// file by its content, previewed with what it would create, its unknown unit and its bad
// row named; nothing is written until the secretary confirms; then every directive is in
// the list with its unit, deadline and status, and importing the file again creates nothing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { giaoban, journeys } from "./driver.mjs";

const w = journeys("records");
const { byTest, shot } = w;

/** The tracker: a title, a blank line, the header, four rows (one with a date that does not exist). */
function tracker(dir) {
  const rows = [
    "BẢNG THEO DÕI THỰC HIỆN NHIỆM VỤ NĂM 2026;;;;;;;",
    ";;;;;;;",
    "STT;Nội dung nhiệm vụ;Văn bản giao;Ngày giao;Đơn vị chủ trì;Đơn vị phối hợp;Thời hạn;Kết quả thực hiện",
    "1;Rà soát danh mục thủ tục hành chính trực tuyến toàn trình;Thông báo số 12/TB-STTTT;05/01/2026;Văn phòng Sở;Phòng Chuyển đổi số;31/03/2026;Đã hoàn thành ngày 28/03/2026",
    "2;Xây dựng kế hoạch kiểm tra an toàn thông tin năm 2026;Thông báo số 12/TB-STTTT;05/01/2026;Phòng Kế hoạch - Tài chính;;30/6/2026;Đang thực hiện",
    "3;Hoàn thiện đề án trung tâm dữ liệu của tỉnh;Thông báo số 20/TB-STTTT;10/02/2026;Ban Quản lý dự án công nghệ thông tin;Văn phòng Sở;30/09/2026;",
    "4;Tổng hợp báo cáo quý I;Thông báo số 20/TB-STTTT;10/02/2026;Văn phòng Sở;;31/02/2026;",
  ];
  const csv = path.join(dir, "Theo dõi nhiệm vụ 2026.csv");
  writeFileSync(csv, "\ufeff" + rows.join("\n") + "\n");
  // LibreOffice makes the workbook (dates read as in Vietnam, 1066), outside the test
  // command's fixed clock.
  const env = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("FAKETIME") || k === "LD_PRELOAD") delete env[k];
  execFileSync("soffice", ["--headless", `-env:UserInstallation=file://${dir}/lo`, "--convert-to", "xlsx", "--infilter=CSV:59,34,76,1,,1066", "--outdir", dir, csv], { env, stdio: "ignore" });
  return csv.replace(/\.csv$/, ".xlsx");
}

test("a tracker workbook is previewed, confirmed and imported once", { timeout: 240_000 }, async () => {
  const db = await w.launch(["--meetings", "30", "--directives-per-meeting", "4"], [1280, 900]);
  const browser = w.browser;
  const file = tracker(path.dirname(db));
  const directives = () => JSON.parse(giaoban(db, "directives", "list", "--json", "--limit", "0")).rows;
  const before = directives().length;

  await (await browser.$('nav button[data-page="exchange"]')).click();
  await (await byTest("import-path")).waitForDisplayed({ timeout: 30_000 });
  await (await byTest("import-path")).setValue(file);
  await (await byTest("import-preview")).click();
  const summary = await byTest("records-summary");
  await summary.waitForDisplayed({ timeout: 30_000 });
  assert.match(await summary.getText(), /Theo dõi nhiệm vụ 2026\.xlsx · bảng tính Excel \(\.xlsx\) · trang “Theo dõi nhiệm vụ 2026”: 4 dòng, tiêu đề ở dòng 3/);
  const listed = await (await byTest("records-directives")).$$("tbody tr");
  assert.equal(listed.length, 3, "three rows read, the one with 31/02 left out");
  assert.match(await (await byTest("records-problems")).getText(), /31\/02\/2026/);
  assert.match(await (await byTest("records-new-units")).getText(), /Ban Quản lý dự án công nghệ thông tin/);
  // Nothing is written by the preview, and the import waits for the new unit to be accepted.
  assert.equal(directives().length, before);
  assert.equal(await (await byTest("records-apply")).isEnabled(), false);
  await (await byTest("records-create-units")).click();
  await shot("records-preview");
  await (await byTest("records-apply")).click();
  const done = await byTest("records-done");
  await done.waitForDisplayed({ timeout: 30_000 });
  assert.match(await done.getText(), /Đã nhập 3 nhiệm vụ/);

  // Every directive as the sheet says: unit, deadline, status.
  const all = directives();
  assert.equal(all.length, before + 3);
  const one = all.find((d) => d.content.startsWith("Rà soát danh mục thủ tục hành chính"));
  assert.equal(one.lead_unit, "Văn phòng Sở");
  assert.equal(one.deadline, "2026-03-31");
  assert.equal(one.status, "done");
  const two = all.find((d) => d.content.startsWith("Xây dựng kế hoạch kiểm tra an toàn thông tin"));
  assert.equal(two.status, "in_progress");
  assert.equal(two.deadline, "2026-06-30");
  assert.ok(all.some((d) => d.lead_unit === "Ban Quản lý dự án công nghệ thông tin"));

  // The same file again: everything was imported before, nothing to create.
  await (await byTest("import-preview")).click();
  const already = await byTest("records-already");
  await already.waitForDisplayed({ timeout: 30_000 });
  assert.match(await already.getText(), /^3 dòng đã được nhập từ trước/);
  assert.equal(await (await byTest("records-apply")).isEnabled(), false);
  await shot("records-again");
});

test("a tracker without dates given takes one chosen date, and its extensions; a row like one held is brought in as new when said", { timeout: 240_000 }, async () => {
  const db = await w.launch(["--meetings", "5", "--directives-per-meeting", "2"], [1280, 900]);
  const browser = w.browser;
  const csv = path.join(path.dirname(db), "Theo dõi không ngày giao.csv");
  writeFileSync(
    csv,
    [
      "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Thời hạn,Gia hạn đến",
      "1,Rà soát quy chế tiếp công dân của Sở,Văn phòng Sở,31/03/2026,30/06/2026",
      "2,Cập nhật danh mục dữ liệu mở năm 2026,Văn phòng Sở,30/04/2026,",
    ].join("\n") + "\n",
  );
  await (await browser.$('nav button[data-page="exchange"]')).click();
  await (await byTest("import-path")).waitForDisplayed({ timeout: 30_000 });
  await (await byTest("import-path")).setValue(csv);
  await (await byTest("import-preview")).click();
  // Both rows are set aside for want of a date given, and the page asks for one.
  const field = await byTest("records-given-on-input");
  await field.waitForDisplayed({ timeout: 30_000 });
  assert.match(await (await byTest("records-problems")).getText(), /ngày giao chung/);
  assert.equal(await (await byTest("records-apply")).isEnabled(), false);
  await field.setValue("31/02/2026");
  assert.equal(await (await byTest("records-given-on-apply")).isEnabled(), false, "a date that does not exist");
  await field.setValue("05/01/2026");
  await (await byTest("records-given-on-apply")).click();
  await browser.waitUntil(async () => (await browser.$$('[data-testid="records-directives"] tbody tr')).length === 2, { timeout: 30_000 });
  assert.match(await (await byTest("records-extended")).getText(), /gia hạn từ 31\/03\/2026/);
  await shot("records-given-on");
  await (await byTest("records-apply")).click();
  await (await byTest("records-done")).waitForDisplayed({ timeout: 30_000 });
  const made = JSON.parse(giaoban(db, "directives", "list", "--json", "--limit", "0")).rows.filter((d) => d.content.includes("quy chế tiếp công dân"));
  assert.equal(made.length, 1);
  assert.equal(made[0].deadline, "2026-06-30");

  // Another office's sheet gives the same task on the same day to another unit: told as the
  // one held, its lead changed, until the secretary says it is a new directive.
  const other = path.join(path.dirname(db), "Theo dõi Thanh tra.csv");
  writeFileSync(other, "STT,Nội dung nhiệm vụ,Đơn vị chủ trì,Ngày giao,Thời hạn\n1,Rà soát quy chế tiếp công dân của Sở,Thanh tra Sở,05/01/2026,30/09/2026\n");
  await (await byTest("import-path")).setValue(other);
  await (await byTest("import-preview")).click();
  const asNew = await byTest("records-as-new");
  await asNew.waitForDisplayed({ timeout: 30_000 });
  assert.match(await (await byTest("records-problems")).getText(), /đơn vị chủ trì “Văn phòng Sở”/);
  assert.equal(await (await byTest("records-apply")).isEnabled(), false);
  await asNew.click();
  await (await byTest("records-chosen-new")).waitForDisplayed({ timeout: 30_000 });
  assert.equal((await browser.$$('[data-testid="records-directives"] tbody tr')).length, 1);
  await shot("records-as-new");
  await (await byTest("records-apply")).click();
  await (await byTest("records-done")).waitForDisplayed({ timeout: 30_000 });
  const both = JSON.parse(giaoban(db, "directives", "list", "--json", "--limit", "0")).rows.filter((d) => d.content.includes("quy chế tiếp công dân"));
  assert.deepEqual(both.map((d) => d.lead_unit).sort(), ["Thanh tra Sở", "Văn phòng Sở"]);
});
