/* SPDX-License-Identifier: MIT */
/* The session: the plan loaded once, and the user actions with their rules inside,
 * as both faces call them (issue 11). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "msg.h"
#include "planfile.h"
#include "session.h"

static char dir[300];

/* A database holding tests/data/exchange/plan.csv, owned by owner. */
static void make_db(const char *path, const char *owner)
{
	struct db *db;
	struct err e;
	struct plan_def def;
	struct store_result sr;
	CHECK((db = db_connect(path, DB_OPEN_CREATE, &e)) != NULL, "database created");
	CHECK(planfile_load("tests/data/exchange/plan.csv", &def, &e) == 0, "test plan loads");
	CHECK(store_plan_save(db, &def, owner, &sr, &e) == 0, "test plan saved");
	plan_def_free(&def);
	db_disconnect(db);
}

static void test_open(const char *path)
{
	struct session s;
	struct err e;
	struct session_options o = {.need_owner = true};
	CHECK(session_open(&s, path, &o, &e) == 0, "a session opens");
	CHECK_STR(s.b.plan.code, "TEST-EX", "with the current plan");
	CHECK(s.b.owner && strcmp(s.b.owner->code, "XA1") == 0, "and its owner");
	CHECK_INT(s.b.tasks.n, 3, "its live tasks");
	CHECK_INT(s.b.inds.n, 2, "its indicators");
	CHECK_INT(s.b.rules.n, 3, "its regime");
	CHECK_INT(s.b.events.n, 1, "its events");
	CHECK(session_reload(&s, &e) == 0 && s.b.owner && strcmp(s.b.owner->code, "XA1") == 0,
	      "a reload finds the owner again");
	session_close(&s);
	char missing[400];
	snprintf(missing, sizeof missing, "%s/none.db", dir);
	CHECK(session_open(&s, missing, &o, &e) == -1 && s.db == NULL,
	      "a missing database is an error, and no handle");
	session_close(&s);
}

static void test_entries(const char *path)
{
	struct session s;
	struct session_target t;
	struct session_saved r;
	struct entry_patch p;
	struct err e;
	struct session_options o = {.with_retired = true};
	CHECK(session_open(&s, path, &o, &e) == 0, "a session for entries");
	CHECK(session_target(&s, NULL, "T3", false, "2026S1", &t, &e) == -1 &&
	      strstr(e.msg, "not assigned to unit XA1"), "a task of the divisions is not the commune's");
	CHECK(session_target(&s, "XA", "T1", false, "2026S1", &t, &e) == -1 &&
	      strstr(e.msg, "group of units"), "a group enters nothing");
	CHECK(session_target(&s, NULL, "T9", false, "2026S1", &t, &e) == -1 &&
	      strstr(e.msg, "unknown task 'T9'"), "an unknown task is said so");
	CHECK(session_target(&s, NULL, "T1", false, "2026S1", &t, &e) == 0, "the commune's own task");
	entry_patch_init(&p);
	p.percent = 101;
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == -1 && strstr(e.msg, "from 0 to 100"),
	      "a percent over 100 is refused by the session, whatever the face");
	p.percent = 40;
	p.count = 1000000000001LL;
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == -1, "a count over the limit too");
	p.count = 12;
	struct session_target far = t;
	snprintf(far.period, sizeof far.period, "2019S1");
	CHECK(session_set_progress(&s, &far, &p, -1, &r, &e) == -1 &&
	      strstr(e.msg, "period 2019S1 is outside plan TEST-EX, which runs from 2025 to"),
	      "a period before the plan's years is refused by the session, whatever the face");
	snprintf(far.period, sizeof far.period, "2040S2");
	CHECK(session_set_progress(&s, &far, &p, -1, &r, &e) == -1 && strstr(e.msg, "2040S2 is outside"),
	      "and one after them");
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == 0 && r.changed && r.revision == 1,
	      "a good entry is saved as revision 1");
	CHECK(session_set_progress(&s, &t, &p, 0, &r, &e) == 0 && !r.changed && r.moved,
	      "the same again changes nothing; seen 0, it had moved to 1");
	struct task_state *st = session_task_states(&s, t.unit, "2026S1", date_from_ymd(2026, 7, 1), &e);
	size_t i = (size_t)(t.task - s.b.tasks.v);
	CHECK(st[i].has_entry && st[i].percent == 40 && st[i].assigned, "the task states see it");
	free(st);
	entry_patch_init(&p);
	p.result = " \t\n ";
	struct entry en;
	bool found;
	struct entry_key k = {t.unit->id, t.task->id, t.period};
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == 0 &&
	      session_entry_now(&s, &k, &en, &found, NULL, NULL, &e) == 0 && found &&
	      en.result && !*en.result, "a result of only spaces is saved empty, from either face");
	if (found)
		entry_free(&en);
	long long rev;
	CHECK(session_undo(&s, &t, &rev, &e) == 0 && rev == 2, "undo is a new revision");
	session_close(&s);
}

