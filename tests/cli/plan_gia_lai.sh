#!/bin/bash
. "$SRCDIR/tests/lib.sh"
# SPDX-License-Identifier: MIT
# Load the Gia Lai draft plan (seed 000: UBND tỉnh Gia Lai, Kế hoạch đẩy mạnh
# truyền thông thực hiện Nghị quyết 57-NQ/TW, dự thảo 2025) and check it
# against numbers counted by hand from the seed text, not from the CSV.

PLAN="$SRCDIR/data/plans/gia-lai-2025-draft.csv"
DB="$T/db"
TAB=$(printf '\t')

expect_exit "gia lai: init --plan loads the plan" 0 "$TIENDO" -f "$DB" init --plan "$PLAN"

# pick LINE: the line of $T/out whose first tab-separated field is $1.
pick() { awk -F'\t' -v c="$1" '$1 == c' "$T/out"; }

# ---- counts ---------------------------------------------------------------

# Tasks, counted in the seed:
#   III.1 a) 4 dash items + b) 7 dash items                           = 11
#   III.2   8 dash items (Sở GD&ĐT, các trường ĐH, CĐ)                =  8
#   III.3 a) 5 dash items ("- tư nhằm huy động" is the end of
#         "hợp tác công - tư", not an item) + b) 2 dash items         =  7
#   III.4   5 dash items                                              =  5
#   III.5   1 paragraph without items (Sở Ngoại vụ)                   =  1
#   V.1 a)-d) 4, V.2 a)-b) 2, V.3 2, V.4 2, V.5 2, V.6 4 dash items,
#   V.7 a)-đ) 5 (V.7 e) is the reporting regime, not a task)          = 21
#   total 11 + 8 + 7 + 5 + 1 + 21                                     = 53
expect_exit "gia lai: tasks runs" 0 "$TIENDO" -f "$DB" tasks
expect_eq "gia lai: 53 tasks" 53 "$(wc -l <"$T/out" | tr -d ' ')"

# Indicators: Mục tiêu cụ thể has 3 bullets for 2025, 4 for 2026, 2 for
# 2030 = 9 bullets; three of them bundle two measurable things and are split
# (2025 bullet 1: plan issued / column kept on the portal; 2025 bullet 3:
# press columns / cooperation with national TV; 2026 bullet 3: tasks stored
# in the S&T information system / tasks communicated): 9 + 3 = 12.
expect_exit "gia lai: indicators runs" 0 "$TIENDO" -f "$DB" indicators
expect_eq "gia lai: 12 indicators" 12 "$(wc -l <"$T/out" | tr -d ' ')"

# Units: UBND tỉnh; the named bodies Sở KH&CN, Sở VH-TT&DL, Sở GD&ĐT,
# Sở Tài chính, Sở Ngoại vụ, Sở Công thương, Ban Quản lý Khu kinh tế,
# Ban Tuyên giáo và Dân vận Tỉnh ủy, Báo và Phát thanh, Truyền hình Gia Lai,
# các trường Đại học, Cao đẳng (one collective unit: the seed names none of
# them, and a group needs members) = 11; the collectives given work:
# sở/ban/ngành/cơ quan trực thuộc UBND tỉnh, các cơ quan báo chí của tỉnh,
# UBND cấp xã (III.1 a), các sở, ban, ngành và địa phương (V.7, III.1 b) = 4.
# Bodies named only under "Nơi nhận" (Bộ KH&CN among them) are left out.
# 11 + 4 = 15.
expect_exit "gia lai: units runs" 0 "$TIENDO" -f "$DB" units
expect_eq "gia lai: 15 units" 15 "$(wc -l <"$T/out" | tr -d ' ')"
expect_eq "gia lai: no unit that no row uses (Bộ KH&CN is only in Nơi nhận)" "" "$(pick GL-BKHCN)"
expect_eq "gia lai: units GL-BCTT is a group under GL-UBND" \
	"GL-BCTT${TAB}group${TAB}GL-UBND${TAB}Các cơ quan báo chí truyền thông của tỉnh" "$(pick GL-BCTT)"

