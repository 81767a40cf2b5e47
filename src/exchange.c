/* SPDX-License-Identifier: MIT */
/* Importing exchange files under the ownership and revision rules.
 *
 * The rules (docs/exchange.md):
 * - Ownership: a report from unit S may hold rows of S and of units under S
 *   (a consolidated report from a lower level); a row for anyone else refuses
 *   the whole file, listing the rows. The plan belongs to whoever sends the
 *   plan package; a plan file is applied with the plan version rule.
 * - Revisions: an incoming row replaces the stored one only when its
 *   revision is higher. Same revision, same content: nothing to do. Same
 *   revision, other content: a conflict, kept aside in the conflict table
 *   with the incoming row until someone resolves it; the stored row stays.
 *   Lower revision: ignored and counted.
 * - Register: every imported report is recorded in `received` with its
 *   checksum; the same report again is a no-op that says when it came.
 * - All or nothing: a file is checked whole before anything is written,
 *   then written in one transaction (rolled back for a dry run). */
#include "exchange.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "date.h"
#include "exchange_keys.h"
#include "exchange_trust.h"
#include "exchange_internal.h"
#include "db_internal.h"
#include "entry_check.h"
#include "msg.h"
#include "planfile.h"
#include "progress_rows.h"
#include "report.h"
#include "text.h"
#include "xlsxread.h"

#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), &e))) goto fail; } while (0)
#define DONE(st) do { if (db_done(db, (st), &e)) goto fail; } while (0)

/* What a report needs from the database, loaded once. */
struct ctx {
	const struct plan_bundle *b; /* the plan of the report */
	const struct unit_rec *sender;
	bool *owned; /* parallel to units.v: may the sender carry this unit's rows?
		      * (made when a row of another unit than the sender's comes) */
	int64_t received_id;
	int64_t fresh_unit; /* the unit last asked about (unit_fresh), 0: none */
	bool fresh;         /* it had no entry for the report's period */
};

static void ctx_free(struct ctx *c)
{
	free(c->owned);
}

/* Load the cache for plan code (unless it holds it already); *found false
 * when the database has no such plan. */
static int cache_load(struct db *db, struct plan_bundle *c, const char *code, bool *found,
		      struct err *e)
{
	*found = true;
	if (c->plan.code && strcmp(c->plan.code, code) == 0)
		return 0;
	plan_bundle_free(c);
	return plan_bundle_load(db, code, true, c, found, e);
}

/* The unit of code: most rows are the sender's own, found with one
 * comparison instead of a search of the plan's units. */
static const struct unit_rec *find_unit(const struct ctx *c, const char *code)
{
	if (c->sender && strcmp(c->sender->code, code) == 0)
		return c->sender;
	return unit_set_find(&c->b->units, code);
}

/* A row's unit must exist, not be a group, and be the sender or under it. */
static const struct unit_rec *check_unit(struct ctx *c, struct import_result *r, const char *name,
					 int line, const char *code)
{
	const struct unit_rec *u = find_unit(c, code);
	if (!u) {
		exchange_problem(r, name, line, tr("unknown unit '%s' (not in this database's plan)"), code);
		return NULL;
	}
	if (u->kind == UNIT_GROUP) {
		exchange_problem(r, name, line, tr("'%s' is a group, not a unit that reports"), code);
		return NULL;
	}
	if (u != c->sender && !c->owned)
		c->owned = report_owned_units(&c->b->units, &c->b->rules, c->sender);
	if (u != c->sender && !c->owned[u - c->b->units.v]) {
		exchange_problem(r, name, line,
			    tr("row of unit %s, but the file comes from %s: a report may only carry its sender's rows and those of the units under it or reporting to it"),
			    code, c->sender->code);
		return NULL;
	}
	return u;
}

/* A row of entry: its unit (check_unit) and task, and the rules `tiendo set` obeys. */
static void check_entry(struct ctx *c, struct import_result *r, const char *name,
			const char *plan, const struct report_entry *x)
{
	struct err e;
	const struct unit_rec *u = check_unit(c, r, name, x->line, x->unit);
	const struct task_rec *t = task_list_find(&c->b->tasks, x->task);
	const char *texts[4] = {x->en.result, x->en.difficulties, x->en.proposals, x->en.evidence};
	if (!t)
		exchange_problem(r, name, x->line, tr("unknown task '%s' in plan %s"), x->task, plan);
	else if (u && entry_check_target(&c->b->units, u, t, &e))
		exchange_problem(r, name, x->line, "%s", e.msg);
	if (entry_check_values(x->en.percent, x->en.count, texts, &e))
		exchange_problem(r, name, x->line, "%s", e.msg);
}

