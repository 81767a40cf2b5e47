/* SPDX-License-Identifier: MIT */
/* Saving a plan file's contents into the database (init, a plan package): units,
 * sections and events, tasks, indicators and the reporting regime, one
 * transaction; a task or indicator no longer in the plan is retired. */
#include "store.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "msg.h"

/* Run a prepared statement bound by the caller; -1 on error. */
#define DONE(st) do { if (db_done(db, (st), e)) goto fail; } while (0)
#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), e))) goto fail; } while (0)

static int save_units(struct db *db, const struct plan_def *p, struct store_result *r, struct err *e)
{
	sqlite3_stmt *st;
	for (size_t i = 0; i < p->n_units; i++) {
		const struct unit_def *u = &p->units[i];
		bool existed = store_unit_id(db, u->code) != 0;
		PREP(st, "INSERT INTO unit(code, kind, parent_id, members, name, retired)"
			 " VALUES (?1, ?2, (SELECT id FROM unit WHERE code = ?3), ?4, ?5, ?6)"
			 " ON CONFLICT(code) DO UPDATE SET kind = excluded.kind,"
			 " parent_id = excluded.parent_id, members = excluded.members,"
			 " name = excluded.name, retired = excluded.retired"
			 " WHERE kind IS NOT excluded.kind OR parent_id IS NOT excluded.parent_id"
			 " OR members IS NOT excluded.members OR name IS NOT excluded.name"
			 " OR retired IS NOT excluded.retired");
		sqlite3_bind_text(st, 1, u->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, unit_kind_name(u->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, u->parent, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, u->members, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, u->name, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, u->retired);
		DONE(st);
		if (!existed)
			r->units_added++;
		else if (sqlite3_changes(db->h))
			r->units_updated++;
	}
	return 0;
fail:
	return -1;
}

/* Replace the unit links of one row (task_unit, indicator_unit, report_rule_unit). */
static int link_units(struct db *db, const char *del_sql, const char *ins_sql, int64_t id,
		      const char *codes, const char *role, struct err *e)
{
	sqlite3_stmt *st;
	struct strvec sv = {0};
	if (del_sql) {
		PREP(st, del_sql);
		sqlite3_bind_int64(st, 1, id);
		if (role)
			sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
		DONE(st);
	}
	sv_split_ws(&sv, codes);
	for (size_t i = 0; i < sv.n; i++) {
		PREP(st, ins_sql);
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, store_unit_id(db, sv.v[i]));
		sqlite3_bind_int64(st, 3, (int64_t)i);
		if (role)
			sqlite3_bind_text(st, 4, role, -1, SQLITE_STATIC);
		DONE(st);
	}
	sv_free(&sv);
	return 0;
fail:
	sv_free(&sv);
	return -1;
}

