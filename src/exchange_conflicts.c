/* SPDX-License-Identifier: MIT */
/* The conflicts kept aside on import (exchange.c): listing them with both sides, and
 * resolving one by taking the incoming row or keeping the stored one. Taking it puts
 * the incoming content at the same revision (so the sender's next revision applies
 * cleanly) and moves the replaced content into the conflict row: nothing is lost. */
#include "db_internal.h"
#include "progress_rows.h"
#include "exchange.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "msg.h"

#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), &e))) goto fail; } while (0)
#define DONE(st) do { if (db_done(db, (st), &e)) goto fail; } while (0)

static const char *const state_names[CONFLICT_STATE_COUNT] = {"open", "kept", "taken"};

const char *conflict_state_name(enum conflict_state s)
{
	return s < CONFLICT_STATE_COUNT ? state_names[s] : "?";
}

void conflict_list_free(struct conflict_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct conflict_rec *c = &l->v[i];
		free(c->unit);
		free(c->item);
		free(c->period);
		free(c->file);
		free(c->received_at);
		free(c->resolved_by);
		free(c->resolved_at);
		entry_free(&c->in_entry);
		entry_free(&c->cur_entry);
		ivalue_free(&c->in_value);
		ivalue_free(&c->cur_value);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* The incoming side of a conflict into en (or v, is_value) from st's
 * columns c..c+12: status, percent, count, the four texts, numerator,
 * denominator, value, note, entered_by, entered_at. */
static void read_side(sqlite3_stmt *st, int c, bool is_value, long long rev, struct entry *en,
		      struct ivalue *v)
{
	if (!is_value) {
		entry_fields_from_columns(st, c, en);
		en->by = xstrdup(db_col_text(st, c + 11));
		en->at = xstrdup(db_col_text(st, c + 12));
		en->revision = rev;
		return;
	}
	v->numerator = sqlite3_column_type(st, c + 7) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, c + 7);
	v->denominator = sqlite3_column_type(st, c + 8) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, c + 8);
	v->has_value = sqlite3_column_type(st, c + 9) != SQLITE_NULL;
	v->value = sqlite3_column_double(st, c + 9);
	v->note = xstrdup(db_col_text(st, c + 10));
	v->by = xstrdup(db_col_text(st, c + 11));
	v->at = xstrdup(db_col_text(st, c + 12));
	v->revision = rev;
}

int exchange_conflicts(struct db *db, const struct plan_rec *plan, const char *period, bool all,
		       struct conflict_list *out, struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	PREP(st, "SELECT c.id, c.kind, c.state, u.code,"
		 " CASE c.kind WHEN 'entry' THEN t.code ELSE i.code END, c.period, c.revision,"
		 " r.file_name, r.imported_at, c.resolved_by, c.resolved_at,"
		 " c.status, c.percent, c.count, c.result, c.difficulties, c.proposals, c.evidence,"
		 " c.numerator, c.denominator, c.value, c.note, c.entered_by, c.entered_at,"
		 " c.unit_id, c.item_id"
		 " FROM conflict c JOIN unit u ON u.id = c.unit_id JOIN received r ON r.id = c.received_id"
		 " LEFT JOIN task t ON c.kind = 'entry' AND t.id = c.item_id"
		 " LEFT JOIN indicator i ON c.kind = 'value' AND i.id = c.item_id"
		 " WHERE COALESCE(t.plan_id, i.plan_id) = ?1"
		 " AND (?2 IS NULL OR c.period = ?2 OR r.period = ?2)"
		 " AND (?3 OR c.state = 'open') ORDER BY c.period, u.code, c.id");
	sqlite3_bind_int64(st, 1, plan->id);
	db_bind_text(st, 2, period);
	sqlite3_bind_int(st, 3, all);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct conflict_rec *c = &out->v[out->n++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		c->is_value = strcmp(db_col_text(st, 1), "value") == 0;
		const char *s = db_col_text(st, 2);
		c->state = strcmp(s, "open") == 0 ? CONFLICT_OPEN
			   : strcmp(s, "kept") == 0 ? CONFLICT_KEPT : CONFLICT_TAKEN;
		c->unit = xstrdup(db_col_text(st, 3));
		c->item = xstrdup(db_col_text(st, 4));
		c->period = xstrdup(db_col_text(st, 5));
		c->revision = sqlite3_column_int64(st, 6);
		c->file = xstrdup(db_col_text(st, 7));
		c->received_at = xstrdup(db_col_text(st, 8));
		c->resolved_by = xstrdup(db_col_text(st, 9));
		c->resolved_at = xstrdup(db_col_text(st, 10));
		read_side(st, 11, c->is_value, c->revision, &c->in_entry, &c->in_value);
		/* The item's ids ride along in the unused revision of the stored side until loaded. */
		c->cur_entry.revision = sqlite3_column_int64(st, 24);
		c->cur_value.revision = sqlite3_column_int64(st, 25);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, &e);
		goto fail;
	}
	for (size_t i = 0; i < out->n; i++) {
		struct conflict_rec *c = &out->v[i];
		int64_t unit = c->cur_entry.revision, item = c->cur_value.revision;
		bool found;
		c->cur_entry.revision = c->cur_value.revision = 0;
		if (!c->is_value) {
			struct entry_key k = {.unit_id = unit, .task_id = item, .period = c->period};
			if (progress_get(db, &k, &c->cur_entry, &found, &e))
				goto fail;
		} else {
			struct ivalue_key k = {.unit_id = unit, .indicator_id = item, .period = c->period};
			if (ivalue_get(db, &k, &c->cur_value, &found, &e))
				goto fail;
		}
	}
	return 0;
