#!/bin/bash
# SPDX-License-Identifier: MIT
# What a person reads (issue 12): dates dd/mm/yyyy, times in Vietnam time
# (UTC+7, not the machine's zone; TIENDO_TZ moves it), decimals with a comma
# in Vietnamese and a point in English; machine files (--csv, CSV exports)
# keep ISO dates, UTC times and points.
. "$SRCDIR/tests/lib.sh"
cd "$T" || exit 1
export TZ=UTC TIENDO_NOW=2026-06-05T02:00:00Z TIENDO_USER=clerk
"$TIENDO" -f dept.db init --plan "$SRCDIR/tests/data/mini.csv" >/dev/null
"$TIENDO" -f dept.db export-plan -o pkg.csv >/dev/null
"$TIENDO" -f xa.db init --plan pkg.csv --unit T-XA1 >/dev/null
"$TIENDO" -f xa.db set-indicator MT2030-1 --period 2026 --value 91.5 >/dev/null
"$TIENDO" -f xa.db export --period 2026S1 -o xa.csv >/dev/null
expect_exit "import" 0 "$TIENDO" -f dept.db import xa.csv
expect_grep "import: the export time in Vietnam time" '\(exported 05/06/2026 09:00\)' "$T/out"

# status: due date, export time, rates
TIENDO_LANG=vi "$TIENDO" -f dept.db status --period 2026S1 >vi.txt
expect_grep "vi status: due date dd/mm/yyyy" 'hạn 20/06/2026' vi.txt
expect_grep "vi status: exported 02:00 UTC is 09:00 in Vietnam" $'T-XA1\t.*\t05/06/2026 09:00\t05/06/2026\t' vi.txt
expect_grep "vi status: a rate with a decimal comma" '\(33,3%\)' vi.txt
expect_no_grep "vi status: no decimal point" '[0-9]\.[0-9]' vi.txt
expect_no_grep "vi status: no ISO date" '[0-9]{4}-[0-9]{2}-[0-9]{2}' vi.txt
"$TIENDO" -f dept.db status --period 2026S1 >en.txt
expect_grep "en status: a rate with a decimal point" '\(33\.3%\)' en.txt
expect_grep "en status: the same date format" 'due 20/06/2026' en.txt
TIENDO_TZ=+00:00 "$TIENDO" -f dept.db status --period 2026S1 >utc.txt
expect_grep "TIENDO_TZ=+00:00 shows UTC" $'T-XA1\t.*\t05/06/2026 02:00\t' utc.txt
TIENDO_LANG=vi "$TIENDO" -f dept.db status --period 2026S1 --csv >st.csv
expect_grep "--csv keeps ISO dates and UTC times" ',2026-06-20,.*,2026-06-05T02:00:00Z,' st.csv
expect_no_grep "--csv has no dd/mm/yyyy" '[0-9]{2}/[0-9]{2}/[0-9]{4}' st.csv

# A value with decimals; the export file keeps the point.
TIENDO_LANG=vi "$TIENDO" -f xa.db show-indicator MT2030-1 --period 2026 >vi.txt
expect_grep "vi show-indicator: 91,5" $'^value\t91,5$' vi.txt
expect_grep "vi show-indicator: entered in Vietnam time" $'^entered\t05/06/2026 09:00\tclerk$' vi.txt
"$TIENDO" -f xa.db show-indicator MT2030-1 --period 2026 >en.txt
expect_grep "en show-indicator: 91.5" $'^value\t91.5$' en.txt
expect_grep "the report file keeps the point" ',91\.5,' xa.csv
expect_no_grep "the report file keeps ISO times" '[0-9]{2}/[0-9]{2}/[0-9]{4}' xa.csv

# Times across midnight: 20:00 UTC on 30/06 is 03:00 on 01/07 in Vietnam.
TIENDO_NOW=2026-06-30T20:00:00Z "$TIENDO" -f xa.db set 1a-1 --period 2026S1 --status in-progress >/dev/null
"$TIENDO" -f xa.db show 1a-1 --period 2026S1 >show.txt
expect_grep "show: the time of the next day in Vietnam" $'^entered\t01/07/2026 03:00\tclerk$' show.txt
expect_grep "show: the history too" $'^1\t01/07/2026 03:00\tclerk\t' show.txt

# received: the register, in Vietnam time
"$TIENDO" -f dept.db received >rec.txt
expect_grep "received: import and export times in Vietnam time" $'^05/06/2026 09:00\treport\tT-XA1\t.*\t05/06/2026 09:00\t' rec.txt
# plans: the plan's date
"$TIENDO" -f dept.db plans >plans.txt
expect_grep "plans: the plan's date dd/mm/yyyy" $'\t13/08/2025\t' plans.txt

# File names carry the day in Vietnam: at 20:00 UTC on 04/06 it is already
# 05/06 there.
TIENDO_NOW=2026-06-04T20:00:00Z "$TIENDO" -f xa.db export --period 2026S1 >exp.txt
expect_grep "export: the file is named by Vietnam's day" 'baocao_T-XA1_2026S1_20260605\.csv' exp.txt
[ -f baocao_T-XA1_2026S1_20260605.csv ] && ok "and written under that name" || notok "and written under that name" "$(ls)"
TIENDO_NOW=2026-06-04T20:00:00Z "$TIENDO" -f dept.db consolidate --period 2026S1 >cons.txt
expect_grep "consolidate: the same" 'tonghop_MINI-1_2026S1_20260605\.csv' cons.txt
