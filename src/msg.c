/* SPDX-License-Identifier: MIT */
/* The message catalog: user-facing text in Vietnamese (default) or English.
 *
 * English strings are the keys, as with gettext: code reads
 * tr() with an English format and the compiler checks the arguments. The Vietnamese
 * text lives in catalog-vi.def; a message missing there is shown in English
 * (tests/cli/catalog.sh fails the build's tests when one is missing). */
#include "msg.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "compat.h"

struct msg_entry {
	const char *en, *vi;
};

static const struct msg_entry catalog[] = {
#define M(en, vi) {en, vi},
#include "catalog-vi.def"
#include "catalog-vi-exchange.def"
#include "catalog-vi-clerk.def"
#include "catalog-vi-trust.def"
#include "catalog-vi-import.def"
#include "catalog-vi-deliver.def"
#include "catalog-vi-show.def"
#include "catalog-vi-dates.def"
#undef M
};

static enum lang cur = LANG_VI;
static const struct msg_entry **sorted;

static int cmp_entry(const void *a, const void *b)
{
	const struct msg_entry *x = *(const struct msg_entry *const *)a;
	const struct msg_entry *y = *(const struct msg_entry *const *)b;
	return strcmp(x->en, y->en);
}

static void build_index(void)
{
	size_t n = sizeof catalog / sizeof catalog[0];
	sorted = malloc(n * sizeof *sorted);
	if (!sorted)
		return;
	for (size_t i = 0; i < n; i++)
		sorted[i] = &catalog[i];
	qsort(sorted, n, sizeof *sorted, cmp_entry);
}

void msg_init(void)
{
	static const char *const vars[] = {"TIENDO_LANG", "LANGUAGE", "LC_ALL",
					   "LC_MESSAGES", "LANG"};
	cur = LANG_VI;
	for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		const char *v = getenv(vars[i]);
		if (v && *v) {
			if (strncmp(v, "en", 2) == 0)
				cur = LANG_EN;
			else if (strncmp(v, "vi", 2) == 0)
				cur = LANG_VI;
			else
				continue; /* C, POSIX, C.UTF-8: keep looking */
			break;
		}
	}
}

void msg_set_lang(enum lang l)
{
	cur = l;
}

enum lang msg_lang(void)
{
	return cur;
}

const char *trn(const char *one, const char *many, unsigned long long n)
{
	return tr(n == 1 ? one : many);
}

const char *tr(const char *en)
{
	if (cur == LANG_EN)
		return en;
	if (!sorted)
		build_index();
	if (!sorted)
		return en;
	struct msg_entry key = {en, NULL};
	const struct msg_entry *kp = &key;
	const struct msg_entry **hit = bsearch(&kp, sorted, sizeof catalog / sizeof catalog[0],
					   sizeof *sorted, cmp_entry);
	return hit ? (*hit)->vi : en;
}

static void put_escaped(FILE *f, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\n': fputs("\\n", f); break;
		case '\t': fputs("\\t", f); break;
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		default: fputc(*s, f);
		}
	}
}

void msg_dump(FILE *f)
{
	for (size_t i = 0; i < sizeof catalog / sizeof catalog[0]; i++) {
		put_escaped(f, catalog[i].en);
		fputc('\t', f);
		put_escaped(f, catalog[i].vi);
		fputc('\n', f);
	}
}

const char *tr_errno(int err)
{
	switch (err) {
	case ENOENT: return tr("No such file or directory");
	case EACCES: return tr("Permission denied");
	case ENOSPC: return tr("No space left on device");
	case EISDIR: return tr("Is a directory");
	case ENOTDIR: return tr("Not a directory");
	case EEXIST: return tr("File exists");
	case EROFS: return tr("Read-only file system");
	case EIO: return tr("Input/output error");
	case EFBIG: return tr("File too large");
	case EDQUOT: return tr("Disk quota exceeded");
	default: return strerror(err);
	}
}
