/* SPDX-License-Identifier: MIT */
/* Progress entries and indicator values: saving with revision and history, reading, undo. */
#ifndef TIENDO_PROGRESS_H
#define TIENDO_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "period.h"
#include "plan.h"
#include "util.h"

/* The longest text of an entry or a note, in bytes (some 10,000 Vietnamese
 * letters): four of them still fit a report row (see csvio's limits). */
#define PROGRESS_TEXT_MAX 32768

/* One unit's entry for one task and period. percent and count are -1 when unset. */
struct entry {
	enum status status;
	int percent;
	long long count;
	char *result, *difficulties, *proposals, *evidence;
	char *by, *at, *action;
	long long revision;
};
void entry_free(struct entry *en);

/* A change requested by the user: NULL / -2 fields are left as they are;
 * for percent and count -1 clears. Texts must already be clean (NFC). */
struct entry_patch {
	bool set_status;
	enum status status;
	int percent;      /* -2 unchanged */
	long long count;  /* -2 unchanged */
	const char *result, *difficulties, *proposals, *evidence;
};
void entry_patch_init(struct entry_patch *p);

struct entry_key {
	int64_t unit_id, task_id;
	const char *period;
};

/* Read the current entry; *found false (and en zeroed) when none. */
int progress_get(struct db *db, const struct entry_key *k, struct entry *en, bool *found,
		 struct err *e);
/* Has the unit any entry for the period? */
int progress_any(struct db *db, int64_t unit_id, const char *period, bool *any, struct err *e);
/* Apply a patch in one transaction: the revision goes up by one and the new
 * state is appended to the history. *changed is false when the patch changed
 * nothing (then nothing is written). */
int progress_set(struct db *db, const struct entry_key *k, const struct entry_patch *p,
		 const char *by, bool *changed, long long *revision, struct err *e);
/* Put back the state before the last change, as a new revision. */
int progress_undo(struct db *db, const struct entry_key *k, const char *by, long long *revision,
		  struct err *e);
/* How a revision is stored: the first of its entry (no current row), the
 * next one (the current row moves into the history), or the same revision
 * again with other content (a resolved conflict: the current row is
 * replaced, the history untouched). */
enum put_how { PUT_FIRST, PUT_NEXT, PUT_SAME };
/* Store en exactly as given (its revision, by and at) as the current entry,
 * saved by action; used by import and conflict resolution, inside the
 * caller's transaction. The caller has checked the revision rule. */
int progress_put(struct db *db, const struct entry_key *k, const struct entry *en,
		 const char *action, enum put_how how, struct err *e);
/* Every saved revision, oldest first (the history, then the current row). */
int progress_history(struct db *db, const struct entry_key *k, struct entry **out, size_t *n,
		     struct err *e);
void entries_free(struct entry *v, size_t n);

/* One unit's value of one indicator for a period; numerator/denominator are
 * -1 and has_value false when unset. */
struct ivalue {
	long long numerator, denominator;
	bool has_value;
	double value;
	char *note, *by, *at, *action;
	long long revision;
};
void ivalue_free(struct ivalue *v);

struct ivalue_key {
	int64_t unit_id, indicator_id;
	const char *period;
};

int ivalue_get(struct db *db, const struct ivalue_key *k, struct ivalue *v, bool *found,
	       struct err *e);
/* Replace the value (all fields) in one transaction, with history. */
int ivalue_set(struct db *db, const struct ivalue_key *k, const struct ivalue *v, const char *by,
	       bool *changed, long long *revision, struct err *e);
/* Store v exactly as given (revision, by, at); see progress_put. */
int ivalue_put(struct db *db, const struct ivalue_key *k, const struct ivalue *v,
	       const char *action, enum put_how how, struct err *e);
int ivalue_history(struct db *db, const struct ivalue_key *k, struct ivalue **out, size_t *n,
		   struct err *e);
void ivalues_free(struct ivalue *v, size_t n);

/* Who is entering data: $TIENDO_USER, else the login name. */
const char *progress_user(void);



/* A form interrupted before it was saved: the fields as typed. */
struct draft {
	char *status, *percent, *count, *result, *difficulties, *proposals, *evidence, *saved_at;
};
void draft_free(struct draft *d);
int draft_save(struct db *db, const struct entry_key *k, const struct draft *d, struct err *e);
int draft_get(struct db *db, const struct entry_key *k, struct draft *d, bool *found, struct err *e);
int draft_delete(struct db *db, const struct entry_key *k, struct err *e);

/* Is the task done for the unit: its latest entry (by period end) says done?
 * (For all units: task_undone, deadline.h.) */
int progress_task_done(struct db *db, int64_t unit_id, int64_t task_id, bool *done,
		       struct err *e);
/* The same for many units in one reading of the task's rows: slot(ctx,
 * unit_id) gives the unit's place in latest[] (or -1: not asked), which the
 * caller zeroes (no entry: period ""); each place ends with the unit's
 * latest entry. */
struct progress_latest {
	char period[PERIOD_BUF];
	day_t end;
	bool done;
};
int progress_task_latest(struct db *db, int64_t task_id,
			 ptrdiff_t (*slot)(const void *ctx, int64_t unit_id), const void *ctx,
			 struct progress_latest *latest, struct err *e);

/* The entries of a period (progress_states.c): for one unit (unit_id), each
 * task's status and percent; for all units (0), the number of units that
 * have done each task (status done, done set). A new array. */
struct progress_row {
	int64_t task_id;
	enum status status;
	int percent;
	int done;
};
int progress_period_rows(struct db *db, int64_t unit_id, const char *period,
			 struct progress_row **out, size_t *n, struct err *e);
/* The all-units counts (?2 the period), every task's, 0 included: task by
 * task through the covering progress_by_task (task_id, period, status,
 * ...), a look-up and the done rows each. Its query plan is tested
 * (test_schema_speed). */
#define PROGRESS_DONE_COUNTS_SQL \
	"SELECT t.id, 'done', (SELECT count(*) FROM progress p WHERE p.task_id = t.id" \
	" AND p.period = ?2 AND p.status = 'done') FROM task t"
#endif
