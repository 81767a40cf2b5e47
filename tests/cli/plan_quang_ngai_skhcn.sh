#!/bin/bash
. "$SRCDIR/tests/lib.sh"
# Plan file of the Quảng Ngãi Department of Science and Technology:
# Kế hoạch số 2725/KH-SKHCN ngày 11/11/2025 (seed 003, OCR text restored to
# full Vietnamese), a sub-plan of the province's 58/KH-UBND of 10/10/2025.
# Every count below was made by hand from the seed text, not from the CSV.

PLAN="$SRCDIR/data/plans/quang-ngai-skhcn-2725-2025.csv"
DB="$T/db"

expect_exit "init --plan loads plan 2725/KH-SKHCN" 0 \
	"$TIENDO" -f "$DB" init --plan "$PLAN"


# ---------------------------------------------------------------- counts
"$TIENDO" -f "$DB" tasks >"$T/tasks" 2>"$T/err"
"$TIENDO" -f "$DB" indicators >"$T/indicators" 2>"$T/err"
"$TIENDO" -f "$DB" units >"$T/units" 2>"$T/err"

# Tasks, counted in the seed: part III ("KẾ HOẠCH, THỰC HIỆN") group 1 has
# items a)-d) = 4, group 2 a)-h) = 8, group 3 a)-d) = 4, group 4 a)-d) = 4
# (20); part IV (funding) 2., "giao Văn phòng Sở chủ trì … lập dự toán kinh
# phí" = 1 (IV.1 only states where the money comes from); part V: V.1 three
# dashes = 3, V.2 one paragraph = 1, V.3 two dashes = 2, V.4 one dash with an
# action = 1 (its second dash only states the reporting regime and is a
# report rule) (7). 20 + 1 + 7 = 28.
expect_eq "tasks: 28 lines" 28 "$(($(wc -l <"$T/tasks")))"
# V.1 third dash "Theo dõi, đôn đốc … định kỳ trước ngày 20/6 và trước ngày
# 20/12 hằng năm" recurs, as the same sentence does in the province's draft (IV.1-4).
expect_eq "task V.1-3 (theo dõi, đôn đốc … định kỳ): recurring" \
	"$(printf 'QNG-SKHCN-QLKH\trecurring')" "$(row V.1-3 "$T/tasks" | cut -f 2,3)"
expect_eq "task IV.2 (budget estimates): Văn phòng Sở leads, the divisions coordinate, yearly" \
	"$(printf 'QNG-SKHCN-VP\trecurring')" "$(row IV.2 "$T/tasks" | cut -f 2,3)"

# Indicators, counted in the seed (II.2 Mục tiêu cụ thể): Năm 2025 three
# dashes, the first bundling two targets (plan issued; section on the
# Department's website) split in two = 4; Đến năm 2027 two dashes, the
# second ("Tham gia giải thưởng/diễn đàn báo chí … hằng năm") a yearly target
# entered once per year 2027-2030 = 1 + 4; Đến năm 2030 three dashes = 3.
# 4 + 5 + 3 = 12.
expect_eq "indicators: 12 lines" 12 "$(($(wc -l <"$T/indicators")))"

# Units, counted in the seed: the province committee (UBND tỉnh), the
# Department (Sở), the four divisions it names (Văn phòng Sở, Phòng Quản lý
# khoa học và ĐMST, Phòng Bưu chính - Viễn thông và CĐS, Trung tâm CĐS và
# ĐMST) and the two collectives it assigns work to ("Các phòng, đơn vị thuộc
# Sở", "Các phòng chuyên môn, nghiệp vụ thuộc Sở"): 1 + 1 + 4 + 2 = 8.
expect_eq "units: 8 lines" 8 "$(($(wc -l <"$T/units")))"

