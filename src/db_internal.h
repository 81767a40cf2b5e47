/* SPDX-License-Identifier: MIT */
/* The database's insides, for storage files only: the SQLite handle, the statement
 * cache, and the helpers that prepare, step and read statements. */
#ifndef TIENDO_DB_INTERNAL_H
#define TIENDO_DB_INTERNAL_H

#include <sqlite3.h>

#include "db.h"

struct db {
	sqlite3 *h;
	char *path;
	struct db_stmt_cache {
		const char *sql;
		sqlite3_stmt *st;
	} cache[64];
	int n_cache;
	int depth; /* open transactions: 1 = BEGIN, more = savepoints */
	int reading; /* db_read_begin calls not yet ended */
	bool read_only; /* opened read-only: the folder cannot be written */
	bool bulk; /* between db_bulk_begin and db_bulk_end */
	long long bulk_cache; /* cache_size before it */
};

/* Open (and create or migrate) the database into db; see db_connect. */
int db_open(struct db *db, const char *path, enum db_open_mode mode, struct err *e);
void db_close(struct db *db);

/* A prepared statement for sql (a string literal: the pointer is the cache
 * key), reset and with its bindings cleared. NULL with e set on error. */
sqlite3_stmt *db_prep(struct db *db, const char *sql, struct err *e);
/* Step a statement that returns no rows; -1 with e set on error. */
int db_done(struct db *db, sqlite3_stmt *st, struct err *e);
/* Record a SQLite error in e. Returns -1. */
int db_fail(struct db *db, struct err *e);

/* Bind helpers: NULL text binds NULL. */
void db_bind_text(sqlite3_stmt *st, int i, const char *s);
/* Text of column i, never NULL. */
const char *db_col_text(sqlite3_stmt *st, int i);

#endif
