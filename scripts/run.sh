#!/usr/bin/env bash
# Installs what is missing, builds Giao Ban and opens it on the user's database,
# creating a sample database first when there is none yet.
# Until the desktop shell lands, "opening" means the command-line overview.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh

cargo build --release --locked --quiet
gb=target/release/giaoban
# The user's database (GIAOBAN_DB, or the app-data folder); sample data only when it is new.
"$gb" demo --if-empty
"$gb" check
echo
"$gb" stats units
echo
echo "Nhiệm vụ quá hạn (10 nhiệm vụ quá hạn lâu nhất):"
"$gb" directives list --overdue --limit 10
echo
echo "Sắp đến hạn trong 7 ngày:"
"$gb" directives list --due-within 7 --limit 10
echo
"$gb" meetings list --limit 5
echo
echo "Xem thêm: $gb --help"
