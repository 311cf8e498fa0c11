// A short run of the crash harness in the test command: the CLI writer killed 40 times, the
// real app 3 times while adding units, 4 times while typing minutes and 3 times while
// typing a conclusion line not yet confirmed with Enter. `node scripts/crash-harness.mjs` runs the long version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appCrashes, cliCrashes, editorCrashes } from "./crash.mjs";

test("the CLI writer killed at random moments loses no acknowledged write", { timeout: 300_000 }, async () => {
  const r = await cliCrashes(40, 7);
  assert.ok(r.acknowledged > 40, `writes were acknowledged between kills: ${r.acknowledged}`);
});

test("the app killed while a robot types loses no acknowledged unit", { timeout: 300_000 }, async () => {
  const r = await appCrashes(3, 7);
  assert.ok(r.acknowledged >= 3, `the robot's units were acknowledged: ${r.acknowledged}`);
});

test("the app killed while the minutes are typed keeps all but the last second, and reopens the meeting", { timeout: 300_000 }, async () => {
  const r = await editorCrashes(4, 7);
  assert.ok(r.typedChars > 200, `the robot typed between kills: ${r.typedChars} characters`);
  assert.ok(r.worstLossMs <= 1000, `at most the last second is lost: ${r.worstLossMs} ms`);
});

test("the app killed while a conclusion line is typed without Enter keeps all but the last second of it", { timeout: 300_000 }, async () => {
  const r = await editorCrashes(3, 11, "conclusions-new");
  assert.ok(r.typedChars > 150, `the robot typed between kills: ${r.typedChars} characters`);
  assert.ok(r.worstLossMs <= 1000, `at most the last second is lost: ${r.worstLossMs} ms`);
});
