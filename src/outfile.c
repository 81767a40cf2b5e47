/* SPDX-License-Identifier: MIT */
/* Writing an output file as it is produced (see outfile.h): big tables
 * (the consolidated table, a department's report) are never held whole. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void write_all(struct outfile *o, const char *s, size_t n)
{
	if (!o->err && write_fd_all(o->fd, s, n))
		o->err = errno;
}

static void flush(struct strbuf *b)
{
	struct outfile *o = (struct outfile *)b; /* b is o's first member */
	write_all(o, b->s, b->len);
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* A failed open leaves nothing to release; errno says why. */
static int open_failed(struct outfile *o)
{
	int saved = errno;
	free(o->path);
	o->path = NULL;
	errno = saved;
	return -1;
}

int outfile_open(struct outfile *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->b.flush = flush;
	o->fd = -1;
	o->path = xstrdup(path);
	if (strcmp(path, "-") == 0) {
		fflush(stdout);
		o->fd = STDOUT_FILENO;
		return 0;
	}
	/* A FIFO or a device is written to as it is: renaming a temporary
	 * file onto it would replace it with a regular file. */
	if (compat_path_special(path)) {
		o->fd = open(path, O_WRONLY);
		return o->fd < 0 ? open_failed(o) : 0;
	}
	/* A folder (even named "dir/", which the rename would call "not a
	 * directory") is not a file to write. */
	if (compat_path_kind(path) == 1) {
		errno = EISDIR;
		return open_failed(o);
	}
	/* A link is followed: the file it points to is replaced, not the link. */
	free(o->path);
	o->path = compat_link_target(path);
	path = o->path;
	size_t len = strlen(path);
	const char *slash = compat_last_sep(path);
	size_t dir_len = slash ? (size_t)(slash - path) + 1 : 0;
	o->tmp = xmalloc(len + 16);
	snprintf(o->tmp, len + 16, "%.*s.%s.XXXXXX", (int)dir_len, path, path + dir_len);
	/* No temporary file outlives a signal (held until commit or abort, a
	 * few seconds at most); those a killed run left are swept up here. */
	tempfiles_sweep(path);
	tempfiles_hold(&o->hold);
	o->fd = compat_mkstemp(o->tmp);
	if (o->fd < 0) {
		tempfiles_release(&o->hold);
		free(o->tmp);
		o->tmp = NULL;
		return open_failed(o);
	}
	return 0;
}

static void release(struct outfile *o)
{
	if (o->fd > STDOUT_FILENO)
		close(o->fd);
	o->fd = -1;
	free(o->path);
	free(o->tmp);
	sb_free(&o->b);
	o->path = o->tmp = NULL;
	tempfiles_release(&o->hold);
}

int outfile_commit(struct outfile *o)
{
	flush(&o->b);
	/* Exported files are read by others: the usual permissions, not mkstemp's 0600. */
	if (!o->err && o->tmp && (compat_fchmod_default(o->fd) || compat_fsync(o->fd)))
		o->err = errno;
	if (!o->err && o->fd > STDOUT_FILENO && close(o->fd) != 0)
		o->err = errno;
	if (o->fd > STDOUT_FILENO)
		o->fd = -1;
	if (!o->err && o->tmp) {
		if (compat_rename_replace(o->tmp, o->path) != 0) {
			o->err = errno;
		} else {
			/* Make the rename itself durable. */
			const char *slash = compat_last_sep(o->path);
			char *dir = slash ? xstrndup(o->path, (size_t)(slash - o->path) + 1) : xstrdup(".");
			compat_sync_dir(dir);
			free(dir);
			free(o->tmp);
			o->tmp = NULL;
		}
	}
	int err = o->err;
	if (err && o->tmp)
		compat_unlink(o->tmp);
	release(o);
	errno = err;
	return err ? -1 : 0;
}

void outfile_abort(struct outfile *o)
{
	if (o->fd > STDOUT_FILENO)
		close(o->fd);
	o->fd = -1;
	if (o->tmp)
		compat_unlink(o->tmp);
	release(o);
}
