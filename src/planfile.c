/* SPDX-License-Identifier: MIT */
/* Reading plan files (docs/plan-format.md) into the plan model.
 *
 * The file is parsed whole (csvio), then each row is checked in order: its
 * record type, its field count, each field (codes, numbers, dates, text
 * cleaned to NFC), and every reference to something declared earlier. The
 * first problem refuses the file; nothing is half-loaded because the
 * database is written only from a complete plan_def. */
#include "planfile.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "encoding.h"
#include "msg.h"
#include "text.h"
#include "xlsxread.h"

struct record_spec {
	const char *type;
	size_t required, optional; /* fields after the type */
};

enum rec { REC_FORMAT, REC_PLAN, REC_UNIT, REC_SECTION, REC_EVENT, REC_TASK, REC_INDICATOR,
	   REC_REPORT, REC_KEY, REC_SIGNATURE, REC_COUNT };

static const struct record_spec specs[REC_COUNT] = {
	[REC_FORMAT] = {"format", 2, 1},
	[REC_PLAN] = {"plan", 10, 0},
	[REC_UNIT] = {"unit", 5, 1},
	[REC_SECTION] = {"section", 2, 0},
	[REC_EVENT] = {"event", 3, 0},
	[REC_TASK] = {"task", 11, 0},
	[REC_INDICATOR] = {"indicator", 9, 0},
	[REC_REPORT] = {"report", 7, 0},
	/* Read by signfile.c: the issuer's confirmed unit keys, its signature. */
	[REC_KEY] = {"key", 2, 0},
	[REC_SIGNATURE] = {"signature", 3, 0},
};

struct ctx {
	const char *name;
	int line;
	struct err *e;
	struct plan_def *p;
	bool excel; /* the file was written with --excel: cells may carry a leading ' */
	size_t cap_units, cap_sections, cap_events, cap_tasks, cap_indicators, cap_reports;
};

static int fail(struct ctx *c, const char *msg)
{
	err_set(c->e, tr("%s:%d: %s"), c->name, c->line, msg);
	text_repair_utf8(c->e->msg); /* a clipped quote of the input may end mid-character */
	return -1;
}

