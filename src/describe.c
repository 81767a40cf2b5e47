/* SPDX-License-Identifier: MIT */
/* What both faces show, worded once, through the message catalog (see describe.h). */
#include "describe.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "encoding.h"
#include "exchange_keys.h"
#include "humanfmt.h"
#include "msg.h"
#include "text.h"

const char *unit_kind_label(enum unit_kind k)
{
	static const char *const w[UNIT_KIND_COUNT] = {
		N_("province"), N_("department"), N_("board"), N_("agency"), N_("press"),
		N_("commune"), N_("ward"), N_("special-zone"), N_("division"), N_("external"),
		N_("group")};
	return k < UNIT_KIND_COUNT ? tr(w[k]) : "?";
}

const char *consolidation_label(enum consolidation c)
{
	static const char *const w[CONS_COUNT] = {N_("ratio"), N_("sum"), N_("share-met"), N_("all")};
	return c < CONS_COUNT ? tr(w[c]) : "?";
}

const char *period_type_label(enum period_type t)
{
	static const char *const w[PERIOD_TYPE_COUNT] = {N_("year"), N_("half"), N_("quarter"),
							  N_("month")};
	return t < PERIOD_TYPE_COUNT ? tr(w[t]) : "?";
}

const char *deadline_kind_label(enum dl_kind k)
{
	static const char *const w[DL_KIND_COUNT] = {N_("overdue"), N_("task"), N_("report"),
						      N_("event")};
	return k < DL_KIND_COUNT ? tr(w[k]) : "?";
}

const char *deadline_kind_tag(enum dl_kind k)
{
	static const char *const w[DL_KIND_COUNT] = {N_("LATE"), N_("task"), N_("rprt"), N_("evnt")};
	return k < DL_KIND_COUNT ? tr(w[k]) : "?";
}

const char *conflict_state_label(enum conflict_state s)
{
	static const char *const w[CONFLICT_STATE_COUNT] = {N_("open"), N_("kept"), N_("taken")};
	return s < CONFLICT_STATE_COUNT ? tr(w[s]) : "?";
}

const char *ind_kind_label(enum ind_kind k)
{
	static const char *const w[IND_KIND_COUNT] = {N_("percent"), N_("count"), N_("milestone")};
	return k < IND_KIND_COUNT ? tr(w[k]) : "?";
}

const char *yes_no_label(bool yes)
{
	return yes ? tr("yes") : tr("no");
}

void describe_timeframe(const struct timeframe *tf, char *buf, size_t n)
{
	char d[DAY_SHOWN_BUF] = "";
	if (tf->has_date)
		fmt_day(tf->date, d);
	switch (tf->kind) {
	case TF_NONE: snprintf(buf, n, "%s", tr("none")); break;
	case TF_RECURRING:
		if (tf->has_date)
			snprintf(buf, n, tr("recurring from %s"), d);
		else
			snprintf(buf, n, "%s", tr("recurring"));
		break;
	default: snprintf(buf, n, tr("due %s"), d); break;
	}
}

void describe_target(enum ind_kind k, enum comparator c, double target, char *buf, size_t n)
{
	if (k == IND_MILESTONE)
		snprintf(buf, n, "%s", tr("yes"));
	else {
		indicator_target_describe(k, c, target, buf, n);
		fmt_decimals(buf);
	}
}

static void import_report(struct strbuf *b, const char *file, const struct import_result *r,
			  const char *enc, bool dry_run)
{
	char when[STAMP_SHOWN_BUF + 8];
	fmt_stamp(r->exported_at, when, sizeof when);
	sb_addf(b, trn(N_("%s: %s report of %s for %s (exported %s): %zu row: %zu new, %zu replaced, %zu unchanged, %zu older, %zu in conflict%s%s\n"),
		       N_("%s: %s report of %s for %s (exported %s): %zu rows: %zu new, %zu replaced, %zu unchanged, %zu older, %zu in conflict%s%s\n"),
		       r->rows),
		file, dry_run ? tr("would import") : tr("imported"), r->sender, r->period, when,
		r->rows, r->added, r->replaced, r->unchanged, r->older, r->conflicts, enc,
		dry_run ? tr(" (dry run: nothing was written)") : "");
	if (r->unit_added)
		sb_addf(b, tr("%s: new unit %s %s, as its report describes it\n"), file, r->unit_added,
			dry_run ? tr("would be added") : tr("added"));
}

