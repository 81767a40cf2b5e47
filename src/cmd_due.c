/* SPDX-License-Identifier: MIT */
/* The due command: upcoming and overdue deadlines. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "humanfmt.h"
#include "deadline.h"
#include "msg.h"
#include "session.h"

void cli_print_deadlines(struct cli *c, const struct deadline_list *dl)
{
	for (size_t i = 0; i < dl->n; i++) {
		char d[DAY_SHOWN_BUF];
		fmt_day(dl->v[i].date, d);
		cli_out(c, "%s\t%s\t%s\t%s\n", d, deadline_kind_label(dl->v[i].kind), dl->v[i].code,
			dl->v[i].detail);
	}
}

const struct command cmd_due_entry = {
	.name = "due",
	.run = cmd_due,
	.summary = N_("deadlines ahead, and overdue tasks"),
	.usage = N_("Usage: tiendo [-f DB] due [--from DATE] [--days N] [--unit CODE | --all]\n\nDeadlines from DATE (default today) for N days (default 30): task due dates,\nreport due dates from the reporting regime and annual events, plus tasks\nalready overdue (due before DATE and not done; --days 0: only those). One\nline each: DATE, KIND (overdue, task, report, event), CODE, DETAIL; when\nthere is none, a line that says so.\n  --unit CODE  deadlines of that unit (default: the database's owner; when the\n               owner is the plan's consolidating unit, every unit's)\n  --all        deadlines of every unit (a task is overdue while one unit\n               it is assigned to has not done it)\n"),
};

int cmd_due(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"from", required_argument, NULL, 'f'},
		{"days", required_argument, NULL, 'd'},
		{"unit", required_argument, NULL, 'u'},
		{"all", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *unit_code = NULL;
	day_t from = date_today();
	long long days = 30;
	bool all = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("due", argc, argv, ":f:d:u:ah", opts)) != -1) {
		switch (ch) {
		case 'f':
			if (!fmt_parse_day(optarg, &from)) {
				cli_error(tr("due: --from '%s' must be a date DD/MM/YYYY or YYYY-MM-DD"), optarg);
				return EXIT_REFUSED;
			}
			break;
		case 'd': /* due writes nothing: no "nothing was written" here */
			if (!parse_int(optarg, 0, 3660, &days)) {
				cli_error(tr("due: --days '%s' must be a whole number from 0 to 3660"), optarg);
				return EXIT_REFUSED;
			}
			break;
		case 'u': unit_code = optarg; break;
		case 'a': all = true; break;
		case 'h': return cli_command_help("due");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("due", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (all && unit_code)
		return cli_usage("due", tr("give --unit or --all, not both"));
	struct session x;
	struct session_options so = {0};
	struct err e;
	struct deadline_list dl = {0};
	const struct unit_rec *unit = NULL;
	int rc = EXIT_REFUSED;
	if (cli_session(c, &x, &so, false))
		goto out;
	if (!all && store_resolve_unit(x.db, &x.b.units, unit_code, &unit, &e)) {
		cli_error("%s", e.msg);
		goto out;
	}
	if (!all && !unit_code)
		unit = session_followed_unit(&x);
	if (session_due(&x, unit, from, from + (day_t)days, true, &dl, &e)) {
		cli_error("%s", e.msg);
		goto out;
	}
	cli_print_deadlines(c, &dl);
	if (dl.n == 0) { /* said, as conflicts says "No open conflicts." */
		char d[DAY_SHOWN_BUF];
		fmt_day(from, d);
		if (days == 1) /* "in the 1 days" */
			cli_out(c, tr("Nothing due on %s, and nothing overdue.\n"), d);
		else
			cli_out(c, tr("Nothing due in the %lld days from %s, and nothing overdue.\n"), days, d);
	}
	rc = EXIT_OK;
out:
	deadline_list_free(&dl);
	session_close(&x);
	return rc;
}
