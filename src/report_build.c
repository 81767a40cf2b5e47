/* SPDX-License-Identifier: MIT */
/* A unit's report built from its database: the entries and values of a period
 * for the units the sender answers for (the file format is in report.c). */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db_internal.h"
#include "period.h"
#include "progress_rows.h"

/* Mark every unit under a marked one (a parent is not always stored before
 * its children, so repeat until nothing changes: the tree is shallow). */
static bool own_down(const struct unit_set *units, bool *own)
{
	bool any = false, changed = true;
	for (size_t round = 0; changed && round <= units->n; round++) {
		changed = false;
		for (size_t i = 0; i < units->n; i++) {
			if (own[i] || !units->v[i].parent_id)
				continue;
			const struct unit_rec *p = unit_set_by_id(units, units->v[i].parent_id);
			if (p && own[p - units->v])
				own[i] = changed = any = true;
		}
	}
	return any;
}

bool *report_owned_units(const struct unit_set *units, const struct rule_list *rules,
			 const struct unit_rec *sender)
{
	bool *own = xcalloc(units->n ? units->n : 1, sizeof *own);
	own[sender - units->v] = true;
	/* Most senders are communes: nothing under them, nobody reporting to them. */
	bool alone = true;
	for (size_t i = 0; i < units->n && alone; i++)
		alone = units->v[i].parent_id != sender->id;
	for (size_t r = 0; r < rules->n && alone; r++)
		alone = strcmp(rules->v[r].to, sender->code) != 0;
	if (alone)
		return own;
	own_down(units, own);
	/* Reporting lines, followed down until nothing changes (at most one
	 * round per unit, so a cycle in the regime cannot loop). */
	for (size_t round = 0, changed = 1; changed && round <= units->n; round++) {
		changed = 0;
		for (size_t r = 0; r < rules->n; r++) {
			const struct unit_rec *to = unit_set_find(units, rules->v[r].to);
			if (!to || !own[to - units->v])
				continue;
			for (size_t i = 0; i < units->n; i++) {
				const struct unit_rec *u = &units->v[i];
				if (own[i] || u->kind == UNIT_GROUP ||
				    !unit_list_covers(units, rules->v[r].reporters, u))
					continue;
				own[i] = true;
				changed = 1;
			}
		}
		if (own_down(units, own))
			changed = 1;
	}
	return own;
}

/* A report being built: its rows and their capacities. */
struct built {
	struct report *r;
	size_t cap_e, cap_v;
};

/* The rows of st (unit id, item code, then an entry's or a value's columns)
 * of the units in own, each added to out by add. */
