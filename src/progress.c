/* SPDX-License-Identifier: MIT */
/* Progress entries and indicator values: saving with revision and history, reading, undo.
 *
 * The current row (progress, indicator_value) holds the last saved revision
 * and the action that saved it; when a newer revision replaces it, it moves
 * into the history in the same transaction (schema 8: a first entry is
 * written once). The history and the current row together hold every saved
 * revision, so the state before revision n is revision n-1 (or "nothing"
 * for n = 1), which is what undo restores, as a new revision of its own. */
#include "progress.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "date.h"
#include "db_internal.h"
#include "progress_rows.h"
#include "period.h"
#include "msg.h"

void entry_free(struct entry *en)
{
	free(en->result);
	free(en->difficulties);
	free(en->proposals);
	free(en->evidence);
	free(en->by);
	free(en->at);
	free(en->action);
	memset(en, 0, sizeof *en);
}

void entries_free(struct entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		entry_free(&v[i]);
	free(v);
}

void entry_patch_init(struct entry_patch *p)
{
	memset(p, 0, sizeof *p);
	p->percent = -2;
	p->count = -2;
}

const char *progress_user(void)
{
	const char *u = getenv("TIENDO_USER");
	if (u && *u)
		return u;
	const char *name = compat_user_name();
	if (name && *name)
		return name;
	u = getenv("USER");
	return u && *u ? u : "?";
}

void entry_fields_from_columns(sqlite3_stmt *st, int c, struct entry *en)
{
	if (!status_parse(db_col_text(st, c), &en->status))
		en->status = STATUS_NOT_STARTED;
	en->percent = sqlite3_column_type(st, c + 1) == SQLITE_NULL ? -1 : sqlite3_column_int(st, c + 1);
	en->count = sqlite3_column_type(st, c + 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, c + 2);
	en->result = xstrdup(db_col_text(st, c + 3));
	en->difficulties = xstrdup(db_col_text(st, c + 4));
	en->proposals = xstrdup(db_col_text(st, c + 5));
	en->evidence = xstrdup(db_col_text(st, c + 6));
}

void entry_from_columns(sqlite3_stmt *st, int c, struct entry *en)
{
	entry_fields_from_columns(st, c, en);
	en->by = xstrdup(db_col_text(st, c + 7));
	en->at = xstrdup(db_col_text(st, c + 8));
	en->revision = sqlite3_column_int64(st, c + 9);
}

/* Bind an entry's key as ?1 (unit), ?2 (task), ?3 (period). */
static void bind_entry_key(sqlite3_stmt *st, const struct entry_key *k)
{
	sqlite3_bind_int64(st, 1, k->unit_id);
	sqlite3_bind_int64(st, 2, k->task_id);
	sqlite3_bind_text(st, 3, k->period, -1, SQLITE_STATIC);
}

/* Bind an indicator value's key as ?1 (unit), ?2 (indicator), ?3 (period). */
static void bind_ivalue_key(sqlite3_stmt *st, const struct ivalue_key *k)
{
	sqlite3_bind_int64(st, 1, k->unit_id);
	sqlite3_bind_int64(st, 2, k->indicator_id);
	sqlite3_bind_text(st, 3, k->period, -1, SQLITE_STATIC);
}

/* Entries and indicator values are both revisioned rows: a current row and
 * its history, keyed by unit, item and period. What differs is the value
 * columns; the rest is written and read once, here. */
struct rev_kind {
	size_t size;                                         /* of one row struct */
	int n_cols;                                          /* value columns, then by, at, revision */
	void (*from_row)(sqlite3_stmt *st, void *row);       /* columns 0..n_cols+2 */
	int (*bind)(sqlite3_stmt *st, int c, const void *row); /* value columns from ?c; next ?N */
	char **(*action)(void *row);
	void (*free_rows)(void *v, size_t n);
};

/* Bind a key as ?1 (unit), ?2 (task or indicator), ?3 (period). */
static void bind_key(sqlite3_stmt *st, int64_t unit_id, int64_t item_id, const char *period)
{
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, item_id);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
}

/* Write row as revision rev, entered at "at" (NULL: now): sqls[1] first
 * moves the current row into the history when how is PUT_NEXT, then
 * sqls[0] writes the new current row. */
