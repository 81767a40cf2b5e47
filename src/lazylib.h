/* SPDX-License-Identifier: MIT */
/* Libraries loaded on first use (dlopen), not at every start: libxlsxwriter
 * and libzip bring libcrypto, whose loading cost every command ~3 ms of CPU
 * (issue 15) although only the deliverables and reading a workbook use them.
 * Builds where the Makefile found the library's soname define TIENDO_*_SO
 * and call through the pointers of lazy_xlsxwriter.h and lazy_zip.h; other
 * builds (Windows' static one) link the library and call it directly. */
#ifndef TIENDO_LAZYLIB_H
#define TIENDO_LAZYLIB_H

#include <stdbool.h>
#include <stddef.h>

struct lazylib {
	const char *soname;
	void *handle;
	int state;          /* 0 not tried, 1 loaded, -1 failed */
	char why[256];      /* after a failure: what the loader said */
};

/* Load l once (later calls return the first outcome): 0, or -1 with l->why
 * set. */
int lazylib_open(struct lazylib *l);
/* The address of symbol name in a loaded l into *slot (a function pointer
 * of the right type); false, with l->why set, when it is missing. */
bool lazylib_sym(struct lazylib *l, const char *name, void *slot, size_t size);

#endif
