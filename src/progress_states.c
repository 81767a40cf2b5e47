/* SPDX-License-Identifier: MIT */
/* The entries of one period at a glance, for the task list: each task's status for one
 * unit, or how many units have done it. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "progress.h"

int progress_period_rows(struct db *db, int64_t unit_id, const char *period,
			 struct progress_row **out, size_t *n, struct err *e)
{
	sqlite3_stmt *st;
	*out = NULL;
	*n = 0;
	if (unit_id) {
		st = db_prep(db, "SELECT task_id, status, percent FROM progress WHERE unit_id = ?1"
				 " AND period = ?2", e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, unit_id);
	} else {
		st = db_prep(db, PROGRESS_DONE_COUNTS_SQL, e);
		if (!st)
			return -1;
	}
	sqlite3_bind_text(st, 2, period, -1, SQLITE_TRANSIENT);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!unit_id && sqlite3_column_int(st, 2) == 0)
			continue; /* no unit has done it: as no row */
		xgrow((void **)out, &cap, *n + 1, sizeof **out);
		struct progress_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->task_id = sqlite3_column_int64(st, 0);
		status_parse(db_col_text(st, 1), &r->status);
		if (unit_id)
			r->percent = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1
									  : sqlite3_column_int(st, 2);
		else
			r->done = sqlite3_column_int(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(*out);
		*out = NULL;
		*n = 0;
		return db_fail(db, e);
	}
	return 0;
}
