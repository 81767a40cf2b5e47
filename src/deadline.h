/* SPDX-License-Identifier: MIT */
/* Deadlines in a date range: task due dates, report due dates from the regime, annual
 * events, and overdue tasks. */
#ifndef TIENDO_DEADLINE_H
#define TIENDO_DEADLINE_H

#include "db.h"
#include "store.h"

enum dl_kind { DL_OVERDUE, DL_TASK, DL_REPORT, DL_EVENT, DL_KIND_COUNT };
const char *dl_kind_name(enum dl_kind k);

struct deadline {
	day_t date;
	enum dl_kind kind;
	char *code;   /* task, rule or event code */
	char *detail; /* task title; "PERIOD TO" for reports; event name */
	int64_t task_id; /* tasks and overdue tasks */
};

struct deadline_list {
	struct deadline *v;
	size_t n, cap;
};
void deadline_list_free(struct deadline_list *l);

/* Whether unit has not done task t (its latest entry, of any period, is not
 * "done"); unit NULL: whether some unit the task is assigned to (retired
 * ones aside) has not. What "overdue" means, once the due date is past, in
 * the task list's "!", the agenda and `tiendo due`, for one unit or all. */
int task_undone(struct db *db, const struct unit_set *units, const struct task_rec *t,
		const struct unit_rec *unit, bool *undone, struct err *e);

/* Deadlines in [from, to) for unit (NULL: the whole plan), sorted by date,
 * kind, code; plus, with overdue, tasks due before from that the unit has
 * not done, or for the whole plan that some unit has not done (task_undone:
 * the costly part, which a calendar's marks do without). From the
 * loaded plan bundle's tasks (retired ones skipped), rules and events: the
 * interface asks at every reload and they are not read again. */
int deadlines_of_bundle(struct db *db, const struct plan_bundle *b, const struct unit_rec *unit,
			day_t from, day_t to, bool overdue, struct deadline_list *out,
			struct err *e);

#endif
