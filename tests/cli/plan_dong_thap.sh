#!/bin/bash
. "$SRCDIR/tests/lib.sh"
# SPDX-License-Identifier: MIT
# The Đồng Tháp plan (data/plans/dong-thap-118-2025.csv, from Kế hoạch số
# 118/KH-UBND ngày 13/8/2025 of UBND tỉnh Đồng Tháp, seed 002; the project's
# demo plan) loads and reads back as the plan has it. Every number below was
# counted by hand from the seed text, not from the CSV.

PLAN="$SRCDIR/data/plans/dong-thap-118-2025.csv"
DB="$T/db"

# A unit the plan does not list, for a new database: the refusal names the
# first units that may own one, and how many more (13 units, 4 groups).
expect_exit "init --unit of a unit the plan does not list" 1 "$TIENDO" -f "$T/nope.db" init --plan "$PLAN" --unit NOPE
expect_grep "names the first eight units and the rest's count" "its units are DT-UBND, DT-SKHCN, DT-SVHTTDL, DT-SGDDT, DT-STC, DT-VPUBND, DT-BTGDV, DT-BAO and 5 more \\(" "$T/err"
expect_exit "init --plan loads the Đồng Tháp plan" 0 "$TIENDO" -f "$DB" init --plan "$PLAN"

# ---- plan header -------------------------------------------------------------
# "Số: 118/KH-UBND", "Đồng Tháp, ngày 13 tháng 8 năm 2025".
expect_exit "plans runs" 0 "$TIENDO" -f "$DB" plans
expect_eq "plans: one plan" 1 "$(lines "$T/out")"
expect_eq "plans: DT-118-2025, version 2, number 118/KH-UBND, dated 13/08/2025" \
	$'DT-118-2025\t2\t118/KH-UBND\t13/08/2025\tKế hoạch thực hiện Chương trình “Đẩy mạnh truyền thông thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia đến năm 2030” trên địa bàn tỉnh Đồng Tháp' \
	"$(row DT-118-2025 "$T/out")"

# ---- tasks -------------------------------------------------------------------
# 60 tasks, counted in the seed:
#   III.1 a) (sở, ban, ngành, địa phương + báo chí chủ lực): 7 dashes    7
#   III.1 b) (Sở KH&CN chủ trì): 7 dashes                                 7
#   III.2 (Sở GD&ĐT) items a) b) c) d) đ) e) g) h)                       8
#   III.3 (sở, ban, ngành, địa phương) items a) b) c) d) đ) e)           6
#   III.4 (sở, ban, ngành, địa phương) items a) b) c) d)                 4
#   III.5 items a) Sở VHTTDL, b) VP UBND tỉnh, c) Sở KH&CN               3
#   IV.2 (Kinh phí: "các đơn vị chủ động xây dựng thuyết minh, dự toán
#       kinh phí … gửi Sở Tài chính")                                    1
#   V.1 Sở KH&CN a)-d) 4, V.2 Sở Tài chính a) b) 2, V.3 Sở VHTTDL a) b) 2,
#   V.4 Sở GD&ĐT + trường ĐH, CĐ a) b) 2, V.5 VP UBND tỉnh a) b) 2      12
#   V.6 a) báo chí chủ lực: 5 dashes, b) cơ quan chủ quản: 3 dashes      8
#   V.7 sở, ban, ngành, địa phương a) b) c) d)
#       (V.7 đ) only states the reporting regime: not a task)            4
#   (I Quan điểm, II.1 Mục tiêu chung, IV.1 (where the money comes from)
#    and the closing paragraph of V are prose, not tasks)              = 60
expect_exit "tasks runs" 0 "$TIENDO" -f "$DB" tasks
expect_eq "tasks: 60 tasks" 60 "$(lines "$T/out")"
cp "$T/out" "$T/tasks"
expect_eq "tasks: plan order, first 1a-1, last V.7d" "1a-1 V.7d" \
	"$(head -n 1 "$T/tasks" | cut -f 1) $(tail -n 1 "$T/tasks" | cut -f 1)"
