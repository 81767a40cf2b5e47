/* SPDX-License-Identifier: MIT */
/* The consolidated workbook (.xlsx): summary, targets, reporting and entries sheets in
 * Vietnamese, with native charts (wraps libxlsxwriter). */
#ifndef TIENDO_XLSX_H
#define TIENDO_XLSX_H

#include "consolidation.h"
#include "outline.h"

/* Write the workbook of c to path atomically (a temporary file beside it,
 * then rename); the entries are read from db as they are written. -1 with
 * e set on failure; then path is untouched. */
int xlsx_write(struct db *db, const struct consolidated *c, const char *path, struct err *e);

/* A small workbook holding a chart's figures (sheet Sheet1: categories in
 * column A from row 2, one series a column from B, names in row 1), for a
 * document to embed so that the chart's data can be edited. Written to
 * path as is (a temporary file of the caller's). */
int xlsx_chart_data(const struct ol_chart *c, const char *path, struct err *e);

#endif
