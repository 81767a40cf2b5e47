/* SPDX-License-Identifier: MIT */
/* Unit tests: report files written and read back (checksum, flavours, padding), and the
 * import rules on crafted reports a real tiendo would never write: rows of other units,
 * unknown tasks and units, newer plan versions, bad fields. Each refusal must leave the
 * database unchanged. */
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
#include "report_internal.h"
#include "store.h"

static char dir[200];


/* Copy the report text in (no quoted fields) to out with its end row's
 * checksum made again over its rows as they are: a file a tiendo with
 * other rows could have written. */
static void reseal(const char *in, struct strbuf *out)
{
	uint64_t h = HASH_FNV_INIT;
	char *copy = xstrdup(in);
	for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
		if (strncmp(line, "end,", 4) == 0) {
			long rows = strtol(line + 4, NULL, 10);
			sb_addf(out, "end,%ld,%016llx\n", rows, (unsigned long long)h);
			continue;
		}
		sb_add(out, line);
		sb_add(out, "\n");
		if (strncmp(line, "format,", 7) == 0 || line[0] == '#')
			continue;
		const char *f[64];
		size_t n = 0;
		for (char *p = line; n < 64;) {
			f[n++] = p;
			char *comma = strchr(p, ',');
			if (!comma)
				break;
			*comma = '\0';
			p = comma + 1;
		}
		h = report_hash_row(h, f, n);
	}
	free(copy);
}

static void test_roundtrip(void)
{
	struct report r, back;
	struct strvec problems = {0};
	report_one(&r, "XA1", "XA1", "T1");
	free(r.entries[0].en.result);
	r.entries[0].en.result = xstrdup("=1+1, \"trích\"\ndòng hai");
	for (int excel = 0; excel < 2; excel++) {
		struct strbuf b = {0};
		report_write(&r, excel, &b);
		CHECK(report_parse(b.s, b.len, "x.csv", &back, &problems) == 0,
		      excel ? "excel flavour reads back" : "machine flavour reads back");
		CHECK(back.checksum == r.checksum, "the checksum does not depend on the flavour");
		CHECK_STR(back.n_entries ? back.entries[0].en.result : NULL, "=1+1, \"trích\"\ndòng hai",
			  "the text reads back exactly");
		CHECK(back.excel == (excel != 0), "the flavour is recorded");
		report_free(&back);
		sb_free(&b);
	}
	/* Spreadsheet padding: every row gets trailing empty cells; still the same report. */
	struct strbuf b = {0}, padded = {0};
	free(r.entries[0].en.result);
	r.entries[0].en.result = xstrdup("một dòng, có dấu phẩy");
	report_write(&r, false, &b);
	for (char *line = strtok(b.s, "\n"); line; line = strtok(NULL, "\n")) {
		sb_add(&padded, line);
		sb_add(&padded, ",,,,\r\n");
	}
	CHECK(report_parse(padded.s, padded.len, "p.csv", &back, &problems) == 0 &&
		      back.checksum == r.checksum,
	      "trailing empty cells and CRLF do not change the report");
	report_free(&back);
	sb_free(&padded);
	sb_free(&b);
	/* A row with fields too many is named with its article: "an entry row"
	 * (it read "a entry row"). */
	free(r.entries[0].en.result);
	r.entries[0].en.result = xstrdup("no comma");
	report_write(&r, false, &b);
	char *at = strstr(b.s, "\nentry,");
	at = at ? strchr(at + 1, '\n') : NULL;
	if (at) {
		struct strbuf wide = {0};
		sb_addn(&wide, b.s, (size_t)(at - b.s));
		sb_add(&wide, ",,,,,,,,,,,,,,,,,,,,,,,,,extra");
		sb_add(&wide, at);
		reseal(wide.s, &padded);
		sb_free(&wide);
	}
	bool named = false;
	CHECK(at && report_parse(padded.s, padded.len, "w.csv", &back, &problems) != 0, "a wide entry row is refused");
	for (size_t i = 0; i < problems.n; i++)
		named |= strstr(problems.v[i], "an entry row has ") != NULL;
	CHECK(named, "... as an entry row");
	sv_free(&problems);
	report_free(&back);
	sb_free(&padded);
	sb_free(&b);
	/* A sniff that knows reports from plans. */
	const char *quoted = "\xEF\xBB\xBF\"format\",\"tiendo-report\",1\n";
	CHECK(report_sniff(quoted, strlen(quoted)), "a quoted, BOM'd report is sniffed");
	CHECK(!report_sniff("format,tiendo-plan,1\n", 21), "a plan is not a report");
	report_free(&r);
	sv_free(&problems);
}

