/* SPDX-License-Identifier: MIT */
/* A document outline independent of the file format, and its plain-text writer. */
#include "outline.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

void outline_init(struct outline *o, const char *title)
{
	memset(o, 0, sizeof *o);
	o->title = xstrdup(title ? title : "");
	o->page = (struct ol_page){.top = 20, .bottom = 20, .left = 30, .right = 15, .body_size = 28};
}

static void block_free(struct ol_block *b)
{
	for (size_t i = 0; i < b->n_runs; i++)
		free(b->runs[i].text);
	free(b->runs);
	for (size_t i = 0; i < b->table.rows * b->table.cols; i++)
		free(b->table.cells[i]);
	free(b->table.cells);
	free(b->table.widths);
	free(b->chart.title);
	for (size_t i = 0; i < b->chart.n_cats; i++)
		free(b->chart.cats[i]);
	for (size_t i = 0; i < b->chart.n_series; i++)
		free(b->chart.series[i]);
	free(b->chart.cats);
	free(b->chart.series);
	free(b->chart.values);
}

void outline_free(struct outline *o)
{
	for (size_t i = 0; i < o->n; i++)
		block_free(&o->v[i]);
	free(o->v);
	free(o->title);
	free(o->head.gov);
	free(o->head.org);
	free(o->head.number);
	free(o->head.summary);
	free(o->head.place_date);
	sv_free(&o->foot.recipients);
	free(o->foot.signer_title);
	free(o->foot.signer);
	memset(o, 0, sizeof *o);
}

void ol_set(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

static struct ol_block *add(struct outline *o, enum ol_kind kind)
{
	xgrow((void **)&o->v, &o->cap, o->n + 1, sizeof *o->v);
	struct ol_block *b = &o->v[o->n++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	return b;
}

struct ol_block *ol_heading(struct outline *o, int level, const char *text)
{
	struct ol_block *b = add(o, OL_HEADING);
	b->level = level;
	b->align = OL_JUSTIFY;
	ol_run(b, OL_BOLD, text);
	return b;
}

struct ol_block *ol_para(struct outline *o, enum ol_align align)
{
	struct ol_block *b = add(o, OL_PARA);
	b->align = align;
	return b;
}

struct ol_block *ol_text(struct outline *o, unsigned style, const char *text)
{
	struct ol_block *b = ol_para(o, OL_JUSTIFY);
	ol_run(b, style, text);
	return b;
}

void ol_run(struct ol_block *b, unsigned style, const char *text)
{
	xgrow((void **)&b->runs, &b->cap_runs, b->n_runs + 1, sizeof *b->runs);
	b->runs[b->n_runs++] = (struct ol_run){xstrdup(text), style};
}

void ol_runf(struct ol_block *b, unsigned style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *t = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	t[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(t, (size_t)n + 1, fmt, ap);
	va_end(ap);
	xgrow((void **)&b->runs, &b->cap_runs, b->n_runs + 1, sizeof *b->runs);
	b->runs[b->n_runs++] = (struct ol_run){t, style};
}

struct ol_block *ol_table(struct outline *o, size_t rows, size_t cols, const unsigned *widths)
{
	struct ol_block *b = add(o, OL_TABLE);
	b->table.rows = rows;
	b->table.cols = cols;
	b->table.cells = xcalloc(rows * cols + 1, sizeof *b->table.cells);
	for (size_t i = 0; i < rows * cols; i++)
		b->table.cells[i] = xstrdup("");
	b->table.widths = xcalloc(cols ? cols : 1, sizeof *b->table.widths);
	for (size_t i = 0; i < cols; i++)
		b->table.widths[i] = widths ? widths[i] : (unsigned)(100 / cols);
	b->table.header_rows = 1;
	return b;
}

void ol_cell(struct ol_block *b, size_t row, size_t col, const char *text)
{
	char **c = &b->table.cells[row * b->table.cols + col];
	free(*c);
	*c = xstrdup(text ? text : "");
}

struct ol_block *ol_chart(struct outline *o, const char *title, size_t n_cats, size_t n_series)
{
	struct ol_block *b = add(o, OL_CHART);
	struct ol_chart *c = &b->chart;
	c->title = xstrdup(title);
	c->n_cats = n_cats;
	c->n_series = n_series;
	c->cats = xcalloc(n_cats ? n_cats : 1, sizeof *c->cats);
	c->series = xcalloc(n_series ? n_series : 1, sizeof *c->series);
	c->values = xcalloc(n_cats * n_series + 1, sizeof *c->values);
	for (size_t i = 0; i < n_cats; i++)
		c->cats[i] = xstrdup("");
	for (size_t i = 0; i < n_series; i++)
		c->series[i] = xstrdup("");
	return b;
}

void ol_signature(struct outline *o)
{
	add(o, OL_SIGNATURE);
}

void ol_page_break(struct outline *o)
{
	add(o, OL_PAGE_BREAK);
}

bool outline_has_signature(const struct outline *o)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i].kind == OL_SIGNATURE)
			return true;
	return false;
}

