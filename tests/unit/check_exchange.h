/* SPDX-License-Identifier: MIT */
/* What the C unit tests of the exchange share: a crafted report imported, and
 * its problems searched. */
#ifndef TIENDO_CHECK_EXCHANGE_H
#define TIENDO_CHECK_EXCHANGE_H

#include <stdio.h>
#include <string.h>

#include "exchange.h"
#include "report.h"

/* Write r (with excel, as Excel's flavour) and import it as "crafted.csv";
 * the import's return code. */
static inline int crafted_import(struct db *db, struct report *r, bool excel,
				 struct import_result *res)
{
	struct strbuf b = {0};
	report_write(r, excel, &b);
	int rc = exchange_import(db, "crafted.csv", b.s, b.len, 0, res);
	sb_free(&b);
	return rc;
}

/* Does a problem of r say needle? When none does, they are printed as TAP
 * comments, so that a failing check shows what was said instead. */
static inline bool problem_has(const struct import_result *r, const char *needle)
{
	for (size_t i = 0; i < r->problems.n; i++)
		if (strstr(r->problems.v[i], needle))
			return true;
	for (size_t i = 0; i < r->problems.n; i++)
		printf("#   %s\n", r->problems.v[i]);
	return false;
}

#endif
