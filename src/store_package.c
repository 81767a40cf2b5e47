/* SPDX-License-Identifier: MIT */
/* The stored plan as a plan package (export-plan): which units travel with it, its
 * tasks, indicators, regime and events as a plan_def, and the version raised when the
 * units changed since the last package. */
#include "db_internal.h"
#include "msg.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), e))) goto fail; } while (0)

/* Mark a unit: it belongs in the plan package, and so do its ancestors. */
static void scope_mark(const struct unit_set *us, const struct unit_rec *u, bool *in)
{
	for (size_t steps = 0; u && steps <= us->n; steps++) {
		in[u - us->v] = true;
		u = u->parent_id ? unit_set_by_id(us, u->parent_id) : NULL;
	}
}

static void scope_mark_list(const struct unit_set *us, const char *codes, bool *in)
{
	struct strvec w = {0};
	sv_split_ws(&w, codes);
	for (size_t i = 0; i < w.n; i++)
		scope_mark(us, unit_set_find(us, w.v[i]), in);
	sv_free(&w);
}

static const struct unit_rec *unit_root(const struct unit_set *us, const struct unit_rec *u)
{
	for (size_t steps = 0; u && u->parent_id && steps <= us->n; steps++) {
		const struct unit_rec *p = unit_set_by_id(us, u->parent_id);
		if (!p)
			break;
		u = p;
	}
	return u;
}

static int unit_by_id_cmp(const void *a, const void *b)
{
	const struct unit_def *x = a, *y = b;
	return (x->line > y->line) - (x->line < y->line);
}

/* The units a package carries, marked in in (parallel to b->units.v):
 * everything under the roots of the issuer and the consolidator (so
 * communes added with add-unit travel), and whatever the plan names. */
static int package_units(struct db *db, const struct plan_rec *plan, const struct plan_bundle *b,
			 bool *in, struct err *e)
{
	const struct unit_set *us = &b->units;
	const struct unit_rec *roots[2] = {unit_root(us, unit_set_find(us, plan->issuer)),
					   unit_root(us, unit_set_find(us, plan->consolidator))};
	for (size_t i = 0; i < us->n; i++)
		for (int r = 0; r < 2; r++)
			if (roots[r] && unit_under(us, &us->v[i], roots[r]))
				in[i] = true;
	scope_mark_list(us, plan->issuer, in);
	scope_mark_list(us, plan->consolidator, in);
	for (size_t i = 0; i < b->tasks.n; i++) {
		scope_mark_list(us, b->tasks.v[i].lead, in);
		scope_mark_list(us, b->tasks.v[i].coord, in);
	}
	for (size_t i = 0; i < b->inds.n; i++)
		scope_mark_list(us, b->inds.v[i].reporters, in);
	for (size_t i = 0; i < b->rules.n; i++) {
		scope_mark_list(us, b->rules.v[i].reporters, in);
		scope_mark_list(us, b->rules.v[i].to, in);
	}
	sqlite3_stmt *st;
	PREP(st, "SELECT u.code FROM plan_unit pu JOIN unit u ON u.id = pu.unit_id WHERE pu.plan_id = ?1");
	sqlite3_bind_int64(st, 1, plan->id);
	while (sqlite3_step(st) == SQLITE_ROW)
		scope_mark(us, unit_set_find(us, db_col_text(st, 0)), in);
	sqlite3_reset(st);
	for (size_t i = 0; i < us->n; i++)
		if (in[i] && us->v[i].kind == UNIT_GROUP)
			scope_mark_list(us, us->v[i].members, in);
	return 0;
fail:
	return -1;
}

/* The marked units as plan file records, parents first. */
static void copy_units(const struct unit_set *us, const bool *in, struct plan_def *out)
{
	for (size_t i = 0; i < us->n; i++) {
		if (!in[i])
			continue;
		const struct unit_rec *u = &us->v[i];
		const struct unit_rec *parent = u->parent_id ? unit_set_by_id(us, u->parent_id) : NULL;
		out->units = xrealloc(out->units, (out->n_units + 1) * sizeof *out->units);
		out->units[out->n_units++] = (struct unit_def){
			.code = xstrdup(u->code), .parent = xstrdup(parent ? parent->code : ""),
			.members = xstrdup(u->members ? u->members : ""), .name = xstrdup(u->name),
			.kind = u->kind, .retired = u->retired, .line = (int)u->id};
	}
	/* Parents were stored before their children: id order declares them first. */
	qsort(out->units, out->n_units, sizeof *out->units, unit_by_id_cmp);
}

