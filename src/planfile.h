/* SPDX-License-Identifier: MIT */
/* Reading plan files (docs/plan-format.md) into the plan model. */
#ifndef TIENDO_PLANFILE_H
#define TIENDO_PLANFILE_H

#include <stddef.h>

#include "encoding.h"
#include "plan.h"
#include "util.h"

/* Format 2 adds key and signature rows (signfile.h); format 1 files still read. */
#define PLANFILE_FORMAT 2

/* Parse a whole plan file held in buf[0..n); name is used in messages
 * ("name:line: what is wrong"). On error nothing is left in *out. */
int planfile_parse(const char *buf, size_t n, const char *name, struct plan_def *out,
		   struct err *e);
/* Read and parse the file at path. */
int planfile_load(const char *path, struct plan_def *out, struct err *e);

/* The same, also accepting a file saved in cp1258, TCVN3 or VNI (converted
 * to NFC UTF-8; *enc says which). */
int planfile_load_any(const char *path, struct plan_def *out, enum text_encoding *enc,
		      struct err *e);
/* Append the plan as a plan file to b; flags as csvio_write_row (CSVW_EXCEL:
 * BOM, CRLF, neutralised cells, and "excel" in the format row so that
 * reading it back undoes the neutralisation). */
void planfile_write(const struct plan_def *p, unsigned flags, struct strbuf *b);
#endif
