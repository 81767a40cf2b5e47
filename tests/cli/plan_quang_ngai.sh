#!/bin/bash
. "$SRCDIR/tests/lib.sh"
# Loads data/plans/quang-ngai-2025-draft.csv (the Quảng Ngãi province UBND
# draft plan of 08/2025 implementing Decision 1169/QĐ-TTg, seed
# 001_7aaba2caba63f323.txt) into a fresh database and checks it against counts
# taken by hand from the seed text.

PLAN="$SRCDIR/data/plans/quang-ngai-2025-draft.csv"
DB="$T/db"
TAB=$'\t'

# run NAME FILE ARGS...: run tiendo on the test database, expect exit 0, keep stdout in FILE.
run() {
	_n=$1 _f=$2; shift 2
	expect_exit "$_n" 0 "$TIENDO" -f "$DB" "$@"
	cp "$T/out" "$_f"
}

expect_exit "init --plan loads the Quảng Ngãi draft plan" 0 \
	"$TIENDO" -f "$DB" init --plan "$PLAN"

# --- plan header -------------------------------------------------------------
run "plans runs" "$T/plans" plans
# Draft: "Số:        /KH-UBND ... ngày      tháng 8 năm 2025" -> number and date empty.
expect_eq "plans: header of QNG-1169-2025 (version 2, no number, no date, title)" \
	"QNG-1169-2025${TAB}2${TAB}${TAB}${TAB}Kế hoạch triển khai thực hiện Chương trình “Đẩy mạnh truyền thông thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia đến năm 2030”" \
	"$(row QNG-1169-2025 "$T/plans")"

# --- tasks -------------------------------------------------------------------
run "tasks runs" "$T/tasks" tasks
# Counted in the seed:
#   part II "KẾ HOẠCH, THỰC HIỆN", lettered items per group:
#     1. a) b) c) d) e) f) g) = 7; 2. a)-f) = 6; 3. a)-e) = 5; 4. a)-d) = 4;
#     5. a) b) = 2                                                  -> 24
#   part III "KINH PHÍ THỰC HIỆN": item 2 (units approve budget estimates
#     yearly and send them to Sở Tài chính); item 1 is funding principle -> 1
#   part IV "TỔ CHỨC THỰC HIỆN", one task per dash or per undashed paragraph:
#     1. Sở KH&CN 4 dashes; 2. Sở VHTTDL 2; 3. Sở GDĐT 1 paragraph;
#     4. Sở Ngoại vụ 1; 5. Sở Tài chính 1; 6. Mặt trận, đoàn thể 2;
#     7. Trung tâm Truyền thông, báo chí 2; 8. sở, ban ngành, địa phương 2;
#     9. reporting only (report rules, no task)                     -> 15
#   total 24 + 1 + 15 = 40
expect_eq "tasks: 40 tasks" 40 "$(lines "$T/tasks")"
expect_eq "tasks: plan order starts with 1a" 1a "$(head -n 1 "$T/tasks" | cut -f 1)"
expect_eq "tasks: plan order ends with IV.8-2" IV.8-2 "$(tail -n 1 "$T/tasks" | cut -f 1)"
# Group 1: "Đơn vị thực hiện: Sở Văn hóa, thể thao và Du lịch; Sở Khoa học và Công nghệ", "Thường xuyên".
l=$(row 1a "$T/tasks")
expect_eq "task 1a: led by Sở VHTTDL and Sở KH&CN" "QNG-SVHTTDL QNG-SKHCN" "$(field 2 "$l")"
expect_eq "task 1a: recurring" recurring "$(field 3 "$l")"
# Group 3: "Sở Tài chính chủ trì", "Thường xuyên".
l=$(row 3c "$T/tasks")
expect_eq "task 3c: led by Sở Tài chính" QNG-STC "$(field 2 "$l")"
expect_eq "task 3c: recurring" recurring "$(field 3 "$l")"
# Group 5: "Đơn vị thực hiện: Sở Ngoại vụ".
l=$(row 5b "$T/tasks")
expect_eq "task 5b: led by Sở Ngoại vụ, recurring" "QNG-SNGV${TAB}recurring" "$(printf '%s\n' "$l" | cut -f 2,3)"
# Part III item 2: "các sở, ban ngành, địa phương ... hằng năm".
l=$(row III.2 "$T/tasks")
expect_eq "task III.2: budget estimate led by the sở, ban ngành, địa phương group, recurring" \
	"QNG-SBNDP${TAB}recurring" "$(printf '%s\n' "$l" | cut -f 2,3)"