static int failf(struct ctx *c, const char *fmt, ...) TIENDO_PRINTF(2, 3);
static int failf(struct ctx *c, const char *fmt, ...)
{
	char m[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	return fail(c, m);
}

/* Clean a text field into *dst (NFC). */
static int take_text(struct ctx *c, const char *field, const char *src, unsigned flags,
		     bool required, char **dst)
{
	const char *why = NULL;
	char *s = text_clean(src, flags, &why);
	if (!s) {
		char m[256];
		snprintf(m, sizeof m, tr("%s: %s"), field, tr(why));
		return fail(c, m);
	}
	if (required && !*s) {
		free(s);
		return failf(c, tr("%s must not be empty"), field);
	}
	*dst = s;
	return 0;
}

static int take_code(struct ctx *c, const char *field, const char *src, char **dst)
{
	if (!code_valid(src)) {
		char m[256];
		snprintf(m, sizeof m, tr("%s '%.40s' is not a valid code (ASCII letters, digits, - _ ., at most 32)"),
			 field, src);
		return fail(c, m);
	}
	*dst = xstrdup(src);
	return 0;
}

static bool unit_declared(const struct plan_def *p, const char *code, size_t *idx)
{
	for (size_t i = 0; i < p->n_units; i++)
		if (strcmp(p->units[i].code, code) == 0) {
			if (idx)
				*idx = i;
			return true;
		}
	return false;
}

/* A space-separated list of unit codes, each declared; store it normalised. */
static int take_units(struct ctx *c, const char *field, const char *src, bool required,
		      char **dst)
{
	struct strvec sv = {0};
	sv_split_ws(&sv, src);
	if (required && sv.n == 0) {
		sv_free(&sv);
		return failf(c, tr("%s must name at least one unit"), field);
	}
	struct strbuf b = {0};
	sb_add(&b, "");
	for (size_t i = 0; i < sv.n; i++) {
		if (!unit_declared(c->p, sv.v[i], NULL)) {
			char m[256];
			snprintf(m, sizeof m, tr("%s: unknown unit '%.40s' (declare it in a unit row first)"),
				 field, sv.v[i]);
			sv_free(&sv);
			sb_free(&b);
			return fail(c, m);
		}
		if (i)
			sb_addc(&b, ' ');
		sb_add(&b, sv.v[i]);
	}
	sv_free(&sv);
	*dst = sb_take(&b);
	return 0;
}

#define DUP_CHECK(arr, n, key, msg)                                                    \
	for (size_t i_ = 0; i_ < (n); i_++)                                            \
		if (strcmp((arr)[i_].code, (key)) == 0)                                \
			return failf(c, msg, (key))

static int rec_format(struct ctx *c, char **f, size_t nf)
{
	if (strcmp(f[1], "tiendo-plan") != 0)
		return failf(c, tr("not a tiendo plan file (the first row must be format,tiendo-plan,%d; format 1 is read too)"), PLANFILE_FORMAT);
	long long v;
	if (!parse_int(f[2], 1, 1000000, &v))
		return failf(c, tr("bad format version '%.20s'"), f[2]);
	if (v > PLANFILE_FORMAT)
		return failf(c, tr("format version %.20s is newer than this tiendo understands (%d); update tiendo"), f[2],
			     PLANFILE_FORMAT);
	const char *flavour = nf > 3 ? f[3] : "";
	if (*flavour && strcmp(flavour, "excel") != 0)
		return failf(c, tr("unknown flavour '%.20s' (expected excel or nothing)"), flavour);
	c->excel = *flavour != '\0';
	return 0;
}

static int rec_plan(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	long long v;
	if (p->code)
		return fail(c, tr("a second plan row (a file holds one plan)"));
	if (take_code(c, tr("plan code"), f[1], &p->code))
		return -1;
	if (!parse_int(f[2], 1, 1000000000, &v))
		return failf(c, tr("plan version '%.20s' must be a whole number from 1"), f[2]);
	p->version = (int)v;
	/* issuer and consolidator are checked at the end: units come after the plan row */
	if (take_code(c, tr("issuer"), f[3], &p->issuer) ||
	    take_text(c, tr("number"), f[4], 0, false, &p->number) ||
	    take_text(c, tr("place"), f[5], 0, false, &p->place))
		return -1;
	day_t d;
	if (*f[6] && !date_parse(f[6], &d))
		return failf(c, tr("date '%.20s' must be YYYY-MM-DD or empty"), f[6]);
	p->date = xstrdup(f[6]);
	if (take_code(c, tr("consolidator"), f[7], &p->consolidator))
		return -1;
	if (*f[8]) {
		if (take_code(c, tr("parent plan"), f[8], &p->parent))
			return -1;
	} else {
		p->parent = xstrdup("");
	}
	return take_text(c, tr("parent reference"), f[9], 0, false, &p->parent_ref) ||
		       take_text(c, tr("title"), f[10], TEXT_MULTILINE, true, &p->title)
		       ? -1
		       : 0;
}

static int rec_unit(struct ctx *c, char **f, size_t nf)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->units, p->n_units, f[1], tr("duplicate unit code '%s'"));
	xgrow((void **)&p->units, &c->cap_units, p->n_units + 1, sizeof *p->units);
	struct unit_def *u = &p->units[p->n_units];
	memset(u, 0, sizeof *u);
	u->line = c->line;
	int rc = -1;
	if (take_code(c, tr("unit code"), f[1], &u->code))
		goto out;
	if (!unit_kind_parse(f[2], &u->kind)) {
		failf(c, tr("unknown unit kind '%.40s'"), f[2]);
		goto out;
	}
	size_t pi;
	if (*f[3] && !unit_declared(p, f[3], &pi)) {
		failf(c, tr("parent unit '%.40s' is not declared before this row"), f[3]);
		goto out;
	}
	/* As add-unit and init --parent: a unit's tree runs through single units. */
	if (*f[3] && p->units[pi].kind == UNIT_GROUP) {
		failf(c, tr("parent unit '%.40s' is a group of units: a unit's parent is one unit, such as the province or a department"),
		      f[3]);
		goto out;
	}
	u->parent = xstrdup(f[3]);
	/* members: kinds or declared unit codes; only groups have them */
	struct strvec sv = {0};
	sv_split_ws(&sv, f[4]);
	if (sv.n && u->kind != UNIT_GROUP) {
		sv_free(&sv);
		fail(c, tr("only group units have members"));
		goto out;
	}
	if (u->kind == UNIT_GROUP && sv.n == 0) {
		sv_free(&sv);
		fail(c, tr("a group unit needs members (unit kinds or unit codes)"));
		goto out;
	}
	for (size_t i = 0; i < sv.n; i++) {
		enum unit_kind k;
		if (!unit_kind_parse(sv.v[i], &k) && !unit_declared(p, sv.v[i], NULL)) {
			failf(c, tr("member '%.40s' is neither a unit kind nor a declared unit"), sv.v[i]);
			sv_free(&sv);
			goto out;
		}
	}
	sv_free(&sv);
	struct strvec norm = {0};
	sv_split_ws(&norm, f[4]);
	struct strbuf b = {0};
	sb_add(&b, "");
	for (size_t i = 0; i < norm.n; i++) {
		if (i)
			sb_addc(&b, ' ');
		sb_add(&b, norm.v[i]);
	}
	sv_free(&norm);
	u->members = sb_take(&b);
	if (take_text(c, tr("unit name"), f[5], 0, true, &u->name))
		goto out;
	if (nf > 6 && *f[6]) {
		if (strcmp(f[6], "retired") != 0) {
			failf(c, tr("unit status '%.20s' must be empty or 'retired'"), f[6]);
			goto out;
		}
		u->retired = true;
	}
	rc = 0;
