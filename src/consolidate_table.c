/* SPDX-License-Identifier: MIT */
/* The consolidated table for a period (docs/exchange.md): one CSV file in four parts
 * (units, indicators, tasks, entries), each row starting with its part's key so a
 * spreadsheet user can filter on the first column. */
#include "consolidate.h"
#include "describe.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "completeness.h"
#include "csvio.h"
#include "db_internal.h"
#include "msg.h"
#include "period.h"

static void put(struct strbuf *b, unsigned flags, const char *const *f, size_t n)
{
	csvio_write_row(b, f, n, flags);
}

static void blank(struct strbuf *b, unsigned flags)
{
	sb_add(b, (flags & CSVW_EXCEL) ? "\r\n" : "\n");
}

/* A figure for a spreadsheet: integers as such, others to two decimals. */
static void figure(char *buf, size_t n, double v)
{
	fmt_num(buf, n, round(v * 100) / 100);
}

static int part_units(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		      const struct rule_list *rules, const struct unit_rec *owner, const char *period,
		      day_t today, unsigned flags, struct strbuf *b, struct err *e)
{
	struct completeness c;
	if (completeness_compute(db, plan, units, rules, owner, period, today, &c, e))
		return -1;
	const char *h[] = {"unit", tr("Unit"), tr("Unit name"), tr("Kind"), tr("Reports to"),
			   tr("Due"), tr("Report"), tr("Exported at"), tr("Imported at")};
	put(b, flags, h, ARRAY_LEN(h));
	for (size_t i = 0; i < c.n; i++) {
		const struct expected_report *x = &c.v[i];
		char due[DATE_BUF];
		date_format(x->due, due);
		const char *state = report_state_label(x->state);
		const char *f[] = {"unit", x->unit->code, x->unit->name, unit_kind_label(x->unit->kind),
				   x->to->code, due, state, x->exported_at, x->imported_at};
		put(b, flags, f, ARRAY_LEN(f));
	}
	completeness_free(&c);
	return 0;
}

static int part_indicators(struct db *db, const struct unit_set *units,
			   const struct indicator_list *inds, const struct unit_rec *scope,
			   const char *period, unsigned flags, struct strbuf *b, struct err *e)
{
	struct period p;
	period_parse(period, &p);
	/* "Target level", not "Target": in Vietnamese "Target" is the indicator
	 * itself (Chỉ tiêu), which would name two columns alike. */
	const char *h[] = {"indicator", tr("Indicator"), tr("Title"), tr("Target level"), tr("Year"),
			   tr("Consolidation"), tr("Value"), tr("Met"), tr("Expected units"),
			   tr("Reported units"), tr("Units meeting the target")};
	put(b, flags, h, ARRAY_LEN(h));
	struct ind_standing *all = xcalloc(inds->n ? inds->n : 1, sizeof *all);
	if (indicator_standings(db, units, inds, scope, period_end(&p), all, e)) {
		free(all);
		return -1;
	}
	for (size_t i = 0; i < inds->n; i++) {
		const struct indicator_rec *d = &inds->v[i];
		const struct ind_standing s = all[i];
		char target[32], year[16], value[32] = "", exp[16], rep[16], met[16];
		if (d->kind == IND_MILESTONE) /* reached: yes, in the table's language */
			snprintf(target, sizeof target, "%s", tr("yes"));
		else
			indicator_target_describe(d->kind, d->cmp, d->target, target, sizeof target);
		snprintf(year, sizeof year, "%d", d->year);
		if (s.has_value)
			figure(value, sizeof value, s.value);
		snprintf(exp, sizeof exp, "%d", s.expected);
		snprintf(rep, sizeof rep, "%d", s.reported);
		snprintf(met, sizeof met, "%d", s.met_units);
		const char *f[] = {"indicator", d->code, d->title, target, year,
				   consolidation_label(d->cons), value,
				   !s.has_value ? "" : s.met ? tr("yes") : tr("no"), exp, rep, met};
		put(b, flags, f, ARRAY_LEN(f));
	}
	free(all);
	return 0;
}

/* Task's entries of the period: st_of[i] the status of units->v[i]'s entry,
 * -1 for none. Through the covering index (task_id, period, status,
 * unit_id): neither the table nor its texts are read. */
