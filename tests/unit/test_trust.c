/* SPDX-License-Identifier: MIT */
/* Unit tests: the trust rules of the exchange (issue 13, section 2) on crafted
 * files. Reports travel up (never from the database's own unit or one above
 * it), rows only for tasks and indicators the unit is assigned, one row per
 * (unit, task) and (unit, indicator), values of retired indicators kept;
 * plans travel down (the consolidating database never takes a newer package,
 * others take only their own plans from their issuer, never switch the
 * current plan). Every refusal leaves the database unchanged. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "csvio.h"
#include "check_db.h"
#include "check_exchange.h"
#include "exchange.h"
#include "msg.h"
#include "planfile.h"
#include "report.h"
#include "signfile.h"
#include "store.h"

static char dir[160];

static void add_entry(struct report *r, const char *unit, const char *task, const char *result)
{
	r->entries = xrealloc(r->entries, (r->n_entries + 1) * sizeof *r->entries);
	struct report_entry *x = &r->entries[r->n_entries++];
	memset(x, 0, sizeof *x);
	x->unit = xstrdup(unit);
	x->task = xstrdup(task);
	x->en = (struct entry){.status = STATUS_DONE, .percent = 100, .count = -1,
			       .result = xstrdup(result), .difficulties = xstrdup(""),
			       .proposals = xstrdup(""), .evidence = xstrdup(""),
			       .by = xstrdup("clerk"), .at = xstrdup("2026-06-05T02:00:00Z"),
			       .revision = 1};
}

static void add_value(struct report *r, const char *unit, const char *ind, double v)
{
	r->values = xrealloc(r->values, (r->n_values + 1) * sizeof *r->values);
	struct report_value *x = &r->values[r->n_values++];
	memset(x, 0, sizeof *x);
	x->unit = xstrdup(unit);
	x->indicator = xstrdup(ind);
	x->v = (struct ivalue){.numerator = -1, .denominator = -1, .has_value = true, .value = v,
			       .note = xstrdup(""), .by = xstrdup("clerk"),
			       .at = xstrdup("2026-06-05T02:00:00Z"), .revision = 1};
}

static void start(struct report *r, const char *sender, int version)
{
	memset(r, 0, sizeof *r);
	r->sender = xstrdup(sender);
	r->plan = xstrdup("TEST-EX");
	r->plan_version = version;
	r->period = xstrdup("2026S1");
	r->exported_at = xstrdup("2026-06-05T02:00:00Z");
}

static void open_db(struct db *db, const char *name, const char *owner)
{
	open_test_plan_db(db, dir, name, owner);
}

static long long changes(struct db *db)
{
	return q_int(db, "SELECT (SELECT count(*) FROM progress) + (SELECT count(*) FROM indicator_value)"
			 " + (SELECT count(*) FROM received) + (SELECT count(*) FROM conflict)");
}

static void test_reports(void)
{
	struct db db;
	struct report r;
	struct import_result res;
	open_db(&db, "dept.db", "SKHCN");
	long long before = changes(&db);

	start(&r, "SKHCN", 1);
	add_entry(&r, "SKHCN", "T2", "giả mạo");
	CHECK(crafted_import(&db, &r, false, &res) == -1 &&
		      problem_has(&res, "comes from SKHCN, this database's own unit: reports travel up"),
	      "a report from the database's own unit is refused, naming the rule");
	import_result_free(&res);
	report_free(&r);

	start(&r, "TINH", 1);
	add_entry(&r, "SKHCN", "T2", "giả mạo");
	CHECK(crafted_import(&db, &r, false, &res) == -1 &&
		      problem_has(&res, "comes from TINH, a unit above this database's unit SKHCN"),
	      "a report from a unit above is refused, naming the rule");
	import_result_free(&res);
	report_free(&r);

	start(&r, "XA1", 1);
	add_entry(&r, "XA1", "T3", "không được giao");
	CHECK(crafted_import(&db, &r, false, &res) == -1 &&
		      problem_has(&res, "crafted.csv:5: task T3 is not assigned to unit XA1 (lead: PHONG"),
	      "an entry for a task the unit is not assigned is refused as set refuses it");
	import_result_free(&res);
	report_free(&r);

	start(&r, "P1", 1);
	add_value(&r, "P1", "I1", 3);
	CHECK(crafted_import(&db, &r, false, &res) == -1 &&
		      problem_has(&res, "unit P1 does not report indicator I1 (reporters: XA)"),
	      "a value of an indicator the unit does not report is refused");
	import_result_free(&res);
	report_free(&r);

	start(&r, "XA1", 1);
	for (int i = 0; i < 3; i++)
		add_entry(&r, "XA1", "T1", i ? "khác" : "một");
	add_value(&r, "XA1", "I2", 1);
	add_value(&r, "XA1", "I2", 2);
	CHECK(crafted_import(&db, &r, false, &res) == -1 &&
		      problem_has(&res, "crafted.csv:6: XA1 T1 again (first on line 5): the file contradicts itself") &&
		      problem_has(&res, "XA1 I2 again"),
	      "a file repeating a (unit, task, period) is refused whole");
	import_result_free(&res);
	report_free(&r);
	CHECK(changes(&db) == before && q_int(&db, "SELECT count(*) FROM conflict") == 0,
	      "no refused report changed the database (and no conflict was kept)");

	const char *hidden[] = {"tệp\xE2\x80\xAE" "exe.txt", "x\xC2\x9B" "2Jy", "\xE2\x81\xA6isolate"};
	for (size_t i = 0; i < ARRAY_LEN(hidden); i++) {
		start(&r, "XA1", 1);
		add_entry(&r, "XA1", "T1", hidden[i]);
		CHECK(crafted_import(&db, &r, false, &res) == -1 && problem_has(&res, "bidirectional override"),
		      "a text with a C1 control or a bidirectional override is refused");
		import_result_free(&res);
		report_free(&r);
	}
	CHECK(changes(&db) == before, "  and changes nothing");

	char *big = xmalloc(PROGRESS_TEXT_MAX + 2);
	memset(big, 'a', PROGRESS_TEXT_MAX + 1);
	big[PROGRESS_TEXT_MAX + 1] = '\0';
	start(&r, "XA1", 1);
	add_entry(&r, "XA1", "T1", big);
	CHECK(crafted_import(&db, &r, false, &res) == -1 && problem_has(&res, "the result is too long: 32769 bytes, at most 32768"),
	      "import refuses a text over set's limit (32 KiB)");
	import_result_free(&res);
	report_free(&r);
	big[PROGRESS_TEXT_MAX] = '\0';
	start(&r, "XA1", 1);
	add_entry(&r, "XA1", "T1", big);
	CHECK(crafted_import(&db, &r, false, &res) == 0, "and takes one at the limit");
	import_result_free(&res);
	report_free(&r);
	free(big);

	start(&r, "XA1", 1);
	add_entry(&r, "XA1", "T1", "một");
	add_value(&r, "XA1", "I2", 4);
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.rows == 2, "a commune's own report still comes in");
	import_result_free(&res);
	report_free(&r);
	db_close(&db);
}

/* Version 2 of the test plan without indicator I2 (retired). */
static void plan_v2(struct plan_def *def, const char *drop)
{
	struct err e;
	CHECK(planfile_load("tests/data/exchange/plan.csv", def, &e) == 0, "test plan loads");
	def->version = 2;
	for (size_t i = 0; i < def->n_indicators; i++)
		if (strcmp(def->indicators[i].code, drop) == 0) {
			struct indicator_def gone = def->indicators[i];
			def->indicators[i] = def->indicators[--def->n_indicators];
			def->indicators[def->n_indicators] = gone; /* still freed by plan_def_free */
			break;
		}
}