# ---- tasks: lead units and time frames -------------------------------------

"$TIENDO" -f "$DB" tasks >"$T/out" 2>"$T/err"
l=$(pick 1a-2)
expect_eq "gia lai: task 1a-2 led by sở/ngành, press and communes" "GL-SBN GL-BCTT GL-XA" "$(field 2 "$l")"
expect_eq "gia lai: task 1a-2 due in 2025 (Hoàn thành trong năm 2025)" "due 31/12/2025" "$(field 3 "$l")"
l=$(pick 1b-1)
expect_eq "gia lai: task 1b-1 (events 18/5, 1/10, 10/10) led by GL-SKHCN" "GL-SKHCN" "$(field 2 "$l")"
expect_eq "gia lai: task 1b-1 recurring" "recurring" "$(field 3 "$l")"
l=$(pick 2-1)
expect_eq "gia lai: task 2-1 led by Sở GD&ĐT and universities" "GL-SGDDT GL-DH" "$(field 2 "$l")"
expect_eq "gia lai: task 2-1 due in 2025" "due 31/12/2025" "$(field 3 "$l")"
l=$(pick 3b-2)
expect_eq "gia lai: task 3b-2 led by GL-SKHCN" "GL-SKHCN" "$(field 2 "$l")"
expect_eq "gia lai: task 3b-2 states no time frame" "none" "$(field 3 "$l")"
l=$(pick V.6-2)
expect_eq "gia lai: task V.6-2 led by the press agency" "GL-BAO" "$(field 2 "$l")"
expect_eq "gia lai: task V.6-2 due in 2025 (hoàn thành năm 2025)" "due 31/12/2025" "$(field 3 "$l")"
l=$(pick V.7dd)
expect_eq "gia lai: task V.7dd (item đ) led by sở, ban, ngành và địa phương" "GL-SBNDP" "$(field 2 "$l")"
expect_eq "gia lai: first task is 1a-1" "1a-1" "$(head -n 1 "$T/out" | cut -f 1)"
expect_eq "gia lai: last task is V.7dd" "V.7dd" "$(tail -n 1 "$T/out" | cut -f 1)"

# Sở Công thương leads III.3 a) (5), and through its groups leads III.1 a)
# (4) and V.7 a)-đ) (5) and coordinates III.1 b) (7), V.6's first item (1),
# and the partners named in a task's own "phối hợp với" clause: "các ngành
# liên quan" in V.1 a) and "các ngành, địa phương có liên quan" in V.2 b),
# V.4 b), V.5 b) (4).
expect_exit "gia lai: tasks --unit GL-SCT runs" 0 "$TIENDO" -f "$DB" tasks --unit GL-SCT
expect_grep "gia lai: GL-SCT coordinates V.2b (các ngành, địa phương có liên quan)" $'^V\\.2b\t' "$T/out"
expect_eq "gia lai: GL-SCT takes part in 26 tasks" 26 "$(wc -l <"$T/out" | tr -d ' ')"

# ---- indicators -------------------------------------------------------------

"$TIENDO" -f "$DB" indicators >"$T/out" 2>"$T/err"
l=$(pick MT2030-1)
expect_eq "gia lai: MT2030-1 at least 80% of citizens" ">=80%" "$(field 3 "$l")"
expect_eq "gia lai: MT2030-1 year 2030" "2030" "$(field 4 "$l")"
l=$(pick MT2030-2)
expect_eq "gia lai: MT2030-2 at least 70% of staff trained" ">=70%${TAB}2030" "$(printf '%s' "$l" | cut -f 3,4)"
l=$(pick MT2025-2)
expect_eq "gia lai: MT2025-2 100% of officials informed in 2025" "percent${TAB}>=100%${TAB}2025" "$(printf '%s' "$l" | cut -f 2-4)"
l=$(pick MT2026-1)
expect_eq "gia lai: MT2026-1 network formed is a 2026 milestone" "milestone${TAB}yes${TAB}2026" "$(printf '%s' "$l" | cut -f 2-4)"

