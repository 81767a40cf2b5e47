/* SPDX-License-Identifier: MIT */
/* A session: an opened database and its loaded plan, and every user action on them with
 * its rules checked inside, so that the command line and the interface only parse what
 * the user typed, call the session and present the result. */
#ifndef TIENDO_SESSION_H
#define TIENDO_SESSION_H

#include <stdbool.h>

#include "completeness.h"
#include "deadline.h"
#include "exchange.h"
#include "keystore.h"
#include "period.h"
#include "progress.h"
#include "store.h"
#include "util.h"

struct session {
	struct db *db;
	struct plan_bundle b; /* the plan, units, tasks, indicators, rules, events, owner */
	bool with_retired;    /* b.tasks holds retired tasks too */
	struct undone_memo undone; /* overdue answers, shared by the faces' questions */
};

struct session_options {
	const char *plan;  /* make this plan the current one first (NULL: keep) */
	bool with_retired; /* load retired tasks too (commands naming a task by code) */
	bool need_owner;   /* an error when the database has no owner unit */
	bool db_only;      /* open the database, load nothing (import loads its own) */
	bool sender_units; /* only the units the owner's own report needs (export) */
};

/* Open the database at path (which must exist) and load its current plan.
 * -1 with e set on failure; s->db is NULL when the database itself could
 * not be opened. session_close is needed either way. */
int session_open(struct session *s, const char *path, const struct session_options *o,
		 struct err *e);
/* Load the plan again (after a change made outside the bundle); the owner
 * and units keep their codes, not their addresses. */
int session_reload(struct session *s, struct err *e);
/* Around a face's many reads (the first screen's): one snapshot and one
 * lock, not one per statement. Nothing is written in between. */
int session_read_begin(struct session *s, struct err *e);
void session_read_end(struct session *s);
void session_close(struct session *s);
/* The years the plan covers: from the year it was issued (or its first
 * target) to its last target year or deadline, and today's year. Progress
 * and values are entered for periods within them; the interface's periods
 * stay within them. */
void session_plan_years(const struct session *s, day_t today, int *y0, int *y1);

/* ---- entries and indicator values (session_entry.c) ---- */

/* What an entry or a value is about. */
struct session_target {
	const struct unit_rec *unit;
	const struct task_rec *task;      /* an entry's task */
	const struct indicator_rec *ind;  /* a value's indicator */
	char period[PERIOD_BUF];
};
/* Resolve unit (NULL: the owner), the task (or indicator, when is_ind) and
 * a period code, and check that the unit may enter it (entry_check.h). */
int session_target(struct session *s, const char *unit, const char *code, bool is_ind,
		   const char *period, struct session_target *t, struct err *e);

struct session_saved {
	bool changed;       /* false: the request changed nothing, nothing written */
	bool started;       /* a percent above 0 moved "not started" to "in progress" */
	bool moved;         /* someone else saved it since the revision seen */
	long long revision; /* the revision now */
};
/* Save progress on t: the unit, the task (not retired) and the values are
 * checked as an import checks them. seen: the revision the user started
 * from (-1: unknown). */
int session_set_progress(struct session *s, const struct session_target *t,
			 const struct entry_patch *p, long long seen, struct session_saved *r,
			 struct err *e);
/* Save an indicator value of t, checked the same way. */
int session_set_value(struct session *s, const struct session_target *t, const struct ivalue *v,
		      struct session_saved *r, struct err *e);
/* Put back the entry's state before its last change. */
int session_undo(struct session *s, const struct session_target *t, long long *revision,
		 struct err *e);
/* The entry of k as it is now (found false: none yet) and, when dr is not
 * NULL, the draft an interrupted form left for it (has_draft). */
int session_entry_now(struct session *s, const struct entry_key *k, struct entry *en, bool *found,
		      struct draft *dr, bool *has_draft, struct err *e);
/* Keep what a form held when it was interrupted (a signal), to offer it
 * again; drop it when the user cancels or saves. */
int session_draft_keep(struct session *s, const struct entry_key *k, const struct draft *d,
		       struct err *e);
int session_draft_drop(struct session *s, const struct entry_key *k, struct err *e);
/* The indicator value of k as it is now and, when hist is not NULL, its
 * earlier revisions (a new array of *nh). */
int session_value_now(struct session *s, const struct ivalue_key *k, struct ivalue *v, bool *found,
		      struct ivalue **hist, size_t *nh, struct err *e);

/* One task's state for a unit (or all units) and period. */
struct task_state {
	bool has_entry, overdue, assigned;
	enum status status;
	int percent;
	int units, done; /* all-units view: assigned units, units done */
};
/* The state of every task of s->b.tasks (a new array parallel to it) for
 * unit (NULL: all units) in period, overdue as of today. */
struct task_state *session_task_states(struct session *s, const struct unit_rec *unit,
				       const char *period, day_t today, struct err *e);

/* ---- units (session_units.c); session_reload after a change: the bundle
 * still holds the units as they were ---- */

struct session_unit {
	const char *code, *name; /* the name already clean (NFC, one line) */
	enum unit_kind kind;
	const char *parent;      /* NULL: a top unit */
	const char *members;     /* a group's: unit kinds and codes; NULL otherwise */
};
int session_unit_add(struct session *s, const struct session_unit *u, struct err *e);
/* *renamed false when the name was already that (nothing written). */
int session_unit_rename(struct session *s, const char *code, const char *name, bool *renamed,
			struct err *e);
