/* SPDX-License-Identifier: MIT */
/* Schema 8 (issue 15): the history keeps only superseded revisions, the
 * current one lives in progress (indicator_value) with its action. A
 * database of schema 7, whose history holds every revision, migrates
 * without losing one; undo and the history a user sees are as before. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_db.h"
#include "progress.h"

static char *q_text(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v ? v : xstrdup("?");
}

#define CHECK_Q(db, sql, want, what)            \
	do {                                     \
		char *got_ = q_text(db, sql);    \
		CHECK_STR(got_, want, what);     \
		free(got_);                      \
	} while (0)

/* A schema 7 database as tiendo 7 left it: every revision in the history,
 * the current one too. Unit 2, task 1: revisions 1 (set), 2 (import),
 * 3 (undo, current). Unit 2, task 2: revision 1 (import, current). An
 * indicator value at revision 2 (set, then resolve). */
static void make_v7(char *path)
{
	struct db d = {.h = NULL};
	struct err e;
	sqlite3_open(path, &d.h);
	d.path = path;
	CHECK(schema_migrate(&d, 7, &e) == 0, "a database of schema 7");
	int rc = sqlite3_exec(d.h,
		"INSERT INTO unit(id, code, kind, name) VALUES (1, 'U1', 'province', 'Tỉnh'),"
		" (2, 'X1', 'commune', 'Xã Một');"
		"INSERT INTO plan(id, code, version, issuer_id, consolidator_id, title, loaded_at)"
		" VALUES (1, 'P', 1, 1, 1, 'Kế hoạch', '2026-01-01T00:00:00Z');"
		"INSERT INTO task(id, plan_id, code, title, text, timeframe, seq)"
		" VALUES (1, 1, 'T1', 'Việc một', '', '2026', 1), (2, 1, 'T2', 'Việc hai', '', '2026', 2);"
		"INSERT INTO indicator(id, plan_id, code, kind, comparator, target, year, consolidation,"
		" title, text, seq) VALUES (1, 1, 'I1', 'count', '>=', 5, 2026, 'sum', 'Chỉ tiêu', '', 1);"
		"INSERT INTO progress(unit_id, task_id, period, status, percent, result, entered_by,"
		" entered_at, revision) VALUES"
		" (2, 1, '2026S1', 'not-started', NULL, '', 'b', '2026-03-03T00:00:00Z', 3),"
		" (2, 2, '2026S1', 'blocked', NULL, 'Vướng', 'c', '2026-03-01T00:00:00Z', 1);"
		"INSERT INTO progress_history(unit_id, task_id, period, revision, status, percent, count,"
		" result, difficulties, proposals, evidence, entered_by, entered_at, action) VALUES"
		" (2, 1, '2026S1', 1, 'in-progress', 40, NULL, 'Một', '', '', '', 'a', '2026-03-01T00:00:00Z', 'set'),"
		" (2, 1, '2026S1', 2, 'done', 100, NULL, 'Hai', '', '', '', 'x', '2026-03-02T00:00:00Z', 'import'),"
		" (2, 1, '2026S1', 3, 'not-started', NULL, NULL, '', '', '', '', 'b', '2026-03-03T00:00:00Z', 'undo'),"
		" (2, 2, '2026S1', 1, 'blocked', NULL, NULL, 'Vướng', '', '', '', 'c', '2026-03-01T00:00:00Z', 'import');"
		"INSERT INTO indicator_value(unit_id, indicator_id, period, numerator, denominator, value,"
		" note, entered_by, entered_at, revision) VALUES"
		" (2, 1, '2026', NULL, NULL, 7, 'Bảy', 'r', '2026-04-02T00:00:00Z', 2);"
		"INSERT INTO indicator_history(unit_id, indicator_id, period, revision, numerator,"
		" denominator, value, note, entered_by, entered_at, action) VALUES"
		" (2, 1, '2026', 1, NULL, NULL, 6, 'Sáu', 'r', '2026-04-01T00:00:00Z', 'set'),"
		" (2, 1, '2026', 2, NULL, NULL, 7, 'Bảy', 'r', '2026-04-02T00:00:00Z', 'resolve');",
		NULL, NULL, NULL);
	CHECK_INT(rc, SQLITE_OK, "with entries, values and their history");
	sqlite3_close(d.h);
}

