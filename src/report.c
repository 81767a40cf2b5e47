/* SPDX-License-Identifier: MIT */
/* The unit report file (docs/exchange.md): written, read back and verified.
 *
 * A report is CSV: a format row, one report row (sender, plan, version,
 * period, export time), then entry, value and receipt rows, and an end row
 * with the number of data rows and a checksum. The checksum covers the
 * report row and the data rows as values, not bytes: each row's fields
 * (trailing empty ones dropped, CRLF read as LF) joined by US and ended by
 * RS, hashed with 64-bit FNV-1a. So a file that a spreadsheet re-saved with
 * another separator, line end, quoting, BOM or legacy encoding still checks,
 * while a file cut short or with a changed cell does not. Comment rows
 * (first field starting with #) are not covered: they are column headings. */
#include "report.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "report_internal.h"
#include "date.h"
#include "db_internal.h"
#include "humanfmt.h"
#include "progress_rows.h"
#include "msg.h"
#include "period.h"
#include "signfile.h"
#include "text.h"



struct report_pool {
	struct report_pool *next;
	size_t used, cap;
	char data[];
};

char *report_pool_dup(struct report_pool **pool, const char *s)
{
	size_t n = strlen(s) + 1;
	struct report_pool *b = *pool;
	if (!b || b->cap - b->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		b = xmalloc(sizeof *b + cap);
		b->next = *pool;
		b->used = 0;
		b->cap = cap;
		*pool = b;
	}
	char *d = b->data + b->used;
	memcpy(d, s, n);
	b->used += n;
	return d;
}

static void pool_free(struct report_pool *b)
{
	while (b) {
		struct report_pool *next = b->next;
		free(b);
		b = next;
	}
}

/* A row built here (not from a parsed file's pool). */
static void entry_row_free(struct report_entry *x)
{
	free(x->unit);
	free(x->task);
	entry_free(&x->en);
}

static void value_row_free(struct report_value *x)
{
	free(x->unit);
	free(x->indicator);
	free(x->period);
	ivalue_free(&x->v);
}

void report_free(struct report *r)
{
	free(r->sender);
	free(r->plan);
	free(r->period);
	free(r->exported_at);
	free(r->sender_kind);
	free(r->sender_parent);
	free(r->sender_name);
	if (r->pool) {
		/* a parsed report: the rows' texts are in the pool */
		free(r->entries);
		free(r->values);
		free(r->receipts);
		pool_free(r->pool);
		memset(r, 0, sizeof *r);
		return;
	}
	for (size_t i = 0; i < r->n_entries; i++)
		entry_row_free(&r->entries[i]);
	free(r->entries);
	for (size_t i = 0; i < r->n_values; i++)
		value_row_free(&r->values[i]);
	free(r->values);
	for (size_t i = 0; i < r->n_receipts; i++) {
		free(r->receipts[i].unit);
		free(r->receipts[i].exported_at);
		free(r->receipts[i].imported_at);
	}
	free(r->receipts);
	memset(r, 0, sizeof *r);
}

uint64_t report_hash_row(uint64_t h, const char *const *f, size_t n)
{
	while (n > 0 && (!f[n - 1] || !f[n - 1][0]))
		n--;
	static const char us = 0x1f, rs = 0x1e, lf = '\n';
	for (size_t i = 0; i < n; i++) {
		if (i)
			h = hash_fnv1a(h, &us, 1);
		/* runs between CRs at once; a CR (or CRLF) counts as LF */
		const char *p = f[i];
		for (;;) {
			size_t k = strcspn(p, "\r");
			h = hash_fnv1a(h, p, k);
			p += k;
			if (!*p)
				break;
			h = hash_fnv1a(h, &lf, 1);
			p += p[1] == '\n' ? 2 : 1;
		}
	}
	return hash_fnv1a(h, &rs, 1);
}

/* A number that reads back as the same double. */
static void num_exact(char *buf, size_t n, double v)
{
	snprintf(buf, n, "%.15g", v);
	if (strtod(buf, NULL) != v)
		snprintf(buf, n, "%.17g", v);
}

