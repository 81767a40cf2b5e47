#!/bin/bash
. "$SRCDIR/tests/lib.sh"
# SPDX-License-Identifier: MIT
# The Lạng Sơn plan (data/plans/lang-son-2025.csv, from the UBND tỉnh Lạng Sơn
# plan implementing Decision 1169/QĐ-TTg, seed 004) loads and reads back as the
# plan has it. Every number below was counted by hand from the seed text, not
# from the CSV.

PLAN="$SRCDIR/data/plans/lang-son-2025.csv"
DB="$T/db"

expect_exit "init --plan loads the Lạng Sơn plan" 0 "$TIENDO" -f "$DB" init --plan "$PLAN"

# ---- plan header -------------------------------------------------------------
# The seed is unnumbered and undated: NUMBER and DATE are empty.
expect_exit "plans runs" 0 "$TIENDO" -f "$DB" plans
expect_eq "plans: one plan" 1 "$(lines "$T/out")"
l=$(row LS-1169-2025 "$T/out")
expect_eq "plans: version, empty number and date" $'2\t\t' "$(field 2-4 "$l")"
# "Thực hiện Quyết định số 1169/QĐ-TTg ngày 16/6/2025 của Thủ tướng Chính phủ phê duyệt …"
expect_eq "plans: parent reference as the plan cites it" \
	"Quyết định số 1169/QĐ-TTg ngày 16/6/2025 của Thủ tướng Chính phủ" \
	"$(sqlite3 "$DB" "SELECT parent_ref FROM plan WHERE code = 'LS-1169-2025'")"
expect_grep "plans: title" $'^LS-1169-2025\t2\t\t\tKế hoạch thực hiện Quyết định số 1169/QĐ-TTg ngày 16/6/2025 .*trên địa bàn tỉnh Lạng Sơn$' "$T/out"

# ---- tasks -------------------------------------------------------------------
# 23 tasks, counted in the seed:
#   II.1 items a) b) c) d) đ) e) g) h)                          8
#   II.2 items a) b) c) d) đ)                                    5
#   II.3 items a) b) c) d) đ)                                    5
#   III.2 (sở, ban, ngành, UBND xã, phường estimate budgets)     1
#   IV.1 Sở KH&CN, IV.2 Sở VHTTDL, IV.3 Sở Tài chính             3
#   IV.4 first dash (detailed plan, report difficulties)         1
#   (IV.4's second dash is the reporting regime, not a task;
#    III.1 is a funding principle, not a task)                 = 23
expect_exit "tasks runs" 0 "$TIENDO" -f "$DB" tasks
expect_eq "tasks: 23 tasks" 23 "$(lines "$T/out")"
cp "$T/out" "$T/tasks"
l=$(row 1a "$T/tasks")
expect_eq "task 1a: led by sở/ban/ngành, xã/phường and Báo-Đài PTTH" "LS-SBN LS-XA LS-BAO" "$(field 2 "$l")"
expect_eq "task 1a: no time frame stated" "none" "$(field 3 "$l")"
l=$(row 3b "$T/tasks")
expect_eq "task 3b (Thường xuyên truyền thông…): recurring" "recurring" "$(field 3 "$l")"
l=$(row IV.2 "$T/tasks")
expect_eq "task IV.2: led by Sở VHTTDL, no time frame" $'LS-SVHTTDL\tnone' "$(field 2-3 "$l")"
l=$(row IV.3 "$T/tasks")
expect_eq "task IV.3: led by Sở Tài chính, yearly (recurring)" $'LS-STC\trecurring' "$(field 2-3 "$l")"
l=$(row III.2 "$T/tasks")
expect_eq "task III.2: led by sở/ban/ngành and xã/phường" $'LS-SBN LS-XA\trecurring' "$(field 2-3 "$l")"
expect_eq "tasks: plan order, first 1a, last IV.4-1" "1a IV.4-1" \
	"$(head -n 1 "$T/tasks" | cut -f 1) $(tail -n 1 "$T/tasks" | cut -f 1)"
# Báo và Đài PTTH leads the 18 tasks of part II and IV.4's first dash.
expect_exit "tasks --unit LS-BAO runs" 0 "$TIENDO" -f "$DB" tasks --unit LS-BAO
expect_eq "tasks --unit LS-BAO: 19 tasks" 19 "$(lines "$T/out")"

