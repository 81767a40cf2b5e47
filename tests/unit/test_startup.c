/* SPDX-License-Identifier: MIT */
/* Unit tests: what the first screen asks of the database gives the answers
 * of the slow way. progress_task_done (one unit) against a
 * reference that reads every row of a task, on a generated database with
 * periods of every kind, equal period ends and entries changed back. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_db.h"
#include "msg.h"
#include "period.h"
#include "progress.h"

static char dir[200];

/* The reference: every row of the task read; each unit's latest entry by
 * period end (of equal ends, the greater period code) decides. */
static bool slow_done(struct db *db, int64_t unit, int64_t task)
{
	enum { UNITS = 64 };
	day_t end[UNITS];
	char code[UNITS][PERIOD_BUF];
	bool done[UNITS], seen[UNITS] = {false};
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db->h, "SELECT unit_id, period, status FROM progress WHERE task_id = ?1",
			   -1, &st, NULL);
	sqlite3_bind_int64(st, 1, task);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int u = sqlite3_column_int(st, 0);
		const char *pc = (const char *)sqlite3_column_text(st, 1);
		struct period p;
		if (u < 0 || u >= UNITS || !period_parse(pc, &p))
			continue;
		day_t e = period_end(&p);
		if (seen[u] && (e < end[u] || (e == end[u] && strcmp(pc, code[u]) < 0)))
			continue;
		seen[u] = true;
		end[u] = e;
		snprintf(code[u], sizeof code[u], "%s", pc);
		done[u] = strcmp((const char *)sqlite3_column_text(st, 2), "done") == 0;
	}
	sqlite3_finalize(st);
	return unit >= 0 && unit < UNITS && seen[unit] && done[unit];
}

/* progress_task_latest's places: the unit id itself (ids 2..39 here). */
static ptrdiff_t id_slot(const void *ctx, int64_t unit)
{
	(void)ctx;
	return unit > 0 && unit < 64 ? (ptrdiff_t)unit : -1;
}

/* Does the unit have any row of the task? */
static bool q_has_rows(struct db *db, int64_t unit, int64_t task)
{
	sqlite3_stmt *st;
	sqlite3_prepare_v2(db->h, "SELECT 1 FROM progress WHERE unit_id = ?1 AND task_id = ?2", -1, &st, NULL);
	sqlite3_bind_int64(st, 1, unit);
	sqlite3_bind_int64(st, 2, task);
	bool has = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return has;
}

static void exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
		CHECK(0, msg ? msg : "sql");
	sqlite3_free(msg);
}

static void test_task_done(void)
{
	struct db db;
	struct err e;
	char path[300];
	snprintf(path, sizeof path, "%s/gen.db", dir);
	CHECK(db_open(&db, path, DB_OPEN_CREATE, &e) == 0, "database created");
	exec(&db, "BEGIN");
	exec(&db, "INSERT INTO unit(id, code, kind, name) VALUES (1, 'P', 'province', 'Tỉnh')");
	char sql[400];
	for (int u = 2; u < 40; u++) {
		snprintf(sql, sizeof sql, "INSERT INTO unit(id, code, kind, parent_id, name)"
			 " VALUES (%d, 'X%d', 'commune', 1, 'Xã %d')", u, u, u);
		exec(&db, sql);
	}
	exec(&db, "INSERT INTO plan(id, code, version, issuer_id, consolidator_id, title, loaded_at)"
		  " VALUES (1, 'KH', 1, 1, 1, 'Kế hoạch', '2026-01-01T00:00:00Z')");
	for (int t = 1; t <= 30; t++) {
		snprintf(sql, sizeof sql, "INSERT INTO task(id, plan_id, code, title, text, timeframe, seq)"
			 " VALUES (%d, 1, 'T%d', 'Việc', 'Việc', '2025', %d)", t, t, t);
		exec(&db, sql);
	}
	/* Periods of every kind; 2026, 2026S2, 2026Q4 and 202612 end the same day. */
	static const char *periods[] = {"2025", "2025S2", "2026S1", "2026Q4", "2026", "2026S2",
					"202612", "202603", "2024"};
	static const char *status[] = {"done", "in-progress", "not-started", "blocked"};
	unsigned seed = 12345;
	int rows = 0;
	for (int t = 1; t <= 30; t++)
		for (int u = 2; u < 40; u++)
			for (size_t k = 0; k < ARRAY_LEN(periods); k++) {
				seed = seed * 1103515245u + 12345u;
				/* few rows for most tasks; some tasks with no done at all */
				if ((seed >> 16) % 7 > (unsigned)(t % 4))
					continue;
				seed = seed * 1103515245u + 12345u;
				const char *s = status[(seed >> 16) % (t % 5 == 0 ? 3 : 4) + (t % 5 == 0)];
				snprintf(sql, sizeof sql, "INSERT INTO progress(unit_id, task_id, period, status,"
					 " entered_by, entered_at, revision) VALUES (%d, %d, '%s', '%s', 'x',"
					 " '2026-01-01T00:00:00Z', 1)", u, t, periods[k], s);
				exec(&db, sql);
				rows++;
			}
	exec(&db, "COMMIT");
	CHECK(rows > 1000, "a generated database");
	int differ = 0, failed = 0, unit_done = 0, unit_not = 0;
	for (int t = 1; t <= 30; t++) {
		bool done = false;
		for (int u = 2; u < 40; u++) {
			failed += progress_task_done(&db, u, t, &done, &e) != 0;
			differ += done != slow_done(&db, u, t);
			unit_done += done;
			unit_not += !done;
		}
	}
	/* progress_task_latest: each unit's answer in one reading of the task */
	int latest_differ = 0, latest_units = 0;
	for (int t = 1; t <= 30; t++) {
		struct progress_latest latest[64];
		memset(latest, 0, sizeof latest);
		failed += progress_task_latest(&db, t, id_slot, NULL, latest, &e) != 0;
		for (int u = 2; u < 40; u++) {
			bool has = latest[u].period[0] != '\0', want = false;
			latest_units += has;
			latest_differ += has != q_has_rows(&db, u, t);
			failed += progress_task_done(&db, u, t, &want, &e) != 0;
			latest_differ += latest[u].done != want || want != slow_done(&db, u, t);
		}
	}
	CHECK_INT(latest_differ, 0, "progress_task_latest: each unit's latest entry, as progress_task_done has it");
	CHECK(latest_units > 100, "progress_task_latest found many units' entries");
	CHECK_INT(failed, 0, "no error");
	CHECK_INT(differ, 0, "progress_task_done answers as the slow way, for each unit");
	CHECK(unit_done > 0 && unit_not > 0, "both answers occur for one unit");
	db_close(&db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	test_task_done();
	check_rmdir(dir);
	return check_done();
}
