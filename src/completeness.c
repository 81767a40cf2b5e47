/* SPDX-License-Identifier: MIT */
/* Completeness and timeliness of reports for a period (docs/exchange.md, "status").
 *
 * Expected: each unit (not a group, not retired) that a rule of the regime
 * names among its reporters, for rules of the period's type whose recipient
 * is this database's owner or a unit under it. Received: the earliest report
 * file from that unit for the plan and period in the register of received
 * files, or, for a recipient below the owner, in the receipts its
 * consolidated report carried. Which time counts: the export time, because
 * a clerk who exported before the deadline did their part even if the USB
 * stick travelled for a week; the import time is kept and shown beside it. */
#include "completeness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "humanfmt.h"
#include "msg.h"
#include "period.h"

static const char *const state_names[RS_STATE_COUNT] = {"on-time", "late", "missing", "not-due"};

const char *report_state_name(enum report_state s)
{
	return s < RS_STATE_COUNT ? state_names[s] : "?";
}

const char *report_state_label(enum report_state s)
{
	switch (s) {
	case RS_ON_TIME: return tr("on time");
	case RS_LATE: return tr("late");
	case RS_MISSING: return tr("missing");
	default: return tr("not yet due");
	}
}

/* part/whole as "66.7%", "-" when nothing is expected. */
static void rate(char *buf, size_t n, int part, int whole)
{
	if (whole <= 0)
		snprintf(buf, n, "-");
	else {
		snprintf(buf, n, "%.1f%%", 100.0 * part / whole);
		fmt_decimals(buf); /* shown to a person: 66,7% */
	}
}

void completeness_tally_text(const char *label, const struct completeness_tally *t,
			     struct strbuf *b)
{
	char r1[16], r2[16];
	rate(r1, sizeof r1, t->received, t->expected);
	rate(r2, sizeof r2, t->on_time, t->expected);
	sb_addf(b, tr("%s: expected %d, received %d (%s), on time %d (%s), late %d, missing %d, not yet due %d\n"),
		label, t->expected, t->received, r1, t->on_time, r2, t->late, t->missing, t->not_due);
}

void completeness_free(struct completeness *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

day_t completeness_stamp_day(const char *stamp)
{
	char date[DATE_BUF];
	day_t d;
	if (!stamp || strlen(stamp) < 13 || stamp[10] != 'T')
		return 0;
	memcpy(date, stamp, 10);
	date[10] = '\0';
	if (!date_parse(date, &d))
		return 0;
	int hour = (stamp[11] - '0') * 10 + (stamp[12] - '0');
	return hour + 7 >= 24 ? d + 1 : d; /* Vietnam is UTC+7, without summer time */
}

/* A report of the period received here or known through a receipt. */
struct arrival {
	int64_t unit;
	size_t seq; /* order read: received here before receipts */
	char exported_at[24], imported_at[24];
	bool via;
};

/* By unit, then export time, then order read: a unit's first is its earliest. */
static int cmp_arrival(const void *a, const void *b)
{
	const struct arrival *x = a, *y = b;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	int c = strcmp(x->exported_at, y->exported_at);
	if (c)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Every report of plan for period, received here or through a receipt,
 * sorted by cmp_arrival: one statement, not one per expected unit. */
static int load_arrivals(struct db *db, const struct plan_rec *plan, const char *period,
			 struct arrival **out, size_t *n, struct err *e)
{
	size_t cap = 0;
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = db_prep(db, "SELECT sender_id, exported_at, imported_at, 0 FROM received"
				       " WHERE kind = 'report' AND plan_code = ?1 AND period = ?2"
				       " UNION ALL SELECT unit_id, exported_at, imported_at, 1 FROM receipt"
				       " WHERE period = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)out, &cap, *n + 1, sizeof **out);
		struct arrival *a = &(*out)[*n];
		a->unit = sqlite3_column_int64(st, 0);
		a->seq = (*n)++;
		snprintf(a->exported_at, sizeof a->exported_at, "%s", db_col_text(st, 1));
		snprintf(a->imported_at, sizeof a->imported_at, "%s", db_col_text(st, 2));
		a->via = sqlite3_column_int(st, 3) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, e);
	}
	if (*n)
		qsort(*out, *n, sizeof **out, cmp_arrival);
	return 0;
}

/* The earliest report of unit (arrivals sorted by cmp_arrival). */
static void find_received(const struct arrival *v, size_t n, int64_t unit,
			  struct expected_report *x)
{
	size_t lo = 0, hi = n;
	while (lo < hi) { /* the first of unit's */
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].unit < unit)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == n || v[lo].unit != unit)
		return;
	snprintf(x->exported_at, sizeof x->exported_at, "%s", v[lo].exported_at);
	snprintf(x->imported_at, sizeof x->imported_at, "%s", v[lo].imported_at);
	x->via = v[lo].via;
}

