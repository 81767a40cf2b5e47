/* SPDX-License-Identifier: MIT */
/* The rules of entries and indicator values (see entry_check.h). */
#include "entry_check.h"

#include <string.h>

#include "msg.h"

int entry_check_unit(const struct unit_rec *u, struct err *e)
{
	if (u->kind == UNIT_GROUP)
		return err_set(e, tr("%s is a group of units; enter progress for one of its units"),
			       u->code);
	if (u->retired)
		return err_set(e, tr("unit %s is retired"), u->code);
	return 0;
}

int entry_check_target(const struct unit_set *units, const struct unit_rec *u,
		       const struct task_rec *t, struct err *e)
{
	if (u->kind == UNIT_GROUP)
		return entry_check_unit(u, e);
	if (!task_assigned(units, t, u))
		return err_set(e, tr("task %s is not assigned to unit %s (lead: %s; coordinating: %s)"),
			       t->code, u->code, t->lead, *t->coord ? t->coord : "-");
	return 0;
}

static int check_text(const char *name, const char *s, struct err *e)
{
	if (s && strlen(s) > PROGRESS_TEXT_MAX)
		return err_set(e, tr("the %s is too long: %zu bytes, at most %d"), tr(name), strlen(s),
			       PROGRESS_TEXT_MAX);
	return 0;
}

int entry_check_values(int percent, long long count, const char *const texts[4], struct err *e)
{
	static const char *const names[] = {N_("result"), N_("difficulties"), N_("proposals"),
					    N_("evidence")};
	if (percent < -1 || percent > 100)
		return err_set(e, tr("the percent must be from 0 to 100 (not %d)"), percent);
	if (count < -1 || count > ENTRY_NUMBER_MAX)
		return err_set(e, tr("the count must be from 0 to %lld (not %lld)"), ENTRY_NUMBER_MAX,
			       count);
	for (int i = 0; i < 4; i++)
		if (texts && check_text(names[i], texts[i], e))
			return -1;
	return 0;
}

int value_check_target(const struct unit_set *units, const struct unit_rec *u,
		       const struct indicator_rec *d, struct err *e)
{
	if (u->kind == UNIT_GROUP)
		return entry_check_unit(u, e);
	if (!unit_list_covers(units, d->reporters, u))
		return err_set(e, tr("unit %s does not report indicator %s (reporters: %s)"), u->code,
			       d->code, d->reporters);
	return 0;
}

int value_check_values(const struct indicator_rec *d, const struct ivalue *v, struct err *e)
{
	if (v->numerator < -1 || v->numerator > ENTRY_NUMBER_MAX || v->denominator < -1 ||
	    v->denominator == 0 || v->denominator > ENTRY_NUMBER_MAX ||
	    (v->numerator >= 0) != (v->denominator >= 0))
		return err_set(e, tr("give both the numerator (0 to %lld) and a denominator above 0"),
			       ENTRY_NUMBER_MAX);
	if (v->numerator > v->denominator)
		return err_set(e, tr("the numerator (%lld) exceeds the denominator (%lld)"),
			       v->numerator, v->denominator);
	if (v->has_value && !(v->value >= 0))
		return err_set(e, "%s", tr("the value must be a number of at least 0"));
	if (v->has_value && d->kind == IND_MILESTONE && v->value != 0 && v->value != 1)
		return err_set(e, tr("%s is a yes/no milestone: the value must be 1 (yes) or 0 (no)"),
			       d->code);
	if (v->has_value && d->kind == IND_PERCENT && v->value > 100)
		return err_set(e, tr("%s is a percentage: the value must be from 0 to 100"), d->code);
	return check_text(N_("note"), v->note, e);
}
