#!/bin/bash
# SPDX-License-Identifier: MIT
# make install / uninstall honour PREFIX and DESTDIR.
. "$SRCDIR/tests/lib.sh"
D="$T/dest"
expect_exit "make install" 0 make -s -C "$SRCDIR" install DESTDIR="$D" PREFIX=/usr
for f in bin/tiendo share/man/man1/tiendo.1 share/tiendo/plans/README \
	share/tiendo/plans/dong-thap-118-2025.csv share/tiendo/demo/build.sh \
	share/tiendo/keymaps/default.keys share/tiendo/keymaps/vi.keys share/tiendo/keymaps/emacs.keys; do
	[ -f "$D/usr/$f" ] && ok "installed $f" || notok "installed $f"
done
expect_eq "all five plans installed" 5 "$(ls "$D"/usr/share/tiendo/plans/*.csv | wc -l)"
expect_exit "the installed binary runs" 0 "$D/usr/bin/tiendo" --version
expect_exit "make uninstall" 0 make -s -C "$SRCDIR" uninstall DESTDIR="$D" PREFIX=/usr
expect_eq "uninstall removes every file" 0 "$(find "$D" -type f | wc -l)"
