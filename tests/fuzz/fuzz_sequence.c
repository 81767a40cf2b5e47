/* SPDX-License-Identifier: MIT */
/* libFuzzer target: sequences of exchange steps on real databases (issue 13,
 * "Proof"). The input is read as a program of small steps:
 *   - a commune or division report built from the bytes (entries and
 *     values, revisions, texts, flavour, a signature by the unit's key, by
 *     another key or none, one byte perhaps changed afterwards), imported
 *     for real into the department's database;
 *   - raw bytes imported as a file;
 *   - a conflict resolved (take or keep);
 *   - a new plan version at the department (an indicator or a task retired
 *     or back), its package imported by the province.
 * After every step: a refused file changed nothing in the department's
 * database (keys kept aside excepted), no transaction is left open, and
 * the department's own report is accepted by the province, and importing
 * it again (exported later) changes nothing there. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db_internal.h"
#include "exchange.h"
#include "exchange_keys.h"
#include "msg.h"
#include "planfile.h"
#include "report.h"
#include "sign.h"
#include "signfile.h"
#include "store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];
static uint8_t keys[3][SIGN_SECRET_BYTES]; /* XA1's, P1's, a stranger's */

/* The bytes, read one at a time (zeros once they run out). */
struct in {
	const uint8_t *p;
	size_t n;
};

static unsigned byte(struct in *in)
{
	if (!in->n)
		return 0;
	in->n--;
	return *in->p++;
}

static void fail(const char *why)
{
	fprintf(stderr, "fuzz_sequence: %s\n", why);
	abort();
}

/* Everything an import may change, as one hash (unit_key left out: a file
 * signed by a changed key is refused but its key is kept aside). */
static uint64_t content(struct db *db)
{
	static const char *const tables[] = {"progress", "progress_history", "indicator_value",
					     "conflict", "received", "receipt", "plan", "task",
					     "indicator", "unit", "meta"};
	uint64_t h = HASH_FNV_INIT;
	for (size_t t = 0; t < ARRAY_LEN(tables); t++) {
		char sql[80];
		snprintf(sql, sizeof sql, "SELECT * FROM %s ORDER BY rowid", tables[t]);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db->h, sql, -1, &st, NULL) != SQLITE_OK)
			continue;
		while (sqlite3_step(st) == SQLITE_ROW)
			for (int c = 0; c < sqlite3_column_count(st); c++) {
				const unsigned char *v = sqlite3_column_text(st, c);
				h = hash_fnv1a(h, v ? (const char *)v : "\1", v ? strlen((const char *)v) + 1 : 1);
			}
		sqlite3_finalize(st);
	}
	return h;
}

/* The databases every run starts from, made once; each run works on copies
 * (in /dev/shm when there is one, with syncs off: fuzzing, not durability). */
static char tmpl[2][128];

static void copy_file(const char *from, const char *to)
{
	size_t n;
	char *buf = read_file(from, &n);
	FILE *f = buf ? fopen(to, "wb") : NULL;
	if (!f || fwrite(buf, 1, n, f) != n || fclose(f))
		fail("cannot copy a template database");
	free(buf);
}

static void make_template(int k, const char *owner)
{
	struct db db;
	struct err e;
	struct plan_def def;
	struct store_result r;
	snprintf(tmpl[k], sizeof tmpl[k], "%s/template-%d.db", dir, k);
	if (db_open(&db, tmpl[k], DB_OPEN_CREATE, &e) ||
	    planfile_load("tests/data/exchange/plan.csv", &def, &e) ||
	    store_plan_save(&db, &def, owner, &r, &e) ||
	    sqlite3_exec(db.h, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL) != SQLITE_OK)
		fail("cannot make a template database");
	plan_def_free(&def);
	db_close(&db);
}

static void open_db(struct db *db, int k)
{
	char path[128];
	struct err e;
	snprintf(path, sizeof path, "%s/run-%d.db", dir, k);
	copy_file(tmpl[k], path);
	if (db_open(db, path, DB_OPEN_EXISTING, &e))
		fail(e.msg);
	sqlite3_exec(db->h, "PRAGMA synchronous=OFF", NULL, NULL, NULL);
}

static const char *const texts[] = {"", "- một", "=1+1", "0912345678", "50%", "1/10",
				    "dòng một\ndòng hai", "'trích", "\"x\", y", "12-5"};
static const char *const senders[] = {"XA1", "XA2", "P1", "SKHCN", "TINH", "XA"};
static const char *const tasks[] = {"T1", "T2", "T3", "T9"};
static const char *const inds[] = {"I1", "I2", "I9"};

