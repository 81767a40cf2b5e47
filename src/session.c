/* SPDX-License-Identifier: MIT */
/* A session: opening the database and loading the plan bundle once. */
#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "db.h"

static int load(struct session *s, bool need_owner, bool sender_units, struct err *e)
{
	bool found;
	if (sender_units ? plan_bundle_load_sender(s->db, &s->b, e)
			 : plan_bundle_load(s->db, NULL, s->with_retired, &s->b, &found, e))
		return -1;
	if (need_owner && !s->b.owner)
		return store_owner(s->db, &s->b.units, &s->b.owner, e);
	return 0;
}

int session_open(struct session *s, const char *path, const struct session_options *o,
		 struct err *e)
{
	memset(s, 0, sizeof *s);
	s->with_retired = o && o->with_retired;
	s->db = db_connect(path, DB_OPEN_EXISTING, e);
	if (!s->db)
		return -1;
	if (o && o->plan && store_use_plan(s->db, o->plan, e))
		return -1;
	if (o && o->db_only)
		return 0;
	return load(s, o && o->need_owner, o && o->sender_units && !s->with_retired, e);
}

int session_reload(struct session *s, struct err *e)
{
	plan_bundle_free(&s->b);
	return load(s, false, false, e);
}

int session_read_begin(struct session *s, struct err *e)
{
	return db_read_begin(s->db, e);
}

void session_read_end(struct session *s)
{
	db_read_end(s->db);
}

void session_plan_years(const struct session *s, day_t today, int *y0, int *y1)
{
	plan_bundle_years(&s->b, today, y0, y1);
}

void session_close(struct session *s)
{
	undone_memo_free(&s->undone);
	plan_bundle_free(&s->b);
	db_disconnect(s->db);
	memset(s, 0, sizeof *s);
}
