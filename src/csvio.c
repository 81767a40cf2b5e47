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
	const struct csv_limits *lim;
	csvio_row_fn *fn;
	void *arg;
	char *buf;            /* the row's fields, each NUL-terminated */
	size_t len, cap;
	size_t *off;          /* where each field starts in buf */
	size_t n, cap_off;
	char **f;             /* the pointers handed to fn */
	size_t cap_f;
	int row_line;
	int cur_line;
	bool stop;            /* fn asked to stop */
	int bad_line; /* first problem: line and message */
	const char *bad_why;
};

/* One field into the row; data may point into c->buf, at c->len. */
static void on_field_at(struct collect *c, const char *data, size_t len)
{
	if (c->bad_why || c->stop)
		return;
	if (len > c->lim->max_field) {
		c->bad_why = N_("field too long");
		c->bad_line = c->row_line;
		return;
	}
	if (c->len + len - c->n > c->lim->max_row) {
		c->bad_why = N_("row too long");
		c->bad_line = c->row_line;
		return;
	}
	if (c->n >= c->lim->max_fields) {
		c->bad_why = N_("too many fields in a row");
		c->bad_line = c->row_line;
		return;
	}
	xgrow((void **)&c->off, &c->cap_off, c->n + 1, sizeof *c->off);
	if (data == c->buf + c->len) { /* the fast path copied it there already */
		c->off[c->n++] = c->len;
		c->len += len;
		c->buf[c->len++] = '\0';
		return;
	}
	xgrow((void **)&c->buf, &c->cap, c->len + len + 1, 1);
	c->off[c->n++] = c->len;
	if (len)
		memcpy(c->buf + c->len, data, len);
	c->len += len;
	c->buf[c->len++] = '\0';
}

static void on_field(void *data, size_t len, void *ctx)
{
	on_field_at(ctx, data, len);
}