/* A row of value: its unit and indicator, and the rules `tiendo set-indicator` obeys. */
static void check_value(struct ctx *c, struct import_result *r, const char *name,
			const char *plan, const struct report_value *x)
{
	struct err e;
	const struct unit_rec *u = check_unit(c, r, name, x->line, x->unit);
	const struct indicator_rec *d = indicator_list_find(&c->b->inds, x->indicator);
	if (!d) {
		exchange_problem(r, name, x->line, tr("unknown indicator '%s' in plan %s"), x->indicator, plan);
		return;
	}
	if (u && value_check_target(&c->b->units, u, d, &e))
		exchange_problem(r, name, x->line, "%s", e.msg);
	if (value_check_values(d, &x->v, &e))
		exchange_problem(r, name, x->line, "%s", e.msg);
}

/* Look for this incoming content among the conflicts already kept aside. */
static int known_conflict(struct db *db, const char *kind, int64_t unit, int64_t item,
			  const char *period, long long rev, const char *digest, int *state,
			  struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	*state = -1;
	PREP(st, "SELECT state FROM conflict WHERE kind = ?1 AND unit_id = ?2 AND item_id = ?3"
		 " AND period = ?4 AND revision = ?5 AND digest = ?6");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, unit);
	sqlite3_bind_int64(st, 3, item);
	sqlite3_bind_text(st, 4, period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, rev);
	sqlite3_bind_text(st, 6, digest, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);
		*state = strcmp(s, "open") == 0 ? CONFLICT_OPEN
			 : strcmp(s, "kept") == 0 ? CONFLICT_KEPT : CONFLICT_TAKEN;
	}
	sqlite3_reset(st);
	return 0;
fail:
	*ep = e;
	return -1;
}

static int keep_conflict(struct db *db, struct ctx *c, const char *kind, int64_t unit,
			 int64_t item, const char *period, const struct entry *en,
			 const struct ivalue *v, const char *digest, struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	PREP(st, "INSERT INTO conflict(kind, unit_id, item_id, period, revision, received_id,"
		 " status, percent, count, result, difficulties, proposals, evidence,"
		 " numerator, denominator, value, note, entered_by, entered_at, digest)"
		 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,"
		 " ?18, ?19, ?20)");
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, unit);
	sqlite3_bind_int64(st, 3, item);
	sqlite3_bind_text(st, 4, period, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, c->received_id);
	sqlite3_bind_text(st, 20, digest, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, en ? en->revision : v->revision);
	conflict_bind_side(st, 7, en, v);
	DONE(st);
	return 0;
fail:
	*ep = e;
	return -1;
}

enum verdict { V_ADDED, V_REPLACED, V_UNCHANGED, V_OLDER, V_CONFLICT };

static void count(struct import_result *r, enum verdict v)
{
	switch (v) {
	case V_ADDED: r->added++; break;
	case V_REPLACED: r->replaced++; break;
	case V_UNCHANGED: r->unchanged++; break;
	case V_OLDER: r->older++; break;
	case V_CONFLICT: r->conflicts++; break;
	}
}

/* The revision rule for one incoming row (en or v, revision in_rev) given
 * the stored one (found, cur_rev; same: the same content): *put when the
 * caller is to store it; a conflict is kept aside here. */
static int revision_rule(struct db *db, struct ctx *c, const char *kind, int64_t unit,
			 int64_t item, const char *period, bool found, long long cur_rev,
			 long long in_rev, bool same, const struct entry *en, const struct ivalue *v,
			 enum verdict *out, bool *put, struct err *e)
{
	char dg[24];
	int state;
	*put = false;
	if (!found || in_rev > cur_rev) {
		*out = found ? V_REPLACED : V_ADDED;
		*put = true;
		return 0;
	}
	if (in_rev < cur_rev) {
		*out = V_OLDER;
		return 0;
	}
	if (same) {
		*out = V_UNCHANGED;
		return 0;
	}
	snprintf(dg, sizeof dg, "%016" PRIx64, en ? report_entry_digest(en) : report_value_digest(v));
	if (known_conflict(db, kind, unit, item, period, in_rev, dg, &state, e))
		return -1;
	if (state == CONFLICT_KEPT || state == CONFLICT_TAKEN) {
		*out = V_UNCHANGED; /* someone already decided about exactly this row */
		return 0;
	}
	*out = V_CONFLICT;
	if (state == CONFLICT_OPEN)
		return 0;
	return keep_conflict(db, c, kind, unit, item, period, en, v, dg, e);
}