# ---- indicators --------------------------------------------------------------
# 13 indicators, counted in the seed (part I.1.2 Mục tiêu cụ thể):
#   a) Năm 2025: 3 dashes; the first bundles "issue a plan" and "build a
#      column on the portal", split into MT2025-1a and MT2025-1b        4
#   b) Năm 2026: 4 dashes                                               4
#   c) Năm 2027: 2 dashes                                               2
#   d) Năm 2028 đến năm 2030: 3 dashes                                  3  = 13
expect_exit "indicators runs" 0 "$TIENDO" -f "$DB" indicators
expect_eq "indicators: 13 indicators" 13 "$(lines "$T/out")"
l=$(row MT2027-2 "$T/out")
expect_eq "indicator MT2027-2: count >=30 in 2027" $'count\t>=30\t2027' "$(field 2-4 "$l")"
l=$(row MT2030-2 "$T/out")
expect_eq "indicator MT2030-2: percent >=80% by 2030" $'percent\t>=80%\t2030' "$(field 2-4 "$l")"
l=$(row MT2030-3 "$T/out")
expect_eq "indicator MT2030-3: percent >=70% by 2030" $'percent\t>=70%\t2030' "$(field 2-4 "$l")"
l=$(row MT2026-4 "$T/out")
expect_eq "indicator MT2026-4 (network formed): milestone in 2026" $'milestone\tyes\t2026' "$(field 2-4 "$l")"
l=$(row MT2025-1b "$T/out")
expect_eq "indicator MT2025-1b: 100% in 2025" $'>=100%\t2025' "$(field 3-4 "$l")"

# ---- units -------------------------------------------------------------------
# 9 units named in the seed: UBND tỉnh Lạng Sơn; Sở KH&CN, Sở VHTTDL,
# Sở Tài chính (IV.1-3); Ban Tuyên giáo và Dân vận Tỉnh ủy (IV.2);
# Báo và Đài Phát thanh Truyền hình tỉnh and Cổng Thông tin điện tử của tỉnh
# (II.1a, IV.4); the groups "các sở, ban, ngành" and "UBND các xã, phường"
# (IV.4, III.2). Bộ Khoa học và Công nghệ, to which IV.1 has the Department
# report "định kỳ" with no period, is in no rule and so is not declared.
expect_exit "units runs" 0 "$TIENDO" -f "$DB" units
expect_eq "units: 9 units" 9 "$(lines "$T/out")"
expect_grep "units: Sở KH&CN under UBND tỉnh" $'^LS-SKHCN\tdepartment\tLS-UBND\tSở Khoa học và Công nghệ$' "$T/out"
expect_no_grep "units: no unit that no row uses (Bộ KH&CN)" $'^LS-BKHCN\t' "$T/out"

# ---- reporting regime --------------------------------------------------------
# One rule (IV.4, second dash): sở/ban/ngành, xã/phường and Báo-Đài PTTH report
# to Sở KH&CN before 10 June and 10 December every year, or ad hoc.
expect_exit "regime runs" 0 "$TIENDO" -f "$DB" regime
expect_eq "regime: one rule" 1 "$(lines "$T/out")"
expect_eq "regime: half-yearly, 10/6 and 10/12, ad hoc, to Sở KH&CN" \
	$'BC-HALF\thalf\t06-10 12-10\tyes\tLS-SBN LS-XA LS-BAO\tLS-SKHCN' "$(row BC-HALF "$T/out")"
expect_exit "due June 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-06-01 --days 30
expect_grep "due: first-half report due 10/06/2026" $'^10/06/2026\treport\tBC-HALF\t2026S1 LS-SKHCN$' "$T/out"
expect_exit "due December 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-12-01 --days 31
expect_grep "due: second-half report due 10/12/2026" $'^10/12/2026\treport\tBC-HALF\t2026S2 LS-SKHCN$' "$T/out"

# ---- events ------------------------------------------------------------------
# The seed names no annual event (no 18/5, 1/10 or 10/10) and no task has a
# due date, so the whole of 2026 holds exactly the two half-year reports.
expect_exit "due 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-01-01 --days 365
expect_no_grep "due: no event dates in 2026 (the plan names none)" $'\tevent\t' "$T/out"
expect_eq "due: 2026 holds exactly the two report deadlines" 2 "$(lines "$T/out")"
