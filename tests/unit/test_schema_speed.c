/* SPDX-License-Identifier: MIT */
/* Schemas 6 and 9 (issue 15): a database of schema 4 holding progress
 * migrates with its rows and checks intact, the status check no longer
 * builds a temporary table per insert, the interface's counts read covering
 * indexes, and progress keeps two indexes (each costs every entry written). */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_db.h"
#include "progress.h"

/* The query plan's details of sql, joined. */
static void plan_of(struct db *db, const char *sql, char *out, size_t n)
{
	char q[600];
	snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
	sqlite3_stmt *st;
	out[0] = '\0';
	if (sqlite3_prepare_v2(db->h, q, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		size_t k = strlen(out);
		snprintf(out + k, n - k, "%s; ", (const char *)sqlite3_column_text(st, 3));
	}
	sqlite3_finalize(st);
}

int main(void)
{
	char dir[] = "/tmp/tiendo-schema.XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "scratch folder");
	char path[64];
	snprintf(path, sizeof path, "%s/v4.db", dir);
	struct db d = {.h = NULL};
	struct err e;
	sqlite3_open(path, &d.h);
	d.path = path;
	CHECK(schema_migrate(&d, 4, &e) == 0, "a database of schema 4");
	sqlite3_exec(d.h, "PRAGMA foreign_keys=ON;"
			  "INSERT INTO unit(id, code, kind, name) VALUES (1, 'U1', 'province', 'Tỉnh'),"
			  " (2, 'X1', 'commune', 'Xã Một');"
			  "INSERT INTO plan(id, code, version, issuer_id, consolidator_id, title, loaded_at)"
			  " VALUES (1, 'P', 1, 1, 1, 'Kế hoạch', '2026-01-01T00:00:00Z');"
			  "INSERT INTO task(id, plan_id, code, title, text, timeframe, seq)"
			  " VALUES (1, 1, 'T1', 'Việc một', '', '2026', 1), (2, 1, 'T2', 'Việc hai', '', '2026', 2);"
			  "INSERT INTO progress(unit_id, task_id, period, status, percent, result, entered_by,"
			  " entered_at, revision) VALUES"
			  " (2, 1, '2026S1', 'done', 100, 'Xong', 'a', '2026-03-01T00:00:00Z', 3),"
			  " (2, 2, '2026S1', 'blocked', NULL, 'Vướng', 'a', '2026-03-01T00:00:00Z', 1),"
			  " (1, 1, '2026S1', 'in-progress', 40, '', 'b', '2026-03-02T00:00:00Z', 2);",
		     NULL, NULL, NULL);
	CHECK_INT(q_int(&d, "SELECT count(*) FROM progress"), 3, "with three entries");
	sqlite3_close(d.h);

	struct db db;
	CHECK(db_open(&db, path, DB_OPEN_EXISTING, &e) == 0, "opens, migrating");
	CHECK_INT(schema_version(&db), schema_latest(), "to the latest schema");
	CHECK(schema_latest() >= 6, "schema 6 exists");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress"), 3, "the entries survive");
	CHECK_INT(q_int(&db, "SELECT revision FROM progress WHERE unit_id = 2 AND task_id = 1"), 3,
		  "with their revisions");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress WHERE status = 'blocked' AND percent IS NULL"
			     " AND result = 'Vướng'"), 1, "and their fields");
	CHECK_INT(q_int(&db, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1,
		  "integrity_check");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM pragma_foreign_key_check"), 0, "foreign keys hold");
	int rc = sqlite3_exec(db.h, "INSERT INTO progress(unit_id, task_id, period, status, entered_by,"
				    " entered_at, revision) VALUES (1, 2, '2026S1', 'finished', 'a', 'x', 1)",
			      NULL, NULL, NULL);
	CHECK_INT(rc & 0xff, SQLITE_CONSTRAINT, "an unknown status is still refused");
	CHECK_INT(q_int(&db, "SELECT sql LIKE '%IN (%' FROM sqlite_master WHERE name = 'progress'"), 0,
		  "the status check is not an IN list (a temporary table per insert)");
	char plan[1000];
	plan_of(&db, PROGRESS_DONE_COUNTS_SQL, plan, sizeof plan);
	CHECK(strstr(plan, "SEARCH p USING COVERING INDEX progress_by_task (task_id=? AND period=?"
			   " AND status=?)") != NULL && !strstr(plan, "SCAN p"),
	      "done counts of a period look each task up in a covering index");
	if (!strstr(plan, "SEARCH p USING COVERING"))
		printf("#   plan: %s\n", plan);
	/* schema 9: an entry written goes into the table and two indexes */
	CHECK_INT(q_int(&db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
			     " AND tbl_name = 'progress'"), 2, "progress has two indexes");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM sqlite_master WHERE name IN"
			     " ('progress_by_period', 'progress_status_by_period')"), 0,
		  "not the two by period");
	plan_of(&db, "SELECT p.unit_id, t.code, p.result FROM progress p JOIN task t ON t.id = p.task_id"
		     " WHERE t.plan_id = 1 AND p.period = '2026S1' AND p.unit_id = 2 ORDER BY t.seq",
		plan, sizeof plan);
	CHECK(strstr(plan, "SEARCH p USING INDEX sqlite_autoindex_progress_1 (unit_id=?") != NULL,
	      "a unit's entries of a period (export, consolidate) read the unique index");
	if (!strstr(plan, "SEARCH p USING INDEX sqlite_autoindex_progress_1 (unit_id=?"))
		printf("#   plan: %s\n", plan);
	plan_of(&db, "SELECT status, unit_id FROM progress WHERE task_id = 1 AND period = '2026S1'", plan,
		sizeof plan);
	CHECK(strstr(plan, "COVERING INDEX progress_by_task") != NULL,
	      "a task's statuses by unit read a covering index");
	if (!strstr(plan, "COVERING INDEX"))
		printf("#   plan: %s\n", plan);
	db_close(&db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "scratch folder removed");
	return check_failed ? 1 : 0;
}
