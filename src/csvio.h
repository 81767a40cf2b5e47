/* SPDX-License-Identifier: MIT */
/* CSV reading (wraps libcsv) and writing, with line numbers, size caps and Excel-safe output. */
#ifndef TIENDO_CSVIO_H
#define TIENDO_CSVIO_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

struct csv_row {
	char **f;     /* NUL-terminated fields */
	size_t n;     /* number of fields */
	int line;     /* line the row starts on, 1-based */
};

struct csv_table {
	struct csv_row *rows;
	size_t n, cap;
	char delim;
	bool had_bom;
};

struct csv_limits {
	size_t max_field; /* bytes in one field */
	size_t max_row;   /* bytes in one row, all fields */
	size_t max_fields; /* fields in one row */
};

extern const struct csv_limits csvio_default_limits;

/* Parse buf[0..n) (the contents of the file called name, for messages) into
 * t. delim 0 means: detect ',' ';' or TAB from the first line. Strict RFC
 * 4180 quoting; a leading UTF-8 BOM is skipped; NUL bytes, unterminated
 * quotes and oversized fields refuse the whole input with "name:line: why". */
int csvio_parse(const char *buf, size_t n, const char *name, char delim,
		const struct csv_limits *lim, struct csv_table *t, struct err *e);
void csvio_table_free(struct csv_table *t);

/* The same, row by row without keeping them: fn gets each row (its fields
 * valid, and writable, until fn returns) and returns nonzero to stop. No
 * allocation per field or row, so memory does not grow with the input.
 * delim_out and had_bom (may be NULL) get the separator used and whether
 * a BOM was skipped. */
typedef int csvio_row_fn(void *arg, const struct csv_row *row);
/* Rows of the common shape (no space at a field's ends, well-formed
 * quoting, LF or CRLF line ends) are read by csvio.c's own tokenizer, the
 * rest by libcsv, with the same rows, lines and messages; true sends
 * everything to libcsv (tests compare the two). */
extern bool csvio_libcsv_only;
int csvio_parse_rows(const char *buf, size_t n, const char *name, char delim,
		     const struct csv_limits *lim, csvio_row_fn *fn, void *arg, char *delim_out,
		     bool *had_bom, struct err *e);

enum csv_write_flags {
	CSVW_EXCEL = 1, /* CRLF line ends; neutralise cells a spreadsheet would read as formulas */
	CSVW_SAFE = 2,  /* neutralise formula cells only (a file a person may open, LF, no BOM) */
	CSVW_NUMBERS = 4, /* with CSVW_EXCEL: protect texts a spreadsheet would turn into numbers */
};

/* Would a spreadsheet take s as a formula (=, +, -, @, tab, CR, LF first)?
 * Such cells are written with a leading ' under CSVW_EXCEL; so are cells
 * that start with ' themselves, so that csvio_unneutralise is exact. */
bool csvio_needs_neutralising(const char *s);
/* Would a spreadsheet turn text s into a number, percentage, date, time,
 * fraction or scientific number ("0912345678", "50%", "1/10", "12-5",
 * "1E5", "1.000.000", "8:30")? Such cells get the same leading ' under
 * CSVW_EXCEL | CSVW_NUMBERS (LibreOffice Calc keeps it on a re-save). */
bool csvio_looks_numeric(const char *s);
/* Undo the neutralisation of one cell read from an Excel-flavour file. */
void csvio_unneutralise(char *s);
/* Append one row to b, quoting fields as needed. */
void csvio_write_row(struct strbuf *b, const char *const *fields, size_t n, unsigned flags);

#endif
