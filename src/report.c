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
#include "date.h"
#include "db_internal.h"
#include "progress_rows.h"
#include "msg.h"
#include "period.h"
#include "text.h"

#define MAX_PROBLEMS 40

enum { ENTRY_FIELDS = 14, VALUE_FIELDS = 11, RECEIPT_FIELDS = 4, REPORT_FIELDS = 9 };

void report_free(struct report *r)
{
	free(r->sender);
	free(r->plan);
	free(r->period);
	free(r->exported_at);
	free(r->sender_kind);
	free(r->sender_parent);
	free(r->sender_name);
	for (size_t i = 0; i < r->n_entries; i++) {
		free(r->entries[i].unit);
		free(r->entries[i].task);
		entry_free(&r->entries[i].en);
	}
	free(r->entries);
	for (size_t i = 0; i < r->n_values; i++) {
		free(r->values[i].unit);
		free(r->values[i].indicator);
		free(r->values[i].period);
		ivalue_free(&r->values[i].v);
	}
	free(r->values);
	for (size_t i = 0; i < r->n_receipts; i++) {
		free(r->receipts[i].unit);
		free(r->receipts[i].exported_at);
		free(r->receipts[i].imported_at);
	}
	free(r->receipts);
	memset(r, 0, sizeof *r);
}

