/* SPDX-License-Identifier: MIT */
/* Plans in the database: saving a plan file's contents, and loading plans, tasks,
 * indicators, report rules and events back as model records (units: store_units.c). */
#include "store.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "msg.h"

/* Run a prepared statement bound by the caller; -1 on error. */
#define DONE(st) do { if (db_done(db, (st), e)) goto fail; } while (0)
#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), e))) goto fail; } while (0)

int64_t store_unit_id(struct db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM unit WHERE code = ?1", NULL);
	int64_t id = 0;
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

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

static int save_tasks(struct db *db, int64_t plan_id, const struct plan_def *p,
		      struct store_result *r, struct err *e)
{
	sqlite3_stmt *st;
	struct strvec before = {0};
	if (live_codes(db, "SELECT code FROM task WHERE plan_id = ?1 AND retired = 0", plan_id,
		       &before, e))
		return -1;
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
		int64_t id = step_id(db, st, e);
		if (!id)
			goto fail;
		if (sv_contains(&before, t->code))
			r->tasks_updated++;
		else
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
	}
	if (retire_missing(db, "UPDATE task SET retired = 1 WHERE plan_id = ?1 AND code = ?2", plan_id,
			   &before, p->tasks, sizeof *p->tasks, offsetof(struct task_def, code),
			   p->n_tasks, &r->tasks_retired, e))
		goto fail;
	sv_free(&before);
	return 0;
fail:
	sv_free(&before);
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
	if (save_sections_events(db, plan_id, p, e) || save_tasks(db, plan_id, p, r, e) ||
	    save_indicators(db, plan_id, p, r, e) || save_rules(db, plan_id, p, e))
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

void plan_rec_free(struct plan_rec *p)
{
	char *s[] = {p->code, p->issuer, p->number, p->place, p->date,
		     p->consolidator, p->parent, p->parent_ref, p->title};
	for (size_t i = 0; i < ARRAY_LEN(s); i++)
		free(s[i]);
	memset(p, 0, sizeof *p);
}

void plan_recs_free(struct plan_rec *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		plan_rec_free(&v[i]);
	free(v);
}

static void plan_from_row(sqlite3_stmt *st, struct plan_rec *p)
{
	p->id = sqlite3_column_int64(st, 0);
	p->version = sqlite3_column_int(st, 1);
	char **f[] = {&p->code, &p->issuer, &p->number, &p->place, &p->date,
		      &p->consolidator, &p->parent, &p->parent_ref, &p->title};
	for (size_t i = 0; i < ARRAY_LEN(f); i++)
		*f[i] = xstrdup(db_col_text(st, (int)i + 2));
}

int store_plans(struct db *db, struct plan_rec **out, size_t *n, struct err *e)
{
	static const char sql[] = "SELECT p.id, p.version, p.code, i.code, p.number, p.place,"
		" p.date, c.code, p.parent_code, p.parent_ref, p.title FROM plan p"
		" JOIN unit i ON i.id = p.issuer_id JOIN unit c ON c.id = p.consolidator_id"
		" ORDER BY p.code";
	sqlite3_stmt *st = db_prep(db, sql, e);
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)out, &cap, *n + 1, sizeof **out);
		plan_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

int store_current_plan(struct db *db, struct plan_rec *out, struct err *e)
{
	static const char sql[] = "SELECT p.id, p.version, p.code, i.code, p.number, p.place,"
		" p.date, c.code, p.parent_code, p.parent_ref, p.title FROM plan p"
		" JOIN unit i ON i.id = p.issuer_id JOIN unit c ON c.id = p.consolidator_id"
		" ORDER BY p.code = (SELECT value FROM meta WHERE key = 'plan') DESC, p.id LIMIT 1";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		plan_from_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return err_set(e, tr("%s: the database holds no plan yet; load one with: tiendo init --plan FILE"),
			       db->path);
	return db_fail(db, e);
}

int store_use_plan(struct db *db, const char *code, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM plan WHERE code = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (!found)
		return err_set(e, tr("no plan with code '%s' (see: tiendo plans)"), code);
	return db_meta_set(db, "plan", code, e);
}