/* Had unit no entry at all for period before this file? Asked once per run
 * of a unit's rows (they come unit by unit), it spares the look-up of every
 * entry of a unit new to the period, as in most imports. (A file never holds
 * a unit and task twice: trust_report_repeats.) */
static int unit_fresh(struct db *db, struct ctx *c, int64_t unit, const char *period,
		      struct err *e)
{
	bool any;
	if (c->fresh_unit == unit)
		return 0;
	if (progress_any(db, unit, period, &any, e))
		return -1;
	c->fresh_unit = unit;
	c->fresh = !any;
	return 0;
}

static int apply_entry(struct db *db, struct ctx *c, const char *period,
		       const struct report_entry *x, enum verdict *out, struct err *e)
{
	const struct unit_rec *u = find_unit(c, x->unit);
	const struct task_rec *t = task_list_find(&c->b->tasks, x->task);
	struct entry_key k = {.unit_id = u->id, .task_id = t->id, .period = period};
	struct entry cur = {.percent = -1, .count = -1};
	bool found = false, put;
	if (unit_fresh(db, c, u->id, period, e) ||
	    (!c->fresh && progress_get(db, &k, &cur, &found, e)))
		return -1;
	bool same = found && cur.revision == x->en.revision && report_entry_same(&cur, &x->en);
	int rc = revision_rule(db, c, "entry", u->id, t->id, period, found, cur.revision,
			       x->en.revision, same, &x->en, NULL, out, &put, e);
	if (rc == 0 && put)
		rc = progress_put(db, &k, &x->en, "import", found ? PUT_NEXT : PUT_FIRST, e);
	entry_free(&cur);
	return rc;
}

static int apply_value(struct db *db, struct ctx *c, const char *period,
		       const struct report_value *x, enum verdict *out, struct err *e)
{
	const struct unit_rec *u = find_unit(c, x->unit);
	const struct indicator_rec *d = indicator_list_find(&c->b->inds, x->indicator);
	struct ivalue_key k = {.unit_id = u->id, .indicator_id = d->id, .period = period};
	struct ivalue cur;
	bool found, put;
	if (ivalue_get(db, &k, &cur, &found, e))
		return -1;
	bool same = found && cur.revision == x->v.revision && report_value_same(&cur, &x->v);
	int rc = revision_rule(db, c, "value", u->id, d->id, period, found, cur.revision,
			       x->v.revision, same, NULL, &x->v, out, &put, e);
	if (rc == 0 && put)
		rc = ivalue_put(db, &k, &x->v, "import", found ? PUT_NEXT : PUT_FIRST, e);
	ivalue_free(&cur);
	return rc;
}

/* Check every row of rep before anything is written; the problems go to r. */
static void check_rows(struct ctx *c, struct import_result *r, const char *name,
		       const struct report *rep)
{
	for (size_t i = 0; i < rep->n_entries; i++)
		check_entry(c, r, name, rep->plan, &rep->entries[i]);
	for (size_t i = 0; i < rep->n_values; i++)
		check_value(c, r, name, rep->plan, &rep->values[i]);
	for (size_t i = 0; i < rep->n_receipts; i++) {
		const struct report_receipt *x = &rep->receipts[i];
		const struct unit_rec *u = check_unit(c, r, name, x->line, x->unit);
		if (u && u->id == c->sender->id)
			exchange_problem(r, name, x->line, tr("a receipt row for the sender itself"));
	}
}

/* Reports travel up: see exchange_trust.c. */
static void check_sender(struct ctx *c, struct import_result *r, const char *name, int line)
{
	char *why = trust_report_sender(&c->b->units, &c->b->rules, c->b->owner, c->sender);
	if (why)
		exchange_problem(r, name, line, "%s", why);
	free(why);
}

struct repeat_arg {
	struct import_result *r;
	const char *name;
};

