/* SPDX-License-Identifier: MIT */
/* Plans in the database: saving a plan file's contents, and loading plans, units, tasks,
 * indicators, report rules and events back as model records. */
#ifndef TIENDO_STORE_H
#define TIENDO_STORE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "plan.h"
#include "units.h"
#include "util.h"

struct store_result {
	bool unchanged;    /* the stored version was the same or newer */
	bool created;      /* the plan was new to this database */
	int old_version;
	size_t tasks_added, tasks_updated, tasks_retired;
	size_t indicators_added, indicators_retired;
	size_t units_added, units_updated;
};

/* Save a parsed plan in one transaction (see docs/plan-format.md for the
 * version rule) and make it the current plan. owner, when not NULL, becomes
 * the database's owner unit (even when the plan itself is unchanged); else a
 * database without an owner gets the plan's consolidator. */
int store_plan_save(struct db *db, const struct plan_def *p, const char *owner,
		    struct store_result *r, struct err *e);

struct plan_rec {
	int64_t id;
	int version;
	char *code, *issuer, *number, *place, *date, *consolidator, *parent, *parent_ref, *title;
};
void plan_rec_free(struct plan_rec *p);

/* All plans, by code. */
int store_plans(struct db *db, struct plan_rec **out, size_t *n, struct err *e);
void plan_recs_free(struct plan_rec *v, size_t n);
/* The current plan (meta 'plan', or the only one). */
int store_current_plan(struct db *db, struct plan_rec *out, struct err *e);
int store_use_plan(struct db *db, const char *code, struct err *e);

/* Units (store_units.c). */
int store_units(struct db *db, struct unit_set *out, struct err *e);
/* The units a report from sender needs: every unit when it answers for
 * others (units below it, or reporting to it); else only the sender, the
 * units above it, the groups with the units scoping them and the reporting
 * lines' recipients (a commune's export reads a few units, not 3,300). */
int store_units_sender(struct db *db, const char *sender, struct unit_set *out, struct err *e);
/* The id of unit code; 0 when there is none. */
int64_t store_unit_id(struct db *db, const char *code);
/* The database's owner unit ("who am I"); e set when none. */
int store_owner(struct db *db, const struct unit_set *units, const struct unit_rec **out, struct err *e);
/* Resolve --unit CODE, or the owner when code is NULL. */
int store_resolve_unit(struct db *db, const struct unit_set *units, const char *code,
		       const struct unit_rec **out, struct err *e);
int store_unit_add(struct db *db, const char *code, const char *name, enum unit_kind kind,
		   const char *parent, const char *members, struct err *e);
/* Rename a unit (marks the plans pending, like add and retire). */
int store_unit_rename(struct db *db, const char *code, const char *name, struct err *e);
int store_unit_retire(struct db *db, const char *code, struct err *e);
/* What depends on unit code: the codes of the units right under it still
 * followed (in code order, into under), and the first reporting rule that
 * names it as recipient (*rule of *plan, NULL when none; the caller frees). */
int store_unit_dependents(struct db *db, const char *code, struct strvec *under, char **rule,
			  char **plan, struct err *e);

/* The stored plan as a plan file would hold it (for export-plan): header,
 * the units of its province (and any it names), sections, events, live
 * tasks and indicators, the regime. */
int store_plan_def(struct db *db, const struct plan_rec *plan, struct plan_def *out,
		   struct err *e);
/* Units were added or retired since the plan's version was last sent: raise
 * the version by one so the next package carries them. *version gets the
 * version to send (raised or not). */
int store_plan_bump(struct db *db, const struct plan_rec *plan, int *version, struct err *e);

struct task_rec {
	int64_t id;
	char *code, *section, *section_title, *item, *title, *text, *tf_text, *measure;
	char *lead, *coord, *events; /* space-separated codes */
	struct timeframe tf;
	bool retired;
};
struct task_list {
	struct task_rec *v;
	size_t n, cap;
};
/* Tasks of a plan in plan order; retired ones too when with_retired. */
int store_tasks(struct db *db, int64_t plan_id, bool with_retired, struct task_list *out,
		struct err *e);