static int rev_write(struct db *db, const struct rev_kind *rk, const char *const sqls[2],
		     int64_t unit_id, int64_t item_id, const char *period, const void *row,
		     const char *by, const char *at, const char *action, long long rev,
		     enum put_how how, struct err *e)
{
	char stamp[STAMP_BUF];
	if (at) { /* a copy, cut to the buffer as snprintf would: one per entry imported */
		size_t n = strnlen(at, sizeof stamp - 1);
		memcpy(stamp, at, n);
		stamp[n] = '\0';
	} else {
		date_now_stamp(stamp);
	}
	sqlite3_stmt *st;
	if (how == PUT_NEXT) {
		if (!(st = db_prep(db, sqls[1], e)))
			return -1;
		bind_key(st, unit_id, item_id, period);
		if (db_done(db, st, e))
			return -1;
	}
	if (!(st = db_prep(db, sqls[0], e)))
		return -1;
	bind_key(st, unit_id, item_id, period);
	int c = rk->bind(st, 4, row);
	sqlite3_bind_text(st, c, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, c + 1, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, c + 2, rev);
	sqlite3_bind_text(st, c + 3, action, -1, SQLITE_STATIC);
	return db_done(db, st, e);
}

/* Every revision st (with its key bound) returns, oldest first. */
static int rev_history(struct db *db, sqlite3_stmt *st, const struct rev_kind *rk, void **out,
		       size_t *n, struct err *e)
{
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow(out, &cap, *n + 1, rk->size);
		void *row = (char *)*out + (*n)++ * rk->size;
		memset(row, 0, rk->size);
		rk->from_row(st, row);
		*rk->action(row) = xstrdup(db_col_text(st, rk->n_cols + 3));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		rk->free_rows(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, e);
	}
	return 0;
}

static void entry_row(sqlite3_stmt *st, void *row)
{
	entry_from_columns(st, 0, row);
}

static int entry_bind(sqlite3_stmt *st, int c, const void *row)
{
	const struct entry *en = row;
	sqlite3_bind_text(st, c, status_name(en->status), -1, SQLITE_STATIC);
	if (en->percent >= 0)
		sqlite3_bind_int(st, c + 1, en->percent);
	if (en->count >= 0)
		sqlite3_bind_int64(st, c + 2, en->count);
	const char *texts[] = {en->result, en->difficulties, en->proposals, en->evidence};
	for (int i = 0; i < 4; i++)
		sqlite3_bind_text(st, c + 3 + i, texts[i] ? texts[i] : "", -1, SQLITE_STATIC);
	return c + 7;
}

static char **entry_action(void *row)
{
	return &((struct entry *)row)->action;
}

static void entry_rows_free(void *v, size_t n)
{
	entries_free(v, n);
}

static const struct rev_kind entry_kind = {sizeof(struct entry), 7, entry_row, entry_bind,
					   entry_action, entry_rows_free};

int progress_get(struct db *db, const struct entry_key *k, struct entry *en, bool *found,
		 struct err *e)
{
	memset(en, 0, sizeof *en);
	*found = false;
	sqlite3_stmt *st = db_prep(db, "SELECT status, percent, count, result, difficulties,"
				       " proposals, evidence, entered_by, entered_at, revision FROM progress"
				       " WHERE unit_id = ?1 AND task_id = ?2 AND period = ?3", e);
	if (!st)
		return -1;
	bind_entry_key(st, k);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		entry_from_columns(st, 0, en);
		*found = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e);
	if (!*found) {
		en->percent = -1;
		en->count = -1;
	}
	return 0;
}