/* The events, live tasks, indicators and regime as plan file records. */
static void copy_lists(const struct plan_bundle *b, struct plan_def *out)
{
	const struct event_list *el = &b->events;
	out->events = xcalloc(el->n ? el->n : 1, sizeof *out->events);
	for (size_t i = 0; i < el->n; i++)
		out->events[out->n_events++] = (struct event_def){
			.code = xstrdup(el->v[i].code), .name = xstrdup(el->v[i].name),
			.month = el->v[i].month, .day = el->v[i].day};
	out->tasks = xcalloc(b->tasks.n ? b->tasks.n : 1, sizeof *out->tasks);
	for (size_t i = 0; i < b->tasks.n; i++) {
		const struct task_rec *t = &b->tasks.v[i];
		out->tasks[out->n_tasks++] = (struct task_def){
			.code = xstrdup(t->code), .section = xstrdup(t->section), .item = xstrdup(t->item),
			.lead = xstrdup(t->lead), .coord = xstrdup(t->coord), .events = xstrdup(t->events),
			.measure = xstrdup(t->measure), .tf_text = xstrdup(t->tf_text),
			.title = xstrdup(t->title), .text = xstrdup(t->text), .tf = t->tf};
	}
	out->indicators = xcalloc(b->inds.n ? b->inds.n : 1, sizeof *out->indicators);
	for (size_t i = 0; i < b->inds.n; i++) {
		const struct indicator_rec *d = &b->inds.v[i];
		out->indicators[out->n_indicators++] = (struct indicator_def){
			.code = xstrdup(d->code), .reporters = xstrdup(d->reporters),
			.title = xstrdup(d->title), .text = xstrdup(d->text), .kind = d->kind,
			.cmp = d->cmp, .target = d->target, .year = d->year, .cons = d->cons};
	}
	out->reports = xcalloc(b->rules.n ? b->rules.n : 1, sizeof *out->reports);
	for (size_t i = 0; i < b->rules.n; i++) {
		const struct rule_rec *r = &b->rules.v[i];
		out->reports[out->n_reports++] = (struct report_def){
			.code = xstrdup(r->code), .reporters = xstrdup(r->reporters), .to = xstrdup(r->to),
			.due = xstrdup(r->due), .text = xstrdup(r->text), .period = r->period,
			.adhoc = r->adhoc, .to_inferred = r->to_inferred};
	}
}

int store_plan_def(struct db *db, const struct plan_rec *plan, struct plan_def *out, struct err *e)
{
	struct plan_bundle b;
	bool *in = NULL, found;
	memset(out, 0, sizeof *out);
	if (plan_bundle_load(db, plan->code, false, &b, &found, e))
		return -1;
	if (!found)
		return err_set(e, tr("no plan with code '%s' (see: tiendo plans)"), plan->code);
	out->code = xstrdup(plan->code);
	out->version = plan->version;
	out->issuer = xstrdup(plan->issuer);
	out->number = xstrdup(plan->number);
	out->place = xstrdup(plan->place);
	out->date = xstrdup(plan->date);
	out->consolidator = xstrdup(plan->consolidator);
	out->parent = xstrdup(plan->parent);
	out->parent_ref = xstrdup(plan->parent_ref);
	out->title = xstrdup(plan->title);
	in = xcalloc(b.units.n ? b.units.n : 1, sizeof *in);
	if (package_units(db, plan, &b, in, e))
		goto fail;
	copy_units(&b.units, in, out);
	sqlite3_stmt *st;
	PREP(st, "SELECT code, title FROM section WHERE plan_id = ?1 ORDER BY seq");
	sqlite3_bind_int64(st, 1, plan->id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		out->sections = xrealloc(out->sections, (out->n_sections + 1) * sizeof *out->sections);
		out->sections[out->n_sections++] = (struct section_def){
			.code = xstrdup(db_col_text(st, 0)), .title = xstrdup(db_col_text(st, 1))};
	}
	sqlite3_reset(st);
	copy_lists(&b, out);
	free(in);
	plan_bundle_free(&b);
	return 0;
fail:
	free(in);
	plan_bundle_free(&b);
	plan_def_free(out);
	return -1;
}

int store_plan_bump(struct db *db, const struct plan_rec *plan, int *version, struct err *e)
{
	sqlite3_stmt *st;
	*version = plan->version;
	if (db_begin(db, e))
		return -1;
	PREP(st, "UPDATE plan SET version = version + 1, pending = 0 WHERE id = ?1 AND pending != 0"
		 " RETURNING version");
	sqlite3_bind_int64(st, 1, plan->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		*version = sqlite3_column_int(st, 0);
	if (sqlite3_reset(st) != SQLITE_OK) {
		db_fail(db, e);
		goto fail;
	}
	return db_commit(db, e);
fail:
	db_rollback(db);
	return -1;
}
