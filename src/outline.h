/* SPDX-License-Identifier: MIT */
/* A document outline independent of the file format: the header block of an official
 * document, headings, paragraphs of runs (bold, italic), tables, charts given as data
 * series, and the footer block (recipients, signer). Built by draft.c, written by
 * docx.c (Word) or outline_text() (the terminal). */
#ifndef TIENDO_OUTLINE_H
#define TIENDO_OUTLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum ol_align { OL_LEFT, OL_CENTER, OL_RIGHT, OL_JUSTIFY };
enum { OL_BOLD = 1, OL_ITALIC = 2 };
/* OL_SIGNATURE: where the footer block (recipients, signer) goes; at the
 * end when the outline has none. OL_RULE: a short centred rule, as under a
 * document's subject line (nothing in plain text). */
enum ol_kind { OL_PARA, OL_HEADING, OL_TABLE, OL_CHART, OL_SIGNATURE, OL_PAGE_BREAK, OL_RULE };
/* A paragraph's level: OL_ITEM a list item; OL_ADDRESS "Kính gửi:" with
 * several addressees: the first run the label, each further run one
 * addressee on its own line, aligned after the label. */
enum { OL_ITEM = 1, OL_ADDRESS = 2 };

struct ol_run {
	const char *text; /* may hold line breaks; the outline's copy, or borrowed */
	unsigned style;
};

struct ol_table {
	size_t rows, cols;
	const char **cells; /* rows * cols, never NULL */
	unsigned *widths;   /* per column, in percent of the text width */
	size_t header_rows; /* repeated on each page, bold */
};

struct ol_chart {
	const char *title;
	size_t n_cats, n_series;
	const char **cats, **series;
	double *values; /* n_series * n_cats, series by series; NAN: no figure (a gap) */
};

struct outline;

/* Small: a national-scale report has some 10^5 blocks. */
struct ol_block {
	struct outline *o;
	unsigned char kind;  /* enum ol_kind */
	unsigned char align; /* enum ol_align */
	unsigned char level; /* heading: 1 (I.), 2 (1.), 3 (a); paragraph: 0, OL_ITEM, OL_ADDRESS */
	unsigned char size;  /* in half points; 0: the body size */
	unsigned n_runs, cap_runs;
	struct ol_run *runs;
	union {
		struct ol_table *table; /* OL_TABLE */
		struct ol_chart *chart; /* OL_CHART */
	};
};

/* The header block of Decree 30/2020/NĐ-CP: left the governing and the
 * issuing body, the number; right the national motto and place and date.
 * Unknown parts are dotted blanks, never empty. */
struct ol_header {
	char *gov, *org;    /* capitals */
	char *number;       /* "Số: …/BC-SKHCN" */
	char *summary;      /* an official letter's "V/v …" under the number, or NULL */
	char *place_date;   /* "Đồng Tháp, ngày … tháng … năm 2026" */
};

struct ol_footer {
	struct strvec recipients; /* "Nơi nhận:" lines, without the heading */
	char *signer_title, *signer;
};

/* Page set-up (A4 portrait) in millimetres, body size in half points. */
struct ol_page {
	int top, bottom, left, right;
	int body_size;
};

/* The outline's strings and small arrays live in chunks freed together (a
 * national-scale report holds some 10^5 paragraphs). */
struct ol_arena {
	char **chunks;
	size_t n, cap;
	char *cur;
	size_t left;
};

struct outline {
	char *title; /* the document's title for its properties */
	struct ol_arena arena;
	struct ol_page page;
	struct ol_header head;
	struct ol_footer foot;
	struct ol_block *v;
	size_t n, cap;
};

/* An empty outline with the decree's page set-up (A4, margins 20/20/30/15
 * mm, 14 pt). */
void outline_init(struct outline *o, const char *title);
void outline_free(struct outline *o);

/* Set a header or footer string (copied). */
void ol_set(char **field, const char *s);

/* A copy of s in the outline's memory. */
const char *ol_strdup(struct outline *o, const char *s);

struct ol_block *ol_heading(struct outline *o, int level, const char *text);
struct ol_block *ol_para(struct outline *o, enum ol_align align);
/* A paragraph of one run. */
struct ol_block *ol_text(struct outline *o, unsigned style, const char *text);
void ol_run(struct ol_block *b, unsigned style, const char *text);
/* A run of text that outlives the outline (not copied). */
void ol_run_ref(struct ol_block *b, unsigned style, const char *text);
void ol_runf(struct ol_block *b, unsigned style, const char *fmt, ...)
	TIENDO_PRINTF(3, 4);
/* A table of rows x cols empty cells; widths (percent) may be NULL. */
struct ol_block *ol_table(struct outline *o, size_t rows, size_t cols, const unsigned *widths);
void ol_cell(struct ol_block *b, size_t row, size_t col, const char *text);
/* A cell text that outlives the outline (not copied). */
void ol_cell_ref(struct ol_block *b, size_t row, size_t col, const char *text);
/* A chart of n_series series over n_cats categories, values zero (NAN for
 * a figure not known: no bar rather than a bar at 0); name
 * them with ol_chart_cat and ol_chart_series. */
struct ol_block *ol_chart(struct outline *o, const char *title, size_t n_cats, size_t n_series);
void ol_chart_cat(struct ol_block *b, size_t i, const char *name);
void ol_chart_series(struct ol_block *b, size_t i, const char *name);

void ol_signature(struct outline *o);
void ol_page_break(struct outline *o);
void ol_rule(struct outline *o);
/* Has the outline a place for the footer block? */
bool outline_has_signature(const struct outline *o);

/* The outline as plain text (headings, paragraphs, tables as tab-separated
 * rows, charts as their figures), appended to b. */
void outline_text(const struct outline *o, struct strbuf *b);

#endif
