/* SPDX-License-Identifier: MIT */
/* The SQLite database: opening with the right pragmas, migrations, transactions, statements. */
#include "db_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

char *db_default_path(const char *opt_path)
{
	if (opt_path && *opt_path)
		return xstrdup(opt_path);
	const char *env = compat_getenv("TIENDO_DB");
	if (env && *env)
		return xstrdup(env);
	return compat_default_db_path();
}

/* mkdir -p for the folder holding path, mode 0700 for what it creates. */
static int make_parent_dirs(const char *path, struct err *e)
{
	char *dir = xstrdup(path);
	const char *slash = compat_last_sep(dir);
	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	dir[slash - dir] = '\0';
	for (char *p = dir + 1; ; p++) {
		if (*p == '\0' || compat_is_sep(*p)) {
			char c = *p;
			*p = '\0';
			if (compat_mkdir(dir) != 0 && errno != EEXIST) {
				err_set(e, tr("%s: cannot create folder: %s"), dir, tr_errno(errno));
				free(dir);
				return -1;
			}
			*p = c;
			if (!c)
				break;
		}
	}
	free(dir);
	return 0;
}

int db_fail(struct db *db, struct err *e)
{
	if (db->h && (sqlite3_extended_errcode(db->h) & 0xff) == SQLITE_READONLY)
		return err_set(e, tr("%s: the folder is read-only: nothing can be saved there (reading works); copy the database to a folder you can write to"),
			       db->path ? db->path : "?");
	return err_set(e, tr("%s: database error: %s"), db->path ? db->path : "?",
		       db->h ? sqlite3_errmsg(db->h) : "?");
}

static int exec(struct db *db, const char *sql, struct err *e)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set(e, tr("%s: database error: %s"), db->path, msg ? msg : "?");
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* Only a regular file that is empty (a new database) or starts as SQLite
 * databases do is opened: a device (/dev/null), a folder or a text file is
 * never turned into a database. */
static int check_file(const char *path, enum db_open_mode mode, struct err *e)
{
	long long size = compat_file_size(path);
	if (size < 0)
		return err_set(e, tr("%s: not a regular file (a device, a folder or a pipe): not a tiendo database"),
			       path);
	if (size == 0) {
		if (mode == DB_OPEN_EXISTING)
			return err_set(e, tr("%s: the file is empty: not a tiendo database; create one with: tiendo -f FILE init --plan FILE"),
				       path);
		return 0;
	}
	char head[16];
	FILE *f = compat_fopen(path, "rb");
	size_t got = f ? fread(head, 1, sizeof head, f) : 0;
	int err = !f || ferror(f) ? errno : 0;
	if (f)
		fclose(f);
	if (err)
		return err_set(e, tr("%s: cannot read: %s"), path, tr_errno(err));
	if (got < sizeof head || memcmp(head, "SQLite format 3", 16) != 0)
		return err_set(e, tr("%s: not a tiendo database (not an SQLite file); give the database with -f, or a new file name to init"),
			       path);
	return 0;
}

/* "The database is damaged", with the first line integrity_check gives
 * (or detail, when the damage is one integrity_check does not see). */
