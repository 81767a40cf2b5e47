/* SPDX-License-Identifier: MIT */
/* A session: an opened database and its loaded plan, and every user action on them with
 * its rules checked inside, so that the command line and the interface only parse what
 * the user typed, call the session and present the result. */
#ifndef TIENDO_SESSION_H
#define TIENDO_SESSION_H

#include <stdbool.h>

#include "store.h"
#include "util.h"

struct session {
	struct db *db;
	struct plan_bundle b; /* the plan, units, tasks, indicators, rules, events, owner */
	bool with_retired;    /* b.tasks holds retired tasks too */
};

struct session_options {
	const char *plan;  /* make this plan the current one first (NULL: keep) */
	bool with_retired; /* load retired tasks too (commands naming a task by code) */
	bool need_owner;   /* an error when the database has no owner unit */
};

/* Open the database at path (which must exist) and load its current plan.
 * -1 with e set on failure; s->db is NULL when the database itself could
 * not be opened. session_close is needed either way. */
int session_open(struct session *s, const char *path, const struct session_options *o,
		 struct err *e);
/* Load the plan again (after a change made outside the bundle); the owner
 * and units keep their codes, not their addresses. */
int session_reload(struct session *s, struct err *e);
void session_close(struct session *s);

#endif
