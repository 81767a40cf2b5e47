/* SPDX-License-Identifier: MIT */
/* What the C unit tests that look into a database share: one number read by SQL. */
#ifndef TIENDO_CHECK_DB_H
#define TIENDO_CHECK_DB_H

#include "db_internal.h"

/* The first column of sql's first row as a number; -1 when there is none. */
static inline long long q_int(struct db *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

#endif
