/* SPDX-License-Identifier: MIT */
/* What the files of the import share (exchange*.c): problems,
 * refusals, the write mode, and the signer checks. Not for other modules. */
#ifndef TIENDO_EXCHANGE_INTERNAL_H
#define TIENDO_EXCHANGE_INTERNAL_H

#include "exchange.h"
#include "signfile.h"

/* How a file is written: in a transaction of its own, not at all (a dry
 * run), or into the open transaction of an import batch (no savepoint: a
 * failed write returns IMPORT_WRITE_FAILED and the batch rolls back). */
enum import_mode { IMPORT_ALONE, IMPORT_DRY, IMPORT_IN_BATCH };

/* Add "name:line: message" to r's problems (at most 40 are kept). */
void exchange_problem(struct import_result *r, const char *name, int line, const char *fmt, ...)
	TIENDO_PRINTF(4, 5);
/* After a failed database call: what the import returns (see exchange.c). */
int exchange_failed(struct db *db, enum import_mode mode, bool writing);
/* Mark r refused; returns -1. */
int exchange_refuse(struct import_result *r);
/* A file's bytes (buf, n; owned: buf or NULL, freed once decoded), checked
 * and decoded with no database (exchange_decode.c): -1 refused (r says
 * why), 0 with *text its text (UTF-8, NFC), 1 a workbook (nothing done). */
int exchange_decode_bytes(const char *name, const char *buf, size_t n, char *owned,
			  struct import_result *r, char **text, size_t *len);

/* Read the signature of a decoded file (exchange_sign.c): -1 (refused, the
 * problem in r) for a malformed signature or key row, or none where
 * signatures are required. */
int exchange_read_signature(const char *name, const char *text, size_t len, struct signfile *sf,
			    struct import_result *r);
/* Parse a decoded report (valid UTF-8 in NFC) and read its signature in the
 * same pass over its rows; refused as exchange_read_signature, then
 * report_parse, would refuse it. */
struct report;
int exchange_parse_signed(const char *name, const char *buf, size_t n, struct report *rep,
			  struct signfile *sf, struct import_result *r);
/* A signature that does not match the content refuses the file. */
bool exchange_bad_signature(const struct signfile *sf, const char *name, struct import_result *r);
/* The signer of a file that says it comes from unit code: refused (with the
 * key kept aside) when the unit is known with another key. */
int exchange_signer_check(struct db *db, const struct signfile *sf, const char *code,
			  const char *name, struct import_result *r, int64_t *unit_id,
			  struct err *e);
int exchange_signer_record(struct db *db, const struct signfile *sf, const char *code,
			   struct import_result *r, struct err *e);
/* Import a plan package (exchange_plan.c). */
int exchange_import_plan(struct db *db, const char *name, const char *buf, size_t n,
			 enum import_mode mode, unsigned flags, const struct signfile *sf,
			 struct import_result *r);

#endif
