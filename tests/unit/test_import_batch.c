/* SPDX-License-Identifier: MIT */
/* Unit tests: the import batch keeps its plan cache across its own commits,
 * and drops it when another connection changed the database meanwhile (a
 * unit added elsewhere between two commits is known to the next file). */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "check_db.h"
#include "check_exchange.h"
#include "db.h"
#include "exchange.h"
#include "msg.h"
#include "planfile.h"
#include "store.h"

static char dir[200];

struct seen {
	int reports, refused;
};

static void on_done(void *arg, const char *path, const struct import_result *r)
{
	struct seen *s = arg;
	(void)path;
	if (r->outcome == IMPORT_REPORT)
		s->reports++;
	else
		s->refused++;
	for (size_t i = 0; i < r->problems.n; i++)
		printf("#   %s\n", r->problems.v[i]);
}

/* Report r written to dir/name; its path in path. */
static void write_report(struct report *r, const char *name, char *path, size_t size)
{
	struct strbuf b = {0};
	report_write(r, false, &b);
	snprintf(path, size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(b.s, 1, b.len, f);
		fclose(f);
	}
	sb_free(&b);
}

/* A one-row report of unit on task T1, written to dir/name (path). */
static void write_one(const char *unit, const char *name, char *path, size_t n)
{
	struct report r;
	report_one(&r, unit, unit, "T1");
	write_report(&r, name, path, n);
	report_free(&r);
}

static void test_other_writer(void)
{
	char dbpath[300], a[300], b[300];
	struct db db, other;
	struct err e;
	struct plan_def def;
	struct store_result sr;
	struct seen seen = {0};
	snprintf(dbpath, sizeof dbpath, "%s/x.db", dir);
	CHECK(db_open(&db, dbpath, DB_OPEN_CREATE, &e) == 0, "database");
	CHECK(planfile_load("tests/data/exchange/plan.csv", &def, &e) == 0, "test plan loads");
	CHECK(store_plan_save(&db, &def, "SKHCN", &sr, &e) == 0, "test plan saved");
	plan_def_free(&def);
	write_one("XA1", "a.csv", a, sizeof a);
	write_one("XA3", "b.csv", b, sizeof b);

	setenv("TIENDO_IMPORT_BATCH_SECONDS", "0.000001", 1); /* a commit after each file */
	struct import_batch batch;
	import_batch_init(&batch, &db, false, on_done, &seen);
	CHECK(import_batch_file(&batch, a) == 0 && seen.reports == 1,
	      "the first file is imported and committed at once");
	CHECK(batch.cache.tasks.n > 0, "the plan stays cached after the commit");
	/* Meanwhile, another process adds a commune. */
	CHECK(db_open(&other, dbpath, DB_OPEN_EXISTING, &e) == 0, "a second connection");
	CHECK(store_unit_add(&other, "XA3", "Xã Ba", UNIT_COMMUNE, "TINH", NULL, &e) == 0,
	      "it adds the commune XA3");
	db_close(&other);
	CHECK(import_batch_file(&batch, b) == 0 && import_batch_finish(&batch) == 0,
	      "the batch goes on");
	CHECK(seen.reports == 2 && seen.refused == 0,
	      "the new commune's report is imported: the cache was read again");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress"), 2, "both entries are in");
	unsetenv("TIENDO_IMPORT_BATCH_SECONDS");
	db_close(&db);
}

/* db_bulk_begin/db_bulk_end: the larger cache while it lasts, the import
 * written as without it, and the cache size as it was after. */
static void test_bulk(void)
{
	char dbpath[300], a[300];
	struct db db;
	struct err e;
	struct seen seen = {0};
	snprintf(dbpath, sizeof dbpath, "%s/x.db", dir);
	CHECK(db_open(&db, dbpath, DB_OPEN_EXISTING, &e) == 0, "bulk: the database");
	long long cache = q_int(&db, "PRAGMA cache_size");
	db_bulk_begin(&db);
	CHECK_INT(q_int(&db, "PRAGMA cache_size"), -65536, "bulk: a 64 MiB cache");
	write_one("XA2", "c.csv", a, sizeof a);
	struct import_batch batch;
	import_batch_init(&batch, &db, false, on_done, &seen);
	CHECK(import_batch_file(&batch, a) == 0 && import_batch_finish(&batch) == 0 &&
	      seen.reports == 1, "bulk: a report imported and committed");
	db_bulk_end(&db);
	CHECK_INT(q_int(&db, "PRAGMA cache_size"), cache, "bulk: the cache size is restored");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress"), 3, "bulk: its entry is in");
	db_close(&db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-10T02:00:00Z", 1);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	test_other_writer();
	test_bulk();
	check_rmdir(dir);
	printf("1..%d\n", check_count);
	return check_failed != 0;
}