out:
	p->n_units++; /* freed with the plan even when incomplete */
	return rc;
}

static int rec_section(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->sections, p->n_sections, f[1], tr("duplicate section code '%s'"));
	xgrow((void **)&p->sections, &c->cap_sections, p->n_sections + 1, sizeof *p->sections);
	struct section_def *s = &p->sections[p->n_sections++];
	memset(s, 0, sizeof *s);
	s->line = c->line;
	return take_code(c, tr("section code"), f[1], &s->code) ||
		       take_text(c, tr("section title"), f[2], TEXT_MULTILINE, true, &s->title)
		       ? -1
		       : 0;
}

static int rec_event(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->events, p->n_events, f[1], tr("duplicate event code '%s'"));
	xgrow((void **)&p->events, &c->cap_events, p->n_events + 1, sizeof *p->events);
	struct event_def *ev = &p->events[p->n_events++];
	memset(ev, 0, sizeof *ev);
	ev->line = c->line;
	if (take_code(c, tr("event code"), f[1], &ev->code))
		return -1;
	const char *d = f[2];
	if (strlen(d) != 5 || d[2] != '-' || !(ev->month = atoi(d)) || ev->month > 12 ||
	    !(ev->day = atoi(d + 3)) || ev->day > date_days_in_month(2000, ev->month))
		return failf(c, tr("event date '%.20s' must be MM-DD"), d);
	return take_text(c, tr("event name"), f[3], 0, true, &ev->name);
}

