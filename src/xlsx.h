/* SPDX-License-Identifier: MIT */
/* The consolidated workbook (.xlsx): summary, targets, reporting and entries sheets in
 * Vietnamese, with native charts (wraps libxlsxwriter). */
#ifndef TIENDO_XLSX_H
#define TIENDO_XLSX_H

#include "consolidation.h"

/* Write the workbook of c to path atomically (a temporary file beside it,
 * then rename); the entries are read from db as they are written. -1 with
 * e set on failure; then path is untouched. */
int xlsx_write(struct db *db, const struct consolidated *c, const char *path, struct err *e);

#endif
