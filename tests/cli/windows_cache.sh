#!/bin/bash
# SPDX-License-Identifier: MIT
# The cache of the Windows libraries (scripts/windows/build.sh), on Linux and
# without a cross-build: a fake libs script (TIENDO_WINDOWS_LIBS) that counts
# its runs. A hit does not rebuild; a changed libs script is another key; an
# entry with a changed, missing or extra file is removed and rebuilt; a
# failed fetch (75) leaves nothing in the cache; off keeps the cache out.
. "$SRCDIR/tests/lib.sh"
build=$SRCDIR/scripts/windows/build.sh
src=$T/src cache=$T/cache count=$T/count
mkdir -p "$src"
cat >"$T/libs.sh" <<'EOF'
#!/bin/sh
set -eu
echo run >>"$FAKE_COUNT"
[ "${FAKE_STATUS:-0}" = 0 ] || exit "$FAKE_STATUS"
mkdir -p "$2/lib" "$2/include" "$1/build/windows"
echo "a library" >"$2/lib/libfake.a"
echo "a header" >"$2/include/fake.h"
echo "fake 1.0" >"$1/build/windows/VERSIONS"
EOF
export TIENDO_WINDOWS_LIBS=$T/libs.sh TIENDO_WINDOWS_CACHE=$cache FAKE_COUNT=$count CC_W=cc
runs() { [ -f "$count" ] && wc -l <"$count" | tr -d ' ' || echo 0; }
libs() { sh "$build" --libs-only "$src" >"$T/out" 2>"$T/err"; }

libs
st=$?
prefix=$(cat "$T/out")
entry=${prefix%/prefix}
expect_eq "a first run builds the libraries (status 0, one run)" "0 1" "$st $(runs)"
case $prefix in
"$cache"/*/prefix) ok "the prefix is an entry of the cache" ;;
*) notok "the prefix is an entry of the cache" "$prefix" ;;
esac
if [ -f "$entry/MANIFEST" ] && [ -f "$entry/VERSIONS" ] && [ -f "$prefix/lib/libfake.a" ] &&
	grep -q ' prefix/lib/libfake.a$' "$entry/MANIFEST" && grep -q ' prefix/include/fake.h$' "$entry/MANIFEST"; then
	ok "the entry holds prefix/, VERSIONS and a MANIFEST of every file"
else
	notok "the entry holds prefix/, VERSIONS and a MANIFEST of every file" "$(ls -R "$entry" 2>&1)"
fi
expect_eq "no temporary folder left in the cache" "" "$(ls -A "$cache" | grep -v "^${entry##*/}$")"

rm -f "$src/build/windows/VERSIONS"
libs
expect_eq "a second run takes the cache (same prefix, no run)" "$prefix 1" "$(cat "$T/out") $(runs)"
grep -q 'from the cache' "$T/err" && ok "it says so" || notok "it says so" "$(cat "$T/err")"
expect_eq "the cached VERSIONS are copied to build/windows" "fake 1.0" "$(cat "$src/build/windows/VERSIONS" 2>&1)"

echo "a" >"$prefix/lib/libfake.a"
libs
expect_eq "a changed file: the entry is rebuilt" "$prefix 2" "$(cat "$T/out") $(runs)"
grep -q 'fail their MANIFEST check' "$T/err" && ok "a changed file is reported" ||
	notok "a changed file is reported" "$(cat "$T/err")"
expect_eq "the rebuilt file is whole" "a library" "$(cat "$prefix/lib/libfake.a")"

rm "$prefix/include/fake.h"
libs
expect_eq "a missing file: the entry is rebuilt" "$prefix 3" "$(cat "$T/out") $(runs)"
echo x >"$prefix/lib/libextra.a"
libs
expect_eq "an extra file: the entry is rebuilt" "$prefix 4 no" \
	"$(cat "$T/out") $(runs) $([ -e "$prefix/lib/libextra.a" ] && echo yes || echo no)"

echo "# another version" >>"$T/libs.sh"
libs
new=$(cat "$T/out")
if [ "$(runs)" = 5 ] && [ "$new" != "$prefix" ] && [ -d "$prefix" ]; then
	ok "a changed libs script is another key (built again, the old entry kept)"
else
	notok "a changed libs script is another key (built again, the old entry kept)" "$prefix -> $new, $(runs) runs"
fi
DEBIAN_SUITE=trixie libs
if [ "$(runs)" = 6 ] && [ "$(cat "$T/out")" != "$new" ]; then ok "another Debian suite is another key"
else notok "another Debian suite is another key" "$(cat "$T/out"), $(runs) runs"; fi

echo "# a third version" >>"$T/libs.sh"
n=$(ls -A "$cache" | wc -l)
FAKE_STATUS=75 libs
st=$?
expect_eq "a failed fetch: status 75, nothing added to the cache" "75 $n" "$st $(ls -A "$cache" | wc -l)"

before=$(cd "$cache" && find . | sort)
TIENDO_WINDOWS_CACHE=off libs
expect_eq "off: built into build/windows/prefix" "$src/build/windows/prefix 8" "$(cat "$T/out") $(runs)"
expect_eq "off: the cache untouched" "$before" "$(cd "$cache" && find . | sort)"

sh "$build" --cache-clean 2>/dev/null
[ ! -e "$cache" ] && ok "--cache-clean removes the cache" || notok "--cache-clean removes the cache"
