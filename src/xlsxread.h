/* SPDX-License-Identifier: MIT */
/* Reading the report sheet of an .xlsx workbook (a report a clerk opened in
 * Excel and saved as a workbook) as CSV text, so that it goes through the
 * same checks as any CSV file. The only module that uses libzip and expat. */
#ifndef TIENDO_XLSXREAD_H
#define TIENDO_XLSXREAD_H

#include <stdbool.h>
#include <stddef.h>

/* Does buf start like a zip archive (an .xlsx workbook)? */
bool xlsxread_sniff(const char *buf, size_t n);

/* The cells of the first sheet that starts with the format row (a sheet of
 * notes may come before it), else of the first sheet: shared strings,
 * inline strings, numbers and booleans as CSV text, one row per sheet row,
 * empty cells kept by position. A new string (its length in *out_len), or NULL with *why set to
 * an untranslated reason (N_()). At most max_bytes of XML are read per part. */
char *xlsxread_to_csv(const char *buf, size_t n, size_t max_bytes, size_t *out_len,
		      const char **why);

#endif