static void on_row(int term, void *ctx)
{
	(void)term;
	struct collect *c = ctx;
	if (!c->bad_why && !c->stop) {
		xgrow((void **)&c->f, &c->cap_f, c->n + 1, sizeof *c->f);
		for (size_t i = 0; i < c->n; i++)
			c->f[i] = c->buf + c->off[i];
		c->f[c->n] = NULL;
		struct csv_row row = {.f = c->f, .n = c->n, .line = c->row_line};
		c->stop = c->fn(c->arg, &row) != 0;
	}
	c->n = c->len = 0;
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

bool csvio_libcsv_only;

/* The fast path: one row of the common shape starting at buf[*off] (a line
 * start), handed to fn as libcsv would hand it. Anything unusual (a space
 * or tab at either end of an unquoted field, which libcsv trims; a quote
 * inside an unquoted field; anything but a separator or a line end after a
 * closing quote; a bare CR; an unclosed quote; a field or row over the
 * limits) returns false with nothing handed over and *off unchanged: the
 * caller gives the rest of the input to libcsv from that row's start, so
 * libcsv finds and words every problem. On true, *off and *line are past
 * the row and its line end (blank lines are skipped, as libcsv does). */
static bool fast_row(struct collect *c, const char *buf, size_t n, char delim, size_t *off,
		     int *line)
{
	size_t i = *off;
	int ln = *line;
	/* blank lines: libcsv drops them */
	while (i < n && (buf[i] == '\n' || (buf[i] == '\r' && i + 1 < n && buf[i + 1] == '\n'))) {
		i += buf[i] == '\r' ? 2 : 1;
		ln++;
	}
	if (i >= n) {
		*off = i;
		*line = ln;
		return true;
	}
	c->row_line = ln;
	c->n = c->len = 0;
	for (;;) {
		const char *start = buf + i;
		size_t flen;
		if (i < n && buf[i] == '"') {
			/* Quoted: copy runs between doubled quotes straight into the row. */
			size_t at = c->len;
			i++;
			for (;;) {
				const char *q = memchr(buf + i, '"', n - i);
				if (!q)
					goto unusual; /* unclosed */
				size_t run = (size_t)(q - (buf + i));
				for (const char *p = buf + i; (p = memchr(p, '\n', (size_t)(q - p))) != NULL; p++)
					ln++;
				xgrow((void **)&c->buf, &c->cap, c->len + run + 2, 1);
				memcpy(c->buf + c->len, buf + i, run);
				c->len += run;
				i = (size_t)(q - buf) + 1;
				if (i < n && buf[i] == '"') {
					c->buf[c->len++] = '"';
					i++;
					continue;
				}
				break;
			}
			if (i < n && buf[i] != delim && buf[i] != '\n' && buf[i] != '\r')
				goto unusual;
			flen = c->len - at;
			c->len = at; /* on_field copies it again, in place */
			start = c->buf + at;
		} else {
			size_t j = i;
			while (j < n && buf[j] != delim && buf[j] != '\n' && buf[j] != '\r' && buf[j] != '"')
				j++;
			if (j < n && buf[j] == '"')
				goto unusual;
			flen = j - i;
			if (flen && (buf[i] == ' ' || buf[i] == '\t' || buf[j - 1] == ' ' ||
				     buf[j - 1] == '\t'))
				goto unusual;
			i = j;
		}
		on_field_at(c, start, flen);
		if (c->bad_why)
			goto unusual;
		if (i < n && buf[i] == delim) {
			i++;
			continue;
		}
		break;
	}
	/* the row's end: LF, CRLF or the end of the input */
	if (i < n && buf[i] == '\r') {
		if (i + 1 >= n || buf[i + 1] != '\n')
			goto unusual; /* a bare CR: libcsv's line counting */
		i++;
	}
	if (i < n) {
		i++;
		ln++;
	}
	on_row(0, c);
	*off = i;
	*line = ln;
	return true;
unusual:
	c->bad_why = NULL;
	c->n = c->len = 0;
	return false;
}

int csvio_parse_rows(const char *buf, size_t n, const char *name, char delim,
		     const struct csv_limits *lim, csvio_row_fn *fn, void *arg, char *delim_out,
		     bool *had_bom, struct err *e)
{
	if (!lim)
		lim = &csvio_default_limits;
	if (had_bom)
		*had_bom = false;
	if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		n -= 3;
		if (had_bom)
			*had_bom = true;
	}
	const char *nul = memchr(buf, '\0', n);
	if (nul) {
		int line = 1;
		for (const char *p = buf; p < nul; p++)
			line += *p == '\n';
		return err_set(e, tr("%s:%d: NUL byte in the file (not a text file?)"), name, line);
	}
	delim = delim ? delim : detect_delim(buf, n);
	if (delim_out)
		*delim_out = delim;

	struct csv_parser p;
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return err_set(e, tr("%s: out of memory"), name);
	csv_set_delim(&p, (unsigned char)delim);
	if (delim == '\t')
		csv_set_space_func(&p, is_space_only);

	struct collect c = {.lim = lim, .fn = fn, .arg = arg, .cur_line = 1, .row_line = 1};
	size_t off = 0;
	int rc = 0;
	if (!csvio_libcsv_only)
		while (off < n && !c.stop && fast_row(&c, buf, n, delim, &off, &c.cur_line))
			;
	while (off < n && !c.bad_why && !c.stop) {
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
	if (!c.bad_why && !c.stop && csv_fini(&p, on_field, on_row, &c) != 0) {
		c.bad_why = N_("unclosed quote at the end of the file");
		c.bad_line = c.row_line;
	}
	csv_free(&p);
	free(c.buf);
	free(c.off);
	free(c.f);
	if (c.bad_why)
		rc = err_set(e, tr("%s:%d: %s"), name, c.bad_line, tr(c.bad_why));
	return rc;
}

/* Keep a copy of each row. */
static int keep_row(void *arg, const struct csv_row *row)
{
	struct csv_table *t = arg;
	xgrow((void **)&t->rows, &t->cap, t->n + 1, sizeof *t->rows);
	struct csv_row *r = &t->rows[t->n++];
	r->f = xmalloc((row->n ? row->n : 1) * sizeof *r->f);
	for (size_t i = 0; i < row->n; i++)
		r->f[i] = xstrdup(row->f[i]);
	r->n = row->n;
	r->line = row->line;
	return 0;
}

int csvio_parse(const char *buf, size_t n, const char *name, char delim,
		const struct csv_limits *lim, struct csv_table *t, struct err *e)
{
	memset(t, 0, sizeof *t);
	if (csvio_parse_rows(buf, n, name, delim, lim, keep_row, t, &t->delim, &t->had_bom, e)) {
		csvio_table_free(t);
		return -1;
	}
	return 0;
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

bool csvio_looks_numeric(const char *s)
{
	bool digit = false;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digit = true;
		else if (!strchr(" .,/-:%Ee+()$", *s))
			return false;
	}
	return digit;
}

void csvio_unneutralise(char *s)
{
	/* Exact for both protections: an unprotected cell never starts with '. */
	if (s[0] == '\'' && s[1] && (strchr("=+-@\t\r\n'", s[1]) || csvio_looks_numeric(s + 1)))
		memmove(s, s + 1, strlen(s));
}

/* What a byte asks of a CSV field: quoting, and for a quote or a line
 * break, more than a plain copy. */
enum { CB_QUOTE = 1, CB_DQUOTE = 2, CB_LF = 4 };
static const unsigned char csv_byte[256] = {
	[','] = CB_QUOTE, [';'] = CB_QUOTE, ['"'] = CB_QUOTE | CB_DQUOTE, ['\r'] = CB_QUOTE,
	['\n'] = CB_QUOTE | CB_LF, ['\t'] = CB_QUOTE,
};

void csvio_write_row(struct strbuf *b, const char *const *fields, size_t n, unsigned flags)
{
	for (size_t i = 0; i < n; i++) {
		const char *s = fields[i] ? fields[i] : "";
		if (i)
			sb_addc(b, ',');
		/* One pass: the length and what the bytes ask for. */
		size_t len = 0;
		unsigned what = 0;
		for (; s[len]; len++)
			what |= csv_byte[(unsigned char)s[len]];
		bool formula = ((flags & (CSVW_EXCEL | CSVW_SAFE)) && csvio_needs_neutralising(s)) ||
			       ((flags & CSVW_EXCEL) && (flags & CSVW_NUMBERS) && csvio_looks_numeric(s));
		bool quote = formula || (what & CB_QUOTE) || s[0] == ' ' || (len && s[len - 1] == ' ');
		if (!quote) {
			sb_addn(b, s, len);
			continue;
		}
		sb_addc(b, '"');
		if (formula)
			sb_addc(b, '\'');
		if (!(what & CB_DQUOTE) && !((what & CB_LF) && (flags & CSVW_EXCEL))) {
			sb_addn(b, s, len);
			sb_addc(b, '"');
			continue;
		}
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
	if (b->flush && b->len >= SB_FLUSH_AT)
		b->flush(b);
}
