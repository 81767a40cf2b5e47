/* SPDX-License-Identifier: MIT */
/* The unit report file (docs/exchange.md): what a unit sends up for a period, written,
 * read back and verified (row count and checksum). */
#ifndef TIENDO_REPORT_H
#define TIENDO_REPORT_H

#include <stdbool.h>
#include <stdint.h>

#include "db.h"
#include "progress.h"
#include "store.h"
#include "util.h"

/* Format 2 adds the signature row (signfile.h); format 1 files still read. */
#define REPORT_FORMAT 2

struct report_entry {
	char *unit, *task;
	struct entry en; /* with revision, by, at */
	int line;
};

struct report_value {
	char *unit, *indicator;
	/* The value's own period: NULL for the report's, else a longer period
	 * containing it (a yearly value travels in each report of its year). */
	char *period;
	struct ivalue v;
	int line;
};

/* A report the sender received from a unit below it for the period. */
struct report_receipt {
	char *unit, *exported_at, *imported_at;
	int line;
};

struct report {
	char *sender, *plan, *period, *exported_at;
	/* The sender described (kind, parent code, name) when it is a unit its
	 * own database added (a new commune): the receiver can add it too.
	 * NULL otherwise. */
	char *sender_kind, *sender_parent, *sender_name;
	int plan_version;
	bool excel;
	struct report_entry *entries;
	size_t n_entries;
	struct report_value *values;
	size_t n_values;
	struct report_receipt *receipts;
	size_t n_receipts;
	uint64_t checksum; /* over the content, whatever the flavour */
	int header_line;
	struct report_pool *pool; /* a parsed report's row texts (NULL: each allocated) */
};

void report_free(struct report *r);

/* The units whose rows a report from sender may carry: the sender, the
 * units under it in the unit tree, and the units that report to it by the
 * regime, and so on down (a department's consolidated report carries what
 * its communes and divisions sent it). A new array parallel to units->v. */
bool *report_owned_units(const struct unit_set *units, const struct rule_list *rules,
			 const struct unit_rec *sender);

/* Gather the report of sender for plan and period: the progress entries and
 * indicator values of the sender and every unit it answers for (see
 * report_owned_units), and the reports it received from them. exported_at
 * is now. */
int report_build(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		 const struct unit_rec *sender, const char *period, struct report *out,
		 struct err *e);

/* The same written to b as the rows are read, none kept (a department's
 * report is tens of MB): exported_at is stamp; counts get the numbers of
 * entries, values and receipts written. Identical to report_build followed
 * by report_write (and signfile_sign when sk, the sender's secret key, is
 * given: the file is signed as it is written). */
int report_export(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		  const struct unit_rec *sender, const char *period, const char *stamp, bool excel,
		  const uint8_t *sk, struct strbuf *b, size_t counts[3], uint64_t *checksum,
		  struct err *e);

/* Append the report file to b; excel: BOM, CRLF, neutralised cells. Sets
 * r->checksum. */
void report_write(struct report *r, bool excel, struct strbuf *b);

/* Is this decoded file a report (its first record is format,tiendo-report)? */
bool report_sniff(const char *buf, size_t n);

/* Parse a report file's text (UTF-8) and verify it: shape, fields, row
 * count and checksum. name is used in messages ("name:line: why"); every
 * problem found is appended to problems (at most a few dozen) and -1 returned. */
int report_parse(const char *buf, size_t n, const char *name, struct report *out,
		 struct strvec *problems);
/* The same for a text proven valid UTF-8 in NFC as a whole (proven: as
 * encoding_decode returns it), whose fields are then not checked again;
 * sign (or NULL) is given every row in the same pass (signfile.h). */
struct signfile_reader;
int report_parse_text(const char *buf, size_t n, bool proven, struct signfile_reader *sign,
		      const char *name, struct report *out, struct strvec *problems);

/* The suggested file name: baocao_UNIT_PERIOD_YYYYMMDD.csv */
char *report_file_name(const char *unit, const char *period, const char *stamp, bool excel);

/* A digest of an entry's or a value's content (not who or when), to
 * recognise the same content again. */
uint64_t report_entry_digest(const struct entry *en);
uint64_t report_value_digest(const struct ivalue *v);
/* Do two entries (values) hold the same content? */
bool report_entry_same(const struct entry *a, const struct entry *b);
bool report_value_same(const struct ivalue *a, const struct ivalue *b);

#endif
