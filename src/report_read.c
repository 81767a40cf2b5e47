/* SPDX-License-Identifier: MIT */
/* Reading a unit report file (docs/exchange.md) row by row and verifying it:
 * its frame (format row first, end row last, row count, checksum, see
 * report.c) and every field of its data rows. */
#include "report.h"

#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "date.h"
#include "entry_check.h"
#include "msg.h"
#include "period.h"
#include "report_internal.h"
#include "signfile.h"
#include "text.h"

#define MAX_PROBLEMS 40

enum { ENTRY_FIELDS = 14, VALUE_FIELDS = 11, RECEIPT_FIELDS = 4, REPORT_FIELDS = 9 };

struct parser {
	const char *name;
	struct strvec *problems;
	int line;
	struct report *r;
	size_t cap_e, cap_v, cap_r;
	bool rows; /* reading data rows: their texts go to the pool */
	bool proven; /* the text is valid UTF-8 in NFC (report_parse_text) */
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

/* A copy of s: in the pool for the rows' texts, else allocated. */
static char *keep(struct parser *p, const char *s)
{
	return p->rows ? report_pool_dup(&p->r->pool, s) : xstrdup(s);
}

static char *take_code(struct parser *p, const char *what, const char *s)
{
	if (!code_valid(s)) {
		problem(p, tr("%s '%.40s' is not a valid code"), tr(what), s);
		return NULL;
	}
	return keep(p, s);
}

/* A text field, checked and canonicalised (text_clean); s may be changed. */
static char *take_text(struct parser *p, const char *what, char *s, unsigned flags)
{
	const char *why = NULL;
	if (strlen(s) > PROGRESS_TEXT_MAX) { /* one limit for set and import */
		problem(p, tr("the %s is too long: %zu bytes, at most %d"), tr(what), strlen(s),
			PROGRESS_TEXT_MAX);
		return NULL;
	}
	if (p->proven) { /* the file-level pass proved UTF-8 and NFC: no copy, no re-check */
		if (text_clean_proven(s, flags, &why))
			return keep(p, s);
		problem(p, tr("%s: %s"), tr(what), tr(why));
		return NULL;
	}
	char *t = text_clean(s, flags, &why);
	if (!t)
		problem(p, tr("%s: %s"), tr(what), tr(why));
	if (t && p->rows) {
		char *k = keep(p, t);
		free(t);
		return k;
	}
	return t;
}

static bool take_stamp(struct parser *p, const char *what, const char *s, char **out)
{
	if (!date_stamp_valid(s)) {
		problem(p, tr("%s '%.30s' is not a time like 2026-06-10T08:30:00Z"), tr(what), s);
		return false;
	}
	*out = keep(p, s);
	return true;
}

/* An optional whole number in [lo, hi]; -1 when empty. With rule set, any
 * number from lo on is taken and the rule `tiendo set` obeys (entry_check)
 * refuses one above hi in its own words, as set does; this names hi only
 * for what is no such number at all. */
static bool take_opt_int(struct parser *p, const char *what, const char *s, long long lo,
			 long long hi, bool rule, long long *out)
{
	*out = -1;
	if (!*s)
		return true;
	if (!parse_int(s, lo, rule ? LLONG_MAX : hi, out)) {
		problem(p, tr("%s '%.30s' is not a whole number from %lld to %lld"), tr(what), s, lo, hi);
		return false;
	}
	return true;
}

static bool take_period(struct parser *p, const char *s)
{
	struct period per;
	char buf[PERIOD_BUF];
	if (p->r->period && strcmp(s, p->r->period) == 0)
		return true; /* the report's own, as written: already read and canonical */
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

/* A value row's period: the report's, or a longer one containing it (a
 * yearly value in a half-year report); NULL means the report's own. */
static char *take_value_period(struct parser *p, const char *s)
{
	struct period per, rp;
	char buf[PERIOD_BUF];
	if (p->r->period && strcmp(s, p->r->period) == 0)
		return NULL;
	if (!p->r->period || !period_parse(s, &per) || !period_parse(p->r->period, &rp) ||
	    !period_within(&rp, &per) || per.type == rp.type) {
		take_period(p, s);
		return NULL;
	}
	period_format(&per, buf);
	return keep(p, buf);
}

static bool take_revision(struct parser *p, const char *s, long long *out)
{
	if (!parse_int(s, 1, 1000000000000LL, out)) {
		problem(p, tr("revision '%.20s' is not a whole number from 1"), s);
		return false;
	}
	return true;
}

/* xgrow by a quarter rather than double: a big report's arrays stay near
 * their size (memory under 3x the file's size, tests/cli/import_sizes.sh). */
static void grow(void **v, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return;
	size_t c = *cap < 64 ? 64 : *cap + *cap / 4;
	*v = xrealloc(*v, c * size);
	*cap = c;
}

static void rec_report(struct parser *p, char **f)
{
	struct report *r = p->r;
	long long v;
	struct period per;
	char buf[PERIOD_BUF];
	r->header_line = p->line;
	r->sender = take_code(p, N_("sender"), f[1]);
	r->plan = take_code(p, N_("plan"), f[2]);
	if (!parse_int(f[3], 1, 1000000, &v))
		problem(p, tr("plan version '%.20s' is not a whole number from 1"), f[3]);
	r->plan_version = (int)v;
	if (!period_parse(f[4], &per)) {
		problem(p, tr("period '%.20s' is not a period code (2026, 2026S1, 2026Q1, 202606)"), f[4]);
	} else {
		period_format(&per, buf);
		r->period = xstrdup(buf);
	}
	take_stamp(p, N_("export time"), f[5], &r->exported_at);
	/* A new unit describes itself: kind, parent and name, all three. */
	if (*f[6] || *f[7] || *f[8]) {
		enum unit_kind k;
		if (!unit_kind_parse(f[6], &k) || k == UNIT_GROUP)
			problem(p, tr("sender kind '%.30s' is not a unit kind"), f[6]);
		r->sender_kind = xstrdup(f[6]);
		r->sender_parent = take_code(p, N_("sender's parent"), f[7]);
		r->sender_name = take_text(p, N_("sender's name"), f[8], 0);
		if (!r->sender_name || !*r->sender_name)
			problem(p, "%s", tr("the sender's name is empty"));
	}
}

/* The key of an entry or value row: unit, item (task or indicator), period, revision. */
static void take_row_key(struct parser *p, char **f, const char *item_name, char **unit,
			 char **item, long long *revision)
{
	long long v;
	*unit = take_code(p, N_("unit"), f[1]);
	*item = take_code(p, item_name, f[2]);
	take_period(p, f[3]);
	if (take_revision(p, f[4], &v))
		*revision = v;
}

static void rec_entry(struct parser *p, char **f)
{
	struct report *r = p->r;
	grow((void **)&r->entries, &p->cap_e, r->n_entries + 1, sizeof *r->entries);
	struct report_entry *x = &r->entries[r->n_entries++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	x->en.percent = -1;
	x->en.count = -1;
	long long v;
	take_row_key(p, f, N_("task"), &x->unit, &x->task, &x->en.revision);
	if (!status_parse(f[5], &x->en.status))
		problem(p, tr("status '%.30s' is not one of not-started, in-progress, done, blocked"), f[5]);
	if (take_opt_int(p, N_("percent"), f[6], 0, 100, false, &v))
		x->en.percent = (int)v;
	take_opt_int(p, N_("count"), f[7], 0, ENTRY_NUMBER_MAX, true, &x->en.count);
	x->en.result = take_text(p, N_("result"), f[8], TEXT_MULTILINE);
	x->en.difficulties = take_text(p, N_("difficulties"), f[9], TEXT_MULTILINE);
	x->en.proposals = take_text(p, N_("proposals"), f[10], TEXT_MULTILINE);
	x->en.evidence = take_text(p, N_("evidence"), f[11], TEXT_MULTILINE);
	x->en.by = take_text(p, N_("entered by"), f[12], 0);
	take_stamp(p, N_("entry time"), f[13], &x->en.at);
}

static void rec_value(struct parser *p, char **f)
{
	struct report *r = p->r;
	grow((void **)&r->values, &p->cap_v, r->n_values + 1, sizeof *r->values);
	struct report_value *x = &r->values[r->n_values++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	long long rv;
	x->unit = take_code(p, N_("unit"), f[1]);
	x->indicator = take_code(p, N_("indicator"), f[2]);
	x->period = take_value_period(p, f[3]);
	if (take_revision(p, f[4], &rv))
		x->v.revision = rv;
	take_opt_int(p, N_("numerator"), f[5], 0, ENTRY_NUMBER_MAX, true, &x->v.numerator);
	take_opt_int(p, N_("denominator"), f[6], 1, ENTRY_NUMBER_MAX, true, &x->v.denominator);
	if (*f[7]) {
		if (parse_num(f[7], &x->v.value))
			x->v.has_value = true;
		else
			problem(p, tr("value '%.30s' is not a number (write 12.5, not 12,5)"), f[7]);
	}
	x->v.note = take_text(p, N_("note"), f[8], TEXT_MULTILINE);
	x->v.by = take_text(p, N_("entered by"), f[9], 0);
	take_stamp(p, N_("entry time"), f[10], &x->v.at);
}

static void rec_receipt(struct parser *p, char **f)
{
	struct report *r = p->r;
	grow((void **)&r->receipts, &p->cap_r, r->n_receipts + 1, sizeof *r->receipts);
	struct report_receipt *x = &r->receipts[r->n_receipts++];
	memset(x, 0, sizeof *x);
	x->line = p->line;
	x->unit = take_code(p, N_("unit"), f[1]);
	take_stamp(p, N_("export time"), f[2], &x->exported_at);
	take_stamp(p, N_("import time"), f[3], &x->imported_at);
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

/* A report holds at most this many data rows (3,300 communes' half-year is
 * ~63,000 entries and 16,500 values; a province's, a few thousand), so that
 * memory stays under 3x the file's size + 32 MiB whatever the file
 * (measured: tests/cli/import_sizes.sh). */
#define REPORT_MAX_ROWS 150000

/* Reading row by row: the frame (format row first, end row last, row count,
 * checksum) is checked as the rows go by, and each data row is read into
 * the report at once; problems in the data rows are kept apart and only
 * reported when the frame is sound (a damaged file says so, not 40 bad
 * fields). An end row is held until another row shows it was not the last. */
struct reading {
	struct parser p;
	struct strvec *frame;   /* problems with the file as a whole */
	struct strvec data;     /* problems in the data rows */
	bool started, done;
	uint64_t h;
	long long rows;
	struct csv_row end;     /* the last end row seen, a copy, with its line */
	char *end_f[4];
	size_t end_used;        /* its fields up to the last non-empty one */
	int last_line;
	struct signfile_reader *sign; /* shares the pass: the signature's digest */
};

static void frame_problem(struct reading *rd, int line, const char *msg)
{
	rd->p.problems = rd->frame;
	rd->p.line = line;
	problem(&rd->p, "%s", msg);
	rd->p.problems = &rd->data;
	rd->done = true;
}

/* The first row is not a report's: name the format written now (1 is read too). */
static void not_a_report(struct reading *rd, int line)
{
	char m[160];
	snprintf(m, sizeof m, tr("not a tiendo report (the first row must be format,tiendo-report,%d; format 1 is read too)"),
		 REPORT_FORMAT);
	frame_problem(rd, line, m);
}

static void data_row(struct reading *rd, const struct csv_row *row)
{
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
	struct parser *p = &rd->p;
	struct report *out = p->r;
	if (strcmp(row->f[0], "signature") == 0)
		return; /* the signature (signfile.c) covers the rest, not itself */
	if (out->excel)
		for (size_t j = 1; j < row->n; j++)
			csvio_unneutralise(row->f[j]);
	rd->h = report_hash_row(rd->h, (const char *const *)row->f, row->n);
	if (strcmp(row->f[0], "report") != 0 && ++rd->rows > REPORT_MAX_ROWS) {
		char m[120];
		snprintf(m, sizeof m, tr("more than %d data rows: not a report this program can take"),
			 REPORT_MAX_ROWS);
		frame_problem(rd, row->line, m);
		return;
	}
	p->line = row->line;
	size_t k;
	for (k = 0; k < ARRAY_LEN(recs); k++)
		if (strcmp(row->f[0], recs[k].type) == 0)
			break;
	if (k == ARRAY_LEN(recs)) {
		problem(p, tr("unknown record type '%.40s'"), row->f[0]);
		return;
	}
	if (k == 0 ? out->header_line != 0 : out->header_line == 0) {
		problem(p, "%s", k == 0 ? tr("a second report row (a file holds one report)")
					: tr("the report row must come before the data rows"));
		return;
	}
	size_t used = used_fields(row);
	if (used > recs[k].fields) {
		problem(p, strchr("aeio", recs[k].type[0]) ? tr("an %s row has %zu fields, expected %zu")
							    : tr("a %s row has %zu fields, expected %zu"),
			recs[k].type, used, recs[k].fields);
		return;
	}
	/* Pad a short row (its missing fields were empty trailing ones). */
	char *f[ENTRY_FIELDS];
	static char empty[] = "";
	for (size_t j = 0; j < recs[k].fields; j++)
		f[j] = j < row->n ? row->f[j] : empty;
	p->rows = k != 0;
	recs[k].fn(p, f);
	p->rows = false;
}

static void hold_end(struct reading *rd, const struct csv_row *row)
{
	for (size_t j = 0; j < ARRAY_LEN(rd->end_f); j++) {
		free(rd->end_f[j]);
		rd->end_f[j] = j < row->n ? xstrdup(row->f[j]) : NULL;
	}
	rd->end.f = rd->end_f;
	rd->end.n = row->n < ARRAY_LEN(rd->end_f) ? row->n : ARRAY_LEN(rd->end_f);
	rd->end.line = row->line;
	rd->end_used = used_fields(row);
}

static int on_report_row(void *arg, const struct csv_row *row)
{
	struct reading *rd = arg;
	struct report *out = rd->p.r;
	if (rd->sign) /* first: the row as read */
		signfile_reader_row(rd->sign, row);
	if (row_blank(row))
		return 0;
	rd->last_line = row->line;
	if (!rd->started) {
		rd->started = true;
		long long fv;
		size_t used = used_fields(row);
		rd->p.line = row->line;
		if (used < 3 || strcmp(row->f[0], "format") != 0 ||
		    strcmp(row->f[1], "tiendo-report") != 0) {
			not_a_report(rd, row->line);
		} else if (!parse_int(row->f[2], 1, 1000000, &fv)) {
			char m[120];
			snprintf(m, sizeof m, tr("bad format version '%.20s'"), row->f[2]);
			frame_problem(rd, row->line, m);
		} else if (fv > REPORT_FORMAT) {
			char m[160];
			snprintf(m, sizeof m, tr("report format %lld is newer than this tiendo understands (%d); update tiendo"),
				 fv, REPORT_FORMAT);
			frame_problem(rd, row->line, m);
		} else if (used > 4 || (used == 4 && strcmp(row->f[3], "excel") != 0)) {
			char m[120];
			snprintf(m, sizeof m, tr("unknown flavour '%.20s' (expected excel or nothing)"), row->f[3]);
			frame_problem(rd, row->line, m);
		}
		out->excel = used == 4;
		return rd->done;
	}
	if (rd->end.line) {
		/* The end row held was not the last row: it is data after all. */
		struct csv_row held = rd->end;
		rd->end.line = 0;
		data_row(rd, &held);
	}
	if (strcmp(row->f[0], "end") == 0)
		hold_end(rd, row);
	else
		data_row(rd, row);
	return rd->done;
}

/* The end row against what was read. */
static void check_end(struct reading *rd)
{
	const struct csv_row *er = &rd->end;
	long long want_rows;
	uint64_t want_sum = 0;
	char *endp = NULL;
	if (!rd->started) {
		not_a_report(rd, 1);
		return;
	}
	if (!er->line) {
		frame_problem(rd, rd->last_line, tr("the file ends before its end row: it was cut short (truncated) on the way; ask for it again"));
		return;
	}
	if (rd->p.r->excel && rd->end_used == 3)
		csvio_unneutralise(rd->end_f[2]); /* the checksum protected from a spreadsheet */
	if (rd->end_used != 3 || !parse_int(er->f[1], 0, 100000000, &want_rows) ||
	    strlen(er->f[2]) != 16 || (want_sum = strtoull(er->f[2], &endp, 16), *endp)) {
		frame_problem(rd, er->line, tr("the end row must be end,ROWS,CHECKSUM"));
		return;
	}
	if (rd->rows != want_rows) {
		char m[300];
		snprintf(m, sizeof m,
			 trn(N_("the file holds %lld row but its end row says %lld: rows were lost or added on the way; ask for it again"),
			     N_("the file holds %lld rows but its end row says %lld: rows were lost or added on the way; ask for it again"),
			     (unsigned long long)rd->rows),
			 rd->rows, want_rows);
		frame_problem(rd, er->line, m);
		return;
	}
	if (rd->h != want_sum) {
		frame_problem(rd, er->line, tr("the content does not match the file's checksum: it was changed after export (a report opened in a spreadsheet must be exported with --excel, and saved as CSV UTF-8 or CSV); ask for it again"));
		return;
	}
	rd->p.r->checksum = rd->h;
}

int report_parse(const char *buf, size_t n, const char *name, struct report *out,
		 struct strvec *problems)
{
	return report_parse_text(buf, n, false, NULL, name, out, problems);
}

int report_parse_text(const char *buf, size_t n, bool proven, struct signfile_reader *sign,
		      const char *name, struct report *out, struct strvec *problems)
{
	struct err e;
	struct reading rd = {.p = {.name = name, .r = out, .proven = proven}, .frame = problems,
			     .h = HASH_FNV_INIT, .sign = sign};
	rd.p.problems = &rd.data;
	size_t before = problems->n;
	memset(out, 0, sizeof *out);
	if (csvio_parse_rows(buf, n, name, 0, NULL, on_report_row, &rd, NULL, NULL, &e)) {
		sv_push(problems, e.msg);
	} else if (!rd.done) {
		if (sign)
			signfile_reader_whole(sign); /* every row was read */
		check_end(&rd);
		if (!rd.done) {
			for (size_t i = 0; i < rd.data.n; i++)
				sv_push(problems, rd.data.v[i]);
			if (!out->header_line) {
				rd.p.problems = problems;
				rd.p.line = 0;
				problem(&rd.p, "%s", tr("the report row is missing"));
			}
		}
	}
	sv_free(&rd.data);
	for (size_t j = 0; j < ARRAY_LEN(rd.end_f); j++)
		free(rd.end_f[j]);
	if (problems->n > before) {
		report_free(out);
		return -1;
	}
	return 0;
}

