#!/usr/bin/env bash
# Installs what Giao Ban needs to build on Debian/Ubuntu, only what is missing.
# Sourced by scripts/run.sh and scripts/test.sh; works as root or with sudo.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Cần quyền root hoặc sudo để cài gói hệ thống." >&2; exit 1; }
  SUDO="sudo"
fi

# System packages: a C compiler for the bundled SQLite, pkg-config for -sys crates.
need=()
for pkg in build-essential pkg-config; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Cài gói hệ thống: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Rust: use the machine's toolchain; fall back to the distribution's.
if ! command -v cargo >/dev/null; then
  [ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
fi
if ! command -v cargo >/dev/null; then
  echo "Cài Rust từ kho gói của hệ điều hành"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends cargo rustc
fi
required="1.89"
have=$(rustc --version | awk '{print $2}')
if [ "$(printf '%s\n%s\n' "$required" "$have" | sort -V | head -n1)" != "$required" ]; then
  echo "Cần Rust $required trở lên (đang có $have)." >&2
  exit 1
fi
