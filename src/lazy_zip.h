/* SPDX-License-Identifier: MIT */
/* libzip: loaded on first use where the build found its soname (see
 * lazylib.h). Include after <zip.h>; the calls stay as written, each name
 * standing for the loaded function's pointer. zp_load(e) before the first
 * call: 0, or -1 with e set. */
#ifndef TIENDO_LAZY_ZIP_H
#define TIENDO_LAZY_ZIP_H

#ifdef TIENDO_ZIP_SO
#include "lazylib.h"
#include "msg.h"
#include "util.h"

#define ZP_FUNCS(X) \
	X(zip_close) \
	X(zip_discard) \
	X(zip_error_fini) \
	X(zip_error_init) \
	X(zip_fclose) \
	X(zip_file_add) \
	X(zip_fopen) \
	X(zip_fread) \
	X(zip_open) \
	X(zip_open_from_source) \
	X(zip_set_file_compression) \
	X(zip_source_buffer) \
	X(zip_source_buffer_create) \
	X(zip_source_file) \
	X(zip_source_filep) \
	X(zip_source_free) \
	X(zip_stat) \
	X(zip_strerror)

#define ZP_SLOT(f) __typeof__(&f) f;
static struct {
	ZP_FUNCS(ZP_SLOT)
} zp_api;

static int zp_load(struct err *e)
{
	static struct lazylib l = {.soname = TIENDO_ZIP_SO};
	static bool bound;
	if (bound)
		return 0;
	if (lazylib_open(&l) == 0) {
		bool ok = true;
#define ZP_BIND(f) ok = ok && lazylib_sym(&l, #f, &zp_api.f, sizeof zp_api.f);
		ZP_FUNCS(ZP_BIND)
#undef ZP_BIND
		bound = ok;
	}
	if (!bound)
		return err_set(e, tr("cannot load the library %s: %s"), l.soname, l.why);
	return 0;
}

#define zip_close (*zp_api.zip_close)
#define zip_discard (*zp_api.zip_discard)
#define zip_error_fini (*zp_api.zip_error_fini)
#define zip_error_init (*zp_api.zip_error_init)
#define zip_fclose (*zp_api.zip_fclose)
#define zip_file_add (*zp_api.zip_file_add)
#define zip_fopen (*zp_api.zip_fopen)
#define zip_fread (*zp_api.zip_fread)
#define zip_open (*zp_api.zip_open)
#define zip_open_from_source (*zp_api.zip_open_from_source)
#define zip_set_file_compression (*zp_api.zip_set_file_compression)
#define zip_source_buffer (*zp_api.zip_source_buffer)
#define zip_source_buffer_create (*zp_api.zip_source_buffer_create)
#define zip_source_file (*zp_api.zip_source_file)
#define zip_source_filep (*zp_api.zip_source_filep)
#define zip_source_free (*zp_api.zip_source_free)
#define zip_stat (*zp_api.zip_stat)
#define zip_strerror (*zp_api.zip_strerror)

#else
#define zp_load(e) ((void)(e), 0)
#endif

#endif
