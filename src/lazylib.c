/* SPDX-License-Identifier: MIT */
/* Libraries loaded on first use (see lazylib.h). */
#include "lazylib.h"

#include <stdio.h>
#include <string.h>

#if !defined(_WIN32)
#include <dlfcn.h>

int lazylib_open(struct lazylib *l)
{
	if (l->state)
		return l->state > 0 ? 0 : -1;
	l->handle = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL);
	if (!l->handle) {
		const char *why = dlerror();
		snprintf(l->why, sizeof l->why, "%s", why ? why : l->soname);
		l->state = -1;
		return -1;
	}
	l->state = 1;
	return 0;
}

bool lazylib_sym(struct lazylib *l, const char *name, void *slot, size_t size)
{
	void *p = l->handle ? dlsym(l->handle, name) : NULL;
	if (!p || size != sizeof p) {
		snprintf(l->why, sizeof l->why, "%s: %s", l->soname, name);
		l->state = -1;
		return false;
	}
	memcpy(slot, &p, sizeof p); /* a function pointer from dlsym (POSIX) */
	return true;
}

#else

int lazylib_open(struct lazylib *l)
{
	snprintf(l->why, sizeof l->why, "%s", l->soname);
	l->state = -1;
	return -1;
}

bool lazylib_sym(struct lazylib *l, const char *name, void *slot, size_t size)
{
	(void)l;
	(void)name;
	(void)slot;
	(void)size;
	return false;
}

#endif