/* *retired false when it was retired already (nothing written). */
int session_unit_retire(struct session *s, const char *code, bool *retired, struct err *e);

/* Add units from a CSV file (code,kind,parent,name[,members]; a first row
 * of headings is skipped): new ones added, known ones with another name
 * renamed, the whole file or nothing. */
int session_units_file(struct session *s, const char *file, size_t *added, size_t *renamed,
		       struct err *e);

/* ---- exchange by file (session_exchange.c) ---- */

struct session_export {
	char *path;                /* the file written; NULL when out was "-" */
	char *sender;
	char period[PERIOD_BUF];
	size_t n_entries, n_values;
	const struct unit_rec *to; /* whom to send it to; NULL: the regime names no one */
};
void session_export_free(struct session_export *r);
/* Write the owner's report for period to out (NULL: its usual name in
 * $TIENDO_EXPORT_DIR or here; "DIR/": its usual name in DIR; "-": standard
 * output), as its rows are read.
 * Excel: BOM, CRLF, neutralised cells. */
int session_export(struct session *s, const char *period, const char *out, bool excel,
		   struct session_export *r, struct err *e);

/* What a face does around each imported file. */
struct session_import_hooks {
	/* before file i of n; false stops the import (the files left are not read) */
	bool (*before)(void *arg, size_t i, size_t n, const char *path);
	/* once it is read (may be NULL); its outcome comes later */
	void (*read)(void *arg, const char *path);
	/* with its outcome, once that is final: after the commit of the batch
	 * holding it (import_batch), so that what a face shows stays true */
	void (*after)(void *arg, const char *path, const struct import_result *r);
	void *arg;
};
struct session_import {
	size_t files, done;              /* files given, files read */
	size_t imported, same, refused;  /* of them: new data, nothing new, refused */
	bool stopped;                    /* a hook stopped it */
	size_t lost;                     /* files read but NOT saved (IMPORT_LOST) */
	bool lost_batch;                 /* the database could not be written: the import
					  * stopped; files from done on were not read */
	struct err lost_why;
};
/* Import files (each whole or absent; see import_batch); bulk: many files,
 * written with db_bulk_begin's larger cache.
 * -1 when a file was refused or lost, or stopped. */
int session_import(struct session *s, const struct strvec *files, unsigned flags, bool bulk,
		   const struct session_import_hooks *h, struct session_import *r);
/* Resolve conflict id: take the incoming row, or keep the stored one. */
int session_resolve(struct session *s, long long id, bool take, struct err *e);
/* The reports expected by the owner for period, and who sent them. */
int session_completeness(struct session *s, const char *period, day_t today,
			 struct completeness *out, struct err *e);

/* ---- what the faces show (session_show.c): read only, so a retired
 * unit's entries, or a task's no longer assigned to it, are still shown ---- */

/* The unit whose work the faces follow at first: the owner, or every unit
 * (NULL) when the owner is the plan's consolidating unit (it follows the
 * whole plan). */
const struct unit_rec *session_followed_unit(const struct session *s);

/* The deadlines in [from, to) of unit (NULL: every unit), sorted by date;
 * with overdue, also the tasks due before from that it has not done (for
 * every unit: that no unit has done). */
int session_due(struct session *s, const struct unit_rec *unit, day_t from, day_t to,
		bool overdue, struct deadline_list *out, struct err *e);
#define SESSION_DUE_DAYS 30 /* how far ahead due and the overview look */

struct session_unit_row {
	const struct unit_rec *unit, *parent; /* parent NULL: a top unit */
	enum key_state key;                   /* the key it signs with (KEY_NONE: none) */
};
struct session_unit_list {
	struct session_unit_row *v;
	size_t n;
};
/* The units in the tree's order (each after its parent, by name), with
 * their keys' states when with_keys. */
int session_units_list(struct session *s, bool with_keys, struct session_unit_list *out,
		       struct err *e);
void session_unit_list_free(struct session_unit_list *l);

/* The overview: the plan, the owner, and what is due for the followed unit
 * in the next SESSION_DUE_DAYS days with what is overdue. */
struct session_overview {
	const struct plan_rec *plan;
	const struct unit_rec *owner;    /* NULL: the database names none */
	const struct unit_rec *followed; /* session_followed_unit */
	struct deadline_list due;
};
int session_overview(struct session *s, day_t today, struct session_overview *r, struct err *e);
void session_overview_free(struct session_overview *r);

/* Resolve what show and show-indicator read: unit (NULL: the owner; not a
 * group), the task (or indicator when is_ind) and the period code; no rule
 * of entering applies. */
int session_show_target(struct session *s, const char *unit, const char *code, bool is_ind,
			const char *period, struct session_target *t, struct err *e);
/* An entry as both faces show it: its current state, every revision (the
 * oldest first) and a draft kept from an interrupted form. */
struct session_entry_view {
	const struct task_rec *task;
	const struct unit_rec *unit;
	char period[PERIOD_BUF];
	bool found;           /* false: nothing entered yet */
	struct entry entry;
	struct entry *hist;
	size_t n_hist;
	bool has_draft;
	struct draft draft;
};
int session_show_entry(struct session *s, const struct session_target *t,
		       struct session_entry_view *v, struct err *e);
void session_entry_view_free(struct session_entry_view *v);

#endif
