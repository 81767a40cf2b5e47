#!/bin/sh
# SPDX-License-Identifier: MIT
# make check's Windows part (tests/check.sh): the cross-build, then
# tests/windows/run.sh, ending with "windows: N passed, M failed". It runs
# whenever the tools are here (scripts/deps.sh check installs them when it
# can); TIENDO_CHECK_WINDOWS=0 skips it. The libraries come from the
# per-user cache (scripts/windows/build.sh), or are built once into it
# (about 5 min). Without the tools, or when the sources cannot be fetched
# (build.sh exits 75: no network, the mirror down), it says why and counts
# nothing: a skip, never a failure.
set -u
cd "$(dirname "$0")/../.." || exit 1
skip() { echo "windows: skipped ($1): 0 passed, 0 failed"; exit 0; }
[ "${TIENDO_CHECK_WINDOWS:-1}" != 0 ] || skip "TIENDO_CHECK_WINDOWS=0"
# the cross-build (mingw, SQLite's amalgamation: tclsh, apt-get source:
# dpkg-source, libzip and expat: cmake), the tests (wine, tmux for the
# interface, sqlite3 for the database dumps, zip and unzip for the zip)
for c in x86_64-w64-mingw32-gcc tclsh dpkg-source cmake wine tmux sqlite3 zip unzip; do
	command -v "$c" >/dev/null 2>&1 || skip "$c not found: sh scripts/deps.sh windows installs what is missing"
done
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
sh scripts/windows/build.sh . >"$log" 2>&1
st=$?
grep -v '^  CC ' "$log"
[ "$st" -ne 75 ] || skip "the Debian source packages could not be fetched: no network?"
if [ "$st" -ne 0 ]; then
	echo "not ok - windows: the cross-build failed (status $st)"
	echo "windows: 0 passed, 1 failed"
	exit 1
fi
echo "windows: cross-build $(($(date +%s) - start)) s"
sh tests/windows/run.sh