static void add(struct completeness_tally *t, enum report_state s)
{
	t->expected++;
	switch (s) {
	case RS_ON_TIME: t->received++; t->on_time++; break;
	case RS_LATE: t->received++; t->late++; break;
	case RS_MISSING: t->missing++; break;
	default: t->not_due++; break;
	}
}

static int cmp_unit_first(const void *a, const void *b)
{
	const struct expected_report *x = a, *y = b;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static int cmp_expected(const void *a, const void *b)
{
	const struct expected_report *x = a, *y = b;
	if (x->to != y->to)
		return strcmp(x->to->code, y->to->code);
	if (x->rule != y->rule) /* rules in regime order: they sit in one array */
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->unit->code, y->unit->code);
}

int completeness_compute(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
			 const struct rule_list *rules, const struct unit_rec *owner,
			 const char *period, day_t today, struct completeness *out, struct err *e)
{
	struct period p;
	memset(out, 0, sizeof *out);
	if (!period_parse(period, &p))
		return 0;
	struct arrival *arr;
	size_t n_arr;
	if (load_arrivals(db, plan, period, &arr, &n_arr, e))
		return -1;
	bool *covered = xmalloc(units->n ? units->n : 1);
	for (size_t r = 0; r < rules->n; r++) {
		const struct rule_rec *rule = &rules->v[r];
		if (rule->period != p.type)
			continue;
		const struct unit_rec *to = unit_set_find(units, rule->to);
		if (!to || !unit_under(units, to, owner))
			continue;
		day_t due = due_date(&rule->rule, &p);
		unit_list_covers_each(units, rule->reporters, covered);
		for (size_t i = 0; i < units->n; i++) {
			const struct unit_rec *u = &units->v[i];
			if (u->kind == UNIT_GROUP || u->retired || u->id == to->id || !covered[i])
				continue;
			xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
			struct expected_report *x = &out->v[out->n++];
			memset(x, 0, sizeof *x);
			x->unit = u;
			x->to = to;
			x->rule = rule;
			x->due = due;
			find_received(arr, n_arr, u->id, x);
			if (x->exported_at[0])
				x->state = completeness_stamp_day(x->exported_at) <= due ? RS_ON_TIME : RS_LATE;
			else
				x->state = today > due ? RS_MISSING : RS_NOT_DUE;
		}
	}
	free(arr);
	free(covered);
	/* A unit named by two rules to the same recipient reports once: keep
	 * the first rule's expectation. */
	if (out->n) /* qsort wants a real array, even of nothing */
		qsort(out->v, out->n, sizeof *out->v, cmp_unit_first);
	size_t kept = 0;
	for (size_t i = 0; i < out->n; i++)
		if (!kept || out->v[kept - 1].unit != out->v[i].unit || out->v[kept - 1].to != out->v[i].to)
			out->v[kept++] = out->v[i];
	out->n = kept;
	/* The owner's own recipients first, then those below, each by rule and unit code. */
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_expected);
	struct expected_report *sorted = xmalloc((out->n ? out->n : 1) * sizeof *sorted);
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < out->n; i++)
			if ((out->v[i].to == owner) == (pass == 0))
				sorted[k++] = out->v[i];
	free(out->v);
	out->v = sorted;
	out->cap = out->n ? out->n : 1;
	return 0;
}

void completeness_tally(const struct completeness *c, const struct unit_rec *to,
			struct completeness_tally *all, struct completeness_tally kind[UNIT_KIND_COUNT])
{
	memset(all, 0, sizeof *all);
	memset(kind, 0, UNIT_KIND_COUNT * sizeof *kind);
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].to != to)
			continue;
		add(all, c->v[i].state);
		add(&kind[c->v[i].unit->kind], c->v[i].state);
	}
}