static void test_retired_indicator(void)
{
	struct db db;
	struct report r;
	struct import_result res;
	struct plan_def def;
	struct store_result sr;
	struct err e;
	open_db(&db, "retired.db", "SKHCN");
	plan_v2(&def, "I2");
	size_t keep = def.n_indicators;
	CHECK(store_plan_save(&db, &def, NULL, &sr, &e) == 0 && sr.indicators_retired == 1,
	      "version 2 retires indicator I2");
	def.n_indicators = keep + 1;
	plan_def_free(&def);
	start(&r, "XA1", 1);
	add_entry(&r, "XA1", "T1", "một");
	add_value(&r, "XA1", "I2", 7);
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.added == 2,
	      "a report with a value for an indicator retired in a later plan version is accepted");
	import_result_free(&res);
	report_free(&r);
	struct indicator_list live, all;
	CHECK(store_indicators(&db, 1, &live, &e) == 0 && live.n == 1, "the retired indicator is not expected");
	CHECK(store_indicators_all(&db, 1, true, &all, &e) == 0 && all.n == 2 && all.v[1].retired,
	      "but kept and marked retired");
	indicator_list_free(&live);
	indicator_list_free(&all);
	db_close(&db);
}

static int import_plan(struct db *db, const struct plan_def *def, unsigned flags,
		       struct import_result *res)
{
	struct strbuf b = {0};
	planfile_write(def, 0, &b);
	int rc = exchange_import(db, "kehoach.csv", b.s, b.len, flags, res);
	sb_free(&b);
	return rc;
}

