/* SPDX-License-Identifier: MIT */
/* The temporary files of atomic writes (util.c): never left behind by a
 * signal, and swept up when a killed run left one. */
#ifndef TIENDO_TEMPFILES_H
#define TIENDO_TEMPFILES_H

#include <stddef.h>

/* Seconds after which a temporary file nobody renamed is stale. */
#define TEMPFILES_STALE 600

/* Remove the stale temporary files of earlier writes of path
 * (".NAME.XXXXXX" beside it, older than TEMPFILES_STALE). */
void tempfiles_sweep(const char *path);

/* Hold SIGINT, SIGTERM and SIGHUP while a temporary file exists (they are
 * delivered once it is renamed or removed); returns an opaque state for
 * tempfiles_release. */
struct tempfiles_hold {
	unsigned char mask[128];
	int held;
};
void tempfiles_hold(struct tempfiles_hold *h);
void tempfiles_release(struct tempfiles_hold *h);

#endif
