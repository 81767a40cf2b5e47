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
void signfile_hash_row(struct sign_hash *h, const char *const *f, size_t n)
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

/* Reading an exchange file row by row (csvio_parse_rows): the digest of
 * its values, its signature row and its key rows, without keeping rows. */
struct reading {
	const char *name;
	bool started, excel, bad_key, bad_sig;
	int second_sig; /* the line of a second signature row, or 0 */
	bool no_digest; /* the text has no signature row: the digest is not made */
	struct sign_hash h;
	int sig_line, key_line;
	char sig_pk[SIGN_PUBLIC_HEX + 1], sig[SIGN_HEX + 1];
	size_t sig_used;
	struct signfile *out; /* key rows go here (NULL: not wanted) */
	size_t cap;
};

static size_t used(const struct csv_row *r)
{
	size_t n = r->n;
	while (n > 0 && !r->f[n - 1][0])
		n--;
	return n;
}

static void on_values(struct reading *rd, const struct csv_row *r);

/* One row; the row is not changed (another reader may share the pass:
 * the Excel flavour's protection is undone on copies). */
static int on_row(void *arg, const struct csv_row *r)
{
	struct reading *rd = arg;
	if (row_skipped(r))
		return 0;
	if (!rd->started) {
		if (r->n < 2 || strcmp(r->f[0], "format") != 0)
			return 1; /* not an exchange file: unsigned */
		rd->started = true;
		rd->excel = r->n > 3 && strcmp(r->f[3], "excel") == 0;
		sign_hash_init(&rd->h, r->f[1]);
		return 0;
	}
	size_t k = 1;
	if (rd->excel)
		while (k < r->n && r->f[k][0] != '\'')
			k++;
	if (k >= r->n) { /* nothing protected: the row as it is */
		on_values(rd, r);
		return 0;
	}
	char **f = xmalloc(r->n * sizeof *f);
	for (size_t j = 0; j < r->n; j++) {
		f[j] = j >= k && r->f[j][0] == '\'' ? xstrdup(r->f[j]) : r->f[j];
		if (f[j] != r->f[j])
			csvio_unneutralise(f[j]);
	}
	struct csv_row v = {f, r->n, r->line};
	on_values(rd, &v);
	for (size_t j = k; j < r->n; j++)
		if (f[j] != r->f[j])
			free(f[j]);
	free(f);
	return 0;
}

/* A row after the format row, its values as they were written. */
static void on_values(struct reading *rd, const struct csv_row *r)
{
	if (strcmp(r->f[0], "signature") == 0) {
		if (!rd->sig_line) {
			rd->sig_line = r->line;
			rd->sig_used = used(r);
			rd->bad_sig = rd->sig_used != 4 || strcmp(r->f[1], "ed25519") != 0 ||
				      strlen(r->f[2]) != SIGN_PUBLIC_HEX - 1 || strlen(r->f[3]) != SIGN_HEX - 1;
			if (!rd->bad_sig) {
				memcpy(rd->sig_pk, r->f[2], SIGN_PUBLIC_HEX);
				memcpy(rd->sig, r->f[3], SIGN_HEX);
			}
		} else if (!rd->second_sig) {
			rd->second_sig = r->line;
		}
		return;
	}
	if (strcmp(r->f[0], "end") == 0 || strcmp(r->f[0], "format") == 0)
		return;
	if (strcmp(r->f[0], "key") == 0 && rd->out && !rd->bad_key) {
		uint8_t pk[SIGN_PUBLIC_BYTES];
		if (used(r) != 3 || !code_valid(r->f[1]) || !sign_from_hex(r->f[2], pk, sizeof pk)) {
			rd->bad_key = true;
			rd->key_line = r->line;
		} else {
			struct signfile *o = rd->out;
			xgrow((void **)&o->keys, &rd->cap, o->n_keys + 1, sizeof *o->keys);
			o->keys[o->n_keys].unit = xstrdup(r->f[1]);
			memcpy(o->keys[o->n_keys].pk, pk, sizeof pk);
			o->n_keys++;
		}
	}
	if (!rd->no_digest)
		signfile_hash_row(&rd->h, (const char *const *)r->f, r->n);
}

/* Read text row by row; false when it is no CSV or no exchange file. */
static bool read_rows(const char *text, size_t len, struct reading *rd, uint8_t d[SIGN_DIGEST_BYTES])
{
	struct err pe;
	if (csvio_parse_rows(text, len, rd->name, 0, NULL, on_row, rd, NULL, NULL, &pe) ||
	    !rd->started)
		return false;
	sign_hash_final(&rd->h, d);
	return true;
}

