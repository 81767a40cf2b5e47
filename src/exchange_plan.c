/* SPDX-License-Identifier: MIT */
/* Importing a plan package: who may send it (its issuer, signed by a known
 * key), the plan version rule, and never switching the current plan. */
#include "exchange_internal.h"
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "date.h"
#include "exchange_keys.h"
#include "exchange_trust.h"
#include "db_internal.h"
#include "entry_check.h"
#include "msg.h"
#include "planfile.h"
#include "progress_rows.h"
#include "report.h"
#include "text.h"
#include "xlsxread.h"

#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), &e))) goto fail; } while (0)
#define DONE(st) do { if (db_done(db, (st), &e)) goto fail; } while (0)

/* A signature that does not match the content refuses the file. */
bool exchange_bad_signature(const struct signfile *sf, const char *name, struct import_result *r)
{
	if (!sf->is_signed || sf->valid)
		return false;
	exchange_problem(r, name, sf->line, "%s",
		    tr("the signature does not match the content: the file was changed after it was signed, or forged; ask for it again"));
	return true;
}

int exchange_signer_check(struct db *db, const struct signfile *sf, const char *code,
			const char *name, struct import_result *r, int64_t *unit_id, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM unit WHERE code = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	*unit_id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	enum key_verdict v;
	if (exchange_key_verdict(db, sf, *unit_id, &v, e))
		return -1;
	r->signer = v;
	if (sf->is_signed)
		sign_fingerprint(sf->pk, r->fingerprint);
	if (v == KEYV_UNSIGNED && *unit_id) {
		/* No going back: once a unit signs, its unsigned files are not its own. */
		struct unit_key k;
		if (keystore_get(db, *unit_id, &k, e))
			return -1;
		if (k.known)
			exchange_problem(r, name, 0,
				    tr("the file is not signed, but the files of %s are signed with a key this database knows: it was made or changed by someone else; ask %s for it again"),
				    code, code);
		unit_key_free(&k);
	}
	if (v != KEYV_CHANGED)
		return 0;
	exchange_problem(r, name, sf->line,
		    tr("signed by another key than the one known for %s (now %s): a new computer? confirm with the unit by phone, then: tiendo trust %s; the file is kept aside until then"),
		    code, r->fingerprint, code);
	r->held_unit = *unit_id;
	memcpy(r->held_key, sf->pk, sizeof r->held_key);
	return 0;
}

/* Trust on first use: a unit's first signed file records its key. */
int exchange_signer_record(struct db *db, const struct signfile *sf, const char *code,
			 struct import_result *r, struct err *e)
{
	if (r->signer != KEYV_NEW)
		return 0;
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM unit WHERE code = ?1", e);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id ? keystore_put(db, id, sf->pk, false, e) : 0;
}

int exchange_import_plan(struct db *db, const char *name, const char *buf, size_t n,
		       enum import_mode mode, unsigned flags, const struct signfile *sf,
		       struct import_result *r)
{
	bool dry_run = mode == IMPORT_DRY;
	struct plan_def def;
	struct err e;
	char *why = NULL, *current = NULL;
	if (planfile_parse(buf, n, name, &def, &e)) {
		sv_push(&r->problems, e.msg);
		return exchange_refuse(r);
	}
	r->plan = xstrdup(def.code);
	r->plan_version = def.version;
	r->sender = xstrdup(def.consolidator);
	if (exchange_bad_signature(sf, name, r)) {
		plan_def_free(&def);
		return exchange_refuse(r);
	}
	int64_t issuer = 0;
	if (exchange_signer_check(db, sf, def.consolidator, name, r, &issuer, &e))
		goto fail_nodb;
	if (r->problems.n) {
		plan_def_free(&def);
		return exchange_refuse(r);
	}
	if (trust_plan_package(db, &def, flags & IMPORT_ADD_PLAN, r->signer == KEYV_OWN, &why, &e)) {
		if (!why)
			goto fail_nodb;
		exchange_problem(r, name, 0, "%s", why);
		free(why);
		plan_def_free(&def);
		return exchange_refuse(r);
	}
	/* A package never switches the plan the database works on. */
	current = db_meta_get(db, "plan");
	struct plan_rec cur_plan;
	if (!current && store_current_plan(db, &cur_plan, &e) == 0) {
		current = xstrdup(cur_plan.code);
		plan_rec_free(&cur_plan);
	}
	if (db_begin(db, &e))
		goto fail;
	if (store_plan_save(db, &def, NULL, &r->plan_r, &e))
		goto fail;
	if (current && db_meta_set(db, "plan", current, &e))
		goto fail;
	if (exchange_signer_record(db, sf, def.consolidator, r, &e) ||
	    (sf->is_signed && r->signer != KEYV_OWN && exchange_learn_keys(db, sf, &e)))
		goto fail;
	r->old_version = r->plan_r.old_version;
	r->outcome = r->plan_r.unchanged ? IMPORT_PLAN_SAME : IMPORT_PLAN_UPDATED;
	if (!r->plan_r.unchanged) {
		char stamp[STAMP_BUF], sum[24];
		date_now_stamp(stamp);
		snprintf(sum, sizeof sum, "%016" PRIx64, hash_fnv1a(HASH_FNV_INIT, buf, n));
		sqlite3_stmt *st;
		PREP(st, "INSERT OR IGNORE INTO received(kind, file_name, checksum, sender_id, plan_code,"
			 " plan_version, imported_at, encoding)"
			 " VALUES ('plan', ?1, ?2, (SELECT id FROM unit WHERE code = ?3), ?4, ?5, ?6, ?7)");
		sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, sum, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, def.consolidator, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, def.code, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, def.version);
		sqlite3_bind_text(st, 6, stamp, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, encoding_name(r->enc), -1, SQLITE_STATIC);
		DONE(st);
	}
	if (dry_run)
		db_rollback(db);
	else if (db_commit(db, &e))
		goto fail_nodb;
	free(current);
	plan_def_free(&def);
	return 0;
fail:
	if (mode == IMPORT_IN_BATCH) {
		sv_push(&r->problems, e.msg);
		plan_def_free(&def);
		free(current);
		exchange_refuse(r);
		return IMPORT_WRITE_FAILED;
	}
	db_rollback(db);
fail_nodb:
	free(current);
	sv_push(&r->problems, e.msg);
	plan_def_free(&def);
	return exchange_refuse(r);
}