void task_list_free(struct task_list *l);
const struct task_rec *task_list_find(const struct task_list *l, const char *code);
/* Is the task assigned to u (lead or coordinating, directly or by group)? */
bool task_assigned(const struct unit_set *units, const struct task_rec *t, const struct unit_rec *u);
/* counts[i]: the units (not groups, not retired) task i is assigned to. */
void tasks_assigned_counts(const struct unit_set *units, const struct task_list *tasks,
			   int *counts);

struct indicator_rec {
	int64_t id;
	char *code, *title, *text, *reporters;
	enum ind_kind kind;
	enum comparator cmp;
	double target;
	int year;
	enum consolidation cons;
	bool retired; /* no longer in the plan: kept with its values, not expected */
};
struct indicator_list {
	struct indicator_rec *v;
	size_t n, cap;
};
int store_indicators(struct db *db, int64_t plan_id, struct indicator_list *out, struct err *e);
/* The same, with the retired ones too (after the others) when with_retired. */
int store_indicators_all(struct db *db, int64_t plan_id, bool with_retired,
			 struct indicator_list *out, struct err *e);
void indicator_list_free(struct indicator_list *l);
const struct indicator_rec *indicator_list_find(const struct indicator_list *l, const char *code);

struct rule_rec {
	int64_t id;
	char *code, *due, *reporters, *to, *text;
	enum period_type period;
	struct due_rule rule;
	bool adhoc;
	/* The plan names no recipient: `to` is inferred (plan file "CODE?");
	 * a document shows the recipient as a blank to fill, not as fact. */
	bool to_inferred;
};
struct rule_list {
	struct rule_rec *v;
	size_t n, cap;
};
int store_rules(struct db *db, int64_t plan_id, struct rule_list *out, struct err *e);
void rule_list_free(struct rule_list *l);

struct event_rec {
	char *code, *name;
	int month, day;
};
struct event_list {
	struct event_rec *v;
	size_t n, cap;
};
int store_events(struct db *db, int64_t plan_id, struct event_list *out, struct err *e);
void event_list_free(struct event_list *l);

/* A plan loaded whole (store_bundle.c): what the user actions and an
 * import work on, loaded once. */
struct plan_bundle {
	struct plan_rec plan;
	struct unit_set units;
	struct task_list tasks;       /* retired ones too when loaded with_retired */
	struct indicator_list inds;
	struct rule_list rules;
	struct event_list events;
	const struct unit_rec *owner; /* the database's owner unit; NULL when none */
};
/* Load plan code (NULL: the current plan) with everything it holds. *found
 * false (and nothing loaded) when a plan code was given and no such plan is
 * stored; a database without any plan is an error. */
int plan_bundle_load(struct db *db, const char *code, bool with_retired, struct plan_bundle *b,
		     bool *found, struct err *e);
/* The current plan for the owner's own report: b->units holds only the
 * units that report needs (store_units_sender). */
int plan_bundle_load_sender(struct db *db, struct plan_bundle *b, struct err *e);
void plan_bundle_free(struct plan_bundle *b);
/* The years plan b covers: from the year it was issued (or its first
 * target) to its last target year or deadline, and today's year. Entries,
 * values and received reports are for periods within them
 * (session_plan_years, the import). */
void plan_bundle_years(const struct plan_bundle *b, day_t today, int *y0, int *y1);
/* What a search looks in: the task's code, title and text, folded
 * (text_fold: no case, no diacritics). New string. */
char *task_search_text(const struct task_rec *t);
/* A plan by code; *found false when there is none. */
int store_find_plan(struct db *db, const char *code, struct plan_rec *out, bool *found,
		    struct err *e);

#endif