static int damaged(struct db *db, const char *detail, struct err *e)
{
	char first[300] = "";
	sqlite3_stmt *st;
	if (detail)
		snprintf(first, sizeof first, "%s", detail);
	else if (sqlite3_prepare_v2(db->h, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(first, sizeof first, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (!first[0])
		snprintf(first, sizeof first, "%s", sqlite3_errmsg(db->h));
	return err_set(e, tr("%s: the database is damaged (integrity check: %s); restore a copy (a backup made with VACUUM INTO, or the last copy you saved) and import the files received since"),
		       db->path, first);
}

/* Is the database's folder (or the file) on a read-only mount, or not writable? */
static bool folder_read_only(const char *path)
{
	const char *sep = compat_last_sep(path);
	char *dir = sep ? xstrndup(path, sep == path ? 1 : (size_t)(sep - path)) : xstrdup(".");
	bool ro = !compat_writable(dir) || !compat_writable(path);
	free(dir);
	return ro;
}

/* Before SQLite's first use in the process: no count of the memory it
 * holds (nothing here reads it), which took a global mutex on every one of
 * its allocations (1.6 million in an import of 3,300 reports). Too late
 * once SQLite has started (a test that opened a database itself): then
 * SQLite refuses and keeps counting, which is harmless. */
static void library_setup(void)
{
	static bool done;
	if (!done) {
		done = true;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
}

/* A database in a read-only folder (a CD, a read-only mount, a colleague's
 * share): opened read-only and immutable (no WAL files can be made there),
 * so that read commands work; a change fails with "the folder is read-only". */
static int open_read_only(struct db *db, const char *path, struct err *e)
{
	sqlite3_close(db->h);
	db->h = NULL;
	char *uri = sqlite3_mprintf("file:%s?immutable=1", path);
	int rc = sqlite3_open_v2(uri, &db->h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX,
				 NULL);
	sqlite3_free(uri);
	if (rc != SQLITE_OK) {
		db_fail(db, e);
		db_close(db);
		return -1;
	}
	sqlite3_extended_result_codes(db->h, 1);
	db->read_only = true;
	int v = schema_version(db);
	if (v < 0 || v != schema_latest()) {
		if (v < 0)
			damaged(db, NULL, e);
		else
			err_set(e, tr("%s: the folder is read-only and the database needs an update to schema %d (it has %d): copy it to a folder you can write to"),
				path, schema_latest(), v);
		db_close(db);
		return -1;
	}
	return 0;
}

/* An SQLite file of another program: tables, but no schema version of
 * tiendo's. Opening it set it to WAL and added tiendo's tables beside the
 * program's own, even for a command that only reads. */
static bool foreign_database(struct db *db)
{
	sqlite3_stmt *st;
	bool foreign = false;
	if (schema_version(db) != 0 ||
	    sqlite3_prepare_v2(db->h, "SELECT 1 FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'",
			       -1, &st, NULL) != SQLITE_OK)
		return false;
	foreign = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	return foreign;
}

int db_open(struct db *db, const char *path, enum db_open_mode mode, struct err *e)
{
	memset(db, 0, sizeof *db);
	db->path = xstrdup(path);
	bool exists = compat_path_kind(path) >= 0;
	if (!exists && mode == DB_OPEN_EXISTING) {
		err_set(e, tr("%s: no database here; create one with: tiendo -f %s init --plan FILE"),
			path, path);
		goto fail;
	}
	if (exists && check_file(path, mode, e))
		goto fail;
	if (!exists) {
		if (make_parent_dirs(path, e))
			goto fail;
		if (compat_create_new(path) != 0 && errno != EEXIST) {
			err_set(e, tr("%s: cannot create: %s"), path, tr_errno(errno));
			goto fail;
		}
	}
	/* One thread per connection: no mutex around every call (4% of a
	 * consolidation went to locking them). */
	library_setup();
	if (sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		db_fail(db, e);
		goto fail;
	}
	if (exists && folder_read_only(path))
		return open_read_only(db, path, e);
	sqlite3_busy_timeout(db->h, 10000);
	sqlite3_extended_result_codes(db->h, 1);
	if (exists && foreign_database(db)) {
		err_set(e, tr("%s: an SQLite database of another program, not a tiendo database (left as it was); give the database with -f, or a new file name to init"),
			path);
		goto fail;
	}
	/* A file that is not a database fails on its first read. */
	if (exec(db, "PRAGMA foreign_keys=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", e)) {
		int code = sqlite3_errcode(db->h);
		if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
			damaged(db, NULL, e);
		goto fail;
	}
	int v = schema_version(db);
	if (v < 0) {
		char d[80];
		snprintf(d, sizeof d, "user_version %d", v);
		damaged(db, d, e);
		goto fail;
	}
	if (v > schema_latest()) {
		err_set(e, tr("%s: the database was written by a newer tiendo (schema %d, this one knows %d)"),
			path, v, schema_latest());
		goto fail;
	}
	if (v < schema_latest() && schema_migrate(db, schema_latest(), e))
		goto fail;
	return 0;
fail:
	db_close(db);
	return -1;
}

void db_close(struct db *db)
{
	for (int i = 0; i < db->n_cache; i++)
		sqlite3_finalize(db->cache[i].st);
	db->n_cache = 0;
	if (db->h)
		sqlite3_close(db->h);
	db->h = NULL;
	free(db->path);
	db->path = NULL;
}

/* SQLite rolled the whole transaction back by itself (it does on a full
 * disk, an I/O error, out of memory, some lock failures): a savepoint
 * begun or released now would run outside any transaction and commit on
 * its own, so the transaction is over and the caller's work is lost. */
static int lost(struct db *db, struct err *e)
{
	db->depth = 0;
	return err_set(e, tr("%s: the database rolled the transaction back (full disk or write error?): nothing of it was saved"),
		       db->path);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE ... COMMIT, inner ones
 * are savepoints, so a whole import (or a dry run that is rolled back) can
 * wrap functions that open their own transaction. */
int db_begin(struct db *db, struct err *e)
{
	if (db->depth && sqlite3_get_autocommit(db->h))
		return lost(db, e);
	if (exec(db, db->depth ? "SAVEPOINT nest" : "BEGIN IMMEDIATE", e))
		return -1;
	db->depth++;
	return 0;
}

int db_commit(struct db *db, struct err *e)
{
	if (db->depth > 1) {
		if (sqlite3_get_autocommit(db->h))
			return lost(db, e);
		db->depth--;
		return exec(db, "RELEASE nest", e);
	}
	if (db->depth == 1 && sqlite3_get_autocommit(db->h))
		return lost(db, e);
	db->depth = 0;
	if (exec(db, "COMMIT", e)) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

int db_read_begin(struct db *db, struct err *e)
{
	if (db->reading || db->depth || !sqlite3_get_autocommit(db->h)) {
		db->reading++;
		return 0;
	}
	if (exec(db, "BEGIN", e))
		return -1;
	db->reading = 1;
	return 0;
}

void db_read_end(struct db *db)
{
	if (db->reading > 0 && --db->reading == 0 && !db->depth && !sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "COMMIT", NULL, NULL, NULL);
}

struct db_stamp db_stamp(struct db *db)
{
	struct db_stamp s = {-1, sqlite3_total_changes64(db->h)};
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db->h, "PRAGMA data_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		s.version = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return s;
}

bool db_stamp_same(struct db_stamp a, struct db_stamp b)
{
	return a.version >= 0 && a.version == b.version && a.changes == b.changes;
}

void db_abort(struct db *db)
{
	db->depth = 0;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

void db_rollback(struct db *db)
{
	if (db->depth > 1) {
		db->depth--;
		sqlite3_exec(db->h, "ROLLBACK TO nest; RELEASE nest", NULL, NULL, NULL);
		return;
	}
	db->depth = 0;
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
}

sqlite3_stmt *db_prep(struct db *db, const char *sql, struct err *e)
{
	for (int i = 0; i < db->n_cache; i++)
		if (db->cache[i].sql == sql) {
			sqlite3_reset(db->cache[i].st);
			sqlite3_clear_bindings(db->cache[i].st);
			return db->cache[i].st;
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, e);
		return NULL;
	}
	if (db->n_cache < (int)ARRAY_LEN(db->cache)) {
		db->cache[db->n_cache].sql = sql;
		db->cache[db->n_cache++].st = st;
	} else {
		/* Full cache: evict the oldest entry not being stepped (a caller
		 * may step one statement while preparing another). */
		int v = 0;
		while (v < db->n_cache - 1 && sqlite3_stmt_busy(db->cache[v].st))
			v++;
		sqlite3_finalize(db->cache[v].st);
		memmove(db->cache + v, db->cache + v + 1,
			(size_t)(db->n_cache - 1 - v) * sizeof db->cache[0]);
		db->cache[db->n_cache - 1].sql = sql;
		db->cache[db->n_cache - 1].st = st;
	}
	return st;
}

int db_done(struct db *db, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_fail(db, e);
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 0;
}

void db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *db_col_text(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? (const char *)s : "";
}

char *db_meta_get(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_prep(db, "SELECT value FROM meta WHERE key = ?1", NULL);
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = xstrdup(db_col_text(st, 0));
	sqlite3_reset(st);
	return v;
}

int db_meta_set(struct db *db, const char *key, const char *value, struct err *e)
{
	sqlite3_stmt *st = db_prep(db,
				   "INSERT INTO meta(key, value) VALUES (?1, ?2) "
				   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return db_done(db, st, e);
}

/* A pragma's integer value (fallback when it cannot be read). */
static long long pragma_int(struct db *db, const char *sql, long long fallback)
{
	sqlite3_stmt *st = NULL;
	long long v = fallback;
	if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void pragma_set(struct db *db, const char *name, long long v)
{
	char sql[80];
	snprintf(sql, sizeof sql, "PRAGMA %s = %lld", name, v);
	sqlite3_exec(db->h, sql, NULL, NULL, NULL);
}

void db_bulk_begin(struct db *db)
{
	if (db->bulk)
		return;
	db->bulk = true;
	db->bulk_cache = pragma_int(db, "PRAGMA cache_size", -2000);
	pragma_set(db, "cache_size", -65536);
}

void db_bulk_end(struct db *db)
{
	if (!db->bulk)
		return;
	db->bulk = false;
	pragma_set(db, "cache_size", db->bulk_cache);
}

struct db *db_connect(const char *path, enum db_open_mode mode, struct err *e)
{
	struct db *db = xcalloc(1, sizeof *db);
	if (db_open(db, path, mode, e)) {
		free(db);
		return NULL;
	}
	return db;
}

void db_disconnect(struct db *db)
{
	if (!db)
		return;
	db_close(db);
	free(db);
}

const char *db_path(const struct db *db)
{
	return db->path;
}
