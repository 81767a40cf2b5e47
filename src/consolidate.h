/* SPDX-License-Identifier: MIT */
/* Consolidation: the value of a target indicator over the units that report it. */
#ifndef TIENDO_CONSOLIDATE_H
#define TIENDO_CONSOLIDATE_H

#include "db.h"
#include "store.h"

struct ind_standing {
	bool has_value;      /* at least one expected reporter gave a value */
	double value;        /* percent (0..100) for percent kinds, sum for counts, 0/1 milestones */
	long long num, den;  /* ratio: the sums */
	int expected;        /* units that should report it, in scope */
	int reported;        /* of them, those with a value */
	int met_units;       /* of them, those whose own value meets the target */
	bool met;            /* the consolidated value meets the target */
};

/* Consolidate indicator d as of day upto (each unit's latest value for a
 * period ending on or before it). scope NULL: every reporting unit; else
 * that unit and the reporting units under it (the consolidating unit of
 * the plan holds them all). */
int indicator_standing(struct db *db, const struct unit_set *units, const struct indicator_rec *d,
		     const struct unit_rec *scope, day_t upto, struct ind_standing *out, struct err *e);
/* The same for every indicator of inds at once (one pass over the values):
 * out[i] for inds->v[i]. */
int indicator_standings(struct db *db, const struct unit_set *units,
			const struct indicator_list *inds, const struct unit_rec *scope, day_t upto,
			struct ind_standing *out, struct err *e);

/* Append the consolidated table of plan for period (docs/exchange.md) to b:
 * a plan row, then the parts units (completeness), indicators (target,
 * consolidated value, met), tasks (assigned units by status) and entries
 * (every unit's entry, texts as entered). The plan's consolidating unit
 * sees every unit; another owner, the units under it. flags: csvio's. */
int consolidate_table(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		      const struct unit_rec *owner, const char *period, day_t today, unsigned flags,
		      struct strbuf *b, struct err *e);
#endif
