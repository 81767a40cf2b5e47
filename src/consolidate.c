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
	char period[PERIOD_BUF];
	int64_t rowid; /* of two values with the same end: the later period code, then row */
	long long num, den;
	bool has_value;
	double value;
};

/* Is x a later value than y (end, then period code, then row)? */
static bool later(const struct latest *x, const struct latest *y)
{
	if (x->end != y->end)
		return x->end > y->end;
	int c = strcmp(x->period, y->period);
	if (c)
		return c > 0;
	return x->rowid > y->rowid;
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

/* Reading values: the columns id, unit_id, period, numerator, denominator,
 * value; a period's end worked out once per distinct code. best[k * nu + i]
 * (nu = units->n): the latest value of indicator k for units->v[i], an
 * index into v, -1 for none. */
struct reader {
	const struct unit_set *units;
	day_t upto;
	char last[PERIOD_BUF];
	day_t last_end;
	bool last_ok;
	struct latest *v;
	size_t n, cap;
	long *best;
	const struct unit_rec *last_unit; /* a unit's values come together: looked up once */
};

static void read_value(struct reader *r, sqlite3_stmt *st, size_t ind)
{
	const char *pc = db_col_text(st, 2);
	if (strcmp(pc, r->last) != 0 || !r->last[0]) {
		struct period p;
		snprintf(r->last, sizeof r->last, "%s", pc);
		r->last_ok = strlen(pc) < sizeof r->last && period_parse(pc, &p);
		r->last_end = r->last_ok ? period_end(&p) : 0;
	}
	if (!r->last_ok || r->last_end > r->upto)
		return;
	int64_t uid = sqlite3_column_int64(st, 1);
	const struct unit_rec *u = r->last_unit && r->last_unit->id == uid
					   ? r->last_unit : unit_set_by_id(r->units, uid);
	if (!u) /* not a unit of the plan: never expected */
		return;
	r->last_unit = u;
	xgrow((void **)&r->v, &r->cap, r->n + 1, sizeof *r->v);
	struct latest *l = &r->v[r->n];
	*l = (struct latest){
		.unit_id = u->id,
		.end = r->last_end,
		.rowid = sqlite3_column_int64(st, 0),
		.num = sqlite3_column_type(st, 3) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 3),
		.den = sqlite3_column_type(st, 4) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 4),
		.has_value = sqlite3_column_type(st, 5) != SQLITE_NULL,
		.value = sqlite3_column_double(st, 5),
	};
	memcpy(l->period, r->last, sizeof l->period);
	long *slot = &r->best[ind * r->units->n + (size_t)(u - r->units->v)];
	if (*slot < 0 || later(l, &r->v[*slot]))
		*slot = (long)r->n;
	r->n++;
}

static void reader_start(struct reader *r, const struct unit_set *units, day_t upto, size_t n_inds)
{
	memset(r, 0, sizeof *r);
	r->units = units;
	r->upto = upto;
	size_t n = (units->n ? units->n : 1) * n_inds;
	r->best = xmalloc(n * sizeof *r->best);
	for (size_t i = 0; i < n; i++)
		r->best[i] = -1;
}

static void reader_free(struct reader *r)
{
	free(r->v);
	free(r->best);
}

/* Expected reporters of d in scope: expected[i] for units->v[i]. */
static void expected_units(const struct unit_set *units, const struct indicator_rec *d,
			   const struct unit_rec *scope, bool *expected)
{
	unit_list_covers_each(units, d->reporters, expected);
	for (size_t i = 0; i < units->n; i++) {
		const struct unit_rec *u = &units->v[i];
		expected[i] = expected[i] && u->kind != UNIT_GROUP && !u->retired &&
			      (!scope || unit_under(units, u, scope));
	}
}

/* d's standing from its units' latest values: best[i] for units->v[i], an
 * index into v or -1. */
static void standing(const struct unit_set *units, const struct indicator_rec *d,
		     const bool *expected, const struct latest *v, const long *best,
		     struct ind_standing *out)
{
	memset(out, 0, sizeof *out);
	double sum = 0;
	for (size_t i = 0; i < units->n; i++) {
		if (!expected[i])
			continue;
		out->expected++;
		const struct latest *l = best[i] >= 0 ? &v[best[i]] : NULL;
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
}

int indicator_standing(struct db *db, const struct unit_set *units, const struct indicator_rec *d,
		     const struct unit_rec *scope, day_t upto, struct ind_standing *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, "SELECT id, unit_id, period, numerator, denominator, value"
				       " FROM indicator_value WHERE indicator_id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, d->id);
	struct reader r;
	reader_start(&r, units, upto, 1);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		read_value(&r, st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		reader_free(&r);
		return db_fail(db, e);
	}
	bool *expected = xmalloc(units->n ? units->n : 1);
	expected_units(units, d, scope, expected);
	standing(units, d, expected, r.v, r.best, out);
	free(expected);
	reader_free(&r);
	return 0;
}

/* Indicator ids to their index in a list. */
struct id_pos {
	int64_t id;
	size_t i;
};

static int cmp_id_pos(const void *a, const void *b)
{
	const struct id_pos *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

int indicator_standings(struct db *db, const struct unit_set *units,
			const struct indicator_list *inds, const struct unit_rec *scope, day_t upto,
			struct ind_standing *out, struct err *e)
{
	if (!inds->n)
		return 0;
	struct id_pos *ix = xmalloc(inds->n * sizeof *ix);
	for (size_t i = 0; i < inds->n; i++)
		ix[i] = (struct id_pos){inds->v[i].id, i};
	qsort(ix, inds->n, sizeof *ix, cmp_id_pos);
	/* Every value in one pass over the table: cheaper than an index range
	 * and a row look-up per value for each indicator in turn. */
	sqlite3_stmt *st = db_prep(db, "SELECT id, unit_id, period, numerator, denominator, value,"
				       " indicator_id FROM indicator_value", e);
	if (!st) {
		free(ix);
		return -1;
	}
	struct reader r;
	reader_start(&r, units, upto, inds->n);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct id_pos key = {sqlite3_column_int64(st, 6), 0};
		const struct id_pos *f = bsearch(&key, ix, inds->n, sizeof *ix, cmp_id_pos);
		if (f)
			read_value(&r, st, f->i);
	}
	sqlite3_reset(st);
	free(ix);
	if (rc != SQLITE_DONE) {
		reader_free(&r);
		return db_fail(db, e);
	}
	/* Indicators share their lists of reporters: who is expected, once per list. */
	size_t nu = units->n ? units->n : 1;
	bool *expected = xmalloc(inds->n * nu);
	for (size_t i = 0; i < inds->n; i++) {
		bool *mine = expected + i * nu;
		size_t j;
		for (j = 0; j < i && strcmp(inds->v[j].reporters, inds->v[i].reporters) != 0; j++)
			;
		if (j < i)
			memcpy(mine, expected + j * nu, nu);
		else
			expected_units(units, &inds->v[i], scope, mine);
		standing(units, &inds->v[i], mine, r.v, r.best + i * units->n, &out[i]);
	}
	free(expected);
	reader_free(&r);
	return 0;
}
