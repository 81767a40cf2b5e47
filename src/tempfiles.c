/* SPDX-License-Identifier: MIT */
/* Temporary files of atomic writes (see tempfiles.h). */
#include "tempfiles.h"

#include <stdlib.h>
#include <string.h>

#include "compat.h"
#include "util.h"

struct sweep {
	const char *dir; /* with its separator, or "" */
	const char *base;
	size_t bl;
};

static void sweep_one(const char *n, void *arg)
{
	struct sweep *s = arg;
	/* ".BASE.XXXXXX": what write_file_atomic's mkstemp makes. */
	if (n[0] != '.' || strncmp(n + 1, s->base, s->bl) != 0 || n[1 + s->bl] != '.' ||
	    strlen(n + 2 + s->bl) != 6)
		return;
	struct strbuf p = {0};
	sb_addf(&p, "%s%s", s->dir, n);
	if (compat_file_age(p.s) > TEMPFILES_STALE)
		compat_unlink(p.s);
	sb_free(&p);
}

void tempfiles_sweep(const char *path)
{
	const char *sep = compat_last_sep(path);
	size_t dir_len = sep ? (size_t)(sep - path) + 1 : 0;
	char *dir = xstrndup(path, dir_len);
	struct sweep s = {dir, path + dir_len, strlen(path + dir_len)};
	compat_dir_each(dir_len ? dir : ".", sweep_one, &s);
	free(dir);
}

void tempfiles_hold(struct tempfiles_hold *h)
{
	h->held = compat_hold_stop_signals(h->mask, sizeof h->mask);
}

void tempfiles_release(struct tempfiles_hold *h)
{
	if (h->held)
		compat_release_stop_signals(h->mask);
	h->held = 0;
}
