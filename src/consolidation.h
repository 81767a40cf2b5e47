/* SPDX-License-Identifier: MIT */
/* The consolidated data of a period in memory, for the deliverables (workbook, draft
 * report, reminder): the plan's tasks with their tallies, the indicators with their
 * consolidated values, the completeness of reports, and the units' entries. */
#ifndef TIENDO_CONSOLIDATION_H
#define TIENDO_CONSOLIDATION_H

#include "completeness.h"
#include "consolidate.h"
#include "db.h"
#include "store.h"

/* One unit's entry for one task. Texts are never NULL ("" when empty);
 * percent and count are -1 when unset. */
struct cons_entry {
	const struct unit_rec *unit;
	size_t task; /* index into tasks.v */
	enum status status;
	int percent;
	long long count;
	const char *result, *difficulties, *proposals, *evidence, *by, *at;
	long long revision;
	char *owned; /* the texts' memory, in loaded entries */
};

/* Per task: the units (not groups, not retired, in scope) it is assigned
 * to, by status of their entry; missing: assigned and no entry. */
struct task_tally {
	int assigned, n[STATUS_COUNT], missing;
};

struct consolidated {
	const struct plan_rec *plan;
	const struct unit_set *units;
	const struct unit_rec *owner, *scope; /* scope NULL: every unit */
	char period[PERIOD_BUF];
	day_t today;
	char made_at[STAMP_BUF];
	struct task_list tasks;
	struct task_tally *tally; /* parallel to tasks.v */
	struct indicator_list inds;
	struct ind_standing *ind; /* parallel to inds.v */
	struct rule_list rules;
	struct completeness comp;
	struct cons_entry *entries; /* with_entries: by task (plan order), then unit code */
	size_t n_entries;
};

/* Load what the deliverables show of plan for period, as seen by owner on
 * day today (the plan's consolidating unit sees every unit, another owner
 * the units under it). with_entries: also every entry, with the texts the
 * drafts use (result, difficulties, proposals; evidence, by and at empty). */
int consolidation_load(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		       const struct unit_rec *owner, const char *period, day_t today,
		       bool with_entries, struct consolidated *out, struct err *e);
void consolidation_free(struct consolidated *c);

/* Call fn for every entry of the period in scope, unit by unit (in code
 * order), each unit's in plan order; the entry lives only during the call.
 * fn returns nonzero to stop (then that value is returned). */
int consolidation_each_entry(struct db *db, const struct consolidated *c,
			     int (*fn)(const struct cons_entry *en, void *arg), void *arg,
			     struct err *e);

/* Totals of the expected reports to the owner (overall and per unit kind). */
void consolidation_tally(const struct consolidated *c, struct completeness_tally *all,
			 struct completeness_tally kind[UNIT_KIND_COUNT]);

#endif
