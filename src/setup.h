/* SPDX-License-Identifier: MIT */
/* Setting up a database from a plan package in one step: the plan, the unit
 * it belongs to, and (for a commune the plan names only as a group) that
 * unit added first. Shared by `tiendo init` and the first-run screen. */
#ifndef TIENDO_SETUP_H
#define TIENDO_SETUP_H

#include <stdbool.h>

#include "plan.h"
#include "sign.h"
#include "store.h"
#include "util.h"

/* A unit the package does not list, added as this database's own unit. */
struct setup_unit {
	const char *code, *name, *parent;
	enum unit_kind kind;
};

/* Does plan p list the unit code? */
bool setup_plan_has_unit(const struct plan_def *p, const char *code);
/* Can the unit code of plan p be the one a database belongs to? Listed by
 * the plan when the database is new (the message names its units), not a
 * group, nor a retired unit for a new database (the first-run screen offers
 * neither; a database whose own unit a later package retires still takes
 * the package). 0, or -1 with e. */
int setup_check_owner(const struct plan_def *p, const char *code, bool new_db, struct err *e);

/* Check nu against the plan p (a free code, a name, a kind that is not a
 * group, a parent the plan lists and that is not a group) and add it to p's
 * units, so that it is saved with the plan in the same transaction. */
int setup_add_unit(struct plan_def *p, const struct setup_unit *nu, struct err *e);

/* Create or update the database at path from plan p, owned by owner (NULL:
 * the plan's consolidator on first load). One transaction; when this call
 * created the file and then fails, the file is removed: a refused setup
 * leaves nothing behind. *created says whether the file is new. added: the
 * code of a unit setup_add_unit added (its reports describe it), or NULL.
 * file: the package read (its signature's key is kept: fingerprint, or ""). */
int setup_database(const char *path, const char *file, const struct plan_def *p,
		   const char *owner, const char *added, struct store_result *r, bool *created,
		   char fingerprint[SIGN_FINGERPRINT_BUF], struct err *e);

/* Does the database at path exist and hold a plan? */
bool setup_has_plan(const char *path);

#endif
