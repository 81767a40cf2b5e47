/* SPDX-License-Identifier: MIT */
/* The department's deliverables as one action each, shared by the command line and the
 * interface: the workbook, the draft report and the reminder, written to a file. */
#ifndef TIENDO_DELIVER_H
#define TIENDO_DELIVER_H

#include "config.h"
#include "draft.h"
#include "session.h"

enum deliver_kind { DELIVER_WORKBOOK, DELIVER_REPORT, DELIVER_REMINDER, DELIVER_KIND_COUNT };

/* Fill the empty fields of opt from the settings (org, place, signer,
 * signer-title); opt's own fields (options) win. */
void deliver_opts_merge(struct draft_opts *opt, const struct config *cfg);

/* The default file name: tonghop_PLAN_PERIOD_YYYYMMDD.xlsx,
 * baocao-tonghop_PLAN_PERIOD_YYYYMMDD.docx, dondoc_PLAN_PERIOD_YYYYMMDD.docx,
 * in the export folder ($TIENDO_EXPORT_DIR, else here). New string. */
char *deliver_default_path(enum deliver_kind k, const char *plan, const char *period);

/* Build and write deliverable k of plan for period, as owner sees it, to
 * path (NULL: the default path); *written gets the path written (new
 * string). For the reminder, *n_units gets the units it is sent to. */
int deliver_write(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		  const struct unit_rec *owner, const char *period, enum deliver_kind k,
		  const struct draft_opts *opt, const char *path, char **written, size_t *n_units,
		  struct err *e);

/* The same on an open session: its plan, units and owner. The action the
 * command line (consolidate --xlsx, draft-report, draft-reminder) and the
 * interface (x, w, n in the reports screen) share. */
int deliver_session(struct session *s, const char *period, enum deliver_kind k,
		    const struct draft_opts *opt, const char *path, char **written, size_t *n_units,
		    struct err *e);

/* The draft (report or reminder) as plain text, appended to b. */
int deliver_text(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
		 const struct unit_rec *owner, const char *period, enum deliver_kind k,
		 const struct draft_opts *opt, struct strbuf *b, struct err *e);

#endif
