#!/bin/sh
# SPDX-License-Identifier: MIT
# make check-windows: the tests in tests/windows/*.sh against
# build/windows/tiendo.exe under wine, with the wine prefix in
# build/windows/wineprefix (made on the first run). Ends with
# "windows: N passed, M failed" like tests/run.sh.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
exe=$root/build/windows/tiendo.exe
[ -f "$exe" ] || { echo "windows: $exe missing (make windows)"; echo "windows: 0 passed, 1 failed"; exit 1; }
command -v wine >/dev/null 2>&1 || { echo "windows: wine not found"; echo "windows: 0 passed, 1 failed"; exit 1; }
export WINEPREFIX="$root/build/windows/wineprefix" WINEDEBUG=-all WINEARCH=win64
# no Mono or Gecko installer dialogs in a test run
export WINEDLLOVERRIDES="mscoree,mshtml="
if [ ! -f "$WINEPREFIX/system.reg" ]; then
	echo "windows: making the wine prefix (once)"
	wineboot -i >/dev/null 2>&1
	wineserver -w
fi
# wine links Documents, Desktop... to the Unix home: make them folders of the
# prefix, so that what the tests export stays in build/windows.
for d in "$WINEPREFIX"/drive_c/users/*/*; do
	[ -L "$d" ] || continue
	rm -f "$d" && mkdir -p "$d"
done
export TIENDO="$exe" SRCDIR="$root"
pass=0 fail=0
log=$(mktemp)
for t in "$root"/tests/windows/*.sh; do
	[ "$(basename "$t")" = run.sh ] && continue
	name=$(basename "$t" .sh)
	start=$(date +%s)
	bash "$t" >"$log" 2>&1
	p=$(grep -c '^ok' "$log")
	f=$(grep -c '^not ok' "$log")
	[ "$p" -gt 0 ] || f=$((f + 1))
	echo "windows/$name: $p ok, $f not ok ($(( $(date +%s) - start )) s)"
	grep -A 12 '^not ok' "$log" | head -n 60
	pass=$((pass + p))
	fail=$((fail + f))
done
rm -f "$log"
wineserver -k 2>/dev/null
echo "windows: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
