/* SPDX-License-Identifier: MIT */
/* Text encodings of imported files: UTF-8, or legacy Vietnamese cp1258, TCVN3 and VNI. */
#ifndef TIENDO_ENCODING_H
#define TIENDO_ENCODING_H

#include <stdbool.h>
#include <stddef.h>

/* The encodings below ENC_COUNT are the ones guessed from the bytes (UTF-8
 * and the legacy ones); UTF-16 is never guessed, only recognised by its BOM
 * (Excel's "Unicode Text" save), so it lies beyond. */
enum text_encoding {
	ENC_UTF8, ENC_CP1258, ENC_TCVN3, ENC_VNI, ENC_COUNT,
	ENC_UTF16LE = ENC_COUNT + 1, ENC_UTF16BE,
	ENC_XLSX /* not a text encoding: a workbook's first sheet (xlsxread.c) */
};

/* Does buf start with a UTF-16 byte order mark (FF FE or FE FF)? */
bool encoding_is_utf16(const char *buf, size_t n);

/* "UTF-8", "cp1258", "TCVN3", "VNI", "UTF-16LE", "UTF-16BE" (for messages;
 * "?" when e is out of range). */
const char *encoding_name(enum text_encoding e);

/* Decode a whole file's bytes to NFC UTF-8. UTF-16 with a BOM (LE or BE)
 * is converted; valid UTF-8 (a BOM is kept as it is) is taken as UTF-8; otherwise the legacy decodings are tried and the
 * one that yields clearly the most valid Vietnamese syllables wins. Returns a
 * new NUL-terminated string (its length in *out_len) and the encoding used in
 * *enc, or NULL with *why set to an untranslated reason (N_()). out_len and
 * enc may be NULL. */
char *encoding_decode(const char *buf, size_t n, size_t *out_len, enum text_encoding *enc,
		      const char **why);

/* Encode NFC UTF-8 to e (for tests and export). Returns a new NUL-terminated
 * string and its length in *out_len (may be NULL), or NULL when s is not valid
 * UTF-8 or holds a character e cannot encode. */
char *encoding_encode(const char *utf8, enum text_encoding e, size_t *out_len);

/* Is word (NFC UTF-8, n bytes, letters only) a well-formed Vietnamese
 * syllable: initial consonant, rhyme, and a tone the rhyme allows? Case must
 * be lower, upper, or capitalised. Exposed for tests and other importers. */
bool encoding_is_syllable(const char *word, size_t n);

/* What a file that is not CSV text most likely is, said so that the clerk
 * knows how to save it again ("saved by Excel as Unicode Text (UTF-16); save
 * it as CSV UTF-8"); NULL when it looks like text. */
const char *encoding_saved_as(const char *buf, size_t n);

#endif
