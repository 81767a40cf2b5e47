/* SPDX-License-Identifier: MIT */
/* Session actions on units: add, rename, retire (the next plan package carries them),
 * each checked here. The caller reloads the bundle afterwards (session_reload), when
 * it no longer holds pointers into the units. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "db.h"
#include "encoding.h"
#include "msg.h"
#include "progress.h"
#include "session.h"
#include "text.h"

/* A unit's name: not empty, and within the limit of every text (a report
 * refuses a longer one; one over 64 KiB made a plan package no unit could
 * load). */
static int check_name(const char *name, struct err *e)
{
	if (!name || !*name)
		return err_set(e, "%s", tr("The name must not be empty."));
	if (strlen(name) > PROGRESS_TEXT_MAX)
		return err_set(e, tr("the unit's name is too long: %zu bytes, at most %d"), strlen(name),
			       PROGRESS_TEXT_MAX);
	return 0;
}

/* The rules of a new unit's code, name and members. */
static int check_unit(const struct session_unit *u, struct err *e)
{
	if (!code_valid(u->code))
		return err_set(e, tr("'%s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"),
			       u->code);
	if (check_name(u->name, e))
		return -1;
	if ((u->kind == UNIT_GROUP) != (u->members && *u->members))
		return err_set(e, "%s", tr("members are required for a group and only for a group"));
	return 0;
}

int session_unit_add(struct session *s, const struct session_unit *u, struct err *e)
{
	if (check_unit(u, e))
		return -1;
	if (unit_set_find(&s->b.units, u->code))
		return err_set(e, tr("unit '%s' already exists"), u->code);
	return store_unit_add(s->db, u->code, u->name, u->kind, u->parent, u->members, e);
}

int session_unit_rename(struct session *s, const char *code, const char *name, bool *renamed,
			struct err *e)
{
	const struct unit_rec *u = unit_set_find(&s->b.units, code);
	*renamed = false;
	if (check_name(name, e))
		return -1;
	if (u && strcmp(u->name, name) == 0)
		return 0;
	*renamed = true;
	return store_unit_rename(s->db, code, name, e);
}

/* May unit code be retired: not this database's own unit, nor the unit
 * that issues or consolidates a plan held here (every report goes to the
 * consolidating unit; the issuer heads the tree). */
static int check_retire(struct session *s, const char *code, struct err *e)
{
	if (s->b.owner && strcmp(s->b.owner->code, code) == 0)
		return err_set(e, tr("unit %s is this database's own unit: it cannot be retired (nothing was changed)"),
			       code);
	struct plan_rec *v;
	size_t n;
	int rc = 0;
	if (store_plans(s->db, &v, &n, e))
		return -1;
	for (size_t i = 0; i < n && !rc; i++) {
		if (v[i].consolidator && strcmp(v[i].consolidator, code) == 0)
			rc = err_set(e, tr("unit %s consolidates plan %s: every unit reports to it, so it cannot be retired (nothing was changed)"),
				     code, v[i].code);
		else if (v[i].issuer && strcmp(v[i].issuer, code) == 0)
			rc = err_set(e, tr("unit %s issued plan %s: it cannot be retired while the plan names it (nothing was changed)"),
				     code, v[i].code);
	}
	plan_recs_free(v, n);
	return rc;
}

/* May unit code be retired: no unit still followed right under it (they
 * would report up to nobody), no reporting rule sending reports to it. */
static int check_dependents(struct session *s, const char *code, struct err *e)
{
	struct strvec under;
	char *rule, *plan;
	if (store_unit_dependents(s->db, code, &under, &rule, &plan, e))
		return -1;
	int rc = 0;
	if (under.n) {
		struct strbuf b = {0};
		size_t shown = under.n > 8 ? 8 : under.n;
		for (size_t i = 0; i < shown; i++)
			sb_addf(&b, "%s%s", i ? ", " : "", under.v[i]);
		if (under.n > shown)
			sb_addf(&b, tr(" and %zu more"), under.n - shown);
		if (under.n == 1)
			rc = err_set(e, tr("unit %s still has a unit under it: %s; retire that unit first (nothing was changed)"),
				     code, b.s);
		else
			rc = err_set(e, tr("unit %s still has %zu units under it: %s; retire them first (nothing was changed)"),
				     code, under.n, b.s);
		sb_free(&b);
	} else if (rule) {
		rc = err_set(e, tr("unit %s receives the reports of rule %s of plan %s: it cannot be retired while a reporting rule names it; the plan's next version must send them elsewhere first (nothing was changed)"),
			     code, rule, plan);
	}
	sv_free(&under);
	free(rule);
	free(plan);
	return rc;
}

