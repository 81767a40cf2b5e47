/* SPDX-License-Identifier: MIT */
/* Keys for signed exchange files (see keystore.h and docs/exchange.md). */
#include "keystore.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db_internal.h"
#include "msg.h"

#define PREP(var, sql) do { if (!((var) = db_prep(db, (sql), e))) return -1; } while (0)

const char *key_state_name(enum key_state s)
{
	static const char *const names[KEY_STATE_COUNT] = {N_("none"), N_("new"), N_("trusted"),
							   N_("changed")};
	return s < KEY_STATE_COUNT ? names[s] : "?";
}

int keystore_own(struct db *db, uint8_t pk[SIGN_PUBLIC_BYTES], uint8_t sk[SIGN_SECRET_BYTES],
		 struct err *e)
{
	char *hex = db_meta_get(db, "sign_secret");
	bool ok = hex && sign_from_hex(hex, sk, SIGN_SECRET_BYTES);
	free(hex);
	if (ok) {
		sign_public_of(sk, pk);
		return 0;
	}
	/* Made once, in a transaction of its own (or the caller's). */
	char skh[2 * SIGN_SECRET_BYTES + 1], pkh[SIGN_PUBLIC_HEX];
	sign_keypair(pk, sk);
	sign_to_hex(sk, SIGN_SECRET_BYTES, skh);
	sign_to_hex(pk, SIGN_PUBLIC_BYTES, pkh);
	if (db_begin(db, e))
		return -1;
	if (db_meta_set(db, "sign_secret", skh, e) || db_meta_set(db, "sign_public", pkh, e)) {
		db_rollback(db);
		return -1;
	}
	memset(skh, 0, sizeof skh);
	return db_commit(db, e);
}

void unit_key_free(struct unit_key *k)
{
	free(k->pending_file);
	free(k->pending_at);
	free(k->seen_at);
	memset(k, 0, sizeof *k);
}

/* A key row's state: a key held aside (changed) first, then confirmed or new. */
static enum key_state key_state_of(bool known, bool confirmed, bool pending)
{
	return pending ? KEY_CHANGED : !known ? KEY_NONE : confirmed ? KEY_TRUSTED : KEY_NEW;
}

int keystore_get(struct db *db, int64_t unit_id, struct unit_key *out, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	PREP(st, "SELECT public_key, confirmed, seen_at, pending_key, pending_file, pending_at"
		 " FROM unit_key WHERE unit_id = ?1");
	sqlite3_bind_int64(st, 1, unit_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->known = sign_from_hex(db_col_text(st, 0), out->pk, SIGN_PUBLIC_BYTES);
		out->confirmed = sqlite3_column_int(st, 1) != 0;
		out->seen_at = xstrdup(db_col_text(st, 2));
		out->pending = sign_from_hex(db_col_text(st, 3), out->pending_pk, SIGN_PUBLIC_BYTES);
		if (out->pending) {
			out->pending_file = xstrdup(db_col_text(st, 4));
			out->pending_at = xstrdup(db_col_text(st, 5));
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, e);
	out->state = key_state_of(out->known, out->confirmed, out->pending);
	return 0;
}

int keystore_put(struct db *db, int64_t unit_id, const uint8_t pk[SIGN_PUBLIC_BYTES],
		 bool confirmed, struct err *e)
{
	sqlite3_stmt *st;
	char hex[SIGN_PUBLIC_HEX], stamp[STAMP_BUF];
	sign_to_hex(pk, SIGN_PUBLIC_BYTES, hex);
	date_now_stamp(stamp);
	PREP(st, "INSERT INTO unit_key(unit_id, public_key, confirmed, seen_at) VALUES (?1, ?2, ?3, ?4)"
		 " ON CONFLICT(unit_id) DO UPDATE SET public_key = excluded.public_key,"
		 " confirmed = excluded.confirmed, seen_at = excluded.seen_at,"
		 " pending_key = NULL, pending_file = NULL, pending_at = NULL");
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, confirmed);
	sqlite3_bind_text(st, 4, stamp, -1, SQLITE_STATIC);
	return db_done(db, st, e);
}

int keystore_hold(struct db *db, int64_t unit_id, const uint8_t pk[SIGN_PUBLIC_BYTES],
		  const char *file, struct err *e)
{
	sqlite3_stmt *st;
	char hex[SIGN_PUBLIC_HEX], stamp[STAMP_BUF];
	sign_to_hex(pk, SIGN_PUBLIC_BYTES, hex);
	date_now_stamp(stamp);
	PREP(st, "UPDATE unit_key SET pending_key = ?2, pending_file = ?3, pending_at = ?4"
		 " WHERE unit_id = ?1");
	sqlite3_bind_int64(st, 1, unit_id);
	sqlite3_bind_text(st, 2, hex, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, file, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, stamp, -1, SQLITE_STATIC);
	return db_done(db, st, e);
}

int keystore_confirm(struct db *db, int64_t unit_id, struct err *e)
{
	sqlite3_stmt *st;
	PREP(st, "UPDATE unit_key SET public_key = coalesce(pending_key, public_key), confirmed = 1,"
		 " pending_key = NULL, pending_file = NULL, pending_at = NULL WHERE unit_id = ?1");
	sqlite3_bind_int64(st, 1, unit_id);
	return db_done(db, st, e);
}

void unit_key_list_free(struct unit_key_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].unit);
	free(l->v);
	memset(l, 0, sizeof *l);
}

int keystore_list(struct db *db, bool confirmed_only, struct unit_key_list *out, struct err *e)
{
	sqlite3_stmt *st;
	memset(out, 0, sizeof *out);
	PREP(st, "SELECT u.code, k.public_key, k.confirmed, k.pending_key FROM unit_key k"
		 " JOIN unit u ON u.id = k.unit_id WHERE ?1 = 0 OR k.confirmed = 1 ORDER BY u.code");
	sqlite3_bind_int(st, 1, confirmed_only);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct unit_key_row *r = &out->v[out->n];
		if (!sign_from_hex(db_col_text(st, 1), r->pk, SIGN_PUBLIC_BYTES))
			continue;
		bool pending = sign_from_hex(db_col_text(st, 3), r->pending_pk, SIGN_PUBLIC_BYTES);
		r->unit = xstrdup(db_col_text(st, 0));
		r->state = key_state_of(true, sqlite3_column_int(st, 2), pending);
		out->n++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		unit_key_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}

enum key_state unit_key_list_state(const struct unit_key_list *l, const char *code)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].unit, code) == 0)
			return l->v[i].state;
	return KEY_NONE;
}
