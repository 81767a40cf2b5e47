/* SPDX-License-Identifier: MIT */
/* The consolidated data of a period in memory (storage side): loads the tasks and their
 * tallies, the indicators' consolidated values, the completeness of reports and the
 * entries, with the same rules as the consolidated table (consolidate_table.c). */
#include "consolidation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "period.h"

struct id_index {
	int64_t id;
	size_t i;
};

static int cmp_id_index(const void *a, const void *b)
{
	const struct id_index *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* Task ids to their index in plan order. New array of tasks->n. */
static struct id_index *task_index(const struct task_list *tasks)
{
	struct id_index *ix = xmalloc((tasks->n ? tasks->n : 1) * sizeof *ix);
	for (size_t i = 0; i < tasks->n; i++)
		ix[i] = (struct id_index){tasks->v[i].id, i};
	qsort(ix, tasks->n, sizeof *ix, cmp_id_index);
	return ix;
}

static long task_find(const struct id_index *ix, size_t n, int64_t id)
{
	struct id_index key = {id, 0};
	const struct id_index *f = n ? bsearch(&key, ix, n, sizeof *ix, cmp_id_index) : NULL;
	return f ? (long)f->i : -1;
}

/* An entry's status per (task index, unit id), for the tallies. */
struct status_key {
	int64_t unit;
	size_t task;
	enum status status;
};

static int cmp_status_key(const void *a, const void *b)
{
	const struct status_key *x = a, *y = b;
	if (x->unit != y->unit)
		return (x->unit > y->unit) - (x->unit < y->unit);
	return (x->task > y->task) - (x->task < y->task);
}

static int load_statuses(struct db *db, const struct consolidated *c, const struct id_index *ix,
			 struct status_key **out, size_t *n, struct err *e)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(db, "SELECT p.task_id, p.unit_id, p.status FROM progress p"
				       " JOIN task t ON t.id = p.task_id WHERE t.plan_id = ?1 AND p.period = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->plan->id);
	sqlite3_bind_text(st, 2, c->period, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long t = task_find(ix, c->tasks.n, sqlite3_column_int64(st, 0));
		enum status s;
		if (t < 0)
			continue; /* a retired task */
		if (!status_parse(db_col_text(st, 2), &s))
			s = STATUS_NOT_STARTED;
		xgrow((void **)out, &cap, *n + 1, sizeof **out);
		(*out)[(*n)++] = (struct status_key){sqlite3_column_int64(st, 1), (size_t)t, s};
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		return db_fail(db, e);
	}
	if (*n)
		qsort(*out, *n, sizeof **out, cmp_status_key);
	return 0;
}

static bool in_scope(const struct consolidated *c, const struct unit_rec *u)
{
	return u->kind != UNIT_GROUP && !u->retired && (!c->scope || unit_under(c->units, u, c->scope));
}

static int load_tallies(struct db *db, struct consolidated *c, const struct id_index *ix,
			struct err *e)
{
	struct status_key *sk;
	size_t nsk;
	if (load_statuses(db, c, ix, &sk, &nsk, e))
		return -1;
	const struct unit_set *units = c->units;
	c->tally = xcalloc(c->tasks.n ? c->tasks.n : 1, sizeof *c->tally);
	/* Tasks share their lists of units: work out who is assigned once per list. */
	bool *assigned = xmalloc((units->n ? units->n : 1) * sizeof *assigned);
	const struct task_rec *memo = NULL;
	for (size_t i = 0; i < c->tasks.n; i++) {
		const struct task_rec *t = &c->tasks.v[i];
		struct task_tally *tt = &c->tally[i];
		if (!memo || strcmp(memo->lead, t->lead) != 0 || strcmp(memo->coord, t->coord) != 0) {
			for (size_t j = 0; j < units->n; j++)
				assigned[j] = in_scope(c, &units->v[j]) &&
					      task_assigned(units, t, &units->v[j]);
			memo = t;
		}
		for (size_t j = 0; j < units->n; j++) {
			if (!assigned[j])
				continue;
			struct status_key key = {.unit = units->v[j].id, .task = i};
			const struct status_key *f =
				nsk ? bsearch(&key, sk, nsk, sizeof *sk, cmp_status_key) : NULL;
			tt->assigned++;
			if (f)
				tt->n[f->status]++;
			else
				tt->missing++;
		}
	}
	free(assigned);
	free(sk);
	return 0;
}

static int load_indicators(struct db *db, struct consolidated *c, struct err *e)
{
	struct period p;
	period_parse(c->period, &p);
	c->ind = xcalloc(c->inds.n ? c->inds.n : 1, sizeof *c->ind);
	return indicator_standings(db, c->units, &c->inds, c->scope, period_end(&p), c->ind, e);
}

/* The entries of one unit, in plan order. */
static int unit_entries(struct db *db, const struct consolidated *c, const struct unit_rec *u,
			const struct id_index *ix, int (*fn)(const struct cons_entry *, void *),
			void *arg, int *stop, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT p.task_id, p.status, p.percent, p.count, p.result,"
				       " p.difficulties, p.proposals, p.evidence, p.revision, p.entered_by,"
				       " p.entered_at FROM progress p JOIN task t ON t.id = p.task_id"
				       " WHERE p.unit_id = ?3 AND t.plan_id = ?1 AND p.period = ?2"
				       " ORDER BY t.seq", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, c->plan->id);
	sqlite3_bind_text(st, 2, c->period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, u->id);
	int rc = SQLITE_DONE;
	while (!*stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long t = task_find(ix, c->tasks.n, sqlite3_column_int64(st, 0));
		if (t < 0)
			continue;
		struct cons_entry en = {.unit = u, .task = (size_t)t, .percent = -1, .count = -1};
		if (!status_parse(db_col_text(st, 1), &en.status))
			en.status = STATUS_NOT_STARTED;
		if (sqlite3_column_type(st, 2) != SQLITE_NULL)
			en.percent = sqlite3_column_int(st, 2);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL)
			en.count = sqlite3_column_int64(st, 3);
		/* The column texts live until the next step. */
		en.result = db_col_text(st, 4);
		en.difficulties = db_col_text(st, 5);
		en.proposals = db_col_text(st, 6);
		en.evidence = db_col_text(st, 7);
		en.revision = sqlite3_column_int64(st, 8);
		en.by = db_col_text(st, 9);
		en.at = db_col_text(st, 10);
		*stop = fn(&en, arg);
	}
	sqlite3_reset(st);
	return *stop || rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