/* What the rows read (into rd, digest d) say about the signature. */
static int conclude(const struct reading *rd, const uint8_t d[SIGN_DIGEST_BYTES], struct signfile *out,
		    struct err *e)
{
	const char *name = rd->name;
	uint8_t sig[SIGN_BYTES];
	if (rd->bad_key) {
		signfile_free(out);
		return err_set(e, tr("%s:%d: a key row must be key,UNIT,PUBLIC-KEY (64 hex digits)"),
			       name, rd->key_line);
	}
	if (!rd->sig_line)
		return 0;
	if (rd->second_sig) {
		signfile_free(out);
		return err_set(e, tr("%s:%d: a second signature row (the file's is on line %d): a file carries one signature; ask for it again"),
			       name, rd->second_sig, rd->sig_line);
	}
	out->is_signed = true;
	out->line = rd->sig_line;
	if (rd->bad_sig || !sign_from_hex(rd->sig_pk, out->pk, sizeof out->pk) ||
	    !sign_from_hex(rd->sig, sig, sizeof sig)) {
		int line = rd->sig_line;
		signfile_free(out);
		return err_set(e, tr("%s:%d: the signature row must be signature,ed25519,PUBLIC-KEY,SIGNATURE (hex)"),
			       name, line);
	}
	out->valid = sign_verify(sig, d, out->pk);
	return 0;
}

int signfile_read(const char *text, size_t len, const char *name, struct signfile *out,
		  struct err *e)
{
	uint8_t d[SIGN_DIGEST_BYTES];
	struct reading rd = {.name = name, .out = out};
	memset(out, 0, sizeof *out);
	if (!read_rows(text, len, &rd, d)) {
		signfile_free(out);
		return 0; /* its own parser says what is wrong */
	}
	return conclude(&rd, d, out, e);
}

struct signfile_reader {
	struct reading rd;
	struct signfile sf;
	bool stopped, whole;
};

/* Does text[0..len) hold the bytes of w? (memmem is not C11.) */
static bool has_bytes(const char *text, size_t len, const char *w)
{
	size_t k = strlen(w);
	for (const char *p = text, *end = text + len; (size_t)(end - p) >= k;) {
		p = memchr(p, w[0], (size_t)(end - p) - k + 1);
		if (!p)
			return false;
		if (memcmp(p, w, k) == 0)
			return true;
		p++;
	}
	return false;
}

struct signfile_reader *signfile_reader_new(const char *name, const char *text, size_t len)
{
	struct signfile_reader *sr = xcalloc(1, sizeof *sr);
	sr->rd.name = name;
	sr->rd.out = &sr->sf;
	/* No "signature" anywhere, no signature row: its digest would not be used. */
	sr->rd.no_digest = !has_bytes(text, len, "signature");
	return sr;
}

void signfile_reader_row(struct signfile_reader *sr, const struct csv_row *row)
{
	if (!sr->stopped && on_row(&sr->rd, row))
		sr->stopped = true; /* not an exchange file */
}

void signfile_reader_whole(struct signfile_reader *sr)
{
	sr->whole = true;
}

int signfile_reader_finish(struct signfile_reader *sr, const char *text, size_t len,
			   struct signfile *out, struct err *e)
{
	int rc;
	memset(out, 0, sizeof *out);
	if (!sr->whole) { /* the rows were not all seen: read them here */
		signfile_free(&sr->sf);
		rc = signfile_read(text, len, sr->rd.name, out, e);
	} else if (!sr->rd.started) {
		signfile_free(&sr->sf);
		rc = 0; /* not an exchange file: unsigned */
	} else {
		uint8_t d[SIGN_DIGEST_BYTES];
		sign_hash_final(&sr->rd.h, d);
		*out = sr->sf; /* the key rows */
		rc = conclude(&sr->rd, d, out, e);
	}
	free(sr);
	return rc;
}

void signfile_sign(struct strbuf *b, const uint8_t sk[SIGN_SECRET_BYTES])
{
	uint8_t d[SIGN_DIGEST_BYTES], sig[SIGN_BYTES], pk[SIGN_PUBLIC_BYTES];
	struct reading rd = {.name = "-"};
	if (!read_rows(b->s, b->len, &rd, d) || rd.sig_line)
		return;
	bool excel = rd.excel;
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

void signfile_signature(struct sign_hash *h, const uint8_t sk[SIGN_SECRET_BYTES], char *pk_hex,
			char *sig_hex)
{
	uint8_t d[SIGN_DIGEST_BYTES], sig[SIGN_BYTES], pk[SIGN_PUBLIC_BYTES];
	sign_hash_final(h, d);
	sign_detached(sig, d, sk);
	sign_public_of(sk, pk);
	sign_to_hex(pk, sizeof pk, pk_hex);
	sign_to_hex(sig, sizeof sig, sig_hex);
}
