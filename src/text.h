/* SPDX-License-Identifier: MIT */
/* Vietnamese text: UTF-8 validation, NFC, search folding, ASCII rendering (wraps utf8proc). */
#ifndef TIENDO_TEXT_H
#define TIENDO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Is s[0..n) valid UTF-8 without NUL bytes? */
bool text_valid_utf8(const char *s, size_t n);

enum text_flags {
	TEXT_MULTILINE = 1, /* keep line breaks (CRLF and CR become LF) */
};

/* Check and canonicalise text that enters the program: valid UTF-8, no
 * control characters (but tab, and line breaks with TEXT_MULTILINE), NFC.
 * Returns a new string, or NULL with *why set to an untranslated reason. */
char *text_clean(const char *s, unsigned flags, const char **why);
/* text_clean for a field of a text already proven valid UTF-8 in NFC (a
 * file as encoding_decode returns it: a piece cut at ASCII characters such
 * as CSV's delimiters stays NFC): the same refusals and the same result,
 * in place (line breaks become LF), without copying or re-checking. */
bool text_clean_proven(char *s, unsigned flags, const char **why);

/* Outside text made safe for a terminal: C0 controls (but line breaks and
 * tabs unless one_line), DEL, C1 controls, bidirectional overrides and
 * isolates, and bytes that are not UTF-8 are shown visibly as \xHH or
 * \uHHHH, so a file name or a text can never move the cursor, clear the
 * screen, set a window title or reorder a line. New string. */
char *text_visible(const char *s, bool one_line);
/* Does valid UTF-8 s[0..n) hold a C1 control or a bidirectional override or
 * isolate (U+202A..U+202E, U+2066..U+2069)? */
bool text_has_hidden_controls(const char *s, size_t n);
/* Is s nothing but white space (spaces, tabs, line breaks, no-break and
 * other Unicode spaces), or empty? Such a text says nothing: it is taken
 * as empty where a text is entered. */
bool text_blank(const char *s);

/* text_valid_utf8 and, in the same pass, *nfc: true when s is certainly
 * in NFC already (nearly all Vietnamese text; false: ask text_nfc). */
bool text_valid_utf8_nfc(const char *s, size_t n, bool *nfc);
/* NFC of valid UTF-8 s[0..n) (no NUL inside). New string. */
char *text_nfc(const char *s, size_t n);
/* Replace, in place, every byte of s that is not part of valid UTF-8 by
 * '?' (for messages that quote a clipped piece of bad input). */
void text_repair_utf8(char *s);

/* The search key of s: NFC, lower case, marks stripped, đ→d. New string. */
char *text_fold(const char *s);

/* Does the folded haystack contain the fold of needle? */
bool text_match(const char *folded_haystack, const char *folded_needle);

/* s without diacritics (đ→d, Đ→D), case kept; for terminals without UTF-8. */
char *text_ascii(const char *s);

/* s in capitals (Vietnamese letters too: "Sở" -> "SỞ"), NFC. New string. */
char *text_upper(const char *s);

#endif