static void int_or_empty(char *buf, size_t n, long long v)
{
	if (v < 0)
		buf[0] = '\0';
	else
		snprintf(buf, n, "%lld", v);
}

struct writer {
	struct strbuf *b;
	unsigned flags;
	uint64_t h;
	const uint8_t *sk;   /* sign as it writes (NULL: unsigned) */
	struct sign_hash sh; /* the signature's digest of the same rows */
	size_t rows;
	int part; /* parts headed so far: 1 entries, 2 values, 3 receipts */
};

/* Write a row; data rows (not comments, not the format row) go into the checksum. */
static void put(struct writer *w, bool counted, bool hashed, const char *const *f, size_t n)
{
	csvio_write_row(w->b, f, n, w->flags);
	if (hashed)
		w->h = report_hash_row(w->h, f, n);
	if (hashed && w->sk)
		signfile_hash_row(&w->sh, f, n);
	if (counted)
		w->rows++;
}

static void write_head(struct writer *w, const struct report *r)
{
	char fmt[8], ver[16];
	snprintf(fmt, sizeof fmt, "%d", REPORT_FORMAT);
	snprintf(ver, sizeof ver, "%d", r->plan_version);
	if (w->flags & CSVW_EXCEL)
		sb_add(w->b, "\xEF\xBB\xBF");
	const char *format[] = {"format", "tiendo-report", fmt, "excel"};
	if (w->sk)
		sign_hash_init(&w->sh, "tiendo-report");
	unsigned flags = w->flags;
	w->flags &= ~(unsigned)CSVW_NUMBERS; /* read before the flavour is known */
	put(w, false, false, format, (w->flags & CSVW_EXCEL) ? 4 : 3);
	w->flags = flags;
	/* a new unit describes itself (kind, parent, name); others keep six fields */
	size_t nf = r->sender_name ? 9 : 6;
	const char *head[] = {"#report", "sender", "plan", "plan_version", "period", "exported_at",
			      "sender_kind", "sender_parent", "sender_name"};
	put(w, false, false, head, nf);
	const char *rep[] = {"report", r->sender, r->plan, ver, r->period, r->exported_at,
			     r->sender_kind, r->sender_parent, r->sender_name};
	put(w, false, true, rep, nf);
}

/* The comment row that heads a part, before its first row. */
static void write_part(struct writer *w, int part)
{
	static const char *const heads[3][14] = {
		{"#entry", "unit", "task", "period", "revision", "status", "percent", "count", "result",
		 "difficulties", "proposals", "evidence", "entered_by", "entered_at"},
		{"#value", "unit", "indicator", "period", "revision", "numerator", "denominator", "value",
		 "note", "entered_by", "entered_at"},
		{"#receipt", "unit", "exported_at", "imported_at"},
	};
	static const size_t n[3] = {14, 11, 4};
	if (w->part > part)
		return;
	w->part = part + 1;
	put(w, false, false, heads[part], n[part]);
}

static void write_entry(struct writer *w, const char *period, const struct report_entry *x)
{
	char rev[24], pct[16], cnt[24];
	write_part(w, 0);
	snprintf(rev, sizeof rev, "%lld", x->en.revision);
	int_or_empty(pct, sizeof pct, x->en.percent);
	int_or_empty(cnt, sizeof cnt, x->en.count);
	const char *f[] = {"entry", x->unit, x->task, period, rev, status_name(x->en.status),
			   pct, cnt, x->en.result, x->en.difficulties, x->en.proposals,
			   x->en.evidence, x->en.by, x->en.at};
	put(w, true, true, f, ARRAY_LEN(f));
}

static void write_value(struct writer *w, const char *period, const struct report_value *x)
{
	char rev[24], num[24], den[24], val[40] = "";
	write_part(w, 1);
	snprintf(rev, sizeof rev, "%lld", x->v.revision);
	int_or_empty(num, sizeof num, x->v.numerator);
	int_or_empty(den, sizeof den, x->v.denominator);
	if (x->v.has_value)
		num_exact(val, sizeof val, x->v.value);
	const char *f[] = {"value", x->unit, x->indicator, x->period ? x->period : period, rev, num,
			   den, val, x->v.note, x->v.by, x->v.at};
	put(w, true, true, f, ARRAY_LEN(f));
}

