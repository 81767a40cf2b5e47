/* SPDX-License-Identifier: MIT */
/* Importing exchange files (plan packages and unit reports) under the ownership and
 * revision rules, the register of received files, and the conflicts kept aside. */
#ifndef TIENDO_EXCHANGE_H
#define TIENDO_EXCHANGE_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "encoding.h"
#include "progress.h"
#include "store.h"
#include "util.h"

enum import_outcome {
	IMPORT_REFUSED,      /* nothing written; problems say why */
	IMPORT_REPORT,       /* a report was imported */
	IMPORT_DUPLICATE,    /* the same report was imported before: nothing to do */
	IMPORT_PLAN_UPDATED, /* a newer plan version (or a new plan) was loaded */
	IMPORT_PLAN_SAME,    /* the plan's version here is the same or newer: nothing to do */
	IMPORT_LOST,         /* read and written, but its batch could not be saved: import it again */
};

struct import_result {
	enum import_outcome outcome;
	enum text_encoding enc;
	char *sender, *plan, *period, *exported_at;
	char *before; /* IMPORT_DUPLICATE: when it was first imported */
	char *unit_added; /* "CODE (name, parent)": the new unit the report described */
	int plan_version, old_version;
	size_t rows, added, replaced, unchanged, older, conflicts, receipts;
	struct store_result plan_r;
	struct strvec problems; /* "file:line: why", for a refused file */
	/* Who signed it (enum key_verdict of exchange_keys.h) and the signer's
	 * key fingerprint ("" for an unsigned file). */
	int signer;
	char fingerprint[32];
	int64_t held_unit; /* refused for a changed key: the unit, and the key kept aside */
	unsigned char held_key[32];
};
void import_result_free(struct import_result *r);

/* Files larger than this are refused without being parsed. */
#define EXCHANGE_MAX_FILE (64u << 20)

/* What an import may do (a bool true passed here is IMPORT_DRY_RUN). */
enum {
	IMPORT_DRY_RUN = 1,  /* do everything, then roll back */
	IMPORT_ADD_PLAN = 2, /* a package of a plan this database does not hold may be added */
};

/* Import one file: a plan package or a report, decoded from UTF-8 or a
 * legacy encoding. The whole file is written in one transaction, or
 * nothing (refused, or IMPORT_DRY_RUN). Returns 0 when imported or a
 * harmless no-op, -1 when refused. name is the file's name for messages. */
int exchange_import(struct db *db, const char *name, const char *buf, size_t n, unsigned flags,
		    struct import_result *r);
/* The same with the plan of the last report kept between calls (NULL:
 * none; plan_bundle_free it at the end); a plan package clears it. Clear it
 * too when something else may have changed the plan. */
int exchange_import_cached(struct db *db, struct plan_bundle *cache, const char *name,
			   const char *buf, size_t n, unsigned flags, struct import_result *r);
/* The same, reading the file at path. */
int exchange_import_file(struct db *db, const char *path, unsigned flags, struct import_result *r);

/* Import one file already read (buf is freed) into a batch's open transaction, without a
 * savepoint of its own (for exchange_batch.c). Returns 0 or -1 as
 * exchange_import does, or IMPORT_WRITE_FAILED when a write failed: the
 * transaction then holds part of the file and must be rolled back. */
#define IMPORT_WRITE_FAILED (-2)
/* exchange_import_parsed: not a report read ahead; import the file itself. */
#define IMPORT_NOT_PARSED (-3)

/* A file read, decoded and, when it is a report, parsed ahead of its import,
 * with no database (so a second thread may do it: exchange_prefetch.c). */
struct exchange_parsed;
struct exchange_parsed *exchange_parse_file(const char *path);
const char *exchange_parsed_path(const struct exchange_parsed *p);
/* exchange_import_in_batch of a parsed file: the same outcomes, and
 * IMPORT_NOT_PARSED for a file that was not a report (r untouched). */
struct plan_bundle;
int exchange_import_parsed(struct db *db, struct plan_bundle *cache, struct exchange_parsed *p,
			   struct import_result *r);
void exchange_parsed_free(struct exchange_parsed *p);
int exchange_import_in_batch(struct db *db, struct plan_bundle *cache, const char *name,
			     char *buf, size_t n, unsigned flags, struct import_result *r);

/* Read a file to import: at most EXCHANGE_MAX_FILE + 1 bytes, whatever it
 * is (the size of a regular file is checked before reading; a pipe or a
 * device is read no further than that). NULL with r refused and saying
 * why; else a new buffer of *n bytes. */
