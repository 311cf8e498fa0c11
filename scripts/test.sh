#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting and lints, Rust unit and
# integration tests (core, CLI, generated TypeScript bindings), the UI's type check and
# Vitest tests, and the end-to-end journeys in the real app window under Xvfb. Then the
# tests that read the clock run again with the clock set (libfaketime) to moments where
# dates turn: a weekend, New Year's Eve and Day on the office clock (UTC+7) while the UTC
# date differs, 29 February.
#
#   bash scripts/test.sh                       every test, then the fixed moments
#   bash scripts/test.sh --at "2027-12-31 17:30"   every test at that moment (UTC) only
set -euo pipefail
cd "$(dirname "$0")/.."

at=""
if [ "${1:-}" = "--at" ]; then
  at="${2:?--at needs a moment, e.g. \"2027-12-31 17:30\" (UTC)}"
fi

source scripts/setup.sh
# One cold build, not an edit loop: incremental caches would only double the disk it needs.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

# Runs "$@" with the clock moved to the UTC moment $1 (it then runs on from there). Every
# process started inside (cargo, node, tauri-driver, WebKit, the app) gets the same offset;
# the monotonic clock stays real, so timeouts and intervals keep their length.
at_moment() {
  local moment="$1"; shift
  local target now
  target=$(date -u -d "$moment UTC" +%s) || { echo "Không đọc được thời điểm: $moment" >&2; exit 2; }
  now=$(date -u +%s)
  echo "== [$((SECONDS / 60)) phút] Đồng hồ đặt ở $(date -u -d "@$target" '+%d/%m/%Y %H:%M UTC') ($(TZ=Asia/Ho_Chi_Minh date -d "@$target" '+%A %d/%m/%Y %H:%M') giờ cơ quan): $*"
  FAKETIME_DONT_FAKE_MONOTONIC=1 faketime -f "+$((target - now))" "$@"
}

# Every Rust test program (core, CLI, bindings, unit tests) as "package folder<TAB>program",
# built here on the real clock: a compiler under libfaketime can hang (seen: rustc asleep
# for 10 minutes), so nothing is compiled under a fixed clock.
build_rust_tests() {
  cargo test --locked --workspace --all-targets --no-run --message-format=json \
    | node -e '
        let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
          for (const line of s.split("\n")) {
            if (!line.startsWith("{")) continue;
            const m = JSON.parse(line);
            if (m.reason === "compiler-artifact" && m.profile?.test && m.executable)
              console.log(require("path").dirname(m.manifest_path) + "\t" + m.executable);
          }
        });' > target/rust-tests.txt
}

# The tests that read the clock: Rust (core, CLI, unit tests), Vitest, and with "e2e" the
# journeys in the window and the crash harness. Words after it trim a run under a fixed
# clock: "light" leaves out the core's integration tests (the slowest, and the least bound
# to today), "nocrash" the crash harness (it kills processes at random moments, not at
# dates). Each Rust program runs from its package folder, as cargo runs it; all run even
# when one fails.
clock_tests() {
  local dir exe failed=0 words=" $* "
  while IFS=$'\t' read -r dir exe; do
    if [[ "$words" == *" light "* ]] && [[ "$(basename "$exe")" == core-* ]]; then continue; fi
    (cd "$dir" && "$exe") || failed=1
  done < target/rust-tests.txt
  [ "$failed" = 0 ] || { echo "Có kiểm thử Rust không đạt." >&2; return 1; }
  npm run ui:test
  if [[ "$words" == *" e2e "* ]]; then
    local journeys=(tests/e2e/)
    if [[ "$words" == *" nocrash "* ]]; then
      journeys=($(ls tests/e2e/*.test.mjs | grep -v '/crash\.test\.mjs$'))
    fi
    # A session bus of its own, so the notification journey reaches a real notification server.
    xvfb-run -a --server-args="-screen 0 1360x900x24" dbus-run-session -- node --test --test-concurrency=1 "${journeys[@]}"
  fi
}

# clock_tests under the clock of at_moment.
clock_tests_at() {
  local moment="$1"; shift
  at_moment "$moment" bash -c "set -euo pipefail; $(declare -f clock_tests); clock_tests $*"
}

cargo fmt --all -- --check
cargo clippy --locked --workspace --all-targets -- -D warnings
# The core's floors: no module uses one above it, no two files need each other.
python3 scripts/floors.py --self-test
python3 scripts/floors.py
npm run ui:check
# End-to-end: the app built as shipped (embedded UI), driven through tauri-driver.
npx tauri build --debug --no-bundle
command -v tauri-driver >/dev/null || cargo install tauri-driver --locked
build_rust_tests

if [ -n "$at" ]; then
  clock_tests_at "$at" e2e
  exit 0
fi

clock_tests e2e
# Saturday 01/01/2028 00:30 on the office clock (still Friday 31/12 in UTC): a weekend, a
# public holiday, a new year, and a UTC date other than the office's.
clock_tests_at "2027-12-31 17:30" e2e nocrash
# Sunday 31/12/2028 23:30 on the office clock: the last day of a month, a quarter and a year.
clock_tests_at "2028-12-31 16:30" e2e nocrash light
# 29/02/2028 at 16:00, and 08/02/2027 at 08:00, a Monday of Tết (without the core's
# integration tests, which ran at the first moment above).
clock_tests_at "2028-02-29 09:00" light
clock_tests_at "2027-02-08 01:00" light
echo "== [$((SECONDS / 60)) phút] Tất cả kiểm thử đều đạt."
