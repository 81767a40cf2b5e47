#!/bin/sh
# SPDX-License-Identifier: MIT
# The static libraries tiendo.exe links with, cross-built with mingw-w64 from
# Debian's own source packages (nothing third-party is committed): apt-get
# source fetches sqlite3, ncurses, utf8proc, libcsv, zlib, libzip,
# libxlsxwriter, libsodium and expat into build/windows/src, their versions go
# to build/windows/VERSIONS, and each is built into PREFIX (lib, include;
# a library already there is skipped). The deb-src entry lives in a private
# apt configuration under build/windows/apt (its own sources file, lists and
# cache), so the system's apt lists, caches and locks are never touched and
# nothing is left behind in /etc. zlib first (libzip and libxlsxwriter use
# it), then the others at the same time: most of their time is serial
# configure scripts (SQLite's, ncurses', cmake's), which two cores overlap.
#
#   scripts/windows/libs.sh SRCDIR PREFIX
#
# Called by build.sh, which keeps what it makes in a per-user cache keyed by
# this file's hash (see build.sh). Exit status 75 (EX_TEMPFAIL) when the
# sources cannot be fetched (no network, the mirror down). DEBIAN_MIRROR
# (http://deb.debian.org/debian) and DEBIAN_SUITE (bookworm) choose where
# from.
set -eu
SRCDIR=$(cd "${1:?usage: libs.sh SRCDIR PREFIX}" && pwd)
PREFIX=${2:?usage: libs.sh SRCDIR PREFIX}
W=$SRCDIR/build/windows
SRC=$W/src
HOST=x86_64-w64-mingw32
CC_W=${CC_W:-$HOST-gcc}
AR_W=${AR_W:-$HOST-ar}
JOBS=${JOBS:-2}
PACKAGES="sqlite3 ncurses utf8proc libcsv zlib libzip libxlsxwriter libsodium expat"
SUITE=${DEBIAN_SUITE:-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

log() { printf 'windows: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }
command -v "$CC_W" >/dev/null || die "$CC_W not found (apt-get install gcc-mingw-w64-x86-64)"
mkdir -p "$SRC" "$PREFIX/include" "$PREFIX/lib"
PREFIX=$(cd "$PREFIX" && pwd)

# --- fetch: apt-get source with a private deb-src list ---
apt_private() {
	apt-get -q -o Acquire::Retries=2 -o Acquire::http::Timeout=30 \
		-o Dir::Etc::SourceList="$W/apt/tiendo-src.sources" \
		-o Dir::Etc::SourceParts="$W/apt/parts" \
		-o Dir::State::Lists="$W/apt/lists" -o Dir::Cache="$W/apt/cache" \
		-o Dir::Cache::pkgcache= -o Dir::Cache::srcpkgcache= "$@"
}
retry() { # retry CMD...: apt may find a lock held by someone else for a while
	_i=0
	until "$@"; do
		_i=$((_i + 1))
		# a network failure is not waited out: only a lock is
		grep -q 'Could not get lock' "$W/apt.log" && [ $_i -lt 10 ] || return 1
		log "retrying in 5 s ($*)"
		sleep 5
	done
}
fetch_failed() { # the sources could not be fetched: status 75 (see above)
	log "cannot fetch the Debian source packages from $MIRROR ($1): see $W/apt.log"
	exit 75
}
fetch() {
	todo=""
	for p in $PACKAGES; do
		ls "$SRC/${p}_"*.dsc >/dev/null 2>&1 || todo="$todo $p"
	done
	[ -n "$todo" ] || return 0
	log "fetching Debian source packages:$todo"
	mkdir -p "$W/apt/parts" "$W/apt/lists/partial" "$W/apt/cache/archives/partial"
	trap 'rm -rf "$W/apt"' EXIT INT TERM HUP
	cat >"$W/apt/tiendo-src.sources" <<SOURCES
Types: deb-src
URIs: $MIRROR
Suites: $SUITE
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
	: >"$W/apt.log"
	retry apt_private update >>"$W/apt.log" 2>&1 || fetch_failed "apt-get update failed"
	# apt-get update only warns when an index cannot be downloaded
	grep -q '^[WE]: Failed to fetch' "$W/apt.log" && fetch_failed "no index"
	# shellcheck disable=SC2086
	(cd "$SRC" && retry apt_private source $todo >>"$W/apt.log" 2>&1) ||
		fetch_failed "apt-get source failed"
	rm -rf "$W/apt"
	trap - EXIT INT TERM HUP
	: >"$W/VERSIONS.tmp"
	for p in $PACKAGES; do
		dsc=$(ls "$SRC/${p}_"*.dsc | head -n 1)
		printf '%s %s\n' "$p" "$(sed -n 's/^Version: //p' "$dsc")" >>"$W/VERSIONS.tmp"
	done
	printf 'x86_64-w64-mingw32-gcc %s\n' "$($CC_W -dumpversion)" >>"$W/VERSIONS.tmp"
	mv "$W/VERSIONS.tmp" "$W/VERSIONS"
}

# par DIR CMD...: run CMD in the background, $JOBS at a time; a failure
# leaves DIR/FAILED (par_wait DIR then says so).
par() {
	_d=$1
	shift
	{ "$@" || : >"$_d/FAILED"; } &
	_par=$((${_par:-0} + 1))
	[ "$_par" -lt "$JOBS" ] || { wait; _par=0; }
}
par_wait() { # par_wait DIR WHAT
	wait
	_par=0
	[ ! -e "$1/FAILED" ] || die "$2 failed (see above)"
}

# step NAME: build NAME (build_NAME skips what is built) and log the time.
step() {
	_t=$(date +%s)
	"build_$1"
	_t=$(($(date +%s) - _t))
	[ "$_t" -eq 0 ] || log "$1: $_t s"
}

srcdir_of() { # the unpacked directory of source package $1
	for d in "$SRC/$1"-[0-9]*; do
		[ -d "$d" ] && { echo "$d"; return 0; }
	done
	die "no unpacked source for $1 in $SRC"
}

build_sqlite() {
	[ -f "$PREFIX/lib/libsqlite3.a" ] && return 0
	log "sqlite3: amalgamation (native configure, make sqlite3.c), then cross-compile"
	s=$(srcdir_of sqlite3)
	b=$W/build-sqlite
	rm -rf "$b" && mkdir -p "$b"
	(cd "$b" && "$s/configure" >configure.log 2>&1 && make sqlite3.c >make.log 2>&1) ||
		die "sqlite3 amalgamation failed: see $b"
	# The options Debian builds with (FACTS.md), minus what needs a loader.
	"$CC_W" -O2 -c -o "$b/sqlite3.o" "$b/sqlite3.c" -DSQLITE_THREADSAFE=1 \
		-DSQLITE_ENABLE_FTS5 -DSQLITE_ENABLE_SESSION -DSQLITE_ENABLE_PREUPDATE_HOOK \
		-DSQLITE_ENABLE_MATH_FUNCTIONS -DSQLITE_ENABLE_COLUMN_METADATA \
		-DSQLITE_OMIT_LOAD_EXTENSION -DSQLITE_WIN32_MALLOC
	"$AR_W" rcs "$PREFIX/lib/libsqlite3.a" "$b/sqlite3.o"
	cp "$b/sqlite3.h" "$b/sqlite3ext.h" "$PREFIX/include/"
}

build_ncurses() {
	[ -f "$PREFIX/lib/libncursesw.a" ] && return 0
	# Only its include and ncurses folders: tiendo uses no panel, menu or form.
	log "ncurses: cross-build with the win32con driver, keys read as UTF-16 (a few minutes)"
	s=$(srcdir_of ncurses)
	sh "$SRCDIR/scripts/windows/patch-console-input.sh" "$s" || die "ncurses: patch failed"
	b=$W/build-ncurses
	rm -rf "$b" && mkdir -p "$b"
	(cd "$b" && "$s/configure" --host=$HOST --prefix="$PREFIX" \
		--enable-widec --enable-term-driver --enable-sp-funcs --enable-ext-funcs \
		--disable-termcap --disable-database --disable-home-terminfo \
		--with-fallbacks=ms-terminal,xterm-256color,vt100 \
		--without-shared --without-cxx --without-cxx-binding --without-ada \
		--without-progs --without-tests --without-manpages --without-debug \
		>configure.log 2>&1 &&
		make -C include -j"$JOBS" >make.log 2>&1 && make -C ncurses -j"$JOBS" >>make.log 2>&1 &&
		make -C include install >install.log 2>&1 && make -C ncurses install >>install.log 2>&1) ||
		die "ncurses failed: see $b/*.log"
}

build_utf8proc() {
	[ -f "$PREFIX/lib/libutf8proc.a" ] && return 0
	log "utf8proc: one C file"
	s=$(srcdir_of utf8proc)
	"$CC_W" -O2 -DUTF8PROC_STATIC -c -o "$W/utf8proc.o" "$s/utf8proc.c"
	"$AR_W" rcs "$PREFIX/lib/libutf8proc.a" "$W/utf8proc.o"
	cp "$s/utf8proc.h" "$PREFIX/include/"
}

build_libcsv() {
	[ -f "$PREFIX/lib/libcsv.a" ] && return 0
	log "libcsv: one C file"
	s=$(srcdir_of libcsv)
	"$CC_W" -O2 -c -o "$W/libcsv.o" "$s/libcsv.c"
	"$AR_W" rcs "$PREFIX/lib/libcsv.a" "$W/libcsv.o"
	cp "$s/csv.h" "$PREFIX/include/"
}

build_zlib() {
	[ -f "$PREFIX/lib/libz.a" ] && return 0
	log "zlib: its C files (Debian's source has no win32 makefile)"
	s=$(srcdir_of zlib)
	b=$W/build-zlib
	rm -rf "$b" && mkdir -p "$b"
	for f in adler32 compress crc32 deflate gzclose gzlib gzread gzwrite infback inffast \
		inflate inftrees trees uncompr zutil; do
		"$CC_W" -O2 -c -o "$b/$f.o" "$s/$f.c" || die "zlib: $f.c failed"
	done
	"$AR_W" rcs "$PREFIX/lib/libz.a" "$b"/*.o
	cp "$s/zlib.h" "$s/zconf.h" "$PREFIX/include/"
}

# cmake_cross SRC BUILD ARGS...: configure, build and install a cmake project
# (CMAKE_AFTER_CONFIGURE: a command run in BUILD between the two).
cmake_cross() {
	_s=$1 _b=$2
	shift 2
	rm -rf "$_b" && mkdir -p "$_b"
	(cd "$_b" && cmake "$_s" -DCMAKE_SYSTEM_NAME=Windows -DCMAKE_C_COMPILER="$CC_W" \
		-DCMAKE_RC_COMPILER=$HOST-windres -DCMAKE_FIND_ROOT_PATH="$PREFIX" \
		-DCMAKE_FIND_ROOT_PATH_MODE_LIBRARY=ONLY -DCMAKE_FIND_ROOT_PATH_MODE_INCLUDE=ONLY \
		-DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=ONLY -DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_SHARED_LIBS=OFF \
		-DZLIB_LIBRARY="$PREFIX/lib/libz.a" -DZLIB_INCLUDE_DIR="$PREFIX/include" \
		"$@" >configure.log 2>&1 && ${CMAKE_AFTER_CONFIGURE:-:} &&
		cmake --build . -j "$JOBS" >make.log 2>&1 && cmake --install . >install.log 2>&1)
}

build_libzip() {
	[ -f "$PREFIX/lib/libzip.a" ] && return 0
	log "libzip: cmake, zlib only (no bzip2, lzma, zstd, crypto)"
	cmake_cross "$(srcdir_of libzip)" "$W/build-libzip" -DENABLE_BZIP2=OFF -DENABLE_LZMA=OFF \
		-DENABLE_ZSTD=OFF -DENABLE_OPENSSL=OFF -DENABLE_GNUTLS=OFF -DENABLE_MBEDTLS=OFF \
		-DENABLE_COMMONCRYPTO=OFF -DENABLE_WINDOWS_CRYPTO=OFF -DBUILD_TOOLS=OFF \
		-DBUILD_REGRESS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_DOC=OFF ||
		die "libzip failed: see $W/build-libzip/*.log"
}

build_libxlsxwriter() {
	[ -f "$PREFIX/lib/libxlsxwriter.a" ] && return 0
	# Its CMakeLists wants a C++ compiler mingw-w64's gcc package lacks: the
	# sources and definitions its CMakeLists uses for a static MinGW build.
	# Its fopen becomes tiendo's compat_fopen (src/compat_win.c), which takes
	# UTF-8 names: msvcrt's fopen cannot open "Báo cáo\tổng hợp.xlsx".
	log "libxlsxwriter: its C files and its own minizip, tmpfileplus and md5"
	s=$(srcdir_of libxlsxwriter)
	b=$W/build-libxlsxwriter
	rm -rf "$b" && mkdir -p "$b"
	for f in "$s"/src/*.c "$s"/third_party/minizip/ioapi.c "$s"/third_party/minizip/zip.c \
		"$s"/third_party/tmpfileplus/tmpfileplus.c "$s"/third_party/md5/md5.c; do
		par "$b" "$CC_W" -O2 -Wno-char-subscripts -DNOCRYPT -DNOUNCRYPT -DUSE_FILE32API -Dfopen=compat_fopen \
			-I"$s/include" -I"$PREFIX/include" -c -o "$b/$(basename "$f" .c).o" "$f"
	done
	par_wait "$b" libxlsxwriter
	"$AR_W" rcs "$PREFIX/lib/libxlsxwriter.a" "$b"/*.o
	cp -r "$s/include/xlsxwriter.h" "$s/include/xlsxwriter" "$PREFIX/include/"
}

build_libsodium() {
	[ -f "$PREFIX/lib/libsodium.a" ] && return 0
	# Debian's source is the git tree without configure (and autotools are no
	# build dependency here): its C files with the version.h of its MSVC build.
	# No HAVE_*INTRIN_H: the SSE/AVX variants compile to nothing and the
	# portable code is used (src/sign.c signs a few files, speed is moot).
	log "libsodium: its C files, portable code only"
	s=$(srcdir_of libsodium)
	b=$W/build-libsodium
	rm -rf "$b" && mkdir -p "$b/sodium"
	cp "$s/builds/msvc/version.h" "$b/sodium/version.h"
	for f in $(find "$s/src/libsodium" -name '*.c'); do # no spaces in these names
		o=$b/$(echo "${f#"$s/src/libsodium/"}" | tr / _ | sed 's/\.c$/.o/')
		par "$b" "$CC_W" -O2 -DSODIUM_STATIC -DCONFIGURED=1 -I"$b" -I"$b/sodium" \
			-I"$s/src/libsodium/include/sodium" -c -o "$o" "$f"
	done
	par_wait "$b" libsodium
	"$AR_W" rcs "$PREFIX/lib/libsodium.a" "$b"/*.o
	cp -r "$s/src/libsodium/include/sodium.h" "$s/src/libsodium/include/sodium" "$PREFIX/include/"
	cp "$b/sodium/version.h" "$PREFIX/include/sodium/"
}

expat_config_dtd() {
	sed 's/^#define XML_DTD$/#define XML_DTD 1/' expat_config.h >expat_config.h.tmp &&
		mv expat_config.h.tmp expat_config.h
}

build_expat() {
	[ -f "$PREFIX/lib/libexpat.a" ] && return 0
	# Debian's security patches test "#if XML_DTD == 1", as its autotools
	# config.h defines it; cmake's expat_config.h defines XML_DTD empty.
	log "expat: cmake, the library only"
	CMAKE_AFTER_CONFIGURE=expat_config_dtd cmake_cross "$(srcdir_of expat)/expat" "$W/build-expat" -DEXPAT_SHARED_LIBS=OFF \
		-DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF \
		-DEXPAT_BUILD_DOCS=OFF -DEXPAT_BUILD_FUZZERS=OFF -DEXPAT_BUILD_PKGCONFIG=OFF ||
		die "expat failed: see $W/build-expat/*.log"
}

_t0=$(date +%s)
fetch
_t=$(($(date +%s) - _t0))
[ "$_t" -eq 0 ] || log "fetch: $_t s"
step zlib
# The longest first, each in the background (a subshell, so that set -e
# still ends it at its first failure); then wait for each and name the failed.
libs="ncurses sqlite libzip libsodium libxlsxwriter expat utf8proc libcsv"
for lib in $libs; do
	(step "$lib") &
	eval "pid_$lib=$!"
done
failed=""
for lib in $libs; do
	eval "wait \$pid_$lib" || failed="$failed $lib"
done
[ -z "$failed" ] || die "failed:$failed (see above)"
log "libraries in $PREFIX in $(($(date +%s) - _t0)) s"
