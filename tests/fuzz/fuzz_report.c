/* SPDX-License-Identifier: MIT */
/* libFuzzer target: importing any bytes as an exchange file (report or plan package) must
 * refuse or accept without a crash, a leak or undefined behaviour; a refusal names the file
 * and leaves the database as it was. Runs as a dry run on a database holding the exchange
 * test plan, so every input meets the same database. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "exchange.h"
#include "msg.h"
#include "planfile.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct db db;
static bool ready;

static void setup(void)
{
	char path[] = "/tmp/tiendo-fuzz-report.XXXXXX";
	struct err e;
	struct plan_def def;
	struct store_result r;
	int fd = mkstemp(path);
	if (fd < 0)
		abort();
	close(fd);
	unlink(path);
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-10T02:00:00Z", 1);
	if (db_open(&db, path, DB_OPEN_CREATE, &e) ||
	    planfile_load("tests/data/exchange/plan.csv", &def, &e))
		abort();
	def.version = 9; /* newer than any seed report's */
	if (store_plan_save(&db, &def, "SKHCN", &r, &e) ||
	    store_unit_add(&db, "XA3", "Xã Ba", UNIT_COMMUNE, "TINH", NULL, &e))
		abort();
	plan_def_free(&def);
	ready = true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready)
		setup();
	struct import_result r;
	int rc = exchange_import(&db, "fuzz", (const char *)data, size, true, &r);
	if (rc != 0) {
		if (r.outcome != IMPORT_REFUSED || r.problems.n == 0)
			abort(); /* a refusal always says why */
		for (size_t i = 0; i < r.problems.n; i++)
			if (strncmp(r.problems.v[i], "fuzz", 4) != 0 && r.problems.v[i][0] != '(')
				abort(); /* and names the file */
	}
	if (db.depth != 0)
		abort(); /* no transaction left open */
	import_result_free(&r);
	return 0;
}
