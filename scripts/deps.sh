#!/bin/sh
# SPDX-License-Identifier: MIT
# Install what tiendo needs on Debian, only when it is missing.
#   deps.sh build   libraries and tools to build tiendo
#   deps.sh check   the above plus what the test suite uses (and, when it
#                   can, what its Windows part uses)
#   deps.sh bench   the above plus what `make bench` measures with and against
#   deps.sh windows what `make windows`, `check-windows` and `dist-windows` use
set -u
mode=${1:-build}
missing=""

need_pkg() { # need_pkg DEBIAN-PACKAGE: add it when dpkg does not have it
	dpkg -s "$1" >/dev/null 2>&1 || missing="$missing $1"
}

command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
if command -v pkg-config >/dev/null 2>&1; then
	pkg-config --exists ncursesw || missing="$missing libncurses-dev"
	pkg-config --exists sqlite3 || missing="$missing libsqlite3-dev"
	pkg-config --exists libutf8proc || missing="$missing libutf8proc-dev"
	pkg-config --exists xlsxwriter || missing="$missing libxlsxwriter-dev"
	pkg-config --exists libzip || missing="$missing libzip-dev"
	pkg-config --exists libsodium || missing="$missing libsodium-dev"
	pkg-config --exists expat || missing="$missing libexpat1-dev"
else
	missing="$missing libncurses-dev libsqlite3-dev libutf8proc-dev libxlsxwriter-dev libzip-dev libsodium-dev libexpat1-dev"
fi
# libcsv ships no pkg-config file: try to compile and link against it.
tmp=$(mktemp -d)
printf '#include <csv.h>\nint main(void){struct csv_parser p; return csv_init(&p,0);}\n' >"$tmp/t.c"
${CC:-cc} -o "$tmp/t" "$tmp/t.c" -lcsv >/dev/null 2>&1 || missing="$missing libcsv-dev"
rm -rf "$tmp"

if [ "$mode" = check ] || [ "$mode" = bench ]; then
	command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
	command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3"
	command -v clang >/dev/null 2>&1 || missing="$missing clang"
	need_pkg libclang-rt-14-dev
	command -v valgrind >/dev/null 2>&1 || missing="$missing valgrind"
	# the man pages are checked with groff -ww and read back with man -L vi
	command -v groff >/dev/null 2>&1 || missing="$missing groff-base"
	command -v man >/dev/null 2>&1 || missing="$missing man-db"
	locale -a 2>/dev/null | grep -qi '^c\.utf-\?8$' || missing="$missing locales"
	# the exchange tests re-save a report with LibreOffice Calc, as a clerk would
	command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 ||
		missing="$missing libreoffice-calc-nogui"
	# the deliverables test renders the drafted .docx (Writer) and reads the PDF
	[ -e /usr/lib/libreoffice/program/libswlo.so ] || need_pkg libreoffice-writer-nogui
	command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
	# the deliverables' tests read the .docx and .xlsx parts with unzip
	command -v unzip >/dev/null 2>&1 || missing="$missing unzip"
fi
# make bench: hyperfine times, calcurse is the anchor, GNU time gives max RSS
if [ "$mode" = bench ]; then
	command -v hyperfine >/dev/null 2>&1 || missing="$missing hyperfine"
	command -v calcurse >/dev/null 2>&1 || missing="$missing calcurse"
	[ -x /usr/bin/time ] || missing="$missing time"
fi

# make windows: mingw-w64, tclsh for SQLite's amalgamation, dpkg-source for
# apt-get source, cmake for libzip and expat; check-windows: wine, tmux,
# sqlite3, unzip; dist-windows: zip. make check runs the Windows part when
# these are here (scripts/windows/check.sh): for it they are optional, and a
# failure to install them only skips that part (TIENDO_CHECK_WINDOWS=0: not
# even tried).
windows_missing() {
	command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || echo gcc-mingw-w64-x86-64
	command -v tclsh >/dev/null 2>&1 || echo tcl
	command -v dpkg-source >/dev/null 2>&1 || echo dpkg-dev
	command -v cmake >/dev/null 2>&1 || echo cmake
	command -v wine >/dev/null 2>&1 || echo wine wine64
	command -v zip >/dev/null 2>&1 || echo zip
	command -v unzip >/dev/null 2>&1 || echo unzip
	command -v tmux >/dev/null 2>&1 || echo tmux
	command -v sqlite3 >/dev/null 2>&1 || echo sqlite3
}
optional=""
if [ "$mode" = windows ]; then
	missing="$missing $(windows_missing | tr '\n' ' ')"
	missing=$(echo $missing)
	[ -z "$missing" ] || missing=" $missing"
elif [ "$mode" = check ] && [ "${TIENDO_CHECK_WINDOWS:-1}" != 0 ]; then
	optional=$(windows_missing | tr '\n' ' ')
	optional=$(echo $optional)
fi

export DEBIAN_FRONTEND=noninteractive
if [ -n "$missing" ]; then
	echo "tiendo: missing:$missing" >&2
	if [ "$(id -u)" -ne 0 ]; then
		echo "tiendo: run as root, or install them yourself: apt-get install$missing" >&2
		exit 1
	fi
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "tiendo: no apt-get here; install the equivalents of:$missing" >&2
		exit 1
	fi
	echo "tiendo: installing:$missing" >&2
	apt-get update -qq >/dev/null && apt-get install -y -qq $missing >/dev/null || {
		echo "tiendo: apt-get install$missing failed" >&2
		exit 1
	}
	updated=1
fi

[ -n "$optional" ] || exit 0
# The Windows part of make check: try, and say so when it cannot be had.
nowin() {
	echo "tiendo: $1; make check skips the Windows part (sh scripts/deps.sh windows, or TIENDO_CHECK_WINDOWS=0 to stop trying)" >&2
	exit 0
}
[ "$(id -u)" -eq 0 ] || nowin "missing for the Windows part: $optional (not root)"
command -v apt-get >/dev/null 2>&1 || nowin "missing for the Windows part: $optional (no apt-get)"
echo "tiendo: installing for the Windows part: $optional" >&2
{ [ -n "${updated:-}" ] || apt-get update -qq >/dev/null; } &&
	apt-get install -y -qq $optional >/dev/null ||
	nowin "apt-get install $optional failed"
exit 0
