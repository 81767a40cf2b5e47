/* SPDX-License-Identifier: MIT */
/* Reading the files of an import ahead of their writing, in a second thread
 * (exchange_prefetch.c). */
#ifndef TIENDO_EXCHANGE_PREFETCH_H
#define TIENDO_EXCHANGE_PREFETCH_H

#include <stddef.h>

#include "exchange.h"
#include "util.h"

struct prefetch;
/* Begin reading files (kept by the caller until prefetch_stop). */
struct prefetch *prefetch_start(const struct strvec *files);
/* File i, read and parsed (exchange_parse_file), now the caller's; files
 * are taken in order, 0, 1, 2... (waits until it is read). */
struct exchange_parsed *prefetch_take(struct prefetch *pf, size_t i);
/* Stop reading (files not yet taken are dropped unread) and free pf. */
void prefetch_stop(struct prefetch *pf);

#endif