int consolidation_each_entry(struct db *db, const struct consolidated *c,
			     int (*fn)(const struct cons_entry *en, void *arg), void *arg,
			     struct err *e)
{
	struct id_index *ix = task_index(&c->tasks);
	int stop = 0, rc = 0;
	for (size_t i = 0; i < c->units->n && !stop && rc == 0; i++) {
		const struct unit_rec *u = &c->units->v[i];
		if (u->kind == UNIT_GROUP || (c->scope && !unit_under(c->units, u, c->scope)))
			continue;
		rc = unit_entries(db, c, u, ix, fn, arg, &stop, e);
	}
	free(ix);
	return rc ? rc : stop;
}

struct collect {
	struct consolidated *c;
	size_t cap;
};

static int collect_entry(const struct cons_entry *en, void *arg)
{
	struct collect *k = arg;
	struct consolidated *c = k->c;
	xgrow((void **)&c->entries, &k->cap, c->n_entries + 1, sizeof *c->entries);
	struct cons_entry *d = &c->entries[c->n_entries++];
	*d = *en;
	/* The texts the drafts use, in one block; evidence, by and at stay empty. */
	const char *src[3] = {en->result, en->difficulties, en->proposals};
	const char **dst[3] = {&d->result, &d->difficulties, &d->proposals};
	size_t len[3], total = 0;
	for (int i = 0; i < 3; i++)
		total += (len[i] = strlen(src[i])) + 1;
	char *p = d->owned = xmalloc(total);
	for (int i = 0; i < 3; i++) {
		memcpy(p, src[i], len[i] + 1);
		*dst[i] = p;
		p += len[i] + 1;
	}
	d->evidence = d->by = d->at = "";
	return 0;
}

/* By task in plan order, then by unit code. */
static int cmp_entry(const void *a, const void *b)
{
	const struct cons_entry *x = a, *y = b;
	if (x->task != y->task)
		return (x->task > y->task) - (x->task < y->task);
	return strcmp(x->unit->code, y->unit->code);
}

int consolidation_load(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		       const struct unit_rec *owner, const char *period, day_t today,
		       bool with_entries, struct consolidated *out, struct err *e)
{
	struct consolidated *c = out;
	memset(c, 0, sizeof *c);
	c->plan = plan;
	c->units = units;
	c->owner = owner;
	c->scope = strcmp(owner->code, plan->consolidator) == 0 ? NULL : owner;
	snprintf(c->period, sizeof c->period, "%s", period);
	c->today = today;
	date_now_stamp(c->made_at);
	if (store_tasks(db, plan->id, false, &c->tasks, e) || store_indicators(db, plan->id, &c->inds, e) ||
	    store_rules(db, plan->id, &c->rules, e))
		return -1;
	struct id_index *ix = task_index(&c->tasks);
	int rc = load_tallies(db, c, ix, e);
	free(ix);
	if (rc || load_indicators(db, c, e) ||
	    completeness_compute(db, plan, units, &c->rules, owner, period, today, &c->comp, e))
		return -1;
	if (with_entries) {
		struct collect k = {c, 0};
		if (consolidation_each_entry(db, c, collect_entry, &k, e))
			return -1;
		if (c->n_entries)
			qsort(c->entries, c->n_entries, sizeof *c->entries, cmp_entry);
	}
	return 0;
}

void consolidation_tally(const struct consolidated *c, struct completeness_tally *all,
			 struct completeness_tally kind[UNIT_KIND_COUNT])
{
	completeness_tally(&c->comp, c->owner, all, kind);
}

void consolidation_free(struct consolidated *c)
{
	for (size_t i = 0; i < c->n_entries; i++)
		free(c->entries[i].owned);
	free(c->entries);
	free(c->tally);
	free(c->ind);
	task_list_free(&c->tasks);
	indicator_list_free(&c->inds);
	rule_list_free(&c->rules);
	completeness_free(&c->comp);
	memset(c, 0, sizeof *c);
}
