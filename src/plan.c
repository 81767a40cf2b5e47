/* SPDX-License-Identifier: MIT */
/* The plan model: names of the enumerations, time frames, indicator targets. */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"

static const char *const unit_kinds[UNIT_KIND_COUNT] = {
	"province", "department", "board", "agency", "press", "commune",
	"ward", "special-zone", "division", "external", "group",
};
static const char *const ind_kinds[IND_KIND_COUNT] = {"percent", "count", "milestone"};
static const char *const comparators[CMP_COUNT] = {">=", "=", "<="};
static const char *const consolidations[CONS_COUNT] = {"ratio", "sum", "share-met", "all"};
static const char *const statuses[STATUS_COUNT] = {"not-started", "in-progress", "done", "blocked"};

static bool lookup(const char *const *names, int n, const char *s, int *out)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0) {
			*out = i;
			return true;
		}
	return false;
}

#define NAME_FUNCS(fn_name, fn_parse, type, table, count)                  \
	const char *fn_name(type v) { return table[v]; }                   \
	bool fn_parse(const char *s, type *out)                            \
	{                                                                  \
		int i;                                                     \
		if (!lookup(table, count, s, &i))                          \
			return false;                                      \
		*out = (type)i;                                            \
		return true;                                               \
	}

NAME_FUNCS(unit_kind_name, unit_kind_parse, enum unit_kind, unit_kinds, UNIT_KIND_COUNT)
NAME_FUNCS(ind_kind_name, ind_kind_parse, enum ind_kind, ind_kinds, IND_KIND_COUNT)
NAME_FUNCS(comparator_name, comparator_parse, enum comparator, comparators, CMP_COUNT)
NAME_FUNCS(consolidation_name, consolidation_parse, enum consolidation, consolidations, CONS_COUNT)
NAME_FUNCS(status_name, status_parse, enum status, statuses, STATUS_COUNT)

bool timeframe_parse(const char *s, struct timeframe *tf)
{
	memset(tf, 0, sizeof *tf);
	if (strcmp(s, "none") == 0) {
		tf->kind = TF_NONE;
		return true;
	}
	if (strcmp(s, "recurring") == 0) {
		tf->kind = TF_RECURRING;
		return true;
	}
	const char *arg;
	if (strncmp(s, "recurring:", 10) == 0) {
		tf->kind = TF_RECURRING;
		arg = s + 10;
	} else if (strncmp(s, "due:", 4) == 0) {
		tf->kind = TF_DUE;
		arg = s + 4;
	} else {
		return false;
	}
	tf->has_date = true;
	if (strlen(arg) == 4) {
		long long y;
		if (!parse_int(arg, 1900, 2999, &y))
			return false;
		tf->date = tf->kind == TF_DUE ? date_from_ymd((int)y, 12, 31)
					      : date_from_ymd((int)y, 1, 1);
		return true;
	}
	return date_parse(arg, &tf->date);
}

void timeframe_format(const struct timeframe *tf, char *buf, size_t n)
{
	char d[DATE_BUF];
	if (tf->has_date)
		date_format(tf->date, d);
	switch (tf->kind) {
	case TF_NONE: snprintf(buf, n, "none"); break;
	case TF_RECURRING:
		if (tf->has_date)
			snprintf(buf, n, "recurring:%s", d);
		else
			snprintf(buf, n, "recurring");
		break;
	default: snprintf(buf, n, "due:%s", d); break;
	}
}

bool comparator_met(enum comparator c, double value, double target)
{
	switch (c) {
	case CMP_GE: return value >= target - 1e-9;
	case CMP_LE: return value <= target + 1e-9;
	default: return value > target - 1e-9 && value < target + 1e-9;
	}
}

void indicator_target_describe(enum ind_kind k, enum comparator c, double target, char *buf,
			       size_t n)
{
	char num[32];
	if (k == IND_MILESTONE) {
		snprintf(buf, n, "yes");
		return;
	}
	fmt_num(num, sizeof num, target);
	snprintf(buf, n, "%s%s%s", comparators[c], num, k == IND_PERCENT ? "%" : "");
}

bool code_valid(const char *s)
{
	size_t n = strlen(s);
	if (n < 1 || n > 32)
		return false;
	for (; *s; s++) {
		char c = *s;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return false;
	}
	return true;
}

static void free_strs(char **first, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(first[i]);
}

void plan_def_free(struct plan_def *p)
{
	char *hdr[] = {p->code, p->issuer, p->number, p->place, p->date,
		       p->consolidator, p->parent, p->parent_ref, p->title};
	free_strs(hdr, ARRAY_LEN(hdr));
	for (size_t i = 0; i < p->n_units; i++) {
		struct unit_def *u = &p->units[i];
		char *s[] = {u->code, u->parent, u->members, u->name};
		free_strs(s, ARRAY_LEN(s));
	}
	for (size_t i = 0; i < p->n_sections; i++) {
		free(p->sections[i].code);
		free(p->sections[i].title);
	}
	for (size_t i = 0; i < p->n_events; i++) {
		free(p->events[i].code);
		free(p->events[i].name);
	}
	for (size_t i = 0; i < p->n_tasks; i++) {
		struct task_def *t = &p->tasks[i];
		char *s[] = {t->code, t->section, t->item, t->lead, t->coord, t->events,
			     t->measure, t->tf_text, t->title, t->text};
		free_strs(s, ARRAY_LEN(s));
	}
	for (size_t i = 0; i < p->n_indicators; i++) {
		struct indicator_def *d = &p->indicators[i];
		char *s[] = {d->code, d->reporters, d->title, d->text};
		free_strs(s, ARRAY_LEN(s));
	}
	for (size_t i = 0; i < p->n_reports; i++) {
		struct report_def *r = &p->reports[i];
		char *s[] = {r->code, r->reporters, r->to, r->due, r->text};
		free_strs(s, ARRAY_LEN(s));
	}
	free(p->units);
	free(p->sections);
	free(p->events);
	free(p->tasks);
	free(p->indicators);
	free(p->reports);
	memset(p, 0, sizeof *p);
}

const char *status_label(enum status s)
{
	switch (s) {
	case STATUS_IN_PROGRESS: return tr("in progress");
	case STATUS_DONE: return tr("done");
	case STATUS_BLOCKED: return tr("blocked");
	default: return tr("not started");
	}
}
