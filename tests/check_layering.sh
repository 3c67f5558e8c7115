#!/usr/bin/env bash
# Fails when src/core or src/app include an I/O library (Asio, Beast, SQLite, libpq).
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
bad=$(grep -rnE '#include *[<"](boost/(asio|beast)|sqlite3\.h|libpq|pqxx|spdlog|xlsxwriter|zip\.h)' "$src/core" "$src/app" 2>/dev/null)
if [ -n "$bad" ]; then
  echo "core/app must not include I/O libraries:"; echo "$bad"; exit 1
fi
echo "core and app include no I/O library"