static void add_repeat(void *arg, int line, int first, const char *unit, const char *item)
{
	struct repeat_arg *a = arg;
	exchange_problem(a->r, a->name, line,
		    tr("%s %s again (first on line %d): the file contradicts itself; export it again"),
		    unit, item, first);
}

/* Write rep's rows inside the open transaction: the register entry, the
 * entries and values under the revision rule, the receipts, the tallies. */
static int write_rows(struct db *db, struct ctx *c, const struct report *rep, const char *name,
		      const char *sum, const char *stamp, struct import_result *r, struct err *ep)
{
	struct err e;
	sqlite3_stmt *st;
	PREP(st, "INSERT INTO received(kind, file_name, checksum, sender_id, plan_code, plan_version,"
		 " period, exported_at, imported_at, encoding, rows)"
		 " VALUES ('report', ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sum, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, c->sender->id);
	sqlite3_bind_text(st, 4, rep->plan, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 5, rep->plan_version);
	sqlite3_bind_text(st, 6, rep->period, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, rep->exported_at, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, stamp, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, encoding_name(r->enc), -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, (sqlite3_int64)r->rows);
	DONE(st);
	c->received_id = sqlite3_last_insert_rowid(db->h);
	for (size_t i = 0; i < rep->n_entries; i++) {
		enum verdict v;
		if (apply_entry(db, c, rep->period, &rep->entries[i], &v, &e))
			goto fail;
		count(r, v);
	}
	for (size_t i = 0; i < rep->n_values; i++) {
		enum verdict v;
		if (apply_value(db, c, rep->values[i].period ? rep->values[i].period : rep->period,
				&rep->values[i], &v, &e))
			goto fail;
		count(r, v);
	}
	for (size_t i = 0; i < rep->n_receipts; i++) {
		const struct report_receipt *x = &rep->receipts[i];
		PREP(st, "INSERT INTO receipt(unit_id, period, to_id, exported_at, imported_at)"
			 " VALUES ((SELECT id FROM unit WHERE code = ?1), ?2, ?3, ?4, ?5)"
			 " ON CONFLICT(unit_id, period, to_id) DO UPDATE SET"
			 " exported_at = min(exported_at, excluded.exported_at),"
			 " imported_at = min(imported_at, excluded.imported_at)");
		sqlite3_bind_text(st, 1, x->unit, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, rep->period, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, c->sender->id);
		sqlite3_bind_text(st, 4, x->exported_at, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, x->imported_at, -1, SQLITE_STATIC);
		DONE(st);
		r->receipts++;
	}
	PREP(st, "UPDATE received SET added = ?2, replaced = ?3, unchanged = ?4, older = ?5,"
		 " conflicts = ?6 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, c->received_id);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)r->added);
	sqlite3_bind_int64(st, 3, (sqlite3_int64)r->replaced);
	sqlite3_bind_int64(st, 4, (sqlite3_int64)r->unchanged);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)r->older);
	sqlite3_bind_int64(st, 6, (sqlite3_int64)r->conflicts);
	DONE(st);
	return 0;
fail:
	*ep = e;
	return -1;
}

/* A report from a unit this database does not know that describes itself (a
 * new commune set up from the plan package): add it under its parent, in
 * the transaction (or savepoint) this begins, and reload the cache. 0 added;
 * 1 refused (the problem is in r); -1 a database error in e. */
static int adopt_sender(struct db *db, struct plan_bundle *cache, const struct report *rep,
			struct import_result *r, const char *name, int line, struct err *e)
{
	enum unit_kind kind;
	const struct unit_rec *par = unit_set_find(&cache->units, rep->sender_parent);
	if (!unit_kind_parse(rep->sender_kind, &kind) || kind == UNIT_GROUP || !par ||
	    par->kind == UNIT_GROUP || par->retired) {
		exchange_problem(r, name, line, tr("unknown sender '%s', described as under '%s', which is not a unit here"),
			    rep->sender, rep->sender_parent);
		return 1;
	}
	char *parent = xstrdup(par->code);
	bool found;
	if (db_begin(db, e)) {
		free(parent);
		return -1;
	}
	if (store_unit_add(db, rep->sender, rep->sender_name, kind, parent, "", e) ||
	    (plan_bundle_free(cache), cache_load(db, cache, rep->plan, &found, e))) {
		db_rollback(db);
		plan_bundle_free(cache);
		free(parent);
		return -1;
	}
	struct strbuf b = {0};
	sb_addf(&b, "%s (%s, %s)", rep->sender, rep->sender_name, parent);
	r->unit_added = b.s;
	free(parent);
	return 0;
}

