/* SPDX-License-Identifier: MIT */
/* CSV reading (wraps libcsv) and writing, with line numbers, size caps and Excel-safe output.
 *
 * libcsv is callback-driven and cannot stop a parse, so the callbacks only
 * collect fields and remember the first problem. The input is fed one line
 * at a time; when the parser is between rows (pstate 0, "row not begun" in
 * libcsv 3.0.3) before a line is fed, that line is where the next row starts,
 * which gives every row its starting line number even when quoted fields run
 * over several lines. libcsv is used nowhere else. */
#include "csvio.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

const struct csv_limits csvio_default_limits = {
	.max_field = 64 * 1024,
	.max_row = 256 * 1024,
	.max_fields = 256,
};

struct collect {
	struct csv_table *t;
	const struct csv_limits *lim;
	struct strvec fields;
	size_t row_bytes;
	int row_line;
	int cur_line;
	int bad_line; /* first problem: line and message */
	const char *bad_why;
};

static void on_field(void *data, size_t len, void *ctx)
{
	struct collect *c = ctx;
	if (c->bad_why)
		return;
	c->row_bytes += len;
	if (len > c->lim->max_field) {
		c->bad_why = N_("field too long");
		c->bad_line = c->row_line;
		return;
	}
	if (c->row_bytes > c->lim->max_row) {
		c->bad_why = N_("row too long");
		c->bad_line = c->row_line;
		return;
	}
	if (c->fields.n >= c->lim->max_fields) {
		c->bad_why = N_("too many fields in a row");
		c->bad_line = c->row_line;
		return;
	}
	char *s = xstrndup(data ? data : "", data ? len : 0);
	xgrow((void **)&c->fields.v, &c->fields.cap, c->fields.n + 1, sizeof *c->fields.v);
	c->fields.v[c->fields.n++] = s;
}

static void on_row(int term, void *ctx)
{
	(void)term;
	struct collect *c = ctx;
	if (c->bad_why) {
		sv_free(&c->fields);
		return;
	}
	struct csv_table *t = c->t;
	xgrow((void **)&t->rows, &t->cap, t->n + 1, sizeof *t->rows);
	struct csv_row *r = &t->rows[t->n++];
	r->f = c->fields.v;
	r->n = c->fields.n;
	r->line = c->row_line;
	c->fields.v = NULL;
	c->fields.n = c->fields.cap = 0;
	c->row_bytes = 0;
}

static int is_space_only(unsigned char ch)
{
	return ch == ' ';
}

/* The delimiter of the first line: whichever of , ; TAB occurs most often
 * outside quotes; ',' when none does. */
static char detect_delim(const char *s, size_t n)
{
	size_t counts[3] = {0, 0, 0};
	bool quoted = false;
	for (size_t i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted)
			counts[s[i] == ',' ? 0 : s[i] == ';' ? 1 : s[i] == '\t' ? 2 : 0] +=
				(s[i] == ',' || s[i] == ';' || s[i] == '\t');
	}
	if (counts[1] > counts[0] && counts[1] >= counts[2])
		return ';';
	if (counts[2] > counts[0] && counts[2] > counts[1])
		return '\t';
	return ',';
}

int csvio_parse(const char *buf, size_t n, const char *name, char delim,
		const struct csv_limits *lim, struct csv_table *t, struct err *e)
{
	memset(t, 0, sizeof *t);
	if (!lim)
		lim = &csvio_default_limits;
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		n -= 3;
		t->had_bom = true;
	}
	const char *nul = memchr(buf, '\0', n);
	if (nul) {
		int line = 1;
		for (const char *p = buf; p < nul; p++)
			line += *p == '\n';
		return err_set(e, tr("%s:%d: NUL byte in the file (not a text file?)"), name, line);
	}
	t->delim = delim ? delim : detect_delim(buf, n);

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return err_set(e, tr("%s: out of memory"), name);
	csv_set_delim(&p, (unsigned char)t->delim);
	if (t->delim == '\t')
		csv_set_space_func(&p, is_space_only);

	struct collect c = {.t = t, .lim = lim, .cur_line = 1, .row_line = 1};
	size_t off = 0;
	int rc = 0;
	while (off < n && !c.bad_why) {
		const char *nl = memchr(buf + off, '\n', n - off);
		size_t len = nl ? (size_t)(nl - (buf + off)) + 1 : n - off;
		if (p.pstate == 0)
			c.row_line = c.cur_line;
		if (csv_parse(&p, buf + off, len, on_field, on_row, &c) != len) {
			/* Strict mode refuses a quote inside an unquoted field or
			 * text after a closing quote. */
			c.bad_why = csv_error(&p) == CSV_EPARSE
					    ? N_("malformed quoting (a stray or unclosed \")")
					    : N_("out of memory");
			c.bad_line = c.cur_line;
		}
		off += len;
		c.cur_line++;
	}
	if (!c.bad_why && csv_fini(&p, on_field, on_row, &c) != 0) {
		c.bad_why = N_("unclosed quote at the end of the file");
		c.bad_line = c.row_line;
	}
	csv_free(&p);
	sv_free(&c.fields);
	if (c.bad_why) {
		rc = err_set(e, tr("%s:%d: %s"), name, c.bad_line, tr(c.bad_why));
		csvio_table_free(t);
	}
	return rc;
}

void csvio_table_free(struct csv_table *t)
{
	for (size_t i = 0; i < t->n; i++) {
		for (size_t j = 0; j < t->rows[i].n; j++)
			free(t->rows[i].f[j]);
		free(t->rows[i].f);
	}
	free(t->rows);
	t->rows = NULL;
	t->n = t->cap = 0;
}

bool csvio_needs_neutralising(const char *s)
{
	/* A leading quote is escaped too, so that reading back is exact. */
	return s[0] && strchr("=+-@\t\r\n'", s[0]) != NULL;
}

void csvio_unneutralise(char *s)
{
	if (s[0] == '\'' && s[1] && strchr("=+-@\t\r\n'", s[1]))
		memmove(s, s + 1, strlen(s));
}

void csvio_write_row(struct strbuf *b, const char *const *fields, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = fields[i] ? fields[i] : "";
		if (i)
			sb_addc(b, ',');
		bool formula = (flags & CSVW_EXCEL) && csvio_needs_neutralising(s);
		bool quote = formula || strpbrk(s, ",;\"\r\n\t") != NULL ||
			     (s[0] == ' ') || (*s && s[strlen(s) - 1] == ' ');
		if (!quote) {
			sb_add(b, s);
			continue;
		}
		sb_addc(b, '"');
		if (formula)
			sb_addc(b, '\'');
		/* Copy runs of ordinary bytes whole; double quotes, and write line
		 * breaks as CRLF for Excel. */
		const char *run = s;
		for (const char *p = s; *p; p++) {
			if (*p == '"') {
				sb_addn(b, run, (size_t)(p - run + 1));
				run = p; /* the quote again: doubled */
			} else if (*p == '\n' && (flags & CSVW_EXCEL)) {
				sb_addn(b, run, (size_t)(p - run));
				sb_add(b, "\r");
				run = p;
			}
		}
		sb_add(b, run);
		sb_addc(b, '"');
	}
	sb_add(b, (flags & CSVW_EXCEL) ? "\r\n" : "\n");
}
