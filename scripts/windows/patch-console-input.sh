#!/bin/sh
# SPDX-License-Identifier: MIT
# Patch ncurses 6.4's Windows console driver (win32con/win_driver.c) to read
# keys as UTF-16 (ReadConsoleInputW): as shipped it reads uChar.AsciiChar and
# every Vietnamese letter typed (Unikey, EVKey, the Windows Vietnamese
# keyboard) is lost. A non-ASCII character comes out of wget_wch as the key
# code KEY_MAX + 1 + the character; tiendo turns it back into the character
# (compat_key_char in src/compat_win.c). Applied to the unpacked source
# before configure; idempotent.
#   patch-console-input.sh NCURSES_SOURCE_DIR
set -eu
f=$1/ncurses/win32con/win_driver.c
grep -q 'TIENDO_UNICODE_INPUT' "$f" && exit 0
sed -i \
	-e 's/^#define CONSUME() ReadConsoleInput(fd,&inp_rec,1,&nRead)/#define CONSUME() ReadConsoleInputW(fd,\&inp_rec,1,\&nRead) \/* TIENDO_UNICODE_INPUT *\//' \
	-e 's/b = PeekConsoleInput(fd, &inp_rec, 1, &nRead);/b = PeekConsoleInputW(fd, \&inp_rec, 1, \&nRead);/' \
	-e 's/char ch = inp_rec.Event.KeyEvent.uChar.AsciiChar;/WCHAR ch = inp_rec.Event.KeyEvent.uChar.UnicodeChar;/' \
	-e 's/while ((b = ReadConsoleInput(fd, &inp_rec, 1, &nRead))) {/while ((b = ReadConsoleInputW(fd, \&inp_rec, 1, \&nRead))) {/' \
	-e 's/\*buf = (int) inp_rec.Event.KeyEvent.uChar.AsciiChar;/{ WCHAR wc_ = inp_rec.Event.KeyEvent.uChar.UnicodeChar; *buf = wc_ >= 0x80 ? (int) (KEY_MAX + 1 + wc_) : (int) wc_; }/' \
	"$f"
n=$(grep -c 'ReadConsoleInputW\|PeekConsoleInputW\|WCHAR ch = \|WCHAR wc_' "$f")
[ "$n" -eq 5 ] || { echo "patch-console-input.sh: $f: expected 5 patched lines, found $n" >&2; exit 1; }