void task_list_free(struct task_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct task_rec *t = &l->v[i];
		char *s[] = {t->code, t->section, t->section_title, t->item, t->title, t->text,
			     t->tf_text, t->measure, t->lead, t->coord, t->events};
		for (size_t j = 0; j < ARRAY_LEN(s); j++)
			free(s[j]);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int store_tasks(struct db *db, int64_t plan_id, bool with_retired, struct task_list *out,
		struct err *e)
{
	static const char sql[] =
		"SELECT t.id, t.code, COALESCE(s.code, ''), COALESCE(s.title, ''), t.item, t.title,"
		" t.text, t.timeframe_text, t.measure, t.timeframe, t.retired,"
		" (SELECT COALESCE(group_concat(code, ' '), '') FROM (SELECT u.code FROM task_unit tu"
		"   JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id AND tu.role = 'lead'"
		"   ORDER BY tu.seq)),"
		" (SELECT COALESCE(group_concat(code, ' '), '') FROM (SELECT u.code FROM task_unit tu"
		"   JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id AND tu.role = 'coord'"
		"   ORDER BY tu.seq)),"
		" (SELECT COALESCE(group_concat(code, ' '), '') FROM (SELECT ev.code FROM task_event te"
		"   JOIN event ev ON ev.id = te.event_id WHERE te.task_id = t.id ORDER BY ev.month, ev.day))"
		" FROM task t LEFT JOIN section s ON s.id = t.section_id"
		" WHERE t.plan_id = ?1 AND (?2 OR t.retired = 0) ORDER BY t.retired, t.seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, with_retired);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct task_rec *t = &out->v[out->n++];
		memset(t, 0, sizeof *t);
		t->id = sqlite3_column_int64(st, 0);
		char **f[] = {&t->code, &t->section, &t->section_title, &t->item, &t->title,
			      &t->text, &t->tf_text, &t->measure};
		for (size_t i = 0; i < ARRAY_LEN(f); i++)
			*f[i] = xstrdup(db_col_text(st, (int)i + 1));
		if (!timeframe_parse(db_col_text(st, 9), &t->tf))
			t->tf.kind = TF_NONE;
		t->retired = sqlite3_column_int(st, 10) != 0;
		t->lead = xstrdup(db_col_text(st, 11));
		t->coord = xstrdup(db_col_text(st, 12));
		t->events = xstrdup(db_col_text(st, 13));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		task_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}

const struct task_rec *task_list_find(const struct task_list *l, const char *code)
{
	/* Callers look tasks up in plan order (a report's rows, unit by unit):
	 * start after the last one found, so that most look-ups take one test
	 * (3,300 reports: 130,000 look-ups among ~150 tasks). */
	static const struct task_list *last_list;
	static size_t last;
	size_t start = last_list == l && last < l->n ? last : 0;
	for (size_t k = 0; k < l->n; k++) {
		size_t i = start + k < l->n ? start + k : start + k - l->n;
		if (strcmp(l->v[i].code, code) == 0) {
			last_list = l;
			last = i + 1 < l->n ? i + 1 : 0;
			return &l->v[i];
		}
	}
	return NULL;
}

bool task_assigned(const struct unit_set *units, const struct task_rec *t, const struct unit_rec *u)
{
	return unit_list_covers(units, t->lead, u) || unit_list_covers(units, t->coord, u);
}

void tasks_assigned_counts(const struct unit_set *units, const struct task_list *tasks,
			   int *counts)
{
	/* Who each code covers (a unit: itself; a group: its members), worked
	 * out once per code; a task's units are the union over its lists. */
	struct strvec codes = {0};
	bool **cover = NULL;
	size_t cap = 0;
	bool *in = xmalloc((units->n ? units->n : 1) * sizeof *in);
	for (size_t i = 0; i < tasks->n; i++) {
		struct strvec w = {0};
		sv_split_ws(&w, tasks->v[i].lead);
		sv_split_ws(&w, tasks->v[i].coord);
		memset(in, 0, (units->n ? units->n : 1) * sizeof *in);
		for (size_t k = 0; k < w.n; k++) {
			size_t c;
			for (c = 0; c < codes.n && strcmp(codes.v[c], w.v[k]) != 0; c++)
				;
			if (c == codes.n) {
				const struct unit_rec *target = unit_set_find(units, w.v[k]);
				xgrow((void **)&cover, &cap, codes.n + 1, sizeof *cover);
				cover[c] = xcalloc(units->n ? units->n : 1, sizeof **cover);
				for (size_t u = 0; target && u < units->n; u++)
					cover[c][u] = unit_covers(units, target, &units->v[u]);
				sv_push(&codes, w.v[k]);
			}
			for (size_t u = 0; u < units->n; u++)
				in[u] |= cover[c][u];
		}
		counts[i] = 0;
		for (size_t u = 0; u < units->n; u++)
			counts[i] += in[u] && units->v[u].kind != UNIT_GROUP && !units->v[u].retired;
		sv_free(&w);
	}
	for (size_t c = 0; c < codes.n; c++)
		free(cover[c]);
	free(cover);
	free(in);
	sv_free(&codes);
}

void indicator_list_free(struct indicator_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].title);
		free(l->v[i].text);
		free(l->v[i].reporters);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int store_indicators(struct db *db, int64_t plan_id, struct indicator_list *out, struct err *e)
{
	return store_indicators_all(db, plan_id, false, out, e);
}

