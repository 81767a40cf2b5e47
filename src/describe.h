/* SPDX-License-Identifier: MIT */
/* What the command line and the interface both show, worded once in the user's
 * language: a time frame, a target, an import's outcome, an export, a conflict's sides. */
#ifndef TIENDO_DESCRIBE_H
#define TIENDO_DESCRIBE_H

#include <stdbool.h>
#include <stddef.h>

#include "deadline.h"
#include "exchange.h"
#include "keystore.h"
#include "plan.h"
#include "progress.h"
#include "session.h"
#include "util.h"

/* "due 2025-12-31", "recurring from 2026-01-01", "recurring", "none". */
void describe_timeframe(const struct timeframe *tf, char *buf, size_t n);
/* ">=100%", ">=3", "yes". */
void describe_target(enum ind_kind k, enum comparator c, double target, char *buf, size_t n);
/* The words a person reads for the plan's codes (in English the codes
 * themselves, so English output is unchanged): a unit kind ("xã" for
 * commune), a consolidation, a period type, a deadline kind, a conflict
 * state, yes/no. Machine-flavour files keep the codes. */
const char *unit_kind_label(enum unit_kind k);
const char *consolidation_label(enum consolidation c);
const char *period_type_label(enum period_type t);
const char *deadline_kind_label(enum dl_kind k);
/* The same in four columns at most, for the agenda ("LATE", "rprt"). */
const char *deadline_kind_tag(enum dl_kind k);
const char *conflict_state_label(enum conflict_state s);
const char *ind_kind_label(enum ind_kind k);
const char *yes_no_label(bool yes);
/* A status ("in progress"): status_label (plan.h). */

/* One file's outcome ("FILE: imported report of ... conflicts"), ending in a
 * line break; for a refused file the reasons are in r->problems. */
void describe_import(struct strbuf *b, const char *file, const struct import_result *r,
		     bool dry_run);
/* The note on who signed an imported file, when the clerk should know,
 * ending in a line break (nothing otherwise): a unit's first signed file
 * (trust on first use: its key is recorded, to be checked by phone; in a
 * dry run, would be), or an
 * unsigned file of format 1. True when the note is a warning (the unsigned
 * file). A file signed by a changed key is refused: its reason, with what
 * to do, is among r->problems. */
bool describe_import_signer(struct strbuf *b, const char *file, const struct import_result *r,
			    bool dry_run);
/* The totals of an import of many files, ending in a line break. */
void describe_import_totals(struct strbuf *b, const struct session_import *r, bool dry_run);

/* An export: where the file went, whom to send it to (or that the regime
 * names no one); and, as a third line, a note when the report is empty.
 * where: the folder a relative path is in ("" for none). */
void describe_export(const struct session_export *r, const char *where, struct strvec *lines);

/* A conflict's side: "  LABEL: revision N by ... at ...: status, 40%, count 12"
 * and then each non-empty text as "Result: ...". */
void describe_entry_side(struct strvec *lines, const char *label, const struct entry *en);
/* "  LABEL: revision N by ... at ...: 3/4, value 75 note". */
void describe_value_side(struct strvec *lines, const char *label, const struct ivalue *v);

/* ---- one entry (describe_entry.c) ---- */

/* How values are written: codes and bare numbers (tiendo show, read by
 * scripts) or words in the user's language (the interface). */
enum describe_style { DESCRIBE_CODES, DESCRIBE_WORDS };
/* A unit's key state as a list column: its name (new, trusted, changed),
 * translated, or "-" for a unit without a key (the D list, the report
 * states list and `tiendo units --keys`). */
const char *describe_key_state(enum key_state ks);

/* One line of an entry: key (the command line's, never translated; NULL:
 * a note shown alone), label (the interface's), value; text: a text the
 * person typed (it may hold line breaks). */
struct entry_line {
	const char *key, *label;
	char *value;
	bool text;
};
struct entry_lines {
	struct entry_line v[12];
	size_t n;
};
/* The lines of an entry: its status, percent, count (in the task's
 * measure), texts and revision, or that nothing was entered yet; then a
 * draft kept from an interrupted form. */
void describe_entry(const struct session_entry_view *v, enum describe_style st,
		    struct entry_lines *out);
void entry_lines_free(struct entry_lines *l);
/* One revision of an entry's history on one line (to free): codes
 * "REV\tAT\tBY\tACTION\tSTATUS\tPERCENT\tCOUNT\tRESULT\t..." with the
 * texts' line breaks as \n; words "#REV AT BY: in progress 40%; result". */
char *describe_entry_change(const struct entry *h, enum describe_style st);

#endif