static int rec_task(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->tasks, p->n_tasks, f[1], tr("duplicate task code '%s'"));
	xgrow((void **)&p->tasks, &c->cap_tasks, p->n_tasks + 1, sizeof *p->tasks);
	struct task_def *t = &p->tasks[p->n_tasks++];
	memset(t, 0, sizeof *t);
	t->line = c->line;
	if (take_code(c, tr("task code"), f[1], &t->code))
		return -1;
	bool found = false;
	for (size_t i = 0; i < p->n_sections && !found; i++)
		found = strcmp(p->sections[i].code, f[2]) == 0;
	if (!found)
		return failf(c, tr("section '%.40s' is not declared before this task"), f[2]);
	t->section = xstrdup(f[2]);
	if (take_text(c, tr("item"), f[3], 0, false, &t->item) ||
	    take_units(c, tr("lead units"), f[4], true, &t->lead) ||
	    take_units(c, tr("coordinating units"), f[5], false, &t->coord))
		return -1;
	if (!timeframe_parse(f[6], &t->tf))
		return failf(c, tr("time frame '%.40s' must be recurring, recurring:YEAR, due:YEAR, due:YYYY-MM-DD or none"), f[6]);
	struct strvec ev = {0};
	sv_split_ws(&ev, f[7]);
	for (size_t i = 0; i < ev.n; i++) {
		bool known = false;
		for (size_t j = 0; j < p->n_events && !known; j++)
			known = strcmp(p->events[j].code, ev.v[i]) == 0;
		if (!known) {
			int rc = failf(c, tr("event '%.40s' is not declared before this task"), ev.v[i]);
			sv_free(&ev);
			return rc;
		}
	}
	sv_free(&ev);
	t->events = xstrdup(f[7]);
	return take_text(c, tr("measure"), f[8], 0, false, &t->measure) ||
		       take_text(c, tr("time frame text"), f[9], TEXT_MULTILINE, false, &t->tf_text) ||
		       take_text(c, tr("title"), f[10], 0, true, &t->title) ||
		       take_text(c, tr("text"), f[11], TEXT_MULTILINE, true, &t->text)
		       ? -1
		       : 0;
}

static int rec_indicator(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->indicators, p->n_indicators, f[1], tr("duplicate indicator code '%s'"));
	xgrow((void **)&p->indicators, &c->cap_indicators, p->n_indicators + 1, sizeof *p->indicators);
	struct indicator_def *d = &p->indicators[p->n_indicators++];
	memset(d, 0, sizeof *d);
	d->line = c->line;
	long long y;
	if (take_code(c, tr("indicator code"), f[1], &d->code))
		return -1;
	if (!ind_kind_parse(f[2], &d->kind))
		return failf(c, tr("indicator kind '%.40s' must be percent, count or milestone"), f[2]);
	if (!comparator_parse(f[3], &d->cmp))
		return failf(c, tr("comparator '%.10s' must be >=, = or <="), f[3]);
	if (!parse_num(f[4], &d->target) || d->target < 0)
		return failf(c, tr("target '%.40s' must be a number"), f[4]);
	if (d->kind == IND_PERCENT && d->target > 100)
		return failf(c, tr("a percent target cannot exceed 100 (got %.40s)"), f[4]);
	if (d->kind == IND_MILESTONE && d->target != 1)
		return fail(c, tr("a milestone's target must be 1 (yes)"));
	if (!parse_int(f[5], 1900, 2999, &y))
		return failf(c, tr("year '%.20s' must be a year such as 2030"), f[5]);
	d->year = (int)y;
	if (!consolidation_parse(f[6], &d->cons))
		return failf(c, tr("consolidation '%.40s' must be ratio, sum, share-met or all"), f[6]);
	return take_units(c, tr("reporters"), f[7], true, &d->reporters) ||
		       take_text(c, tr("title"), f[8], 0, true, &d->title) ||
		       take_text(c, tr("text"), f[9], TEXT_MULTILINE, true, &d->text)
		       ? -1
		       : 0;
}

