#!/usr/bin/env bash
# Installs what is missing, builds Giao Ban and opens its window on the user's database,
# filling it with sample data first when the user has none yet.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

npx tauri build --no-bundle
# The user's database (GIAOBAN_DB, or the app-data folder); sample data only when it is new.
target/release/giaoban demo --if-empty
exec target/release/giaoban-desktop
