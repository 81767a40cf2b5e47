/* SPDX-License-Identifier: MIT */
/* Session actions of exchange by file: export this unit's report, import files,
 * resolve a conflict, and the completeness of reports for a period. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "db.h"
#include "exchange_files.h"
#include "exchange_prefetch.h"
#include "exchange_keys.h"
#include "msg.h"
#include "outfile.h"
#include "report.h"
#include "session.h"

void session_export_free(struct session_export *r)
{
	free(r->path);
	free(r->sender);
	memset(r, 0, sizeof *r);
}

int session_export(struct session *s, const char *period, const char *out, bool excel,
		   struct session_export *r, struct err *e)
{
	const struct unit_rec *owner = s->b.owner;
	struct period p;
	char stamp[STAMP_BUF];
	memset(r, 0, sizeof *r);
	if (!period_parse(period, &p))
		return err_set(e, tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612)"),
			       "export", period);
	if (!owner)
		return store_owner(s->db, &s->b.units, &s->b.owner, e);
	if (owner->kind == UNIT_GROUP)
		return err_set(e, tr("export: this database belongs to %s, a group; a report comes from one unit"),
			       owner->code);
	date_now_stamp(stamp);
	r->sender = xstrdup(owner->code);
	period_format(&p, r->period);
	r->to = exchange_recipient(&s->b.units, &s->b.rules, owner, p.type);
	if (out && *out && out[strlen(out) - 1] == '/') {
		/* a folder: the usual name in it */
		char *base = report_file_name(owner->code, r->period, stamp, excel);
		r->path = exchange_path_join(out, base);
		free(base);
	} else if (out && strcmp(out, "-") != 0) {
		r->path = xstrdup(out);
	} else if (!out) {
		/* $TIENDO_EXPORT_DIR, else the current folder */
		char *base = report_file_name(owner->code, r->period, stamp, excel);
		char *dir = exchange_export_dir();
		r->path = dir ? exchange_path_join(dir, base) : xstrdup(base);
		free(dir);
		free(base);
	}
	/* Written as the rows are read: a department's report is tens of MB. */
	struct outfile o;
	size_t counts[3];
	uint64_t sum;
	const char *target = r->path ? r->path : "-";
	if (outfile_open(&o, target))
		return err_set(e, tr("%s: cannot write %s: %s (nothing was written)"), "export", target,
			       tr_errno(errno));
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	if (keystore_own(s->db, pk, sk, e)) { /* made once; the report is signed as it is written */
		outfile_abort(&o);
		return -1;
	}
	int rc = report_export(s->db, &s->b.plan, &s->b.units, owner, r->period, stamp, excel, sk,
			       &o.b, counts, &sum, e);
	memset(sk, 0, sizeof sk);
	if (rc) {
		outfile_abort(&o);
		return -1;
	}
	if (outfile_commit(&o))
		return err_set(e, tr("%s: cannot write %s: %s (nothing was written)"), "export", target,
			       tr_errno(errno));
	r->n_entries = counts[0];
	r->n_values = counts[1];
	return 0;
}

/* Counting each file's final outcome before the face shows it. */
struct verdicts {
	const struct session_import_hooks *h;
	struct session_import *r;
};

static void on_verdict(void *arg, const char *path, const struct import_result *ir)
{
	struct verdicts *v = arg;
	switch (ir->outcome) {
	case IMPORT_REFUSED: v->r->refused++; break;
	case IMPORT_LOST: v->r->lost++; break;
	case IMPORT_DUPLICATE:
	case IMPORT_PLAN_SAME: v->r->same++; break;
	default: v->r->imported++; break;
	}
	if (v->h->after)
		v->h->after(v->h->arg, path, ir);
}

int session_import(struct session *s, const struct strvec *files, unsigned flags, bool bulk,
		   const struct session_import_hooks *h, struct session_import *r)
{
	struct import_batch batch;
	memset(r, 0, sizeof *r);
	r->files = files->n;
	if (bulk)
		db_bulk_begin(s->db);
	struct verdicts v = {h, r};
	import_batch_init(&batch, s->db, flags & IMPORT_DRY_RUN, on_verdict, &v);
	batch.add_plan = flags & IMPORT_ADD_PLAN;
	/* the next files read while one is written (not for a dry run, which
	 * reads each file once and writes nothing) */
	struct prefetch *pf = flags & IMPORT_DRY_RUN ? NULL : prefetch_start(files);
	for (r->done = 0; r->done < files->n; r->done++) {
		const char *path = files->v[r->done];
		if (h->before && !h->before(h->arg, r->done, files->n, path)) {
			r->stopped = true;
			break;
		}
		int lost;
		if (pf) {
			struct exchange_parsed *p = prefetch_take(pf, r->done);
			lost = import_batch_parsed(&batch, p);
			exchange_parsed_free(p);
		} else {
			lost = import_batch_file(&batch, path);
		}
		if (h->read)
			h->read(h->arg, path);
		if (lost) {
			r->done++;
			r->lost_batch = true;
			break;
		}
	}
	prefetch_stop(pf);
	if (import_batch_finish(&batch))
		r->lost_batch = true;
	if (bulk)
		db_bulk_end(s->db);
	if (r->lost_batch)
		err_set(&r->lost_why, "%s", tr("import: the database could not be written (is the disk full?); the files above marked NOT saved or not read must be imported again"));
	return r->refused || r->lost || r->lost_batch || r->stopped ? -1 : 0;
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