# Part IV.1 second dash: no time frame stated.
l=$(row IV.1-2 "$T/tasks")
expect_eq "task IV.1-2: led by Sở KH&CN, no time frame" "QNG-SKHCN${TAB}none" "$(printf '%s\n' "$l" | cut -f 2,3)"
# Part IV.6: "Mặt trận Tổ quốc, các đoàn thể".
l=$(row IV.6-1 "$T/tasks")
expect_eq "task IV.6-1: led by MTTQ and the mass organisations, no time frame" \
	"QNG-MTTQ QNG-DOANTHE${TAB}none" "$(printf '%s\n' "$l" | cut -f 2,3)"
# The province radio-TV (a press unit) leads only through "các cơ quan báo chí"
# in IV.7, and coordinates through it where a task's own clause names the press
# as its partner: 3c "phối hợp chặt chẽ với các cơ quan thông tấn, báo chí", 4c
# "hợp tác, liên kết với các cơ quan báo chí", 5a "các cơ quan truyền thông
# trong và ngoài nước".
run "tasks --unit QNG-BAO runs" "$T/tasks_bao" tasks --unit QNG-BAO
expect_eq "tasks --unit QNG-BAO: coordinates 3c, 4c, 5a; leads IV.7-1 and IV.7-2" "3c 4c 5a IV.7-1 IV.7-2" \
	"$(cut -f 1 "$T/tasks_bao" | tr '\n' ' ' | sed 's/ $//')"

# --- indicators --------------------------------------------------------------
run "indicators runs" "$T/indicators" indicators
# The seed has no "Mục tiêu" part and no per-year targets (its parts are
# I. Mục đích, yêu cầu; II. Kế hoạch, thực hiện; III. Kinh phí; IV. Tổ chức
# thực hiện), so there is nothing to check but that the list is empty.
expect_eq "indicators: none (the draft sets no yearly targets)" 0 "$(lines "$T/indicators")"

# --- units -------------------------------------------------------------------
run "units runs" "$T/units" units
# Counted in the seed: UBND tỉnh (1); departments named in parts II and IV:
# Sở KH&CN, Sở VHTTDL, Sở GDĐT, Sở Tài chính, Sở Ngoại vụ, Sở Nội vụ (6);
# Mặt trận Tổ quốc, các đoàn thể, Trung tâm Truyền thông (3 agencies);
# Đài Truyền hình tỉnh / "Báo và Đài Phát thanh - Truyền hình tỉnh" (1 press);
# groups "các cơ quan báo chí", "các sở, ban ngành, địa phương" (2) -> 13.
# No row uses "Các sở, ban, ngành tỉnh", "UBND các xã, phường, đặc khu" as
# groups of their own, nor Bộ Khoa học và Công nghệ (Nơi nhận only): not declared.
expect_eq "units: 13 units" 13 "$(lines "$T/units")"
expect_eq "units: Sở KH&CN under the province committee" \
	"QNG-SKHCN${TAB}department${TAB}QNG-UBND${TAB}Sở Khoa học và Công nghệ" "$(row QNG-SKHCN "$T/units")"
expect_eq "units: no unit that no row uses" "" \
	"$(cut -f 1 "$T/units" | grep -x -e QNG-BKHCN -e QNG-SBN -e QNG-XA)"
