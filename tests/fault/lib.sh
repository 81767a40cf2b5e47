# SPDX-License-Identifier: MIT
# Shared helpers for the fault tests (crash, concurrency, signals, memcheck):
# a database made from a shipped plan with a few communes, the real
# (task, lead unit) pairs to write to, and dumps of what the database holds.
# Sourced by bash scripts; runs them like tests/cli (TAP lines) whether they
# are started by tests/fault/run.sh or by hand.

fault_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
: "${TIENDO:=$fault_root/tiendo}"
: "${SRCDIR:=$fault_root}"
export TIENDO SRCDIR
# shellcheck source=../lib.sh
. "$SRCDIR/tests/lib.sh"

PLAN="$SRCDIR/data/plans/dong-thap-118-2025.csv"
TAB=$'\t'

# Communes and wards added to every fault database (the plan's DT-XA and
# DT-SBNDP groups only have members once the department adds them).
FAULT_COMMUNES="DT-X-TANHONG:commune:Xã Tân Hồng
DT-X-THAPMUOI:commune:Xã Tháp Mười
DT-X-LAIVUNG:commune:Xã Lai Vung
DT-P-SADEC:ward:Phường Sa Đéc
DT-P-CAOLANH:ward:Phường Cao Lãnh"

# Real task codes with one of their lead units (directly or through a group).
# shellcheck disable=SC2034  # used by the scripts that source this file
FAULT_PAIRS=(
	"1b-1 DT-SKHCN"
	"2b DT-SGDDT"
	"1a-1 DT-X-TANHONG"
	"3a DT-P-SADEC"
	"1a-6 DT-BAO"
	"V.6a-4 DT-CTTDT"
	"5b DT-VPUBND"
	"V.7b DT-X-LAIVUNG"
)
# The statuses the fault tests write, each with a percent from 0 to 100: no
# "not-started", which the entry rules refuse beside a percent above 0.
# shellcheck disable=SC2034
FAULT_STATUSES=(in-progress "done" blocked in-progress blocked)

# fault_db DB: create DB from the Đồng Tháp plan for DT-SKHCN, add communes.
fault_db() {
	"$TIENDO" -f "$1" init --plan "$PLAN" --unit DT-SKHCN >/dev/null 2>"$T/fault_db.err" || {
		cat "$T/fault_db.err" >&2
		return 1
	}
	while IFS=: read -r code kind name; do
		"$TIENDO" -f "$1" add-unit "$code" --kind "$kind" --name "$name" --parent DT-UBND \
			>/dev/null 2>>"$T/fault_db.err" || return 1
	done <<<"$FAULT_COMMUNES"
}

# fault_text N WHO: a unique Vietnamese result text for command N, with commas,
# quotes, and a line break in one of three.
fault_text() {
	local s
	case $(($1 % 4)) in
	0) s="Lần $1 ($2): tổ chức hội nghị, tọa đàm \"Chuyển đổi số trong nông nghiệp\" cho 120 đại biểu" ;;
	1) s="Lần $1 ($2): đăng 15 tin bài, 3 infographic về Nghị quyết 57-NQ/TW; chuyên mục \"Khoa học và đời sống\"" ;;
	2) s="Lần $1 ($2): mở 02 lớp tập huấn kỹ năng số cho cán bộ xã, phường" ;;
	3) s="Lần $1 ($2): duy trì trang thông tin điện tử, cập nhật văn bản chỉ đạo, điều hành" ;;
	esac
	if [ $(($1 % 3)) -eq 0 ]; then
		s="$s
- Kết quả: đạt yêu cầu, đề nghị Sở hỗ trợ kinh phí năm sau"
	fi
	printf '%s' "$s"
}

# one_line TEXT: TEXT with line breaks written as \n (as the dumps write them).
one_line() { printf '%s' "$1" | awk 'NR > 1 { printf "\\n" } { printf "%s", $0 }'; }

# fault_history DB: every saved revision (the history and the current row,
# schema 8), one per line:
# UNIT TAB TASK TAB PERIOD TAB REVISION TAB ACTION TAB RESULT (\n for breaks)
# TAB STATUS TAB PERCENT TAB COUNT.
fault_history() {
	sqlite3 -separator "$TAB" "$1" "SELECT u.code, t.code, h.period, h.revision, h.action,
		replace(h.result, char(10), '\n'), h.status, h.percent, h.count FROM progress_revisions h
		JOIN unit u ON u.id = h.unit_id JOIN task t ON t.id = h.task_id
		ORDER BY u.code, t.code, h.period, h.revision"
}

# fault_current DB: the current entries: UNIT TAB TASK TAB PERIOD TAB REVISION TAB RESULT.
fault_current() {
	sqlite3 -separator "$TAB" "$1" "SELECT u.code, t.code, p.period, p.revision,
		replace(p.result, char(10), '\n') FROM progress p
		JOIN unit u ON u.id = p.unit_id JOIN task t ON t.id = p.task_id
		ORDER BY u.code, t.code, p.period"
}

# expect_integrity NAME DB: PRAGMA integrity_check says ok and no foreign key is broken.
expect_integrity() {
	local ic fk
	ic=$(sqlite3 "$2" 'PRAGMA integrity_check' 2>&1)
	fk=$(sqlite3 "$2" 'PRAGMA foreign_key_check' 2>&1)
	if [ "$ic" = ok ] && [ -z "$fk" ]; then ok "$1"; else
		notok "$1" "integrity_check: $ic
foreign_key_check: $fk"; fi
}

# wait_exec PID: wait until the background job PID runs a program other than
# bash (or has ended). A signal to the forked shell before its exec would run
# the test's EXIT trap there (bash does that for TERM, INT and HUP).
wait_exec() {
	local st c s
	while read -r st <"/proc/$1/stat" 2>/dev/null; do
		c=${st#*(} c=${c%%)*} s=${st##*) } s=${s%% *}
		[ "$c" != bash ] || [ "$s" = Z ] && break
	done
}

# errors KIND: the first 20 problems of that kind the checker wrote to
# $T/verdict ("E KIND detail" lines).
errors() { grep "^E $1 " "$T/verdict" | cut -d' ' -f3- | head -n 20; }

# now_ms: milliseconds since the epoch.
now_ms() { echo $(($(date +%s%N) / 1000000)); }
