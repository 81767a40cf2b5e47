/* SPDX-License-Identifier: MIT */
/* Session actions on entries and indicator values: resolving what they are about,
 * saving with every rule checked (the same rules an import applies), undo, and the
 * state of each task for the task list. */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "entry_check.h"
#include "humanfmt.h"
#include "msg.h"
#include "report.h"
#include "session.h"
#include "text.h"

int session_target(struct session *s, const char *unit, const char *code, bool is_ind,
		   const char *period, struct session_target *t, struct err *e)
{
	const struct plan_bundle *b = &s->b;
	memset(t, 0, sizeof *t);
	snprintf(t->period, sizeof t->period, "%s", period);
	if (store_resolve_unit(s->db, &b->units, unit, &t->unit, e) || entry_check_unit(t->unit, e))
		return -1;
	if (is_ind) {
		t->ind = indicator_list_find(&b->inds, code);
		if (!t->ind)
			return err_set(e, tr("unknown indicator '%s' in plan %s (see: tiendo indicators)"),
				       code, b->plan.code);
		return value_check_target(&b->units, t->unit, t->ind, e);
	}
	t->task = task_list_find(&b->tasks, code);
	if (!t->task)
		return err_set(e, tr("unknown task '%s' in plan %s (see: tiendo tasks)"), code,
			       b->plan.code);
	return entry_check_target(&b->units, t->unit, t->task, e);
}

/* May this database enter unit u's progress and values? Only a unit its
 * reports carry (report_owned_units: its own unit, the units under it and
 * those that report to it, as export decides), or any unit in the database
 * of the plan's consolidator, whose consolidated table counts every unit.
 * Entered anywhere else, it would never leave this database. A database
 * without an owner unit is not judged. */
static int check_reporter(struct session *s, const struct unit_rec *u, struct err *e)
{
	const struct plan_bundle *b = &s->b;
	const struct unit_rec *me = b->owner;
	const char *cons = b->plan.consolidator ? b->plan.consolidator : "";
	if (!me || strcmp(u->code, me->code) == 0 || strcmp(cons, me->code) == 0)
		return 0;
	const struct unit_rec *x = unit_set_find(&b->units, u->code);
	if (!x)
		return 0;
	bool *own = report_owned_units(&b->units, &b->rules, me);
	bool carried = own[x - b->units.v];
	free(own);
	if (carried)
		return 0;
	if (strcmp(u->code, cons) == 0 || !*cons)
		return err_set(e, tr("this database belongs to %s (%s) and does not report for %s: its reports never carry %s's progress or values, so what is entered here would be lost; enter it in %s's own database"),
			       me->code, me->name, u->code, u->code, u->code);
	return err_set(e, tr("this database belongs to %s (%s) and does not report for %s: its reports never carry %s's progress or values, so what is entered here would be lost; enter it in %s's own database, or at %s, which consolidates plan %s"),
		       me->code, me->name, u->code, u->code, u->code, cons, b->plan.code);
}

/* Is t's period one that may be entered: within the plan's years and, for
 * a task recurring from a date, not over before that date? */
static int check_period(struct session *s, const struct session_target *t, struct err *e)
{
	struct period p;
	int y0, y1;
	if (!period_parse(t->period, &p))
		return err_set(e, tr("period '%.20s' is not a period code (2026, 2026S1, 2026Q1, 202606)"),
			       t->period);
	session_plan_years(s, date_today(), &y0, &y1);
	if (p.year < y0 || p.year > y1)
		return err_set(e, tr("period %s is outside plan %s, which runs from %d to %d"), t->period,
			       s->b.plan.code, y0, y1);
	const struct task_rec *k = t->task;
	if (k && k->tf.kind == TF_RECURRING && k->tf.has_date && period_end(&p) < k->tf.date) {
		char d[DAY_SHOWN_BUF];
		fmt_day(k->tf.date, d);
		return err_set(e, tr("period %s ends before task %s starts: it runs from %s to the plan's end (%d)"),
			       t->period, k->code, d, y1);
	}
	return 0;
}

/* The texts a patch sets (NULL: left as they are). */
static void patch_texts(const struct entry_patch *p, const char *texts[4])
{
	texts[0] = p->result;
	texts[1] = p->difficulties;
	texts[2] = p->proposals;
	texts[3] = p->evidence;
}

int session_set_progress(struct session *s, const struct session_target *t,
			 const struct entry_patch *p, long long seen, struct session_saved *r,
			 struct err *e)
{
	const char *texts[4];
	memset(r, 0, sizeof *r);
	if (entry_check_unit(t->unit, e) || entry_check_target(&s->b.units, t->unit, t->task, e) ||
	    check_reporter(s, t->unit, e))
		return -1;
	if (t->task->retired)
		return err_set(e, tr("task %s was retired from the plan"), t->task->code);
	if (check_period(s, t, e))
		return -1;
	patch_texts(p, texts);
	if (entry_check_values(p->percent == -2 ? -1 : p->percent, p->count == -2 ? -1 : p->count,
			       texts, e))
		return -1;
	struct entry_key k = {t->unit->id, t->task->id, t->period};
	struct entry now;
	bool found;
	if (progress_get(s->db, &k, &now, &found, e))
		return -1;
	if (seen >= 0)
		r->moved = now.revision != seen;
	/* The rules of a consistent entry (docs/exchange.md), for every face:
	 * a percent above 0 means started; 100% says whether it is done. */
	enum status st = p->set_status ? p->status : found ? now.status : STATUS_NOT_STARTED;
	int pct = p->percent != -2 ? p->percent : found ? now.percent : -1;
	entry_free(&now);
	struct entry_patch q = *p;
	const char **qt[4] = {&q.result, &q.difficulties, &q.proposals, &q.evidence};
	for (int i = 0; i < 4; i++)
		if (*qt[i] && text_blank(*qt[i]))
			*qt[i] = ""; /* only spaces says nothing: stored as empty */
	if (st == STATUS_NOT_STARTED && pct > 0) {
		if (p->set_status && p->percent != -2)
			return err_set(e, tr("status 'not started' with %d%% done: give the percent or the status, not both that way"),
				       pct);
		q.set_status = true;
		q.status = STATUS_IN_PROGRESS;
		r->started = true;
	}
	if (pct == 100 && st != STATUS_DONE && !p->set_status)
		return err_set(e, "%s", tr("the percent is 100: say whether the task is done (status done) or still in progress (status in-progress)"));
	return progress_set(s->db, &k, &q, progress_user(), &r->changed, &r->revision, e);
}