/* Codes of the plan's rows in table (task or indicator) that are not retired. */
static int live_codes(struct db *db, const char *sql, int64_t plan_id, struct strvec *out,
		      struct err *e)
{
	sqlite3_stmt *st;
	PREP(st, sql);
	sqlite3_bind_int64(st, 1, plan_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sv_push(out, db_col_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, e);
	return 0;
fail:
	return -1;
}

/* Step an insert ... RETURNING id: the row's id, or 0 with e set. */
static int64_t step_id(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int64_t id = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	else
		db_fail(db, e);
	sqlite3_reset(st);
	return id;
}

/* Retire by sql (?1 the plan, ?2 a code) the items of before (the codes
 * live before the plan was saved) that the plan's n items no longer hold;
 * each item's code is the char * at offset off, items stride bytes apart. */
static int retire_missing(struct db *db, const char *sql, int64_t plan_id,
			  const struct strvec *before, const void *items, size_t stride, size_t off,
			  size_t n, size_t *retired, struct err *e)
{
	for (size_t i = 0; i < before->n; i++) {
		bool kept = false;
		for (size_t j = 0; j < n && !kept; j++) {
			const char *code = *(char *const *)((const char *)items + j * stride + off);
			kept = strcmp(code, before->v[i]) == 0;
		}
		if (kept)
			continue;
		sqlite3_stmt *st = db_prep(db, sql, e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, before->v[i], -1, SQLITE_STATIC);
		if (db_done(db, st, e))
			return -1;
		(*retired)++;
	}
	return 0;
}

/* What the plan's stored tasks say, one text each: their row (not their
 * place in the plan, which moves when a task before them comes or goes),
 * lead and coordinating units and events. code NULL: every live task, into
 * codes and prints; else that task's text alone into prints. Taken before
 * a new version is saved and compared after, they count the tasks it
 * really changed. */
static int task_prints(struct db *db, int64_t plan_id, const char *code, struct strvec *codes,
		       struct strvec *prints, struct err *e)
{
	sqlite3_stmt *st = db_prep(db,
		"SELECT t.code, COALESCE((SELECT quote(code) FROM section WHERE id = t.section_id), 'NULL')"
		" || quote(t.item) || quote(t.title) || quote(t.text) || quote(t.timeframe)"
		" || quote(t.timeframe_text) || quote(t.measure)"
		" || quote((SELECT group_concat(r, ' ') FROM (SELECT tu.role || ':' || u.code AS r"
		"  FROM task_unit tu JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id"
		"  ORDER BY tu.role, tu.seq)))"
		" || quote((SELECT group_concat(c, ' ') FROM (SELECT v.code AS c FROM task_event te"
		"  JOIN event v ON v.id = te.event_id WHERE te.task_id = t.id ORDER BY v.code)))"
		" FROM task t WHERE t.plan_id = ?1 AND (?2 IS NULL AND t.retired = 0 OR t.code = ?2)", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	db_bind_text(st, 2, code);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (codes)
			sv_push(codes, db_col_text(st, 0));
		sv_push(prints, db_col_text(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

/* Count task code updated when it says something else now than was. */
static int count_update(struct db *db, int64_t plan_id, const char *code, const char *was,
			size_t *n, struct err *e)
{
	struct strvec now = {0};
	if (task_prints(db, plan_id, code, NULL, &now, e)) {
		sv_free(&now);
		return -1;
	}
	*n += now.n != 1 || strcmp(now.v[0], was) != 0;
	sv_free(&now);
	return 0;
}

/* Save the plan's tasks; before: the live tasks' codes and prints
 * (task_prints) as they were before this version. */
static int save_tasks(struct db *db, int64_t plan_id, const struct plan_def *p,
		      const struct strvec *before, const struct strvec *prints,
		      struct store_result *r, struct err *e)
{
	sqlite3_stmt *st;
	for (size_t i = 0; i < p->n_tasks; i++) {
		const struct task_def *t = &p->tasks[i];
		char tf[64];
		timeframe_format(&t->tf, tf, sizeof tf);
		PREP(st, "INSERT INTO task(plan_id, code, section_id, item, title, text, timeframe,"
			 " timeframe_text, measure, seq, retired)"
			 " VALUES (?1, ?2, (SELECT id FROM section WHERE plan_id = ?1 AND code = ?3),"
			 " ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)"
			 " ON CONFLICT(plan_id, code) DO UPDATE SET section_id = excluded.section_id,"
			 " item = excluded.item, title = excluded.title, text = excluded.text,"
			 " timeframe = excluded.timeframe, timeframe_text = excluded.timeframe_text,"
			 " measure = excluded.measure, seq = excluded.seq, retired = 0"
			 " RETURNING id");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, t->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, t->section, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, t->item, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, t->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, t->text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, tf, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, t->tf_text, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, t->measure, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, (int64_t)i);
		size_t known = 0; /* its index in before, plus one */
		for (size_t j = 0; j < before->n && !known; j++)
			if (strcmp(before->v[j], t->code) == 0)
				known = j + 1;
		int64_t id = step_id(db, st, e);
		if (!id)
			goto fail;
		if (!known)
			r->tasks_added++;
		if (link_units(db, "DELETE FROM task_unit WHERE task_id = ?1 AND role = ?2",
			       "INSERT INTO task_unit(task_id, unit_id, seq, role) VALUES (?1, ?2, ?3, ?4)",
			       id, t->lead, "lead", e) ||
		    link_units(db, "DELETE FROM task_unit WHERE task_id = ?1 AND role = ?2",
			       "INSERT INTO task_unit(task_id, unit_id, seq, role) VALUES (?1, ?2, ?3, ?4)",
			       id, t->coord, "coord", e))
			goto fail;
		PREP(st, "DELETE FROM task_event WHERE task_id = ?1");
		sqlite3_bind_int64(st, 1, id);
		DONE(st);
		struct strvec ev = {0};
		sv_split_ws(&ev, t->events);
		for (size_t j = 0; j < ev.n; j++) {
			st = db_prep(db, "INSERT OR IGNORE INTO task_event(task_id, event_id)"
					 " SELECT ?1, id FROM event WHERE plan_id = ?2 AND code = ?3", e);
			if (!st) {
				sv_free(&ev);
				goto fail;
			}
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int64(st, 2, plan_id);
			sqlite3_bind_text(st, 3, ev.v[j], -1, SQLITE_STATIC);
			if (db_done(db, st, e)) {
				sv_free(&ev);
				goto fail;
			}
		}
		sv_free(&ev);
		if (known && count_update(db, plan_id, t->code, prints->v[known - 1], &r->tasks_updated, e))
			goto fail;
	}
	if (retire_missing(db, "UPDATE task SET retired = 1 WHERE plan_id = ?1 AND code = ?2", plan_id,
			   before, p->tasks, sizeof *p->tasks, offsetof(struct task_def, code),
			   p->n_tasks, &r->tasks_retired, e))
		goto fail;
	return 0;
fail:
	return -1;
}

static int save_indicators(struct db *db, int64_t plan_id, const struct plan_def *p,
			   struct store_result *r, struct err *e)
{
	sqlite3_stmt *st;
	struct strvec before = {0};
	if (live_codes(db, "SELECT code FROM indicator WHERE plan_id = ?1 AND retired = 0",
		       plan_id, &before, e))
		return -1;
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct indicator_def *d = &p->indicators[i];
		PREP(st, "INSERT INTO indicator(plan_id, code, kind, comparator, target, year,"
			 " consolidation, title, text, seq, retired)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 0)"
			 " ON CONFLICT(plan_id, code) DO UPDATE SET kind = excluded.kind,"
			 " comparator = excluded.comparator, target = excluded.target,"
			 " year = excluded.year, consolidation = excluded.consolidation,"
			 " title = excluded.title, text = excluded.text, seq = excluded.seq,"
			 " retired = 0 RETURNING id");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, d->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, ind_kind_name(d->kind), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, comparator_name(d->cmp), -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 5, d->target);
		sqlite3_bind_int(st, 6, d->year);
		sqlite3_bind_text(st, 7, consolidation_name(d->cons), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, d->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, d->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 10, (int64_t)i);
		int64_t id = step_id(db, st, e);
		if (!id)
			goto fail;
		if (!sv_contains(&before, d->code))
			r->indicators_added++;
		if (link_units(db, "DELETE FROM indicator_unit WHERE indicator_id = ?1",
			       "INSERT INTO indicator_unit(indicator_id, unit_id, seq) VALUES (?1, ?2, ?3)",
			       id, d->reporters, NULL, e))
			goto fail;
	}
	if (retire_missing(db, "UPDATE indicator SET retired = 1 WHERE plan_id = ?1 AND code = ?2",
			   plan_id, &before, p->indicators, sizeof *p->indicators,
			   offsetof(struct indicator_def, code), p->n_indicators, &r->indicators_retired, e))
		goto fail;
	sv_free(&before);
	return 0;
fail:
	sv_free(&before);
	return -1;
}

static int save_rules(struct db *db, int64_t plan_id, const struct plan_def *p, struct err *e)
{
	sqlite3_stmt *st;
	PREP(st, "DELETE FROM report_rule WHERE plan_id = ?1");
	sqlite3_bind_int64(st, 1, plan_id);
	DONE(st);
	for (size_t i = 0; i < p->n_reports; i++) {
		const struct report_def *r = &p->reports[i];
		PREP(st, "INSERT INTO report_rule(plan_id, code, period_type, due, adhoc, to_id, text, seq,"
			 " to_inferred)"
			 " VALUES (?1, ?2, ?3, ?4, ?5, (SELECT id FROM unit WHERE code = ?6), ?7, ?8, ?9)"
			 " RETURNING id");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, r->code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, period_type_name(r->period), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->due, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, r->adhoc);
		sqlite3_bind_text(st, 6, r->to, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, r->text, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 8, (int64_t)i);
		sqlite3_bind_int(st, 9, r->to_inferred);
		int64_t id = step_id(db, st, e);
		if (!id)
			goto fail;
		if (link_units(db, NULL,
			       "INSERT INTO report_rule_unit(rule_id, unit_id, seq) VALUES (?1, ?2, ?3)",
			       id, r->reporters, NULL, e))
			goto fail;
	}
	return 0;
fail:
	return -1;
}

static int save_sections_events(struct db *db, int64_t plan_id, const struct plan_def *p,
				struct err *e)
{
	sqlite3_stmt *st;
	for (size_t i = 0; i < p->n_sections; i++) {
		PREP(st, "INSERT INTO section(plan_id, code, title, seq) VALUES (?1, ?2, ?3, ?4)"
			 " ON CONFLICT(plan_id, code) DO UPDATE SET title = excluded.title, seq = excluded.seq");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, p->sections[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, p->sections[i].title, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 4, (int64_t)i);
		DONE(st);
	}
	/* Events are rebuilt: drop their task links first (tasks relink below). */
	PREP(st, "DELETE FROM task_event WHERE event_id IN (SELECT id FROM event WHERE plan_id = ?1)");
	sqlite3_bind_int64(st, 1, plan_id);
	DONE(st);
	PREP(st, "DELETE FROM event WHERE plan_id = ?1");
	sqlite3_bind_int64(st, 1, plan_id);
	DONE(st);
	for (size_t i = 0; i < p->n_events; i++) {
		PREP(st, "INSERT INTO event(plan_id, code, month, day, name) VALUES (?1, ?2, ?3, ?4, ?5)");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, p->events[i].code, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, p->events[i].month);
		sqlite3_bind_int(st, 4, p->events[i].day);
		sqlite3_bind_text(st, 5, p->events[i].name, -1, SQLITE_STATIC);
		DONE(st);
	}
	return 0;
fail:
	return -1;
}