static const char *pick(struct in *in, const char *const *v, size_t n)
{
	return v[byte(in) % n];
}

/* A report built from the bytes, written, signed (or not) and perhaps damaged. */
static void build_file(struct in *in, int plan_version, struct strbuf *b)
{
	struct report r;
	memset(&r, 0, sizeof r);
	r.sender = xstrdup(pick(in, senders, ARRAY_LEN(senders)));
	r.plan = xstrdup("TEST-EX");
	r.plan_version = 1 + (int)(byte(in) % (unsigned)plan_version);
	r.period = xstrdup("2026S1");
	char stamp[32];
	snprintf(stamp, sizeof stamp, "2026-06-%02uT02:00:00Z", 1 + byte(in) % 28);
	r.exported_at = xstrdup(stamp);
	size_t ne = byte(in) % 4, nv = byte(in) % 3;
	r.entries = xcalloc(ne + 1, sizeof *r.entries);
	r.values = xcalloc(nv + 1, sizeof *r.values);
	for (size_t i = 0; i < ne; i++) {
		struct report_entry *x = &r.entries[r.n_entries++];
		unsigned u = byte(in);
		x->unit = xstrdup(u % 5 ? r.sender : pick(in, senders, ARRAY_LEN(senders)));
		x->task = xstrdup(pick(in, tasks, ARRAY_LEN(tasks)));
		x->en = (struct entry){.status = (enum status)(byte(in) % 4),
				       .percent = (int)(byte(in) % 102) - 1,
				       .count = (long long)(byte(in) % 5) - 1,
				       .result = xstrdup(pick(in, texts, ARRAY_LEN(texts))),
				       .difficulties = xstrdup(pick(in, texts, ARRAY_LEN(texts))),
				       .proposals = xstrdup(""), .evidence = xstrdup(""),
				       .by = xstrdup("clerk"), .at = xstrdup(stamp),
				       .revision = 1 + byte(in) % 3};
	}
	for (size_t i = 0; i < nv; i++) {
		struct report_value *x = &r.values[r.n_values++];
		x->unit = xstrdup(r.sender);
		x->indicator = xstrdup(pick(in, inds, ARRAY_LEN(inds)));
		x->v = (struct ivalue){.numerator = byte(in) % 50, .denominator = 50,
				       .note = xstrdup(pick(in, texts, ARRAY_LEN(texts))),
				       .by = xstrdup("clerk"), .at = xstrdup(stamp),
				       .revision = 1 + byte(in) % 3};
	}
	unsigned how = byte(in);
	report_write(&r, how & 1, b);
	unsigned k = (how >> 1) % 4; /* 0: unsigned, 1: the unit's key, 2: P1's, 3: a stranger's */
	if (k)
		signfile_sign(b, keys[k == 1 ? (strcmp(r.sender, "P1") == 0 ? 1 : 0) : k - 1]);
	if ((how >> 3) % 4 == 0 && b->len) { /* a byte changed on the way */
		size_t at = (byte(in) << 8 | byte(in)) % b->len;
		b->s[at] = (char)byte(in);
	}
	report_free(&r);
}

/* The department's report goes up: the province takes it, and the same
 * content exported again later changes nothing there. */
static void check_up(struct db *dept, struct db *prov, int step)
{
	struct plan_rec plan;
	struct unit_set units;
	const struct unit_rec *owner;
	struct report rep;
	struct import_result res;
	struct err e;
	if (store_current_plan(dept, &plan, &e) || store_units(dept, &units, &e) ||
	    store_owner(dept, &units, &owner, &e) ||
	    report_build(dept, &plan, &units, owner, "2026S1", &rep, &e))
		fail(e.msg);
	for (int pass = 0; pass < 2; pass++) {
		char stamp[32];
		snprintf(stamp, sizeof stamp, "2026-06-28T%02d:%02d:00Z", step % 24, pass);
		free(rep.exported_at);
		rep.exported_at = xstrdup(stamp);
		struct strbuf b = {0};
		report_write(&rep, false, &b);
		if (exchange_sign(dept, &b, &e))
			fail(e.msg);
		int rc = exchange_import(prov, "up.csv", b.s, b.len, 0, &res);
		if (rc != 0) {
			for (size_t i = 0; i < res.problems.n; i++)
				fprintf(stderr, "  %s\n", res.problems.v[i]);
			fail("the province refused the department's own report");
		}
		if (pass == 1 && (res.added || res.replaced || res.conflicts))
			fail("the department's report, exported again, changed the province's database");
		import_result_free(&res);
		sb_free(&b);
	}
	report_free(&rep);
	unit_set_free(&units);
	plan_rec_free(&plan);
}

