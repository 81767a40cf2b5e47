/* SPDX-License-Identifier: MIT */
/* Reading entries and indicator values from statement columns, for the storage files
 * that select them (progress.c, report.c). */
#ifndef TIENDO_PROGRESS_ROWS_H
#define TIENDO_PROGRESS_ROWS_H

#include "db_internal.h"
#include "progress.h"

/* From column c: status, percent, count, result, difficulties, proposals,
 * evidence, entered_by, entered_at, revision. */
void entry_from_columns(sqlite3_stmt *st, int c, struct entry *en);
/* From column c: status, percent, count and the four texts only (a
 * conflict's incoming side keeps its author elsewhere). */
void entry_fields_from_columns(sqlite3_stmt *st, int c, struct entry *en);
/* From column c: numerator, denominator, value, note, entered_by,
 * entered_at, revision. */
void ivalue_from_columns(sqlite3_stmt *st, int c, struct ivalue *v);

/* Bind an entry (en), or else a value (v), as the columns from ?c of a
 * conflict row: status, percent, count, result, difficulties, proposals,
 * evidence, numerator, denominator, value, note, entered_by, entered_at
 * (the other kind's texts empty). exchange_conflicts.c. */
void conflict_bind_side(sqlite3_stmt *st, int c, const struct entry *en, const struct ivalue *v);

#endif
