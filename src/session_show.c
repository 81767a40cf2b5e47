/* SPDX-License-Identifier: MIT */
/* What the faces show, read once for both: whose work a face follows at first, the
 * deadlines (due, the agenda and the calendar), the unit list, the overview, and an
 * entry with its history. Reading never applies the rules of entering: a retired
 * unit's entries, or a task's no longer assigned, are still shown. */
#include <stdlib.h>
#include <string.h>

#include "keystore.h"
#include "msg.h"
#include "session.h"

const struct unit_rec *session_followed_unit(const struct session *s)
{
	const struct unit_rec *o = s->b.owner;
	return o && strcmp(o->code, s->b.plan.consolidator) == 0 ? NULL : o;
}

int session_due(struct session *s, const struct unit_rec *unit, day_t from, day_t to,
		bool overdue, struct deadline_list *out, struct err *e)
{
	if (overdue)
		undone_memo_check(&s->undone, s->db);
	return deadlines_of_bundle(s->db, &s->b, unit, from, to, overdue, &s->undone, out, e);
}

void session_unit_list_free(struct session_unit_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int session_units_list(struct session *s, bool with_keys, struct session_unit_list *out,
		       struct err *e)
{
	const struct unit_set *us = &s->b.units;
	struct unit_key_list keys = {0};
	memset(out, 0, sizeof *out);
	if (with_keys && keystore_list(s->db, false, &keys, e))
		return -1;
	size_t *order = unit_set_tree_order(us);
	out->v = xcalloc(us->n ? us->n : 1, sizeof *out->v);
	for (size_t k = 0; k < us->n; k++) {
		struct session_unit_row *r = &out->v[out->n++];
		r->unit = &us->v[order[k]];
		r->parent = r->unit->parent_id ? unit_set_by_id(us, r->unit->parent_id) : NULL;
		r->key = with_keys ? unit_key_list_state(&keys, r->unit->code) : KEY_NONE;
	}
	free(order);
	unit_key_list_free(&keys);
	return 0;
}

int session_overview(struct session *s, day_t today, struct session_overview *r, struct err *e)
{
	memset(r, 0, sizeof *r);
	r->plan = &s->b.plan;
	r->owner = s->b.owner;
	r->followed = session_followed_unit(s);
	return session_due(s, r->followed, today, today + SESSION_DUE_DAYS, true, &r->due, e);
}

void session_overview_free(struct session_overview *r)
{
	deadline_list_free(&r->due);
}

int session_show_target(struct session *s, const char *unit, const char *code, bool is_ind,
			const char *period, struct session_target *t, struct err *e)
{
	const struct plan_bundle *b = &s->b;
	memset(t, 0, sizeof *t);
	snprintf(t->period, sizeof t->period, "%s", period);
	if (store_resolve_unit(s->db, &b->units, unit, &t->unit, e))
		return -1;
	if (t->unit->kind == UNIT_GROUP)
		return err_set(e, tr("%s is a group of units: it has no entries of its own; name one of its units"),
			       t->unit->code);
	if (is_ind) {
		if (!(t->ind = indicator_list_find(&b->inds, code)))
			return err_set(e, tr("no such indicator '%s' in plan %s (see: tiendo indicators)"),
				       code, b->plan.code);
	} else if (!(t->task = task_list_find(&b->tasks, code))) {
		return err_set(e, tr("no such task '%s' in plan %s (see: tiendo tasks)"), code,
			       b->plan.code);
	}
	return 0;
}

int session_show_entry(struct session *s, const struct session_target *t,
		       struct session_entry_view *v, struct err *e)
{
	memset(v, 0, sizeof *v);
	v->task = t->task;
	v->unit = t->unit;
	snprintf(v->period, sizeof v->period, "%s", t->period);
	struct entry_key k = {t->unit->id, t->task->id, t->period};
	if (progress_get(s->db, &k, &v->entry, &v->found, e) ||
	    progress_history(s->db, &k, &v->hist, &v->n_hist, e) ||
	    draft_get(s->db, &k, &v->draft, &v->has_draft, e)) {
		session_entry_view_free(v);
		return -1;
	}
	return 0;
}

void session_entry_view_free(struct session_entry_view *v)
{
	entry_free(&v->entry);
	entries_free(v->hist, v->n_hist);
	draft_free(&v->draft);
	memset(v, 0, sizeof *v);
}
