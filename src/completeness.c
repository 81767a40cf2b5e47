/* SPDX-License-Identifier: MIT */
/* Completeness and timeliness of reports for a period (docs/exchange.md, "status").
 *
 * Expected: each unit (not a group, not retired) that a rule of the regime
 * names among its reporters, for rules of the period's type whose recipient
 * is this database's owner or a unit under it. Received: the earliest report
 * file from that unit for the plan and period in the register of received
 * files, or, for a recipient below the owner, in the receipts its
 * consolidated report carried. Which time counts: the export time, because
 * a clerk who exported before the deadline did their part even if the USB
 * stick travelled for a week; the import time is kept and shown beside it. */
#include "completeness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "humanfmt.h"
#include "msg.h"
#include "period.h"

static const char *const state_names[RS_STATE_COUNT] = {"on-time", "late", "missing", "not-due"};

const char *report_state_name(enum report_state s)
{
	return s < RS_STATE_COUNT ? state_names[s] : "?";
}

const char *report_state_label(enum report_state s)
{
	switch (s) {
	case RS_ON_TIME: return tr("on time");
	case RS_LATE: return tr("late");
	case RS_MISSING: return tr("missing");
	default: return tr("not yet due");
	}
}

/* part/whole as "66.7%", "-" when nothing is expected. */
static void rate(char *buf, size_t n, int part, int whole)
{
	if (whole <= 0)
		snprintf(buf, n, "-");
	else {
		snprintf(buf, n, "%.1f%%", 100.0 * part / whole);
		fmt_decimals(buf); /* shown to a person: 66,7% */
	}
}

void completeness_tally_text(const char *label, const struct completeness_tally *t,
			     struct strbuf *b)
{
	char r1[16], r2[16];
	rate(r1, sizeof r1, t->received, t->expected);
	rate(r2, sizeof r2, t->on_time, t->expected);
	sb_addf(b, tr("%s: expected %d, received %d (%s), on time %d (%s), late %d, missing %d, not yet due %d\n"),
		label, t->expected, t->received, r1, t->on_time, r2, t->late, t->missing, t->not_due);
}

void completeness_free(struct completeness *c)
{
	free(c->v);
	memset(c, 0, sizeof *c);
}

day_t completeness_stamp_day(const char *stamp)
{
	char date[DATE_BUF];
	day_t d;
	if (!stamp || strlen(stamp) < 13 || stamp[10] != 'T')
		return 0;
	memcpy(date, stamp, 10);
	date[10] = '\0';
	if (!date_parse(date, &d))
		return 0;
	int hour = (stamp[11] - '0') * 10 + (stamp[12] - '0');
	return hour + 7 >= 24 ? d + 1 : d; /* Vietnam is UTC+7, without summer time */
}

/* The earliest report of unit for plan and period: received here, or
 * through a receipt. */
static int find_received(struct db *db, const struct plan_rec *plan, int64_t unit,
			 const char *period, struct expected_report *x, struct err *e)
{
	sqlite3_stmt *st = db_prep(db, "SELECT exported_at, imported_at, 0 FROM received"
				       " WHERE kind = 'report' AND sender_id = ?1 AND plan_code = ?2"
				       " AND period = ?3"
				       " UNION ALL SELECT exported_at, imported_at, 1 FROM receipt"
				       " WHERE unit_id = ?1 AND period = ?3 ORDER BY 1 LIMIT 1", e);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, unit);
	sqlite3_bind_text(st, 2, plan->code, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, period, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(x->exported_at, sizeof x->exported_at, "%s", db_col_text(st, 0));
		snprintf(x->imported_at, sizeof x->imported_at, "%s", db_col_text(st, 1));
		x->via = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(db, e);
}

static void add(struct completeness_tally *t, enum report_state s)
{
	t->expected++;
	switch (s) {
	case RS_ON_TIME: t->received++; t->on_time++; break;
	case RS_LATE: t->received++; t->late++; break;
	case RS_MISSING: t->missing++; break;
	default: t->not_due++; break;
	}
}

static int cmp_unit_first(const void *a, const void *b)
{
	const struct expected_report *x = a, *y = b;
	if (x->to != y->to)
		return x->to < y->to ? -1 : 1;
	if (x->unit != y->unit)
		return x->unit < y->unit ? -1 : 1;
	return x->rule < y->rule ? -1 : x->rule > y->rule;
}

static int cmp_expected(const void *a, const void *b)
{
	const struct expected_report *x = a, *y = b;
	if (x->to != y->to)
		return strcmp(x->to->code, y->to->code);
	if (x->rule != y->rule) /* rules in regime order: they sit in one array */
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->unit->code, y->unit->code);
}

int completeness_compute(struct db *db, const struct plan_rec *plan, const struct unit_set *units,
			 const struct rule_list *rules, const struct unit_rec *owner,
			 const char *period, day_t today, struct completeness *out, struct err *e)
{
	struct period p;
	memset(out, 0, sizeof *out);
	if (!period_parse(period, &p))
		return 0;
	for (size_t r = 0; r < rules->n; r++) {
		const struct rule_rec *rule = &rules->v[r];
		if (rule->period != p.type)
			continue;
		const struct unit_rec *to = unit_set_find(units, rule->to);
		if (!to || !unit_under(units, to, owner))
			continue;
		day_t due = due_date(&rule->rule, &p);
		for (size_t i = 0; i < units->n; i++) {
			const struct unit_rec *u = &units->v[i];
			if (u->kind == UNIT_GROUP || u->retired || u->id == to->id ||
			    !unit_list_covers(units, rule->reporters, u))
				continue;
			xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof *out->v);
			struct expected_report *x = &out->v[out->n++];
			memset(x, 0, sizeof *x);
			x->unit = u;
			x->to = to;
			x->rule = rule;
			x->due = due;
			if (find_received(db, plan, u->id, period, x, e)) {
				completeness_free(out);
				return -1;
			}
			if (x->exported_at[0])
				x->state = completeness_stamp_day(x->exported_at) <= due ? RS_ON_TIME : RS_LATE;
			else
				x->state = today > due ? RS_MISSING : RS_NOT_DUE;
		}
	}
	/* A unit named by two rules to the same recipient reports once: keep
	 * the first rule's expectation. */
	if (out->n) /* qsort wants a real array, even of nothing */
		qsort(out->v, out->n, sizeof *out->v, cmp_unit_first);
	size_t kept = 0;
	for (size_t i = 0; i < out->n; i++)
		if (!kept || out->v[kept - 1].unit != out->v[i].unit || out->v[kept - 1].to != out->v[i].to)
			out->v[kept++] = out->v[i];
	out->n = kept;
	/* The owner's own recipients first, then those below, each by rule and unit code. */
	if (out->n)
		qsort(out->v, out->n, sizeof *out->v, cmp_expected);
	struct expected_report *sorted = xmalloc((out->n ? out->n : 1) * sizeof *sorted);
	size_t k = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t i = 0; i < out->n; i++)
			if ((out->v[i].to == owner) == (pass == 0))
				sorted[k++] = out->v[i];
	free(out->v);
	out->v = sorted;
	out->cap = out->n ? out->n : 1;
	return 0;
}

void completeness_tally(const struct completeness *c, const struct unit_rec *to,
			struct completeness_tally *all, struct completeness_tally kind[UNIT_KIND_COUNT])
{
	memset(all, 0, sizeof *all);
	memset(kind, 0, UNIT_KIND_COUNT * sizeof *kind);
	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].to != to)
			continue;
		add(all, c->v[i].state);
		add(&kind[c->v[i].unit->kind], c->v[i].state);
	}
}
