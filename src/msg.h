/* SPDX-License-Identifier: MIT */
/* The message catalog: user-facing text in Vietnamese (default) or English. */
#ifndef TIENDO_MSG_H
#define TIENDO_MSG_H

#include <stdio.h>

enum lang { LANG_VI, LANG_EN, LANG_COUNT };

/* Choose the language from TIENDO_LANG, then LANGUAGE, LC_ALL, LC_MESSAGES,
 * LANG: English when the first one set starts with "en", else Vietnamese. */
void msg_init(void);
void msg_set_lang(enum lang l);
enum lang msg_lang(void);

/* Translate an English message (the key) into the current language. The
 * format_arg attribute lets the compiler check printf arguments against the
 * English original; tests check that each translation keeps its conversions. */
const char *tr(const char *en) __attribute__((format_arg(1)));

/* The English singular one when n is 1, else the plural many, translated
 * (Vietnamese has one form: the catalog gives both the same text). Write
 * both with N_() so that tests/cli/catalog.sh finds them. */
const char *trn(const char *one, const char *many, unsigned long long n)
	__attribute__((format_arg(1))) __attribute__((format_arg(2)));

/* Mark a string for the catalog without translating it here (it is passed
 * through tr() later). */
#define N_(s) (s)

/* Print the catalog, one "english TAB vietnamese" line per message, C-escaped. */
void msg_dump(FILE *f);

/* A system error (errno) in the user's language: the common ones through the
 * catalog, the rest as the C library words them. */
const char *tr_errno(int err);

#endif
