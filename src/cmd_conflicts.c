/* SPDX-License-Identifier: MIT */
/* What import kept aside and what it received: conflicts, resolve, received. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "exchange.h"
#include "humanfmt.h"
#include "msg.h"
#include "period.h"
#include "session.h"
#include "text.h"

static void print_lines(struct cli *c, struct strvec *lines)
{
	for (size_t i = 0; i < lines->n; i++)
		cli_out(c, "%s\n", lines->v[i]);
	sv_free(lines);
}

/* One conflict: its line, then both sides in full. */
static void print_conflict(struct cli *c, const struct conflict_rec *k)
{
	char *file = text_visible(k->file, true); /* one line, one row */
	cli_out(c, "%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)k->id,
		conflict_state_label(k->state), k->unit, k->is_value ? tr("indicator") : tr("task"),
		k->item, k->period, file);
	free(file);
	const char *in_label = k->state == CONFLICT_TAKEN ? tr("replaced") : tr("incoming");
	struct strvec lines = {0};
	if (!k->is_value) {
		describe_entry_side(&lines, tr("stored"), &k->cur_entry);
		describe_entry_side(&lines, in_label, &k->in_entry);
	} else {
		describe_value_side(&lines, tr("stored"), &k->cur_value);
		describe_value_side(&lines, in_label, &k->in_value);
	}
	print_lines(c, &lines);
}

/* The open conflicts of the database's other plans, one line per plan with
 * the command that lists them: an import reports conflicts of any plan. */
static int print_elsewhere(struct cli *c, const struct session *x, const char *period)
{
	struct plan_conflicts_list l;
	struct err e;
	if (exchange_conflicts_elsewhere(x->db, x->b.plan.id, period, &l, &e)) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	for (size_t i = 0; i < l.n; i++) {
		if (period)
			cli_out(c, tr("Open conflicts in plan %s: %lld (see: tiendo conflicts --plan %s --period %s)\n"),
				l.v[i].plan, l.v[i].open, l.v[i].plan, period);
		else
			cli_out(c, tr("Open conflicts in plan %s: %lld (see: tiendo conflicts --plan %s)\n"),
				l.v[i].plan, l.v[i].open, l.v[i].plan);
	}
	plan_conflicts_list_free(&l);
	return EXIT_OK;
}

const struct command cmd_conflicts_entry = {
	.name = "conflicts",
	.run = cmd_conflicts,
	.summary = N_("list the conflicts kept aside on import"),
	.usage = N_("Usage: tiendo [-f DB] conflicts [--period P] [--all] [--plan CODE]\n\nList the conflicts kept aside on import: an incoming row with the same\nrevision as the stored one but other content. Both sides are shown. Those\nof the current plan (or of --plan CODE); a line names each other plan\nthat holds open conflicts.\n  --period P   those of P, and those the reports for P brought\n  --all        also the conflicts already resolved\n"),
};