int session_set_value(struct session *s, const struct session_target *t, const struct ivalue *v,
		      struct session_saved *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	if (entry_check_unit(t->unit, e) || value_check_target(&s->b.units, t->unit, t->ind, e) ||
	    check_reporter(s, t->unit, e) || check_period(s, t, e) || value_check_values(t->ind, v, e))
		return -1;
	struct ivalue_key k = {t->unit->id, t->ind->id, t->period};
	return ivalue_set(s->db, &k, v, progress_user(), &r->changed, &r->revision, e);
}

int session_undo(struct session *s, const struct session_target *t, long long *revision,
		 struct err *e)
{
	if (entry_check_unit(t->unit, e) || entry_check_target(&s->b.units, t->unit, t->task, e) ||
	    check_reporter(s, t->unit, e))
		return -1;
	if (t->task->retired) /* an undo is a change, held to set's rules */
		return err_set(e, tr("task %s was retired from the plan"), t->task->code);
	if (check_period(s, t, e))
		return -1;
	struct entry_key k = {t->unit->id, t->task->id, t->period};
	return progress_undo(s->db, &k, progress_user(), revision, e);
}

/* The overdue mark of task i: due date passed and not done (for all units:
 * not done by one of them at least, whatever the period shown counts). */
static void task_overdue(struct session *s, const struct unit_rec *unit, day_t today, size_t i,
			 struct task_state *st)
{
	const struct task_rec *t = &s->b.tasks.v[i];
	struct err e;
	st->overdue = false;
	if (t->tf.kind != TF_DUE || t->tf.date >= today || !st->assigned)
		return;
	bool undone = false;
	task_undone_memo(s->db, &s->b.units, t, unit, &s->undone, &undone, &e);
	st->overdue = undone;
}

struct task_state *session_task_states(struct session *s, const struct unit_rec *unit,
				       const char *period, day_t today, struct err *e)
{
	const struct task_list *tl = &s->b.tasks;
	struct task_state *v = xcalloc(tl->n ? tl->n : 1, sizeof *v);
	int *counts = NULL;
	if (!unit) {
		counts = xmalloc((tl->n ? tl->n : 1) * sizeof *counts);
		tasks_assigned_counts(&s->b.units, tl, counts);
	}
	for (size_t i = 0; i < tl->n; i++) {
		v[i].percent = -1;
		v[i].assigned = unit ? task_assigned(&s->b.units, &tl->v[i], unit) : true;
		v[i].units = counts ? counts[i] : 0;
	}
	free(counts);
	struct progress_row *rows;
	size_t n;
	if (progress_period_rows(s->db, unit ? unit->id : 0, period, &rows, &n, e))
		return v;
	for (size_t r = 0; r < n; r++)
		for (size_t i = 0; i < tl->n; i++) {
			if (tl->v[i].id != rows[r].task_id)
				continue;
			if (unit) {
				v[i].has_entry = true;
				v[i].status = rows[r].status;
				v[i].percent = rows[r].percent;
			} else {
				v[i].done = rows[r].done;
			}
			break;
		}
	free(rows);
	undone_memo_check(&s->undone, s->db);
	for (size_t i = 0; i < tl->n; i++)
		task_overdue(s, unit, today, i, &v[i]);
	return v;
}

int session_entry_now(struct session *s, const struct entry_key *k, struct entry *en, bool *found,
		      struct draft *dr, bool *has_draft, struct err *e)
{
	if (progress_get(s->db, k, en, found, e))
		return -1;
	if (dr && draft_get(s->db, k, dr, has_draft, e)) {
		if (*found)
			entry_free(en);
		*found = false;
		return -1;
	}
	return 0;
}

int session_draft_keep(struct session *s, const struct entry_key *k, const struct draft *d,
		       struct err *e)
{
	return draft_save(s->db, k, d, e);
}

int session_draft_drop(struct session *s, const struct entry_key *k, struct err *e)
{
	return draft_delete(s->db, k, e);
}

int session_value_now(struct session *s, const struct ivalue_key *k, struct ivalue *v, bool *found,
		      struct ivalue **hist, size_t *nh, struct err *e)
{
	if (ivalue_get(s->db, k, v, found, e))
		return -1;
	if (hist && ivalue_history(s->db, k, hist, nh, e)) {
		ivalue_free(v);
		*found = false;
		return -1;
	}
	return 0;
}