static int rec_report(struct ctx *c, char **f)
{
	struct plan_def *p = c->p;
	DUP_CHECK(p->reports, p->n_reports, f[1], tr("duplicate report rule code '%s'"));
	xgrow((void **)&p->reports, &c->cap_reports, p->n_reports + 1, sizeof *p->reports);
	struct report_def *r = &p->reports[p->n_reports++];
	memset(r, 0, sizeof *r);
	r->line = c->line;
	if (take_code(c, tr("report rule code"), f[1], &r->code) ||
	    take_units(c, tr("reporters"), f[2], true, &r->reporters))
		return -1;
	/* A trailing '?' marks a recipient the plan does not name (inferred). */
	size_t tl = strlen(f[3]);
	if (tl > 1 && f[3][tl - 1] == '?') {
		r->to_inferred = true;
		f[3][tl - 1] = '\0';
	}
	if (!unit_declared(p, f[3], NULL))
		return failf(c, tr("report recipient '%.40s' is not a declared unit"), f[3]);
	r->to = xstrdup(f[3]);
	if (!period_type_parse(f[4], &r->period))
		return failf(c, tr("period '%.20s' must be month, quarter, half or year"), f[4]);
	struct due_rule dr;
	const char *why;
	if (!due_parse(f[5], r->period, &dr, &why)) {
		char m[300];
		snprintf(m, sizeof m, tr("due '%.40s': %s"), f[5], tr(why));
		return fail(c, m);
	}
	r->due = xstrdup(f[5]);
	if (strcmp(f[6], "yes") != 0 && strcmp(f[6], "no") != 0)
		return failf(c, tr("ad hoc '%.20s' must be yes or no"), f[6]);
	r->adhoc = f[6][0] == 'y';
	return take_text(c, tr("text"), f[7], TEXT_MULTILINE, false, &r->text);
}

/* Checks that need the whole file. */
static int finish(struct ctx *c, int last_line)
{
	struct plan_def *p = c->p;
	c->line = last_line;
	if (!p->code)
		return fail(c, tr("the file has no plan row"));
	if (!unit_declared(p, p->issuer, NULL))
		return failf(c, tr("the plan's issuer '%.40s' is not a declared unit"), p->issuer);
	if (!unit_declared(p, p->consolidator, NULL))
		return failf(c, tr("the plan's consolidator '%.40s' is not a declared unit"), p->consolidator);
	if (p->n_tasks == 0)
		return fail(c, tr("the plan has no tasks"));
	return 0;
}

/* A row has its type's required fields and no non-empty field past its
 * optional ones; -1 (failed) otherwise. "an indicator row", "a unit row". */
static int check_width(struct ctx *c, const struct record_spec *s, const struct csv_row *r)
{
	char m[200];
	bool an = strchr("aeio", s->type[0]) != NULL;
	if (r->n < s->required + 1) {
		snprintf(m, sizeof m,
			 an ? tr("an %s row needs %zu fields after the type, this one has %zu")
			    : tr("a %s row needs %zu fields after the type, this one has %zu"),
			 s->type, s->required, r->n - 1);
		return fail(c, m);
	}
	for (size_t j = s->required + s->optional + 1; j < r->n; j++)
		if (r->f[j][0]) {
			snprintf(m, sizeof m,
				 an ? tr("an %s row has %zu fields after the type; field %zu is extra")
				    : tr("a %s row has %zu fields after the type; field %zu is extra"),
				 s->type, s->required + s->optional, j);
			return fail(c, m);
		}
	return 0;
}

