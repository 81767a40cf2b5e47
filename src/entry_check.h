/* SPDX-License-Identifier: MIT */
/* The rules an entry (progress on a task) and an indicator value obey, wherever they
 * come from: `tiendo set`, the interface's forms, or a report being imported. */
#ifndef TIENDO_ENTRY_CHECK_H
#define TIENDO_ENTRY_CHECK_H

#include "progress.h"
#include "store.h"
#include "util.h"

/* The largest count, numerator or denominator. */
#define ENTRY_NUMBER_MAX 1000000000000LL

/* May someone enter data for unit u now: one unit (not a group), not retired. */
int entry_check_unit(const struct unit_rec *u, struct err *e);
/* May unit u hold an entry on task t: one unit (not a group), and the task
 * assigned to it (lead or coordinating). Retired units and tasks are the
 * caller's to refuse: a report still carries what they entered before. */
int entry_check_target(const struct unit_set *units, const struct unit_rec *u,
		       const struct task_rec *t, struct err *e);
/* percent -1 (unset) or 0..100, count -1 or 0..ENTRY_NUMBER_MAX, texts
 * (NULL: none) at most PROGRESS_TEXT_MAX bytes. */
int entry_check_values(int percent, long long count, const char *const texts[4], struct err *e);

/* May unit u hold a value of indicator d: one unit, among its reporters. */
int value_check_target(const struct unit_set *units, const struct unit_rec *u,
		       const struct indicator_rec *d, struct err *e);
/* A value of d: numerator and denominator -1 or within 0..ENTRY_NUMBER_MAX
 * (a denominator above 0, not below the numerator); a value at least 0,
 * 0 or 1 for a milestone, at most 100 for a percentage; the note's length. */
int value_check_values(const struct indicator_rec *d, const struct ivalue *v, struct err *e);

#endif
