/* SPDX-License-Identifier: MIT */
/* The register of received files: what was imported, when, from whom. */
#include "exchange.h"

#include <stdlib.h>
#include <string.h>

#include "db_internal.h"

void received_list_free(struct received_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct received_rec *r = &l->v[i];
		char *f[] = {r->kind, r->file, r->checksum, r->sender, r->plan, r->period,
			     r->exported_at, r->imported_at, r->encoding};
		for (size_t k = 0; k < ARRAY_LEN(f); k++)
			free(f[k]);
	}
	free(l->v);
	memset(l, 0, sizeof *l);
}

int exchange_received(struct db *db, const char *period, struct received_list *out,
		      struct err *e)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = db_prep(db, "SELECT r.kind, r.file_name, r.checksum, u.code, r.plan_code,"
				       " r.period, r.exported_at, r.imported_at, r.encoding, r.plan_version,"
				       " r.rows, r.added, r.replaced, r.unchanged, r.older, r.conflicts"
				       " FROM received r JOIN unit u ON u.id = r.sender_id"
				       " WHERE ?1 IS NULL OR r.period = ?1 ORDER BY r.imported_at, r.id", e);
	if (!st)
		return -1;
	db_bind_text(st, 1, period);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
		struct received_rec *r = &out->v[out->n++];
		char **f[] = {&r->kind, &r->file, &r->checksum, &r->sender, &r->plan, &r->period,
			      &r->exported_at, &r->imported_at, &r->encoding};
		for (size_t k = 0; k < ARRAY_LEN(f); k++)
			*f[k] = xstrdup(db_col_text(st, (int)k));
		r->plan_version = sqlite3_column_int(st, 9);
		long long *n[] = {&r->rows, &r->added, &r->replaced, &r->unchanged, &r->older,
				  &r->conflicts};
		for (size_t k = 0; k < ARRAY_LEN(n); k++)
			*n[k] = sqlite3_column_int64(st, (int)k + 10);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		received_list_free(out);
		return db_fail(db, e);
	}
	return 0;
}
