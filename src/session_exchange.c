/* SPDX-License-Identifier: MIT */
/* Session actions of exchange by file: export this unit's report, import files,
 * resolve a conflict, and the completeness of reports for a period. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "exchange_files.h"
#include "msg.h"
#include "report.h"
#include "session.h"

void session_export_free(struct session_export *r)
{
	free(r->path);
	free(r->sender);
	sb_free(&r->data);
	memset(r, 0, sizeof *r);
}

int session_export(struct session *s, const char *period, const char *out, bool excel,
		   struct session_export *r, struct err *e)
{
	const struct unit_rec *owner = s->b.owner;
	struct report rep;
	struct period p;
	memset(r, 0, sizeof *r);
	memset(&rep, 0, sizeof rep);
	if (!period_parse(period, &p))
		return err_set(e, tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612)"),
			       "export", period);
	if (!owner)
		return store_owner(s->db, &s->b.units, &s->b.owner, e);
	if (owner->kind == UNIT_GROUP)
		return err_set(e, tr("export: this database belongs to %s, a group; a report comes from one unit"),
			       owner->code);
	if (report_build(s->db, &s->b.plan, &s->b.units, owner, period, &rep, e)) {
		report_free(&rep);
		return -1;
	}
	report_write(&rep, excel, &r->data);
	r->sender = xstrdup(rep.sender);
	period_format(&p, r->period);
	r->n_entries = rep.n_entries;
	r->n_values = rep.n_values;
	r->to = exchange_recipient(&s->b.units, &s->b.rules, owner, p.type);
	if (out && strcmp(out, "-") == 0) {
		report_free(&rep);
		return 0; /* the caller writes r->data */
	}
	if (out && *out && out[strlen(out) - 1] == '/') {
		/* a folder: the usual name in it */
		char *base = report_file_name(rep.sender, rep.period, rep.exported_at, excel);
		r->path = exchange_path_join(out, base);
		free(base);
	} else if (out) {
		r->path = xstrdup(out);
	} else {
		/* $TIENDO_EXPORT_DIR, else the current folder */
		char *base = report_file_name(rep.sender, rep.period, rep.exported_at, excel);
		char *dir = exchange_export_dir();
		r->path = dir ? exchange_path_join(dir, base) : xstrdup(base);
		free(dir);
		free(base);
	}
	report_free(&rep);
	if (write_file_atomic(r->path, r->data.s ? r->data.s : "", r->data.len))
		return err_set(e, tr("%s: cannot write %s: %s (nothing was written)"), "export", r->path,
			       tr_errno(errno));
	return 0;
}

int session_import(struct session *s, const struct strvec *files, bool dry_run, bool bulk,
		   const struct session_import_hooks *h, struct session_import *r)
{
	struct import_batch batch;
	struct err e;
	memset(r, 0, sizeof *r);
	r->files = files->n;
	if (bulk)
		db_bulk_cache(s->db);
	import_batch_init(&batch, s->db, dry_run);
	for (r->done = 0; r->done < files->n; r->done++) {
		const char *path = files->v[r->done];
		if (h->before && !h->before(h->arg, r->done, files->n, path)) {
			r->stopped = true;
			break;
		}
		struct import_result ir;
		import_batch_file(&batch, path, &ir);
		if (ir.outcome == IMPORT_REFUSED)
			r->refused++;
		else if (ir.outcome == IMPORT_DUPLICATE || ir.outcome == IMPORT_PLAN_SAME)
			r->same++;
		else
			r->imported++;
		if (h->after)
			h->after(h->arg, path, &ir);
		import_result_free(&ir);
	}
	size_t pending = batch.pending;
	if (import_batch_finish(&batch, &e)) {
		err_set(&r->lost_why, tr("import: the last %zu files could not be saved: %s; import them again"),
			pending, e.msg);
		r->lost = pending;
		r->refused += pending;
	}
	return r->refused || r->stopped ? -1 : 0;
}

int session_resolve(struct session *s, long long id, bool take, struct err *e)
{
	return exchange_resolve(s->db, id, take, progress_user(), e);
}

int session_completeness(struct session *s, const char *period, day_t today,
			 struct completeness *out, struct err *e)
{
	if (!s->b.owner)
		return store_owner(s->db, &s->b.units, &s->b.owner, e);
	return completeness_compute(s->db, &s->b.plan, &s->b.units, &s->b.rules, s->b.owner, period,
				    today, out, e);
}