static void write_receipt(struct writer *w, const struct report_receipt *x)
{
	write_part(w, 2);
	const char *f[] = {"receipt", x->unit, x->exported_at, x->imported_at};
	put(w, true, true, f, ARRAY_LEN(f));
}

static void write_end(struct writer *w)
{
	char rows[24], sum[24];
	snprintf(rows, sizeof rows, "%zu", w->rows);
	snprintf(sum, sizeof sum, "%016" PRIx64, w->h);
	unsigned flags = w->flags;
	w->flags &= ~(unsigned)CSVW_NUMBERS; /* read as it is, like the format row */
	if (w->sk) { /* signfile.h: the signature row, just before the end row */
		char pkh[SIGN_PUBLIC_HEX], sigh[SIGN_HEX];
		signfile_signature(&w->sh, w->sk, pkh, sigh);
		const char *sig[] = {"signature", "ed25519", pkh, sigh};
		put(w, false, false, sig, ARRAY_LEN(sig));
	}
	/* The row count is a number and stays one. The checksum is 16 hex
	 * digits: about one in 800 is digits only or digits around an e, which
	 * a spreadsheet turns into a number (leading zeros lost, or scientific)
	 * and re-saves so: in the Excel flavour it is protected as the texts
	 * are (check_end in report_read.c undoes it). */
	const char *cells[] = {sum};
	sb_addf(w->b, "end,%s,", rows);
	csvio_write_row(w->b, cells, 1, flags);
}

void report_write(struct report *r, bool excel, struct strbuf *b)
{
	struct writer w = {.b = b, .flags = excel ? CSVW_EXCEL | CSVW_NUMBERS : 0, .h = HASH_FNV_INIT};
	write_head(&w, r);
	for (size_t i = 0; i < r->n_entries; i++)
		write_entry(&w, r->period, &r->entries[i]);
	for (size_t i = 0; i < r->n_values; i++)
		write_value(&w, r->period, &r->values[i]);
	for (size_t i = 0; i < r->n_receipts; i++)
		write_receipt(&w, &r->receipts[i]);
	write_end(&w);
	r->checksum = w.h;
}

char *report_file_name(const char *unit, const char *period, const char *stamp, bool excel)
{
	struct strbuf b = {0};
	char day[9];
	fmt_file_day(stamp, day);
	sb_addf(&b, "baocao_%s_%s_%s%s.csv", unit, period, day, excel ? "_excel" : "");
	return sb_take(&b);
}

/* ---- building from the database ---- */

static int cmp_text(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "");
}

bool report_entry_same(const struct entry *a, const struct entry *b)
{
	return a->status == b->status && a->percent == b->percent && a->count == b->count &&
	       !cmp_text(a->result, b->result) && !cmp_text(a->difficulties, b->difficulties) &&
	       !cmp_text(a->proposals, b->proposals) && !cmp_text(a->evidence, b->evidence);
}

bool report_value_same(const struct ivalue *a, const struct ivalue *b)
{
	return a->numerator == b->numerator && a->denominator == b->denominator &&
	       a->has_value == b->has_value && (!a->has_value || a->value == b->value) &&
	       !cmp_text(a->note, b->note);
}

uint64_t report_entry_digest(const struct entry *en)
{
	char pct[16], cnt[24];
	int_or_empty(pct, sizeof pct, en->percent);
	int_or_empty(cnt, sizeof cnt, en->count);
	const char *f[] = {status_name(en->status), pct, cnt, en->result ? en->result : "",
			   en->difficulties ? en->difficulties : "", en->proposals ? en->proposals : "",
			   en->evidence ? en->evidence : ""};
	return report_hash_row(HASH_FNV_INIT, f, ARRAY_LEN(f));
}

uint64_t report_value_digest(const struct ivalue *v)
{
	char num[24], den[24], val[40] = "";
	int_or_empty(num, sizeof num, v->numerator);
	int_or_empty(den, sizeof den, v->denominator);
	if (v->has_value)
		num_exact(val, sizeof val, v->value);
	const char *f[] = {num, den, val, v->note ? v->note : ""};
	return report_hash_row(HASH_FNV_INIT, f, ARRAY_LEN(f));
}