/* The report's plan must be here, at its version or later, and its sender a
 * unit of it (a new unit that describes itself is added: adopt_sender).
 * 0: c->sender set; 1: refused; 2: set, and a unit was added (its
 * transaction is open); -1: e set. */
static int report_plan_sender(struct db *db, struct plan_bundle *cache, const struct report *rep,
			      bool found, struct ctx *c, struct import_result *r, const char *name,
			      struct err *e)
{
	int hl = rep->header_line, rc = 0;
	if (!found) {
		exchange_problem(r, name, hl, tr("plan %s is not in this database; import its plan package first"),
			    rep->plan);
		return 1;
	}
	if (rep->plan_version > c->b->plan.version) {
		exchange_problem(r, name, hl,
			    tr("the report was made with version %d of plan %s, but this database has version %d; import the newer plan package first"),
			    rep->plan_version, rep->plan, c->b->plan.version);
		return 1;
	}
	struct period p;
	int y0, y1; /* set and set-indicator hold to the same years */
	plan_bundle_years(c->b, date_today(), &y0, &y1);
	if (period_parse(rep->period, &p) && (p.year < y0 || p.year > y1)) {
		exchange_problem(r, name, hl, tr("the report is for period %s, outside plan %s, which runs from %d to %d"),
				 rep->period, rep->plan, y0, y1);
		return 1;
	}
	c->sender = unit_set_find(&c->b->units, rep->sender);
	if (!c->sender && rep->sender_name) {
		int ad = adopt_sender(db, cache, rep, r, name, hl, e);
		if (ad != 0)
			return ad < 0 ? -1 : 1;
		rc = 2;
		c->sender = unit_set_find(&c->b->units, rep->sender);
	}
	if (!c->sender || c->sender->kind == UNIT_GROUP) {
		exchange_problem(r, name, hl, tr("unknown sender '%s' (not a unit of this database's plan)"),
			    rep->sender);
		if (rc == 2) {
			db_rollback(db);
			plan_bundle_free(cache);
		}
		return 1;
	}
	return rc;
}

/* When the same report (by its checksum) came from sender before: *before
 * its import time, else left NULL. */