/* Sections, events, tasks, indicators and rules of plan_id from p. What
 * the tasks said is taken first: saving the events clears their links. */
static int save_contents(struct db *db, int64_t plan_id, const struct plan_def *p,
			 struct store_result *r, struct err *e)
{
	struct strvec codes = {0}, prints = {0};
	int rc = task_prints(db, plan_id, NULL, &codes, &prints, e) ||
		 save_sections_events(db, plan_id, p, e) ||
		 save_tasks(db, plan_id, p, &codes, &prints, r, e) ||
		 save_indicators(db, plan_id, p, r, e) || save_rules(db, plan_id, p, e) ? -1 : 0;
	sv_free(&codes);
	sv_free(&prints);
	return rc;
}

int store_plan_save(struct db *db, const struct plan_def *p, const char *owner,
		    struct store_result *r, struct err *e)
{
	sqlite3_stmt *st;
	memset(r, 0, sizeof *r);
	if (db_begin(db, e))
		return -1;
	PREP(st, "SELECT id, version FROM plan WHERE code = ?1");
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	int64_t plan_id = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		plan_id = sqlite3_column_int64(st, 0);
		r->old_version = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	r->created = plan_id == 0;
	if (!r->created && r->old_version >= p->version) {
		r->unchanged = true;
		if (!owner) {
			db_rollback(db);
			return 0;
		}
		if (!store_unit_id(db, owner)) {
			err_set(e, tr("unknown unit '%s' (see: tiendo units)"), owner);
			goto fail;
		}
		if (db_meta_set(db, "owner", owner, e))
			goto fail;
		return db_commit(db, e);
	}
	if (save_units(db, p, r, e))
		goto fail;
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	PREP(st, "INSERT INTO plan(code, version, issuer_id, number, place, date, consolidator_id,"
		 " parent_code, parent_ref, title, loaded_at)"
		 " VALUES (?1, ?2, (SELECT id FROM unit WHERE code = ?3), ?4, ?5, ?6,"
		 " (SELECT id FROM unit WHERE code = ?7), ?8, ?9, ?10, ?11)"
		 " ON CONFLICT(code) DO UPDATE SET version = excluded.version,"
		 " issuer_id = excluded.issuer_id, number = excluded.number, place = excluded.place,"
		 " date = excluded.date, consolidator_id = excluded.consolidator_id,"
		 " parent_code = excluded.parent_code, parent_ref = excluded.parent_ref,"
		 " title = excluded.title, loaded_at = excluded.loaded_at RETURNING id");
	sqlite3_bind_text(st, 1, p->code, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, p->version);
	sqlite3_bind_text(st, 3, p->issuer, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, p->number, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, p->place, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, p->date, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, p->consolidator, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, p->parent, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, p->parent_ref, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 10, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, stamp, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_fail(db, e);
		sqlite3_reset(st);
		goto fail;
	}
	plan_id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	for (size_t i = 0; i < p->n_units; i++) {
		PREP(st, "INSERT OR IGNORE INTO plan_unit(plan_id, unit_id)"
			 " SELECT ?1, id FROM unit WHERE code = ?2");
		sqlite3_bind_int64(st, 1, plan_id);
		sqlite3_bind_text(st, 2, p->units[i].code, -1, SQLITE_STATIC);
		DONE(st);
	}
	if (save_contents(db, plan_id, p, r, e))
		goto fail;
	/* Sections no task refers to any more. */
	PREP(st, "DELETE FROM section WHERE plan_id = ?1 AND id NOT IN"
		 " (SELECT section_id FROM task WHERE plan_id = ?1 AND section_id IS NOT NULL)");
	sqlite3_bind_int64(st, 1, plan_id);
	DONE(st);
	if (db_meta_set(db, "plan", p->code, e))
		goto fail;
	if (owner && !store_unit_id(db, owner)) {
		err_set(e, tr("unknown unit '%s' (see: tiendo units)"), owner);
		goto fail;
	}
	char *old_owner = db_meta_get(db, "owner");
	int rc = owner ? db_meta_set(db, "owner", owner, e)
		       : old_owner ? 0 : db_meta_set(db, "owner", p->consolidator, e);
	free(old_owner);
	if (rc)
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}
