/* SPDX-License-Identifier: MIT */
/* Completeness and timeliness of reports for a period: who was expected to report,
 * who did, on time or late, and who is missing. */
#ifndef TIENDO_COMPLETENESS_H
#define TIENDO_COMPLETENESS_H

#include "date.h"
#include "db.h"
#include "store.h"

enum report_state { RS_ON_TIME, RS_LATE, RS_MISSING, RS_NOT_DUE, RS_STATE_COUNT };
/* "on-time", "late", "missing", "not-due" */
const char *report_state_name(enum report_state s);
/* The same in the user's language ("đúng hạn"). */
const char *report_state_label(enum report_state s);

struct expected_report {
	const struct unit_rec *unit; /* points into the unit set given */
	const struct unit_rec *to;   /* the unit the report goes to */
	const struct rule_rec *rule; /* points into the rule list given */
	day_t due;
	enum report_state state;
	char exported_at[24], imported_at[24]; /* empty when not received */
	bool via;                              /* known from a lower level's receipt */
};

struct completeness_tally {
	int expected, received, on_time, late, missing, not_due;
};

struct completeness {
	struct expected_report *v; /* by recipient (the owner first), rule, unit code */
	size_t n, cap;
};
void completeness_free(struct completeness *c);

/* Reports expected for period (a code: 2026S1) by the rules of the plan
 * whose period type matches and whose recipient is owner or a unit under
 * owner (one level down, known from receipts in consolidated reports).
 * A report counts as on time when its export time (in Vietnam time, UTC+7)
 * falls on or before the due date; missing when none was received and the
 * due date has passed on day today; not yet due otherwise. */
int completeness_compute(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
			 const struct rule_list *rules, const struct unit_rec *owner,
			 const char *period, day_t today, struct completeness *out, struct err *e);

/* Totals of the reports expected by recipient to, overall and per unit kind. */
void completeness_tally(const struct completeness *c, const struct unit_rec *to,
			struct completeness_tally *all, struct completeness_tally kind[UNIT_KIND_COUNT]);

/* Append "LABEL: expected N, received N (R%), on time N (R%), late N,
 * missing N, not yet due N" and a line break to b. */
void completeness_tally_text(const char *label, const struct completeness_tally *t,
			     struct strbuf *b);

/* The calendar day (Vietnam time) of an ISO UTC stamp; 0 when it is not one. */
day_t completeness_stamp_day(const char *stamp);

#endif
