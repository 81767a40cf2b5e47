/* SPDX-License-Identifier: MIT */
/* The plan model: units, sections, tasks, indicators, report rules and events, as plain structs. */
#ifndef TIENDO_PLAN_H
#define TIENDO_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "period.h"

enum unit_kind {
	UNIT_PROVINCE, UNIT_DEPARTMENT, UNIT_BOARD, UNIT_AGENCY, UNIT_PRESS,
	UNIT_COMMUNE, UNIT_WARD, UNIT_SPECIAL_ZONE, UNIT_DIVISION, UNIT_EXTERNAL,
	UNIT_GROUP, UNIT_KIND_COUNT
};
const char *unit_kind_name(enum unit_kind k);
bool unit_kind_parse(const char *s, enum unit_kind *k);

enum tf_kind { TF_NONE, TF_RECURRING, TF_DUE, TF_KIND_COUNT };
struct timeframe {
	enum tf_kind kind;
	bool has_date; /* recurring from a date, or due by a date */
	day_t date;
};
/* Parse "recurring", "recurring:2026", "recurring:2026-03-01", "due:2025",
 * "due:2025-06-30", "none". */
bool timeframe_parse(const char *s, struct timeframe *tf);
/* The file form ("due:2025-12-31"). */
void timeframe_format(const struct timeframe *tf, char *buf, size_t n);

enum ind_kind { IND_PERCENT, IND_COUNT, IND_MILESTONE, IND_KIND_COUNT };
enum comparator { CMP_GE, CMP_EQ, CMP_LE, CMP_COUNT };
enum consolidation { CONS_RATIO, CONS_SUM, CONS_SHARE_MET, CONS_ALL, CONS_COUNT };
const char *ind_kind_name(enum ind_kind k);
bool ind_kind_parse(const char *s, enum ind_kind *k);
const char *comparator_name(enum comparator c);
bool comparator_parse(const char *s, enum comparator *c);
const char *consolidation_name(enum consolidation c);
bool consolidation_parse(const char *s, enum consolidation *c);
/* Does value meet target under comparator? */
bool comparator_met(enum comparator c, double value, double target);
/* "≥100%" style target for display: ">=100%", ">=3", "yes". */
void indicator_target_describe(enum ind_kind k, enum comparator c, double target, char *buf,
			       size_t n);

enum status { STATUS_NOT_STARTED, STATUS_IN_PROGRESS, STATUS_DONE, STATUS_BLOCKED, STATUS_COUNT };
const char *status_name(enum status s);
bool status_parse(const char *s, enum status *out);
/* The status in the user's language ("đang thực hiện"). */
const char *status_label(enum status s);

/* Plan records as read from a plan file (line = where they were read, for messages). */
struct unit_def {
	char *code, *parent, *members, *name;
	enum unit_kind kind;
	bool retired;
	int line;
};
struct section_def {
	char *code, *title;
	int line;
};
struct event_def {
	char *code, *name;
	int month, day;
	int line;
};
struct task_def {
	char *code, *section, *item, *lead, *coord, *events, *measure, *tf_text, *title, *text;
	struct timeframe tf;
	int line;
};
struct indicator_def {
	char *code, *reporters, *title, *text;
	enum ind_kind kind;
	enum comparator cmp;
	double target;
	int year;
	enum consolidation cons;
	int line;
};
struct report_def {
	char *code, *reporters, *to, *due, *text;
	enum period_type period;
	bool adhoc;
	bool to_inferred; /* the plan names no recipient: `to` is the keeper's inference */
	int line;
};

struct plan_def {
	char *code, *issuer, *number, *place, *date, *consolidator, *parent, *parent_ref, *title;
	int version;
	struct unit_def *units;
	size_t n_units;
	struct section_def *sections;
	size_t n_sections;
	struct event_def *events;
	size_t n_events;
	struct task_def *tasks;
	size_t n_tasks;
	struct indicator_def *indicators;
	size_t n_indicators;
	struct report_def *reports;
	size_t n_reports;
};

void plan_def_free(struct plan_def *p);

/* Is s a valid code (ASCII letters, digits, - _ .; 1..32 characters)? */
bool code_valid(const char *s);

#endif
