/* SPDX-License-Identifier: MIT */
/* Vietnamese text in VIQR (RFC 1456) for terminals without UTF-8: the tones
 * and vowel marks stay readable in ASCII ("Đã hoàn thành" -> "DDa~ hoa`n
 * tha`nh"), so a clerk typing in ASCII mode can check what was typed. */
#ifndef TIENDO_VIQR_H
#define TIENDO_VIQR_H

#include <stdbool.h>
#include <stddef.h>

/* s (UTF-8, NFC) in VIQR: base letter, then the vowel mark (^ ( +), then the
 * tone (' ` ? ~ .); đ is dd, Đ DD; a literal mark sign after a vowel is
 * escaped with a backslash ("có." -> "co'\."), unless s is all ASCII (a
 * path or a code stays as typed: "baocao.csv"). Other characters outside
 * ASCII as text_ascii writes them. New string. When map is not NULL, *map
 * gets a new array of strlen(s) + 1 offsets: where each byte offset of s
 * lands in the result (the start of the character's VIQR). */
char *text_viqr(const char *s, size_t **map);

/* What a text being edited shows: the text itself, or its VIQR, with the
 * cursor's place in it (a form's field in ASCII mode). */
struct fview {
	const char *s; /* the text shown */
	size_t cur;    /* the cursor's byte offset in s */
	char *own;     /* the VIQR text, NULL when s is the text itself */
	size_t *map;   /* text byte offset -> offset in own */
};
void fview_init(struct fview *v, const char *text, size_t cur, bool viqr);
/* The byte offset in text of the character shown at offset off of v->s. */
size_t fview_back(const struct fview *v, const char *text, size_t off);
void fview_free(struct fview *v);

#endif