int planfile_parse(const char *buf, size_t n, const char *name, struct plan_def *out,
		   struct err *e)
{
	struct csv_table t;
	memset(out, 0, sizeof *out);
	if (!text_valid_utf8(buf, n) && !memchr(buf, '\0', n)) {
		/* find the line of the first bad byte for the message */
		size_t lo = 0;
		int line = 1;
		for (size_t i = 0; i < n; i++) {
			if (buf[i] == '\n') {
				if (!text_valid_utf8(buf + lo, i - lo))
					break;
				lo = i + 1;
				line++;
			}
		}
		return err_set(e, tr("%s:%d: not valid UTF-8 (save the file as UTF-8)"), name, line);
	}
	if (csvio_parse(buf, n, name, 0, NULL, &t, e))
		return -1;
	struct ctx c = {.name = name, .e = e, .p = out};
	bool seen_format = false;
	int rc = 0, last = 1;
	for (size_t i = 0; i < t.n && rc == 0; i++) {
		struct csv_row *r = &t.rows[i];
		c.line = last = r->line;
		if (r->n == 0 || r->f[0][0] == '#')
			continue;
		bool blank = true;
		for (size_t j = 0; j < r->n && blank; j++)
			blank = r->f[j][0] == '\0';
		if (blank)
			continue;
		int k;
		for (k = 0; k < REC_COUNT; k++)
			if (strcmp(r->f[0], specs[k].type) == 0)
				break;
		if (k == REC_COUNT) {
			rc = failf(&c, tr("unknown record type '%.40s'"), r->f[0]);
			break;
		}
		if (!seen_format && k != REC_FORMAT) {
			rc = failf(&c, tr("not a tiendo plan file (the first row must be format,tiendo-plan,%d; format 1 is read too)"), PLANFILE_FORMAT);
			break;
		}
		const struct record_spec *s = &specs[k];
		if ((rc = check_width(&c, s, r)) != 0)
			break;
		if (c.excel)
			for (size_t j = 1; j < r->n; j++)
				csvio_unneutralise(r->f[j]);
		switch (k) {
		case REC_FORMAT:
			if (seen_format) {
				rc = fail(&c, tr("a second format row"));
				break;
			}
			seen_format = true;
			rc = rec_format(&c, r->f, r->n);
			break;
		case REC_PLAN: rc = rec_plan(&c, r->f); break;
		case REC_UNIT: rc = rec_unit(&c, r->f, r->n); break;
		case REC_SECTION: rc = rec_section(&c, r->f); break;
		case REC_EVENT: rc = rec_event(&c, r->f); break;
		case REC_TASK: rc = rec_task(&c, r->f); break;
		case REC_INDICATOR: rc = rec_indicator(&c, r->f); break;
		case REC_KEY:
		case REC_SIGNATURE: break;
		default: rc = rec_report(&c, r->f); break;
		}
	}
	if (rc == 0 && !seen_format) {
		c.line = 1;
		rc = failf(&c, tr("not a tiendo plan file (the first row must be format,tiendo-plan,%d; format 1 is read too)"), PLANFILE_FORMAT);
	}
	if (rc == 0)
		rc = finish(&c, last);
	csvio_table_free(&t);
	if (rc)
		plan_def_free(out);
	return rc;
}

int planfile_load(const char *path, struct plan_def *out, struct err *e)
{
	size_t n;
	char *buf = read_file(path, &n);
	memset(out, 0, sizeof *out);
	if (!buf)
		return err_set(e, tr("%s: cannot read: %s"), path, tr_errno(errno));
	int rc = planfile_parse(buf, n, path, out, e);
	free(buf);
	return rc;
}

int planfile_load_any(const char *path, struct plan_def *out, enum text_encoding *enc,
		      struct err *e)
{
	size_t n, len;
	char *buf = read_file(path, &n);
	memset(out, 0, sizeof *out);
	*enc = ENC_UTF8;
	if (!buf)
		return err_set(e, tr("%s: cannot read: %s"), path, tr_errno(errno));
	int rc;
	const char *why = NULL;
	char *text = NULL;
	/* A package a clerk opened in Excel and saved as a workbook, as import
	 * takes it (its XML read up to import's 64 MiB limit per part). */
	if (xlsxread_sniff(buf, n)) {
		if (!(text = xlsxread_to_csv(buf, n, (size_t)64 << 20, &len, &why))) {
			free(buf);
			return err_set(e, "%s: %s", path, tr(why));
		}
		*enc = ENC_XLSX;
	}
	/* Not UTF-8 (and no NUL): a spreadsheet's legacy save, when it is clearly one. */
	else if (encoding_is_utf16(buf, n) || (!memchr(buf, '\0', n) && !text_valid_utf8(buf, n)))
		text = encoding_decode(buf, n, &len, enc, &why);
	if (text)
		rc = planfile_parse(text, len, path, out, e);
	else
		rc = planfile_parse(buf, n, path, out, e);
	free(text);
	free(buf);
	return rc;
}