/* Mark every unit under a marked one (a parent is not always stored before
 * its children, so repeat until nothing changes: the tree is shallow). */
static bool own_down(const struct unit_set *units, bool *own)
{
	bool any = false, changed = true;
	for (size_t round = 0; changed && round <= units->n; round++) {
		changed = false;
		for (size_t i = 0; i < units->n; i++) {
			if (own[i] || !units->v[i].parent_id)
				continue;
			const struct unit_rec *p = unit_set_by_id(units, units->v[i].parent_id);
			if (p && own[p - units->v])
				own[i] = changed = any = true;
		}
	}
	return any;
}

bool *report_owned_units(const struct unit_set *units, const struct rule_list *rules,
			 const struct unit_rec *sender)
{
	bool *own = xcalloc(units->n ? units->n : 1, sizeof *own);
	own[sender - units->v] = true;
	/* Most senders are communes: nothing under them, nobody reporting to them. */
	bool alone = !unit_set_has_child(units, sender);
	for (size_t r = 0; r < rules->n && alone; r++)
		alone = strcmp(rules->v[r].to, sender->code) != 0;
	if (alone)
		return own;
	own_down(units, own);
	/* Reporting lines, followed down until nothing changes (at most one
	 * round per unit, so a cycle in the regime cannot loop). */
	for (size_t round = 0, changed = 1; changed && round <= units->n; round++) {
		changed = 0;
		for (size_t r = 0; r < rules->n; r++) {
			const struct unit_rec *to = unit_set_find(units, rules->v[r].to);
			if (!to || !own[to - units->v])
				continue;
			for (size_t i = 0; i < units->n; i++) {
				const struct unit_rec *u = &units->v[i];
				if (own[i] || u->kind == UNIT_GROUP ||
				    !unit_list_covers(units, rules->v[r].reporters, u))
					continue;
				own[i] = true;
				changed = 1;
			}
		}
		if (own_down(units, own))
			changed = 1;
	}
	return own;
}

/* A report being built: its rows and their capacities; or, with w, being
 * written as its rows are read (none kept), counts[3] the rows written. */
struct built {
	struct report *r;
	size_t cap_e, cap_v;
	struct writer *w;
	size_t *counts;
};

/* The rows of st (unit id, item code, then an entry's or a value's columns)
 * of the units in own, each added to out by add. */
static int owned_rows(struct db *db, sqlite3_stmt *st, const struct unit_set *units,
		      const bool *own, void (*add)(struct built *, const char *, sqlite3_stmt *),
		      struct built *out, struct err *e)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct unit_rec *u = unit_set_by_id(units, sqlite3_column_int64(st, 0));
		if (u && own[u - units->v])
			add(out, u->code, st);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

static void add_entry(struct built *b, const char *unit, sqlite3_stmt *st);

static int cmp_id(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
	return (x > y) - (x < y);
}

/* The entries of the units in own, unit by unit in id order, each in plan
 * order: every unit through the unique index (unit_id, task_id, period),
 * which also serves a commune answering for itself alone; progress has no
 * index by period (issue 15: each one costs every entry an import writes). */
static int owned_entries(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
			 const bool *own, const char *period, struct built *bu, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT p.unit_id, t.code, p.status, p.percent, p.count,"
				       " p.result, p.difficulties, p.proposals, p.evidence, p.entered_by,"
				       " p.entered_at, p.revision FROM progress p JOIN task t"
				       " ON t.id = p.task_id WHERE t.plan_id = ?1 AND p.period = ?2"
				       " AND p.unit_id = ?3 ORDER BY t.seq", e);
	if (!st)
		return -1;
	int64_t *ids = xmalloc((units->n ? units->n : 1) * sizeof *ids);
	size_t n = 0;
	for (size_t i = 0; i < units->n; i++)
		if (own[i])
			ids[n++] = units->v[i].id;
	qsort(ids, n, sizeof *ids, cmp_id);
	sqlite3_bind_int64(st, 1, plan->id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		sqlite3_bind_int64(st, 3, ids[i]);
		rc = owned_rows(db, st, units, own, add_entry, bu, e);
	}
	free(ids);
	return rc;
}

