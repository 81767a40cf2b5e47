/* SPDX-License-Identifier: MIT */
/* A document outline independent of the file format, and its plain-text writer. */
#include "outline.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "humanfmt.h"
#include "msg.h"

void outline_init(struct outline *o, const char *title)
{
	memset(o, 0, sizeof *o);
	o->title = xstrdup(title ? title : "");
	o->page = (struct ol_page){.top = 20, .bottom = 20, .left = 30, .right = 15, .body_size = 28};
}

enum { CHUNK = 256 * 1024 };

static void *arena_alloc(struct outline *o, size_t n)
{
	struct ol_arena *a = &o->arena;
	n = (n + 7) & ~(size_t)7;
	if (n > CHUNK / 4) { /* a big piece gets a chunk of its own */
		xgrow((void **)&a->chunks, &a->cap, a->n + 1, sizeof *a->chunks);
		return a->chunks[a->n++] = xmalloc(n);
	}
	if (n > a->left) {
		xgrow((void **)&a->chunks, &a->cap, a->n + 1, sizeof *a->chunks);
		a->cur = a->chunks[a->n++] = xmalloc(CHUNK);
		a->left = CHUNK;
	}
	void *p = a->cur;
	a->cur += n;
	a->left -= n;
	return p;
}

const char *ol_strdup(struct outline *o, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = arena_alloc(o, n);
	memcpy(d, s, n);
	return d;
}

void outline_free(struct outline *o)
{
	for (size_t i = 0; i < o->arena.n; i++)
		free(o->arena.chunks[i]);
	free(o->arena.chunks);
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
	b->o = o;
	b->kind = (unsigned char)kind;
	return b;
}

struct ol_block *ol_heading(struct outline *o, int level, const char *text)
{
	struct ol_block *b = add(o, OL_HEADING);
	b->level = (unsigned char)level;
	b->align = OL_JUSTIFY;
	ol_run(b, OL_BOLD, text);
	return b;
}

struct ol_block *ol_para(struct outline *o, enum ol_align align)
{
	struct ol_block *b = add(o, OL_PARA);
	b->align = (unsigned char)align;
	return b;
}

struct ol_block *ol_text(struct outline *o, unsigned style, const char *text)
{
	struct ol_block *b = ol_para(o, OL_JUSTIFY);
	ol_run(b, style, text);
	return b;
}

void ol_run_ref(struct ol_block *b, unsigned style, const char *text)
{
	if (b->n_runs == b->cap_runs) { /* arena memory: grow by copying */
		unsigned cap = b->cap_runs ? 2 * b->cap_runs : 3;
		struct ol_run *r = arena_alloc(b->o, cap * sizeof *r);
		if (b->n_runs)
			memcpy(r, b->runs, b->n_runs * sizeof *r);
		b->runs = r;
		b->cap_runs = cap;
	}
	b->runs[b->n_runs++] = (struct ol_run){text, style};
}

void ol_run(struct ol_block *b, unsigned style, const char *text)
{
	ol_run_ref(b, style, ol_strdup(b->o, text));
}

void ol_runf(struct ol_block *b, unsigned style, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *t = arena_alloc(b->o, n > 0 ? (size_t)n + 1 : 1);
	t[0] = '\0';
	va_start(ap, fmt);
	if (n > 0)
		vsnprintf(t, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ol_run_ref(b, style, t);
}

struct ol_block *ol_table(struct outline *o, size_t rows, size_t cols, const unsigned *widths)
{
	struct ol_block *b = add(o, OL_TABLE);
	struct ol_table *t = b->table = arena_alloc(o, sizeof *t);
	t->rows = rows;
	t->cols = cols;
	t->cells = arena_alloc(o, (rows * cols + 1) * sizeof *t->cells);
	for (size_t i = 0; i < rows * cols; i++)
		t->cells[i] = "";
	t->widths = arena_alloc(o, (cols + 1) * sizeof *t->widths);
	for (size_t i = 0; i < cols; i++)
		t->widths[i] = widths ? widths[i] : (unsigned)(100 / cols);
	t->header_rows = 1;
	return b;
}

void ol_cell_ref(struct ol_block *b, size_t row, size_t col, const char *text)
{
	b->table->cells[row * b->table->cols + col] = text ? text : "";
}

void ol_cell(struct ol_block *b, size_t row, size_t col, const char *text)
{
	ol_cell_ref(b, row, col, text && *text ? ol_strdup(b->o, text) : "");
}

struct ol_block *ol_chart(struct outline *o, const char *title, size_t n_cats, size_t n_series)
{
	struct ol_block *b = add(o, OL_CHART);
	struct ol_chart *c = b->chart = arena_alloc(o, sizeof *c);
	c->title = ol_strdup(o, title);
	c->n_cats = n_cats;
	c->n_series = n_series;
	c->cats = arena_alloc(o, (n_cats + 1) * sizeof *c->cats);
	c->series = arena_alloc(o, (n_series + 1) * sizeof *c->series);
	c->values = arena_alloc(o, (n_cats * n_series + 1) * sizeof *c->values);
	for (size_t i = 0; i < n_cats; i++)
		c->cats[i] = "";
	for (size_t i = 0; i < n_series; i++)
		c->series[i] = "";
	for (size_t i = 0; i < n_cats * n_series; i++)
		c->values[i] = 0;
	return b;
}

void ol_chart_cat(struct ol_block *b, size_t i, const char *name)
{
	b->chart->cats[i] = ol_strdup(b->o, name);
}

void ol_chart_series(struct ol_block *b, size_t i, const char *name)
{
	b->chart->series[i] = ol_strdup(b->o, name);
}

void ol_signature(struct outline *o)
{
	add(o, OL_SIGNATURE);
}

void ol_page_break(struct outline *o)
{
	add(o, OL_PAGE_BREAK);
}

void ol_rule(struct outline *o)
{
	add(o, OL_RULE);
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
	case OL_RULE:
		break;
	case OL_HEADING:
		sb_add(s, "\n");
		text_runs(b, s);
		sb_add(s, "\n");
		break;
	case OL_PARA:
		if (b->level == OL_ADDRESS) { /* the label, then the addressees as list items */
			for (size_t i = 0; i < b->n_runs; i++)
				sb_addf(s, "%s%s\n", i ? "  " : "", b->runs[i].text);
			break;
		}
		sb_add(s, b->level ? "  " : "");
		text_runs(b, s);
		sb_add(s, "\n");
		break;
	case OL_TABLE:
		for (size_t r = 0; r < b->table->rows; r++)
			for (size_t c = 0; c < b->table->cols; c++) {
				sb_add(s, b->table->cells[r * b->table->cols + c]);
				sb_add(s, c + 1 < b->table->cols ? "\t" : "\n");
			}
		break;
	case OL_CHART: {
		const struct ol_chart *c = b->chart;
		sb_addf(s, "[%s: %s]\n", tr("chart"), c->title);
		for (size_t i = 0; i < c->n_cats; i++) {
			sb_add(s, c->cats[i]);
			for (size_t k = 0; k < c->n_series; k++) {
				char num[32];
				double v = c->values[k * c->n_cats + i];
				if (isnan(v))
					snprintf(num, sizeof num, "-");
				else {
					fmt_num(num, sizeof num, v);
					fmt_decimal_comma(num); /* the draft is Vietnamese */
				}
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