fail:
	conflict_list_free(out);
	*ep = e;
	return -1;
}

void plan_conflicts_list_free(struct plan_conflicts_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].plan);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int exchange_conflicts_elsewhere(struct db *db, int64_t plan_id, const char *period,
				 struct plan_conflicts_list *out, struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	PREP(st, "SELECT p.code, COUNT(*)"
		 " FROM conflict c JOIN received r ON r.id = c.received_id"
		 " LEFT JOIN task t ON c.kind = 'entry' AND t.id = c.item_id"
		 " LEFT JOIN indicator i ON c.kind = 'value' AND i.id = c.item_id"
		 " JOIN plan p ON p.id = COALESCE(t.plan_id, i.plan_id)"
		 " WHERE c.state = 'open' AND p.id <> ?1"
		 " AND (?2 IS NULL OR c.period = ?2 OR r.period = ?2)"
		 " GROUP BY p.id ORDER BY p.code");
	sqlite3_bind_int64(st, 1, plan_id);
	db_bind_text(st, 2, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct plan_conflicts *pc = &out->v[out->n++];
		pc->plan = xstrdup(db_col_text(st, 0));
		pc->open = sqlite3_column_int64(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, &e);
		goto fail;
	}
	return 0;
fail:
	plan_conflicts_list_free(out);
	*ep = e;
	return -1;
}