char *exchange_read_file(const char *path, size_t *n, struct import_result *r);

/* Importing many files. Files go into one transaction, committed about
 * once a second, so that thousands of reports do not cost thousands of
 * disk syncs while the lock is never held for long. Each file is checked
 * whole before any of it is written; a file whose writing fails is refused
 * and the batch is written again without it. A file's verdict is handed to
 * done() only once it is final: after the commit of the transaction holding
 * it (a refused file's at once), so that every verdict shown stays true if
 * the program is killed. When the transaction cannot be saved (full disk,
 * I/O error), its files are handed over as IMPORT_LOST, import_batch_file
 * and import_batch_finish return -1 and the batch takes no more files. A
 * dry run writes nothing and hands each verdict over at once. */
typedef void import_done_fn(void *arg, const char *path, const struct import_result *r);
struct import_pending {
	char *path;
	struct import_result r;
};
struct import_batch {
	struct db *db;
	bool dry_run, open, broken;
	bool add_plan;            /* IMPORT_ADD_PLAN for every file */
	double since;             /* when the open transaction began (monotonic seconds) */
	double seconds;           /* how long a transaction gathers files (batch_seconds) */
	long long version;        /* PRAGMA data_version when the cache was last valid */
	struct import_pending *v; /* the files written in it, verdicts not yet final */
	size_t pending, cap;
	import_done_fn *done;
	void *arg;
	struct plan_bundle cache; /* the plan of the last report */
};
void import_batch_init(struct import_batch *b, struct db *db, bool dry_run, import_done_fn *done,
		       void *arg);
/* Import one file (path as named to the user). 0, or -1 when the batch is
 * lost (see above): stop, and say the files not yet read were not imported. */
int import_batch_file(struct import_batch *b, const char *path);
/* The same for a file read ahead (exchange_parse_file); p stays the caller's. */
int import_batch_parsed(struct import_batch *b, struct exchange_parsed *p);
/* Commit what is pending and hand over the verdicts; -1 when that failed
 * (the pending files were handed over as IMPORT_LOST). Frees the cache,
 * which is kept across the batch's own commits. */
int import_batch_finish(struct import_batch *b);

/* One file in the register of received files. */
struct received_rec {
	char *kind, *file, *checksum, *sender, *plan, *period, *exported_at, *imported_at, *encoding;
	int plan_version;
	long long rows, added, replaced, unchanged, older, conflicts;
};
struct received_list {
	struct received_rec *v;
	size_t n, cap;
};
void received_list_free(struct received_list *l);
/* The register, oldest import first; period NULL: every period (and plan packages). */
int exchange_received(struct db *db, const char *period, struct received_list *out,
		      struct err *e);

enum conflict_state { CONFLICT_OPEN, CONFLICT_KEPT, CONFLICT_TAKEN, CONFLICT_STATE_COUNT };
const char *conflict_state_name(enum conflict_state s);

struct conflict_rec {
	int64_t id;
	bool is_value;
	enum conflict_state state;
	char *unit, *item, *period, *file, *received_at, *resolved_by, *resolved_at;
	long long revision;
	struct entry in_entry, cur_entry; /* !is_value */
	struct ivalue in_value, cur_value; /* is_value */
};
struct conflict_list {
	struct conflict_rec *v;
	size_t n, cap;
};
void conflict_list_free(struct conflict_list *l);
/* Conflicts of a plan (period NULL: every period; else those of the period
 * and those a report for it brought, such as a yearly value in a half-year
 * report); resolved ones too when all. */
int exchange_conflicts(struct db *db, const struct plan_rec *plan, const char *period, bool all,
		       struct conflict_list *out, struct err *e);
/* The open conflicts of the plans other than plan_id, one per plan that
 * holds any (period as for exchange_conflicts), ordered by plan code. */
struct plan_conflicts {
	char *plan;
	long long open;
};
struct plan_conflicts_list {
	struct plan_conflicts *v;
	size_t n, cap;
};
void plan_conflicts_list_free(struct plan_conflicts_list *l);
int exchange_conflicts_elsewhere(struct db *db, int64_t plan_id, const char *period,
				 struct plan_conflicts_list *out, struct err *e);
/* Resolve an open conflict: take the incoming row (it replaces the stored
 * one at the same revision, so the sender's next revision applies cleanly)
 * or keep the stored one (the incoming row is not offered again). */
int exchange_resolve(struct db *db, int64_t id, bool take, const char *by, struct err *e);

#endif