int progress_any(struct db *db, int64_t unit_id, const char *period, bool *any, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM progress WHERE period = ?1 AND unit_id = ?2"
				       " LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, unit_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	*any = rc == SQLITE_ROW;
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

static bool text_differs(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") != 0;
}

/* Write en as revision rev, entered at "at" (NULL: now); see rev_write. */
static int write_entry_at(struct db *db, const struct entry_key *k, const struct entry *en,
			  const char *by, const char *at, const char *action, long long rev,
			  enum put_how how, struct err *e)
{
	static const char *const sqls[2] = {
		"INSERT INTO progress(unit_id, task_id, period, status, percent, count, result,"
		" difficulties, proposals, evidence, entered_by, entered_at, revision, action)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
		" ON CONFLICT(unit_id, task_id, period) DO UPDATE SET status = excluded.status,"
		" percent = excluded.percent, count = excluded.count, result = excluded.result,"
		" difficulties = excluded.difficulties, proposals = excluded.proposals,"
		" evidence = excluded.evidence, entered_by = excluded.entered_by,"
		" entered_at = excluded.entered_at, revision = excluded.revision,"
		" action = excluded.action",
		/* OR REPLACE: a history row of the same revision (written by hand
		 * or by an older tiendo) is the same revision */
		"INSERT OR REPLACE INTO progress_history(unit_id, task_id, period, status, percent,"
		" count, result, difficulties, proposals, evidence, entered_by, entered_at, revision,"
		" action) SELECT unit_id, task_id, period, status, percent, count, result,"
		" difficulties, proposals, evidence, entered_by, entered_at, revision, action"
		" FROM progress WHERE unit_id = ?1 AND task_id = ?2 AND period = ?3",
	};
	return rev_write(db, &entry_kind, sqls, k->unit_id, k->task_id, k->period, en, by, at,
			 action, rev, how, e);
}

static int write_entry(struct db *db, const struct entry_key *k, const struct entry *en,
		       const char *by, const char *action, long long rev, enum put_how how,
		       struct err *e)
{
	return write_entry_at(db, k, en, by, NULL, action, rev, how, e);
}

int progress_put(struct db *db, const struct entry_key *k, const struct entry *en,
		 const char *action, enum put_how how, struct err *e)
{
	return write_entry_at(db, k, en, en->by, en->at, action, en->revision, how, e);
}

static void take(char **dst, const char *src)
{
	if (src) {
		free(*dst);
		*dst = xstrdup(src);
	}
}

int progress_set(struct db *db, const struct entry_key *k, const struct entry_patch *p,
		 const char *by, bool *changed, long long *revision, struct err *e)
{
	struct entry cur;
	bool found;
	*changed = false;
	const char *texts[] = {p->result, p->difficulties, p->proposals, p->evidence};
	const char *names[] = {N_("result"), N_("difficulties"), N_("proposals"), N_("evidence")};
	for (int i = 0; i < 4; i++)
		if (texts[i] && strlen(texts[i]) > PROGRESS_TEXT_MAX)
			return err_set(e, tr("the %s is too long: %zu bytes, at most %d"), tr(names[i]),
				       strlen(texts[i]), PROGRESS_TEXT_MAX);
	if (db_begin(db, e))
		return -1;
	if (progress_get(db, k, &cur, &found, e))
		goto fail;
	struct entry next = cur;
	next.result = xstrdup(cur.result ? cur.result : "");
	next.difficulties = xstrdup(cur.difficulties ? cur.difficulties : "");
	next.proposals = xstrdup(cur.proposals ? cur.proposals : "");
	next.evidence = xstrdup(cur.evidence ? cur.evidence : "");
	next.by = next.at = next.action = NULL;
	if (p->set_status)
		next.status = p->status;
	if (p->percent != -2)
		next.percent = p->percent;
	if (p->count != -2)
		next.count = p->count;
	take(&next.result, p->result);
	take(&next.difficulties, p->difficulties);
	take(&next.proposals, p->proposals);
	take(&next.evidence, p->evidence);
	/* Marking a task done without a percent means 100%. */
	if (p->set_status && p->status == STATUS_DONE && p->percent == -2 && next.percent < 100)
		next.percent = 100;
	*changed = !found || next.status != cur.status || next.percent != cur.percent ||
		   next.count != cur.count || text_differs(next.result, cur.result) ||
		   text_differs(next.difficulties, cur.difficulties) ||
		   text_differs(next.proposals, cur.proposals) ||
		   text_differs(next.evidence, cur.evidence);
	int rc = 0;
	if (*changed) {
		next.revision = cur.revision + 1;
		rc = write_entry(db, k, &next, by, "set", next.revision, found ? PUT_NEXT : PUT_FIRST,
				 e);
	}
	*revision = *changed ? next.revision : cur.revision;
	entry_free(&next);
	entry_free(&cur);
	if (rc)
		goto fail;
	if (!*changed) {
		db_rollback(db);
		return 0;
	}
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

int progress_history(struct db *db, const struct entry_key *k, struct entry **out, size_t *n,
		     struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT status, percent, count, result, difficulties,"
				       " proposals, evidence, entered_by, entered_at, revision, action"
				       " FROM progress_history WHERE unit_id = ?1 AND task_id = ?2"
				       " AND period = ?3 UNION ALL SELECT status, percent, count, result,"
				       " difficulties, proposals, evidence, entered_by, entered_at,"
				       " revision, action FROM progress WHERE unit_id = ?1 AND task_id = ?2"
				       " AND period = ?3 ORDER BY revision", e);
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_entry_key(st, k);
	return rev_history(db, st, &entry_kind, (void **)out, n, e);
}

int progress_undo(struct db *db, const struct entry_key *k, const char *by, long long *revision,
		  struct err *e)
{
	struct entry cur, *hist = NULL;
	size_t n = 0;
	bool found;
	if (db_begin(db, e))
		return -1;
	if (progress_get(db, k, &cur, &found, e))
		goto fail;
	if (!found) {
		err_set(e, tr("nothing to undo: no entry for this task, unit and period"));
		goto fail;
	}
	if (progress_history(db, k, &hist, &n, e))
		goto fail;
	/* The state before the current revision. */
	struct entry prev = {.status = STATUS_NOT_STARTED, .percent = -1, .count = -1};
	for (size_t i = 0; i < n; i++)
		if (hist[i].revision == cur.revision - 1)
			prev = hist[i];
	if (write_entry(db, k, &prev, by, "undo", cur.revision + 1, PUT_NEXT, e))
		goto fail;
	*revision = cur.revision + 1;
	entries_free(hist, n);
	entry_free(&cur);
	return db_commit(db, e);
fail:
	entries_free(hist, n);
	entry_free(&cur);
	db_rollback(db);
	return -1;
}

void ivalue_free(struct ivalue *v)
{
	free(v->note);
	free(v->by);
	free(v->at);
	free(v->action);
	memset(v, 0, sizeof *v);
}

void ivalues_free(struct ivalue *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		ivalue_free(&v[i]);
	free(v);
}

void ivalue_from_columns(sqlite3_stmt *st, int c, struct ivalue *v)
{
	v->numerator = sqlite3_column_type(st, c) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, c);
	v->denominator = sqlite3_column_type(st, c + 1) == SQLITE_NULL ? -1
									: sqlite3_column_int64(st, c + 1);
	v->has_value = sqlite3_column_type(st, c + 2) != SQLITE_NULL;
	v->value = sqlite3_column_double(st, c + 2);
	v->note = xstrdup(db_col_text(st, c + 3));
	v->by = xstrdup(db_col_text(st, c + 4));
	v->at = xstrdup(db_col_text(st, c + 5));
	v->revision = sqlite3_column_int64(st, c + 6);
}

