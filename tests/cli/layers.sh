#!/bin/bash
# SPDX-License-Identifier: MIT
# The floors of the house (STYLE.md, issue 11): nothing above storage (the
# command line, the interface, the session and what they share) touches
# SQLite or SQL, and no model or storage file touches curses. Each check lists
# its offenders.
. "$SRCDIR/tests/lib.sh"

cd "$SRCDIR/src" || exit 1
above() { ls cmd_*.[ch] ui*.[ch] cli*.[ch] main.c commands.c session*.[ch] describe*.[ch] 2>/dev/null; }
below() { ls *.[ch] | grep -Ev '^(cmd_|ui|cli|main\.c|commands\.c|session|describe)'; }

# hits PATTERN FILE...: "file:line: text" of every match
hits() { local pat=$1; shift; [ $# -gt 0 ] && grep -nE -- "$pat" "$@" /dev/null; }

off=$(hits 'sqlite3_|\bdb_(prep|done|fail|col_text|bind_text)\(|#include[[:space:]]*[<"]sqlite3\.h[>"]|#include[[:space:]]*"db_internal\.h"' $(above))
if [ -z "$off" ]; then ok "no SQLite above storage"; else notok "no SQLite above storage" "$off"; fi

off=$(hits '#include[[:space:]]*[<"]sqlite3\.h[>"]' $(ls *.h | grep -v '^db_internal\.h$'))
if [ -z "$off" ]; then ok "only db_internal.h includes sqlite3.h among the headers"; else
	notok "only db_internal.h includes sqlite3.h among the headers" "$off"; fi

off=$(hits '"[[:space:]]*(SELECT|INSERT|UPDATE|DELETE|PRAGMA|CREATE|BEGIN)[[:space:]]' $(above))
if [ -z "$off" ]; then ok "no SQL text above storage"; else notok "no SQL text above storage" "$off"; fi

off=$(hits 'curses|\bWINDOW\b|wnoutrefresh|doupdate' $(below))
if [ -z "$off" ]; then ok "no curses in model or storage files"; else
	notok "no curses in model or storage files" "$off"; fi

# An entry is read and written through the session (its rules inside), never
# by the faces straight from progress.c: the form, undo and set alike.
faces() { ls cmd_*.c ui*.c 2>/dev/null; }
off=$(hits '\b(progress_(get|put|set|undo)|ivalue_(get|put)|draft_(get|save|delete))\(' $(faces))
if [ -z "$off" ]; then ok "the faces read and write entries through the session"; else
	notok "the faces read and write entries through the session" "$off"; fi
