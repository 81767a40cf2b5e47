/* SPDX-License-Identifier: MIT */
/* Deadlines in a date range: task due dates, report due dates from the regime, annual
 * events, and overdue tasks. Overdue is computed here, never stored. */
#include "deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "progress.h"

static const char *const kind_names[DL_KIND_COUNT] = {"overdue", "task", "report", "event"};

const char *dl_kind_name(enum dl_kind k)
{
	return kind_names[k];
}

void deadline_list_free(struct deadline_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].code);
		free(l->v[i].detail);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void add(struct deadline_list *l, day_t date, enum dl_kind kind, const char *code,
		const char *detail, int64_t task_id)
{
	xgrow((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v);
	struct deadline *d = &l->v[l->n++];
	d->date = date;
	d->kind = kind;
	d->code = xstrdup(code);
	d->detail = xstrdup(detail);
	d->task_id = task_id;
}

static int cmp_deadline(const void *a, const void *b)
{
	const struct deadline *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return strcmp(x->code, y->code);
}

/* A unit's place in the plan's units (progress_task_latest). */
static ptrdiff_t unit_slot(const void *ctx, int64_t unit_id)
{
	const struct unit_set *units = ctx;
	const struct unit_rec *u = unit_set_by_id(units, unit_id);
	return u ? u - units->v : -1;
}

/* A unit that answers for its tasks: neither a group nor retired. */
static bool answers(const struct unit_rec *u)
{
	return u->kind != UNIT_GROUP && !u->retired;
}

/* The rest of task_undone for all units, from unit i on: the task's rows
 * read once, its lead and coordinating lists once. */
static int undone_from(struct db *db, const struct unit_set *units, const struct task_rec *t,
		       size_t i, bool *undone, struct err *e)
{
	size_t n = units->n;
	struct progress_latest *latest = xcalloc(n, sizeof *latest);
	bool *lead = xcalloc(n, sizeof *lead), *coord = xcalloc(n, sizeof *coord);
	unit_list_covers_each(units, t->lead, lead);
	if (t->coord && *t->coord)
		unit_list_covers_each(units, t->coord, coord);
	int rc = progress_task_latest(db, t->id, unit_slot, units, latest, e);
	for (; rc == 0 && i < n && !*undone; i++) {
		*undone = (lead[i] || coord[i]) && answers(&units->v[i]) && !latest[i].done;
	}
	free(latest);
	free(lead);
	free(coord);
	return rc;
}

/* Units asked one by one before the task's rows are read whole: a task
 * someone is late on is mostly answered by its first units, one done by
 * every unit costs one reading of its rows, not one look-up per unit. */
#define UNDONE_ASKED 3

int task_undone(struct db *db, const struct unit_set *units, const struct task_rec *t,
		const struct unit_rec *unit, bool *undone, struct err *e)
{
	bool done = true;
	*undone = false;
	if (unit) {
		if (progress_task_done(db, unit->id, t->id, &done, e))
			return -1;
		*undone = !done;
		return 0;
	}
	size_t i = 0;
	for (int asked = 0; i < units->n && asked < UNDONE_ASKED; i++) {
		if (!answers(&units->v[i]) || !task_assigned(units, t, &units->v[i]))
			continue;
		if (progress_task_done(db, units->v[i].id, t->id, &done, e))
			return -1;
		if (!done) {
			*undone = true;
			return 0;
		}
		asked++;
	}
	return i == units->n ? 0 : undone_from(db, units, t, i, undone, e);
}

void undone_memo_check(struct undone_memo *m, struct db *db)
{
	struct db_stamp now = db_stamp(db);
	if (!db_stamp_same(now, m->stamp))
		m->n = 0;
	m->stamp = now;
}

void undone_memo_free(struct undone_memo *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

int task_undone_memo(struct db *db, const struct unit_set *units, const struct task_rec *t,
		     const struct unit_rec *unit, struct undone_memo *m, bool *undone,
		     struct err *e)
{
	int64_t unit_id = unit ? unit->id : 0;
	for (size_t i = 0; m && i < m->n; i++)
		if (m->v[i].task_id == t->id && m->v[i].unit_id == unit_id) {
			*undone = m->v[i].undone;
			return 0;
		}
	if (task_undone(db, units, t, unit, undone, e))
		return -1;
	if (m) {
		xgrow((void **)&m->v, &m->cap, m->n + 1, sizeof *m->v);
		m->v[m->n++] = (struct undone_answer){t->id, unit_id, *undone};
	}
	return 0;
}

/* The deadlines of tasks, rules and events already loaded (retired tasks
 * are skipped). */
static int collect(struct db *db, const struct task_list *tasks, const struct rule_list *rules,
		   const struct event_list *events, const struct unit_set *units,
		   const struct unit_rec *unit, day_t from, day_t to, bool overdue,
		   struct undone_memo *memo, struct deadline_list *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	int rc = 0;
	for (size_t i = 0; i < tasks->n && rc == 0; i++) {
		const struct task_rec *t = &tasks->v[i];
		if (t->retired || t->tf.kind != TF_DUE || (unit && !task_assigned(units, t, unit)))
			continue;
		if (t->tf.date >= from && t->tf.date < to) {
			add(out, t->tf.date, DL_TASK, t->code, t->title, t->id);
		} else if (overdue && t->tf.date < from) {
			bool undone;
			rc = task_undone_memo(db, units, t, unit, memo, &undone, e);
			if (rc == 0 && undone)
				add(out, t->tf.date, DL_OVERDUE, t->code, t->title, t->id);
		}
	}
	int y0, y1, m, d;
	date_to_ymd(from, &y0, &m, &d);
	date_to_ymd(to, &y1, &m, &d);
	for (size_t i = 0; i < rules->n; i++) {
		const struct rule_rec *r = &rules->v[i];
		if (unit && !unit_list_covers(units, r->reporters, unit) && strcmp(r->to, unit->code) != 0)
			continue;
		/* Periods of the year before through the year after: due dates
		 * may fall after their period ends. */
		struct period p = {r->period, y0 - 1, 1};
		while (p.year <= y1) {
			day_t due = due_date(&r->rule, &p);
			if (due >= from && due < to) {
				char detail[PERIOD_BUF + 64], pc[PERIOD_BUF];
				period_format(&p, pc);
				snprintf(detail, sizeof detail, "%s %s", pc, r->to);
				add(out, due, DL_REPORT, r->code, detail, 0);
			}
			p = period_next(&p);
		}
	}
	for (size_t i = 0; i < events->n; i++) {
		for (int y = y0; y <= y1; y++) {
			const struct event_rec *ev = &events->v[i];
			if (ev->day > date_days_in_month(y, ev->month))
				continue;
			day_t dd = date_from_ymd(y, ev->month, ev->day);
			if (dd >= from && dd < to)
				add(out, dd, DL_EVENT, ev->code, ev->name, 0);
		}
	}
	if (out->n) /* a window without deadlines has no array: qsort(NULL) is undefined */
		qsort(out->v, out->n, sizeof *out->v, cmp_deadline);
	if (rc)
		deadline_list_free(out);
	return rc;
}

int deadlines_of_bundle(struct db *db, const struct plan_bundle *b, const struct unit_rec *unit,
			day_t from, day_t to, bool overdue, struct undone_memo *memo,
			struct deadline_list *out, struct err *e)
{
	return collect(db, &b->tasks, &b->rules, &b->events, &b->units, unit, from, to, overdue,
		       memo, out, e);
}