# Listed as a tree: each unit before its children, siblings by kind
# (divisions before groups) then by name in Vietnamese order.
expect_eq "units: the hierarchy, siblings by kind then name" \
	"QNG-UBND QNG-SKHCN QNG-SKHCN-BCVT QNG-SKHCN-QLKH QNG-SKHCN-TTCDS QNG-SKHCN-VP QNG-SKHCN-PCM QNG-SKHCN-DV" \
	"$(cut -f1 "$T/units" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "units: QNG-UBND is the root province committee" \
	"$(printf 'QNG-UBND\tprovince\t\tỦy ban nhân dân tỉnh Quảng Ngãi')" \
	"$(row QNG-UBND "$T/units")"
expect_eq "units: Science Management Division under the Department" \
	"$(printf 'QNG-SKHCN-QLKH\tdivision\tQNG-SKHCN\tPhòng Quản lý khoa học và Đổi mới sáng tạo')" \
	"$(row QNG-SKHCN-QLKH "$T/units")"

# ---------------------------------------------------------------- tasks
expect_eq "tasks: plan order starts with 1a" 1a "$(head -n 1 "$T/tasks" | cut -f1)"
expect_eq "tasks: plan order ends with V.4-1" V.4-1 "$(tail -n 1 "$T/tasks" | cut -f1)"

# III.1: "Đơn vị thực hiện: Phòng Bưu chính - Viễn thông và Chuyển đổi số;
# Phòng Quản lý khoa học và ĐMST; Trung tâm CĐS và ĐMST", "Thường xuyên".
t=$(row 1d "$T/tasks")
expect_eq "task 1d: lead units of group III.1" \
	"QNG-SKHCN-BCVT QNG-SKHCN-QLKH QNG-SKHCN-TTCDS" "$(field 2 "$t")"
expect_eq "task 1d: recurring" recurring "$(field 3 "$t")"

# III.2: "Đơn vị thực hiện: Trung tâm Chuyển đổi số và Đổi mới sáng tạo".
t=$(row 2h "$T/tasks")
expect_eq "task 2h: led by the Digital Transformation Centre" QNG-SKHCN-TTCDS "$(field 2 "$t")"
expect_eq "task 2h: recurring" recurring "$(field 3 "$t")"

# III.3: "Các phòng chuyên môn, nghiệp vụ thuộc Sở ... chủ trì, thực hiện".
t=$(row 3a "$T/tasks")
expect_eq "task 3a: led by the specialised divisions (group)" QNG-SKHCN-PCM "$(field 2 "$t")"
expect_eq "task 3a: recurring" recurring "$(field 3 "$t")"

# III.4: "Phòng Quản lý khoa học và ĐMST; Trung tâm CĐS và ĐMST".
t=$(row 4d "$T/tasks")
expect_eq "task 4d: lead units of group III.4" \
	"QNG-SKHCN-QLKH QNG-SKHCN-TTCDS" "$(field 2 "$t")"
expect_eq "task 4d: recurring" recurring "$(field 3 "$t")"

# V.2 Văn phòng Sở: one paragraph, no time frame stated.
t=$(row V.2 "$T/tasks")
expect_eq "task V.2: led by the Department Office" QNG-SKHCN-VP "$(field 2 "$t")"
expect_eq "task V.2: no time frame" none "$(field 3 "$t")"

# V.4 Các phòng, đơn vị thuộc Sở, first dash.
t=$(row V.4-1 "$T/tasks")
expect_eq "task V.4-1: led by all divisions (group)" QNG-SKHCN-DV "$(field 2 "$t")"
expect_eq "task V.4-1: no time frame" none "$(field 3 "$t")"