/* The canonical hash of one row's values (see the top of the file). */
static uint64_t hash_row(uint64_t h, const char *const *f, size_t n)
{
	while (n > 0 && (!f[n - 1] || !f[n - 1][0]))
		n--;
	static const char us = 0x1f, rs = 0x1e, lf = '\n';
	for (size_t i = 0; i < n; i++) {
		if (i)
			h = hash_fnv1a(h, &us, 1);
		for (const char *p = f[i]; *p; p++) {
			if (*p == '\r') {
				h = hash_fnv1a(h, &lf, 1);
				if (p[1] == '\n')
					p++;
				continue;
			}
			h = hash_fnv1a(h, p, 1);
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
	size_t rows;
};

/* Write a row; data rows (not comments, not the format row) go into the checksum. */
static void put(struct writer *w, bool counted, bool hashed, const char *const *f, size_t n)
{
	csvio_write_row(w->b, f, n, w->flags);
	if (hashed)
		w->h = hash_row(w->h, f, n);
	if (counted)
		w->rows++;
}

void report_write(struct report *r, bool excel, struct strbuf *b)
{
	struct writer w = {.b = b, .flags = excel ? CSVW_EXCEL : 0, .h = HASH_FNV_INIT};
	char fmt[8], ver[16];
	snprintf(fmt, sizeof fmt, "%d", REPORT_FORMAT);
	snprintf(ver, sizeof ver, "%d", r->plan_version);
	if (excel)
		sb_add(b, "\xEF\xBB\xBF");
	const char *format[] = {"format", "tiendo-report", fmt, "excel"};
	put(&w, false, false, format, excel ? 4 : 3);
	bool described = r->sender_name != NULL;
	const char *head[] = {"#report", "sender", "plan", "plan_version", "period", "exported_at",
			      "sender_kind", "sender_parent", "sender_name"};
	put(&w, false, false, head, described ? 9 : 6);
	const char *rep[] = {"report", r->sender, r->plan, ver, r->period, r->exported_at,
			     r->sender_kind, r->sender_parent, r->sender_name};
	put(&w, false, true, rep, described ? 9 : 6);
	if (r->n_entries) {
		const char *h[] = {"#entry", "unit", "task", "period", "revision", "status", "percent",
				   "count", "result", "difficulties", "proposals", "evidence",
				   "entered_by", "entered_at"};
		put(&w, false, false, h, ARRAY_LEN(h));
	}
	for (size_t i = 0; i < r->n_entries; i++) {
		const struct report_entry *x = &r->entries[i];
		char rev[24], pct[16], cnt[24];
		snprintf(rev, sizeof rev, "%lld", x->en.revision);
		int_or_empty(pct, sizeof pct, x->en.percent);
		int_or_empty(cnt, sizeof cnt, x->en.count);
		const char *f[] = {"entry", x->unit, x->task, r->period, rev, status_name(x->en.status),
				   pct, cnt, x->en.result, x->en.difficulties, x->en.proposals,
				   x->en.evidence, x->en.by, x->en.at};
		put(&w, true, true, f, ARRAY_LEN(f));
	}
	if (r->n_values) {
		const char *h[] = {"#value", "unit", "indicator", "period", "revision", "numerator",
				   "denominator", "value", "note", "entered_by", "entered_at"};
		put(&w, false, false, h, ARRAY_LEN(h));
	}
	for (size_t i = 0; i < r->n_values; i++) {
		const struct report_value *x = &r->values[i];
		char rev[24], num[24], den[24], val[40] = "";
		snprintf(rev, sizeof rev, "%lld", x->v.revision);
		int_or_empty(num, sizeof num, x->v.numerator);
		int_or_empty(den, sizeof den, x->v.denominator);
		if (x->v.has_value)
			num_exact(val, sizeof val, x->v.value);
		const char *f[] = {"value", x->unit, x->indicator, x->period ? x->period : r->period,
				   rev, num, den, val,
				   x->v.note, x->v.by, x->v.at};
		put(&w, true, true, f, ARRAY_LEN(f));
	}
	if (r->n_receipts) {
		const char *h[] = {"#receipt", "unit", "exported_at", "imported_at"};
		put(&w, false, false, h, ARRAY_LEN(h));
	}
	for (size_t i = 0; i < r->n_receipts; i++) {
		const struct report_receipt *x = &r->receipts[i];
		const char *f[] = {"receipt", x->unit, x->exported_at, x->imported_at};
		put(&w, true, true, f, ARRAY_LEN(f));
	}
	char rows[24], sum[24];
	snprintf(rows, sizeof rows, "%zu", w.rows);
	snprintf(sum, sizeof sum, "%016" PRIx64, w.h);
	const char *end[] = {"end", rows, sum};
	put(&w, false, false, end, ARRAY_LEN(end));
	r->checksum = w.h;
}

char *report_file_name(const char *unit, const char *period, const char *stamp, bool excel)
{
	struct strbuf b = {0};
	sb_addf(&b, "baocao_%s_%s_%.4s%.2s%.2s%s.csv", unit, period, stamp, stamp + 5, stamp + 8,
		excel ? "_excel" : "");
	return sb_take(&b);
}

/* ---- reading ---- */

struct parser {
	const char *name;
	struct strvec *problems;
	int line;
	struct report *r;
	size_t cap_e, cap_v, cap_r;
};

static void problem(struct parser *p, const char *fmt, ...) TIENDO_PRINTF(2, 3);
static void problem(struct parser *p, const char *fmt, ...)
{
	if (p->problems->n >= MAX_PROBLEMS)
		return;
	char m[600];
	struct strbuf b = {0};
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	text_repair_utf8(m);
	if (p->line > 0)
		sb_addf(&b, tr("%s:%d: %s"), p->name, p->line, m);
	else
		sb_addf(&b, "%s: %s", p->name, m);
	sv_push(p->problems, b.s);
	sb_free(&b);
	if (p->problems->n == MAX_PROBLEMS)
		sv_push(p->problems, tr("(more problems not shown)"));
}

bool report_sniff(const char *buf, size_t n)
{
	static const char bom[] = "\xEF\xBB\xBF";
	if (n >= 3 && memcmp(buf, bom, 3) == 0) {
		buf += 3;
		n -= 3;
	}
	if (n > 0 && buf[0] == '"') { /* a spreadsheet may quote every cell */
		buf++;
		n--;
	}
	char head[48];
	size_t k = n < sizeof head - 1 ? n : sizeof head - 1;
	memcpy(head, buf, k);
	head[k] = '\0';
	return strncmp(head, "format", 6) == 0 && strstr(head, "tiendo-report") != NULL;
}

static char *take_code(struct parser *p, const char *what, const char *s)
{
	if (!code_valid(s)) {
		problem(p, tr("%s '%.40s' is not a valid code"), what, s);
		return NULL;
	}
	return xstrdup(s);
}

static char *take_text(struct parser *p, const char *what, const char *s, unsigned flags)
{
	const char *why = NULL;
	char *t = text_clean(s, flags, &why);
	if (!t)
		problem(p, tr("%s: %s"), what, tr(why));
	return t;
}

static bool take_stamp(struct parser *p, const char *what, const char *s, char **out)
{
	if (!date_stamp_valid(s)) {
		problem(p, tr("%s '%.30s' is not a time like 2026-06-10T08:30:00Z"), what, s);
		return false;
	}
	*out = xstrdup(s);
	return true;
}

/* An optional whole number in [lo, hi]; -1 when empty. */
static bool take_opt_int(struct parser *p, const char *what, const char *s, long long lo,
			 long long hi, long long *out)
{
	*out = -1;
	if (!*s)
		return true;
	if (!parse_int(s, lo, hi, out)) {
		problem(p, tr("%s '%.30s' is not a whole number from %lld to %lld"), what, s, lo, hi);
		return false;
	}
	return true;
}

static bool take_period(struct parser *p, const char *s)
{
	struct period per;
	char buf[PERIOD_BUF];
	if (!period_parse(s, &per)) {
		problem(p, tr("period '%.20s' is not a period code (2026, 2026S1, 2026Q1, 202606)"), s);
		return false;
	}
	period_format(&per, buf);
	if (p->r->period && strcmp(buf, p->r->period) != 0) {
		problem(p, tr("period %s differs from the report's period %s (one file per period)"),
			buf, p->r->period);
		return false;
	}
	return true;
}

/* A value row's period: the report's, or a longer one containing it (NULL then
 * means the report's own). */
static char *take_value_period(struct parser *p, const char *s)
{
	struct period per, rp;
	char buf[PERIOD_BUF];
	if (!p->r->period || !period_parse(s, &per) || !period_parse(p->r->period, &rp) ||
	    !period_within(&rp, &per) || per.type == rp.type) {
		take_period(p, s);
		return NULL;
	}
	period_format(&per, buf);
	return xstrdup(buf);
}

static bool take_revision(struct parser *p, const char *s, long long *out)
{
	if (!parse_int(s, 1, 1000000000000LL, out)) {
		problem(p, tr("revision '%.20s' is not a whole number from 1"), s);
		return false;
	}
	return true;
}

static void rec_report(struct parser *p, char **f)
{
	struct report *r = p->r;
	long long v;
	struct period per;
	char buf[PERIOD_BUF];
	r->header_line = p->line;
	r->sender = take_code(p, tr("sender"), f[1]);
	r->plan = take_code(p, tr("plan"), f[2]);
	if (!parse_int(f[3], 1, 1000000, &v))
		problem(p, tr("plan version '%.20s' is not a whole number from 1"), f[3]);
	r->plan_version = (int)v;
	if (!period_parse(f[4], &per)) {
		problem(p, tr("period '%.20s' is not a period code (2026, 2026S1, 2026Q1, 202606)"), f[4]);
	} else {
		period_format(&per, buf);
		r->period = xstrdup(buf);
	}
	take_stamp(p, tr("export time"), f[5], &r->exported_at);
	/* A new unit describes itself: kind, parent and name, all three. */
	if (*f[6] || *f[7] || *f[8]) {
		enum unit_kind k;
		if (!unit_kind_parse(f[6], &k) || k == UNIT_GROUP)
			problem(p, tr("sender kind '%.30s' is not a unit kind"), f[6]);
		r->sender_kind = xstrdup(f[6]);
		r->sender_parent = take_code(p, tr("sender's parent"), f[7]);
		r->sender_name = take_text(p, tr("sender's name"), f[8], 0);
		if (r->sender_name && !*r->sender_name)
			problem(p, "%s", tr("the sender's name is empty"));
	}
}

/* The key of an entry or value row: unit, item (task or indicator), period, revision. */
static void take_row_key(struct parser *p, char **f, const char *item_name, char **unit,
			 char **item, long long *revision)
{
	long long v;
	*unit = take_code(p, tr("unit"), f[1]);
	*item = take_code(p, item_name, f[2]);
	take_period(p, f[3]);
	if (take_revision(p, f[4], &v))
		*revision = v;
}

static void rec_entry(struct parser *p, char **f)
{
	struct report *r = p->r;
	xgrow((void **)&r->entries, &p->cap_e, r->n_entries + 1, sizeof *r->entries);
	struct report_entry *x = &r->entries[r->n_entries++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	x->en.percent = -1;
	x->en.count = -1;
	long long v;
	take_row_key(p, f, tr("task"), &x->unit, &x->task, &x->en.revision);
	if (!status_parse(f[5], &x->en.status))
		problem(p, tr("status '%.30s' is not one of not-started, in-progress, done, blocked"), f[5]);
	if (take_opt_int(p, tr("percent"), f[6], 0, 100, &v))
		x->en.percent = (int)v;
	take_opt_int(p, tr("count"), f[7], 0, 1000000000000000LL, &x->en.count);
	x->en.result = take_text(p, tr("result"), f[8], TEXT_MULTILINE);
	x->en.difficulties = take_text(p, tr("difficulties"), f[9], TEXT_MULTILINE);
	x->en.proposals = take_text(p, tr("proposals"), f[10], TEXT_MULTILINE);
	x->en.evidence = take_text(p, tr("evidence"), f[11], TEXT_MULTILINE);
	x->en.by = take_text(p, tr("entered by"), f[12], 0);
	take_stamp(p, tr("entry time"), f[13], &x->en.at);
}

static void rec_value(struct parser *p, char **f)
{
	struct report *r = p->r;
	xgrow((void **)&r->values, &p->cap_v, r->n_values + 1, sizeof *r->values);
	struct report_value *x = &r->values[r->n_values++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	long long v;
	x->unit = take_code(p, tr("unit"), f[1]);
	x->indicator = take_code(p, tr("indicator"), f[2]);
	x->period = take_value_period(p, f[3]);
	if (take_revision(p, f[4], &v))
		x->v.revision = v;
	take_opt_int(p, tr("numerator"), f[5], 0, 1000000000000000LL, &x->v.numerator);
	take_opt_int(p, tr("denominator"), f[6], 1, 1000000000000000LL, &x->v.denominator);
	if (*f[7]) {
		if (parse_num(f[7], &x->v.value))
			x->v.has_value = true;
		else
			problem(p, tr("value '%.30s' is not a number (write 12.5, not 12,5)"), f[7]);
	}
	x->v.note = take_text(p, tr("note"), f[8], TEXT_MULTILINE);
	x->v.by = take_text(p, tr("entered by"), f[9], 0);
	take_stamp(p, tr("entry time"), f[10], &x->v.at);
}

static void rec_receipt(struct parser *p, char **f)
{
	struct report *r = p->r;
	xgrow((void **)&r->receipts, &p->cap_r, r->n_receipts + 1, sizeof *r->receipts);
	struct report_receipt *x = &r->receipts[r->n_receipts++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	x->unit = take_code(p, tr("unit"), f[1]);
	take_stamp(p, tr("export time"), f[2], &x->exported_at);
	take_stamp(p, tr("import time"), f[3], &x->imported_at);
}

/* The rows that hold data: every row but comments and blank rows. */
static bool row_blank(const struct csv_row *row)
{
	if (row->n == 0 || row->f[0][0] == '#')
		return true;
	for (size_t j = 0; j < row->n; j++)
		if (row->f[j][0])
			return false;
	return true;
}

/* Fields after the last non-empty one (spreadsheets pad rows) do not count. */
static size_t used_fields(const struct csv_row *row)
{
	size_t n = row->n;
	while (n > 0 && !row->f[n - 1][0])
		n--;
	return n;
}

int report_parse(const char *buf, size_t n, const char *name, struct report *out,
		 struct strvec *problems)
{
	struct csv_table t;
	struct err e;
	struct parser p = {.name = name, .problems = problems, .r = out};
	size_t before = problems->n;
	memset(out, 0, sizeof *out);
	if (csvio_parse(buf, n, name, 0, NULL, &t, &e)) {
		sv_push(problems, e.msg);
		return -1;
	}
	/* First the frame: format, report and end rows, row count, checksum. */
	size_t first = SIZE_MAX, last = SIZE_MAX;
	for (size_t i = 0; i < t.n; i++)
		if (!row_blank(&t.rows[i])) {
			if (first == SIZE_MAX)
				first = i;
			last = i;
		}
	p.line = first == SIZE_MAX ? 1 : t.rows[first].line;
	if (first == SIZE_MAX || used_fields(&t.rows[first]) < 3 ||
	    strcmp(t.rows[first].f[0], "format") != 0 ||
	    strcmp(t.rows[first].f[1], "tiendo-report") != 0) {
		problem(&p, "%s", tr("not a tiendo report (the first row must be format,tiendo-report,1)"));
		goto out;
	}
	struct csv_row *fr = &t.rows[first];
	long long fv;
	if (!parse_int(fr->f[2], 1, 1000000, &fv)) {
		problem(&p, tr("bad format version '%.20s'"), fr->f[2]);
		goto out;
	}
	if (fv > REPORT_FORMAT) {
		problem(&p, tr("report format %lld is newer than this tiendo understands (%d); update tiendo"),
			fv, REPORT_FORMAT);
		goto out;
	}
	if (used_fields(fr) > 4 || (used_fields(fr) == 4 && strcmp(fr->f[3], "excel") != 0)) {
		problem(&p, tr("unknown flavour '%.20s' (expected excel or nothing)"), fr->f[3]);
		goto out;
	}
	out->excel = used_fields(fr) == 4;
	struct csv_row *er = &t.rows[last];
	p.line = er->line;
	if (last == first || strcmp(er->f[0], "end") != 0) {
		problem(&p, "%s", tr("the file ends before its end row: it was cut short (truncated) on the way; ask for it again"));
		goto out;
	}
	long long want_rows;
	uint64_t want_sum = 0;
	char *endp = NULL;
	if (used_fields(er) != 3 || !parse_int(er->f[1], 0, 100000000, &want_rows) ||
	    strlen(er->f[2]) != 16 || (want_sum = strtoull(er->f[2], &endp, 16), *endp)) {
		problem(&p, "%s", tr("the end row must be end,ROWS,CHECKSUM"));
		goto out;
	}
	if (out->excel)
		for (size_t i = first + 1; i < last; i++)
			for (size_t j = 1; j < t.rows[i].n; j++)
				csvio_unneutralise(t.rows[i].f[j]);
	uint64_t h = HASH_FNV_INIT;
	long long rows = 0;
	for (size_t i = first + 1; i < last; i++) {
		struct csv_row *row = &t.rows[i];
		if (row_blank(row))
			continue;
		h = hash_row(h, (const char *const *)row->f, row->n);
		if (strcmp(row->f[0], "report") != 0)
			rows++;
	}
	p.line = er->line;
	if (rows != want_rows) {
		problem(&p, tr("the file holds %lld rows but its end row says %lld: rows were lost or added on the way; ask for it again"),
			rows, want_rows);
		goto out;
	}
	if (h != want_sum) {
		problem(&p, "%s", tr("the content does not match the file's checksum: it was changed after export (a report opened in a spreadsheet must be exported with --excel, and saved as CSV UTF-8 or CSV); ask for it again"));
		goto out;
	}
	out->checksum = h;
	/* Then every row and field. */
	static const struct {
		const char *type;
		size_t fields;
		void (*fn)(struct parser *, char **);
	} recs[] = {
		{"report", REPORT_FIELDS, rec_report},
		{"entry", ENTRY_FIELDS, rec_entry},
		{"value", VALUE_FIELDS, rec_value},
		{"receipt", RECEIPT_FIELDS, rec_receipt},
	};
	for (size_t i = first + 1; i < last; i++) {
		struct csv_row *row = &t.rows[i];
		if (row_blank(row))
			continue;
		p.line = row->line;
		size_t k;
		for (k = 0; k < ARRAY_LEN(recs); k++)
			if (strcmp(row->f[0], recs[k].type) == 0)
				break;
		if (k == ARRAY_LEN(recs)) {
			problem(&p, tr("unknown record type '%.40s'"), row->f[0]);
			continue;
		}
		if (k == 0 ? out->header_line != 0 : out->header_line == 0) {
			problem(&p, "%s", k == 0 ? tr("a second report row (a file holds one report)")
						 : tr("the report row must come before the data rows"));
			continue;
		}
		size_t used = used_fields(row);
		if (used > recs[k].fields || row->n < recs[k].fields) {
			/* Pad a short row only when the missing fields were empty trailing ones. */
			if (used > recs[k].fields) {
				problem(&p, tr("a %s row has %zu fields, expected %zu"), recs[k].type, used,
					recs[k].fields);
				continue;
			}
			size_t old = row->n;
			row->f = xrealloc(row->f, recs[k].fields * sizeof *row->f);
			for (size_t j = old; j < recs[k].fields; j++)
				row->f[j] = xstrdup("");
			row->n = recs[k].fields;
		}
		recs[k].fn(&p, row->f);
	}
	if (!out->header_line) {
		p.line = 0;
		problem(&p, "%s", tr("the report row is missing"));
	}
out:
	csvio_table_free(&t);
	if (problems->n > before) {
		report_free(out);
		return -1;
	}
	return 0;
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
	return hash_row(HASH_FNV_INIT, f, ARRAY_LEN(f));
}

uint64_t report_value_digest(const struct ivalue *v)
{
	char num[24], den[24], val[40] = "";
	int_or_empty(num, sizeof num, v->numerator);
	int_or_empty(den, sizeof den, v->denominator);
	if (v->has_value)
		num_exact(val, sizeof val, v->value);
	const char *f[] = {num, den, val, v->note ? v->note : ""};
	return hash_row(HASH_FNV_INIT, f, ARRAY_LEN(f));
}