static int received_before(struct db *db, int64_t sender_id, const char *sum, char **before,
			   struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT imported_at FROM received WHERE kind = 'report'"
				       " AND sender_id = ?1 AND checksum = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, sender_id);
	sqlite3_bind_text(st, 2, sum, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		*before = xstrdup(db_col_text(st, 0));
	sqlite3_reset(st);
	return 0;
}

/* What the result says of any report read: whose, for what, its rows. */
static void result_head(struct import_result *r, const struct report *rep)
{
	r->sender = xstrdup(rep->sender);
	r->plan = xstrdup(rep->plan);
	r->period = xstrdup(rep->period);
	r->exported_at = xstrdup(rep->exported_at);
	r->plan_version = rep->plan_version;
	r->rows = rep->n_entries + rep->n_values + rep->n_receipts;
}

/* The report rep (parsed, result_head done) under the rules; frees rep. */
static int import_parsed(struct db *db, struct plan_bundle *cache, const char *name,
			 struct report *rep_in, enum import_mode mode, struct signfile *sf,
			 struct import_result *r)
{
	bool dry_run = mode == IMPORT_DRY, writing = false;
	bool adopted = false; /* a new unit was added: its transaction level is open */
	struct report rep = *rep_in;
	struct ctx c;
	struct err e;
	bool found;
	memset(&c, 0, sizeof c);
	memset(rep_in, 0, sizeof *rep_in);
	if (exchange_bad_signature(sf, name, r))
		goto refused;

	if (cache_load(db, cache, rep.plan, &found, &e))
		goto fail_e;
	c.b = cache;
	int ad = report_plan_sender(db, cache, &rep, found, &c, r, name, &e);
	if (ad < 0)
		goto fail_e;
	if (ad == 1)
		goto refused;
	adopted = ad == 2;
	char sum[24];
	snprintf(sum, sizeof sum, "%016" PRIx64, rep.checksum);
	if (received_before(db, c.sender->id, sum, &r->before, &e))
		goto fail_e;
	if (r->before) {
		r->outcome = IMPORT_DUPLICATE;
		report_free(&rep);
		ctx_free(&c);
		return 0;
	}
	check_sender(&c, r, name, rep.header_line);
	int64_t sender_id;
	if (exchange_signer_check(db, sf, rep.sender, name, r, &sender_id, &e))
		goto fail_e;
	check_rows(&c, r, name, &rep);
	struct repeat_arg ra = {r, name};
	trust_report_repeats(&rep, add_repeat, &ra);
	if (r->problems.n)
		goto refused;

	/* Write it all in one transaction (the batch's, when in one). */
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	if (!adopted && mode != IMPORT_IN_BATCH && db_begin(db, &e))
		goto fail_e;
	writing = true;
	if (write_rows(db, &c, &rep, name, sum, stamp, r, &e) ||
	    exchange_signer_record(db, sf, rep.sender, r, &e))
		goto fail;
	if (dry_run) {
		db_rollback(db);
		if (adopted)
			plan_bundle_free(cache); /* the unit it would add is gone again */
	} else if ((adopted || mode != IMPORT_IN_BATCH) && db_commit(db, &e)) {
		if (adopted)
			plan_bundle_free(cache);
		adopted = false; /* a failed commit rolled back */
		goto fail_e;
	}
	r->outcome = IMPORT_REPORT;
	report_free(&rep);
	ctx_free(&c);
	return 0;
fail:
	if (adopted || mode != IMPORT_IN_BATCH)
		db_rollback(db);
	if (adopted)
		plan_bundle_free(cache);
	adopted = false;
fail_e:
	if (adopted) {
		db_rollback(db);
		plan_bundle_free(cache);
	}
	sv_push(&r->problems, e.msg);
	report_free(&rep);
	ctx_free(&c);
	exchange_refuse(r);
	return exchange_failed(db, mode, writing);
refused:
	if (adopted) {
		db_rollback(db);
		plan_bundle_free(cache);
	}
	report_free(&rep);
	ctx_free(&c);
	return exchange_refuse(r);
}

int exchange_import(struct db *db, const char *name, const char *buf, size_t n, unsigned flags,
		    struct import_result *r)
{
	struct plan_bundle cache = {0};
	int rc = exchange_import_cached(db, &cache, name, buf, n, flags, r);
	plan_bundle_free(&cache);
	return rc;
}

static int import_buf(struct db *db, struct plan_bundle *cache, const char *name,
		      const char *buf, size_t n, char *owned, enum import_mode mode, unsigned flags,
		      struct import_result *r);

int exchange_import_cached(struct db *db, struct plan_bundle *cache, const char *name,
			   const char *buf, size_t n, unsigned flags, struct import_result *r)
{
	return import_buf(db, cache, name, buf, n, NULL,
			  (flags & IMPORT_DRY_RUN) ? IMPORT_DRY : IMPORT_ALONE, flags, r);
}

int exchange_import_in_batch(struct db *db, struct plan_bundle *cache, const char *name,
			     char *buf, size_t n, unsigned flags, struct import_result *r)
{
	return import_buf(db, cache, name, buf, n, buf, IMPORT_IN_BATCH, flags, r);
}

/* A file signed by a changed key: the key is kept aside for tiendo trust. */
static int hold_key(struct db *db, const char *name, unsigned flags, int rc,
		    struct import_result *r)
{
	struct err e;
	if (rc && r->held_unit && !(flags & IMPORT_DRY_RUN) &&
	    keystore_hold(db, r->held_unit, r->held_key, name, &e))
		sv_push(&r->problems, e.msg);
	return rc;
}

/* A file read, decoded and, when it is a report, parsed: all that needs no
 * database, done ahead by a second thread (exchange_prefetch.c). */
struct exchange_parsed {
	char *path;
	enum { PARSED_REFUSED, PARSED_REPORT, PARSED_OTHER } state;
	struct import_result r; /* refused: the verdict; a report: its head so far */
	struct report rep;
	struct signfile sf;
	char *text; /* what rep was read from */
};

struct exchange_parsed *exchange_parse_file(const char *path)
{
	struct exchange_parsed *p = xcalloc(1, sizeof *p);
	size_t n, len;
	struct stat st;
	p->path = xstrdup(path);
	p->state = PARSED_OTHER;
	/* Only a regular file is read ahead: a pipe or a device is read when
	 * its turn comes, where a signal can stop the read (exchange_read_file),
	 * and a file that cannot be read says so then, as always. */
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return p;
	p->state = PARSED_REFUSED;
	char *buf = exchange_read_file(path, &n, &p->r), *text = NULL;
	if (!buf)
		return p;
	int d = exchange_decode_bytes(path, buf, n, buf, &p->r, &text, &len);
	if (d < 0)
		return p;
	if (d == 1 || !report_sniff(text, len)) {
		/* a workbook, a plan package, a signature: read again, the usual way */
		free(d == 1 ? buf : text);
		import_result_free(&p->r);
		p->state = PARSED_OTHER;
		return p;
	}
	if (exchange_parse_signed(path, text, len, &p->rep, &p->sf, &p->r)) {
		exchange_refuse(&p->r);
		free(text);
		signfile_free(&p->sf);
		return p;
	}
	result_head(&p->r, &p->rep);
	p->text = text;
	p->state = PARSED_REPORT;
	return p;
}

const char *exchange_parsed_path(const struct exchange_parsed *p)
{
	return p->path;
}

int exchange_import_parsed(struct db *db, struct plan_bundle *cache, struct exchange_parsed *p,
			   struct import_result *r)
{
	if (p->state == PARSED_OTHER)
		return IMPORT_NOT_PARSED;
	*r = p->r;
	memset(&p->r, 0, sizeof p->r);
	if (p->state == PARSED_REFUSED)
		return -1;
	int rc = import_parsed(db, cache, p->path, &p->rep, IMPORT_IN_BATCH, &p->sf, r);
	return hold_key(db, p->path, 0, rc, r);
}

void exchange_parsed_free(struct exchange_parsed *p)
{
	if (!p)
		return;
	if (p->state == PARSED_REPORT)
		report_free(&p->rep);
	signfile_free(&p->sf);
	import_result_free(&p->r);
	free(p->text);
	free(p->path);
	free(p);
}

static int import_buf(struct db *db, struct plan_bundle *cache, const char *name,
		      const char *buf, size_t n, char *owned, enum import_mode mode, unsigned flags,
		      struct import_result *r)
{
	struct plan_bundle own = {0};
	if (!cache)
		cache = &own;
	char *text;
	size_t len;
	int d = exchange_decode_bytes(name, buf, n, owned, r, &text, &len);
	if (d < 0)
		return -1;
	if (d == 1) {
		/* A report saved as a workbook: its first sheet, as CSV, checked the same way. */
		const char *why = NULL;
		char *csv = xlsxread_to_csv(buf, n, EXCHANGE_MAX_FILE, &len, &why);
		free(owned);
		if (!csv) {
			exchange_problem(r, name, 0, "%s", tr(why));
			return exchange_refuse(r);
		}
		int rc = import_buf(db, cache, name, csv, len, csv, mode, flags, r); /* frees csv */
		r->enc = ENC_XLSX;
		plan_bundle_free(&own);
		return rc;
	}
	int rc;
	struct signfile sf = {0};
	if (report_sniff(text, len)) {
		/* its signature is read in the same pass as its rows */
		struct report rep;
		if (exchange_parse_signed(name, text, len, &rep, &sf, r)) {
			rc = exchange_refuse(r);
		} else {
			result_head(r, &rep);
			rc = import_parsed(db, cache, name, &rep, mode, &sf, r);
		}
	} else if (exchange_read_signature(name, text, len, &sf, r)) {
		rc = exchange_refuse(r);
	} else {
		const char *p = text;
		if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
			p += 3;
		if (*p == '"')
			p++;
		if (strncmp(p, "format", 6) == 0 && strstr(p, "tiendo-plan") &&
		    strstr(p, "tiendo-plan") - p < 40) {
			plan_bundle_free(cache); /* units and tasks may change */
			rc = exchange_import_plan(db, name, text, len, mode, flags, &sf, r);
		} else {
			exchange_problem(r, name, 1,
				    tr("not a tiendo plan package or report (the first row must be format,tiendo-plan,%d or format,tiendo-report,%d; format 1 is read too)"),
				    PLANFILE_FORMAT, REPORT_FORMAT);
			rc = exchange_refuse(r);
		}
	}
	signfile_free(&sf);
	free(text);
	plan_bundle_free(&own);
	return hold_key(db, name, flags, rc, r);
}
