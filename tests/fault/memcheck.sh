#!/bin/bash
# SPDX-License-Identifier: MIT
# A few representative commands under valgrind, small enough for make check:
# any memory error or definite leak fails, on the paths that succeed and on
# those that refuse. `make memcheck` (tests/memcheck.sh) runs every
# command-line test this way.
. "$(dirname "$0")/lib.sh"
command -v valgrind >/dev/null 2>&1 || { notok "memcheck: valgrind is installed (scripts/deps.sh check)"; exit 1; }
DB="$T/vg.db"

# vg NAME CODE ARGS...: tiendo ARGS under valgrind must exit CODE with an empty report.
vg() {
	local name=$1 code=$2 rc
	shift 2
	rm -f "$T/vg.log"
	valgrind -q --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=70 \
		--log-file="$T/vg.log" "$TIENDO" "$@" </dev/null >"$T/out" 2>"$T/err"
	rc=$?
	if [ -s "$T/vg.log" ]; then
		notok "memcheck: $name" "$(head -n 40 "$T/vg.log")"
	elif [ "$rc" -ne "$code" ]; then
		notok "memcheck: $name" "exit $rc, expected $code
$(head -c 1000 "$T/err")"
	else
		ok "memcheck: $name"
	fi
}

vg "init from the Đồng Tháp plan" 0 -f "$DB" init --plan "$PLAN" --unit DT-SKHCN
vg "add a commune" 0 -f "$DB" add-unit DT-X-TANHONG --kind commune --name "Xã Tân Hồng" --parent DT-UBND
vg "set, text on two lines with quotes, NFD input" 0 -f "$DB" set 1a-1 --unit DT-X-TANHONG --period 2026S1 \
	--status in-progress --percent 40 --count 12 \
	--result $'Đăng 12 tin bài, chuyên mục "Chuyển đổi số"\n- Vie\xcc\x82\xcc\xa3t Nam' --difficulties "Thiếu kinh phí"
vg "show" 0 -f "$DB" show 1a-1 --unit DT-X-TANHONG --period 2026S1
vg "undo" 0 -f "$DB" undo 1a-1 --unit DT-X-TANHONG --period 2026S1
vg "tasks, search without diacritics" 0 -f "$DB" tasks --search "chuyen doi so"
vg "due" 0 -f "$DB" due --from 2026-06-01 --days 60
vg "overview without a terminal" 0 -f "$DB"
vg "refused: bad period" 1 -f "$DB" set 1a-1 --unit DT-X-TANHONG --period 2026H1 --percent 5
printf 'format,tiendo-plan,1\nplan,X,1,"unclosed\n' >"$T/bad.csv"
vg "refused: broken plan file" 1 -f "$T/other.db" init --plan "$T/bad.csv" --unit X
