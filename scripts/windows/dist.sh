#!/bin/sh
# SPDX-License-Identifier: MIT
# make dist-windows: build/windows/tiendo-VERSION-windows.zip with tiendo.exe,
# the plans, the keymaps, a Vietnamese README-windows.txt and tiendo.bat
# (both with CRLF line ends, as Notepad and cmd.exe want them).
set -eu
version=${1:?usage: dist.sh VERSION}
root=$(pwd)
W=$root/build/windows
name=tiendo-$version-windows
stage=$W/dist/$name
command -v zip >/dev/null || { echo "dist-windows: zip not found (apt-get install zip)" >&2; exit 1; }
[ -f "$W/tiendo.exe" ] || { echo "dist-windows: $W/tiendo.exe missing (make windows)" >&2; exit 1; }
rm -rf "$W/dist" && mkdir -p "$stage/plans" "$stage/keymaps"
cp "$W/tiendo.exe" "$stage/"
cp data/plans/*.csv "$stage/plans/"
[ -f data/plans/README ] && sed 's/$/\r/' data/plans/README >"$stage/plans/README.txt"
cp keymaps/*.keys "$stage/keymaps/"
crlf() { sed 's/$/\r/' "$1" >"$2"; }
crlf scripts/windows/README-windows.txt "$stage/README-windows.txt"
crlf scripts/windows/tiendo.bat "$stage/tiendo.bat"
[ -f "$W/VERSIONS" ] && crlf "$W/VERSIONS" "$stage/VERSIONS.txt"
rm -f "$W/$name.zip"
(cd "$W/dist" && zip -qr -X "$W/$name.zip" "$name")
echo "dist-windows: $W/$name.zip ($(wc -c <"$W/$name.zip") bytes)"
