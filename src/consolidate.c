/* SPDX-License-Identifier: MIT */
/* Consolidation: the value of a target indicator over the units that report it.
 *
 * Each expected reporter contributes its latest value (by period end, up to
 * the day asked). The indicator's CONSOLIDATION says how they combine:
 * ratio sums numerators and denominators, sum adds values, share-met is the
 * percentage of expected reporters whose own value meets the target (a unit
 * that has not reported has not met it), all is a milestone met when every
 * expected reporter says yes. */
#include "consolidate.h"
#include "db_internal.h"

#include <stdlib.h>
#include <string.h>

struct latest {
	int64_t unit_id;
	day_t end;
	size_t seq; /* order read: of two values with the same end, the later counts */
	long long num, den;
	bool has_value;
	double value;
};

static int cmp_unit(const void *a, const void *b)
{
	const struct latest *x = a, *y = b;
	return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
}

/* By unit, then end, then order read: a unit's latest value is its last. */
static int cmp_unit_end(const void *a, const void *b)
{
	const struct latest *x = a, *y = b;
	if (x->unit_id != y->unit_id)
		return (x->unit_id > y->unit_id) - (x->unit_id < y->unit_id);
	if (x->end != y->end)
		return (x->end > y->end) - (x->end < y->end);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Keep each unit's latest value only (v sorted by cmp_unit_end). */
static size_t keep_latest(struct latest *v, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (k && v[k - 1].unit_id == v[i].unit_id)
			k--;
		v[k++] = v[i];
	}
	return k;
}

/* The unit's own value as a number comparable with the target. */
static bool unit_value(const struct indicator_rec *d, const struct latest *l, double *v)
{
	if (l->den > 0) {
		*v = d->kind == IND_PERCENT ? 100.0 * (double)l->num / (double)l->den : (double)l->num;
		return true;
	}
	if (l->has_value) {
		*v = l->value;
		return true;
	}
	return false;
}

int indicator_standing(struct db *db, const struct unit_set *units, const struct indicator_rec *d,
		     const struct unit_rec *scope, day_t upto, struct ind_standing *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, "SELECT unit_id, period, numerator, denominator, value"
				       " FROM indicator_value WHERE indicator_id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	struct latest *v = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct period p;
		if (!period_parse(db_col_text(st, 1), &p) || period_end(&p) > upto)
			continue;
		struct latest l = {
			.unit_id = sqlite3_column_int64(st, 0),
			.end = period_end(&p),
			.num = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 2),
			.den = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3),
			.has_value = sqlite3_column_type(st, 4) != SQLITE_NULL,
			.value = sqlite3_column_double(st, 4),
		};
		l.seq = n;
		xgrow((void **)&v, &cap, n + 1, sizeof *v);
		v[n++] = l;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(db, e);
	}
	if (n) {
		qsort(v, n, sizeof *v, cmp_unit_end);
		n = keep_latest(v, n);
	}

	double sum = 0;
	for (size_t i = 0; i < units->n; i++) {
		const struct unit_rec *u = &units->v[i];
		if (u->kind == UNIT_GROUP || u->retired || !unit_list_covers(units, d->reporters, u))
			continue;
		if (scope && !unit_under(units, u, scope))
			continue;
		out->expected++;
		struct latest key = {.unit_id = u->id};
		const struct latest *l = n ? bsearch(&key, v, n, sizeof *v, cmp_unit) : NULL;
		double uv;
		if (!l || !unit_value(d, l, &uv))
			continue;
		out->reported++;
		if (comparator_met(d->cmp, uv, d->target))
			out->met_units++;
		if (l->den > 0) {
			out->num += l->num;
			out->den += l->den;
		}
		sum += uv;
	}
	free(v);
	out->has_value = out->reported > 0;
	switch (d->cons) {
	case CONS_RATIO:
		out->value = out->den > 0 ? 100.0 * (double)out->num / (double)out->den : 0;
		out->has_value = out->den > 0;
		break;
	case CONS_SUM: out->value = sum; break;
	case CONS_SHARE_MET:
		out->value = out->expected ? 100.0 * out->met_units / out->expected : 0;
		break;
	default:
		out->value = out->expected && out->met_units == out->expected ? 1 : 0;
		break;
	}
	out->met = out->has_value && comparator_met(d->cmp, out->value, d->target);
	return 0;
}
