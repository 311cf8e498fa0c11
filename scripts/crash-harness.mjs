#!/usr/bin/env node
// The long crash run: `node scripts/crash-harness.mjs [--cli-kills N] [--app-kills M]
// [--editor-kills E] [--line-kills L] [--seed S]` (the app part needs a display: run it under `xvfb-run -a`). Builds are the
// debug ones the test command makes (target/debug/giaoban, target/debug/giaoban-desktop).
import { parseArgs } from "node:util";
import { appCrashes, cliCrashes, editorCrashes } from "../tests/e2e/crash.mjs";

const { values } = parseArgs({
  options: {
    "cli-kills": { type: "string", default: "200" },
    "app-kills": { type: "string", default: "30" },
    "editor-kills": { type: "string", default: "30" },
    "line-kills": { type: "string", default: "30" },
    seed: { type: "string", default: String(Date.now() % 100000) },
  },
});
const seed = Number(values.seed);
for (const [name, run, kills] of [
  ["CLI writer", cliCrashes, Number(values["cli-kills"])],
  ["app + typing robot", appCrashes, Number(values["app-kills"])],
  ["app + minutes typing robot", editorCrashes, Number(values["editor-kills"])],
  ["app + unconfirmed conclusion line robot", (k, s) => editorCrashes(k, s, "conclusions-new"), Number(values["line-kills"])],
]) {
  if (!kills) continue;
  const t = Date.now();
  const r = await run(kills, seed);
  const kept = r.acknowledged !== undefined ? `${r.acknowledged} acknowledged writes all present` : `${r.typedChars} characters typed, at most ${r.worstLossMs} ms of typing lost`;
  console.log(`${name}: ${r.kills} kills, ${kept}, integrity ok (seed ${seed}, ${((Date.now() - t) / 1000).toFixed(0)} s)`);
}
