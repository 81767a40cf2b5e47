/* SPDX-License-Identifier: MIT */
/* The trust rules of the exchange: who may send which file to whom.
 *
 * A checksum says a file arrived whole; these rules say whether its sender
 * may tell this database anything at all:
 * - plans travel down: the database that consolidates a plan sends its
 *   packages and never takes a newer one from outside; any other database
 *   takes packages only of a plan it already holds, from the unit that
 *   issued it (the plan's consolidator), and a new plan only when asked to
 *   add one (import --add-plan), without switching its current plan;
 * - reports travel up: a report from this database's own unit, or from a
 *   unit this unit reports to, is refused;
 * - a report says one thing per (unit, task) and (unit, indicator). */
#include "exchange_trust.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"

static char *reason(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *reason(const char *fmt, ...)
{
	char m[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(m, sizeof m, fmt, ap);
	va_end(ap);
	return xstrdup(m);
}

int trust_plan_package(struct db *db, const struct plan_def *def, bool add_plan, bool own_signed,
		       char **why, struct err *e)
{
	struct plan_rec *v;
	size_t n;
	*why = NULL;
	if (store_plans(db, &v, &n, e))
		return -1;
	char *owner = db_meta_get(db, "owner");
	const struct plan_rec *have = NULL;
	for (size_t i = 0; i < n; i++)
		if (strcmp(v[i].code, def->code) == 0)
			have = &v[i];
	if (have && owner && strcmp(owner, have->consolidator) == 0 && def->version > have->version &&
	    !own_signed)
		*why = reason(tr("this database consolidates plan %s (unit %s): it sends the plan's packages (export-plan) and never takes one from outside"),
			      def->code, owner);
	else if (have && strcmp(def->consolidator, have->consolidator) != 0)
		*why = reason(tr("the package says plan %s is issued by %s, but this database has it from %s: a plan package is accepted only from the unit that issued it"),
			      def->code, def->consolidator, have->consolidator);
	else if (!have && n > 0 && !add_plan)
		*why = reason(tr("plan %s is not a plan of this database (its plan: %s); to keep a second plan here, import the package with --add-plan (the current plan stays the same)"),
			      def->code, v[0].code);
	free(owner);
	plan_recs_free(v, n);
	return *why ? -1 : 0;
}

char *trust_report_sender(const struct unit_set *units, const struct rule_list *rules,
			  const struct unit_rec *owner, const struct unit_rec *sender)
{
	if (!owner)
		return NULL;
	if (owner->id == sender->id)
		return reason(tr("the report comes from %s, this database's own unit: reports travel up, a database never takes a report from itself"),
			      sender->code);
	bool *below = report_owned_units(units, rules, sender);
	bool above = below[owner - units->v];
	free(below);
	if (above)
		return reason(tr("the report comes from %s, a unit above this database's unit %s: reports travel up, from the units a database answers for"),
			      sender->code, owner->code);
	return NULL;
}

struct key {
	const char *unit, *item;
	int line;
	bool value;
};

static int key_cmp(const void *pa, const void *pb)
{
	const struct key *a = pa, *b = pb;
	if (a->value != b->value)
		return a->value - b->value;
	int c = strcmp(a->unit, b->unit);
	if (!c)
		c = strcmp(a->item, b->item);
	return c ? c : a->line - b->line;
}

size_t trust_report_repeats(const struct report *rep,
			    void (*add)(void *arg, int line, int first, const char *unit,
					const char *item),
			    void *arg)
{
	size_t n = rep->n_entries + rep->n_values, found = 0;
	if (n < 2)
		return 0;
	struct key *k = xmalloc(n * sizeof *k);
	for (size_t i = 0; i < rep->n_entries; i++)
		k[i] = (struct key){rep->entries[i].unit, rep->entries[i].task, rep->entries[i].line,
				    false};
	for (size_t i = 0; i < rep->n_values; i++)
		k[rep->n_entries + i] = (struct key){rep->values[i].unit, rep->values[i].indicator,
						     rep->values[i].line, true};
	qsort(k, n, sizeof *k, key_cmp);
	for (size_t i = 1, first = 0; i < n; i++) {
		if (k[i].value == k[first].value && strcmp(k[i].unit, k[first].unit) == 0 &&
		    strcmp(k[i].item, k[first].item) == 0) {
			add(arg, k[i].line, k[first].line, k[i].unit, k[i].item);
			found++;
		} else {
			first = i;
		}
	}
	free(k);
	return found;
}