l=$(row 1a-5 "$T/tasks")
expect_eq "task 1a-5 (trang/tài khoản/kênh): sở-ban-ngành-địa phương + báo chí chủ lực, Hoàn thành trong năm 2025" \
	$'DT-SBNDP DT-BCCL\tdue 31/12/2025' "$(field 2-3 "$l")"
l=$(row 1b-3 "$T/tasks")
expect_eq "task 1b-3 (Giải báo chí): Sở KH&CN, thường xuyên bắt đầu từ năm 2026" \
	$'DT-SKHCN\trecurring from 01/01/2026' "$(field 2-3 "$l")"
l=$(row 1b-7 "$T/tasks")
expect_eq "task 1b-7 (03 chương trình đào tạo): Sở KH&CN, Hoàn thành trong năm 2027" \
	$'DT-SKHCN\tdue 31/12/2027' "$(field 2-3 "$l")"
l=$(row IV.2 "$T/tasks")
expect_eq "task IV.2 (budget estimates, part IV Kinh phí): every unit the plan gives tasks, yearly" \
	$'DT-SBNDP DT-BCCL\trecurring' "$(field 2-3 "$l")"
l=$(row 2dd "$T/tasks")
expect_eq "task 2dd (item đ of III.2): Sở GD&ĐT, Nhiệm vụ thường xuyên" \
	$'DT-SGDDT\trecurring' "$(field 2-3 "$l")"
l=$(row 5b "$T/tasks")
expect_eq "task 5b: Văn phòng UBND tỉnh (Phòng Ngoại vụ), thường xuyên" \
	$'DT-VPUBND\trecurring' "$(field 2-3 "$l")"
l=$(row V.4a "$T/tasks")
expect_eq "task V.4a: Sở GD&ĐT and the universities/colleges lead, no time frame stated" \
	$'DT-SGDDT DT-DH\tnone' "$(field 2-3 "$l")"
l=$(row V.6a-2 "$T/tasks")
expect_eq "task V.6a-2 (chương trình truyền thông chuyên biệt): báo chí chủ lực, hoàn thành năm 2025" \
	$'DT-BCCL\tdue 31/12/2025' "$(field 2-3 "$l")"
l=$(row V.6a-5 "$T/tasks")
expect_eq "task V.6a-5 (chiến dịch; \"Định kỳ ngày 20 hằng tháng\" báo cáo): báo chí chủ lực, recurring" \
	$'DT-BCCL\trecurring' "$(field 2-3 "$l")"
l=$(row V.7a "$T/tasks")
expect_eq "task V.7a (ban hành kế hoạch triển khai): sở-ban-ngành-địa phương, Hoàn thành trong năm 2025" \
	$'DT-SBNDP\tdue 31/12/2025' "$(field 2-3 "$l")"
expect_no_grep "tasks: V.7đ (reporting regime) is not a task" $'^V\\.7dd\t' "$T/tasks"
# The provincial newspaper-radio-TV belongs to "các cơ quan báo chí chủ lực"
# (V.6a) and is not a sở, ban, ngành: it sees III.1a's and V.6a's tasks but not
# the Sở GD&ĐT's III.2.
expect_exit "tasks --unit DT-BAO runs" 0 "$TIENDO" -f "$DB" tasks --unit DT-BAO
expect_grep "tasks --unit DT-BAO: 1a-5 through the group" $'^1a-5\t' "$T/out"
expect_grep "tasks --unit DT-BAO: V.6a-2 through the group" $'^V\\.6a-2\t' "$T/out"
expect_no_grep "tasks --unit DT-BAO: not 2a (Sở GD&ĐT's)" $'^2a\t' "$T/out"

