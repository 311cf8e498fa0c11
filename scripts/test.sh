#!/usr/bin/env bash
# Installs what is missing and runs every test: formatting, lints, unit, integration
# and command-line tests on real SQLite files.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo fmt --all -- --check
cargo clippy --locked --all-targets -- -D warnings
cargo test --locked --all-targets
