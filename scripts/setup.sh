#!/usr/bin/env bash
# Installs what Giao Ban needs to build, test and run on Debian/Ubuntu, only what is missing.
# Sourced by scripts/run.sh and scripts/test.sh; works as root or with sudo.
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "Cần quyền root hoặc sudo để cài gói hệ thống." >&2; exit 1; }
  SUDO="sudo"
fi

# System packages: C toolchain for the bundled SQLite; WebKitGTK and friends for the Tauri
# window; Xvfb, WebKitWebDriver, a session bus and the dunst notification server for the
# end-to-end tests; libfaketime to run the date-sensitive tests at chosen moments; Noto
# fonts for every Vietnamese letter; LibreOffice (headless), poppler and Liberation fonts
# (metric twins of Times New Roman) to open, convert and read back the DOCX/XLSX documents
# in tests and for print previews; Node.js for the UI build.
packages=(build-essential pkg-config libwebkit2gtk-4.1-dev libssl-dev libxdo-dev
  libayatana-appindicator3-dev librsvg2-dev xvfb xauth webkit2gtk-driver dunst dbus fonts-noto-core
  libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils fonts-liberation2 faketime)
command -v node >/dev/null || packages+=(nodejs npm)
need=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || need+=("$pkg")
done
if [ ${#need[@]} -gt 0 ]; then
  echo "Cài gói hệ thống: ${need[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Rust: the machine's toolchain, else the distribution's.
[ -x "$HOME/.cargo/bin/cargo" ] && export PATH="$HOME/.cargo/bin:$PATH"
if ! command -v cargo >/dev/null; then
  echo "Cài Rust từ kho gói của hệ điều hành"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends cargo rustc
fi
version_at_least() { [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$1" ]; }
have=$(rustc --version | awk '{print $2}')
version_at_least 1.89 "$have" || { echo "Cần Rust 1.89 trở lên (đang có $have)." >&2; exit 1; }
have=$(node --version | tr -d v)
version_at_least 20.19 "$have" || { echo "Cần Node.js 20.19 trở lên (đang có $have)." >&2; exit 1; }

# JavaScript packages, exactly as locked.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
