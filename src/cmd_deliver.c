/* SPDX-License-Identifier: MIT */
/* Commands that draft the department's documents: draft-report, draft-reminder. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "deliver.h"
#include "msg.h"
#include "period.h"
#include "session.h"

static int run(struct cli *c, const char *cmd, enum deliver_kind kind, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'}, {"output", required_argument, NULL, 'o'},
		{"text", no_argument, NULL, 't'},         {"plan", required_argument, NULL, 'P'},
		{"org", required_argument, NULL, 'g'},    {"place", required_argument, NULL, 'l'},
		{"signer", required_argument, NULL, 's'}, {"signer-title", required_argument, NULL, 'T'},
		{"symbol", required_argument, NULL, 'y'}, {"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *period_arg = NULL, *plan_code = NULL;
	char *arg[5] = {NULL}; /* org place signer signer-title symbol, checked */
	bool text = false;
	int ch, rc = EXIT_USAGE;
	optind = 0;
	while ((ch = cli_getopt(cmd, argc, argv, ":p:o:tP:g:l:s:T:y:h", opts)) != -1) {
		const char *which = strchr("glsTy", ch);
		if (which && ch) {
			size_t i = (size_t)(which - "glsTy");
			free(arg[i]);
			if (!(arg[i] = cli_text(opts[4 + i].name, optarg, false)))
				goto out;
			continue;
		}
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'o': out = optarg; break;
		case 't': text = true; break;
		case 'P': plan_code = optarg; break;
		case 'h': rc = cli_command_help(cmd); goto out;
		default: goto out;
		}
	}
	if (!cli_positional(cmd, argc, argv, 0, ""))
		goto out;
	struct period p;
	if (!period_arg) {
		rc = cli_usage(cmd, tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
		goto out;
	}
	rc = EXIT_REFUSED;
	if (!period_parse(period_arg, &p)) {
		cli_error(tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612)"),
			  cmd, period_arg);
		goto out;
	}
	char period[PERIOD_BUF];
	period_format(&p, period);
	struct config cfg;
	config_load(&cfg);
	struct draft_opts dopt = {arg[0], arg[1], arg[3], arg[2], arg[4]};
	deliver_opts_merge(&dopt, &cfg);

	struct session x;
	struct err e;
	struct session_options so = {.plan = plan_code, .need_owner = true};
	if (cli_session(c, &x, &so, false))
		goto close;
	if (text) {
		struct strbuf b = {0};
		if (deliver_text(x.db, &x.b.plan, &x.b.units, x.b.owner, period, kind, &dopt, &b, &e))
			cli_error("%s: %s", cmd, e.msg);
		else {
			cli_out(c, "%s", b.s);
			rc = EXIT_OK;
		}
		sb_free(&b);
		goto close;
	}
	char *written;
	size_t n = 0;
	if (deliver_session(&x, period, kind, &dopt, out, &written, &n, &e)) {
		cli_error("%s: %s", cmd, e.msg);
		goto close;
	}
	if (kind == DELIVER_REPORT)
		cli_out(c, tr("Wrote %s: the draft report of plan %s for %s.\n"), written, x.b.plan.code,
			period);
	else
		cli_out(c, tr("Wrote %s: the reminder to %zu units that have not reported for %s.\n"),
			written, n, period);
	free(written);
	rc = EXIT_OK;
close:
	session_close(&x);
out:
	for (size_t i = 0; i < ARRAY_LEN(arg); i++)
		free(arg[i]);
	return rc;
}

int cmd_draft_report(struct cli *c, int argc, char **argv)
{
	return run(c, "draft-report", DELIVER_REPORT, argc, argv);
}

int cmd_draft_reminder(struct cli *c, int argc, char **argv)
{
	return run(c, "draft-reminder", DELIVER_REMINDER, argc, argv);
}