int store_indicators_all(struct db *db, int64_t plan_id, bool with_retired,
			 struct indicator_list *out, struct err *e)
{
	static const char sql[] =
		"SELECT i.id, i.code, i.title, i.text, i.kind, i.comparator, i.target, i.year,"
		" i.consolidation,"
		" (SELECT COALESCE(group_concat(code, ' '), '') FROM (SELECT u.code FROM indicator_unit iu"
		"   JOIN unit u ON u.id = iu.unit_id WHERE iu.indicator_id = i.id ORDER BY iu.seq)),"
		" i.retired"
		" FROM indicator i WHERE i.plan_id = ?1 AND (?2 OR i.retired = 0) ORDER BY i.retired, i.seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	sqlite3_bind_int(st, 2, with_retired);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct indicator_rec *d = &out->v[out->n++];
		memset(d, 0, sizeof *d);
		d->id = sqlite3_column_int64(st, 0);
		d->code = xstrdup(db_col_text(st, 1));
		d->title = xstrdup(db_col_text(st, 2));
		d->text = xstrdup(db_col_text(st, 3));
		ind_kind_parse(db_col_text(st, 4), &d->kind);
		comparator_parse(db_col_text(st, 5), &d->cmp);
		d->target = sqlite3_column_double(st, 6);
		d->year = sqlite3_column_int(st, 7);
		consolidation_parse(db_col_text(st, 8), &d->cons);
		d->reporters = xstrdup(db_col_text(st, 9));
		d->retired = sqlite3_column_int(st, 10) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		indicator_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}

const struct indicator_rec *indicator_list_find(const struct indicator_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].code, code) == 0)
			return &l->v[i];
	return NULL;
}

void rule_list_free(struct rule_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].due);
		free(l->v[i].reporters);
		free(l->v[i].to);
		free(l->v[i].text);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int store_rules(struct db *db, int64_t plan_id, struct rule_list *out, struct err *e)
{
	static const char sql[] =
		"SELECT r.id, r.code, r.period_type, r.due, r.adhoc, t.code, r.text,"
		" (SELECT COALESCE(group_concat(code, ' '), '') FROM (SELECT u.code FROM report_rule_unit ru"
		"   JOIN unit u ON u.id = ru.unit_id WHERE ru.rule_id = r.id ORDER BY ru.seq)),"
		" r.to_inferred"
		" FROM report_rule r JOIN unit t ON t.id = r.to_id WHERE r.plan_id = ?1 ORDER BY r.seq";
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, sql, e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct rule_rec *r = &out->v[out->n++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->code = xstrdup(db_col_text(st, 1));
		period_type_parse(db_col_text(st, 2), &r->period);
		r->due = xstrdup(db_col_text(st, 3));
		const char *why;
		if (!due_parse(r->due, r->period, &r->rule, &why))
			r->rule.kind = DUE_END;
		r->adhoc = sqlite3_column_int(st, 4) != 0;
		r->to = xstrdup(db_col_text(st, 5));
		r->text = xstrdup(db_col_text(st, 6));
		r->reporters = xstrdup(db_col_text(st, 7));
		r->to_inferred = sqlite3_column_int(st, 8) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rule_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}

void event_list_free(struct event_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].name);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int store_events(struct db *db, int64_t plan_id, struct event_list *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, "SELECT code, name, month, day FROM event WHERE plan_id = ?1"
				       " ORDER BY month, day, code", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan_id);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct event_rec *ev = &out->v[out->n++];
		ev->code = xstrdup(db_col_text(st, 0));
		ev->name = xstrdup(db_col_text(st, 1));
		ev->month = sqlite3_column_int(st, 2);
		ev->day = sqlite3_column_int(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		event_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}
