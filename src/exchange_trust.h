/* SPDX-License-Identifier: MIT */
/* The trust rules of the exchange (docs/exchange.md, "Who may send what"):
 * which plan packages and which reports a database accepts, whatever their
 * checksum says. Used by exchange.c; no SQL of its own beyond store calls. */
#ifndef TIENDO_EXCHANGE_TRUST_H
#define TIENDO_EXCHANGE_TRUST_H

#include <stdbool.h>

#include "db.h"
#include "plan.h"
#include "report.h"
#include "store.h"
#include "util.h"

/* May this database take the plan package def? A database that
 * consolidates the plan never takes a newer package of it from outside
 * (own_signed: signed by this database's own key, its own export, as when
 * a copy of the database is restored);
 * another database takes packages only of the plans it holds, from the
 * unit that issued them (the plan's consolidator), and a package of a new
 * plan only when add_plan. 0 when allowed; -1 with the reason in why (a
 * new string) when refused, or with e set on a database error (*why NULL). */
int trust_plan_package(struct db *db, const struct plan_def *def, bool add_plan, bool own_signed,
		       char **why, struct err *e);

/* May sender's report come into a database whose own unit is owner (NULL:
 * no owner)? Reports travel up: never from the database's own unit or a
 * unit it reports to (directly or further up). NULL when allowed, else the
 * reason (a new string). */
char *trust_report_sender(const struct unit_set *units, const struct rule_list *rules,
			  const struct unit_rec *owner, const struct unit_rec *sender);

/* The rows of a report that repeat a (unit, task) or (unit, indicator)
 * already in the file: the file contradicts itself. Calls add(line, first
 * line, kind, unit, item) for each repeat; returns how many. */
size_t trust_report_repeats(const struct report *rep,
			    void (*add)(void *arg, int line, int first, const char *unit,
					const char *item),
			    void *arg);

#endif
