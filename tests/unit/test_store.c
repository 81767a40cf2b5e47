/* SPDX-License-Identifier: MIT */
/* Unit tests: schema and migrations, pragmas, plan saving and versions, progress history
 * and undo, indicator values, group membership. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "consolidate.h"
#include "check_db.h"
#include "msg.h"
#include "planfile.h"
#include "progress.h"
#include "store.h"

static char dir[200]; /* a fresh temporary folder, made by mkdtemp in main */

static const char *path(const char *name)
{
	static char buf[4][512];
	static int i;
	i = (i + 1) % 4;
	snprintf(buf[i], sizeof buf[i], "%s/%s", dir, name);
	return buf[i];
}

static void test_schema(void)
{
	struct db db;
	struct err e;
	CHECK(db_open(&db, path("none.db"), DB_OPEN_EXISTING, &e) != 0, "a missing database is not created by other commands");
	CHECK(strstr(e.msg, "init --plan") != NULL, "the message says how to create one");
	CHECK(db_open(&db, path("sub/dir/new.db"), DB_OPEN_CREATE, &e) == 0, "database created with its folders");
	struct stat st;
	CHECK(stat(path("sub/dir/new.db"), &st) == 0 && (st.st_mode & 0777) == 0600, "database file mode 0600");
	CHECK(stat(path("sub/dir"), &st) == 0 && (st.st_mode & 0777) == 0700, "created folder mode 0700");
	CHECK_INT(schema_version(&db), schema_latest(), "new database is at the latest schema");
	CHECK_INT(q_int(&db, "PRAGMA foreign_keys"), 1, "foreign keys on");
	CHECK_INT(q_int(&db, "PRAGMA synchronous"), 2, "synchronous FULL");
	CHECK_INT(q_int(&db, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1, "WAL journal");
	CHECK(q_int(&db, "PRAGMA busy_timeout") >= 1000, "busy timeout set");
	db_close(&db);

	/* From every older version: build a database at version v, then open it. */
	for (int v = 0; v < schema_latest(); v++) {
		char name[32];
		snprintf(name, sizeof name, "v%d.db", v);
		sqlite3 *h;
		sqlite3_open(path(name), &h);
		sqlite3_close(h);
		struct db d = {.h = NULL};
		sqlite3_open(path(name), &d.h);
		d.path = (char *)name;
		CHECK(schema_migrate(&d, v, &e) == 0, "build an old schema");
		if (v >= 1)
			sqlite3_exec(d.h, "INSERT INTO unit(code, kind, name) VALUES ('U1', 'province', 'Tỉnh');"
					  "INSERT INTO meta(key, value) VALUES ('owner', 'U1');", NULL, NULL, NULL);
		sqlite3_close(d.h);
		if (v == 0) { /* an empty file: never taken for a database (issue 13) */
			CHECK(db_open(&db, path(name), DB_OPEN_EXISTING, &e) == -1,
			      "an empty existing file is refused, not turned into a database");
			continue;
		}
		CHECK(db_open(&db, path(name), DB_OPEN_EXISTING, &e) == 0, "an old database opens");
		CHECK_INT(schema_version(&db), schema_latest(), "and is migrated to the latest schema");
		if (v >= 1)
			CHECK_INT(q_int(&db, "SELECT count(*) FROM unit WHERE code = 'U1'"), 1,
				  "its data survives the migration");
		CHECK_INT(q_int(&db, "SELECT count(*) FROM draft"), 0, "drafts table exists (schema 2)");
		CHECK_INT(q_int(&db, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1, "and passes the integrity check");
		db_close(&db);
	}
	/* A database from a newer tiendo is refused, not damaged. */
	sqlite3 *h;
	sqlite3_open(path("future.db"), &h);
	sqlite3_exec(h, "PRAGMA user_version = 999", NULL, NULL, NULL);
	sqlite3_close(h);
	CHECK(db_open(&db, path("future.db"), DB_OPEN_EXISTING, &e) != 0, "a newer schema is refused");
	CHECK(strstr(e.msg, "newer tiendo") != NULL, "and says so");
	/* A file that is not a database. */
	FILE *f = fopen(path("junk.db"), "w");
	fputs("this is not a database, just text that is long enough to be read as a header....", f);
	fclose(f);
	CHECK(db_open(&db, path("junk.db"), DB_OPEN_EXISTING, &e) != 0, "a non-database file is refused");
}

static int load(struct db *db, const char *file, const char *owner, struct store_result *r)
{
	struct plan_def p;
	struct err e;
	if (planfile_load(file, &p, &e)) {
		printf("#   %s\n", e.msg);
		return -1;
	}
	int rc = store_plan_save(db, &p, owner, r, &e);
	if (rc)
		printf("#   %s\n", e.msg);
	plan_def_free(&p);
	return rc;
}

static void test_plan_and_progress(void)
{
	struct db db;
	struct err e;
	struct store_result r;
	CHECK(db_open(&db, path("p.db"), DB_OPEN_CREATE, &e) == 0, "open");
	CHECK(load(&db, "tests/data/mini.csv", NULL, &r) == 0, "mini plan loads");
	CHECK(r.created && r.tasks_added == 5, "five tasks added");
	char *owner = db_meta_get(&db, "owner");
	CHECK_STR(owner, "T-SKHCN", "owner defaults to the consolidator");
	free(owner);
	CHECK(load(&db, "tests/data/mini.csv", NULL, &r) == 0 && r.unchanged, "same version: unchanged");

	struct unit_set us;
	struct plan_rec plan;
	struct task_list tl;
	store_units(&db, &us, &e);
	store_current_plan(&db, &plan, &e);
	store_tasks(&db, plan.id, false, &tl, &e);
	const struct unit_rec *xa1 = unit_set_find(&us, "T-XA1"), *ph1 = unit_set_find(&us, "T-PH1");
	const struct unit_rec *xa = unit_set_find(&us, "T-XA"), *bao = unit_set_find(&us, "T-BAO");
	const struct unit_rec *sgd = unit_set_find(&us, "T-SGDDT");
	CHECK(unit_covers(&us, xa, xa1) && unit_covers(&us, xa, ph1), "communes and wards are in the commune group");
	CHECK(!unit_covers(&us, xa, bao), "the press agency is not a commune");
	const struct task_rec *t1 = task_list_find(&tl, "1a-1"), *t2a = task_list_find(&tl, "2a");
	CHECK(task_assigned(&us, t1, xa1), "a commune has the task of 'all departments and localities'");
	CHECK(!task_assigned(&us, t2a, xa1), "but not the education department's task");
	CHECK(task_assigned(&us, t2a, sgd), "the education department leads 2a");

	/* progress: set, history, no-op, undo */
	struct entry_key k = {xa1->id, t1->id, "2026S1"};
	struct entry_patch p;
	bool changed;
	long long rev;
	entry_patch_init(&p);
	p.set_status = true;
	p.status = STATUS_IN_PROGRESS;
	p.percent = 40;
	p.result = "Đăng 12 tin bài";
	CHECK(progress_set(&db, &k, &p, "clerk", &changed, &rev, &e) == 0 && changed && rev == 1, "first entry is revision 1");
	entry_patch_init(&p);
	p.count = 24;
	p.difficulties = "Thiếu nhân lực\nThiếu kinh phí";
	CHECK(progress_set(&db, &k, &p, "clerk", &changed, &rev, &e) == 0 && rev == 2, "second change is revision 2");
	struct entry en;
	bool found;
	progress_get(&db, &k, &en, &found, &e);
	CHECK(found && en.status == STATUS_IN_PROGRESS && en.percent == 40 && en.count == 24, "fields not given are kept");
	CHECK_STR(en.result, "Đăng 12 tin bài", "result kept");
	CHECK_STR(en.difficulties, "Thiếu nhân lực\nThiếu kinh phí", "multi-line text kept");
	entry_free(&en);
	CHECK(progress_set(&db, &k, &p, "clerk", &changed, &rev, &e) == 0 && !changed && rev == 2, "same values: no new revision");
	entry_patch_init(&p);
	p.set_status = true;
	p.status = STATUS_DONE;
	progress_set(&db, &k, &p, "clerk", &changed, &rev, &e);
	progress_get(&db, &k, &en, &found, &e);
	CHECK(en.percent == 100 && rev == 3, "done without a percent means 100%");
	entry_free(&en);
	bool done;
	CHECK(progress_task_done(&db, xa1->id, t1->id, &done, &e) == 0 && done, "task done for the commune");
	CHECK(progress_undo(&db, &k, "clerk", &rev, &e) == 0 && rev == 4, "undo is a new revision");
	progress_get(&db, &k, &en, &found, &e);
	CHECK(en.status == STATUS_IN_PROGRESS && en.percent == 40 && en.count == 24, "undo restores revision 2");
	entry_free(&en);
	struct entry *hist;
	size_t nh;
	progress_history(&db, &k, &hist, &nh, &e);
	CHECK_INT(nh, 4, "history holds every revision");
	CHECK_STR(nh == 4 ? hist[3].action : "", "undo", "the undo is marked in the history");
	CHECK_STR(nh == 4 ? hist[0].by : "", "clerk", "who entered it");
	entries_free(hist, nh);
	CHECK(progress_task_done(&db, xa1->id, t1->id, &done, &e) == 0 && !done, "no longer done after undo");
	/* undo of a first revision clears the entry back to not started */
	struct entry_key k2 = {ph1->id, t1->id, "2026S1"};
	entry_patch_init(&p);
	p.percent = 10;
	progress_set(&db, &k2, &p, "clerk", &changed, &rev, &e);
	progress_undo(&db, &k2, "clerk", &rev, &e);
	progress_get(&db, &k2, &en, &found, &e);
	CHECK(en.status == STATUS_NOT_STARTED && en.percent == -1 && rev == 2, "undo of the first entry empties it");
	entry_free(&en);

	/* indicator values */
	struct indicator_list il;
	store_indicators(&db, plan.id, &il, &e);
	const struct indicator_rec *mt = indicator_list_find(&il, "MT2030-1");
	struct ivalue_key ik = {xa1->id, mt->id, "2026"};
	struct ivalue v = {.numerator = 800, .denominator = 1000, .note = "Ước tính"};
	CHECK(ivalue_set(&db, &ik, &v, "clerk", &changed, &rev, &e) == 0 && changed && rev == 1, "indicator value saved");
	CHECK(ivalue_set(&db, &ik, &v, "clerk", &changed, &rev, &e) == 0 && !changed, "same value: no new revision");
	v.numerator = 850;
	ivalue_set(&db, &ik, &v, "clerk", &changed, &rev, &e);
	struct ivalue got;
	ivalue_get(&db, &ik, &got, &found, &e);
	CHECK(found && got.numerator == 850 && got.denominator == 1000 && got.revision == 2, "indicator value updated");
	ivalue_free(&got);

	/* consolidation: ratio over communes and wards, share-met, sum, all */
	struct ind_standing is;
	day_t end2026 = date_from_ymd(2026, 12, 31);
	const struct unit_rec *skhcn = unit_set_find(&us, "T-SKHCN");
	struct ivalue_key ik2 = {ph1->id, mt->id, "2026S1"};
	struct ivalue v2 = {.numerator = 50, .denominator = 1000, .note = ""};
	ivalue_set(&db, &ik2, &v2, "clerk", &changed, &rev, &e);
	CHECK(indicator_standing(&db, &us, mt, NULL, end2026, &is, &e) == 0, "consolidate a ratio");
	CHECK(is.expected == 2 && is.reported == 2, "two communes expected and reported");
	CHECK(is.num == 900 && is.den == 2000, "numerators and denominators summed");
	CHECK(is.value > 44.99 && is.value < 45.01 && !is.met, "45% is short of 80%");
	CHECK(is.met_units == 1, "one commune meets 80% on its own");
	CHECK(indicator_standing(&db, &us, mt, xa1, end2026, &is, &e) == 0 && is.expected == 1 &&
	      is.value > 84.99 && is.met, "a commune's own value");
	CHECK(indicator_standing(&db, &us, mt, NULL, date_from_ymd(2026, 6, 30), &is, &e) == 0 &&
	      is.reported == 1, "values of later periods are not counted yet");
	const struct indicator_rec *plan_ind = indicator_list_find(&il, "MT2025-1");
	struct ivalue yes = {.numerator = -1, .denominator = -1, .has_value = true, .value = 100, .note = ""};
	struct ivalue_key ik3 = {skhcn->id, plan_ind->id, "2025"};
	ivalue_set(&db, &ik3, &yes, "officer", &changed, &rev, &e);
	CHECK(indicator_standing(&db, &us, plan_ind, NULL, end2026, &is, &e) == 0, "consolidate share-met");
	CHECK_INT(is.expected, 4, "departments and localities expected (2 departments, 2 communes)");
	CHECK(is.value > 24.99 && is.value < 25.01 && !is.met, "1 of 4 met: 25%");
	const struct indicator_rec *ms = indicator_list_find(&il, "MT2026-1");
	CHECK(indicator_standing(&db, &us, ms, NULL, end2026, &is, &e) == 0 && !is.met && !is.has_value,
	      "a milestone nobody reported is not met");
	struct ivalue one = {.numerator = -1, .denominator = -1, .has_value = true, .value = 1, .note = ""};
	struct ivalue_key ik4 = {skhcn->id, ms->id, "2026"};
	ivalue_set(&db, &ik4, &one, "officer", &changed, &rev, &e);
	CHECK(indicator_standing(&db, &us, ms, NULL, end2026, &is, &e) == 0 && is.met && is.value == 1,
	      "a milestone its only reporter says yes to is met");
	/* Two values of a unit ending the same day: the later period code
	 * counts, one indicator at a time or all of them at once (one pass). */
	struct ivalue_key ik5 = {xa1->id, mt->id, "2026S2"};
	struct ivalue v5 = {.numerator = 100, .denominator = 1000, .note = ""};
	ivalue_set(&db, &ik5, &v5, "clerk", &changed, &rev, &e);
	CHECK(indicator_standing(&db, &us, mt, xa1, end2026, &is, &e) == 0 && is.num == 100 &&
	      is.den == 1000, "of two values ending the same day, the later period code counts");
	struct ind_standing all[64], one_at_a_time;
	CHECK(il.n <= 64, "the test plan's indicators fit");
	const struct unit_rec *scopes[] = {NULL, xa1, skhcn};
	day_t days[] = {end2026, date_from_ymd(2026, 6, 30), date_from_ymd(2024, 1, 1)};
	bool same = il.n <= 64;
	for (size_t s = 0; s < ARRAY_LEN(scopes) && same; s++)
		for (size_t d = 0; d < ARRAY_LEN(days) && same; d++) {
			memset(all, 0xff, sizeof all);
			same = indicator_standings(&db, &us, &il, scopes[s], days[d], all, &e) == 0;
			for (size_t i = 0; i < il.n && same; i++)
				same = indicator_standing(&db, &us, &il.v[i], scopes[s], days[d],
							  &one_at_a_time, &e) == 0 &&
				       memcmp(&one_at_a_time, &all[i], sizeof all[i]) == 0;
		}
	CHECK(same, "every indicator at once gives what each one alone gives (scopes, days)");
	indicator_list_free(&il);

	/* a newer plan version: retire 1b-2, keep its history; add 3a */
	struct entry_key k3 = {unit_set_find(&us, "T-SKHCN")->id, task_list_find(&tl, "1b-2")->id, "2026S1"};
	entry_patch_init(&p);
	p.percent = 5;
	progress_set(&db, &k3, &p, "officer", &changed, &rev, &e);
	CHECK(load(&db, "tests/data/mini-v2.csv", NULL, &r) == 0, "version 2 loads");
	CHECK(!r.unchanged && r.tasks_added == 1 && r.tasks_retired == 1 && r.old_version == 1, "one task added, one retired");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress"), 3, "progress entries survive the update");
	CHECK_INT(q_int(&db, "SELECT retired FROM task WHERE code = '1b-2'"), 1, "the removed task is retired, not deleted");
	CHECK_INT(q_int(&db, "SELECT count(*) FROM progress_revisions"), 7, "history survives the update");
	CHECK(load(&db, "tests/data/mini.csv", NULL, &r) == 0 && r.unchanged, "an older version changes nothing");
	CHECK_INT(q_int(&db, "SELECT version FROM plan"), 2, "still version 2");
	CHECK(load(&db, "tests/data/mini.csv", "NOPE", &r) != 0, "an unknown owner is refused");
	owner = db_meta_get(&db, "owner");
	CHECK_STR(owner, "T-SKHCN", "and the owner is unchanged");
	free(owner);

	task_list_free(&tl);
	plan_rec_free(&plan);
	unit_set_free(&us);
	db_close(&db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	test_schema();
	test_plan_and_progress();
	check_rmdir(dir);
	return check_done();
}
