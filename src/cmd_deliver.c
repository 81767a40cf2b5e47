/* SPDX-License-Identifier: MIT */
/* Commands that draft the department's documents: draft-report, draft-reminder. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "config.h"
#include "deliver.h"
#include "msg.h"
#include "outfile.h"
#include "period.h"
#include "session.h"

/* --text: the draft on standard output, or with -o FILE into FILE, written
 * atomically as every other output is. */
static int put_text(struct cli *c, const char *cmd, struct session *x, const char *period,
		    enum deliver_kind kind, const struct draft_opts *dopt, const char *out)
{
	struct strbuf b = {0};
	struct outfile o;
	struct err e;
	int rc = EXIT_REFUSED;
	if (deliver_text(x->db, &x->b.plan, &x->b.units, x->b.owner, period, kind, dopt, &b, &e)) {
		cli_error("%s: %s", cmd, e.msg);
	} else if (!out || strcmp(out, "-") == 0) {
		cli_out(c, "%s", b.s);
		rc = EXIT_OK;
	} else if (outfile_open(&o, out) || (sb_addn(&o.b, b.s, b.len), outfile_commit(&o))) {
		cli_error(tr("%s: cannot write %s: %s (nothing was written)"), cmd, out, tr_errno(errno));
	} else {
		cli_out(c, kind == DELIVER_REPORT ? tr("Wrote %s: the draft report of plan %s for %s, as text.\n")
						  : tr("Wrote %s: the draft reminder of plan %s for %s, as text.\n"),
			out, x->b.plan.code, period);
		rc = EXIT_OK;
	}
	sb_free(&b);
	return rc;
}

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
	if (!cli_positional(cmd, argc, argv, 0, "") || !cli_output_ok(c, cmd, out))
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
	if (!text && cli_output_name(cmd, out, "docx")) {
		rc = EXIT_USAGE;
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
		rc = put_text(c, cmd, &x, period, kind, &dopt, out);
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
		cli_out(c, trn(N_("Wrote %s: the reminder to %zu unit that has not reported for %s.\n"),
			       N_("Wrote %s: the reminder to %zu units that have not reported for %s.\n"), n),
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

const struct command cmd_draft_report_entry = {
	.name = "draft-report",
	.run = cmd_draft_report,
	.summary = N_("draft the report on the plan's results (.docx)"),
	.usage = N_("Usage: tiendo [-f DB] draft-report --period P [-o FILE.docx] [--text] [--plan CODE]\n                 [--org NAME] [--place NAME] [--signer-title TITLE] [--signer NAME]\n                 [--symbol SYMBOL]\n\nDraft the report on the plan's results for a period as a Word document in\nthe format of Decree 30/2020/ND-CP: header block, I. how the units reported,\nII. results by section and task, III. targets (table and chart), IV.\ndifficulties and V. proposals (the units' texts, duplicates merged, each\nattributed), an appendix of every entry, recipients and signer. Default\nfile: baocao-tonghop_PLAN_PERIOD_YYYYMMDD.docx in $TIENDO_EXPORT_DIR or here.\n  --text            the draft as plain text instead (on standard output,\n                    or into -o FILE)\n  --org NAME        the governing body in the header (default: the unit\n                    above this one, in capitals)\n  --place NAME      the place of the date line (default: the plan's)\n  --signer-title T  the signer's title (\"GIÁM ĐỐC\")\n  --signer NAME     the signer's name\n  --symbol SYMBOL   the symbol after the number (\"BC-SKHCN\")\nWhat is neither given nor in the settings file (org, place, signer,\nsigner-title) is left as a dotted blank to fill in.\n"),
};

int cmd_draft_report(struct cli *c, int argc, char **argv)
{
	return run(c, "draft-report", DELIVER_REPORT, argc, argv);
}

const struct command cmd_draft_reminder_entry = {
	.name = "draft-reminder",
	.run = cmd_draft_reminder,
	.summary = N_("draft the reminder to units that have not reported (.docx)"),
	.usage = N_("Usage: tiendo [-f DB] draft-reminder --period P [-o FILE.docx] [--text] [--plan CODE]\n                 [--org NAME] [--place NAME] [--signer-title TITLE] [--signer NAME]\n                 [--symbol SYMBOL]\n\nDraft the official letter reminding the units that have not reported for a\nperiod (as status counts them), with the units that reported late in a\nsecond list and the due date from the reporting regime; the new deadline is\nleft blank. Default file: dondoc_PLAN_PERIOD_YYYYMMDD.docx in\n$TIENDO_EXPORT_DIR or here. Options as for draft-report.\n"),
};

int cmd_draft_reminder(struct cli *c, int argc, char **argv)
{
	return run(c, "draft-reminder", DELIVER_REMINDER, argc, argv);
}
