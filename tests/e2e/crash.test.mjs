// A short run of the crash harness in the test command: the CLI writer killed 40 times and
// the real app 3 times. `node scripts/crash-harness.mjs` runs the long version.
import { test } from "node:test";
import assert from "node:assert/strict";
import { appCrashes, cliCrashes } from "./crash.mjs";

test("the CLI writer killed at random moments loses no acknowledged write", { timeout: 300_000 }, async () => {
  const r = await cliCrashes(40, 7);
  assert.ok(r.acknowledged > 40, `writes were acknowledged between kills: ${r.acknowledged}`);
});

test("the app killed while a robot types loses no acknowledged unit", { timeout: 300_000 }, async () => {
  const r = await appCrashes(3, 7);
  assert.ok(r.acknowledged >= 3, `the robot's units were acknowledged: ${r.acknowledged}`);
});
