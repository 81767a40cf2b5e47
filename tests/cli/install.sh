#!/bin/bash
# SPDX-License-Identifier: MIT
# make install / uninstall honour PREFIX and DESTDIR.
. "$SRCDIR/tests/lib.sh"
D="$T/dest"
# A Debian maintainer's `make && make install` builds in the tree and installs
# into DESTDIR: no dependency step, no apt-get (that is `make deps`, `make run`
# and `make check`).
make -n -C "$SRCDIR" all install DESTDIR="$D" PREFIX=/usr >"$T/dry" 2>&1
expect_no_grep "make and make install never run the dependency step" 'deps\.sh|apt-get' "$T/dry"
make -n -C "$SRCDIR" run >"$T/dry" 2>&1
expect_grep "make run does" 'deps\.sh build' "$T/dry"
make -n -C "$SRCDIR" check >"$T/dry" 2>&1
expect_grep "make check does, with what the tests need" 'deps\.sh check' "$T/dry"
expect_exit "make install" 0 make -s -C "$SRCDIR" install DESTDIR="$D" PREFIX=/usr
for f in bin/tiendo share/man/man1/tiendo.1 share/man/vi/man1/tiendo.1 share/tiendo/plans/README \
	share/tiendo/plans/dong-thap-118-2025.csv share/tiendo/demo/build.sh \
	share/tiendo/keymaps/default.keys share/tiendo/keymaps/vi.keys share/tiendo/keymaps/emacs.keys; do
	[ -f "$D/usr/$f" ] && ok "installed $f" || notok "installed $f"
done
expect_eq "all five plans installed" 5 "$(ls "$D"/usr/share/tiendo/plans/*.csv | wc -l)"
expect_exit "the installed binary runs" 0 "$D/usr/bin/tiendo" --version
version=$(sed -n 's/^tiendo //p' "$T/out")
for page in man1 vi/man1; do
	expect_grep "$page/tiendo.1 carries the version of tiendo --version ($version)" \
		"^\.TH TIENDO 1 \"[^\"]*\" \"tiendo $version\"" "$D/usr/share/man/$page/tiendo.1"
done
if command -v man >/dev/null 2>&1; then
	MANPATH="$D/usr/share/man" LC_ALL=C.UTF-8 man -L vi -P cat tiendo >"$T/man-vi" 2>"$T/err"
	expect_grep "man -L vi tiendo shows the Vietnamese page" '^CÁCH DÙNG' "$T/man-vi"
	MANPATH="$D/usr/share/man" LANGUAGE='' LC_ALL=C.UTF-8 man -P cat tiendo >"$T/man-en" 2>"$T/err"
	expect_grep "man tiendo shows the English page" '^SYNOPSIS' "$T/man-en"
else
	notok "man is installed (make check-deps installs man-db)"
fi
expect_exit "make uninstall" 0 make -s -C "$SRCDIR" uninstall DESTDIR="$D" PREFIX=/usr
expect_eq "uninstall removes every file" 0 "$(find "$D" -type f | wc -l)"