static int task_statuses(struct db *db, const struct unit_set *units, int64_t task,
			 const char *period, signed char *st_of, struct err *e)
{
	memset(st_of, -1, units->n);
	sqlite3_stmt *st = db_prep(db, "SELECT unit_id, status FROM progress"
				       " WHERE task_id = ?1 AND period = ?2", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, task);
	sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct unit_rec *u = unit_set_by_id(units, sqlite3_column_int64(st, 0));
		enum status s;
		if (!u)
			continue;
		if (!status_parse(db_col_text(st, 1), &s))
			s = STATUS_NOT_STARTED;
		st_of[u - units->v] = (signed char)s;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

static int part_tasks(struct db *db, const struct unit_set *units, const struct task_list *tasks,
		      const struct unit_rec *scope, const char *period, unsigned flags,
		      struct strbuf *b, struct err *e)
{
	const char *h[] = {"task", tr("Task"), tr("Title"), tr("Assigned units"), tr("done"),
			   tr("in progress"), tr("blocked"), tr("not started"), tr("Not reported")};
	put(b, flags, h, ARRAY_LEN(h));
	/* Tasks share their lists of units: work out who is assigned once per list. */
	size_t nu = units->n ? units->n : 1;
	bool *assigned_to = xmalloc(nu * sizeof *assigned_to);
	signed char *st_of = xmalloc(nu);
	const struct task_rec *memo = NULL;
	int rc = 0;
	for (size_t i = 0; i < tasks->n && rc == 0; i++) {
		const struct task_rec *t = &tasks->v[i];
		int n[STATUS_COUNT] = {0}, assigned = 0, missing = 0;
		if (!memo || strcmp(memo->lead, t->lead) != 0 || strcmp(memo->coord, t->coord) != 0) {
			for (size_t j = 0; j < units->n; j++) {
				const struct unit_rec *u = &units->v[j];
				assigned_to[j] = u->kind != UNIT_GROUP && !u->retired &&
						 task_assigned(units, t, u) &&
						 (!scope || unit_under(units, u, scope));
			}
			memo = t;
		}
		if ((rc = task_statuses(db, units, t->id, period, st_of, e)))
			break;
		for (size_t j = 0; j < units->n; j++) {
			if (!assigned_to[j])
				continue;
			assigned++;
			if (st_of[j] < 0)
				missing++;
			else
				n[st_of[j]]++;
		}
		char c[6][16];
		snprintf(c[0], sizeof c[0], "%d", assigned);
		snprintf(c[1], sizeof c[1], "%d", n[STATUS_DONE]);
		snprintf(c[2], sizeof c[2], "%d", n[STATUS_IN_PROGRESS]);
		snprintf(c[3], sizeof c[3], "%d", n[STATUS_BLOCKED]);
		snprintf(c[4], sizeof c[4], "%d", n[STATUS_NOT_STARTED]);
		snprintf(c[5], sizeof c[5], "%d", missing);
		const char *f[] = {"task", t->code, t->title, c[0], c[1], c[2], c[3], c[4], c[5]};
		put(b, flags, f, ARRAY_LEN(f));
	}
	free(assigned_to);
	free(st_of);
	return rc;
}

/* Do the plan's tasks (retired ones too) run in plan order when taken by
 * id? They do unless a new version of the plan inserted tasks. */
static int tasks_in_id_order(struct db *db, const struct plan_rec *plan, bool *yes, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT seq FROM task WHERE plan_id = ?1 ORDER BY id", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, plan->id);
	int rc;
	bool first = true;
	sqlite3_int64 last = 0;
	*yes = true;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 seq = sqlite3_column_int64(st, 0);
		if (!first && seq <= last)
			*yes = false;
		first = false;
		last = seq;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

#define ENTRY_COLUMNS "SELECT p.unit_id, t.code, t.title, p.status, p.percent, p.count, p.result," \
		      " p.difficulties, p.proposals, p.evidence, p.revision, p.entered_by," \
		      " p.entered_at FROM progress p JOIN task t ON t.id = p.task_id" \
		      " WHERE p.unit_id = ?3 AND t.plan_id = ?1 AND p.period = ?2"

static int part_entries(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
			const struct unit_rec *scope, const char *period, unsigned flags,
			struct strbuf *b, struct err *e)
{
	const char *h[] = {"entry", tr("Unit"), tr("Unit name"), tr("Task"), tr("Title"),
			   tr("Status"), tr("Percent"), tr("Count"), tr("Result"), tr("Difficulties"),
			   tr("Proposals"), tr("Evidence"), tr("Revision"), tr("Entered by"),
			   tr("Entered at")};
	put(b, flags, h, ARRAY_LEN(h));
	/* Unit by unit in code order, each through the unit index: sorting the
	 * whole period's rows, texts and all, cost more than the rest together.
	 * A unit's rows in plan order: when task ids follow it, in the order of
	 * the unique index (unit, task, period), with no sort at all. */
	bool id_order;
	if (tasks_in_id_order(db, plan, &id_order, e))
		return -1;
	int rc = SQLITE_DONE;
	for (size_t i = 0; i < units->n && rc == SQLITE_DONE; i++) {
		const struct unit_rec *u = &units->v[i];
		if (u->kind == UNIT_GROUP || (scope && !unit_under(units, u, scope)))
			continue;
		sqlite3_stmt *st = id_order ? db_prep(db, ENTRY_COLUMNS " ORDER BY p.task_id", e)
					    : db_prep(db, ENTRY_COLUMNS " ORDER BY t.seq", e);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, plan->id);
		sqlite3_bind_text(st, 2, period, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, u->id);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			enum status s;
			if (!status_parse(db_col_text(st, 3), &s))
				s = STATUS_NOT_STARTED;
			const char *f[] = {"entry", u->code, u->name, db_col_text(st, 1),
					   db_col_text(st, 2), status_label(s), db_col_text(st, 4),
					   db_col_text(st, 5), db_col_text(st, 6), db_col_text(st, 7),
					   db_col_text(st, 8), db_col_text(st, 9), db_col_text(st, 10),
					   db_col_text(st, 11), db_col_text(st, 12)};
			put(b, flags, f, ARRAY_LEN(f));
		}
		sqlite3_reset(st);
	}
	return rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

int consolidate_table(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		      const struct unit_rec *owner, const char *period, day_t today, unsigned flags,
		      struct strbuf *b, struct err *e)
{
	struct task_list tasks = {0};
	struct indicator_list inds = {0};
	struct rule_list rules = {0};
	char stamp[STAMP_BUF], ver[16];
	int rc = -1;
	date_now_stamp(stamp);
	snprintf(ver, sizeof ver, "%d", plan->version);
	/* The consolidating unit sees every unit; another unit its own subtree. */
	const struct unit_rec *scope = strcmp(owner->code, plan->consolidator) == 0 ? NULL : owner;
	/* One snapshot and one lock for the thousands of statements below. */
	if (db_read_begin(db, e))
		return -1;
	if (store_tasks(db, plan->id, false, &tasks, e) || store_indicators(db, plan->id, &inds, e) ||
	    store_rules(db, plan->id, &rules, e))
		goto out;
	if (flags & CSVW_EXCEL)
		sb_add(b, "\xEF\xBB\xBF");
	const char *h[] = {"plan", tr("Plan"), tr("Version"), tr("Period"), tr("Consolidated by"),
			   tr("Made at"), tr("Title")};
	put(b, flags, h, ARRAY_LEN(h));
	const char *f[] = {"plan", plan->code, ver, period, owner->code, stamp, plan->title};
	put(b, flags, f, ARRAY_LEN(f));
	blank(b, flags);
	if (part_units(db, plan, units, &rules, owner, period, today, flags, b, e))
		goto out;
	blank(b, flags);
	if (part_indicators(db, units, &inds, scope, period, flags, b, e))
		goto out;
	blank(b, flags);
	if (part_tasks(db, units, &tasks, scope, period, flags, b, e))
		goto out;
	blank(b, flags);
	if (part_entries(db, plan, units, scope, period, flags, b, e))
		goto out;
	rc = 0;
out:
	db_read_end(db);
	task_list_free(&tasks);
	indicator_list_free(&inds);
	rule_list_free(&rules);
	return rc;
}
