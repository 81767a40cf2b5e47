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
};
void import_result_free(struct import_result *r);

/* Files larger than this are refused without being parsed. */
#define EXCHANGE_MAX_FILE (64u << 20)

/* Import one file: a plan package or a report, decoded from UTF-8 or a
 * legacy encoding. The whole file is written in one transaction, or
 * nothing (refused, or dry_run). Returns 0 when imported or a harmless
 * no-op, -1 when refused. name is the file's name for messages. */
int exchange_import(struct db *db, const char *name, const char *buf, size_t n, bool dry_run,
		    struct import_result *r);
/* The same with the plan of the last report kept between calls (NULL:
 * none; plan_bundle_free it at the end); a plan package clears it. Clear it
 * too when something else may have changed the plan. */
int exchange_import_cached(struct db *db, struct plan_bundle *cache, const char *name,
			   const char *buf, size_t n, bool dry_run, struct import_result *r);
/* The same, reading the file at path. */
int exchange_import_file(struct db *db, const char *path, bool dry_run, struct import_result *r);

/* Importing many files: each file is whole or absent (a savepoint of its
 * own), and files are committed together about once a second, so that
 * thousands of reports do not cost thousands of disk syncs while the lock is
 * never held for long. */
struct import_batch {
	struct db *db;
	bool dry_run, open;
	double since;   /* when the open transaction began (monotonic seconds) */
	size_t pending; /* files imported in it */
	struct plan_bundle cache; /* the plan of the last report */
};
void import_batch_init(struct import_batch *b, struct db *db, bool dry_run);
int import_batch_file(struct import_batch *b, const char *path, struct import_result *r);
/* Commit what is pending; -1 with e set (and the pending files lost) on
 * failure. The batch may go on with more files afterwards; call it once more
 * at the end (it also frees the cache). */
int import_batch_finish(struct import_batch *b, struct err *e);

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
/* Conflicts of a plan (period NULL: every period); resolved ones too when all. */
int exchange_conflicts(struct db *db, const struct plan_rec *plan, const char *period, bool all,
		       struct conflict_list *out, struct err *e);
/* Resolve an open conflict: take the incoming row (it replaces the stored
 * one at the same revision, so the sender's next revision applies cleanly)
 * or keep the stored one (the incoming row is not offered again). */
int exchange_resolve(struct db *db, int64_t id, bool take, const char *by, struct err *e);

#endif
