/* SPDX-License-Identifier: MIT */
/* The command table, and the overview shown when no command is given. */
#include <stdlib.h>

#include "cli.h"
#include "humanfmt.h"
#include "msg.h"
#include "session.h"
#include "store.h"

/* The commands in the order tiendo --help lists them; each entry (name, summary,
 * usage) is written beside its option table in its cmd_*.c. */
const struct command *const cli_commands[] = {
	&cmd_init_entry,
	&cmd_plans_entry,
	&cmd_use_entry,
	&cmd_units_entry,
	&cmd_add_unit_entry,
	&cmd_retire_unit_entry,
	&cmd_tasks_entry,
	&cmd_indicators_entry,
	&cmd_regime_entry,
	&cmd_set_entry,
	&cmd_set_indicator_entry,
	&cmd_show_entry,
	&cmd_show_indicator_entry,
	&cmd_undo_entry,
	&cmd_due_entry,
	&cmd_export_plan_entry,
	&cmd_export_entry,
	&cmd_import_entry,
	&cmd_status_entry,
	&cmd_consolidate_entry,
	&cmd_draft_report_entry,
	&cmd_draft_reminder_entry,
	&cmd_conflicts_entry,
	&cmd_resolve_entry,
	&cmd_received_entry,
	&cmd_rename_unit_entry,
	&cmd_add_units_entry,
	&cmd_key_entry,
	&cmd_trust_entry,
};
const size_t cli_n_commands = sizeof cli_commands / sizeof cli_commands[0];

/* Without a command when standard input or output is not a terminal (a script,
 * a pipe): the plan, its tasks and what is due. */
int cmd_overview(struct cli *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct session x;
	struct session_options so = {0};
	struct session_overview ov = {0};
	struct err e;
	int rc = EXIT_REFUSED;
	if (cli_session(c, &x, &so, false))
		goto out;
	if (session_overview(&x, date_today(), &ov, &e)) {
		cli_error("%s", e.msg);
		goto out;
	}
	const struct plan_rec *p = ov.plan;
	char date[DAY_SHOWN_BUF + 8];
	fmt_date_text(p->date, date, sizeof date);
	cli_out(c, "%s\n", p->title);
	cli_out(c, tr("Plan %s, version %d, %s %s; consolidated by %s; this database: %s\n\n"),
		p->code, p->version, *p->number ? p->number : tr("(no number)"),
		*p->date ? date : tr("(undated)"), p->consolidator, ov.owner ? ov.owner->code : "-");
	for (size_t i = 0; i < x.b.tasks.n; i++) /* in the plan's order, as tiendo tasks */
		cli_print_task(c, &x.b.tasks.v[i]);
	cli_out(c, "%s", tr("\nDue in the next 30 days, and overdue:\n"));
	cli_print_deadlines(c, &ov.due);
	rc = EXIT_OK;
out:
	session_overview_free(&ov);
	session_close(&x);
	return rc;
}
