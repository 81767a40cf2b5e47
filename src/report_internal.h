/* SPDX-License-Identifier: MIT */
/* Shared by report.c (writing, building) and report_read.c (reading). */
#ifndef TIENDO_REPORT_INTERNAL_H
#define TIENDO_REPORT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"

/* The canonical hash of one row's values (see the top of report.c). */
uint64_t report_hash_row(uint64_t h, const char *const *f, size_t n);

/* The texts of a parsed report's rows live in blocks of a pool, not one
 * allocation each: memory stays near the size of the text read, however
 * many rows. A copy of s in *pool (freed by report_free). */
char *report_pool_dup(struct report_pool **pool, const char *s);

#endif