static void test_packages(void)
{
	struct db dept, xa;
	struct plan_def def;
	struct import_result res;
	struct err e;
	open_db(&dept, "dept2.db", "SKHCN");
	open_db(&xa, "xa1.db", "XA1");

	plan_v2(&def, "I2");
	size_t keep = def.n_indicators;
	free(def.tasks[0].title);
	def.tasks[0].title = xstrdup("Giả mạo");
	char *before = db_meta_get(&dept, "plan");
	CHECK(import_plan(&dept, &def, 0, &res) == -1 &&
		      problem_has(&res, "this database consolidates plan TEST-EX (unit SKHCN)"),
	      "the consolidating database never takes a newer package of its plan from outside");
	CHECK(q_int(&dept, "SELECT version FROM plan") == 1, "  and its plan is unchanged");
	import_result_free(&res);

	free(def.consolidator);
	def.consolidator = xstrdup("TINH");
	CHECK(import_plan(&xa, &def, 0, &res) == -1 &&
		      problem_has(&res, "is issued by TINH, but this database has it from SKHCN"),
	      "a commune takes packages of its plan only from the unit that issued it");
	CHECK(q_int(&xa, "SELECT version FROM plan") == 1, "  and its plan is unchanged");
	import_result_free(&res);
	free(def.consolidator);
	def.consolidator = xstrdup("SKHCN");
	CHECK(import_plan(&xa, &def, 0, &res) == 0 && res.outcome == IMPORT_PLAN_UPDATED,
	      "the issuer's newer package comes in");
	import_result_free(&res);

	free(def.code);
	def.code = xstrdup("OTHER-PLAN");
	CHECK(import_plan(&xa, &def, 0, &res) == -1 &&
		      problem_has(&res, "plan OTHER-PLAN is not a plan of this database (its plan: TEST-EX)") &&
		      q_int(&xa, "SELECT count(*) FROM plan") == 1,
	      "a package of another plan code is refused");
	import_result_free(&res);
	CHECK(import_plan(&xa, &def, IMPORT_ADD_PLAN, &res) == 0 &&
		      q_int(&xa, "SELECT count(*) FROM plan") == 2,
	      "unless added explicitly (--add-plan)");
	import_result_free(&res);
	char *now = db_meta_get(&xa, "plan");
	struct plan_rec cur;
	CHECK(store_current_plan(&xa, &cur, &e) == 0 && strcmp(cur.code, "TEST-EX") == 0,
	      "adding a plan never switches the current plan");
	plan_rec_free(&cur);
	free(now);
	free(before);
	def.n_indicators = keep + 1;
	plan_def_free(&def);
	db_close(&dept);
	db_close(&xa);
}

/* The line of b that starts with prefix (a new string), removed from b. */
static char *take_line(struct strbuf *b, const char *prefix)
{
	char *p = strstr(b->s, prefix);
	if (!p)
		return NULL;
	char *nl = strchr(p, '\n');
	size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
	char *line = xstrndup(p, n);
	memmove(p, p + n, strlen(p + n) + 1);
	b->len -= n;
	return line;
}