# tasks --unit through groups. Counted from the seed: the Office (Văn phòng
# Sở) coordinates every task of III.1-III.4 as one of "các phòng, đơn vị
# thuộc Sở" (4+8+4+4 = 20), leads IV.2 (1), coordinates V.1 second dash (1),
# leads V.2 (1) and V.4 first dash (1): 24. The Centre (TTCDS) leads III.1,
# III.2, III.4 (4+8+4), coordinates III.3 (4) and IV.2
# (1), leads both dashes of V.3 (2), coordinates V.1 second dash (1) and leads
# V.4 first dash (1): 25.
# "Các phòng chuyên môn, nghiệp vụ thuộc Sở" (III.3's lead) are the two
# Phòng among the divisions: not the Office (Văn phòng) nor the Centre (a
# public service unit), so the group differs from "các phòng, đơn vị thuộc Sở".
expect_eq "units: phòng chuyên môn, nghiệp vụ = QLKH and BCVT" "QNG-SKHCN-QLKH QNG-SKHCN-BCVT" \
	"$(sqlite3 "$DB" "SELECT members FROM unit WHERE code = 'QNG-SKHCN-PCM'")"
expect_eq "units: phòng, đơn vị thuộc Sở = every division" "division" \
	"$(sqlite3 "$DB" "SELECT members FROM unit WHERE code = 'QNG-SKHCN-DV'")"
"$TIENDO" -f "$DB" tasks --unit QNG-SKHCN-VP >"$T/tasks-vp" 2>"$T/err"
expect_eq "tasks --unit QNG-SKHCN-VP: 24 tasks" 24 "$(($(wc -l <"$T/tasks-vp")))"
"$TIENDO" -f "$DB" tasks --unit QNG-SKHCN-TTCDS >"$T/tasks-tt" 2>"$T/err"
expect_eq "tasks --unit QNG-SKHCN-TTCDS: 25 tasks" 25 "$(($(wc -l <"$T/tasks-tt")))"

# ---------------------------------------------------------------- indicators
i=$(row MT2025-2 "$T/indicators")
expect_eq "indicator MT2025-2: 100% of staff informed" ">=100%" "$(field 3 "$i")"
expect_eq "indicator MT2025-2: year 2025" 2025 "$(field 4 "$i")"
expect_eq "indicators MT2027-2…: the press award/forum 'hằng năm', one per year 2027-2030" \
	"MT2027-2 2027 MT2027-2.2028 2028 MT2027-2.2029 2029 MT2027-2.2030 2030 " \
	"$(grep '^MT2027-2' "$T/indicators" | cut -f 1,4 | tr '\t\n' '  ')"
i=$(row MT2027-1 "$T/indicators")
expect_eq "indicator MT2027-1: network formed is a milestone" "milestone yes" \
	"$(field 2 "$i") $(field 3 "$i")"
expect_eq "indicator MT2027-1: year 2027" 2027 "$(field 4 "$i")"
i=$(row MT2030-2 "$T/indicators")
expect_eq "indicator MT2030-2: at least 80% of citizens" ">=80%" "$(field 3 "$i")"
expect_eq "indicator MT2030-2: year 2030" 2030 "$(field 4 "$i")"
i=$(row MT2030-3 "$T/indicators")
expect_eq "indicator MT2030-3: at least 70% of communication staff" ">=70%" "$(field 3 "$i")"
expect_eq "indicator MT2030-3: year 2030" 2030 "$(field 4 "$i")"

# ---------------------------------------------------------------- plan header
"$TIENDO" -f "$DB" plans >"$T/plans" 2>"$T/err"
expect_eq "plans: header of 2725/KH-SKHCN" \
	"$(printf 'QNG-SKHCN-2725-2025\t2\t2725/KH-SKHCN\t11/11/2025\tKế hoạch triển khai thực hiện Chương trình “Đẩy mạnh truyền thông thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia đến năm 2030” tại Sở Khoa học và Công nghệ')" \
	"$(cat "$T/plans")"
# "Thực hiện Kế hoạch số 58/KH-UBND ngày 10/10/2025 của Ủy ban nhân dân tỉnh về …"
expect_eq "plans: parent reference as the plan cites it" \
	"Kế hoạch số 58/KH-UBND ngày 10/10/2025 của Ủy ban nhân dân tỉnh" \
	"$(sqlite3 "$DB" "SELECT parent_ref FROM plan WHERE code = 'QNG-SKHCN-2725-2025'")"