static void test_rules(void)
{
	char dbpath[300];
	struct db db;
	struct err e;
	struct plan_def def;
	struct store_result sr;
	struct import_result res;
	struct report r;
	snprintf(dbpath, sizeof dbpath, "%s/x.db", dir);
	CHECK(db_open(&db, dbpath, DB_OPEN_CREATE, &e) == 0, "database");
	CHECK(planfile_load("tests/data/exchange/plan.csv", &def, &e) == 0, "test plan loads");
	/* The province's database: the department's consolidated report comes up to it. */
	CHECK(store_plan_save(&db, &def, "TINH", &sr, &e) == 0, "test plan saved");
	plan_def_free(&def);

	report_one(&r, "XA1", "XA2", "T1");
	CHECK(crafted_import(&db, &r, false, &res) == -1 && res.outcome == IMPORT_REFUSED,
	      "a commune's file with another commune's row is refused");
	CHECK(problem_has(&res, "crafted.csv:5: row of unit XA2, but the file comes from XA1"),
	      "the row is listed with its line");
	import_result_free(&res);
	report_free(&r);

	report_one(&r, "SKHCN", "P1", "T3");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.added == 1,
	      "a department's file may carry its divisions' rows");
	import_result_free(&res);
	report_free(&r);

	report_one(&r, "SKHCN", "XA1", "T2");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.added == 1,
	      "and its communes' rows: they report to it by the regime");
	import_result_free(&res);
	report_free(&r);

	report_one(&r, "P1", "XA1", "T2");
	CHECK(crafted_import(&db, &r, false, &res) == -1, "a division may not carry a commune's rows");
	import_result_free(&res);
	report_free(&r);

	long long rows = q_int(&db, "SELECT count(*) FROM progress");
	long long files = q_int(&db, "SELECT count(*) FROM received");
	struct {
		const char *sender, *unit, *task, *want;
		int version;
	} bad[] = {
		{"XA1", "XA1", "T9", "unknown task 'T9' in plan TEST-EX", 1},
		{"XA1", "XA9", "T1", "unknown unit 'XA9'", 1},
		{"XA", "XA1", "T1", "unknown sender 'XA'", 1},
		{"NOBODY", "XA1", "T1", "unknown sender 'NOBODY'", 1},
		{"TINH", "XA", "T1", "'XA' is a group", 1},
		{"XA1", "XA1", "T1", "version 2 of plan TEST-EX, but this database has version 1", 2},
	};
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		report_one(&r, bad[i].sender, bad[i].unit, bad[i].task);
		r.plan_version = bad[i].version;
		CHECK(crafted_import(&db, &r, false, &res) == -1, bad[i].want);
		CHECK(problem_has(&res, bad[i].want), "  and says so");
		if (!problem_has(&res, bad[i].want))
			for (size_t k = 0; k < res.problems.n; k++)
				printf("#   %s\n", res.problems.v[k]);
		import_result_free(&res);
		report_free(&r);
	}
	report_one(&r, "XA1", "XA1", "T1");
	free(r.plan);
	r.plan = xstrdup("OTHER");
	CHECK(crafted_import(&db, &r, false, &res) == -1 && problem_has(&res, "plan OTHER is not in this database"),
	      "an unknown plan is refused");
	import_result_free(&res);
	report_free(&r);
	CHECK(q_int(&db, "SELECT count(*) FROM progress") == rows &&
		      q_int(&db, "SELECT count(*) FROM received") == files,
	      "no refused file left anything behind");

	/* Field-level refusals, by editing a good file's text (and fixing the checksum
	 * by writing it again through the parser is impossible: so these come from the
	 * writer with bad values). */
	report_one(&r, "XA1", "XA1", "T1");
	r.entries[0].en.percent = 101;
	CHECK(crafted_import(&db, &r, false, &res) == -1 && problem_has(&res, "percent '101' is not a whole number from 0 to 100"),
	      "a percent over 100 is refused");
	import_result_free(&res);
	r.entries[0].en.percent = 50;
	free(r.entries[0].en.at);
	r.entries[0].en.at = xstrdup("15/06/2026");
	CHECK(crafted_import(&db, &r, false, &res) == -1 && problem_has(&res, "entry time '15/06/2026' is not a time"),
	      "a date Excel reformatted is refused");
	import_result_free(&res);
	report_free(&r);

	/* The same content at the same revision is unchanged; other content a conflict. */
	report_one(&r, "XA1", "XA1", "T1");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.added == 1, "first import adds");
	import_result_free(&res);
	free(r.exported_at);
	r.exported_at = xstrdup("2026-06-06T02:00:00Z");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.unchanged == 1, "same revision, same content: unchanged");
	import_result_free(&res);
	free(r.exported_at);
	r.exported_at = xstrdup("2026-06-07T02:00:00Z");
	free(r.entries[0].en.result);
	r.entries[0].en.result = xstrdup("khác");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.conflicts == 1, "same revision, other content: a conflict");
	import_result_free(&res);
	free(r.exported_at);
	r.exported_at = xstrdup("2026-06-08T02:00:00Z");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.conflicts == 1 &&
		      q_int(&db, "SELECT count(*) FROM conflict") == 1,
	      "the same conflict again is not kept twice");
	import_result_free(&res);
	report_free(&r);
	CHECK(exchange_resolve(&db, 1, false, "tester", &e) == 0, "keep the stored row");
	report_one(&r, "XA1", "XA1", "T1");
	free(r.entries[0].en.result);
	r.entries[0].en.result = xstrdup("khác");
	free(r.exported_at);
	r.exported_at = xstrdup("2026-06-09T02:00:00Z");
	CHECK(crafted_import(&db, &r, false, &res) == 0 && res.unchanged == 1 && res.conflicts == 0,
	      "a row someone decided about is not offered again");
	import_result_free(&res);
	report_free(&r);
	db_close(&db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	setenv("TIENDO_NOW", "2026-06-10T02:00:00Z", 1);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	test_roundtrip();
	test_rules();
	check_rmdir(dir);
	return check_done();
}