static void ivalue_row(sqlite3_stmt *st, void *row)
{
	ivalue_from_columns(st, 0, row);
}

static int ivalue_bind(sqlite3_stmt *st, int c, const void *row)
{
	const struct ivalue *v = row;
	if (v->numerator >= 0)
		sqlite3_bind_int64(st, c, v->numerator);
	if (v->denominator >= 0)
		sqlite3_bind_int64(st, c + 1, v->denominator);
	if (v->has_value)
		sqlite3_bind_double(st, c + 2, v->value);
	sqlite3_bind_text(st, c + 3, v->note ? v->note : "", -1, SQLITE_STATIC);
	return c + 4;
}

static char **ivalue_action(void *row)
{
	return &((struct ivalue *)row)->action;
}

static void ivalue_rows_free(void *v, size_t n)
{
	ivalues_free(v, n);
}

static const struct rev_kind ivalue_kind = {sizeof(struct ivalue), 4, ivalue_row, ivalue_bind,
					    ivalue_action, ivalue_rows_free};

int ivalue_get(struct db *db, const struct ivalue_key *k, struct ivalue *v, bool *found,
	       struct err *e)
{
	memset(v, 0, sizeof *v);
	v->numerator = v->denominator = -1;
	*found = false;
	sqlite3_stmt *st = db_prep(db, "SELECT numerator, denominator, value, note, entered_by,"
				       " entered_at, revision FROM indicator_value WHERE unit_id = ?1"
				       " AND indicator_id = ?2 AND period = ?3", e);
	if (!st)
		return -1;
	bind_ivalue_key(st, k);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		ivalue_from_columns(st, 0, v);
		*found = true;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

/* Write v as revision rev, entered at "at" (NULL: now); see rev_write. */
static int write_ivalue(struct db *db, const struct ivalue_key *k, const struct ivalue *v,
			const char *by, const char *at, const char *action, long long rev,
			enum put_how how, struct err *e)
{
	static const char *const sqls[2] = {
		"INSERT INTO indicator_value(unit_id, indicator_id, period, numerator, denominator,"
		" value, note, entered_by, entered_at, revision, action)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
		" ON CONFLICT(unit_id, indicator_id, period) DO UPDATE SET"
		" numerator = excluded.numerator, denominator = excluded.denominator,"
		" value = excluded.value, note = excluded.note, entered_by = excluded.entered_by,"
		" entered_at = excluded.entered_at, revision = excluded.revision,"
		" action = excluded.action",
		"INSERT OR REPLACE INTO indicator_history(unit_id, indicator_id, period, numerator,"
		" denominator, value, note, entered_by, entered_at, revision, action)"
		" SELECT unit_id, indicator_id, period, numerator, denominator, value, note,"
		" entered_by, entered_at, revision, action FROM indicator_value"
		" WHERE unit_id = ?1 AND indicator_id = ?2 AND period = ?3",
	};
	return rev_write(db, &ivalue_kind, sqls, k->unit_id, k->indicator_id, k->period, v, by, at,
			 action, rev, how, e);
}

int ivalue_put(struct db *db, const struct ivalue_key *k, const struct ivalue *v,
	       const char *action, enum put_how how, struct err *e)
{
	return write_ivalue(db, k, v, v->by, v->at, action, v->revision, how, e);
}

int ivalue_set(struct db *db, const struct ivalue_key *k, const struct ivalue *v, const char *by,
	       bool *changed, long long *revision, struct err *e)
{
	struct ivalue cur;
	bool found;
	*changed = false;
	if (v->note && strlen(v->note) > PROGRESS_TEXT_MAX)
		return err_set(e, tr("the %s is too long: %zu bytes, at most %d"), tr("note"),
			       strlen(v->note), PROGRESS_TEXT_MAX);
	if (db_begin(db, e))
		return -1;
	if (ivalue_get(db, k, &cur, &found, e))
		goto fail;
	*changed = !found || cur.numerator != v->numerator || cur.denominator != v->denominator ||
		   cur.has_value != v->has_value || (v->has_value && cur.value != v->value) ||
		   text_differs(cur.note, v->note);
	*revision = cur.revision;
	if (!*changed) {
		ivalue_free(&cur);
		db_rollback(db);
		return 0;
	}
	if (write_ivalue(db, k, v, by, NULL, "set", cur.revision + 1, found ? PUT_NEXT : PUT_FIRST, e))
		goto fail_cur;
	*revision = cur.revision + 1;
	ivalue_free(&cur);
	return db_commit(db, e);
fail_cur:
	ivalue_free(&cur);
fail:
	db_rollback(db);
	return -1;
}

int ivalue_history(struct db *db, const struct ivalue_key *k, struct ivalue **out, size_t *n,
		   struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT numerator, denominator, value, note, entered_by,"
				       " entered_at, revision, action FROM indicator_history"
				       " WHERE unit_id = ?1 AND indicator_id = ?2 AND period = ?3"
				       " UNION ALL SELECT numerator, denominator, value, note, entered_by,"
				       " entered_at, revision, action FROM indicator_value"
				       " WHERE unit_id = ?1 AND indicator_id = ?2 AND period = ?3"
				       " ORDER BY revision", e);
	*out = NULL;
	*n = 0;
	if (!st)
		return -1;
	bind_ivalue_key(st, k);
	return rev_history(db, st, &ivalue_kind, (void **)out, n, e);
}

