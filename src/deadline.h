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

/* task_undone's answers, kept while the database does not change (its
 * stamp): the task list and the agenda ask the same questions, and a
 * switch of period or a reload asks them again; for all units each answer
 * may cost a reading of the task's rows. By task and unit id (0: all). */
struct undone_memo {
	struct undone_answer {
		int64_t task_id, unit_id;
		bool undone;
	} *v;
	size_t n, cap;
	struct db_stamp stamp; /* the database the answers were read from */
};
/* Forget the answers when the database has changed since they were read:
 * before a series of questions, not between them. */
void undone_memo_check(struct undone_memo *m, struct db *db);
void undone_memo_free(struct undone_memo *m);
/* task_undone, answered from m when it can be (m NULL: never). */
int task_undone_memo(struct db *db, const struct unit_set *units, const struct task_rec *t,
		     const struct unit_rec *unit, struct undone_memo *m, bool *undone,
		     struct err *e);

/* Deadlines in [from, to) for unit (NULL: the whole plan), sorted by date,
 * kind, code; plus, with overdue, tasks due before from that the unit has
 * not done, or for the whole plan that some unit has not done (task_undone:
 * the costly part, which a calendar's marks do without). From the
 * loaded plan bundle's tasks (retired ones skipped), rules and events: the
 * interface asks at every reload and they are not read again. memo
 * (NULL: none) keeps task_undone's answers. */
int deadlines_of_bundle(struct db *db, const struct plan_bundle *b, const struct unit_rec *unit,
			day_t from, day_t to, bool overdue, struct undone_memo *memo,
			struct deadline_list *out, struct err *e);

#endif