static void import_plan(struct strbuf *b, const char *file, const struct import_result *r,
			const char *enc, bool dry_run)
{
	const char *dry = dry_run ? tr(" (dry run: nothing was written)") : "";
	if (r->plan_r.created)
		sb_addf(b, tr("%s: plan %s version %d %s (tasks: %zu, indicators: %zu)%s%s\n"), file,
			r->plan, r->plan_version, dry_run ? tr("would be added") : tr("added"),
			r->plan_r.tasks_added, r->plan_r.indicators_added, enc, dry);
	else
		sb_addf(b, tr("%s: plan %s %s from version %d to %d: tasks: %zu added, %zu updated, %zu retired; units: %zu added, %zu changed%s%s\n"),
			file, r->plan, dry_run ? tr("would be updated") : tr("updated"), r->old_version,
			r->plan_version, r->plan_r.tasks_added, r->plan_r.tasks_updated,
			r->plan_r.tasks_retired, r->plan_r.units_added, r->plan_r.units_updated, enc, dry);
}

static void import_lines(struct strbuf *b, const char *file, const struct import_result *r,
			 bool dry_run)
{
	char enc[96] = "";
	/* A workbook is not a text in another encoding: no "(not UTF-8)". */
	if (r->enc == ENC_XLSX)
		snprintf(enc, sizeof enc, tr("; read as %s (a workbook)"), encoding_name(r->enc));
	else if (r->enc != ENC_UTF8)
		snprintf(enc, sizeof enc, tr("; read as %s (not UTF-8)"), encoding_name(r->enc));
	switch (r->outcome) {
	case IMPORT_REPORT: import_report(b, file, r, enc, dry_run); break;
	case IMPORT_DUPLICATE: {
		char when[STAMP_SHOWN_BUF + 8];
		fmt_stamp(r->before, when, sizeof when);
		sb_addf(b, tr("%s: the same report of %s for %s was already imported on %.10s: nothing to do\n"),
			file, r->sender, r->period, when);
		break;
	}
	case IMPORT_PLAN_UPDATED: import_plan(b, file, r, enc, dry_run); break;
	case IMPORT_PLAN_SAME:
		sb_addf(b, tr("%s: plan %s version %d is not newer than the version here (%d): nothing to do\n"),
			file, r->plan, r->plan_version, r->old_version);
		break;
	case IMPORT_LOST:
		sb_addf(b, tr("%s: NOT saved (the database could not be written); import it again\n"), file);
		break;
	default: sb_addf(b, tr("%s: refused; nothing was imported from it\n"), file); break;
	}
}

/* A file's name on one line: a tab or a line break of a received file's
 * name shown as \x09, \x0a, as its other control characters are (one line
 * per file, whoever reads them). */
void describe_import(struct strbuf *b, const char *path, const struct import_result *r,
		     bool dry_run)
{
	char *file = text_visible(path, true);
	import_lines(b, file, r, dry_run);
	free(file);
}

static bool signer_lines(struct strbuf *b, const char *file, const struct import_result *r,
			 bool dry_run);

bool describe_import_signer(struct strbuf *b, const char *path, const struct import_result *r,
			    bool dry_run)
{
	char *file = text_visible(path, true);
	bool warn = signer_lines(b, file, r, dry_run);
	free(file);
	return warn;
}

static bool signer_lines(struct strbuf *b, const char *file, const struct import_result *r,
			 bool dry_run)
{
	/* a changed key refuses the file: its reason is among r->problems */
	if (r->outcome == IMPORT_REFUSED || r->outcome == IMPORT_DUPLICATE ||
	    r->outcome == IMPORT_PLAN_SAME)
		return false;
	if (r->signer == KEYV_UNSIGNED) {
		sb_addf(b, tr("%s: note: not signed (no signature row): nothing proves that %s made it"), file,
			r->sender);
		sb_addc(b, '\n');
		return true;
	}
	if (r->signer == KEYV_NEW && dry_run) /* nothing was recorded */
		sb_addf(b, tr("%s: note: the first signed file of %s: its key %s would be recorded; check these digits with %s by phone\n"),
			file, r->sender, r->fingerprint, r->sender);
	else if (r->signer == KEYV_NEW)
		sb_addf(b, tr("%s: note: the first signed file of %s: its key %s is recorded; check these digits with %s by phone, then: tiendo trust %s\n"),
			file, r->sender, r->fingerprint, r->sender, r->sender);
	return false;
}

