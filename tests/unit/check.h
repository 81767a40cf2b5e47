/* SPDX-License-Identifier: MIT */
/* A tiny TAP-style check library for the C unit tests: one line per check. */
#ifndef TIENDO_CHECK_H
#define TIENDO_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_failed, check_count;

#define CHECK(cond, name)                                                              \
	do {                                                                           \
		check_count++;                                                         \
		if (cond) {                                                            \
			printf("ok - %s\n", name);                                     \
		} else {                                                               \
			check_failed++;                                                \
			printf("not ok - %s\n#   %s:%d: %s\n", name, __FILE__, __LINE__, #cond); \
		}                                                                      \
	} while (0)

#define CHECK_STR(got, want, name)                                                     \
	do {                                                                           \
		const char *g_ = (got), *w_ = (want);                                  \
		check_count++;                                                         \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                 \
			printf("ok - %s\n", name);                                     \
		} else {                                                               \
			check_failed++;                                                \
			printf("not ok - %s\n#   %s:%d: got \"%s\", want \"%s\"\n", name, \
			       __FILE__, __LINE__, g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
		}                                                                      \
	} while (0)

#define CHECK_INT(got, want, name)                                                     \
	do {                                                                           \
		long long g_ = (long long)(got), w_ = (long long)(want);               \
		check_count++;                                                         \
		if (g_ == w_) {                                                        \
			printf("ok - %s\n", name);                                     \
		} else {                                                               \
			check_failed++;                                                \
			printf("not ok - %s\n#   %s:%d: got %lld, want %lld\n", name,      \
			       __FILE__, __LINE__, g_, w_);                            \
		}                                                                      \
	} while (0)

#if defined(_WIN32)
/* mingw-w64 has no mkdtemp (the tests cross-built for tests/windows/unit.sh) */
#include <direct.h>
#include <io.h>
static inline char *check_mkdtemp(char *t)
{
	return _mktemp(t) && _mkdir(t) == 0 ? t : NULL;
}
#else
#define check_mkdtemp mkdtemp
#endif

/* Make a fresh scratch folder $TMPDIR/tiendo-unit.XXXXXX (/tmp without
 * $TMPDIR) into dir; false when it cannot be made. */
static inline int check_tmpdir(char *dir, size_t size)
{
	const char *t = getenv("TMPDIR");
	int n = snprintf(dir, size, "%s/tiendo-unit.XXXXXX", t && *t ? t : "/tmp");
	return n > 0 && (size_t)n < size && check_mkdtemp(dir) != NULL;
}

/* Remove the scratch folder dir and everything in it. */
static inline void check_rmdir(const char *dir)
{
	char cmd[4200];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		printf("#   could not remove %s\n", dir);
}

static inline int check_done(void)
{
	return check_failed ? 1 : 0;
}

#endif