void conflict_bind_side(sqlite3_stmt *st, int c, const struct entry *en, const struct ivalue *v)
{
	if (en) {
		sqlite3_bind_text(st, c, status_name(en->status), -1, SQLITE_STATIC);
		if (en->percent >= 0)
			sqlite3_bind_int(st, c + 1, en->percent);
		if (en->count >= 0)
			sqlite3_bind_int64(st, c + 2, en->count);
		const char *t[] = {en->result, en->difficulties, en->proposals, en->evidence};
		for (int i = 0; i < 4; i++)
			sqlite3_bind_text(st, c + 3 + i, t[i] ? t[i] : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, c + 10, "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, c + 11, en->by ? en->by : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, c + 12, en->at ? en->at : "", -1, SQLITE_STATIC);
		return;
	}
	for (int i = 0; i < 7; i += i ? 1 : 3) /* status and the four texts */
		sqlite3_bind_text(st, c + i, "", -1, SQLITE_STATIC);
	if (v->numerator >= 0)
		sqlite3_bind_int64(st, c + 7, v->numerator);
	if (v->denominator >= 0)
		sqlite3_bind_int64(st, c + 8, v->denominator);
	if (v->has_value)
		sqlite3_bind_double(st, c + 9, v->value);
	sqlite3_bind_text(st, c + 10, v->note ? v->note : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, c + 11, v->by ? v->by : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, c + 12, v->at ? v->at : "", -1, SQLITE_STATIC);
}

/* Take the incoming side: only while the stored row is still at the
 * conflict's revision. The content it replaces moves into the conflict row,
 * so nothing is lost. */
static int take_side(struct db *db, int64_t id, int64_t unit, int64_t item, const char *period,
		     long long rev, const struct entry *en, const struct ivalue *v, struct err *e)
{
	static const char moved[] = N_("the stored row has moved on to revision %lld since; this conflict is out of date: keep it");
	bool found;
	struct entry cur = {0};
	struct ivalue curv = {0};
	int rc;
	if (en) {
		struct entry_key k = {.unit_id = unit, .task_id = item, .period = period};
		rc = progress_get(db, &k, &cur, &found, e);
		if (!rc && cur.revision != rev)
			rc = err_set(e, tr(moved), cur.revision);
		if (!rc)
			rc = progress_put(db, &k, en, "resolve", PUT_SAME, e);
	} else {
		struct ivalue_key k = {.unit_id = unit, .indicator_id = item, .period = period};
		rc = ivalue_get(db, &k, &curv, &found, e);
		if (!rc && curv.revision != rev)
			rc = err_set(e, tr(moved), curv.revision);
		if (!rc)
			rc = ivalue_put(db, &k, v, "resolve", PUT_SAME, e);
	}
	sqlite3_stmt *st = NULL;
	if (!rc && !(st = db_prep(db, "UPDATE conflict SET status = ?2, percent = ?3, count = ?4,"
				   " result = ?5, difficulties = ?6, proposals = ?7, evidence = ?8,"
				   " numerator = ?9, denominator = ?10, value = ?11, note = ?12,"
				   " entered_by = ?13, entered_at = ?14 WHERE id = ?1", e)))
		rc = -1;
	if (!rc) {
		sqlite3_bind_int64(st, 1, id);
		conflict_bind_side(st, 2, en ? &cur : NULL, &curv);
		rc = db_done(db, st, e);
	}
	entry_free(&cur);
	ivalue_free(&curv);
	return rc;
}

int exchange_resolve(struct db *db, int64_t id, bool take, const char *by, struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	if (db_begin(db, &e)) {
		*ep = e;
		return -1;
	}
	PREP(st, "SELECT kind, unit_id, item_id, period, revision, state, status, percent, count,"
		 " result, difficulties, proposals, evidence, numerator, denominator, value, note,"
		 " entered_by, entered_at FROM conflict WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		err_set(&e, tr("no conflict number %lld (see: tiendo conflicts --all)"), (long long)id);
		goto fail;
	}
	if (strcmp(db_col_text(st, 5), "open") != 0) {
		err_set(&e, tr("conflict %lld was already resolved (%s)"), (long long)id,
			db_col_text(st, 5));
		sqlite3_reset(st);
		goto fail;
	}
	bool is_value = strcmp(db_col_text(st, 0), "value") == 0;
	int64_t unit = sqlite3_column_int64(st, 1), item = sqlite3_column_int64(st, 2);
	char *period = xstrdup(db_col_text(st, 3));
	long long rev = sqlite3_column_int64(st, 4);
	struct entry en = {0};
	struct ivalue v = {0};
	read_side(st, 6, is_value, rev, &en, &v);
	sqlite3_reset(st);
	int rc = take ? take_side(db, id, unit, item, period, rev, is_value ? NULL : &en, &v, &e) : 0;
	entry_free(&en);
	ivalue_free(&v);
	free(period);
	if (rc)
		goto fail;
	PREP(st, "UPDATE conflict SET state = ?2, resolved_by = ?3, resolved_at = ?4 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, take ? "taken" : "kept", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, by, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, stamp, -1, SQLITE_STATIC);
	DONE(st);
	if (db_commit(db, &e)) {
		*ep = e;
		return -1;
	}
	return 0;
fail:
	db_rollback(db);
	*ep = e;
	return -1;
}
