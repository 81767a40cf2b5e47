/* SPDX-License-Identifier: MIT */
/* Temporary files of atomic writes (see tempfiles.h). */
#include "tempfiles.h"

#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#ifndef _WIN32
_Static_assert(sizeof(sigset_t) <= sizeof(((struct tempfiles_hold *)0)->mask), "sigset_t too large");
#endif

void tempfiles_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	const char *base = path + dir_len;
	char *dir = dir_len ? xstrndup(path, dir_len) : xstrdup("./");
	DIR *d = opendir(dir);
	if (!d) {
		free(dir);
		return;
	}
	size_t bl = strlen(base);
	time_t now = time(NULL);
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *n = de->d_name;
		/* ".BASE.XXXXXX": what write_file_atomic's mkstemp makes. */
		if (n[0] != '.' || strncmp(n + 1, base, bl) != 0 || n[1 + bl] != '.' ||
		    strlen(n + 2 + bl) != 6)
			continue;
		struct strbuf p = {0};
		sb_addf(&p, "%s%s", dir, n);
		struct stat st;
		if (stat(p.s, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > TEMPFILES_STALE)
			unlink(p.s);
		sb_free(&p);
	}
	closedir(d);
	free(dir);
}

#ifdef _WIN32
/* Windows has no signal masks: a console Ctrl-C ends the program (the
 * sweep on the next run removes what it left). */
void tempfiles_hold(struct tempfiles_hold *h)
{
	h->held = 0;
}

void tempfiles_release(struct tempfiles_hold *h)
{
	h->held = 0;
}
#else
void tempfiles_hold(struct tempfiles_hold *h)
{
	sigset_t block, old;
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigaddset(&block, SIGHUP);
	h->held = sigprocmask(SIG_BLOCK, &block, &old) == 0;
	memcpy(h->mask, &old, sizeof old);
}

void tempfiles_release(struct tempfiles_hold *h)
{
	if (h->held)
		sigprocmask(SIG_SETMASK, (const sigset_t *)(const void *)h->mask, NULL);
	h->held = 0;
}
#endif
