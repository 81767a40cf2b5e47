/* SPDX-License-Identifier: MIT */
/* The command table, and the overview shown when no command is given. */
#include <stdlib.h>

#include "cli.h"
#include "humanfmt.h"
#include "msg.h"
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
	struct db *db;
	struct err e;
	struct plan_rec plan = {0};
	if (!(db = cli_open(c, DB_OPEN_EXISTING)))
		return EXIT_REFUSED;
	if (store_current_plan(db, &plan, &e)) {
		cli_error("%s", e.msg);
		db_disconnect(db);
		return EXIT_REFUSED;
	}
	char *owner = db_meta_get(db, "owner");
	char date[DAY_SHOWN_BUF + 8];
	fmt_date_text(plan.date, date, sizeof date);
	cli_out(c, "%s\n", plan.title);
	cli_out(c, tr("Plan %s, version %d, %s %s; consolidated by %s; this database: %s\n\n"),
		plan.code, plan.version, *plan.number ? plan.number : tr("(no number)"),
		*plan.date ? date : tr("(undated)"), plan.consolidator, owner ? owner : "-");
	free(owner);
	plan_rec_free(&plan);
	db_disconnect(db);
	fflush(stdout);
	char *targs[] = {"tasks", NULL};
	int rc = cmd_tasks(c, 1, targs);
	if (rc)
		return rc;
	cli_out(c, "%s", tr("\nDue in the next 30 days, and overdue:\n"));
	fflush(stdout);
	char *dargs[] = {"due", NULL};
	return cmd_due(c, 1, dargs);
}