int session_unit_retire(struct session *s, const char *code, bool *retired, struct err *e)
{
	const struct unit_rec *u = unit_set_find(&s->b.units, code);
	*retired = !(u && u->retired);
	if (!*retired)
		return 0; /* already retired: nothing to do */
	/* One transaction: a unit added under it meanwhile is seen by the check. */
	if (db_begin(s->db, e))
		return -1;
	if (check_retire(s, code, e) || check_dependents(s, code, e) ||
	    store_unit_retire(s->db, code, e)) {
		db_rollback(s->db);
		return -1;
	}
	return db_commit(s->db, e);
}

/* One row of a units file (code,kind,parent,name[,members]), inside the open
 * transaction: a new unit is added, a known one with another name renamed. */
static int unit_row(struct session *s, const char *file, const struct csv_row *r, size_t *added,
		    size_t *renamed, struct err *e)
{
	const char *why = NULL;
	struct session_unit u = {r->f[0], NULL, UNIT_AGENCY, *r->f[2] ? r->f[2] : NULL,
				 r->n > 4 && *r->f[4] ? r->f[4] : NULL};
	if (!unit_kind_parse(r->f[1], &u.kind))
		return err_set(e, tr("%s:%d: unknown unit kind '%.30s'"), file, r->line, r->f[1]);
	char *name = text_clean(r->f[3], 0, &why);
	if (!name)
		return err_set(e, tr("%s:%d: name: %s"), file, r->line, tr(why));
	u.name = name;
	int rc = check_unit(&u, e);
	const struct unit_rec *known = rc ? NULL : unit_set_find(&s->b.units, u.code);
	if (known && strcmp(known->name, name) != 0) {
		rc = store_unit_rename(s->db, u.code, name, e);
		*renamed += rc == 0;
	} else if (!rc && !known) {
		rc = store_unit_add(s->db, u.code, name, u.kind, u.parent, u.members, e);
		*added += rc == 0;
	}
	free(name);
	if (rc) {
		char m[sizeof e->msg];
		snprintf(m, sizeof m, "%s", e->msg);
		err_set(e, tr("%s:%d: %s"), file, r->line, m);
	}
	return rc;
}

/* The rows of a units file, or -1 with e set (nothing written). */
static int read_units_file(const char *file, struct csv_table *t, struct err *e)
{
	size_t n, len;
	char *raw = read_file(file, &n);
	if (!raw)
		return err_set(e, tr("%s: cannot read: %s"), file, tr_errno(errno));
	const char *why = NULL;
	enum text_encoding enc;
	char *text = memchr(raw, '\0', n) ? NULL : encoding_decode(raw, n, &len, &enc, &why);
	free(raw);
	if (!text)
		return err_set(e, tr("%s: not a text file in UTF-8 (or cp1258, TCVN3, VNI); nothing was added"),
			       file);
	int rc = csvio_parse(text, len, file, 0, NULL, t, e);
	free(text);
	if (rc) {
		char m[sizeof e->msg];
		snprintf(m, sizeof m, "%s", e->msg);
		err_set(e, tr("%s; nothing was added"), m);
	}
	return rc;
}

int session_units_file(struct session *s, const char *file, size_t *added, size_t *renamed,
		       struct err *e)
{
	struct csv_table t;
	*added = *renamed = 0;
	if (read_units_file(file, &t, e))
		return -1;
	if (db_begin(s->db, e)) {
		csvio_table_free(&t);
		return -1;
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct csv_row *r = &t.rows[i];
		if (r->n == 0 || r->f[0][0] == '#' || (i == 0 && strcmp(r->f[0], "code") == 0))
			continue;
		size_t used = r->n;
		while (used > 0 && !r->f[used - 1][0])
			used--;
		if (used == 0)
			continue;
		if (r->n < 4 || used > 5) {
			err_set(e, tr("%s:%d: a unit row has the fields code,kind,parent,name[,members]; this one has %zu"),
				file, r->line, used);
			goto fail;
		}
		if (unit_row(s, file, r, added, renamed, e))
			goto fail;
	}
	csvio_table_free(&t);
	return db_commit(s->db, e);
fail:
	db_rollback(s->db);
	csvio_table_free(&t);
	{
		char m[sizeof e->msg];
		snprintf(m, sizeof m, "%s", e->msg);
		err_set(e, tr("%s; nothing was added"), m);
	}
	return -1;
}
