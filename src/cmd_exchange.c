/* SPDX-License-Identifier: MIT */
/* Exchange by file: export-plan, export, import, status, consolidate (conflicts,
 * resolve and received: cmd_conflicts.c). */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "completeness.h"
#include "consolidate.h"
#include "csvio.h"
#include "deliver.h"
#include "describe.h"
#include "exchange.h"
#include "exchange_files.h"
#include "exchange_keys.h"
#include "humanfmt.h"
#include "msg.h"
#include "outfile.h"
#include "period.h"
#include "planfile.h"
#include "report.h"
#include "session.h"
#include "text.h"
#include "store.h"

/* Open the database and load its plan (code, or the current one) and owner. */
static int ctx_load(struct cli *c, struct session *x, const char *plan_code)
{
	struct session_options o = {.plan = plan_code, .need_owner = true};
	return cli_session(c, x, &o, false) ? EXIT_REFUSED : EXIT_OK;
}

static int cannot_write(const char *cmd, const char *path)
{
	if (strcmp(path, "-") == 0)
		cli_error(tr("%s: cannot write to standard output: %s"), cmd, tr_errno(errno));
	else
		cli_error(tr("%s: cannot write %s: %s (nothing was written)"), cmd, path, tr_errno(errno));
	return EXIT_REFUSED;
}

/* Write data to path (outfile.h: atomically for a regular file, as it is
 * for a FIFO or a device, standard output for "-"). */
static int emit(const char *cmd, const char *path, const struct strbuf *b)
{
	struct outfile o;
	if (outfile_open(&o, path))
		return cannot_write(cmd, path);
	sb_addn(&o.b, b->s ? b->s : "", b->len);
	if (outfile_commit(&o))
		return cannot_write(cmd, path);
	return EXIT_OK;
}

/* A short date for file names: 20260615, the day in Vietnam of an ISO stamp. */
static void stamp_ymd(const char *stamp, char out[9])
{
	fmt_file_day(stamp, out);
}

const struct command cmd_export_plan_entry = {
	.name = "export-plan",
	.run = cmd_export_plan,
	.summary = N_("write the plan package for the units"),
	.usage = N_("Usage: tiendo [-f DB] export-plan [-o FILE] [--excel]\n\nWrite the current plan as a plan package to send to every unit (default file:\nkehoach_PLAN_vN.csv here; -o - writes to standard output). When units were\nadded, renamed or retired since the last package, the plan's version goes up\nby one so that they travel with it.\n  --excel   for a spreadsheet: UTF-8 with BOM, CRLF, formula-like cells neutralised\n"),
};

