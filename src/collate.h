/* SPDX-License-Identifier: MIT */
/* Vietnamese dictionary order for names and titles, built in so it never depends on the locale. */
#ifndef TIENDO_COLLATE_H
#define TIENDO_COLLATE_H

#include <stddef.h>

/* Compare two NFC UTF-8 strings in Vietnamese dictionary order: letters
 * a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z)
 * first, ignoring tones and case; then the tone of each word, in the order
 * none, huyền, hỏi, ngã, sắc, nặng; then case (lower before upper); then the
 * bytes, so that only equal strings compare equal. Runs of digits compare as
 * numbers ("Xã 2" < "Xã 10"); spaces sort before punctuation, punctuation
 * before digits, digits before letters. Returns <0, 0 or >0 like strcmp. */
int collate_vi(const char *a, const char *b);

/* A key such that strcmp(collate_key(a), collate_key(b)) orders like
 * collate_vi(a, b) (for SQL ORDER BY, or qsort of many items). New string. */
char *collate_key(const char *s);

/* The indexes 0..n-1 ordered by collate_vi of texts[i]; equal texts keep
 * their index order. New array of n (at least one) elements. */
size_t *collate_order(const char *const *texts, size_t n);

#endif