# ---------------------------------------------------------------- reporting regime
# V.4: divisions report to the Department leadership via the Science
# Management Division before 10/6 and 15/12; V.1: that division reports
# before 20/6 and 20/12 or ad hoc "theo quy định": the seed names no
# recipient, so the province committee is inferred and marked "QNG-UBND?".
"$TIENDO" -f "$DB" regime >"$T/regime" 2>"$T/err"
expect_eq "regime: 2 rules" 2 "$(($(wc -l <"$T/regime")))"
expect_eq "regime: divisions half-yearly 10/6 and 15/12" \
	"$(printf 'BC-DV\thalf\t06-10 12-15\tno\tQNG-SKHCN-DV\tQNG-SKHCN-QLKH')" \
	"$(row BC-DV "$T/regime")"
expect_eq "regime: Science Management Division 20/6 and 20/12 or ad hoc" \
	"$(printf 'BC-QLKH\thalf\t06-20 12-20\tyes\tQNG-SKHCN-QLKH\tQNG-UBND?')" \
	"$(row BC-QLKH "$T/regime")"
expect_eq "regime: the recipient named by the seed is not marked" "QNG-SKHCN-QLKH" \
	"$(row BC-DV "$T/regime" | cut -f 6)"
expect_eq "database: BC-QLKH's recipient stored as inferred, BC-DV's not" "BC-DV 0 BC-QLKH 1 " \
	"$(sqlite3 "$DB" "SELECT code, to_inferred FROM report_rule ORDER BY code" | tr '|\n' '  ')"
expect_exit "export-plan runs" 0 "$TIENDO" -f "$DB" export-plan -o "$T/back.csv"
expect_grep "export-plan writes the inferred mark back" '^report,BC-QLKH,QNG-SKHCN-QLKH,QNG-UBND[?],half,' "$T/back.csv"

expect_exit "due: June 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-06-01 --days 30
expect_eq "due: June 2026 has the two first-half reports" \
	"$(printf '10/06/2026\treport\tBC-DV\t2026S1 QNG-SKHCN-QLKH\n20/06/2026\treport\tBC-QLKH\t2026S1 QNG-UBND')" \
	"$(cat "$T/out")"
expect_exit "due: December 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-12-01 --days 31
expect_grep "due: divisions' second-half report on 15 December" \
	"$(printf '^15/12/2026\treport\tBC-DV\t2026S2 QNG-SKHCN-QLKH$')" "$T/out"

# ---------------------------------------------------------------- events (task 1d)
expect_exit "due: May 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-05-01 --days 31
expect_eq "due: S&T Day on 18 May" \
	"$(printf '18/05/2026\tevent\tKHCN\tNgày Khoa học và Công nghệ Việt Nam')" \
	"$(cat "$T/out")"
expect_exit "due: 1-10 October 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-10-01 --days 10
expect_eq "due: Innovation Day 1/10 and Digital Transformation Day 10/10" \
	"$(printf '01/10/2026\tevent\tDMST\tNgày hội Đổi mới sáng tạo quốc gia\n10/10/2026\tevent\tCDS\tNgày Chuyển đổi số quốc gia')" \
	"$(cat "$T/out")"

# ---------------------------------------------------------------- OCR damage
# The seed is OCR output without diacritics; none of the damaged forms seen
# there may survive in the plan file.
for w in 'Ké hoach' 'Chwong' 'S6' 'quéc' 'd6i' '¢' '§' '@' '|' '~'; do
	if grep -qF -- "$w" "$PLAN"; then
		notok "plan file: no OCR damage '$w'" "$(grep -nF -- "$w" "$PLAN" | head -n 3)"
	else
		ok "plan file: no OCR damage '$w'"
	fi
done
