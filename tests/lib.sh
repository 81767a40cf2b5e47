# SPDX-License-Identifier: MIT
# Shared helpers for the shell tests in tests/cli: each check prints one TAP
# line ("ok - NAME" or "not ok - NAME" plus indented detail); tests/run counts them.
#
# Environment (set by tests/run): TIENDO = the binary under test, SRCDIR = the
# repository root. Each test script gets its own scratch directory $T.

set -u
: "${TIENDO:?TIENDO must name the tiendo binary}"
: "${SRCDIR:?SRCDIR must name the repository root}"
T=$(mktemp -d "${TMPDIR:-/tmp}/tiendo-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
# Tests see English messages and a fixed clock unless they say otherwise.
export TIENDO_LANG=en TIENDO_NOW=2026-03-15T09:00:00Z
unset TIENDO_DB XDG_DATA_HOME
export HOME="$T/home"
mkdir -p "$HOME"

ok() { printf 'ok - %s\n' "$1"; }
notok() {
	printf 'not ok - %s\n' "$1"
	if [ $# -gt 1 ]; then printf '%s\n' "$2" | head -n 40 | sed 's/^/#   /'; fi
}

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else notok "$1" "expected: $2
     got: $3"; fi
}

# expect_exit NAME CODE CMD...: run CMD, require exit status CODE.
# Its stdout and stderr are left in $T/out and $T/err for further checks.
expect_exit() {
	_name=$1 _code=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	_rc=$?
	if grep -qE 'Sanitizer|runtime error:' "$T/err"; then
		notok "$_name" "sanitizer report:
$(head -c 3000 "$T/err")"
	elif [ "$_rc" -eq "$_code" ]; then ok "$_name"; else
		notok "$_name" "exit $_rc, expected $_code
stdout: $(head -c 2000 "$T/out")
stderr: $(head -c 2000 "$T/err")"; fi
}

# expect_grep NAME PATTERN FILE: an extended regex must match a line of FILE.
expect_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"; else
		notok "$1" "no line matches /$2/ in $3:
$(head -c 2000 "$3")"; fi
}

# expect_no_grep NAME PATTERN FILE: no line of FILE may match.
expect_no_grep() {
	if grep -Eq -- "$2" "$3"; then notok "$1" "unexpected match /$2/:
$(grep -E -- "$2" "$3" | head -n 5)"; else ok "$1"; fi
}

# expect_file NAME EXPECTED_FILE ACTUAL_FILE: contents must be identical.
expect_file() {
	if cmp -s "$2" "$3"; then ok "$1"; else
		notok "$1" "$(diff -u "$2" "$3" | head -n 40)"; fi
}

# field N LINE: print the N-th tab-separated field of LINE.
field() { printf '%s\n' "$2" | cut -f "$1"; }
