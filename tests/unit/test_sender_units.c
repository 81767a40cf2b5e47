/* SPDX-License-Identifier: MIT */
/* Unit tests: a unit's own export loads only the units it needs
 * (store_units_sender), and what the export asks of them gives the answers
 * of the whole set: for every unit of the five plans in data/plans as the
 * database's owner, the same recipient for every kind of period, the same
 * units answered for, the same parent; a commune's set is a few units. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "db.h"
#include "db_internal.h"
#include "exchange_files.h"
#include "msg.h"
#include "planfile.h"
#include "report.h"
#include "setup.h"
#include "store.h"

static char dir[200];

static size_t owned(const struct plan_bundle *b)
{
	bool *own = report_owned_units(&b->units, &b->rules, b->owner);
	size_t n = 0;
	for (size_t i = 0; i < b->units.n; i++)
		n += own[i];
	free(own);
	return n;
}

static const char *code_of(const struct unit_rec *u)
{
	return u ? u->code : "(none)";
}

static void compare_all(struct db *db, const char *file);

/* Every unit of the plan in file as the owner: the two loads agree. */
static void test_plan(const char *file, int k)
{
	char path[300], name[400];
	snprintf(path, sizeof path, "%s/plan%d.db", dir, k);
	struct plan_def p;
	struct err e;
	enum text_encoding enc;
	struct store_result r;
	bool created;
	char fp[SIGN_FINGERPRINT_BUF];
	snprintf(name, sizeof name, "%s: loaded", file);
	CHECK(planfile_load_any(file, &p, &enc, &e) == 0, name);
	CHECK(setup_database(path, file, &p, NULL, NULL, &r, &created, fp, &e) == 0, name);
	plan_def_free(&p);
	struct db *db = db_connect(path, DB_OPEN_EXISTING, &e);
	CHECK(db != NULL, "database opened");
	if (!db)
		return;
	compare_all(db, file);
	db_disconnect(db);
}

/* Every unit of the database as its owner: the two loads agree. */
static void compare_all(struct db *db, const char *file)
{
	char name[400];
	struct err e;
	struct unit_set all;
	CHECK(store_units(db, &all, &e) == 0, "units read");
	size_t bad = 0, lone = 0, small = 0, agreed = 0;
	for (size_t i = 0; i < all.n; i++) {
		const struct unit_rec *u = &all.v[i];
		if (u->kind == UNIT_GROUP || db_meta_set(db, "owner", u->code, &e))
			continue;
		struct plan_bundle full, few;
		bool found;
		if (plan_bundle_load(db, NULL, false, &full, &found, &e) ||
		    plan_bundle_load_sender(db, &few, &e)) {
			bad++;
			continue;
		}
		bool same = full.owner && few.owner && strcmp(full.owner->code, few.owner->code) == 0;
		for (int t = 0; same && t < PERIOD_TYPE_COUNT; t++)
			same = strcmp(code_of(exchange_recipient(&full.units, &full.rules, full.owner, t)),
				      code_of(exchange_recipient(&few.units, &few.rules, few.owner, t))) == 0;
		if (same) {
			const struct unit_rec *pf = full.owner->parent_id
				? unit_set_by_id(&full.units, full.owner->parent_id) : NULL;
			const struct unit_rec *pw = few.owner->parent_id
				? unit_set_by_id(&few.units, few.owner->parent_id) : NULL;
			same = strcmp(code_of(pf), code_of(pw)) == 0;
		}
		size_t n_full = same ? owned(&full) : 0;
		if (same)
			same = n_full == owned(&few);
		if (same && n_full == 1) {
			lone++;
			small += few.units.n < full.units.n;
		}
		agreed += same;
		bad += !same;
		if (!same)
			printf("# %s: %s differs\n", file, u->code);
		plan_bundle_free(&full);
		plan_bundle_free(&few);
	}
	snprintf(name, sizeof name, "%s: the few units give every unit's answers (%zu units)", file, agreed);
	CHECK(bad == 0 && agreed > 0, name);
	snprintf(name, sizeof name, "%s: a unit answering for itself alone loads fewer units (%zu of %zu)",
		 file, small, lone);
	CHECK(lone > 0 && small == lone, name);
	unit_set_free(&all);
}

static void exec(struct db *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK)
		CHECK(0, msg ? msg : "sql");
	sqlite3_free(msg);
}

/* A group scoped under a department that is above none of the communes:
 * its rule must not reach them (the scoping unit must be loaded), while
 * the communes of the district it is scoped to report to the department. */
static void test_scoped_group(void)
{
	char path[300];
	struct err e;
	snprintf(path, sizeof path, "%s/scoped.db", dir);
	struct db *db = db_connect(path, DB_OPEN_CREATE, &e);
	CHECK(db != NULL, "scoped: database created");
	if (!db)
		return;
	exec(db, "BEGIN;"
		 "INSERT INTO unit(id, code, kind, parent_id, members, name) VALUES"
		 " (1, 'P', 'province', NULL, '', 'Tỉnh'),"
		 " (2, 'D', 'department', 1, '', 'Sở'),"
		 " (3, 'H', 'district', 1, '', 'Huyện'),"
		 " (4, 'X', 'commune', 1, '', 'Xã X'),"
		 " (5, 'Y', 'commune', 3, '', 'Xã Y'),"
		 " (6, 'G', 'group', 3, 'commune', 'Các xã của huyện'),"
		 " (7, 'Z', 'commune', 1, '', 'Xã Z');"
		 "INSERT INTO plan(id, code, version, issuer_id, consolidator_id, title, loaded_at)"
		 " VALUES (1, 'KH', 1, 1, 1, 'Kế hoạch', '2026-01-01T00:00:00Z');"
		 "INSERT INTO report_rule(id, plan_id, code, period_type, due, adhoc, to_id, seq)"
		 " VALUES (1, 1, 'R1', 'half', '06-15', 0, 2, 1);"
		 "INSERT INTO report_rule_unit(rule_id, unit_id, seq) VALUES (1, 6, 1);"
		 "INSERT OR REPLACE INTO meta(key, value) VALUES ('plan', 'KH');"
		 "COMMIT");
	compare_all(db, "scoped");
	exec(db, "UPDATE meta SET value = 'X' WHERE key = 'owner'");
	if (sqlite3_changes(db->h) == 0)
		exec(db, "INSERT INTO meta(key, value) VALUES ('owner', 'X')");
	struct plan_bundle b;
	CHECK(plan_bundle_load_sender(db, &b, &e) == 0, "scoped: X's units loaded");
	CHECK(b.owner && !exchange_recipient(&b.units, &b.rules, b.owner, PERIOD_HALF),
	      "scoped: X, outside the district, reports to nobody by G's rule");
	plan_bundle_free(&b);
	db_disconnect(db);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	if (!check_tmpdir(dir, sizeof dir))
		return 1;
	static const char *plans[] = {
		"data/plans/dong-thap-118-2025.csv", "data/plans/gia-lai-2025-draft.csv",
		"data/plans/lang-son-2025.csv", "data/plans/quang-ngai-2025-draft.csv",
		"data/plans/quang-ngai-skhcn-2725-2025.csv",
	};
	for (size_t k = 0; k < sizeof plans / sizeof *plans; k++)
		test_plan(plans[k], (int)k);
	test_scoped_group();
	check_rmdir(dir);
	return check_done();
}
