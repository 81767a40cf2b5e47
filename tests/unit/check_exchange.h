/* SPDX-License-Identifier: MIT */
/* What the C unit tests of the exchange share: a report made, a crafted
 * report imported, and its problems searched. */
#ifndef TIENDO_CHECK_EXCHANGE_H
#define TIENDO_CHECK_EXCHANGE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "db_internal.h"
#include "exchange.h"
#include "planfile.h"
#include "report.h"
#include "store.h"

/* dir/name created and given the test plan (tests/data/exchange/plan.csv),
 * owned by unit owner. */
static inline void open_test_plan_db(struct db *db, const char *dir, const char *name,
				     const char *owner)
{
	char path[300];
	struct err e;
	struct plan_def def;
	struct store_result sr;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	CHECK(db_open(db, path, DB_OPEN_CREATE, &e) == 0, "database");
	CHECK(planfile_load("tests/data/exchange/plan.csv", &def, &e) == 0, "test plan loads");
	CHECK(store_plan_save(db, &def, owner, &sr, &e) == 0, "test plan saved");
	plan_def_free(&def);
}

/* A report of plan TEST-EX, 2026S1, from sender with one entry for
 * unit/task: done, 100%, the result "- kết quả". */
static inline void report_one(struct report *r, const char *sender, const char *unit, const char *task)
{
	memset(r, 0, sizeof *r);
	r->sender = xstrdup(sender);
	r->plan = xstrdup("TEST-EX");
	r->plan_version = 1;
	r->period = xstrdup("2026S1");
	r->exported_at = xstrdup("2026-06-05T02:00:00Z");
	r->entries = xcalloc(1, sizeof *r->entries);
	r->n_entries = 1;
	r->entries[0].unit = xstrdup(unit);
	r->entries[0].task = xstrdup(task);
	r->entries[0].en = (struct entry){
		.status = STATUS_DONE, .percent = 100, .count = -1, .result = xstrdup("- kết quả"),
		.difficulties = xstrdup(""), .proposals = xstrdup(""), .evidence = xstrdup(""),
		.by = xstrdup("clerk"), .at = xstrdup("2026-06-05T02:00:00Z"), .revision = 1};
}

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