int cmd_conflicts(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"all", no_argument, NULL, 'a'},
		{"plan", required_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *period_arg = NULL, *plan_code = NULL;
	bool all = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("conflicts", argc, argv, ":p:aP:h", opts)) != -1) {
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'a': all = true; break;
		case 'P': plan_code = optarg; break;
		case 'h': return cli_command_help("conflicts");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("conflicts", argc, argv, 0, ""))
		return EXIT_USAGE;
	char period[PERIOD_BUF];
	if (period_arg && !cli_period("conflicts", period_arg, period))
		return EXIT_REFUSED;
	struct session x;
	struct err e;
	struct conflict_list l = {0};
	struct session_options so = {.plan = plan_code, .need_owner = true};
	int rc = cli_session(c, &x, &so, false) ? EXIT_REFUSED : EXIT_OK;
	if (rc)
		goto out;
	if (exchange_conflicts(x.db, &x.b.plan, period_arg ? period : NULL, all, &l, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	if (l.n == 0)
		cli_out(c, "%s", all ? tr("No conflicts.\n") : tr("No open conflicts.\n"));
	for (size_t i = 0; i < l.n; i++)
		print_conflict(c, &l.v[i]);
	if (!all && l.n)
		cli_out(c, "%s", tr("Resolve each with: tiendo resolve ID --take (the incoming row) or --keep (the stored one)\n"));
	rc = print_elsewhere(c, &x, period_arg ? period : NULL);
out:
	conflict_list_free(&l);
	session_close(&x);
	return rc;
}

const struct command cmd_resolve_entry = {
	.name = "resolve",
	.run = cmd_resolve,
	.summary = N_("resolve a conflict"),
	.usage = N_("Usage: tiendo [-f DB] resolve ID (--take | --keep)\n\nResolve a conflict: --take puts the incoming row in place of the stored one\n(the replaced content stays in the conflict list); --keep keeps the stored row.\n"),
};

int cmd_resolve(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"take", no_argument, NULL, 't'},
		{"keep", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int take = -1, ch;
	optind = 0;
	while ((ch = cli_getopt("resolve", argc, argv, ":tkh", opts)) != -1) {
		switch (ch) {
		case 't':
		case 'k':
			if (take >= 0)
				return cli_usage("resolve", tr("give --take or --keep, not both"));
			take = ch == 't';
			break;
		case 'h': return cli_command_help("resolve");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("resolve", argc, argv, 1, tr("the conflict number")))
		return EXIT_USAGE;
	if (take < 0)
		return cli_usage("resolve", tr("give --take (the incoming row wins) or --keep (the stored row stays)"));
	long long id;
	/* An ID that is no number is a usage error; a number no conflict has is
	 * refused by the session, naming it. */
	if (!parse_int(argv[optind], 1, LLONG_MAX, &id))
		return cli_usage("resolve", tr("'%s' is not a conflict number: give the number in the first column of tiendo conflicts"),
				 argv[optind]);
	struct session x;
	struct session_options so = {.db_only = true};
	struct err e;
	if (cli_session(c, &x, &so, false)) {
		session_close(&x);
		return EXIT_REFUSED;
	}
	int rc = EXIT_OK;
	if (session_resolve(&x, id, take, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		cli_out(c, take ? tr("Conflict %lld resolved: the incoming row replaced the stored one.\n")
				: tr("Conflict %lld resolved: the stored row stays.\n"),
			id);
	}
	session_close(&x);
	return rc;
}

const struct command cmd_received_entry = {
	.name = "received",
	.run = cmd_received,
	.summary = N_("the register of received files"),
	.usage = N_("Usage: tiendo [-f DB] received [--period P]\n\nThe register of received files, oldest first, one line each: import time,\nkind (report or plan), sender, plan and version (and period), export time,\nencoding, rows new/replaced/unchanged/older/conflicts, checksum, file name.\n"),
};

int cmd_received(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *period_arg = NULL;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("received", argc, argv, ":p:h", opts)) != -1) {
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'h': return cli_command_help("received");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("received", argc, argv, 0, ""))
		return EXIT_USAGE;
	char period[PERIOD_BUF];
	if (period_arg && !cli_period("received", period_arg, period))
		return EXIT_REFUSED;
	struct db *db;
	struct err e;
	struct received_list l;
	if (!(db = cli_open(c, DB_OPEN_EXISTING)))
		return EXIT_REFUSED;
	int rc = EXIT_OK;
	if (exchange_received(db, period_arg ? period : NULL, &l, &e)) {
		cli_error("%s", e.msg);
		db_disconnect(db);
		return EXIT_REFUSED;
	}
	for (size_t i = 0; i < l.n; i++) {
		const struct received_rec *r = &l.v[i];
		char imported[STAMP_SHOWN_BUF + 8], exported[STAMP_SHOWN_BUF + 8];
		fmt_stamp(r->imported_at, imported, sizeof imported);
		fmt_stamp(r->exported_at, exported, sizeof exported);
		char *file = text_visible(r->file, true); /* a tab or a line break of a name: one row */
		if (strcmp(r->kind, "plan") == 0)
			cli_out(c, "%s\t%s\t%s\t%s v%d\t-\t%s\t-\t%s\t%s\n", imported, r->kind,
				r->sender, r->plan, r->plan_version, r->encoding, r->checksum, file);
		else
			cli_out(c, "%s\t%s\t%s\t%s v%d %s\t%s\t%s\t%lld/%lld/%lld/%lld/%lld\t%s\t%s\n",
				imported, r->kind, r->sender, r->plan, r->plan_version, r->period,
				exported, r->encoding, r->added, r->replaced, r->unchanged,
				r->older, r->conflicts, r->checksum, file);
		free(file);
	}
	received_list_free(&l);
	db_disconnect(db);
	return rc;
}
