/* SPDX-License-Identifier: MIT */
/* A plan loaded whole from the database: the plan, every unit, its tasks, indicators,
 * reporting regime and events, and the database's owner unit; what every user action
 * works on, loaded once. */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "text.h"

void plan_bundle_free(struct plan_bundle *b)
{
	event_list_free(&b->events);
	rule_list_free(&b->rules);
	indicator_list_free(&b->inds);
	task_list_free(&b->tasks);
	unit_set_free(&b->units);
	plan_rec_free(&b->plan);
	memset(b, 0, sizeof *b);
}

int store_find_plan(struct db *db, const char *code, struct plan_rec *out, bool *found,
		    struct err *e)
{
	struct plan_rec *v;
	size_t n;
	*found = false;
	memset(out, 0, sizeof *out);
	if (store_plans(db, &v, &n, e))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].code, code) == 0) {
			*out = v[i];
			memset(&v[i], 0, sizeof v[i]);
			*found = true;
		}
	plan_recs_free(v, n);
	return 0;
}

/* The units, tasks, indicators, rules and events of the plan in b->plan, and the owner;
 * with for_sender, only the units the owner's own report needs (store_units_sender). */
static int load_rest(struct db *db, bool with_retired, bool for_sender, struct plan_bundle *b,
		     struct err *e)
{
	char *owner = db_meta_get(db, "owner");
	int rc = for_sender && owner ? store_units_sender(db, owner, &b->units, e)
				     : store_units(db, &b->units, e);
	if (rc || store_tasks(db, b->plan.id, with_retired, &b->tasks, e) ||
	    store_indicators_all(db, b->plan.id, with_retired, &b->inds, e) ||
	    store_rules(db, b->plan.id, &b->rules, e) || store_events(db, b->plan.id, &b->events, e)) {
		free(owner);
		return -1;
	}
	b->owner = owner ? unit_set_find(&b->units, owner) : NULL;
	free(owner);
	return 0;
}

static int bundle_load(struct db *db, const char *code, bool with_retired, bool for_sender,
		       struct plan_bundle *b, bool *found, struct err *e)
{
	memset(b, 0, sizeof *b);
	*found = true;
	/* One snapshot and one lock for the dozen statements below. */
	if (db_read_begin(db, e))
		return -1;
	int rc;
	if (code)
		rc = store_find_plan(db, code, &b->plan, found, e);
	else
		rc = store_current_plan(db, &b->plan, e);
	if (rc == 0 && *found)
		rc = load_rest(db, with_retired, for_sender, b, e);
	db_read_end(db);
	if (rc || !*found)
		plan_bundle_free(b);
	return rc;
}

void plan_bundle_years(const struct plan_bundle *b, day_t today, int *y0, int *y1)
{
	int lo = 9999, hi = 0, y, m, d;
	if (b->plan.date && strlen(b->plan.date) >= 4)
		lo = hi = atoi(b->plan.date);
	for (size_t i = 0; i < b->inds.n; i++) {
		lo = b->inds.v[i].year < lo ? b->inds.v[i].year : lo;
		hi = b->inds.v[i].year > hi ? b->inds.v[i].year : hi;
	}
	for (size_t i = 0; i < b->tasks.n; i++)
		if (b->tasks.v[i].tf.has_date) {
			date_to_ymd(b->tasks.v[i].tf.date, &y, &m, &d);
			hi = y > hi ? y : hi;
		}
	date_to_ymd(today, &y, &m, &d);
	if (lo > hi) /* a plan without dates: this year */
		lo = hi = y;
	*y0 = lo < y ? lo : y;
	*y1 = hi > y ? hi : y;
}

int plan_bundle_load(struct db *db, const char *code, bool with_retired, struct plan_bundle *b,
		     bool *found, struct err *e)
{
	return bundle_load(db, code, with_retired, false, b, found, e);
}

int plan_bundle_load_sender(struct db *db, struct plan_bundle *b, struct err *e)
{
	bool found;
	return bundle_load(db, NULL, false, true, b, &found, e);
}

char *task_search_text(const struct task_rec *t)
{
	struct strbuf b = {0};
	sb_addf(&b, "%s\n%s\n%s", t->code, t->title, t->text);
	char *f = text_fold(b.s);
	sb_free(&b);
	return f;
}
