/* SPDX-License-Identifier: MIT */
/* Signed exchange files (docs/exchange.md, "Signatures"): a plan package or
 * a report of format version 2 carries a signature row,
 *     signature,ed25519,PUBLIC-KEY,SIGNATURE
 * an Ed25519 signature (hex) over a BLAKE2b digest of the same values the
 * report's checksum covers: every row but the format, end and signature
 * rows, comments and blank rows, as values (trailing empty fields dropped,
 * CRLF read as LF, the Excel flavour's protection undone), so a file a
 * spreadsheet re-saved still verifies. A plan package may also carry key
 * rows, key,UNIT,PUBLIC-KEY: the keys its issuer has confirmed. */
#ifndef TIENDO_SIGNFILE_H
#define TIENDO_SIGNFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sign.h"
#include "util.h"

#define SIGNFILE_FORMAT 2 /* the format version that carries signatures */

struct signfile_key {
	char *unit;
	uint8_t pk[SIGN_PUBLIC_BYTES];
};

struct signfile {
	bool is_signed; /* a signature row is present */
	bool valid;     /* and it matches the content */
	int line;       /* of the signature row */
	uint8_t pk[SIGN_PUBLIC_BYTES];
	struct signfile_key *keys; /* key rows */
	size_t n_keys;
};
void signfile_free(struct signfile *s);

/* Read the signature of a decoded exchange file (UTF-8 text). A file that
 * is no CSV at all reads as unsigned (its own parser says what is wrong).
 * -1 with "name:line: why" in e for a malformed signature or key row. */
int signfile_read(const char *text, size_t len, const char *name, struct signfile *out,
		  struct err *e);

/* signfile_read within another reader's pass over the file's rows (the
 * report's, report_read.c): each row as csvio_parse_rows gives it, in order
 * and unchanged, then signfile_reader_whole if every row of the text was
 * given, then signfile_reader_finish, which returns what signfile_read
 * would (reading text itself when the rows were not all seen) and frees sr. */
struct csv_row;
struct signfile_reader;
/* text[0..len) is the whole text the rows come from: without a signature
 * row anywhere in it, the digest is not computed. */
struct signfile_reader *signfile_reader_new(const char *name, const char *text, size_t len);
void signfile_reader_row(struct signfile_reader *sr, const struct csv_row *row);
void signfile_reader_whole(struct signfile_reader *sr);
int signfile_reader_finish(struct signfile_reader *sr, const char *text, size_t len,
			   struct signfile *out, struct err *e);

/* One row's values into a digest, as signfile_read reads them (for a
 * writer that signs as it writes, as report_export does). */
void signfile_hash_row(struct sign_hash *h, const char *const *f, size_t n);
/* The signature row for a digest (its fields written by the caller):
 * pk_hex (SIGN_PUBLIC_HEX) and sig_hex (SIGN_HEX). */
void signfile_signature(struct sign_hash *h, const uint8_t sk[SIGN_SECRET_BYTES], char *pk_hex,
			char *sig_hex);

/* Sign the exchange file just written into b (by report_write or
 * planfile_write): the signature row goes before a report's end row, or
 * last in a plan package. */
void signfile_sign(struct strbuf *b, const uint8_t sk[SIGN_SECRET_BYTES]);

#endif