static void test_values(const char *path)
{
	struct session s;
	struct session_target t;
	struct session_saved r;
	struct err e;
	CHECK(session_open(&s, path, NULL, &e) == 0, "a session for values");
	CHECK(session_target(&s, NULL, "I1", true, "2026S1", &t, &e) == 0, "an indicator XA1 reports");
	struct ivalue v = {.numerator = 5, .denominator = 4};
	CHECK(session_set_value(&s, &t, &v, &r, &e) == -1 && strstr(e.msg, "exceeds the denominator"),
	      "a numerator over the denominator is refused");
	v = (struct ivalue){.numerator = -1, .denominator = -1, .has_value = true, .value = 120};
	CHECK(session_set_value(&s, &t, &v, &r, &e) == -1 && strstr(e.msg, "percentage"),
	      "a percentage over 100 is refused");
	v.value = 80;
	CHECK(session_set_value(&s, &t, &v, &r, &e) == 0 && r.changed, "a good value is saved");
	session_close(&s);
}

/* A target as a face builds it (the interface's unit chooser): another
 * unit than the owner, named by the unit record itself. */
static struct session_target other_target(struct session *s, const char *unit, const char *task,
					  const char *ind)
{
	struct session_target t = {0};
	t.unit = unit_set_find(&s->b.units, unit);
	t.task = task ? task_list_find(&s->b.tasks, task) : NULL;
	t.ind = ind ? indicator_list_find(&s->b.inds, ind) : NULL;
	snprintf(t.period, sizeof t.period, "2026S1");
	return t;
}

/* A commune's database enters nothing for another commune: its reports
 * never carry it, so the work would be lost. The consolidating
 * department's database still enters for the units that report to it. */
static void test_other_unit(const char *path, const char *dept)
{
	struct session s;
	struct session_saved r;
	struct entry_patch p;
	struct err e;
	long long rev;
	CHECK(session_open(&s, path, NULL, &e) == 0, "a session of XA1's database");
	struct session_target t = other_target(&s, "XA2", "T1", NULL);
	entry_patch_init(&p);
	p.percent = 30;
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == -1 &&
	      strstr(e.msg, "this database belongs to XA1 (Xã Một) and does not report for XA2"),
	      "progress for another commune is refused by the session, naming both units");
	CHECK(strstr(e.msg, "in XA2's own database, or at SKHCN, which consolidates plan TEST-EX") != NULL,
	      "and says where to enter it");
	CHECK(session_undo(&s, &t, &rev, &e) == -1 && strstr(e.msg, "does not report for XA2"),
	      "undo for another commune too");
	t = other_target(&s, "XA2", NULL, "I1");
	struct ivalue v = {.numerator = 1, .denominator = 2};
	CHECK(session_set_value(&s, &t, &v, &r, &e) == -1 && strstr(e.msg, "does not report for XA2"),
	      "and an indicator value");
	t = other_target(&s, "SKHCN", "T2", NULL);
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == -1 && strstr(e.msg, "does not report for SKHCN"),
	      "nor for the department it reports to");
	session_close(&s);
	CHECK(session_open(&s, dept, NULL, &e) == 0, "a session of the department's database");
	t = other_target(&s, "XA2", "T1", NULL);
	CHECK(session_set_progress(&s, &t, &p, -1, &r, &e) == 0 && r.changed,
	      "the consolidating department enters a commune's progress");
	CHECK(session_undo(&s, &t, &rev, &e) == 0, "and undoes it");
	session_close(&s);
}