/* A new plan version at the department: indicator I2 and task T3 retired
 * or back; the province imports the package. */
static void new_version(struct db *dept, struct db *prov, unsigned what, int *version)
{
	struct plan_def def;
	struct store_result r;
	struct err e;
	struct import_result res;
	if (planfile_load("tests/data/exchange/plan.csv", &def, &e))
		fail(e.msg);
	def.version = ++*version;
	size_t keep_i = def.n_indicators, keep_t = def.n_tasks;
	if (what & 1)
		def.n_indicators--; /* I2 is last */
	if (what & 2)
		def.n_tasks--; /* T3 is last */
	if (store_plan_save(dept, &def, NULL, &r, &e))
		fail(e.msg);
	def.n_indicators = keep_i;
	def.n_tasks = keep_t;
	plan_def_free(&def);
	struct plan_rec plan;
	if (store_current_plan(dept, &plan, &e) || store_plan_def(dept, &plan, &def, &e))
		fail(e.msg);
	struct strbuf b = {0};
	planfile_write(&def, 0, &b);
	if (exchange_package_keys(dept, 0, &b, &e) || exchange_sign(dept, &b, &e))
		fail(e.msg);
	if (exchange_import(prov, "kehoach.csv", b.s, b.len, 0, &res) != 0)
		fail("the province refused the department's plan package");
	import_result_free(&res);
	sb_free(&b);
	plan_def_free(&def);
	plan_rec_free(&plan);
}

/* The templates and the folder go when the fuzzer exits. */
static void cleanup(void)
{
	for (int k = 0; k < 2; k++)
		if (tmpl[k][0])
			unlink(tmpl[k]);
	rmdir(dir);
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "%s/tiendo-fuzz-seq.XXXXXX",
		 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(dir))
		abort();
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-29T02:00:00Z", 1);
	uint8_t pk[SIGN_PUBLIC_BYTES];
	for (int i = 0; i < 3; i++)
		sign_keypair(pk, keys[i]);
	make_template(0, "SKHCN");
	make_template(1, "TINH");
	atexit(cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0])
		setup();
	struct db dept, prov;
	int version = 1;
	open_db(&dept, 0);
	open_db(&prov, 1);
	struct in in = {data, size};
	for (int step = 0; step < 12 && in.n; step++) {
		unsigned op = byte(&in) % 8;
		struct import_result res;
		struct err e;
		uint64_t before = content(&dept);
		int rc = 0;
		bool imported = false;
		if (op < 5) {
			struct strbuf b = {0};
			build_file(&in, version, &b);
			rc = exchange_import(&dept, "r.csv", b.s, b.len, 0, &res);
			sb_free(&b);
			imported = true;
		} else if (op == 5) {
			size_t n = byte(&in) * 4u;
			if (n > in.n)
				n = in.n;
			rc = exchange_import(&dept, "raw.csv", (const char *)in.p, n, 0, &res);
			in.p += n;
			in.n -= n;
			imported = true;
		} else if (op == 6) {
			struct plan_rec plan;
			struct conflict_list cl;
			if (store_current_plan(&dept, &plan, &e) ||
			    exchange_conflicts(&dept, &plan, NULL, false, &cl, &e))
				fail(e.msg);
			if (cl.n)
				exchange_resolve(&dept, cl.v[byte(&in) % cl.n].id, byte(&in) & 1, "fuzz", &e);
			conflict_list_free(&cl);
			plan_rec_free(&plan);
		} else {
			new_version(&dept, &prov, byte(&in), &version);
		}
		if (imported) {
			if (rc != 0 && content(&dept) != before)
				fail("a refused file changed the database");
			if (rc != 0 && res.problems.n == 0)
				fail("a refusal without a reason");
			import_result_free(&res);
		}
		if (dept.depth != 0 || prov.depth != 0)
			fail("a transaction was left open");
		check_up(&dept, &prov, step);
	}
	db_close(&dept);
	db_close(&prov);
	for (int k = 0; k < 2; k++) {
		static const char *const suf[] = {"", "-wal", "-shm"};
		for (int i = 0; i < 3; i++) {
			char path[160];
			snprintf(path, sizeof path, "%s/run-%d.db%s", dir, k, suf[i]);
			unlink(path);
		}
	}
	return 0;
}