static void test_signatures(void)
{
	struct db db;
	struct report r;
	struct import_result res;
	struct signfile sf;
	struct err e;
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	sign_keypair(pk, sk);
	open_db(&db, "sig.db", "SKHCN");
	for (int excel = 0; excel < 2; excel++) {
		start(&r, "XA1", 1);
		add_entry(&r, "XA1", "T1", "=1+1 \"trích\"\ndòng hai");
		struct strbuf b = {0};
		report_write(&r, excel, &b);
		signfile_sign(&b, sk);
		CHECK(signfile_read(b.s, b.len, "s.csv", &sf, &e) == 0 && sf.is_signed && sf.valid &&
			      memcmp(sf.pk, pk, sizeof pk) == 0,
		      excel ? "an Excel-flavour report verifies" : "a signed report verifies");
		signfile_free(&sf);
		/* The import reads the signature in the same pass as the rows
		 * (issue 15): the protected cell must verify there too. */
		CHECK(exchange_import(&db, "s.csv", b.s, b.len, 0, &res) == 0 &&
			      res.outcome != IMPORT_REFUSED && !res.problems.n,
		      excel ? "the Excel-flavour signed report imports" : "the signed report imports");
		import_result_free(&res);
		/* Re-saved by a spreadsheet: semicolons, every cell quoted, padded rows. */
		struct strbuf re = {0};
		struct csv_table t;
		CHECK(csvio_parse(b.s, b.len, "s.csv", 0, NULL, &t, &e) == 0, "parses");
		for (size_t i = 0; i < t.n; i++) {
			for (size_t j = 0; j < t.rows[i].n; j++) {
				sb_add(&re, j ? ";\"" : "\"");
				for (const char *q = t.rows[i].f[j]; *q; q++) {
					if (*q == '"')
						sb_addc(&re, '"');
					sb_addc(&re, *q);
				}
				sb_add(&re, "\"");
			}
			sb_add(&re, ";;\r\n");
		}
		csvio_table_free(&t);
		CHECK(signfile_read(re.s, re.len, "r.csv", &sf, &e) == 0 && sf.valid,
		      "and still verifies after a spreadsheet's re-save");
		signfile_free(&sf);
		CHECK(exchange_import(&db, "r.csv", re.s, re.len, IMPORT_DRY_RUN, &res) == 0 &&
			      !res.problems.n, "  and imports");
		import_result_free(&res);
		sb_free(&re);
		/* A changed value with a recomputed checksum: only the signature sees it. */
		char *sig = take_line(&b, "signature,");
		report_free(&r);
		start(&r, "XA1", 1);
		add_entry(&r, "XA1", "T1", "giả mạo");
		struct strbuf forged = {0};
		report_write(&r, excel, &forged);
		char *end = strstr(forged.s, "\nend,");
		struct strbuf out = {0};
		sb_addn(&out, forged.s, (size_t)(end - forged.s) + 1);
		sb_add(&out, sig);
		sb_add(&out, end + 1);
		long long before = changes(&db);
		CHECK(exchange_import(&db, "forged.csv", out.s, out.len, 0, &res) == -1 &&
			      problem_has(&res, "the signature does not match the content"),
		      "a changed value with a recomputed checksum is refused by the signature");
		CHECK(changes(&db) == before, "  and changes nothing");
		import_result_free(&res);
		free(sig);
		sb_free(&out);
		sb_free(&forged);
		sb_free(&b);
		report_free(&r);
	}
	db_close(&db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-10T02:00:00Z", 1);
	snprintf(dir, sizeof dir - 8, "%s/tiendo-unit.", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	size_t len = strlen(dir);
	memset(dir + len, 'X', 6);
	dir[len + 6] = '\0';
	if (!mkdtemp(dir))
		return 1;
	test_reports();
	test_retired_indicator();
	test_packages();
	test_signatures();
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		printf("#   could not remove %s\n", dir);
	return check_done();
}
