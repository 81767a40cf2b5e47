/* SPDX-License-Identifier: MIT */
/* Writing an output file as it is produced: atomically for a regular file
 * (a temporary file beside it, fsync, rename), as it is for an existing FIFO
 * or device, or to standard output for "-". */
#ifndef TIENDO_OUTFILE_H
#define TIENDO_OUTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "tempfiles.h"
#include "util.h"

struct outfile {
	struct strbuf b; /* first: text not yet written (b.flush moves it on) */
	char *path, *tmp; /* tmp: the temporary file, for a regular file */
	int fd;
	int err;         /* first errno of a write, 0 while all is well */
	struct tempfiles_hold hold; /* signals held while tmp exists */
};

/* Start writing path. -1 with errno set when it cannot be opened. Text
 * appended to o->b is written once SB_FLUSH_AT bytes are waiting (by the
 * writers that call b.flush) and at the end. */
int outfile_open(struct outfile *o, const char *path);
/* Write what is left, then make the file whole (fsync, rename). -1 with
 * errno set on failure, in which case nothing replaced the target. */
int outfile_commit(struct outfile *o);
/* Give up: remove the temporary file (a FIFO or stdout got what it got). */
void outfile_abort(struct outfile *o);

#endif
