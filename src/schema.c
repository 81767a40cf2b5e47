/* SPDX-License-Identifier: MIT */
/* The database schema and its forward migrations.
 *
 * PRAGMA user_version holds the schema version. migrations[k] takes a
 * database from version k to k+1 and runs in one transaction with the
 * version bump, so a migration is either whole or absent. Never edit a
 * released migration: add the next one. Version 0 is an empty file.
 *
 * Identity: units are global to the database (codes like DT-SKHCN);
 * sections, tasks, indicators, events and report rules belong to a plan and
 * are unique by code within it. Progress entries and indicator values are
 * unique per (unit, task or indicator, period) and carry a revision that
 * increases with every change; a revision superseded by a newer one moves
 * into the matching *_history table (schema 8), which with the current row
 * (the *_revisions views) is the audit trail and the base of undo. */
#include <stdio.h>

#include "db.h"
#include "db_internal.h"
#include "msg.h"

/* The progress table's columns: the first schema creates it, and 5 -> 6
 * builds it again with the status check as ORs (see there). */
#define PROGRESS_COLUMNS \
	" id INTEGER PRIMARY KEY," \
	" unit_id INTEGER NOT NULL REFERENCES unit(id)," \
	" task_id INTEGER NOT NULL REFERENCES task(id)," \
	" period TEXT NOT NULL," \
	" status TEXT NOT NULL CHECK(status = 'not-started' OR status = 'in-progress'" \
	" OR status = 'done' OR status = 'blocked')," \
	" percent INTEGER CHECK(percent BETWEEN 0 AND 100)," \
	" count INTEGER CHECK(count >= 0)," \
	" result TEXT NOT NULL DEFAULT ''," \
	" difficulties TEXT NOT NULL DEFAULT ''," \
	" proposals TEXT NOT NULL DEFAULT ''," \
	" evidence TEXT NOT NULL DEFAULT ''," \
	" entered_by TEXT NOT NULL," \
	" entered_at TEXT NOT NULL," \
	" revision INTEGER NOT NULL CHECK(revision >= 1)," \
	" UNIQUE(unit_id, task_id, period));"

