#!/bin/sh
# SPDX-License-Identifier: MIT
# Cross-build a static tiendo.exe for Windows (x86-64) with mingw-w64.
#
#   scripts/windows/build.sh [SRCDIR]              -> build/windows/tiendo.exe
#   scripts/windows/build.sh --libs-only [SRCDIR]  the libraries only
#   scripts/windows/build.sh --cache-clean         empty the cache
#
# The libraries come from scripts/windows/libs.sh (Debian's source packages,
# built with mingw-w64: minutes). What it makes is kept in a per-user cache,
# ${XDG_CACHE_HOME:-$HOME/.cache}/tiendo/windows/KEY, so that a fresh clone
# (CI, a new worktree) does not rebuild it. KEY is a hash of libs.sh, the
# ncurses patch, the compiler's and cmake's versions and the Debian suite:
# not of the Debian source packages' versions (a security update of the
# suite is not seen: make windows-cache-clean). An entry holds prefix/ (lib,
# include, share), VERSIONS and MANIFEST (the sha256 of every file of
# prefix/, checked at every use: an entry that fails it is removed and
# rebuilt). An entry is built in a temporary folder beside it and renamed
# into place, so a cut build leaves nothing that looks whole.
# TIENDO_WINDOWS_CACHE=DIR chooses another cache folder, =off keeps the
# libraries in build/windows/prefix only. TIENDO_WINDOWS_LIBS=FILE runs
# another libs script (tests/cli/windows_cache.sh uses a fake one).
#
# Exit status 75 (EX_TEMPFAIL) when the sources cannot be fetched (no network,
# the mirror down): make check then says so and skips the Windows part.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
libs_only=0
case ${1:-} in
--libs-only) libs_only=1; shift ;;
--cache-clean) clean=1; shift ;;
esac
HOST=x86_64-w64-mingw32
CC_W=${CC_W:-$HOST-gcc}
LIBS_SH=${TIENDO_WINDOWS_LIBS:-$here/libs.sh}
CACHE=${TIENDO_WINDOWS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tiendo/windows}
log() { printf 'windows: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

if [ "${clean:-0}" = 1 ]; then
	[ "$CACHE" = off ] || { rm -rf "$CACHE"; log "removed $CACHE"; }
	exit 0
fi
SRCDIR=$(cd "${1:-.}" && pwd)
W=$SRCDIR/build/windows
command -v "$CC_W" >/dev/null || die "$CC_W not found (apt-get install gcc-mingw-w64-x86-64)"
mkdir -p "$W"

# cache_key: what the libraries depend on, hashed (see above).
cache_key() {
	{
		cat "$LIBS_SH" "$here/patch-console-input.sh"
		"$CC_W" --version 2>&1 | head -n 1
		if command -v cmake >/dev/null 2>&1; then cmake --version | head -n 1; else echo no cmake; fi
		echo "suite ${DEBIAN_SUITE:-bookworm}"
	} | sha256sum | cut -c 1-16
}

# cache_ok ENTRY: the entry is whole (every file of its MANIFEST with its
# sha256, and no other file).
cache_ok() {
	[ -f "$1/MANIFEST" ] && [ -f "$1/VERSIONS" ] && [ -d "$1/prefix" ] || return 1
	(cd "$1" && sha256sum --quiet --strict -c MANIFEST >/dev/null 2>&1) || return 1
	[ "$(cd "$1" && find prefix ! -type d | wc -l)" -eq "$(wc -l <"$1/MANIFEST")" ]
}

# cache_put ENTRY TMP: TMP/prefix is built; write its MANIFEST and VERSIONS
# and rename TMP to ENTRY (another build may have put it there first: keep
# that one).
cache_put() {
	(cd "$2" && find prefix ! -type d | LC_ALL=C sort | while IFS= read -r f; do sha256sum "$f"; done) >"$2/MANIFEST"
	cp "$W/VERSIONS" "$2/VERSIONS"
	mv -T "$2" "$1" 2>/dev/null || rm -rf "$2"
}

if [ "$CACHE" = off ]; then
	PREFIX=$W/prefix
	sh "$LIBS_SH" "$SRCDIR" "$PREFIX"
else
	key=$(cache_key)
	entry=$CACHE/$key
	if [ -d "$entry" ] && ! cache_ok "$entry"; then
		log "the cached libraries in $entry fail their MANIFEST check: removed, rebuilding"
		rm -rf "$entry"
	fi
	if [ -d "$entry" ]; then
		log "libraries from the cache: $entry"
		cp "$entry/VERSIONS" "$W/VERSIONS"
	else
		log "libraries not in the cache ($entry): building them"
		mkdir -p "$CACHE"
		tmp=$(mktemp -d "$CACHE/.new-$key.XXXXXX")
		trap 'rm -rf "$tmp"' EXIT INT TERM HUP
		st=0
		sh "$LIBS_SH" "$SRCDIR" "$tmp/prefix" || st=$?
		[ "$st" -eq 0 ] || exit "$st"
		cache_put "$entry" "$tmp"
		trap - EXIT INT TERM HUP
		cache_ok "$entry" || die "the libraries just cached in $entry fail their check"
	fi
	PREFIX=$entry/prefix
fi
[ "$libs_only" = 0 ] || { echo "$PREFIX"; exit 0; }
# Other libraries than last time (another cache entry, a rebuilt one): make
# compiles and links tiendo.exe again.
[ "$(cat "$W/LIBS" 2>/dev/null)" = "$PREFIX ${key:-off}" ] || rm -rf "$W/obj" "$W/tiendo.exe"
echo "$PREFIX ${key:-off}" >"$W/LIBS"

# --- tiendo itself, through the project's own Makefile ---
make_w() {
	make -C "$SRCDIR" --no-print-directory -j"${JOBS:-2}" \
		CC="$CC_W" BUILD=build/windows/obj BIN=build/windows/tiendo.exe \
		PKG_CFLAGS="-I$PREFIX/include -I$PREFIX/include/ncursesw -DNCURSES_STATIC -DUTF8PROC_STATIC -DSODIUM_STATIC -DXML_STATIC -D__USE_MINGW_ANSI_STDIO=1" \
		PKG_LIBS="-L$PREFIX/lib -lncursesw -lsqlite3 -lutf8proc -lxlsxwriter -lzip -lz -lsodium -lexpat" \
		LIBS="-L$PREFIX/lib -lncursesw -lsqlite3 -lutf8proc -lxlsxwriter -lzip -lz -lsodium -lexpat -lcsv -lshell32 -lole32 -luuid -ladvapi32 -lpthread" \
		LDFLAGS="-static" "$@"
}
_t0=$(date +%s)
log "tiendo.exe"
make_w build/windows/tiendo.exe
log "built $W/tiendo.exe ($(wc -c <"$W/tiendo.exe") bytes) in $(($(date +%s) - _t0)) s"

# The unit tests that need no scratch folder, setenv or a shell (those do
# not build or run on Windows), for tests/windows/unit.sh. mingw's gcc adds
# .exe to what make names, so make would link them at every run: only those
# older than tiendo.exe or their source.
UNIT_WINDOWS="test_charset test_collate test_compat_name test_config test_csvwrite test_editbuf
	test_encoding test_excel_sum test_keymap test_period test_plan_texts test_planfile test_telex
	test_text test_units test_viqr"
todo=""
for t in $UNIT_WINDOWS; do
	e=$W/obj/tests/$t.exe
	[ -f "$e" ] && [ "$e" -nt "$W/tiendo.exe" ] && [ "$e" -nt "$SRCDIR/tests/unit/$t.c" ] &&
		[ "$e" -nt "$SRCDIR/tests/unit/check.h" ] || todo="$todo build/windows/obj/tests/$t"
done
if [ -n "$todo" ]; then
	_t0=$(date +%s)
	# shellcheck disable=SC2086
	make_w $todo
	log "unit tests for wine built in $(($(date +%s) - _t0)) s"
fi