/* Write one row of fields. */
static void row(struct strbuf *b, unsigned flags, size_t n, ...)
{
	const char *f[16];
	va_list ap;
	va_start(ap, n);
	for (size_t i = 0; i < n && i < ARRAY_LEN(f); i++)
		f[i] = va_arg(ap, const char *);
	va_end(ap);
	csvio_write_row(b, f, n < ARRAY_LEN(f) ? n : ARRAY_LEN(f), flags);
}

void planfile_write(const struct plan_def *p, unsigned flags, struct strbuf *b)
{
	char ver[24], num[32], year[16], date[8], fmt[8];
	if (flags & CSVW_EXCEL)
		sb_add(b, "\xEF\xBB\xBF");
	snprintf(fmt, sizeof fmt, "%d", PLANFILE_FORMAT);
	if (flags & CSVW_EXCEL)
		row(b, flags & ~(unsigned)CSVW_NUMBERS, 4, "format", "tiendo-plan", fmt, "excel");
	else
		row(b, flags, 3, "format", "tiendo-plan", fmt);
	snprintf(ver, sizeof ver, "%d", p->version);
	row(b, flags, 11, "#type", "code", "version", "issuer", "number", "place", "date",
	    "consolidator", "parent", "parent_ref", "title");
	row(b, flags, 11, "plan", p->code, ver, p->issuer, p->number, p->place, p->date,
	    p->consolidator, p->parent, p->parent_ref, p->title);
	row(b, flags, 7, "#type", "code", "kind", "parent", "members", "name", "status");
	for (size_t i = 0; i < p->n_units; i++) {
		const struct unit_def *u = &p->units[i];
		row(b, flags, u->retired ? 7 : 6, "unit", u->code, unit_kind_name(u->kind), u->parent,
		    u->members, u->name, "retired");
	}
	row(b, flags, 3, "#type", "code", "title");
	for (size_t i = 0; i < p->n_sections; i++)
		row(b, flags, 3, "section", p->sections[i].code, p->sections[i].title);
	row(b, flags, 4, "#type", "code", "date", "name");
	for (size_t i = 0; i < p->n_events; i++) {
		snprintf(date, sizeof date, "%02d-%02d", p->events[i].month % 100, p->events[i].day % 100);
		row(b, flags, 4, "event", p->events[i].code, date, p->events[i].name);
	}
	row(b, flags, 12, "#type", "code", "section", "item", "lead", "coord", "timeframe", "events",
	    "measure", "timeframe_text", "title", "text");
	for (size_t i = 0; i < p->n_tasks; i++) {
		const struct task_def *t = &p->tasks[i];
		char tf[32];
		timeframe_format(&t->tf, tf, sizeof tf);
		row(b, flags, 12, "task", t->code, t->section, t->item, t->lead, t->coord, tf,
		    t->events, t->measure, t->tf_text, t->title, t->text);
	}
	row(b, flags, 10, "#type", "code", "kind", "comparator", "target", "year", "consolidation",
	    "reporters", "title", "text");
	for (size_t i = 0; i < p->n_indicators; i++) {
		const struct indicator_def *d = &p->indicators[i];
		fmt_num(num, sizeof num, d->target);
		snprintf(year, sizeof year, "%d", d->year);
		row(b, flags, 10, "indicator", d->code, ind_kind_name(d->kind), comparator_name(d->cmp),
		    num, year, consolidation_name(d->cons), d->reporters, d->title, d->text);
	}
	row(b, flags, 8, "#type", "code", "reporters", "to", "period", "due", "adhoc", "text");
	for (size_t i = 0; i < p->n_reports; i++) {
		const struct report_def *r = &p->reports[i];
		char to[64];
		snprintf(to, sizeof to, "%.60s%s", r->to, r->to_inferred ? "?" : "");
		row(b, flags, 8, "report", r->code, r->reporters, to, period_type_name(r->period),
		    r->due, r->adhoc ? "yes" : "no", r->text);
	}
}
