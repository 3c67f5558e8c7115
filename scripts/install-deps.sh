#!/usr/bin/env bash
# Installs every system package lingyan needs on Debian 12. Idempotent and non-interactive.
set -euo pipefail
pkgs=(
  build-essential cmake ninja-build ccache pkg-config git
  libgtest-dev libgmock-dev libbenchmark-dev
  libsqlite3-dev libpq-dev postgresql-15 libssl-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libopencc-dev opencc libxlsxwriter-dev zlib1g-dev libzip-dev zipcmp zipmerge ziptool libpugixml-dev
  libargon2-dev libgd-dev libexif-dev libcli11-dev libspdlog-dev libfmt-dev libutf8proc-dev liblemon-dev libgoogle-perftools-dev
  clang-14 libclang-rt-14-dev
  chromium chromium-headless-shell fonts-wqy-microhei wrk
)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