expect_eq "units: the province committee is the root" \
	"QNG-UBND${TAB}province${TAB}${TAB}Ủy ban nhân dân tỉnh Quảng Ngãi" "$(row QNG-UBND "$T/units")"

# --- reporting regime ----------------------------------------------------------
run "regime runs" "$T/regime" regime
# IV.9: "định kỳ 3 tháng, 6 tháng, 1 năm báo cáo ... về UBND tỉnh (thông qua
# Sở Khoa học và Công nghệ)" -> 3 rules (quarter, half, year, no day given);
# IV.1 last dash: Sở KH&CN "định kỳ trước ngày 20/6 và trước ngày 20/12 hằng
# năm hoặc đột xuất" to UBND tỉnh -> 1 rule.  Total 4.
expect_eq "regime: 4 report rules" 4 "$(lines "$T/regime")"
expect_eq "regime: Sở KH&CN reports to the UBND before 20/6 and 20/12, or ad hoc" \
	"BC-SKHCN-HALF${TAB}half${TAB}06-20 12-20${TAB}yes${TAB}QNG-SKHCN${TAB}QNG-UBND" "$(row BC-SKHCN-HALF "$T/regime")"
expect_eq "regime: every 3 months from units, Front and press via Sở KH&CN" \
	"BC-QUARTER${TAB}quarter${TAB}end${TAB}no${TAB}QNG-SBNDP QNG-MTTQ QNG-BAO QNG-CQBC${TAB}QNG-SKHCN" "$(row BC-QUARTER "$T/regime")"
expect_eq "regime: yearly report due at the end of the year" \
	"year${TAB}end${TAB}no" "$(row BC-YEAR "$T/regime" | cut -f 2-4)"

# --- deadlines -----------------------------------------------------------------
run "due in June 2026 runs" "$T/due_jun" due --from 2026-06-01 --days 30
expect_eq "due June 2026: Sở KH&CN half-year report on 20/6, quarterly and half-year reports on 30/6" \
	"20/06/2026${TAB}report${TAB}BC-SKHCN-HALF${TAB}2026S1 QNG-UBND
30/06/2026${TAB}report${TAB}BC-HALF${TAB}2026S1 QNG-SKHCN
30/06/2026${TAB}report${TAB}BC-QUARTER${TAB}2026Q2 QNG-SKHCN" "$(cat "$T/due_jun")"
run "due in December 2026 runs" "$T/due_dec" due --from 2026-12-01 --days 31
expect_grep "due December 2026: yearly report on 31/12" \
	"^31/12/2026${TAB}report${TAB}BC-YEAR${TAB}2026 QNG-SKHCN\$" "$T/due_dec"
expect_grep "due December 2026: Sở KH&CN report on 20/12" \
	"^20/12/2026${TAB}report${TAB}BC-SKHCN-HALF${TAB}2026S2 QNG-UBND\$" "$T/due_dec"
run "due in May 2026 runs" "$T/due_may" due --from 2026-05-01 --days 31
expect_eq "due May 2026: only Vietnam S&T Day 18/5 (task 1d)" \
	"18/05/2026${TAB}event${TAB}KHCN${TAB}Ngày Khoa học và Công nghệ Việt Nam" "$(cat "$T/due_may")"
run "due early October 2026 runs" "$T/due_oct" due --from 2026-10-01 --days 10
expect_eq "due 1-10 October 2026: Innovation Day 1/10 and Digital Transformation Day 10/10" \
	"01/10/2026${TAB}event${TAB}DMST${TAB}Ngày hội Đổi mới sáng tạo quốc gia
10/10/2026${TAB}event${TAB}CDS${TAB}Ngày Chuyển đổi số quốc gia" "$(cat "$T/due_oct")"
# Every task is "Thường xuyên" or states no time frame: no task due dates.
run "due over 2025-2026 runs" "$T/due_all" due --from 2025-01-01 --days 730
expect_no_grep "due 2025-2026: no task deadlines" "^[0-9-]+${TAB}task${TAB}" "$T/due_all"
