/* SPDX-License-Identifier: MIT */
/* Plans in the database: loading plans, tasks, indicators, report rules and events
 * back as model records (saving a plan: store_save.c; units: store_units.c). */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "msg.h"

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