static void test_units(const char *path)
{
	struct session s;
	struct err e;
	bool done;
	CHECK(session_open(&s, path, NULL, &e) == 0, "a session for units");
	struct session_unit u = {"XA9", "Xã Chín", UNIT_GROUP, "TINH", NULL};
	CHECK(session_unit_add(&s, &u, &e) == -1, "a group needs members");
	u.kind = UNIT_COMMUNE;
	CHECK(session_unit_add(&s, &u, &e) == 0, "a commune is added");
	CHECK(session_reload(&s, &e) == 0 && unit_set_find(&s.b.units, "XA9"), "and found after a reload");
	CHECK(session_unit_rename(&s, "XA9", "Xã Chín", &done, &e) == 0 && !done,
	      "renaming to the same name writes nothing");
	CHECK(session_unit_retire(&s, "XA9", &done, &e) == 0 && done, "it is retired");
	CHECK(session_reload(&s, &e) == 0, "reloaded");
	CHECK(session_unit_retire(&s, "XA9", &done, &e) == 0 && !done, "retiring it again does nothing");
	session_close(&s);
}

/* Set task code done (or in progress) for unit in 2026S1 through session s. */
static void set_done(struct session *s, const char *unit, const char *code, bool done)
{
	struct session_target t;
	struct session_saved r;
	struct entry_patch p;
	struct err e;
	entry_patch_init(&p);
	p.set_status = true;
	p.status = done ? STATUS_DONE : STATUS_IN_PROGRESS;
	CHECK(session_target(s, unit, code, false, "2026S1", &t, &e) == 0 &&
	      session_set_progress(s, &t, &p, -1, &r, &e) == 0, "an entry is saved");
}

/* Whether task code is overdue for all units on 1/7/2026, by the task list
 * (session_task_states) and by the agenda (session_due). */
static void overdue_both(struct session *s, const char *code, bool *list, bool *agenda)
{
	struct err e;
	day_t today = date_from_ymd(2026, 7, 1);
	struct task_state *st = session_task_states(s, NULL, "2026S1", today, &e);
	*list = *agenda = false;
	for (size_t i = 0; i < s->b.tasks.n; i++)
		if (strcmp(s->b.tasks.v[i].code, code) == 0)
			*list = st[i].overdue;
	free(st);
	struct deadline_list dl;
	CHECK(session_due(s, NULL, today, today + 30, true, &dl, &e) == 0, "the agenda is read");
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].kind == DL_OVERDUE && strcmp(dl.v[i].code, code) == 0)
			*agenda = true;
	deadline_list_free(&dl);
}

/* The overdue answers are kept while the database does not change, shared
 * by the task list and the agenda, and forgotten when it does: by this
 * session's writes or another process's. */
static void test_undone_memo(const char *path)
{
	struct session s, other;
	struct err e;
	bool list, agenda;
	CHECK(session_open(&s, path, NULL, &e) == 0 && session_open(&other, path, NULL, &e) == 0,
	      "two sessions on one database");
	overdue_both(&s, "T2", &list, &agenda);
	CHECK(list && agenda, "T2, due 30/6, done by no unit: overdue in the list and the agenda");
	size_t kept = s.undone.n;
	CHECK(kept > 0, "the answers are kept");
	overdue_both(&s, "T2", &list, &agenda);
	CHECK(s.undone.n == kept, "asked again with nothing changed: answered from what was kept");
	set_done(&other, "XA1", "T2", true);
	set_done(&other, "XA2", "T2", true);
	set_done(&other, "SKHCN", "T2", true);
	overdue_both(&s, "T2", &list, &agenda);
	CHECK(!list && !agenda, "done by its three units in another process: no longer overdue");
	set_done(&s, "XA2", "T2", false);
	overdue_both(&s, "T2", &list, &agenda);
	CHECK(list && agenda, "this session's own change is seen: overdue again");
	session_close(&other);
	session_close(&s);
}

int main(void)
{
	char path[400];
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-10T02:00:00Z", 1);
	setenv("TIENDO_USER", "clerk", 1);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	snprintf(path, sizeof path, "%s/xa1.db", dir);
	make_db(path, "XA1");
	test_open(path);
	test_entries(path);
	test_values(path);
	char dept[400];
	snprintf(dept, sizeof dept, "%s/dept.db", dir);
	make_db(dept, "SKHCN");
	test_other_unit(path, dept);
	test_units(path);
	/* the department's: it enters for its communes (a commune's database
	 * enters only its own unit) */
	snprintf(path, sizeof path, "%s/memo.db", dir);
	make_db(path, "SKHCN");
	test_undone_memo(path);
	check_rmdir(dir);
	return check_done();
}
