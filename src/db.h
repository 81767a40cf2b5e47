/* SPDX-License-Identifier: MIT */
/* The SQLite database: opening with the right pragmas, migrations, transactions, statements. */
#ifndef TIENDO_DB_H
#define TIENDO_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* An open database: opaque above storage (its insides, and <sqlite3.h>,
 * are in db_internal.h, which only storage files include). */
struct db;

enum db_open_mode {
	DB_OPEN_EXISTING, /* refuse when the file does not exist */
	DB_OPEN_CREATE,   /* create the file (and its folder) when missing */
};

/* The database path: -f FILE, else $TIENDO_DB, else
 * $XDG_DATA_HOME/tiendo/tiendo.db (~/.local/share when unset). New string. */
char *db_default_path(const char *opt_path);

/* Open (and create or migrate) the database. WAL, synchronous=FULL,
 * foreign keys, busy timeout. NULL with e set on failure. */
struct db *db_connect(const char *path, enum db_open_mode mode, struct err *e);
/* Close it and free it (NULL: nothing). */
void db_disconnect(struct db *db);
/* The database file's path. */
const char *db_path(const struct db *db);

/* A bulk write (an import of many files) between db_bulk_begin and
 * db_bulk_end: a 64 MiB page cache (16 MiB before, SQLite's 2 MiB before
 * that: 4.3 s -> 3.7 s for 6,600 reports), so that the pages a batch's
 * transaction changes stay in memory until its commit instead of spilling
 * into the WAL and being read back: 3,300 reports into a database holding
 * the previous half-year wrote about 14,200 WAL frames and read 16,900
 * pages back from the WAL, now 11,700 and 11,700 (the checkpoints' reads).
 * Checkpointing only once at the end (wal_autocheckpoint raised) wrote
 * fewer pages still but was not faster: the whole checkpoint and its fsync
 * then waited at the end. The interface keeps SQLite's defaults. */
void db_bulk_begin(struct db *db);
/* Back to the cache size before db_bulk_begin. */
void db_bulk_end(struct db *db);

/* A read transaction around many statements (one snapshot, one lock, not
 * one per statement): BEGIN (deferred) ... COMMIT. Nests; inside a write
 * transaction it does nothing. Nothing may be written until db_read_end. */
int db_read_begin(struct db *db, struct err *e);
void db_read_end(struct db *db);

/* What the database has seen of changes: PRAGMA data_version (it changes
 * when another connection commits) and this connection's own changed rows
 * (sqlite3_total_changes64). What was read under one stamp holds while the
 * stamp is the same; version -1 when it cannot be read (never the same). */
struct db_stamp {
	long long version, changes;
};
struct db_stamp db_stamp(struct db *db);
bool db_stamp_same(struct db_stamp a, struct db_stamp b);

/* BEGIN IMMEDIATE / COMMIT / ROLLBACK; nested calls use savepoints. */
int db_begin(struct db *db, struct err *e);
int db_commit(struct db *db, struct err *e);
void db_rollback(struct db *db);
/* Roll back the outermost transaction, whatever the nesting depth. */
void db_abort(struct db *db);
/* A nested db_begin or db_commit after SQLite rolled the transaction back
 * by itself (full disk, I/O error) fails instead of running alone. */

/* meta table: small key/value settings (owner unit, current plan). */
char *db_meta_get(struct db *db, const char *key);
int db_meta_set(struct db *db, const char *key, const char *value, struct err *e);

/* The schema version this build writes, and migration to it. */
int schema_latest(void);
int schema_migrate(struct db *db, int target, struct err *e);
int schema_version(struct db *db);

#endif