static int owned_rows(struct db *db, sqlite3_stmt *st, const struct unit_set *units,
		      const bool *own, void (*add)(struct built *, const char *, sqlite3_stmt *),
		      struct built *out, struct err *e)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct unit_rec *u = unit_set_by_id(units, sqlite3_column_int64(st, 0));
		if (u && own[u - units->v])
			add(out, u->code, st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

static void add_entry(struct built *b, const char *unit, sqlite3_stmt *st)
{
	struct report *out = b->r;
	xgrow((void **)&out->entries, &b->cap_e, out->n_entries + 1, sizeof *out->entries);
	struct report_entry *x = &out->entries[out->n_entries++];
	memset(x, 0, sizeof *x);
	x->unit = xstrdup(unit);
	x->task = xstrdup(db_col_text(st, 1));
	entry_from_columns(st, 2, &x->en);
}

static void add_value(struct built *b, const char *unit, sqlite3_stmt *st)
{
	struct report *out = b->r;
	xgrow((void **)&out->values, &b->cap_v, out->n_values + 1, sizeof *out->values);
	struct report_value *x = &out->values[out->n_values++];
	memset(x, 0, sizeof *x);
	x->unit = xstrdup(unit);
	x->indicator = xstrdup(db_col_text(st, 1));
	ivalue_from_columns(st, 2, &x->v);
	/* a longer period's value (the year's) keeps its period in the row */
	if (strcmp(db_col_text(st, 9), out->period) != 0)
		x->period = xstrdup(db_col_text(st, 9));
}

/* Bind ?4..?6 to the periods enclosing period (the rule of docs/exchange.md:
 * a report carries the values of its period and of the longer ones containing
 * it); the unused ones stay NULL and match nothing. */
static void bind_enclosing(sqlite3_stmt *st, const char *period)
{
	struct period p, enc[3];
	char buf[PERIOD_BUF];
	if (!period_parse(period, &p))
		return;
	int n = period_enclosing(&p, enc);
	for (int i = 0; i < n; i++) {
		period_format(&enc[i], buf);
		sqlite3_bind_text(st, 4 + i, buf, -1, SQLITE_TRANSIENT);
	}
}

int report_build(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		 const struct unit_rec *sender, const char *period, struct report *out,
		 struct err *e)
{
	struct rule_list rules;
	bool *own = NULL;
	char stamp[STAMP_BUF];
	size_t cap_r = 0;
	int rc;
	memset(out, 0, sizeof *out);
	struct built bu = {out, 0, 0};
	date_now_stamp(stamp);
	out->sender = xstrdup(sender->code);
	out->plan = xstrdup(plan->code);
	out->plan_version = plan->version;
	out->period = xstrdup(period);
	out->exported_at = xstrdup(stamp);
	/* A unit this database added itself (setup with a new commune) describes
	 * itself, so that the receiver can add it (docs/exchange.md). */
	char *added = db_meta_get(db, "added_unit");
	if (added && strcmp(added, sender->code) == 0) {
		const struct unit_rec *par = unit_set_by_id(units, sender->parent_id);
		if (par) {
			out->sender_kind = xstrdup(unit_kind_name(sender->kind));
			out->sender_parent = xstrdup(par->code);
			out->sender_name = xstrdup(sender->name);
		}
	}
	free(added);
	if (store_rules(db, plan->id, &rules, e))
		goto fail;
	own = report_owned_units(units, &rules, sender);
	rule_list_free(&rules);
#define OWNED(u) ((u) && own[(u) - units->v])
	/* A sender that answers for itself alone (a commune) reads its own rows
	 * through the unit index, however many units the database holds. */
	size_t n_own = 0;
	for (size_t i = 0; i < units->n; i++)
		n_own += own[i];
	bool alone = n_own == 1;

	sqlite3_stmt *st = db_prep(db, alone
		? "SELECT p.unit_id, t.code, p.status, p.percent, p.count,"
		  " p.result, p.difficulties, p.proposals, p.evidence, p.entered_by,"
		  " p.entered_at, p.revision FROM progress p JOIN task t ON t.id = p.task_id"
		  " WHERE t.plan_id = ?1 AND p.period = ?2 AND p.unit_id = ?3 ORDER BY t.seq"
		: "SELECT p.unit_id, t.code, p.status, p.percent, p.count,"
		  " p.result, p.difficulties, p.proposals, p.evidence, p.entered_by,"
		  " p.entered_at, p.revision FROM progress p JOIN task t ON t.id = p.task_id"
		  " WHERE t.plan_id = ?1 AND p.period = ?2 ORDER BY p.unit_id, t.seq", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, plan->id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if (alone)
		sqlite3_bind_int64(st, 3, sender->id);
	if (owned_rows(db, st, units, own, add_entry, &bu, e))
		goto fail;

	st = db_prep(db, alone
		? "SELECT v.unit_id, i.code, v.numerator, v.denominator, v.value, v.note,"
		  " v.entered_by, v.entered_at, v.revision, v.period FROM indicator_value v"
		  " JOIN indicator i ON i.id = v.indicator_id"
		  " WHERE i.plan_id = ?1 AND v.period IN (?2, ?4, ?5, ?6) AND v.unit_id = ?3"
		  " ORDER BY i.seq, v.period"
		: "SELECT v.unit_id, i.code, v.numerator, v.denominator, v.value, v.note,"
		  " v.entered_by, v.entered_at, v.revision, v.period FROM indicator_value v"
		  " JOIN indicator i ON i.id = v.indicator_id"
		  " WHERE i.plan_id = ?1 AND v.period IN (?2, ?4, ?5, ?6)"
		  " ORDER BY v.unit_id, i.seq, v.period", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, plan->id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if (alone)
		sqlite3_bind_int64(st, 3, sender->id);
	bind_enclosing(st, period);
	if (owned_rows(db, st, units, own, add_value, &bu, e))
		goto fail;

	/* The earliest report each unit below sent for the period: received here
	 * directly, or forwarded by a unit in between. A lone sender has none. */
	if (alone) {
		free(own);
		return 0;
	}
	st = db_prep(db, "SELECT unit_id, min(exported_at), min(imported_at) FROM ("
			 " SELECT sender_id AS unit_id, exported_at, imported_at FROM received"
			 "  WHERE kind = 'report' AND plan_code = ?1 AND period = ?2"
			 " UNION ALL SELECT unit_id, exported_at, imported_at FROM receipt WHERE period = ?2)"
			 " GROUP BY unit_id ORDER BY unit_id", e);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, plan->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct unit_rec *u = unit_set_by_id(units, sqlite3_column_int64(st, 0));
		if (!OWNED(u) || u->id == sender->id)
			continue;
		xgrow((void **)&out->receipts, &cap_r, out->n_receipts + 1, sizeof *out->receipts);
		struct report_receipt *x = &out->receipts[out->n_receipts++];
		x->unit = xstrdup(u->code);
		x->exported_at = xstrdup(db_col_text(st, 1));
		x->imported_at = xstrdup(db_col_text(st, 2));
		x->line = 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail_db;
	free(own);
	return 0;
#undef OWNED
fail_db:
	db_fail(db, e);
fail:
	free(own);
	report_free(out);
	return -1;
}