# ---- indicators --------------------------------------------------------------
# 16 indicators, counted in the seed (II.2 Mục tiêu cụ thể):
#   a) Năm 2025: 3 dashes; the first bundles "issue an implementing plan" and
#      "build and keep a column on the portal/website", split into
#      MT2025-1a and MT2025-1b                                            4
#   b) Năm 2026: 4 dashes; the fourth ("Từ năm 2026, tổ chức giải
#      thưởng/diễn đàn báo chí …") holds from 2026 on, so it is entered once
#      per year 2026-2030 (MT2026-4, MT2026-4.2027 … MT2026-4.2030)        8
#   c) Năm 2027: 1 paragraph (ít nhất 03 chương trình đào tạo)            1
#   d) Năm 2030: 3 dashes (100% nhiệm vụ KH&CN, 80% người dân, 70% cán bộ) 3 = 16
expect_exit "indicators runs" 0 "$TIENDO" -f "$DB" indicators
expect_eq "indicators: 16 indicators" 16 "$(lines "$T/out")"
cp "$T/out" "$T/ind"
l=$(row MT2025-2 "$T/ind")
expect_eq "indicator MT2025-2 (cán bộ được tuyên truyền): percent >=100% in 2025" \
	$'percent\t>=100%\t2025' "$(field 2-4 "$l")"
l=$(row MT2026-2 "$T/ind")
expect_eq "indicator MT2026-2 (bộ tiêu chí): milestone in 2026" \
	$'milestone\tyes\t2026' "$(field 2-4 "$l")"
expect_eq "indicators MT2026-4…: the press award/forum each year 2026-2030" \
	"MT2026-4 2026 MT2026-4.2027 2027 MT2026-4.2028 2028 MT2026-4.2029 2029 MT2026-4.2030 2030 " \
	"$(grep '^MT2026-4' "$T/ind" | cut -f 1,4 | tr '\t\n' '  ')"
l=$(row MT2027-1 "$T/ind")
expect_eq "indicator MT2027-1 (ít nhất 03 chương trình): count >=3 in 2027" \
	$'count\t>=3\t2027' "$(field 2-4 "$l")"
l=$(row MT2030-2 "$T/ind")
expect_eq "indicator MT2030-2 (ít nhất 80% người dân): percent >=80% in 2030" \
	$'percent\t>=80%\t2030' "$(field 2-4 "$l")"
l=$(row MT2030-3 "$T/ind")
expect_eq "indicator MT2030-3 (ít nhất 70% cán bộ): percent >=70% in 2030" \
	$'percent\t>=70%\t2030' "$(field 2-4 "$l")"
l=$(row MT2025-1b "$T/ind")
expect_eq "indicator MT2025-1b (chuyên mục, split target): >=100% in 2025" \
	$'>=100%\t2025' "$(field 3-4 "$l")"

# ---- units -------------------------------------------------------------------
# 17 units. Single units (13): UBND tỉnh Đồng Tháp; Sở KH&CN, Sở VHTTDL,
# Sở GD&ĐT, Sở Tài chính, Văn phòng UBND tỉnh (Phòng Ngoại vụ) (III, V);
# Ban Tuyên giáo và Dân vận Tỉnh ủy (V.1a); Báo và phát thanh, truyền hình
# Đồng Tháp, Cổng Thông tin điện tử Đồng Tháp, Trung tâm IOC (V.6a);
# Hội Nhà báo tỉnh (III.1b); and two collectives whose members the seed does
# not name, so that they cannot be groups (a group needs members): các trường
# Đại học, Cao đẳng trên địa bàn (V.4), các cơ quan chủ quản báo chí (V.6b).
# Groups (4): các sở, ban, ngành, địa phương; các cơ quan báo chí chủ lực
# (III.1a, V.6a); các cơ quan thông tấn, báo chí (V.1a, III.5a); Ủy ban nhân
# dân các xã, phường (the grassroots-information target of 2030). 13 + 4 = 17
expect_exit "units runs" 0 "$TIENDO" -f "$DB" units
expect_eq "units: 17 units" 17 "$(lines "$T/out")"
expect_grep "units: UBND tỉnh is the province root" $'^DT-UBND\tprovince\t\tỦy ban nhân dân tỉnh Đồng Tháp$' "$T/out"
expect_grep "units: Sở KH&CN under UBND tỉnh" $'^DT-SKHCN\tdepartment\tDT-UBND\tSở Khoa học và Công nghệ$' "$T/out"
expect_grep "units: the newspaper-radio-TV is a press agency" $'^DT-BAO\tpress\tDT-UBND\tBáo và phát thanh, truyền hình Đồng Tháp$' "$T/out"
expect_eq "units: 13 single units and 4 groups" "13 4" \
	"$(grep -vc $'\tgroup\t' "$T/out") $(grep -c $'\tgroup\t' "$T/out")"