void describe_import_totals(struct strbuf *b, const struct session_import *r, bool dry_run)
{
	/* "1 file", "2 files": the English count's noun (one word in Vietnamese) */
	if (dry_run && !r->lost && !r->lost_batch)
		sb_addf(b, trn(N_("%zu file: %zu would be imported, %zu with nothing new, %zu refused; dry run: nothing was written\n"),
			       N_("%zu files: %zu would be imported, %zu with nothing new, %zu refused; dry run: nothing was written\n"),
			       r->done),
			r->done, r->imported, r->same, r->refused);
	else if (r->lost || r->lost_batch)
		sb_addf(b, trn(N_("%zu file: %zu imported, %zu with nothing new, %zu refused, %zu NOT saved and %zu not read: import those again\n"),
			       N_("%zu files: %zu imported, %zu with nothing new, %zu refused, %zu NOT saved and %zu not read: import those again\n"),
			       r->files),
			r->files, r->imported, r->same, r->refused, r->lost, r->files - r->done);
	else
		sb_addf(b, trn(N_("%zu file: %zu imported, %zu with nothing new, %zu refused\n"),
			       N_("%zu files: %zu imported, %zu with nothing new, %zu refused\n"), r->done),
			r->done,
			r->imported, r->same, r->refused);
}

/* b's text as one line of lines (without its line break), and b emptied. */
static void push_line(struct strvec *lines, struct strbuf *b)
{
	while (b->len && b->s[b->len - 1] == '\n')
		b->s[--b->len] = '\0';
	sv_push(lines, b->s ? b->s : "");
	sb_free(b);
}

void describe_export(const struct session_export *r, const char *where, struct strvec *lines)
{
	struct strbuf b = {0};
	char entries[64], values[64];
	snprintf(entries, sizeof entries, trn(N_("%zu entry"), N_("%zu entries"), r->n_entries), r->n_entries);
	snprintf(values, sizeof values, trn(N_("%zu indicator value"), N_("%zu indicator values"), r->n_values),
		 r->n_values);
	sb_addf(&b, tr("Wrote %s%s%s: report of %s for %s, %s, %s.\n"), where, *where ? "/" : "", r->path,
		r->sender, r->period, entries, values);
	push_line(lines, &b);
	if (r->to)
		sb_addf(&b, tr("Send it to %s (%s).\n"), r->to->name, r->to->code);
	else
		sb_addf(&b, "%s", tr("The reporting regime names no recipient for this report; ask the unit you report to."));
	push_line(lines, &b);
	if (r->n_entries + r->n_values == 0) {
		sb_addf(&b, tr("export: note: nothing was entered for %s; the report says so"), r->period);
		push_line(lines, &b);
	}
}

void describe_entry_side(struct strvec *lines, const char *label, const struct entry *en)
{
	char pct[16] = "-", cnt[24] = "-";
	struct strbuf b = {0};
	if (en->percent >= 0)
		snprintf(pct, sizeof pct, "%d%%", en->percent);
	if (en->count >= 0)
		snprintf(cnt, sizeof cnt, "%lld", en->count);
	char at[STAMP_SHOWN_BUF + 8];
	fmt_stamp(en->at, at, sizeof at);
	sb_addf(&b, tr("  %s: revision %lld by %s at %s: %s, %s, count %s\n"), label, en->revision,
		en->by ? en->by : "", at, status_label(en->status), pct, cnt);
	push_line(lines, &b);
	const char *names[] = {tr("Result"), tr("Difficulties"), tr("Proposals"), tr("Evidence")};
	const char *texts[] = {en->result, en->difficulties, en->proposals, en->evidence};
	for (int i = 0; i < 4; i++)
		if (texts[i] && *texts[i]) {
			sb_addf(&b, "    %s: %s", names[i], texts[i]);
			push_line(lines, &b);
		}
}

void describe_value_side(struct strvec *lines, const char *label, const struct ivalue *v)
{
	char num[24] = "-", den[24] = "-", val[32] = "-";
	struct strbuf b = {0};
	if (v->numerator >= 0)
		snprintf(num, sizeof num, "%lld", v->numerator);
	if (v->denominator >= 0)
		snprintf(den, sizeof den, "%lld", v->denominator);
	if (v->has_value)
		fmt_num_shown(val, sizeof val, v->value);
	char at[STAMP_SHOWN_BUF + 8];
	fmt_stamp(v->at, at, sizeof at);
	sb_addf(&b, tr("  %s: revision %lld by %s at %s: %s/%s, value %s\n"), label, v->revision,
		v->by ? v->by : "", at, num, den, val);
	push_line(lines, &b);
	if (v->note && *v->note) { /* its own line, as an entry's texts */
		sb_addf(&b, "    %s: %s", tr("Note"), v->note);
		push_line(lines, &b);
	}
}

const char *describe_key_state(enum key_state ks)
{
	return ks == KEY_NONE ? "-" : tr(key_state_name(ks));
}