# ---- plan header ------------------------------------------------------------

expect_exit "gia lai: plans runs" 0 "$TIENDO" -f "$DB" plans
# The title as the seed prints it under "KẾ HOẠCH" (no "(dự thảo)": the seed
# does not print one; the empty number and date say it is a draft).
expect_eq "gia lai: plan header (draft: no number, no date)" \
	"GL-NQ57-2025${TAB}2${TAB}${TAB}${TAB}Kế hoạch đẩy mạnh truyền thông thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị trên địa bàn tỉnh" \
	"$(cat "$T/out")"
# "Căn cứ Quyết định số 1169/QĐ-TTg ngày 16/6/2025 của Thủ tướng Chính phủ về …"
expect_eq "gia lai: parent reference as the plan cites it, without its subject" \
	"Quyết định số 1169/QĐ-TTg ngày 16/6/2025 của Thủ tướng Chính phủ" \
	"$(sqlite3 "$DB" "SELECT parent_ref FROM plan WHERE code = 'GL-NQ57-2025'")"

# ---- reporting regime: before 15/6 and 15/12 each year, or ad hoc (V.7 e) ----

expect_exit "gia lai: regime runs" 0 "$TIENDO" -f "$DB" regime
expect_eq "gia lai: one half-yearly rule due on the 15th, ad hoc allowed" \
	"BC-HALF${TAB}half${TAB}15${TAB}yes${TAB}GL-SBNDP${TAB}GL-SKHCN" "$(cat "$T/out")"

expect_exit "gia lai: due in June 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-06-01 --days 30
expect_grep "gia lai: first half 2026 report due 15/06/2026" \
	"^15/06/2026${TAB}report${TAB}BC-HALF${TAB}2026S1 GL-SKHCN\$" "$T/out"
expect_exit "gia lai: due in December 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-12-01 --days 31
expect_grep "gia lai: second half 2026 report due 15/12/2026" \
	"^15/12/2026${TAB}report${TAB}BC-HALF${TAB}2026S2 GL-SKHCN\$" "$T/out"

# ---- events and task deadlines seen through due -----------------------------

expect_exit "gia lai: due in May 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-05-01 --days 31
expect_grep "gia lai: Vietnam S&T Day on 18/05/2026" \
	"^18/05/2026${TAB}event${TAB}KHCN${TAB}Ngày Khoa học và Công nghệ Việt Nam\$" "$T/out"
expect_exit "gia lai: due in October 2026 runs" 0 "$TIENDO" -f "$DB" due --from 2026-10-01 --days 31
expect_grep "gia lai: National Innovation Day on 01/10/2026" \
	"^01/10/2026${TAB}event${TAB}DMST${TAB}Ngày hội Đổi mới sáng tạo quốc gia\$" "$T/out"
expect_grep "gia lai: National Digital Transformation Day on 10/10/2026" \
	"^10/10/2026${TAB}event${TAB}CDS${TAB}Ngày Chuyển đổi số quốc gia\$" "$T/out"

# The seed says "Hoàn thành trong năm 2025" twice (III.1 a) item 2, III.2
# item 1) and "hoàn thành năm 2025" once (V.6 item 2): 3 tasks due 31/12/2025.
expect_exit "gia lai: due in December 2025 runs" 0 "$TIENDO" -f "$DB" due --from 2025-12-01 --days 31
expect_eq "gia lai: 3 tasks due 31/12/2025" 3 "$(grep -c "^31/12/2025${TAB}task${TAB}" "$T/out")"
expect_grep "gia lai: task 2-1 due 31/12/2025" "^31/12/2025${TAB}task${TAB}2-1${TAB}" "$T/out"