expect_grep "units: sở, ban, ngành, địa phương is a group" $'^DT-SBNDP\tgroup\tDT-UBND\tCác sở, ban, ngành, địa phương$' "$T/out"

# ---- reporting regime --------------------------------------------------------
# Two rules: V.7đ, sở/ban/ngành/địa phương report to Sở KH&CN before 20/6 and
# 20/12 every year or ad hoc; V.6a (last dash), the three main press bodies
# report on the 20th of every month or on request.
expect_exit "regime runs" 0 "$TIENDO" -f "$DB" regime
expect_eq "regime: two rules" 2 "$(lines "$T/out")"
expect_eq "regime: half-yearly, 20/6 and 20/12, ad hoc, to Sở KH&CN" \
	$'BC-HALF\thalf\t06-20 12-20\tyes\tDT-SBNDP\tDT-SKHCN' "$(row BC-HALF "$T/out")"
expect_eq "regime: press monthly on the 20th or on request, to Sở KH&CN" \
	$'BC-MONTH\tmonth\t20\tyes\tDT-BCCL\tDT-SKHCN' "$(row BC-MONTH "$T/out")"
# June 2026 holds exactly the first-half report and the June press report
# (no task falls due and no event falls in June). `due` also lists the tasks
# due before --from that nobody has marked done: the four "Hoàn thành trong
# năm 2025" tasks (1a-5, 2a, V.6a-2, V.7a).
expect_exit "due June 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-06-01 --days 30
expect_eq "due June 2026: half-year and monthly reports on 20/06/2026" \
	$'20/06/2026\treport\tBC-HALF\t2026S1 DT-SKHCN\n20/06/2026\treport\tBC-MONTH\t202606 DT-SKHCN' \
	"$(grep -v $'\toverdue\t' "$T/out")"
expect_eq "due June 2026: the 2025 tasks not done are overdue" "1a-5 2a V.6a-2 V.7a " \
	"$(grep $'\toverdue\t' "$T/out" | cut -f3 | tr '\n' ' ')"
# December 2026: the second-half report, the December press report, and the two
# III.1b tasks "Hoàn thành trong năm 2026" (1b-4, 1b-6) due on 31/12.
expect_exit "due December 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-12-01 --days 31
expect_grep "due: second-half report due 20/12/2026" $'^20/12/2026\treport\tBC-HALF\t2026S2 DT-SKHCN$' "$T/out"
expect_grep "due: task 1b-4 due 31/12/2026" $'^31/12/2026\ttask\t1b-4\t' "$T/out"
expect_grep "due: task 1b-6 due 31/12/2026" $'^31/12/2026\ttask\t1b-6\t' "$T/out"
expect_eq "due December 2026: 4 deadlines" 4 "$(grep -vc $'\toverdue\t' "$T/out")"

# ---- events ------------------------------------------------------------------
# III.1b first dash names Ngày Khoa học và Công nghệ Việt Nam (18/5) and
# Ngày hội Chuyển đổi số quốc gia (10/10): two annual events.
expect_exit "due May 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-05-01 --days 31
expect_grep "due: Ngày Khoa học và Công nghệ Việt Nam on 18/05/2026" \
	$'^18/05/2026\tevent\tKHCN\tNgày Khoa học và Công nghệ Việt Nam$' "$T/out"
expect_exit "due October 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-10-01 --days 15
expect_grep "due: Ngày hội Chuyển đổi số quốc gia on 10/10/2026" \
	$'^10/10/2026\tevent\tCDS\tNgày hội Chuyển đổi số quốc gia$' "$T/out"
expect_exit "due 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-01-01 --days 365
expect_eq "due 2026: exactly two event dates" 2 "$(grep -c $'\tevent\t' "$T/out")"
