/* SPDX-License-Identifier: MIT */
/* Small shared helpers: checked allocation, growable strings and string lists, error records. */
#ifndef TIENDO_UTIL_H
#define TIENDO_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compat.h"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* An error message for the user, already translated. */
struct err {
	char msg[1024];
};

/* Set e's message from a (translated) format; the format is checked by
 * the caller through tr()'s format_arg attribute. Always returns -1. */
int err_set(struct err *e, const char *fmt, ...);
int err_setv(struct err *e, const char *fmt, va_list ap);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *p (holding *cap elements of size) so that it holds at least need. */
void xgrow(void **p, size_t *cap, size_t need, size_t size);

struct strbuf {
	char *s;
	size_t len, cap;
	/* Optional: called by writers of many rows (csvio_write_row) once len
	 * reaches SB_FLUSH_AT, to move the text on (to a file) and empty b. */
	void (*flush)(struct strbuf *b);
};
#define SB_FLUSH_AT (256u << 10)
void sb_add(struct strbuf *b, const char *s);
void sb_addn(struct strbuf *b, const char *s, size_t n);
void sb_addc(struct strbuf *b, char c);
void sb_addf(struct strbuf *b, const char *fmt, ...)
	TIENDO_PRINTF(2, 3);
/* Return the string (never NULL) and forget it. */
char *sb_take(struct strbuf *b);
void sb_free(struct strbuf *b);

struct strvec {
	char **v;
	size_t n, cap;
};
void sv_push(struct strvec *sv, const char *s);
void sv_free(struct strvec *sv);
/* Split s at runs of spaces into sv; returns the number of words. */
size_t sv_split_ws(struct strvec *sv, const char *s);
bool sv_contains(const struct strvec *sv, const char *s);

/* Parse a whole decimal integer within [lo, hi]. */
bool parse_int(const char *s, long long lo, long long hi, long long *out);
/* Parse a plain decimal number ("12", "12.5", "-3"). */
bool parse_num(const char *s, double *out);
/* Format a number without trailing zeros ("100", "12.5"). */
void fmt_num(char *buf, size_t n, double v);

/* Write code point cp as UTF-8 into buf (NUL-terminated); returns its length. */
size_t utf8_put(char buf[5], uint32_t cp);

/* Read a whole file into memory; *len receives its size. NULL on error (errno set). */
char *read_file(const char *path, size_t *len);

/* Write data to path atomically: a temporary file in the same folder,
 * fsync, rename over path, fsync the folder. -1 with errno on failure (then
 * path is untouched and no temporary file is left). */
int write_file_atomic(const char *path, const char *data, size_t n);
/* Write all n bytes of data to fd, again after a signal; -1 with errno on failure. */
int write_fd_all(int fd, const char *data, size_t n);
/* For files a library writes by name (a zip, a workbook): a new empty
 * temporary file beside path (NULL with errno on failure) to write to, then
 * file_commit() to fsync it and rename it over path (-1 with errno, and the
 * temporary file removed, on failure). */
char *file_temp_beside(const char *path);
int file_commit(const char *tmp, const char *path);
/* 64-bit FNV-1a over p[0..n), continuing from h (start with HASH_FNV_INIT).
 * Detects accidental change (truncation, re-encoding); not a cryptographic hash. */
#define HASH_FNV_INIT 0xcbf29ce484222325ULL
uint64_t hash_fnv1a(uint64_t h, const void *p, size_t n);
#endif
