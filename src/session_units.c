/* SPDX-License-Identifier: MIT */
/* Session actions on units: add, rename, retire (the next plan package carries them),
 * each checked here. The caller reloads the bundle afterwards (session_reload), when
 * it no longer holds pointers into the units. */
#include <string.h>

#include "msg.h"
#include "session.h"

int session_unit_add(struct session *s, const struct session_unit *u, struct err *e)
{
	if (!code_valid(u->code))
		return err_set(e, tr("'%s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"),
			       u->code);
	if (!u->name || !*u->name)
		return err_set(e, "%s", tr("The name must not be empty."));
	if ((u->kind == UNIT_GROUP) != (u->members && *u->members))
		return err_set(e, "%s", tr("members are required for a group, and only for a group"));
	if (unit_set_find(&s->b.units, u->code))
		return err_set(e, tr("unit '%s' already exists"), u->code);
	return store_unit_add(s->db, u->code, u->name, u->kind, u->parent, u->members, e);
}

int session_unit_rename(struct session *s, const char *code, const char *name, bool *renamed,
			struct err *e)
{
	const struct unit_rec *u = unit_set_find(&s->b.units, code);
	*renamed = false;
	if (!name || !*name)
		return err_set(e, "%s", tr("The name must not be empty."));
	if (u && strcmp(u->name, name) == 0)
		return 0;
	*renamed = true;
	return store_unit_rename(s->db, code, name, e);
}

int session_unit_retire(struct session *s, const char *code, bool *retired, struct err *e)
{
	const struct unit_rec *u = unit_set_find(&s->b.units, code);
	*retired = !(u && u->retired);
	if (!*retired)
		return 0; /* already retired: nothing to do */
	return store_unit_retire(s->db, code, e);
}