/* Each row read is written at once (b->w), or kept in the report. */
static void add_entry(struct built *b, const char *unit, sqlite3_stmt *st)
{
	struct report_entry x = {.unit = xstrdup(unit), .task = xstrdup(db_col_text(st, 1))};
	entry_from_columns(st, 2, &x.en);
	if (!b->w) {
		xgrow((void **)&b->r->entries, &b->cap_e, b->r->n_entries + 1, sizeof *b->r->entries);
		b->r->entries[b->r->n_entries++] = x;
		return;
	}
	write_entry(b->w, b->r->period, &x);
	b->counts[0]++;
	entry_row_free(&x);
}

static void add_value(struct built *b, const char *unit, sqlite3_stmt *st)
{
	struct report_value x = {.unit = xstrdup(unit), .indicator = xstrdup(db_col_text(st, 1))};
	ivalue_from_columns(st, 2, &x.v);
	/* a longer period's value (the year's) keeps its period in the row */
	if (strcmp(db_col_text(st, 9), b->r->period) != 0)
		x.period = xstrdup(db_col_text(st, 9));
	if (!b->w) {
		xgrow((void **)&b->r->values, &b->cap_v, b->r->n_values + 1, sizeof *b->r->values);
		b->r->values[b->r->n_values++] = x;
		return;
	}
	write_value(b->w, b->r->period, &x);
	b->counts[1]++;
	value_row_free(&x);
}

/* A column's text kept (copied), or used at once by a row being written. */
static char *col(struct writer *w, const char *s)
{
	return w ? (char *)(uintptr_t)s : xstrdup(s); /* written at once, never freed */
}

/* Bind ?4..?6 to the periods enclosing period (the rule of docs/exchange.md:
 * a report carries the values of its period and of the longer ones containing
 * it); the unused ones stay NULL and match nothing. */
static void bind_enclosing(sqlite3_stmt *st, const char *period)
{
	struct period p, enc[3];
	char buf[PERIOD_BUF];
	if (!period_parse(period, &p))
		return;
	int n = period_enclosing(&p, enc);
	for (int i = 0; i < n; i++) {
		period_format(&enc[i], buf);
		sqlite3_bind_text(st, 4 + i, buf, -1, SQLITE_TRANSIENT);
	}
}

/* A unit this database added itself (set up with a new commune) describes
 * itself, so that the receiver can add it (docs/exchange.md). */
static void describe_sender(struct db *db, const struct unit_set *units,
			    const struct unit_rec *sender, struct report *out)
{
	char *added = db_meta_get(db, "added_unit");
	const struct unit_rec *par = sender->parent_id ? unit_set_by_id(units, sender->parent_id) : NULL;
	if (added && par && strcmp(added, sender->code) == 0) {
		out->sender_kind = xstrdup(unit_kind_name(sender->kind));
		out->sender_parent = xstrdup(par->code);
		out->sender_name = xstrdup(sender->name);
	}
	free(added);
}

/* The earliest report each unit below sender (own: the units it answers
 * for) sent for the period: received here directly, or forwarded by a unit
 * in between. */
