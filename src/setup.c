/* SPDX-License-Identifier: MIT */
/* One-step setup of a database from a plan package (see setup.h). */
#include "setup.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "db.h"
#include "exchange_keys.h"
#include "keystore.h"
#include "msg.h"
#include "progress.h"
#include "text.h"

static const struct unit_def *find_unit(const struct plan_def *p, const char *code)
{
	for (size_t i = 0; i < p->n_units; i++)
		if (strcmp(p->units[i].code, code) == 0)
			return &p->units[i];
	return NULL;
}

bool setup_plan_has_unit(const struct plan_def *p, const char *code)
{
	return find_unit(p, code) != NULL;
}

/* The codes a database of plan p may belong to (units, not groups, not
 * retired), the first few of them, for a message: "A, B, C and 14 more". */
static void owner_codes(const struct plan_def *p, struct strbuf *b)
{
	size_t shown = 0, more = 0;
	for (size_t i = 0; i < p->n_units; i++) {
		const struct unit_def *u = &p->units[i];
		if (u->kind == UNIT_GROUP || u->retired)
			continue;
		if (shown == 8) {
			more++;
			continue;
		}
		sb_addf(b, "%s%s", shown ? ", " : "", u->code);
		shown++;
	}
	if (more)
		sb_addf(b, tr(" and %zu more"), more);
}

int setup_check_owner(const struct plan_def *p, const char *code, bool new_db, struct err *e)
{
	const struct unit_def *u = find_unit(p, code);
	if (!u && new_db) {
		/* tiendo units needs a database: name the plan's units here */
		struct strbuf b = {0};
		owner_codes(p, &b);
		err_set(e, tr("plan %s does not list unit %s; its units are %s (the plan file's unit rows, or tiendo units once a database holds the plan); if it is new (a new commune), add it in the same step: --unit %s --name NAME --parent CODE"),
			p->code, code, b.s ? b.s : "-", code);
		sb_free(&b);
		return -1;
	}
	if (u && u->kind == UNIT_GROUP)
		return err_set(e, tr("%s (%s) is a group of units: a database belongs to one unit; choose one of its units"),
			       code, u->name);
	if (u && u->retired && new_db)
		return err_set(e, tr("unit %s (%s) is retired in plan %s: a database cannot belong to it"), code,
			       u->name, p->code);
	return 0;
}

int setup_add_unit(struct plan_def *p, const struct setup_unit *nu, struct err *e)
{
	if (!nu->code || !code_valid(nu->code))
		return err_set(e, tr("'%s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"),
			       nu->code ? nu->code : "");
	if (find_unit(p, nu->code))
		return err_set(e, tr("unit %s is already in plan %s: choose it instead of adding it"),
			       nu->code, p->code);
	const char *why = NULL;
	char *name = nu->name ? text_clean(nu->name, 0, &why) : NULL;
	if (!name && nu->name) /* given, but not a text (a control character...) */
		return err_set(e, "--name: %s", tr(why));
	if (name && strlen(name) > PROGRESS_TEXT_MAX) {
		/* as add-unit: its reports would carry a name no one takes */
		err_set(e, tr("the unit's name is too long: %zu bytes, at most %d"), strlen(name),
			PROGRESS_TEXT_MAX);
		free(name);
		return -1;
	}
	if (!name || !*name) {
		free(name);
		return err_set(e, "%s", tr("the new unit needs a name (--name)"));
	}
	if (nu->kind == UNIT_GROUP) {
		free(name);
		return err_set(e, "%s", tr("the new unit cannot be a group: it is the unit this database belongs to"));
	}
	const struct unit_def *parent = nu->parent ? find_unit(p, nu->parent) : NULL;
	if (!parent || parent->kind == UNIT_GROUP) {
		free(name);
		return err_set(e, tr("the new unit's parent must be a unit of plan %s that is not a group (--parent; e.g. the province), not '%s'"),
			       p->code, nu->parent ? nu->parent : "");
	}
	if (parent->retired) {
		free(name);
		return err_set(e, tr("parent unit '%s' is retired in plan %s: choose a unit still followed as the parent (--parent; e.g. the province)"),
			       nu->parent, p->code);
	}
	p->units = xrealloc(p->units, (p->n_units + 1) * sizeof *p->units);
	struct unit_def *u = &p->units[p->n_units++];
	memset(u, 0, sizeof *u);
	u->code = xstrdup(nu->code);
	u->parent = xstrdup(nu->parent);
	u->members = xstrdup("");
	u->name = name;
	u->kind = nu->kind;
	return 0;
}

static void remove_db_files(const char *path)
{
	static const char *const ext[] = {"", "-wal", "-shm", "-journal"};
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t n = strlen(path) + 10;
		char *f = xmalloc(n);
		snprintf(f, n, "%s%s", path, ext[i]);
		compat_unlink(f);
		free(f);
	}
}

int setup_database(const char *path, const char *file, const struct plan_def *p,
		   const char *owner, const char *added, struct store_result *r, bool *created,
		   char fingerprint[SIGN_FINGERPRINT_BUF], struct err *e)
{
	*created = compat_path_kind(path) < 0;
	struct db *db = db_connect(path, DB_OPEN_CREATE, e);
	if (!db) {
		if (*created)
			remove_db_files(path);
		return -1;
	}
	/* one transaction: the plan, the owner, the note of the added unit, the
	 * keys a signed package carries and this database's own key pair */
	uint8_t own_pk[SIGN_PUBLIC_BYTES], own_sk[SIGN_SECRET_BYTES];
	int rc = db_begin(db, e);
	if (rc == 0) {
		rc = store_plan_save(db, p, owner, r, e);
		if (!rc && added)
			rc = db_meta_set(db, "added_unit", added, e);
		if (!rc)
			rc = exchange_keys_from_init(db, file, p->consolidator, fingerprint, e);
		if (!rc)
			rc = keystore_own(db, own_pk, own_sk, e);
		if (!rc)
			rc = db_commit(db, e);
		else
			db_rollback(db);
	}
	memset(own_sk, 0, sizeof own_sk);
	db_disconnect(db);
	if (rc && *created)
		remove_db_files(path);
	return rc;
}

bool setup_has_plan(const char *path)
{
	if (compat_path_kind(path) < 0)
		return false;
	struct err e;
	struct db *db = db_connect(path, DB_OPEN_EXISTING, &e);
	if (!db)
		return true; /* not ours to judge: the interface says what is wrong */
	struct plan_rec pr;
	bool has = store_current_plan(db, &pr, &e) == 0;
	if (has)
		plan_rec_free(&pr);
	db_disconnect(db);
	return has;
}