/* ---------------------------------------------------------------- text */

static void text_footer(const struct outline *o, struct strbuf *b)
{
	sb_add(b, "\nNơi nhận:\n");
	for (size_t i = 0; i < o->foot.recipients.n; i++)
		sb_addf(b, "- %s\n", o->foot.recipients.v[i]);
	sb_addf(b, "\n%s\n\n\n%s\n", o->foot.signer_title ? o->foot.signer_title : "",
		o->foot.signer ? o->foot.signer : "");
}

static void text_runs(const struct ol_block *b, struct strbuf *s)
{
	for (size_t i = 0; i < b->n_runs; i++)
		sb_add(s, b->runs[i].text);
}

static void text_block(const struct outline *o, const struct ol_block *b, struct strbuf *s)
{
	switch (b->kind) {
	case OL_SIGNATURE:
		text_footer(o, s);
		break;
	case OL_PAGE_BREAK:
		sb_add(s, "\n");
		break;
	case OL_HEADING:
		sb_add(s, "\n");
		text_runs(b, s);
		sb_add(s, "\n");
		break;
	case OL_PARA:
		sb_add(s, b->level ? "  " : "");
		text_runs(b, s);
		sb_add(s, "\n");
		break;
	case OL_TABLE:
		for (size_t r = 0; r < b->table.rows; r++)
			for (size_t c = 0; c < b->table.cols; c++) {
				sb_add(s, b->table.cells[r * b->table.cols + c]);
				sb_add(s, c + 1 < b->table.cols ? "\t" : "\n");
			}
		break;
	case OL_CHART: {
		const struct ol_chart *c = &b->chart;
		sb_addf(s, "[%s: %s]\n", tr("chart"), c->title);
		for (size_t i = 0; i < c->n_cats; i++) {
			sb_add(s, c->cats[i]);
			for (size_t k = 0; k < c->n_series; k++) {
				char num[32];
				fmt_num(num, sizeof num, c->values[k * c->n_cats + i]);
				sb_addf(s, "\t%s %s", c->series[k], num);
			}
			sb_add(s, "\n");
		}
		break;
	}
	}
}

void outline_text(const struct outline *o, struct strbuf *b)
{
	const struct ol_header *h = &o->head;
	sb_addf(b, "%s\n%s\n%s\n", h->gov ? h->gov : "", h->org ? h->org : "",
		h->number ? h->number : "");
	if (h->summary)
		sb_addf(b, "%s\n", h->summary);
	sb_add(b, "\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n");
	sb_addf(b, "%s\n\n", h->place_date ? h->place_date : "");
	for (size_t i = 0; i < o->n; i++)
		text_block(o, &o->v[i], b);
	if (!outline_has_signature(o))
		text_footer(o, b);
}
