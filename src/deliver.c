/* SPDX-License-Identifier: MIT */
/* The department's deliverables as one action each (see deliver.h). */
#include "deliver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docx.h"
#include "exchange_files.h"
#include "humanfmt.h"
#include "msg.h"
#include "xlsx.h"

void deliver_opts_merge(struct draft_opts *opt, const struct config *cfg)
{
	if (!opt->org || !*opt->org)
		opt->org = cfg->org;
	if (!opt->place || !*opt->place)
		opt->place = cfg->place;
	if (!opt->signer || !*opt->signer)
		opt->signer = cfg->signer;
	if (!opt->signer_title || !*opt->signer_title)
		opt->signer_title = cfg->signer_title;
}

char *deliver_default_path(enum deliver_kind k, const char *plan, const char *period)
{
	static const char *const prefix[] = {"tonghop", "baocao-tonghop", "dondoc"};
	char stamp[STAMP_BUF];
	date_now_stamp(stamp);
	struct strbuf b = {0};
	char day[9];
	fmt_file_day(stamp, day); /* the day in Vietnam */
	sb_addf(&b, "%s_%s_%s_%s.%s", prefix[k], plan, period, day,
		k == DELIVER_WORKBOOK ? "xlsx" : "docx");
	char *dir = exchange_export_dir();
	char *path = dir ? exchange_path_join(dir, b.s) : xstrdup(b.s);
	free(dir);
	sb_free(&b);
	return path;
}

static void build(const struct consolidated *c, enum deliver_kind k, const struct draft_opts *opt,
		  struct outline *o, size_t *n_units)
{
	size_t n = 0;
	if (k == DELIVER_REPORT) {
		outline_init(o, "Báo cáo kết quả thực hiện kế hoạch");
		draft_report(c, opt, o);
	} else {
		outline_init(o, "Công văn đôn đốc báo cáo");
		draft_reminder(c, opt, o, &n);
	}
	if (n_units)
		*n_units = n;
}

int deliver_write(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		  const struct unit_rec *owner, const char *period, enum deliver_kind k,
		  const struct draft_opts *opt, const char *path, char **written, size_t *n_units,
		  struct err *e)
{
	struct consolidated c;
	*written = NULL;
	if (n_units)
		*n_units = 0;
	int rc = consolidation_load(db, plan, units, owner, period, date_today(), k == DELIVER_REPORT,
				    &c, e);
	char *p = path ? xstrdup(path) : deliver_default_path(k, plan->code, period);
	if (!rc && k == DELIVER_WORKBOOK)
		rc = xlsx_write(db, &c, p, e);
	else if (!rc) {
		struct outline o;
		build(&c, k, opt, &o, n_units);
		rc = docx_write(&o, p, e);
		outline_free(&o);
	}
	consolidation_free(&c);
	if (rc)
		free(p);
	else
		*written = p;
	return rc;
}

int deliver_session(struct session *s, const char *period, enum deliver_kind k,
		    const struct draft_opts *opt, const char *path, char **written, size_t *n_units,
		    struct err *e)
{
	if (!s->b.owner)
		return err_set(e, tr("%s: the database has no owner unit; set one with: tiendo init --plan FILE --unit CODE"),
			       k == DELIVER_WORKBOOK ? "consolidate" : k == DELIVER_REPORT ? "draft-report"
											  : "draft-reminder");
	return deliver_write(s->db, &s->b.plan, &s->b.units, s->b.owner, period, k, opt, path, written,
			     n_units, e);
}

int deliver_text(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		 const struct unit_rec *owner, const char *period, enum deliver_kind k,
		 const struct draft_opts *opt, struct strbuf *b, struct err *e)
{
	struct consolidated c;
	int rc = consolidation_load(db, plan, units, owner, period, date_today(), k == DELIVER_REPORT,
				    &c, e);
	if (!rc) {
		struct outline o;
		build(&c, k, opt, &o, NULL);
		outline_text(&o, b);
		outline_free(&o);
	}
	consolidation_free(&c);
	return rc;
}
