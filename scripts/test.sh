#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, Rust unit and
# integration tests (core, CLI, generated TypeScript bindings), the UI's type check and
# Vitest tests, and the end-to-end journeys in the real app window under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
cargo test --locked --workspace --all-targets
npm run ui:check
npm run ui:test

# End-to-end: the app built as shipped (embedded UI), driven through tauri-driver.
npx tauri build --debug --no-bundle
command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
# A session bus of its own, so the notification journey reaches a real notification server.
xvfb-run -a --server-args="-screen 0 1360x900x24" dbus-run-session -- node --test --test-concurrency=1 tests/e2e/