static int gather_receipts(struct db *db, const char *plan_code, const struct unit_set *units,
			   const struct unit_rec *sender, const bool *own, const char *period,
			   struct report *out, struct writer *w, size_t counts[3], struct err *e)
{
	size_t cap_r = 0;
	int rc;
	sqlite3_stmt *st = db_prep(db, "SELECT unit_id, min(exported_at), min(imported_at) FROM ("
			 " SELECT sender_id AS unit_id, exported_at, imported_at FROM received"
			 "  WHERE kind = 'report' AND plan_code = ?1 AND period = ?2"
			 " UNION ALL SELECT unit_id, exported_at, imported_at FROM receipt WHERE period = ?2)"
			 " GROUP BY unit_id ORDER BY unit_id", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, plan_code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct unit_rec *u = unit_set_by_id(units, sqlite3_column_int64(st, 0));
		if (!u || !own[u - units->v] || u->id == sender->id)
			continue;
		struct report_receipt one, *x = &one;
		if (!w) {
			xgrow((void **)&out->receipts, &cap_r, out->n_receipts + 1, sizeof *out->receipts);
			x = &out->receipts[out->n_receipts++];
		}
		x->unit = col(w, u->code);
		x->exported_at = col(w, db_col_text(st, 1));
		x->imported_at = col(w, db_col_text(st, 2));
		x->line = 0;
		if (w) {
			write_receipt(w, x);
			counts[2]++;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

/* report_build, or with w the same rows written as they are read (out then
 * holds the report row's fields and no rows; counts[3] the rows written). */
static int gather(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		  const struct unit_rec *sender, const char *period, const char *stamp,
		  struct report *out, struct writer *w, size_t counts[3], struct err *e)
{
	struct rule_list rules;
	bool *own = NULL;
	memset(out, 0, sizeof *out);
	struct built bu = {out, 0, 0, w, counts};
	out->sender = xstrdup(sender->code);
	out->plan = xstrdup(plan->code);
	out->plan_version = plan->version;
	out->period = xstrdup(period);
	out->exported_at = xstrdup(stamp);
	describe_sender(db, units, sender, out);
	if (w)
		write_head(w, out);
	if (store_rules(db, plan->id, &rules, e))
		goto fail;
	own = report_owned_units(units, &rules, sender);
	rule_list_free(&rules);
	/* A sender that answers for itself alone (a commune) reads its own rows
	 * through the unit index, however many units the database holds. */
	size_t n_own = 0;
	for (size_t i = 0; i < units->n; i++)
		n_own += own[i];
	bool alone = n_own == 1;

	if (owned_entries(db, plan, units, own, period, &bu, e))
		goto fail;

	sqlite3_stmt *st = db_prep(db, alone
		? "SELECT v.unit_id, i.code, v.numerator, v.denominator, v.value, v.note,"
		  " v.entered_by, v.entered_at, v.revision, v.period FROM indicator_value v"
		  " JOIN indicator i ON i.id = v.indicator_id"
		  " WHERE i.plan_id = ?1 AND v.period IN (?2, ?4, ?5, ?6) AND v.unit_id = ?3"
		  " ORDER BY i.seq, v.period"
		: "SELECT v.unit_id, i.code, v.numerator, v.denominator, v.value, v.note,"
		  " v.entered_by, v.entered_at, v.revision, v.period FROM indicator_value v"
		  " JOIN indicator i ON i.id = v.indicator_id"
		  " WHERE i.plan_id = ?1 AND v.period IN (?2, ?4, ?5, ?6)"
		  " ORDER BY v.unit_id, i.seq, v.period", e);
	if (!st)
		goto fail;
	sqlite3_bind_int64(st, 1, plan->id);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	if (alone)
		sqlite3_bind_int64(st, 3, sender->id);
	bind_enclosing(st, period);
	if (owned_rows(db, st, units, own, add_value, &bu, e))
		goto fail;

	/* A lone sender has no units below it: no receipts. */
	if (alone) {
		free(own);
		return 0;
	}
	if (gather_receipts(db, plan->code, units, sender, own, period, out, w, counts, e))
		goto fail;
	free(own);
	return 0;
fail:
	free(own);
	report_free(out);
	return -1;
}

int report_build(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		 const struct unit_rec *sender, const char *period, struct report *out,
		 struct err *e)
{
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	return gather(db, plan, units, sender, period, stamp, out, NULL, NULL, e);
}

int report_export(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		  const struct unit_rec *sender, const char *period, const char *stamp, bool excel,
		  const uint8_t *sk, struct strbuf *b, size_t counts[3], uint64_t *checksum,
		  struct err *e)
{
	struct report head;
	struct writer w = {.b = b, .flags = excel ? CSVW_EXCEL | CSVW_NUMBERS : 0,
			   .h = HASH_FNV_INIT, .sk = sk};
	counts[0] = counts[1] = counts[2] = 0;
	if (gather(db, plan, units, sender, period, stamp, &head, &w, counts, e))
		return -1;
	write_end(&w);
	*checksum = w.h;
	report_free(&head);
	return 0;
}