static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE unit("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" kind TEXT NOT NULL,"
	" parent_id INTEGER REFERENCES unit(id),"
	" members TEXT NOT NULL DEFAULT '',"
	" name TEXT NOT NULL,"
	" retired INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE plan("
	" id INTEGER PRIMARY KEY,"
	" code TEXT NOT NULL UNIQUE,"
	" version INTEGER NOT NULL,"
	" issuer_id INTEGER NOT NULL REFERENCES unit(id),"
	" number TEXT NOT NULL DEFAULT '',"
	" place TEXT NOT NULL DEFAULT '',"
	" date TEXT NOT NULL DEFAULT '',"
	" consolidator_id INTEGER NOT NULL REFERENCES unit(id),"
	" parent_code TEXT NOT NULL DEFAULT '',"
	" parent_ref TEXT NOT NULL DEFAULT '',"
	" title TEXT NOT NULL,"
	" loaded_at TEXT NOT NULL);"
	"CREATE TABLE section("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" code TEXT NOT NULL,"
	" title TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" UNIQUE(plan_id, code));"
	"CREATE TABLE event("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" code TEXT NOT NULL,"
	" month INTEGER NOT NULL CHECK(month BETWEEN 1 AND 12),"
	" day INTEGER NOT NULL CHECK(day BETWEEN 1 AND 31),"
	" name TEXT NOT NULL,"
	" UNIQUE(plan_id, code));"
	"CREATE TABLE task("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" code TEXT NOT NULL,"
	" section_id INTEGER REFERENCES section(id),"
	" item TEXT NOT NULL DEFAULT '',"
	" title TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" timeframe TEXT NOT NULL,"
	" timeframe_text TEXT NOT NULL DEFAULT '',"
	" measure TEXT NOT NULL DEFAULT '',"
	" seq INTEGER NOT NULL,"
	" retired INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(plan_id, code));"
	"CREATE TABLE task_unit("
	" task_id INTEGER NOT NULL REFERENCES task(id),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" role TEXT NOT NULL CHECK(role IN ('lead', 'coord')),"
	" seq INTEGER NOT NULL,"
	" PRIMARY KEY(task_id, role, unit_id));"
	"CREATE TABLE task_event("
	" task_id INTEGER NOT NULL REFERENCES task(id),"
	" event_id INTEGER NOT NULL REFERENCES event(id),"
	" PRIMARY KEY(task_id, event_id));"
	"CREATE TABLE indicator("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" code TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK(kind IN ('percent', 'count', 'milestone')),"
	" comparator TEXT NOT NULL CHECK(comparator IN ('>=', '=', '<=')),"
	" target REAL NOT NULL,"
	" year INTEGER NOT NULL,"
	" consolidation TEXT NOT NULL CHECK(consolidation IN ('ratio', 'sum', 'share-met', 'all')),"
	" title TEXT NOT NULL,"
	" text TEXT NOT NULL,"
	" seq INTEGER NOT NULL,"
	" retired INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(plan_id, code));"
	"CREATE TABLE indicator_unit("
	" indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" seq INTEGER NOT NULL,"
	" PRIMARY KEY(indicator_id, unit_id));"
	"CREATE TABLE report_rule("
	" id INTEGER PRIMARY KEY,"
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" code TEXT NOT NULL,"
	" period_type TEXT NOT NULL CHECK(period_type IN ('year', 'half', 'quarter', 'month')),"
	" due TEXT NOT NULL,"
	" adhoc INTEGER NOT NULL,"
	" to_id INTEGER NOT NULL REFERENCES unit(id),"
	" text TEXT NOT NULL DEFAULT '',"
	" seq INTEGER NOT NULL,"
	" UNIQUE(plan_id, code));"
	"CREATE TABLE report_rule_unit("
	" rule_id INTEGER NOT NULL REFERENCES report_rule(id) ON DELETE CASCADE,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" seq INTEGER NOT NULL,"
	" PRIMARY KEY(rule_id, unit_id));"
	"CREATE TABLE progress(" PROGRESS_COLUMNS
	"CREATE TABLE progress_history("
	" id INTEGER PRIMARY KEY,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" task_id INTEGER NOT NULL REFERENCES task(id),"
	" period TEXT NOT NULL,"
	" revision INTEGER NOT NULL,"
	" status TEXT NOT NULL,"
	" percent INTEGER,"
	" count INTEGER,"
	" result TEXT NOT NULL,"
	" difficulties TEXT NOT NULL,"
	" proposals TEXT NOT NULL,"
	" evidence TEXT NOT NULL,"
	" entered_by TEXT NOT NULL,"
	" entered_at TEXT NOT NULL,"
	" action TEXT NOT NULL DEFAULT 'set',"
	" UNIQUE(unit_id, task_id, period, revision));"
	"CREATE TABLE indicator_value("
	" id INTEGER PRIMARY KEY,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	" period TEXT NOT NULL,"
	" numerator INTEGER CHECK(numerator >= 0),"
	" denominator INTEGER CHECK(denominator > 0),"
	" value REAL,"
	" note TEXT NOT NULL DEFAULT '',"
	" entered_by TEXT NOT NULL,"
	" entered_at TEXT NOT NULL,"
	" revision INTEGER NOT NULL CHECK(revision >= 1),"
	" UNIQUE(unit_id, indicator_id, period));"
	"CREATE TABLE indicator_history("
	" id INTEGER PRIMARY KEY,"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" indicator_id INTEGER NOT NULL REFERENCES indicator(id),"
	" period TEXT NOT NULL,"
	" revision INTEGER NOT NULL,"
	" numerator INTEGER,"
	" denominator INTEGER,"
	" value REAL,"
	" note TEXT NOT NULL,"
	" entered_by TEXT NOT NULL,"
	" entered_at TEXT NOT NULL,"
	" action TEXT NOT NULL DEFAULT 'set',"
	" UNIQUE(unit_id, indicator_id, period, revision));"
	"CREATE INDEX task_unit_by_unit ON task_unit(unit_id);"
	"CREATE INDEX progress_by_task ON progress(task_id, period);"
	"CREATE INDEX progress_by_period ON progress(period, unit_id);"
	"CREATE INDEX indicator_value_by_indicator ON indicator_value(indicator_id, period);",
	/* 1 -> 2: drafts of entry forms interrupted by a signal (an SSH link
	 * dropped while a clerk was typing); the fields as typed, unchecked. */
	"CREATE TABLE draft("
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" task_id INTEGER NOT NULL REFERENCES task(id),"
	" period TEXT NOT NULL,"
	" status TEXT NOT NULL,"
	" percent TEXT NOT NULL,"
	" count TEXT NOT NULL,"
	" result TEXT NOT NULL,"
	" difficulties TEXT NOT NULL,"
	" proposals TEXT NOT NULL,"
	" evidence TEXT NOT NULL,"
	" saved_at TEXT NOT NULL,"
	" PRIMARY KEY(unit_id, task_id, period));",
	/* 2 -> 3: exchange by file (docs/exchange.md). plan.pending: units were
	 * added or retired since the plan's version was last sent, so the next
	 * export-plan raises the version. received: the register of imported
	 * files. receipt: reports a unit below received, as its consolidated
	 * report tells. conflict: incoming rows with the stored revision but
	 * other content, kept aside until someone resolves them. */
	"ALTER TABLE plan ADD COLUMN pending INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE received("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK(kind IN ('plan', 'report')),"
	" file_name TEXT NOT NULL,"
	" checksum TEXT NOT NULL,"
	" sender_id INTEGER NOT NULL REFERENCES unit(id),"
	" plan_code TEXT NOT NULL,"
	" plan_version INTEGER NOT NULL,"
	" period TEXT NOT NULL DEFAULT '',"
	" exported_at TEXT NOT NULL DEFAULT '',"
	" imported_at TEXT NOT NULL,"
	" encoding TEXT NOT NULL,"
	" rows INTEGER NOT NULL DEFAULT 0,"
	" added INTEGER NOT NULL DEFAULT 0,"
	" replaced INTEGER NOT NULL DEFAULT 0,"
	" unchanged INTEGER NOT NULL DEFAULT 0,"
	" older INTEGER NOT NULL DEFAULT 0,"
	" conflicts INTEGER NOT NULL DEFAULT 0,"
	" UNIQUE(kind, sender_id, checksum));"
	"CREATE INDEX received_by_period ON received(period, sender_id);"
	"CREATE TABLE receipt("
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" period TEXT NOT NULL,"
	" to_id INTEGER NOT NULL REFERENCES unit(id),"
	" exported_at TEXT NOT NULL,"
	" imported_at TEXT NOT NULL,"
	" PRIMARY KEY(unit_id, period, to_id));"
	"CREATE TABLE conflict("
	" id INTEGER PRIMARY KEY,"
	" kind TEXT NOT NULL CHECK(kind IN ('entry', 'value')),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" item_id INTEGER NOT NULL,"
	" period TEXT NOT NULL,"
	" revision INTEGER NOT NULL,"
	" received_id INTEGER NOT NULL REFERENCES received(id),"
	" status TEXT NOT NULL DEFAULT '',"
	" percent INTEGER,"
	" count INTEGER,"
	" result TEXT NOT NULL DEFAULT '',"
	" difficulties TEXT NOT NULL DEFAULT '',"
	" proposals TEXT NOT NULL DEFAULT '',"
	" evidence TEXT NOT NULL DEFAULT '',"
	" numerator INTEGER,"
	" denominator INTEGER,"
	" value REAL,"
	" note TEXT NOT NULL DEFAULT '',"
	" entered_by TEXT NOT NULL,"
	" entered_at TEXT NOT NULL,"
	" digest TEXT NOT NULL,"
	" state TEXT NOT NULL DEFAULT 'open' CHECK(state IN ('open', 'kept', 'taken')),"
	" resolved_by TEXT NOT NULL DEFAULT '',"
	" resolved_at TEXT NOT NULL DEFAULT '',"
	" UNIQUE(kind, unit_id, item_id, period, revision, digest));"
	"CREATE INDEX conflict_by_period ON conflict(period, state);",
	/* 3 -> 4: the units each plan file declared, so that a plan package
	 * written back carries them all (an external body may be named by no
	 * task). Plans loaded before know their issuer and consolidator. */
	"CREATE TABLE plan_unit("
	" plan_id INTEGER NOT NULL REFERENCES plan(id),"
	" unit_id INTEGER NOT NULL REFERENCES unit(id),"
	" PRIMARY KEY(plan_id, unit_id));"
	"INSERT INTO plan_unit(plan_id, unit_id) SELECT id, issuer_id FROM plan"
	" UNION SELECT id, consolidator_id FROM plan;",
	/* 4 -> 5: a report rule's recipient may be inferred (the plan names
	 * none; the plan file writes it "CODE?"), so documents leave it blank. */
	"ALTER TABLE report_rule ADD COLUMN to_inferred INTEGER NOT NULL DEFAULT 0;",
	/* 5 -> 6: speed at national scale (issue 15). The status check as ORs:
	 * CHECK(status IN (...)) built a temporary b-tree on every insert. Two
	 * covering indexes: the "done" counts of a period by task, and a task's
	 * statuses by period and unit (the first screen read 84 MB without
	 * them); the second replaces progress_by_task, its prefix. */
	"CREATE TABLE progress_new(" PROGRESS_COLUMNS
	"INSERT INTO progress_new(id, unit_id, task_id, period, status, percent, count, result,"
	" difficulties, proposals, evidence, entered_by, entered_at, revision)"
	" SELECT id, unit_id, task_id, period, status, percent, count, result, difficulties,"
	" proposals, evidence, entered_by, entered_at, revision FROM progress;"
	"DROP TABLE progress;"
	"ALTER TABLE progress_new RENAME TO progress;"
	"CREATE INDEX progress_by_period ON progress(period, unit_id);"
	"CREATE INDEX progress_status_by_period ON progress(period, status, task_id);"
	"CREATE INDEX progress_by_task ON progress(task_id, period, status, unit_id);",
	/* 6 -> 7: the public keys of the units whose files this database has
	 * received (keystore.c): recorded on first use or confirmed, and a key
	 * that changed kept aside until someone confirms it. The database's own
	 * key pair lives in meta (sign_public, sign_secret). */
	"CREATE TABLE unit_key("
	" unit_id INTEGER PRIMARY KEY REFERENCES unit(id),"
	" public_key TEXT NOT NULL,"
	" confirmed INTEGER NOT NULL DEFAULT 0,"
	" seen_at TEXT NOT NULL,"
	" pending_key TEXT,"
	" pending_file TEXT,"
	" pending_at TEXT);",
	/* 7 -> 8: the history keeps only superseded revisions (issue 15): the
	 * current one lives in progress and indicator_value, with the action
	 * that saved it, so a first entry (most of an import) is written once.
	 * The *_revisions views give every revision, as the history did. */
	"ALTER TABLE progress ADD COLUMN action TEXT NOT NULL DEFAULT 'set';"
	"UPDATE progress SET action = coalesce((SELECT h.action FROM progress_history h"
	" WHERE h.unit_id = progress.unit_id AND h.task_id = progress.task_id"
	" AND h.period = progress.period AND h.revision = progress.revision), 'set');"
	"DELETE FROM progress_history WHERE EXISTS (SELECT 1 FROM progress p"
	" WHERE p.unit_id = progress_history.unit_id AND p.task_id = progress_history.task_id"
	" AND p.period = progress_history.period AND p.revision = progress_history.revision);"
	"ALTER TABLE indicator_value ADD COLUMN action TEXT NOT NULL DEFAULT 'set';"
	"UPDATE indicator_value SET action = coalesce((SELECT h.action FROM indicator_history h"
	" WHERE h.unit_id = indicator_value.unit_id AND h.indicator_id = indicator_value.indicator_id"
	" AND h.period = indicator_value.period AND h.revision = indicator_value.revision), 'set');"
	"DELETE FROM indicator_history WHERE EXISTS (SELECT 1 FROM indicator_value v"
	" WHERE v.unit_id = indicator_history.unit_id AND v.indicator_id = indicator_history.indicator_id"
	" AND v.period = indicator_history.period AND v.revision = indicator_history.revision);"
	"CREATE VIEW progress_revisions AS"
	" SELECT unit_id, task_id, period, revision, status, percent, count, result, difficulties,"
	" proposals, evidence, entered_by, entered_at, action FROM progress_history"
	" UNION ALL SELECT unit_id, task_id, period, revision, status, percent, count, result,"
	" difficulties, proposals, evidence, entered_by, entered_at, action FROM progress;"
	"CREATE VIEW indicator_revisions AS"
	" SELECT unit_id, indicator_id, period, revision, numerator, denominator, value, note,"
	" entered_by, entered_at, action FROM indicator_history"
	" UNION ALL SELECT unit_id, indicator_id, period, revision, numerator, denominator, value,"
	" note, entered_by, entered_at, action FROM indicator_value;",
	/* 8 -> 9: two indexes fewer on progress (issue 15): every entry an
	 * import writes went into the table and four indexes. What read
	 * (period, unit_id) reads the unique (unit_id, task_id, period) unit by
	 * unit (report.c, consolidate); the "done" counts of a period read
	 * progress_by_task task by task (PROGRESS_DONE_COUNTS_SQL). */
	"DROP INDEX IF EXISTS progress_by_period;"
	"DROP INDEX IF EXISTS progress_status_by_period;",
};

int schema_latest(void)
{
	return (int)ARRAY_LEN(migrations);
}

int schema_version(struct db *db)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int schema_migrate(struct db *db, int target, struct err *e)
{
	int v = schema_version(db);
	if (v < 0)
		return db_fail(db, e);
	while (v < target) {
		char bump[64];
		char *msg = NULL;
		snprintf(bump, sizeof bump, "PRAGMA user_version = %d", v + 1);
		if (db_begin(db, e))
			return -1;
		if (sqlite3_exec(db->h, migrations[v], NULL, NULL, &msg) != SQLITE_OK ||
		    sqlite3_exec(db->h, bump, NULL, NULL, &msg) != SQLITE_OK) {
			err_set(e, tr("%s: cannot upgrade the database to schema %d: %s"), db->path,
				v + 1, msg ? msg : "?");
			sqlite3_free(msg);
			db_rollback(db);
			return -1;
		}
		if (db_commit(db, e))
			return -1;
		v++;
	}
	return 0;
}
