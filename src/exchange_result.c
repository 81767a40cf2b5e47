/* SPDX-License-Identifier: MIT */
/* The outcome of importing one file: its problems, as the user reads them
 * (file, line, what is wrong), and how a failed write ends the file. */
#include "exchange.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exchange_internal.h"
#include "db_internal.h"
#include "msg.h"
#include "text.h"

void import_result_free(struct import_result *r)
{
	free(r->sender);
	free(r->plan);
	free(r->period);
	free(r->exported_at);
	free(r->before);
	free(r->unit_added);
	sv_free(&r->problems);
	memset(r, 0, sizeof *r);
}

void exchange_problem(struct import_result *r, const char *name, int line, const char *fmt, ...)
{
	char m[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	struct strbuf b = {0};
	char *shown = text_visible(name, true); /* one line, as describe_import shows it */
	if (line > 0)
		sb_addf(&b, tr("%s:%d: %s"), shown, line, m);
	else
		sb_addf(&b, "%s: %s", shown, m);
	free(shown);
	text_repair_utf8(b.s);
	if (r->problems.n < 40)
		sv_push(&r->problems, b.s);
	else if (r->problems.n == 40)
		sv_push(&r->problems, tr("(more problems not shown)"));
	sb_free(&b);
}

/* After a failed database call: the batch's transaction must be rolled
 * back when something was already written, or when SQLite rolled it back
 * by itself (full disk, I/O error). */
int exchange_failed(struct db *db, enum import_mode mode, bool writing)
{
	if (mode == IMPORT_IN_BATCH && (writing || sqlite3_get_autocommit(db->h)))
		return IMPORT_WRITE_FAILED;
	return -1;
}

int exchange_refuse(struct import_result *r)
{
	r->outcome = IMPORT_REFUSED;
	return -1;
}
