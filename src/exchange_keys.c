/* SPDX-License-Identifier: MIT */
/* Signing exports and judging the signers of imports (see exchange_keys.h).
 *
 * Trust on first use, as SSH does: the first valid signed file of a unit
 * records its key; later files of that unit signed by another key are
 * refused and the key kept aside until someone confirms it by phone
 * (tiendo trust UNIT). A key is also confirmed from a key file the unit
 * hands over (tiendo trust FILE), and the issuer's plan package carries the
 * keys it confirmed, so a commune knows its department's key from init. */
#include "exchange_keys.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "db_internal.h"
#include "encoding.h"
#include "msg.h"
#include "xlsxread.h"

static bool require_sigs;

void exchange_require_signatures(bool yes)
{
	require_sigs = yes;
}

bool exchange_signatures_required(void)
{
	return require_sigs;
}

int exchange_sign(struct db *db, struct strbuf *b, struct err *e)
{
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	if (keystore_own(db, pk, sk, e))
		return -1;
	signfile_sign(b, sk);
	memset(sk, 0, sizeof sk);
	return 0;
}

static int64_t unit_id_of(struct db *db, const char *code)
{
	sqlite3_stmt *st = db_prep(db, "SELECT id FROM unit WHERE code = ?1", NULL);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	int64_t id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

int exchange_package_keys(struct db *db, unsigned flags, struct strbuf *b, struct err *e)
{
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	struct unit_key_list l;
	if (keystore_own(db, pk, sk, e) || keystore_list(db, true, &l, e))
		return -1;
	memset(sk, 0, sizeof sk);
	char *owner = db_meta_get(db, "owner");
	char hex[SIGN_PUBLIC_HEX];
	const char *head[] = {"#key", "unit", "public_key"};
	csvio_write_row(b, head, 3, flags);
	if (owner) {
		sign_to_hex(pk, sizeof pk, hex);
		const char *f[] = {"key", owner, hex};
		csvio_write_row(b, f, 3, flags);
	}
	for (size_t i = 0; i < l.n; i++) {
		if (owner && strcmp(l.v[i].unit, owner) == 0)
			continue;
		sign_to_hex(l.v[i].pk, SIGN_PUBLIC_BYTES, hex);
		const char *f[] = {"key", l.v[i].unit, hex};
		csvio_write_row(b, f, 3, flags);
	}
	free(owner);
	unit_key_list_free(&l);
	return 0;
}

int exchange_key_verdict(struct db *db, const struct signfile *sf, int64_t unit_id,
			 enum key_verdict *out, struct err *e)
{
	*out = KEYV_UNSIGNED;
	if (!sf || !sf->is_signed)
		return 0;
	char *own = db_meta_get(db, "sign_public");
	uint8_t pk[SIGN_PUBLIC_BYTES];
	bool mine = own && sign_from_hex(own, pk, sizeof pk) && memcmp(pk, sf->pk, sizeof pk) == 0;
	free(own);
	if (mine) {
		*out = KEYV_OWN;
		return 0;
	}
	struct unit_key k;
	if (unit_id && keystore_get(db, unit_id, &k, e))
		return -1;
	if (!unit_id || !k.known)
		*out = KEYV_NEW;
	else
		*out = memcmp(k.pk, sf->pk, sizeof k.pk) == 0 ? KEYV_KNOWN : KEYV_CHANGED;
	if (unit_id)
		unit_key_free(&k);
	return 0;
}

int exchange_learn_keys(struct db *db, const struct signfile *sf, struct err *e)
{
	char *owner = db_meta_get(db, "owner");
	int rc = 0;
	for (size_t i = 0; i < sf->n_keys && rc == 0; i++) {
		if (owner && strcmp(sf->keys[i].unit, owner) == 0)
			continue;
		int64_t id = unit_id_of(db, sf->keys[i].unit);
		if (id)
			rc = keystore_put(db, id, sf->keys[i].pk, true, e);
	}
	free(owner);
	return rc;
}

/* The text of the file at path, decoded (NFC UTF-8) into *text; *text NULL
 * when it is no text tiendo reads. -1 with e set when it cannot be read. */
static int read_text(const char *path, char **text, size_t *len, struct err *e)
{
	size_t n;
	char *buf = read_file(path, &n);
	*text = NULL;
	if (!buf)
		return err_set(e, tr("cannot read %s: %s"), path, tr_errno(errno));
	const char *why = NULL;
	/* A file saved as a workbook is read as import reads it. */
	if (xlsxread_sniff(buf, n))
		*text = xlsxread_to_csv(buf, n, (size_t)64 << 20, len, &why);
	else
		*text = encoding_decode(buf, n, len, NULL, &why);
	free(buf);
	return 0;
}

int exchange_keys_from_init(struct db *db, const char *path, const char *issuer,
			    char *fingerprint, struct err *e)
{
	size_t len;
	char *text;
	fingerprint[0] = '\0';
	if (read_text(path, &text, &len, e))
		return -1;
	if (!text)
		return 0; /* the plan file was read already: it cannot be signed */
	struct signfile sf;
	int rc = signfile_read(text, len, path, &sf, e);
	free(text);
	if (rc)
		return -1;
	if (sf.is_signed && !sf.valid) {
		rc = err_set(e, tr("%s:%d: the signature does not match the content: the file was changed after it was signed; ask for it again"),
			     path, sf.line);
	} else if (sf.is_signed) {
		int64_t id = unit_id_of(db, issuer);
		char *own = db_meta_get(db, "owner");
		if (id && !(own && strcmp(own, issuer) == 0))
			rc = keystore_put(db, id, sf.pk, true, e);
		free(own);
		if (rc == 0)
			rc = exchange_learn_keys(db, &sf, e);
		sign_fingerprint(sf.pk, fingerprint);
	}
	signfile_free(&sf);
	return rc;
}

int exchange_key_file(struct db *db, const char *unit, struct strbuf *out, struct err *e)
{
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	char hex[SIGN_PUBLIC_HEX], fp[SIGN_FINGERPRINT_BUF];
	if (keystore_own(db, pk, sk, e))
		return -1;
	sign_to_hex(pk, sizeof pk, hex);
	sign_fingerprint(pk, fp);
	const char *fmt[] = {"format", "tiendo-key", "1"};
	const char *head[] = {"#key", "unit", "public_key"};
	const char *row[] = {"key", unit, hex};
	const char *note[] = {"#fingerprint", fp};
	csvio_write_row(out, fmt, 3, 0);
	csvio_write_row(out, head, 3, 0);
	csvio_write_row(out, row, 3, 0);
	csvio_write_row(out, note, 2, 0);
	signfile_sign(out, sk);
	memset(sk, 0, sizeof sk);
	return 0;
}

int exchange_trust_file(struct db *db, const char *path, char **unit, char *fingerprint,
			struct err *e)
{
	size_t len;
	char *text;
	*unit = NULL;
	if (read_text(path, &text, &len, e))
		return -1;
	if (!text)
		return err_set(e, tr("%s: not a key file (tiendo key --export writes one)"), path);
	struct signfile sf;
	int rc = signfile_read(text, len, path, &sf, e);
	bool is_key = strstr(text, "tiendo-key") != NULL;
	free(text);
	if (rc)
		return -1;
	if (!is_key || !sf.is_signed || sf.n_keys != 1)
		rc = err_set(e, tr("%s: not a key file (tiendo key --export writes one)"), path);
	else if (!sf.valid || memcmp(sf.pk, sf.keys[0].pk, sizeof sf.pk) != 0)
		rc = err_set(e, tr("%s: the key file's signature does not match its key: it was changed; ask for it again"),
			     path);
	int64_t id = rc ? 0 : unit_id_of(db, sf.keys[0].unit);
	char *owner = rc ? NULL : db_meta_get(db, "owner");
	if (!rc && !id)
		rc = err_set(e, tr("unknown unit '%s' (see: tiendo units)"), sf.keys[0].unit);
	else if (!rc && owner && strcmp(owner, sf.keys[0].unit) == 0)
		/* This database signs as its own unit with its own key
		 * (tiendo key): another recorded for it would only mislead. */
		rc = err_set(e, tr("%s: the key file is of %s, this database's own unit, whose key is this database's (see: tiendo key); nothing was trusted"),
			     path, owner);
	free(owner);
	if (!rc && (db_begin(db, e) || keystore_put(db, id, sf.pk, true, e) || db_commit(db, e))) {
		db_rollback(db);
		rc = -1;
	}
	if (!rc) {
		*unit = xstrdup(sf.keys[0].unit);
		sign_fingerprint(sf.pk, fingerprint);
	}
	signfile_free(&sf);
	return rc;
}

int exchange_trust_unit(struct db *db, const char *unit, char *fingerprint, char **was,
			char **file, struct err *e)
{
	*was = *file = NULL;
	int64_t id = unit_id_of(db, unit);
	if (!id)
		return err_set(e, tr("unknown unit '%s' (see: tiendo units)"), unit);
	struct unit_key k;
	if (keystore_get(db, id, &k, e))
		return -1;
	int rc = 0;
	if (!k.known) {
		rc = err_set(e, tr("no key is known for %s yet: import one of its signed files, or its key file (tiendo trust FILE)"),
			     unit);
	} else {
		char fp[SIGN_FINGERPRINT_BUF];
		if (k.pending) {
			sign_fingerprint(k.pk, fp);
			*was = xstrdup(fp);
			*file = xstrdup(k.pending_file);
		}
		sign_fingerprint(k.pending ? k.pending_pk : k.pk, fingerprint);
		if (db_begin(db, e) || keystore_confirm(db, id, e) || db_commit(db, e)) {
			db_rollback(db);
			rc = -1;
		}
	}
	unit_key_free(&k);
	return rc;
}
