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

/* The rows of st (id, parent, code, name, members, kind, retired) as a set
 * ordered by code; st is reset. */
static int read_units(struct db *db, sqlite3_stmt *st, struct unit_set *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	out->packed = true;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct unit_rec *u = &out->v[out->n++];
		u->id = sqlite3_column_int64(st, 0);
		u->parent_id = sqlite3_column_int64(st, 1);
		/* code, name and members in one block (the set is packed) */
		const char *c = db_col_text(st, 2), *nm = db_col_text(st, 3), *m = db_col_text(st, 4);
		size_t lc = strlen(c) + 1, ln = strlen(nm) + 1, lm = strlen(m) + 1;
		u->code = xmalloc(lc + ln + lm);
		u->name = u->code + lc;
		u->members = u->name + ln;
		memcpy(u->code, c, lc);
		memcpy(u->name, nm, ln);
		memcpy(u->members, m, lm);
		if (!unit_kind_parse(db_col_text(st, 5), &u->kind))
			u->kind = UNIT_AGENCY;
		u->retired = sqlite3_column_int(st, 6) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		unit_set_free(out);
		return db_fail(db, e);
	}
	unit_set_order_from_ids(out);
	return 0;
}

int store_units(struct db *db, struct unit_set *out, struct err *e)
{
	/* In the table's order (by id), sorted by code here: walking the code
	 * index looked every row up again (a sixth of a commune's export, whose
	 * database holds the province's 3,300 units). */
	sqlite3_stmt *st = db_prep(db, "SELECT id, COALESCE(parent_id, 0), code, name, members,"
				       " kind, retired FROM unit", e);
	if (!st) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	return read_units(db, st, out, e);
}

int store_units_sender(struct db *db, const char *sender, struct unit_set *out, struct err *e)
{
	memset(out, 0, sizeof *out);
	/* Units reporting to the sender: it answers for them. */
	sqlite3_stmt *st = db_prep(db, "SELECT EXISTS(SELECT 1 FROM report_rule r JOIN unit o"
				       " ON r.to_id = o.id WHERE o.code = ?1)", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, sender, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	bool answers = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_fail(db, e);
	if (answers)
		return store_units(db, out, e);
	/* What unit_list_covers, unit_under and exchange_recipient look at:
	 * the sender and the units above it, every group with the unit that
	 * scopes it, every reporting line's recipient; and the units right
	 * below the sender, if any (one pass over the table finds both). */
	st = db_prep(db, "WITH RECURSIVE up(id) AS (SELECT id FROM unit WHERE code = ?1"
			 "  UNION SELECT u.parent_id FROM unit u JOIN up ON u.id = up.id"
			 "  WHERE u.parent_id IS NOT NULL),"
			 " few(id, parent_id) AS MATERIALIZED (SELECT id, parent_id FROM unit"
			 "  WHERE kind = 'group' OR parent_id = (SELECT id FROM unit WHERE code = ?1)),"
			 " want(id) AS (SELECT id FROM up UNION SELECT id FROM few"
			 "  UNION SELECT parent_id FROM few UNION SELECT to_id FROM report_rule)"
			 " SELECT u.id, COALESCE(u.parent_id, 0), u.code, u.name, u.members, u.kind, u.retired"
			 " FROM want JOIN unit u ON u.id = want.id ORDER BY u.id", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, sender, -1, SQLITE_STATIC);
	if (read_units(db, st, out, e))
		return -1;
	/* Units below it: it answers for them too, and for whoever they answer for. */
	const struct unit_rec *me = unit_set_find(out, sender);
	for (size_t i = 0; me && i < out->n; i++)
		if (out->v[i].parent_id == me->id) {
			unit_set_free(out);
			return store_units(db, out, e);
		}
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

/* A group's members are unit kinds or units known here, as a plan package's
 * reader requires (planfile.c): one it refuses would stop every unit from
 * loading the next package. */
static int members_known(struct db *db, const char *members, struct err *e)
{
	struct strvec sv = {0};
	int rc = 0;
	sv_split_ws(&sv, members ? members : "");
	for (size_t i = 0; i < sv.n && !rc; i++) {
		enum unit_kind k;
		if (!unit_kind_parse(sv.v[i], &k) && !store_unit_id(db, sv.v[i]))
			rc = err_set(e, tr("member '%.40s' is neither a unit kind nor a declared unit"), sv.v[i]);
	}
	sv_free(&sv);
	return rc;
}

/* Is unit code a group of units? A group cannot be a unit's parent: the
 * tree of units (reports sent up, units under a department) runs through
 * single units, as the first-run screen and init --parent require. */
static bool unit_is_group(struct db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM unit WHERE code = ?1 AND kind = ?2", NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, unit_kind_name(UNIT_GROUP), -1, SQLITE_STATIC);
	bool group = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return group;
}

/* Is unit code retired? A new unit is not put under one: it would report
 * up a line nobody follows any more. */
static bool unit_is_retired(struct db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT 1 FROM unit WHERE code = ?1 AND retired != 0", NULL);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	bool retired = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	return retired;
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
	if (parent && unit_is_group(db, parent)) {
		err_set(e, tr("parent unit '%s' is a group of units: a unit's parent is one unit, such as the province or a department (see: tiendo units)"),
			parent);
		goto fail;
	}
	if (parent && unit_is_retired(db, parent)) {
		err_set(e, tr("parent unit '%s' is retired: choose a unit still followed as the parent (see: tiendo units)"),
			parent);
		goto fail;
	}
	if (members_known(db, members, e))
		goto fail;
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

int store_unit_dependents(struct db *db, const char *code, struct strvec *under, char **rule,
			  char **plan, struct err *e)
{
	memset(under, 0, sizeof *under);
	*rule = *plan = NULL;
	sqlite3_stmt *st = db_prep(db, "SELECT c.code FROM unit c JOIN unit u ON c.parent_id = u.id"
				       " WHERE u.code = ?1 AND c.retired = 0 ORDER BY c.code", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sv_push(under, db_col_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	if (!(st = db_prep(db, "SELECT r.code, p.code FROM report_rule r JOIN plan p ON p.id = r.plan_id"
			       " JOIN unit u ON u.id = r.to_id WHERE u.code = ?1 ORDER BY p.code, r.seq"
			       " LIMIT 1", e))) {
		sv_free(under);
		return -1;
	}
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rule = xstrdup(db_col_text(st, 0));
		*plan = xstrdup(db_col_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return 0;
fail:
	sv_free(under);
	free(*rule);
	free(*plan);
	*rule = *plan = NULL;
	return db_fail(db, e);
}

int store_unit_retire(struct db *db, const char *code, struct err *e)
{
	return unit_change(db, code, "UPDATE unit SET retired = 1 WHERE code = ?1 AND retired = 0", NULL,
			   e);
}
