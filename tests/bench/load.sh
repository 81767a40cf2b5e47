#!/bin/sh
# SPDX-License-Identifier: MIT
# The department's database at national scale: the plan of gen.sh loaded with
# `tiendo init`, then every unit's progress written straight into the tables
# with sqlite3 (revision 1; the history holds superseded revisions only, so
# none).
#
# TEMPORARY PATH: this stands in for the units' reports arriving by file.
# When `tiendo import` exists, bench.sh measures that path instead (see
# bench_import there); this loader stays as the way to get a big database
# quickly for the UI and memory figures.
# Usage: tests/bench/load.sh TIENDO GENDIR DB [PERIOD]   (PERIOD: only its entries)
set -eu
bin=$1 gen=$2 db=$3 only=${4:-}
rm -f "$db" "$db-wal" "$db-shm"
TIENDO_LANG=en "$bin" -f "$db" init --plan "$gen/plan.csv" --unit DT-SKHCN >/dev/null
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode=WAL;
.import --csv "$gen/progress.csv" bench_in
BEGIN;
INSERT INTO progress(unit_id, task_id, period, status, percent, count, result, difficulties,
	proposals, evidence, entered_by, entered_at, revision)
SELECT u.id, t.id, b.period, b.status, NULLIF(b.percent, ''), NULLIF(b.count, ''), b.result,
	b.difficulties, '', '', 'bench', b.entered_at, 1
FROM bench_in b JOIN unit u ON u.code = b.unit
JOIN task t ON t.code = b.task AND t.plan_id = (SELECT id FROM plan WHERE code = 'DT-118-2025')
WHERE '$only' = '' OR b.period = '$only';
DROP TABLE bench_in;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
rows=$(sqlite3 "$db" 'SELECT count(*) FROM progress')
want=$(($(grep -c "^DT-[^,]*,[^,]*,${only:-[^,]*}," "$gen/progress.csv")))
[ "$rows" -eq "$want" ] || { echo "load: $rows entries in $db, $want in $gen/progress.csv" >&2; exit 1; }
echo "load: $db: $rows entries"
