#!/usr/bin/env bash
# The layering rules of src/README.md, checked on the #include lines:
#   - core and app include no I/O library (Asio, Beast, SQLite, libpq, spdlog, xlsxwriter, libzip);
#   - each layer includes only the layers below it:
#       core → core;  app → core, app;  demo → core, app, demo;
#       storage, exchange, http (the adapters) → core, app and themselves, never another adapter;
#       main → anything (composition.cpp never includes cli; main.cpp registers its commands);  cli → anything.
set -u
src=${1:?usage: check_layering.sh SRC_DIR}
status=0

bad=$(grep -rnE '#include *[<"](boost/(asio|beast)|sqlite3\.h|libpq|pqxx|spdlog|xlsxwriter|zip\.h)' "$src/core" "$src/app" 2>/dev/null)
if [ -n "$bad" ]; then
  echo "core/app must not include I/O libraries:"; echo "$bad"; status=1
fi

# allowed "<layer>:<included layers>"
rules=(
  "core:core"
  "app:core app"
  "demo:core app demo"
  "storage:core app storage"
  "exchange:core app exchange"
  "http:core app http"
  "main:core app storage exchange http demo main cli"  # cli only for main.cpp, the entry point
)
for rule in "${rules[@]}"; do
  layer=${rule%%:*}
  allowed=${rule#*:}
  [ -d "$src/$layer" ] || continue
  pattern=$(echo "$allowed" | sed 's/ /|/g')
  bad=$(grep -rnE '#include *"(core|app|demo|storage|exchange|http|main|cli)/' "$src/$layer" |
        grep -vE "#include *\"($pattern)/")
  if [ -n "$bad" ]; then
    echo "$layer may include only: $allowed"; echo "$bad"; status=1
  fi
done

[ $status -eq 0 ] && echo "layering holds: core and app include no I/O library; no layer includes an outer one or another adapter"
exit $status