static void check_migrated(struct db *db)
{
	struct err e;
	CHECK_INT(schema_version(db), schema_latest(), "migrates to the latest schema");
	CHECK_INT(q_int(db, "SELECT count(*) FROM progress_history"), 2,
		  "the history keeps the superseded revisions only");
	CHECK_INT(q_int(db, "SELECT max(revision) FROM progress_history WHERE task_id = 1"), 2,
		  "the current revision is no longer in it");
	CHECK_Q(db, "SELECT action FROM progress WHERE task_id = 1", "undo",
		"the current row keeps the action that saved it");
	CHECK_Q(db, "SELECT action FROM progress WHERE task_id = 2", "import", "(an import too)");
	CHECK_INT(q_int(db, "SELECT count(*) FROM progress_revisions"), 4,
		  "progress_revisions: every revision, as the history held them");
	CHECK_INT(q_int(db, "SELECT count(*) FROM indicator_history"), 1,
		  "the values' history keeps the superseded one");
	CHECK_Q(db, "SELECT action FROM indicator_value", "resolve", "the value's action moves over");
	CHECK_INT(q_int(db, "SELECT count(*) FROM indicator_revisions"), 2, "indicator_revisions");
	CHECK_INT(q_int(db, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1,
		  "integrity_check");

	/* What show reads: every revision, oldest first, with its action. */
	struct entry_key k = {2, 1, "2026S1"};
	struct entry *hist = NULL;
	size_t nh = 0;
	CHECK(progress_history(db, &k, &hist, &nh, &e) == 0 && nh == 3, "show: three revisions");
	if (nh == 3) {
		CHECK(hist[0].revision == 1 && hist[1].revision == 2 && hist[2].revision == 3, "in order");
		CHECK_STR(hist[1].action, "import", "the import");
		CHECK_STR(hist[1].result, "Hai", "with its text");
		CHECK_STR(hist[2].action, "undo", "the current one last");
	}
	entries_free(hist, nh);
	struct ivalue_key ik = {2, 1, "2026"};
	struct ivalue *vh = NULL;
	CHECK(ivalue_history(db, &ik, &vh, &nh, &e) == 0 && nh == 2, "a value's two revisions");
	if (nh == 2)
		CHECK(vh[0].value == 6 && vh[1].value == 7 && strcmp(vh[1].action, "resolve") == 0,
		      "old, then current");
	ivalues_free(vh, nh);

	/* Undo after the migration: the state of revision 2, as revision 4. */
	long long rev;
	CHECK(progress_undo(db, &k, "clerk", &rev, &e) == 0 && rev == 4, "undo after the migration");
	struct entry cur;
	bool found;
	progress_get(db, &k, &cur, &found, &e);
	CHECK(cur.status == STATUS_DONE && cur.percent == 100 && strcmp(cur.result, "Hai") == 0,
	      "restores revision 2");
	entry_free(&cur);
	CHECK_INT(q_int(db, "SELECT count(*) FROM progress_history WHERE task_id = 1"), 3,
		  "revision 3 moved into the history");
	CHECK_Q(db, "SELECT action FROM progress_history WHERE task_id = 1 AND revision = 3", "undo",
		"with its action");
}

int main(void)
{
	char dir[] = "/tmp/tiendo-history.XXXXXX";
	CHECK(mkdtemp(dir) != NULL, "scratch folder");
	char path[64];
	snprintf(path, sizeof path, "%s/v7.db", dir);
	make_v7(path);
	struct db db;
	struct err e;
	CHECK(db_open(&db, path, DB_OPEN_EXISTING, &e) == 0, "a schema 7 database opens");
	check_migrated(&db);

	/* New writes: a first entry is written once, the next moves it. */
	struct entry_key k = {1, 2, "2026S1"};
	struct entry_patch p;
	entry_patch_init(&p);
	p.percent = 10;
	bool changed;
	long long rev;
	CHECK(progress_set(&db, &k, &p, "clerk", &changed, &rev, &e) == 0 && rev == 1, "a first entry");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress_history WHERE unit_id = 1"), 0,
		  "is not copied into the history");
	p.percent = 20;
	CHECK(progress_set(&db, &k, &p, "clerk", &changed, &rev, &e) == 0 && rev == 2, "a second");
	CHECK_INT(q_int(&db, "SELECT percent FROM progress_history WHERE unit_id = 1 AND revision = 1"),
		  10, "moves the first into the history");
	struct entry en = {.status = STATUS_IN_PROGRESS, .percent = 30, .count = -1, .result = "Ba",
			   .by = "x", .at = "2026-05-01T00:00:00Z", .revision = 2};
	CHECK(db_begin(&db, &e) == 0 && progress_put(&db, &k, &en, "resolve", PUT_SAME, &e) == 0 &&
	      db_commit(&db, &e) == 0, "a resolved conflict rewrites revision 2");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress_history WHERE unit_id = 1"), 1,
		  "without touching the history");
	CHECK_Q(&db, "SELECT action || ' ' || percent FROM progress WHERE unit_id = 1", "resolve 30",
		"the current row is the resolved one");
	db_close(&db);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "clean up");
	return check_done();
}
