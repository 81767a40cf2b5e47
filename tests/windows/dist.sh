#!/bin/bash
# SPDX-License-Identifier: MIT
# make dist-windows: the zip holds what a clerk needs, the texts have CRLF
# line ends, and the unpacked tiendo.exe finds its keymaps and plans.
. "$SRCDIR/tests/lib.sh"
cd "$SRCDIR" || exit 1
version=$(sed -n 's/^VERSION = //p' Makefile)
zip=build/windows/tiendo-$version-windows.zip
expect_exit "dist-windows makes the zip" 0 sh scripts/windows/dist.sh "$version"
cd "$T" || exit 1
expect_exit "the zip unpacks" 0 unzip -q "$SRCDIR/$zip"
D=$T/tiendo-$version-windows
for f in tiendo.exe tiendo.bat README-windows.txt VERSIONS.txt keymaps/default.keys keymaps/vi.keys keymaps/emacs.keys; do
	[ -f "$D/$f" ] && ok "the zip holds $f" || notok "the zip holds $f" "$(ls -R "$D")"
done
expect_eq "the five plans" 5 "$(ls "$D"/plans/*.csv | wc -l)"
crlf_only() { [ "$(grep -c $'\r$' "$1")" -eq "$(wc -l <"$1")" ]; }
crlf_only "$D/README-windows.txt" && ok "README-windows.txt has CRLF line ends" || notok "README-windows.txt has CRLF line ends"
crlf_only "$D/tiendo.bat" && ok "tiendo.bat has CRLF line ends" || notok "tiendo.bat has CRLF line ends"
expect_grep "the README is in Vietnamese" "Bắt đầu" "$D/README-windows.txt"
expect_grep "tiendo.bat switches the console to UTF-8" "^chcp 65001" "$D/tiendo.bat"
expect_grep "tiendo.bat sizes the window to 80x24 or more" "^mode con: cols=(8[0-9]|9[0-9]|1[0-9][0-9]) lines=(2[4-9]|[3-9][0-9])" "$D/tiendo.bat"
cd "$D" || exit 1
expect_exit "the unpacked tiendo.exe finds its keymap beside it" 0 wine ./tiendo.exe --check-keymap vi
expect_exit "a shipped plan loads" 0 wine ./tiendo.exe -f "$T/plan.db" init --plan 'plans\lang-son-2025.csv'
expect_exit "tiendo.bat runs tiendo.exe" 0 wine cmd /c "tiendo.bat --version"
expect_grep "and passes the arguments" "^tiendo $version" "$T/out"
