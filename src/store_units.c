/* SPDX-License-Identifier: MIT */
/* Units in the database: loading them, the owner unit, and adding, renaming and retiring
 * one (every plan's next package then carries the change). */
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "msg.h"

/* Run a prepared statement bound by the caller; -1 on error. */
#define DONE(st) do { if (db_done(db, (st), e)) goto fail; } while (0)
#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), e))) goto fail; } while (0)

int store_units(struct db *db, struct unit_set *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, "SELECT id, COALESCE(parent_id, 0), code, name, members,"
				       " kind, retired FROM unit ORDER BY code", e);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct unit_rec *u = &out->v[out->n++];
		u->id = sqlite3_column_int64(st, 0);
		u->parent_id = sqlite3_column_int64(st, 1);
		u->code = xstrdup(db_col_text(st, 2));
		u->name = xstrdup(db_col_text(st, 3));
		u->members = xstrdup(db_col_text(st, 4));
		if (!unit_kind_parse(db_col_text(st, 5), &u->kind))
			u->kind = UNIT_AGENCY;
		u->retired = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		unit_set_free(out);
		return db_fail(db, e);
	}
	unit_set_index(out);
	return 0;
}

int store_owner(struct db *db, const struct unit_set *units, const struct unit_rec **out,
		struct err *e)
{
	char *code = db_meta_get(db, "owner");
	*out = code ? unit_set_find(units, code) : NULL;
	free(code);
	if (!*out)
		return err_set(e, tr("%s: the database has no owner unit; set one with: tiendo init --plan FILE --unit CODE"),
			       db->path);
	return 0;
}

int store_resolve_unit(struct db *db, const struct unit_set *units, const char *code,
		       const struct unit_rec **out, struct err *e)
{
	if (!code)
		return store_owner(db, units, out, e);
	*out = unit_set_find(units, code);
	if (!*out)
		return err_set(e, tr("unknown unit '%s' (see: tiendo units)"), code);
	return 0;
}

/* Units changed: every plan's next package must carry them (see store_plan_bump). */
static int mark_plans_pending(struct db *db, struct err *e)
{
	sqlite3_stmt *st;
	PREP(st, "UPDATE plan SET pending = 1");
	DONE(st);
	return 0;
fail:
	return -1;
}

int store_unit_add(struct db *db, const char *code, const char *name, enum unit_kind kind,
		   const char *parent, const char *members, struct err *e)
{
	sqlite3_stmt *st;
	if (db_begin(db, e))
		return -1;
	if (store_unit_id(db, code)) {
		err_set(e, tr("unit '%s' already exists"), code);
		goto fail;
	}
	if (parent && !store_unit_id(db, parent)) {
		err_set(e, tr("unknown parent unit '%s' (see: tiendo units)"), parent);
		goto fail;
	}
	PREP(st, "INSERT INTO unit(code, kind, parent_id, members, name)"
		 " VALUES (?1, ?2, (SELECT id FROM unit WHERE code = ?3), ?4, ?5)");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, unit_kind_name(kind), -1, SQLITE_STATIC);
	db_bind_text(st, 3, parent);
	sqlite3_bind_text(st, 4, members ? members : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, name, -1, SQLITE_STATIC);
	DONE(st);
	/* It belongs to the current plan's package even with no parent there. */
	PREP(st, "INSERT OR IGNORE INTO plan_unit(plan_id, unit_id)"
		 " SELECT p.id, u.id FROM plan p, unit u WHERE u.code = ?1"
		 " AND p.code = (SELECT value FROM meta WHERE key = 'plan')");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	DONE(st);
	if (mark_plans_pending(db, e))
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

/* Change known unit code by sql (?1 the code, ?2 name when not NULL), in
 * one transaction; a change marks the plan packages as pending. */
static int unit_change(struct db *db, const char *code, const char *sql, const char *name,
		       struct err *e)
{
	sqlite3_stmt *st;
	if (db_begin(db, e))
		return -1;
	if (!store_unit_id(db, code)) {
		err_set(e, tr("unknown unit '%s' (see: tiendo units)"), code);
		goto fail;
	}
	PREP(st, sql);
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if (name)
		sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	DONE(st);
	if (sqlite3_changes(db->h) && mark_plans_pending(db, e))
		goto fail;
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}

int store_unit_rename(struct db *db, const char *code, const char *name, struct err *e)
{
	return unit_change(db, code, "UPDATE unit SET name = ?2 WHERE code = ?1 AND name != ?2", name, e);
}

int store_unit_retire(struct db *db, const char *code, struct err *e)
{
	return unit_change(db, code, "UPDATE unit SET retired = 1 WHERE code = ?1 AND retired = 0", NULL,
			   e);
}
