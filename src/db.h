/* SPDX-License-Identifier: MIT */
/* The SQLite database: opening with the right pragmas, migrations, transactions, statements. */
#ifndef TIENDO_DB_H
#define TIENDO_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>

#include "util.h"

struct db {
	sqlite3 *h;
	char *path;
	struct db_stmt_cache {
		const char *sql;
		sqlite3_stmt *st;
	} cache[64];
	int n_cache;
	int depth; /* open transactions: 1 = BEGIN, more = savepoints */
	bool read_only; /* opened read-only: the folder cannot be written */
};

enum db_open_mode {
	DB_OPEN_EXISTING, /* refuse when the file does not exist */
	DB_OPEN_CREATE,   /* create the file (and its folder) when missing */
};

/* The database path: -f FILE, else $TIENDO_DB, else
 * $XDG_DATA_HOME/tiendo/tiendo.db (~/.local/share when unset). New string. */
char *db_default_path(const char *opt_path);

/* Open (and create or migrate) the database. WAL, synchronous=FULL,
 * foreign keys, busy timeout. */
int db_open(struct db *db, const char *path, enum db_open_mode mode, struct err *e);
void db_close(struct db *db);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; nested calls use savepoints. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);

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

/* meta table: small key/value settings (owner unit, current plan). */
char *db_meta_get(struct db *db, const char *key);
int db_meta_set(struct db *db, const char *key, const char *value, struct err *e);

/* The schema version this build writes, and migration to it. */
int schema_latest(void);
int schema_migrate(struct db *db, int target, struct err *e);
int schema_version(struct db *db);

#endif
