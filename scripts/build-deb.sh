#!/usr/bin/env bash
# Builds build/lingyan_<version>_<arch>.deb from the release build (make deb): the binary, the web
# app, a hardened systemd unit, /etc/lingyan/lingyan.env, the nginx example and the operations
# manual. Runtime dependencies are the packages that own the libraries the binary links (ldd +
# dpkg -S), so the package installs on a machine of the same Debian release. Then checks the
# unit (systemd-analyze verify) and the nginx example (nginx -t, when nginx is installed).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/release/lingyan}
[ -x "$BIN" ] || { echo "build-deb: $BIN not built (make build)" >&2; exit 1; }
VERSION=$("$BIN" --version | awk '{print $2}')
ARCH=$(dpkg --print-architecture)
STAGE=$(mktemp -d /tmp/lingyan-deb.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT
ROOT="$STAGE/root"

install -D -m 0755 "$BIN" "$ROOT/usr/bin/lingyan"
strip --strip-debug "$ROOT/usr/bin/lingyan"
if [ -f web/dist/index.html ]; then
  mkdir -p "$ROOT/usr/share/lingyan"
  cp -r web/dist "$ROOT/usr/share/lingyan/web"
else
  echo "build-deb: warning: web/dist missing, the package serves the API only" >&2
fi
install -D -m 0644 packaging/systemd/lingyan.service "$ROOT/lib/systemd/system/lingyan.service"
install -D -m 0644 packaging/debian/lingyan.env "$ROOT/etc/lingyan/lingyan.env"
install -D -m 0644 packaging/nginx/lingyan.conf "$ROOT/usr/share/doc/lingyan/examples/nginx-lingyan.conf"
for doc in docs/运维手册.md docs/security.md docs/api.md; do
  [ -f "$doc" ] && install -D -m 0644 "$doc" "$ROOT/usr/share/doc/lingyan/$(basename "$doc")"
done

# Depends: the package of every shared library the binary links directly (NEEDED), located by ldd.
needed=$(objdump -p "$BIN" | awk '/NEEDED/ {print $2}')
deps=$(ldd "$BIN" | awk '/=> \// {print $1, $3}' | while read -r name lib; do
  grep -qx "$name" <<<"$needed" || continue
  dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
done | cut -d: -f1 | sort -u | grep -v -E '^(libc6|libgcc-s1|libstdc\+\+6)$' | tr '\n' ',' | sed 's/,$//; s/,/, /g')
deps="libc6, libstdc++6, libgcc-s1${deps:+, $deps}"

mkdir -p "$ROOT/DEBIAN"
size=$(du -sk "$ROOT" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@ARCH@/$ARCH/" -e "s/@DEPENDS@/$deps/" -e "s/@SIZE@/$size/" \
  packaging/debian/control.in > "$ROOT/DEBIAN/control"
install -m 0644 packaging/debian/conffiles "$ROOT/DEBIAN/conffiles"
for s in postinst prerm postrm; do install -m 0755 "packaging/debian/$s" "$ROOT/DEBIAN/$s"; done

OUT="build/lingyan_${VERSION}_${ARCH}.deb"
mkdir -p build
fakeroot dpkg-deb --build -Zxz "$ROOT" "$OUT" >/dev/null
echo "built $OUT ($(du -h "$OUT" | cut -f1))"
dpkg-deb --info "$OUT" | sed -n '/Package:/,$p' | grep -E 'Package|Version|Depends'

# The unit: systemd's own check (unknown keys, bad paths). The binary must exist where the unit
# says, so verify against the staged tree's copy.
if command -v systemd-analyze >/dev/null; then
  unit="$STAGE/lingyan.service"
  sed "s#/usr/bin/lingyan#$ROOT/usr/bin/lingyan#g" packaging/systemd/lingyan.service > "$unit"
  out=$(systemd-analyze verify "$unit" 2>&1 | grep -v -E 'Failed to load|No such file|Unit lingyan.service|Command .* is not executable|dbus' || true)
  if [ -n "$out" ]; then echo "systemd-analyze verify:" >&2; echo "$out" >&2; exit 1; fi
  echo "systemd unit verified"
fi
# The nginx example, with a throwaway certificate, in a minimal main config.
if command -v nginx >/dev/null && command -v openssl >/dev/null; then
  ng="$STAGE/nginx"
  mkdir -p "$ng"
  openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=lingyan.test -days 1 \
    -keyout "$ng/privkey.pem" -out "$ng/fullchain.pem" >/dev/null 2>&1
  sed "s#/etc/ssl/lingyan/#$ng/#g" packaging/nginx/lingyan.conf > "$ng/lingyan.conf"
  printf 'pid %s/nginx.pid;\nerror_log %s/error.log;\nevents {}\nhttp {\n  access_log off;\n  include %s/lingyan.conf;\n}\n' \
    "$ng" "$ng" "$ng" > "$ng/nginx.conf"
  nginx -t -q -c "$ng/nginx.conf" -p "$ng" && echo "nginx example verified (nginx -t)"
fi
