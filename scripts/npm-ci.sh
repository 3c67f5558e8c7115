#!/usr/bin/env bash
# Runs `npm ci` in a folder only when package-lock.json changed since the last install.
set -euo pipefail
dir=${1:?folder}
cd "$dir"
stamp=node_modules/.lingyan-lock-sha
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
echo "$sum" >"$stamp"
