/* SPDX-License-Identifier: MIT */
/* Signing and verifying exchange files as values (see signfile.h). */
#include "signfile.h"

#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "msg.h"
#include "plan.h"

void signfile_free(struct signfile *s)
{
	for (size_t i = 0; i < s->n_keys; i++)
		free(s->keys[i].unit);
	free(s->keys);
	memset(s, 0, sizeof *s);
}

static bool row_skipped(const struct csv_row *r)
{
	if (r->n == 0 || r->f[0][0] == '#')
		return true;
	for (size_t j = 0; j < r->n; j++)
		if (r->f[j][0])
			return false;
	return true;
}

/* One row's values into the digest, as report.c's checksum reads them. */
static void hash_row(struct sign_hash *h, char *const *f, size_t n)
{
	while (n > 0 && !f[n - 1][0])
		n--;
	static const char us = 0x1f, rs = 0x1e, lf = '\n';
	for (size_t i = 0; i < n; i++) {
		if (i)
			sign_hash_update(h, &us, 1);
		const char *p = f[i], *run = p;
		for (; *p; p++)
			if (*p == '\r') {
				sign_hash_update(h, run, (size_t)(p - run));
				sign_hash_update(h, &lf, 1);
				if (p[1] == '\n')
					p++;
				run = p + 1;
			}
		sign_hash_update(h, run, (size_t)(p - run));
	}
	sign_hash_update(h, &rs, 1);
}

/* The digest of a parsed exchange file, and where its signature row is.
 * Returns the index of the format row, or -1 when there is none. */
static long digest_table(struct csv_table *t, uint8_t out[SIGN_DIGEST_BYTES], long *sig_row)
{
	long first = -1;
	*sig_row = -1;
	for (size_t i = 0; i < t->n && first < 0; i++)
		if (!row_skipped(&t->rows[i]))
			first = (long)i;
	if (first < 0 || t->rows[first].n < 2 || strcmp(t->rows[first].f[0], "format") != 0)
		return -1;
	struct csv_row *fr = &t->rows[first];
	bool excel = fr->n > 3 && strcmp(fr->f[3], "excel") == 0;
	struct sign_hash h;
	sign_hash_init(&h, fr->f[1]);
	for (size_t i = (size_t)first + 1; i < t->n; i++) {
		struct csv_row *r = &t->rows[i];
		if (row_skipped(r))
			continue;
		if (excel)
			for (size_t j = 1; j < r->n; j++)
				csvio_unneutralise(r->f[j]);
		if (strcmp(r->f[0], "signature") == 0) {
			if (*sig_row < 0)
				*sig_row = (long)i;
			continue;
		}
		if (strcmp(r->f[0], "end") == 0 || strcmp(r->f[0], "format") == 0)
			continue;
		hash_row(&h, r->f, r->n);
	}
	sign_hash_final(&h, out);
	return first;
}

static size_t used(const struct csv_row *r)
{
	size_t n = r->n;
	while (n > 0 && !r->f[n - 1][0])
		n--;
	return n;
}

int signfile_read(const char *text, size_t len, const char *name, struct signfile *out,
		  struct err *e)
{
	struct csv_table t;
	struct err pe;
	uint8_t d[SIGN_DIGEST_BYTES], sig[SIGN_BYTES];
	long sig_row;
	memset(out, 0, sizeof *out);
	if (csvio_parse(text, len, name, 0, NULL, &t, &pe))
		return 0;
	int rc = 0;
	if (digest_table(&t, d, &sig_row) < 0)
		goto out;
	size_t cap = 0;
	for (size_t i = 0; i < t.n; i++) {
		struct csv_row *r = &t.rows[i];
		if (r->n == 0 || strcmp(r->f[0], "key") != 0)
			continue;
		xgrow((void **)&out->keys, &cap, out->n_keys + 1, sizeof *out->keys);
		struct signfile_key *k = &out->keys[out->n_keys];
		if (used(r) != 3 || !code_valid(r->f[1]) || !sign_from_hex(r->f[2], k->pk, sizeof k->pk)) {
			rc = err_set(e, tr("%s:%d: a key row must be key,UNIT,PUBLIC-KEY (64 hex digits)"),
				     name, r->line);
			goto out;
		}
		k->unit = xstrdup(r->f[1]);
		out->n_keys++;
	}
	if (sig_row < 0)
		goto out;
	struct csv_row *s = &t.rows[sig_row];
	out->is_signed = true;
	out->line = s->line;
	if (used(s) != 4 || strcmp(s->f[1], "ed25519") != 0 ||
	    !sign_from_hex(s->f[2], out->pk, sizeof out->pk) ||
	    !sign_from_hex(s->f[3], sig, sizeof sig)) {
		rc = err_set(e, tr("%s:%d: the signature row must be signature,ed25519,PUBLIC-KEY,SIGNATURE (hex)"),
			     name, s->line);
		goto out;
	}
	out->valid = sign_verify(sig, d, out->pk);
out:
	csvio_table_free(&t);
	if (rc)
		signfile_free(out);
	return rc;
}

void signfile_sign(struct strbuf *b, const uint8_t sk[SIGN_SECRET_BYTES])
{
	struct csv_table t;
	struct err e;
	uint8_t d[SIGN_DIGEST_BYTES], sig[SIGN_BYTES], pk[SIGN_PUBLIC_BYTES];
	long sig_row;
	if (csvio_parse(b->s, b->len, "-", 0, NULL, &t, &e))
		return;
	long first = digest_table(&t, d, &sig_row);
	bool excel = first >= 0 && t.rows[first].n > 3 && strcmp(t.rows[first].f[3], "excel") == 0;
	csvio_table_free(&t);
	if (first < 0 || sig_row >= 0)
		return;
	sign_detached(sig, d, sk);
	sign_public_of(sk, pk);
	char pkh[SIGN_PUBLIC_HEX], sigh[SIGN_HEX];
	sign_to_hex(pk, sizeof pk, pkh);
	sign_to_hex(sig, sizeof sig, sigh);
	struct strbuf row = {0};
	const char *f[] = {"signature", "ed25519", pkh, sigh};
	csvio_write_row(&row, f, 4, excel ? CSVW_EXCEL : 0);
	/* Before a report's end row (the last line), else at the end. */
	size_t at = b->len;
	if (at > 0) {
		size_t k = at - 1; /* the last line's final newline */
		while (k > 0 && b->s[k - 1] != '\n')
			k--;
		if (strncmp(b->s + k, "end,", 4) == 0)
			at = k;
	}
	struct strbuf out = {0};
	sb_addn(&out, b->s, at);
	sb_addn(&out, row.s, row.len);
	sb_addn(&out, b->s + at, b->len - at);
	sb_free(&row);
	sb_free(b);
	*b = out;
}