int cmd_export_plan(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"excel", no_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL;
	bool excel = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("export-plan", argc, argv, ":o:xh", opts)) != -1) {
		switch (ch) {
		case 'o': out = optarg; break;
		case 'x': excel = true; break;
		case 'h': return cli_command_help("export-plan");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("export-plan", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (!cli_output_ok(c, "export-plan", out) || cli_output_name("export-plan", out, "csv"))
		return EXIT_USAGE;
	struct session x;
	struct err e;
	struct plan_def def = {0};
	struct strbuf b = {0};
	char *name = NULL;
	bool tx = false;
	int rc = ctx_load(c, &x, NULL);
	if (rc)
		goto out;
	int old = x.b.plan.version;
	/* The version goes up with a package written: one that could not be
	 * written leaves the database as it was (and the next says so). */
	tx = db_begin(x.db, &e) == 0;
	if (!tx || store_plan_bump(x.db, &x.b.plan, &x.b.plan.version, &e) ||
	    store_plan_def(x.db, &x.b.plan, &def, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	unsigned pflags = excel ? CSVW_EXCEL | CSVW_NUMBERS : 0;
	planfile_write(&def, pflags, &b);
	if (exchange_package_keys(x.db, pflags, &b, &e) ||
	    exchange_sign(x.db, &b, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	if (!out) {
		struct strbuf nb = {0};
		sb_addf(&nb, "kehoach_%s_v%d%s.csv", def.code, def.version, excel ? "_excel" : "");
		name = sb_take(&nb);
		out = name;
	}
	rc = emit("export-plan", out, &b);
	if (rc == EXIT_OK) {
		tx = false; /* a failed commit rolls back by itself */
		if (db_commit(x.db, &e)) {
			cli_error("%s", e.msg);
			rc = EXIT_REFUSED;
		}
	}
	if (rc == EXIT_OK && strcmp(out, "-") != 0) {
		if (def.version != old)
			cli_out(c, tr("Units changed since version %d was sent: this is version %d.\n"), old,
				def.version);
		cli_out(c, tr("Wrote %s: plan %s version %d (units: %zu, tasks: %zu, indicators: %zu).\n"),
			out, def.code, def.version, def.n_units, def.n_tasks, def.n_indicators);
	}
out:
	if (tx)
		db_rollback(x.db);
	free(name);
	sb_free(&b);
	plan_def_free(&def);
	session_close(&x);
	return rc;
}

const struct command cmd_export_entry = {
	.name = "export",
	.run = cmd_export,
	.summary = N_("write this unit's report for a period"),
	.usage = N_("Usage: tiendo [-f DB] export --period P [-o FILE] [--excel]\n\nWrite this unit's report for a period: every entry and indicator value of\nthis unit (and of the units under it) with its revision, plus the reports it\nreceived from them; a row count and checksum let the receiver detect a\ntruncated or altered file. Default file: baocao_UNIT_PERIOD_YYYYMMDD.csv here.\n  --excel   for a spreadsheet (it can be opened, saved and still imported)\n"),
};

int cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"output", required_argument, NULL, 'o'},
		{"excel", no_argument, NULL, 'x'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *period_arg = NULL;
	bool excel = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("export", argc, argv, ":p:o:xh", opts)) != -1) {
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'o': out = optarg; break;
		case 'x': excel = true; break;
		case 'h': return cli_command_help("export");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("export", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (!cli_output_ok(c, "export", out) || cli_output_name("export", out, "csv"))
		return EXIT_USAGE;
	char period[PERIOD_BUF];
	if (!period_arg)
		return cli_usage("export", tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
	if (!cli_period("export", period_arg, period))
		return EXIT_REFUSED;
	struct session x;
	struct err e;
	struct session_export r = {0};
	/* A commune's export loads its own unit and the few it reports through,
	 * not the province's 3,300 (issue 15). */
	struct session_options so = {.need_owner = true, .sender_units = true};
	int rc = cli_session(c, &x, &so, false) ? EXIT_REFUSED : EXIT_OK;
	if (rc)
		goto out;
	if (session_export(&x, period, out, excel, &r, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	if (!r.path)
		goto out; /* written to standard output */
	char *cwd = compat_path_absolute(r.path) ? NULL : compat_getcwd();
	struct strvec lines = {0};
	describe_export(&r, cwd ? cwd : "", &lines);
	free(cwd);
	for (size_t i = 0; i < lines.n; i++)
		if (i < 2)
			cli_out(c, "%s\n", lines.v[i]);
		else
			cli_error("%s", lines.v[i]);
	sv_free(&lines);
out:
	session_export_free(&r);
	session_close(&x);
	return rc;
}

static void print_result(struct cli *c, const char *file, const struct import_result *r,
			 bool dry_run, bool quiet)
{
	struct strbuf b = {0};
	if (r->outcome == IMPORT_REFUSED || (r->outcome == IMPORT_LOST && !quiet))
		for (size_t i = 0; i < r->problems.n; i++)
			cli_error("%s", r->problems.v[i]);
	describe_import(&b, file, r, dry_run);
	cli_out(c, "%s", b.s);
	sb_free(&b);
}

/* Who signed an imported file, when the clerk should know (a warning on
 * standard error). */
static void print_signer(struct cli *c, const char *file, const struct import_result *r,
			 bool dry_run)
{
	struct strbuf b = {0};
	if (describe_import_signer(&b, file, r, dry_run)) {
		b.s[--b.len] = '\0'; /* cli_error ends the line */
		cli_error("%s", b.s);
	} else if (b.len) {
		cli_out(c, "%s", b.s);
	}
	sb_free(&b);
}

static volatile sig_atomic_t import_stop;

static void on_stop(int sig)
{
	import_stop = sig;
}

struct import_cli {
	struct cli *c;
	bool dry_run, progress;
	size_t lost; /* files said NOT saved so far (why is said once) */
};

static bool import_before(void *arg, size_t i, size_t n, const char *path)
{
	struct import_cli *ic = arg;
	if (import_stop)
		return false;
	if (ic->progress) {
		/* the file's name as every line shows it: no control character
		 * of it reaches the terminal (a name may set its title) */
		char *shown = text_visible(path, true);
		fprintf(stderr, "\r\033[K[%zu/%zu] %s", i + 1, n, shown);
		fflush(stderr);
		free(shown);
	}
	return true;
}

static void import_after(void *arg, const char *path, const struct import_result *r)
{
	struct import_cli *ic = arg;
	if (ic->progress)
		fprintf(stderr, "\r\033[K");
	print_result(ic->c, path, r, ic->dry_run, r->outcome == IMPORT_LOST && ic->lost++ > 0);
	print_signer(ic->c, path, r, ic->dry_run);
}

const struct command cmd_import_entry = {
	.name = "import",
	.run = cmd_import,
	.summary = N_("import plan packages and reports"),
	.usage = N_("Usage: tiendo [-f DB] import [--dry-run] [--add-plan] FILE|FOLDER...\n\nImport plan packages and unit reports, in any mix and order; a folder means\nits .csv files. One summary line per file, printed once the file is saved:\nevery line printed stays true even if the import is killed. Each file is in\nthe database whole, or refused with FILE:LINE: reason and nothing written;\nwhen the database cannot be written (full disk), the files not saved are\nnamed, to be imported again.\nA row replaces the stored one only with a higher revision; the same revision\nwith other content is kept aside as a conflict (see: tiendo conflicts). The\nsame file twice is a no-op. Files in cp1258, TCVN3 or VNI are converted and\nthe encoding is named.\n  --dry-run   say what would happen, write nothing\n  --add-plan  a package of a plan this database does not hold yet may be added\n              (the current plan stays the same; see: tiendo use)\nExit status: 0 when every file was imported or had nothing new, 1 when any\nwas refused or not saved.\n"),
};

int cmd_import(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"dry-run", no_argument, NULL, 'n'},
		{"add-plan", no_argument, NULL, 'a'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool dry_run = false, add_plan = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("import", argc, argv, ":nah", opts)) != -1) {
		switch (ch) {
		case 'n': dry_run = true; break;
		case 'a': add_plan = true; break;
		case 'h': return cli_command_help("import");
		default: return EXIT_USAGE;
		}
	}
	if (optind >= argc)
		return cli_usage("import", tr("give the files (or folders) to import"));
	struct strvec files = {0}, skipped = {0};
	for (int i = optind; i < argc; i++)
		exchange_list_files_skipping(argv[i], &files, &skipped);
	for (size_t k = 0; k < skipped.n; k++)
		cli_error(tr("import: %s: not a regular file (a pipe, a device or a socket): skipped"),
			  skipped.v[k]);
	sv_free(&skipped);
	struct session x;
	struct session_options so = {.db_only = true};
	if (cli_session(c, &x, &so, false)) {
		session_close(&x);
		sv_free(&files);
		return EXIT_REFUSED;
	}
	/* A progress line on a terminal when there are many files; none otherwise. */
	struct import_cli ic = {c, dry_run, files.n > 1 && isatty(STDERR_FILENO), 0};
	/* A signal lets the file being imported finish (or roll back) and stops
	 * before the next one: every file is whole or absent. */
	import_stop = 0;
	compat_stop_signals(on_stop);
	struct session_import_hooks h = {import_before, NULL, import_after, &ic};
	struct session_import r;
	session_import(&x, &files, (dry_run ? IMPORT_DRY_RUN : 0u) | (add_plan ? IMPORT_ADD_PLAN : 0u),
		       true, &h, &r);
	compat_stop_signals_restore();
	if (ic.progress)
		fprintf(stderr, "\r\033[K");
	if (r.lost_batch)
		for (size_t k = r.done; k < files.n; k++)
			cli_out(c, tr("%s: not read (the import stopped); import it again\n"), files.v[k]);
	if (files.n > 1 || r.lost_batch) {
		struct strbuf b = {0};
		describe_import_totals(&b, &r, dry_run);
		cli_out(c, "%s", b.s);
		sb_free(&b);
	}
	session_close(&x);
	sv_free(&files);
	if (r.lost_batch) {
		cli_error("%s", tr("import: the database could not be written (is the disk full?); the files above marked NOT saved or not read must be imported again"));
		return EXIT_REFUSED;
	}
	if (r.stopped || import_stop) {
		cli_error(tr("import: interrupted by a signal after file %zu of %zu; the files not yet read were not imported (run the same command again: what was imported is recognised)"),
			  r.done, r.files);
		return EXIT_REFUSED;
	}
	return r.refused ? EXIT_REFUSED : EXIT_OK;
}

static void print_tally(struct cli *c, const char *label, const struct completeness_tally *t)
{
	struct strbuf b = {0};
	completeness_tally_text(label, t, &b);
	cli_out(c, "%s", b.s);
	sb_free(&b);
}

/* status --csv: one row per expected report. */
static void status_csv(const struct completeness *comp)
{
	struct strbuf b = {0};
	const char *h[] = {"to", "rule", "unit", "kind", "due", "state", "exported_at",
			   "imported_at", "name"};
	/* A person may open it in a spreadsheet: no cell is a formula. */
	csvio_write_row(&b, h, ARRAY_LEN(h), CSVW_SAFE);
	for (size_t i = 0; i < comp->n; i++) {
		const struct expected_report *r = &comp->v[i];
		char due[DATE_BUF];
		date_format(r->due, due);
		const char *f[] = {r->to->code, r->rule->code, r->unit->code,
				   unit_kind_label(r->unit->kind), due, report_state_name(r->state),
				   r->exported_at, r->imported_at, r->unit->name};
		csvio_write_row(&b, f, ARRAY_LEN(f), CSVW_SAFE);
	}
	fwrite(b.s, 1, b.len, stdout);
	sb_free(&b);
}

/* status: the expected reports by addressee and rule, each addressee's
 * totals after its reports. */
static void status_table(struct cli *c, const struct session *x, const struct completeness *comp,
			 const char *period)
{
	const struct unit_rec *to = NULL;
	const struct rule_rec *rule = NULL;
	for (size_t i = 0; i <= comp->n; i++) {
		if (to && (i == comp->n || comp->v[i].to != to)) {
			struct completeness_tally all, kind[UNIT_KIND_COUNT];
			completeness_tally(comp, to, &all, kind);
			print_tally(c, tr("Total"), &all);
			for (int k = 0; k < UNIT_KIND_COUNT; k++)
				if (kind[k].expected && kind[k].expected != all.expected)
					print_tally(c, unit_kind_label((enum unit_kind)k), &kind[k]);
		}
		if (i == comp->n)
			break;
		if (comp->v[i].to != to || comp->v[i].rule != rule) {
			char due[DAY_SHOWN_BUF];
			fmt_day(comp->v[i].due, due);
			cli_out(c, "%s", i ? "\n" : "");
			to = comp->v[i].to;
			rule = comp->v[i].rule;
			cli_out(c, tr("Reports to %s for %s (rule %s, due %s)%s:\n"), to->code, period,
				rule->code, due, to == x->b.owner ? "" : tr(", as its consolidated report tells"));
		}
		const struct expected_report *r = &comp->v[i];
		char exported[24] = "-", imported[24] = "-";
		if (r->exported_at[0]) {
			fmt_stamp(r->exported_at, exported, sizeof exported);
			fmt_stamp_day(r->imported_at, imported, sizeof imported);
		}
		cli_out(c, "%s\t%s\t%s\t%s\t%s\t%s\n", r->unit->code, unit_kind_label(r->unit->kind),
			report_state_label(r->state), exported, imported, r->unit->name);
	}
}

const struct command cmd_status_entry = {
	.name = "status",
	.run = cmd_status,
	.summary = N_("who reported, on time, late, missing"),
	.usage = N_("Usage: tiendo [-f DB] status --period P [--csv] [--plan CODE]\n\nCompleteness and timeliness of reports for a period: each unit the reporting\nregime expects to report to this unit (and, from their consolidated reports,\nto the units under it), with on time, late, missing or not yet due, and the\nreporting and on-time rates, overall and by unit kind. A report is on time\nwhen it was exported (Vietnam time) on or before the due date.\n  --csv   one CSV row per expected report\n"),
};

int cmd_status(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"csv", no_argument, NULL, 'c'},
		{"plan", required_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *period_arg = NULL, *plan_code = NULL;
	bool csv = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("status", argc, argv, ":p:cP:h", opts)) != -1) {
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'c': csv = true; break;
		case 'P': plan_code = optarg; break;
		case 'h': return cli_command_help("status");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("status", argc, argv, 0, ""))
		return EXIT_USAGE;
	char period[PERIOD_BUF];
	if (!period_arg)
		return cli_usage("status", tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
	if (!cli_period("status", period_arg, period))
		return EXIT_REFUSED;
	struct session x;
	struct err e;
	struct completeness comp = {0};
	int rc = ctx_load(c, &x, plan_code);
	if (rc)
		goto out;
	if (session_completeness(&x, period, date_today(), &comp, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	if (csv) {
		status_csv(&comp);
		goto out;
	}
	if (comp.n == 0) {
		cli_out(c, tr("No reports are expected by %s for %s under plan %s's reporting regime.\n"),
			x.b.owner->code, period, x.b.plan.code);
		goto out;
	}
	status_table(c, &x, &comp, period);
out:
	completeness_free(&comp);
	session_close(&x);
	return rc;
}

const struct command cmd_consolidate_entry = {
	.name = "consolidate",
	.run = cmd_consolidate,
	.summary = N_("write the consolidated table for a period"),
	.usage = N_("Usage: tiendo [-f DB] consolidate --period P [-o FILE] [--excel | --xlsx] [--plan CODE]\n\nWrite the consolidated table for a period, one CSV file in parts a\nspreadsheet can filter on the first column: unit (reported, on time, late,\nmissing), indicator (target, consolidated value, met), task (assigned units\nby status) and entry (every unit's entry, texts exactly as entered).\nDefault file: tonghop_PLAN_PERIOD_YYYYMMDD.csv here.\n  --xlsx   an Excel workbook instead, in four sheets (summary, targets,\n           reporting, entries) with charts; default file\n           tonghop_PLAN_PERIOD_YYYYMMDD.xlsx in $TIENDO_EXPORT_DIR or here\n"),
};

int cmd_consolidate(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"output", required_argument, NULL, 'o'},
		{"excel", no_argument, NULL, 'x'},
		{"xlsx", no_argument, NULL, 'X'},
		{"plan", required_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL, *period_arg = NULL, *plan_code = NULL;
	bool excel = false, xlsx = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("consolidate", argc, argv, ":p:o:xXP:h", opts)) != -1) {
		switch (ch) {
		case 'p': period_arg = optarg; break;
		case 'o': out = optarg; break;
		case 'x': excel = true; break;
		case 'X': xlsx = true; break;
		case 'P': plan_code = optarg; break;
		case 'h': return cli_command_help("consolidate");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("consolidate", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (!cli_output_ok(c, "consolidate", out))
		return EXIT_USAGE;
	char period[PERIOD_BUF];
	if (!period_arg)
		return cli_usage("consolidate", tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
	if (!cli_period("consolidate", period_arg, period))
		return EXIT_REFUSED;
	if (xlsx && (excel || (out && strcmp(out, "-") == 0)))
		return cli_usage("consolidate", tr("--xlsx writes a workbook file: not with --excel or -o -"));
	if (!xlsx && out && strcasecmp(cli_name_ext(out), "xlsx") == 0)
		return cli_usage("consolidate", tr("-o %s: a workbook needs --xlsx (without it the table is CSV)"), out);
	if (cli_output_name("consolidate", out, xlsx ? "xlsx" : "csv"))
		return EXIT_USAGE;
	struct session x;
	struct err e;
	char *name = NULL;
	int rc = ctx_load(c, &x, plan_code);
	if (rc)
		goto out;
	if (xlsx) {
		if (deliver_session(&x, period, DELIVER_WORKBOOK, NULL, out, &name, NULL, &e)) {
			cli_error("consolidate: %s", e.msg);
			rc = EXIT_REFUSED;
		} else
			cli_out(c, tr("Wrote %s: the consolidated workbook of plan %s for %s.\n"), name,
				x.b.plan.code, period);
		goto out;
	}
	if (!out) {
		char stamp[STAMP_BUF], ymd[9];
		struct strbuf nb = {0};
		date_now_stamp(stamp);
		stamp_ymd(stamp, ymd);
		sb_addf(&nb, "tonghop_%s_%s_%s%s.csv", x.b.plan.code, period, ymd, excel ? "_excel" : "");
		name = sb_take(&nb);
		out = name;
	}
	/* Written as it is made: the national table is 30 MB. */
	struct outfile o;
	if (outfile_open(&o, out)) {
		rc = cannot_write("consolidate", out);
		goto out;
	}
	if (consolidate_table(x.db, &x.b.plan, &x.b.units, x.b.owner, period, date_today(),
			      excel ? CSVW_EXCEL : CSVW_SAFE, &o.b, &e)) {
		outfile_abort(&o);
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	rc = outfile_commit(&o) ? cannot_write("consolidate", out) : EXIT_OK;
	if (rc == EXIT_OK && strcmp(out, "-") != 0)
		cli_out(c, tr("Wrote %s: the consolidated table of plan %s for %s.\n"), out, x.b.plan.code,
			period);
out:
	free(name);
	session_close(&x);
	return rc;
}