/* Is the unit's latest entry for the task (by period end; of equal ends, the
 * last in period order, e.g. 2026S2 over 2026) done? Reads only that unit's
 * rows: "+task_id" keeps the planner on the (unit, task, period) index, not
 * on the covering progress_by_task, which holds every unit's rows. */
/* Is the entry of period pc (ending on end) later than the latest so far
 * (latest, latest_end; "" for none)? Of equal ends, the greater period code. */
static bool period_later(const char *pc, day_t end, const char *latest, day_t latest_end)
{
	return !*latest || end > latest_end || (end == latest_end && strcmp(pc, latest) >= 0);
}

int progress_task_done(struct db *db, int64_t unit_id, int64_t task_id, bool *done,
		       struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT period, status FROM progress WHERE unit_id = ?1"
				       " AND +task_id = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_int64(st, 2, task_id);
	char latest[PERIOD_BUF] = "";
	day_t latest_end = 0;
	int rc;
	*done = false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *pc = db_col_text(st, 0);
		struct period p;
		if (!period_parse(pc, &p) || !period_later(pc, period_end(&p), latest, latest_end))
			continue;
		snprintf(latest, sizeof latest, "%s", pc);
		latest_end = period_end(&p);
		*done = strcmp(db_col_text(st, 1), "done") == 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

int progress_task_latest(struct db *db, int64_t task_id,
			 ptrdiff_t (*slot)(const void *ctx, int64_t unit_id), const void *ctx,
			 struct progress_latest *latest, struct err *e)
{
	/* the task's rows from its covering index, in its order (no sort) */
	sqlite3_stmt *st = db_prep(db, "SELECT unit_id, period, status FROM progress"
				       " WHERE task_id = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, task_id);
	/* the rows come period by period: each period parsed once */
	char last[PERIOD_BUF] = "";
	day_t end = 0;
	bool valid = false;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ptrdiff_t i = slot(ctx, sqlite3_column_int64(st, 0));
		const char *pc = db_col_text(st, 1);
		size_t len = strlen(pc);
		if (i < 0 || len >= PERIOD_BUF)
			continue;
		if (strcmp(pc, last) != 0) {
			struct period p;
			memcpy(last, pc, len + 1);
			valid = period_parse(pc, &p);
			end = valid ? period_end(&p) : 0;
		}
		struct progress_latest *l = &latest[i];
		if (!valid || !period_later(pc, end, l->period, l->end))
			continue;
		memcpy(l->period, pc, len + 1);
		l->end = end;
		l->done = strcmp(db_col_text(st, 2), "done") == 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

void draft_free(struct draft *d)
{
	char *f[] = {d->status, d->percent, d->count, d->result, d->difficulties, d->proposals,
		     d->evidence, d->saved_at};
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(d, 0, sizeof *d);
}

int draft_save(struct db *db, const struct entry_key *k, const struct draft *d, struct err *e)
{
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	sqlite3_stmt *st = db_prep(db, "INSERT OR REPLACE INTO draft(unit_id, task_id, period, status,"
				       " percent, count, result, difficulties, proposals, evidence, saved_at)"
				       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", e);
	if (!st)
		return -1;
	bind_entry_key(st, k);
	const char *f[] = {d->status, d->percent, d->count, d->result, d->difficulties, d->proposals,
			   d->evidence};
	for (int i = 0; i < 7; i++)
		sqlite3_bind_text(st, 4 + i, f[i] ? f[i] : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 11, stamp, -1, SQLITE_STATIC);
	return db_done(db, st, e);
}

int draft_get(struct db *db, const struct entry_key *k, struct draft *d, bool *found, struct err *e)
{
	memset(d, 0, sizeof *d);
	*found = false;
	sqlite3_stmt *st = db_prep(db, "SELECT status, percent, count, result, difficulties, proposals,"
				       " evidence, saved_at FROM draft WHERE unit_id = ?1 AND task_id = ?2"
				       " AND period = ?3", e);
	if (!st)
		return -1;
	bind_entry_key(st, k);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char **f[] = {&d->status, &d->percent, &d->count, &d->result, &d->difficulties,
			      &d->proposals, &d->evidence, &d->saved_at};
		for (int i = 0; i < 8; i++)
			*f[i] = xstrdup(db_col_text(st, i));
		*found = true;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

int draft_delete(struct db *db, const struct entry_key *k, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "DELETE FROM draft WHERE unit_id = ?1 AND task_id = ?2"
				       " AND period = ?3", e);
	if (!st)
		return -1;
	bind_entry_key(st, k);
	return db_done(db, st, e);
}
