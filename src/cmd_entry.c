/* SPDX-License-Identifier: MIT */
/* Commands on progress: set, set-indicator, show, show-indicator, undo. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "entry_check.h"
#include "humanfmt.h"
#include "msg.h"
#include "progress.h"
#include "session.h"
#include "store.h"
#include "text.h"

/* What an entry command works on, resolved and checked. */
struct target {
	struct session s;
	struct session_target t;
};

static void target_free(struct target *t)
{
	session_close(&t->s);
}

/* Resolve plan, unit, period and the task (or indicator when is_ind).
 * Prints what is wrong; returns an exit code, EXIT_OK when resolved. */
static int target_load(struct cli *c, const char *cmd, const char *code, bool is_ind,
		       const char *unit_code, const char *period, struct target *t)
{
	struct err e;
	struct period p;
	char pc[PERIOD_BUF];
	memset(t, 0, sizeof *t);
	if (!period)
		return cli_usage(cmd, tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
	bool show = strncmp(cmd, "show", 4) == 0; /* show and show-indicator only read */
	if (!period_parse(period, &p)) {
		cli_error(show ? tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612)")
			       : tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612); nothing was written"),
			  cmd, period);
		return EXIT_REFUSED;
	}
	period_format(&p, pc);
	struct session_options o = {.with_retired = true};
	if (cli_session(c, &t->s, &o, true))
		return EXIT_REFUSED;
	if (show ? session_show_target(&t->s, unit_code, code, is_ind, pc, &t->t, &e)
		 : session_target(&t->s, unit_code, code, is_ind, pc, &t->t, &e)) {
		if (show)
			cli_error("%s: %s", cmd, e.msg);
		else
			cli_error(tr("%s; nothing was written"), e.msg);
		return EXIT_REFUSED;
	}
	return EXIT_OK;
}

/* The outcome of a save: "saved, revision N" or "no change". */
static void print_saved(struct cli *c, const char *code, const struct session_target *t,
			const struct session_saved *r)
{
	if (r->changed)
		cli_out(c, tr("%s %s %s: saved, revision %lld\n"), code, t->unit->code, t->period,
			r->revision);
	else
		cli_out(c, tr("%s %s %s: no change (revision %lld)\n"), code, t->unit->code, t->period,
			r->revision);
}

/* Refuse an empty text option (or one of only spaces, raw as typed) that
 * would erase a stored text (not said with --clear); EXIT_OK when none would. */
static int check_erase(struct target *t, const char *const texts[4], const char *const raw[4],
		       const bool cleared[4], const char *const opts[4], const char *const names[4])
{
	struct entry_key k = {t->t.unit->id, t->t.task->id, t->t.period};
	struct entry now;
	bool found;
	struct err e;
	if (session_entry_now(&t->s, &k, &now, &found, NULL, NULL, &e)) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	const char *stored[4] = {now.result, now.difficulties, now.proposals, now.evidence};
	int rc = EXIT_OK;
	for (int i = 0; i < 4 && rc == EXIT_OK; i++) {
		if (found && texts[i] && !*texts[i] && !cleared[i] && stored[i] && *stored[i]) {
			cli_error(*raw[i] ? tr("set: %s of only spaces would erase the stored %s; to erase it, say --clear %s; nothing was written")
					  : tr("set: %s '' would erase the stored %s; to erase it, say --clear %s; nothing was written"),
				  opts[i], names[i], names[i]);
			rc = EXIT_REFUSED;
		}
	}
	entry_free(&now);
	return rc;
}

const struct command cmd_set_entry = {
	.name = "set",
	.run = cmd_set,
	.summary = N_("record progress on a task for a period"),
	.usage = N_("Usage: tiendo [-f DB] set TASK --period P [--unit CODE] [--status S] [--percent N]\n                 [--count N] [--result T] [--difficulties T] [--proposals T] [--evidence T]\n                 [--clear FIELD]\n\nRecord progress on a task for a period (default unit: the database's owner).\nOnly the fields given change; an empty --percent or --count clears it.\n  --period P   2026, 2026S1 (half-year), 2026Q2 (quarter), 202606 (month),\n               within the plan's years\n  --status S   not-started, in-progress, done, blocked\n  --percent N  0..100 (done without a percent means 100); above 0 moves\n               not-started to in-progress; 100 needs --status\n  --clear F    erase a stored text: result, difficulties, proposals, evidence\n               (an empty --result, or one of only spaces, is refused)\n  --unit CODE  another unit than the owner: one this database reports for\n               (under it, or reporting to it; any unit at the consolidator)\n"),
};

static const char *const text_names[4] = {"result", "difficulties", "proposals", "evidence"};
static const char *const text_opts[4] = {"--result", "--difficulties", "--proposals", "--evidence"};

/* What set was asked to do. */
struct set_args {
	const char *period, *unit;
	const char *texts[4]; /* result, difficulties, proposals, evidence */
	bool cleared[4];
	struct entry_patch patch;
};

/* Read set's options into a; EXIT_OK, -1 after --help, or an exit code. */
static int set_options(int argc, char **argv, struct set_args *a)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"unit", required_argument, NULL, 'u'},
		{"status", required_argument, NULL, 's'},
		{"percent", required_argument, NULL, 'P'},
		{"count", required_argument, NULL, 'c'},
		{"result", required_argument, NULL, 'r'},
		{"difficulties", required_argument, NULL, 'd'},
		{"proposals", required_argument, NULL, 'o'},
		{"evidence", required_argument, NULL, 'e'},
		{"clear", required_argument, NULL, 'C'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	long long v;
	int ch;
	memset(a, 0, sizeof *a);
	entry_patch_init(&a->patch);
	optind = 0;
	while ((ch = cli_getopt("set", argc, argv, ":p:u:s:P:c:r:d:o:e:C:h", opts)) != -1) {
		switch (ch) {
		case 'p': a->period = optarg; break;
		case 'u': a->unit = optarg; break;
		case 's':
			if (!status_parse(optarg, &a->patch.status)) {
				cli_error(tr("set: status '%s' must be not-started, in-progress, done or blocked; nothing was written"),
					  optarg);
				return EXIT_REFUSED;
			}
			a->patch.set_status = true;
			break;
		case 'P':
			if (!*optarg) {
				a->patch.percent = -1;
				break;
			}
			if (!cli_int_rule("set", "--percent", optarg, 1000000, 100, &v))
				return EXIT_REFUSED;
			a->patch.percent = (int)v; /* the range is the session's to check */
			break;
		case 'c':
			if (!*optarg) {
				a->patch.count = -1;
				break;
			}
			if (!cli_int_rule("set", "--count", optarg, LLONG_MAX, ENTRY_NUMBER_MAX, &v))
				return EXIT_REFUSED;
			a->patch.count = v;
			break;
		case 'r': a->texts[0] = optarg; break;
		case 'd': a->texts[1] = optarg; break;
		case 'o': a->texts[2] = optarg; break;
		case 'e': a->texts[3] = optarg; break;
		case 'C': {
			int i = 0;
			while (i < 4 && strcmp(optarg, text_names[i]) != 0)
				i++;
			if (i == 4)
				return cli_usage("set", tr("--clear takes result, difficulties, proposals or evidence, not '%s'"),
						 optarg);
			a->cleared[i] = true;
			break;
		}
		case 'h': return cli_command_help("set") - 1; /* -1: done, exit 0 */
		default: return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int cmd_set(struct cli *c, int argc, char **argv)
{
	struct set_args sa;
	int rc = set_options(argc, argv, &sa);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct entry_patch patch = sa.patch;
	const char *const *texts = sa.texts;
	const bool *cleared = sa.cleared;
	if (!cli_positional("set", argc, argv, 1, tr("the task code")))
		return EXIT_USAGE;
	char *clean[4] = {NULL, NULL, NULL, NULL};
	struct target t;
	rc = EXIT_REFUSED;
	memset(&t, 0, sizeof t);
	for (int i = 0; i < 4; i++) {
		if (texts[i] && !(clean[i] = cli_text(text_opts[i], texts[i], i < 3)))
			goto out;
		if (clean[i] && text_blank(clean[i]))
			clean[i][0] = '\0'; /* only spaces: said nothing, as '' says */
	}
	const char *given[4] = {clean[0], clean[1], clean[2], clean[3]};
	patch.result = clean[0];
	patch.difficulties = clean[1];
	patch.proposals = clean[2];
	patch.evidence = clean[3];
	rc = target_load(c, "set", argv[optind], false, sa.unit, sa.period, &t);
	if (rc != EXIT_OK)
		goto out;
	struct err e;
	/* an empty text that would erase a stored one: that is said with --clear */
	if ((rc = check_erase(&t, given, texts, cleared, text_opts, text_names)) != EXIT_OK)
		goto out;
	for (int i = 0; i < 4; i++)
		if (cleared[i]) {
			free(clean[i]);
			clean[i] = xstrdup("");
		}
	patch.result = clean[0];
	patch.difficulties = clean[1];
	patch.proposals = clean[2];
	patch.evidence = clean[3];
	struct session_saved r;
	if (session_set_progress(&t.s, &t.t, &patch, -1, &r, &e)) {
		cli_error(tr("%s; nothing was written"), e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	print_saved(c, t.t.task->code, &t.t, &r);
	if (r.started)
		cli_out(c, "%s", tr("note: a percent above 0 moved the status from not-started to in-progress\n"));
out:
	for (int i = 0; i < 4; i++)
		free(clean[i]);
	target_free(&t);
	return rc;
}

/* Print a text value: continuation lines start with a tab. */
static void put_text(struct cli *c, const char *key, const char *s)
{
	cli_out(c, "%s\t", key);
	for (;;) {
		const char *nl = strchr(s, '\n');
		if (!nl) {
			cli_out(c, "%s\n", s);
			return;
		}
		cli_out(c, "%.*s\n\t", (int)(nl - s), s);
		s = nl + 1;
	}
}

/* A text on one line for history rows: line breaks shown as \n. */
static char *one_line(const char *s)
{
	struct strbuf b = {0};
	sb_add(&b, "");
	for (; *s; s++) {
		if (*s == '\n')
			sb_add(&b, "\\n");
		else if (*s == '\t')
			sb_addc(&b, ' ');
		else
			sb_addc(&b, *s);
	}
	return sb_take(&b);
}

static int parse_entry_cmd(const char *cmd, int argc, char **argv, const char **period,
			   const char **unit)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"unit", required_argument, NULL, 'u'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	optind = 0;
	while ((ch = cli_getopt(cmd, argc, argv, ":p:u:h", opts)) != -1) {
		switch (ch) {
		case 'p': *period = optarg; break;
		case 'u': *unit = optarg; break;
		case 'h': return cli_command_help(cmd) - 1; /* -1: done, exit 0 */
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional(cmd, argc, argv, 1, strcmp(cmd, "show-indicator") == 0
							 ? tr("the indicator code")
							 : tr("the task code")))
		return EXIT_USAGE;
	return EXIT_OK;
}

const struct command cmd_show_entry = {
	.name = "show",
	.run = cmd_show,
	.summary = N_("show an entry and its history"),
	.usage = N_("Usage: tiendo [-f DB] show TASK --period P [--unit CODE]\n\nShow a task's entry for a unit and period, and every saved revision.\n"),
};

int cmd_show(struct cli *c, int argc, char **argv)
{
	const char *period = NULL, *unit = NULL;
	int rc = parse_entry_cmd("show", argc, argv, &period, &unit);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct target t;
	rc = target_load(c, "show", argv[optind], false, unit, period, &t);
	if (rc != EXIT_OK) {
		target_free(&t);
		return rc;
	}
	struct session_entry_view v;
	struct err e;
	if (session_show_entry(&t.s, &t.t, &v, &e)) {
		cli_error("%s", e.msg);
		target_free(&t);
		return EXIT_REFUSED;
	}
	char tf[64];
	describe_timeframe(&t.t.task->tf, tf, sizeof tf);
	cli_out(c, "task\t%s\t%s\n", t.t.task->code, t.t.task->title);
	cli_out(c, "lead\t%s\n", t.t.task->lead);
	cli_out(c, "coordinating\t%s\n", t.t.task->coord);
	cli_out(c, "timeframe\t%s\n", tf);
	cli_out(c, "unit\t%s\t%s\n", t.t.unit->code, t.t.unit->name);
	cli_out(c, "period\t%s\n", t.t.period);
	struct entry_lines el;
	describe_entry(&v, DESCRIBE_CODES, &el);
	for (size_t i = 0; i < el.n; i++) {
		if (!el.v[i].key)
			cli_out(c, "%s\n", el.v[i].value);
		else if (el.v[i].text)
			put_text(c, el.v[i].key, el.v[i].value);
		else
			cli_out(c, "%s\t%s\n", el.v[i].key, el.v[i].value);
	}
	entry_lines_free(&el);
	cli_out(c, "history\t%zu\n", v.n_hist);
	for (size_t i = 0; i < v.n_hist; i++) {
		char *row = describe_entry_change(&v.hist[i], DESCRIBE_CODES);
		cli_out(c, "%s\n", row);
		free(row);
	}
	session_entry_view_free(&v);
	target_free(&t);
	return EXIT_OK;
}

const struct command cmd_undo_entry = {
	.name = "undo",
	.run = cmd_undo,
	.summary = N_("undo the last change of an entry"),
	.usage = N_("Usage: tiendo [-f DB] undo TASK --period P [--unit CODE]\n\nPut back the entry as it was before its last change (kept in the history).\n  --unit CODE  another unit than the owner: one this database reports for\n               (under it, or reporting to it; any unit at the consolidator)\n"),
};

int cmd_undo(struct cli *c, int argc, char **argv)
{
	const char *period = NULL, *unit = NULL;
	int rc = parse_entry_cmd("undo", argc, argv, &period, &unit);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct target t;
	rc = target_load(c, "undo", argv[optind], false, unit, period, &t);
	if (rc == EXIT_OK) {
		struct err e;
		long long rev;
		if (session_undo(&t.s, &t.t, &rev, &e)) {
			cli_error("%s", e.msg);
			rc = EXIT_REFUSED;
		} else {
			cli_out(c, tr("%s %s %s: last change undone, revision %lld\n"), t.t.task->code,
				t.t.unit->code, t.t.period, rev);
		}
	}
	target_free(&t);
	return rc;
}

const struct command cmd_set_indicator_entry = {
	.name = "set-indicator",
	.run = cmd_set_indicator,
	.summary = N_("record an indicator value for a period"),
	.usage = N_("Usage: tiendo [-f DB] set-indicator IND --period P [--unit CODE]\n                 (--value N | --numerator N --denominator N) [--note T]\n\nRecord a unit's value of a target indicator for a period. Percent targets\ntake a numerator and denominator (e.g. staff trained of all staff) or a\npercentage as --value; counts take --value; milestones --value 1 (yes) or 0.\n  --unit CODE  another unit than the owner: one this database reports for\n               (under it, or reporting to it; any unit at the consolidator)\n"),
};

int cmd_set_indicator(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"period", required_argument, NULL, 'p'},
		{"unit", required_argument, NULL, 'u'},
		{"value", required_argument, NULL, 'v'},
		{"numerator", required_argument, NULL, 'n'},
		{"denominator", required_argument, NULL, 'd'},
		{"note", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *period = NULL, *unit = NULL, *value = NULL, *num = NULL, *den = NULL,
		   *note = NULL;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("set-indicator", argc, argv, ":p:u:v:n:d:t:h", opts)) != -1) {
		switch (ch) {
		case 'p': period = optarg; break;
		case 'u': unit = optarg; break;
		case 'v': value = optarg; break;
		case 'n': num = optarg; break;
		case 'd': den = optarg; break;
		case 't': note = optarg; break;
		case 'h': return cli_command_help("set-indicator");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("set-indicator", argc, argv, 1, tr("the indicator code")))
		return EXIT_USAGE;
	if (value && (num || den))
		return cli_usage("set-indicator", tr("give either --value or --numerator and --denominator"));
	if (!value && !(num && den))
		return cli_usage("set-indicator", tr("give --value N, or --numerator N and --denominator N"));
	struct ivalue v = {.numerator = -1, .denominator = -1};
	long long n;
	if (value) {
		if (!parse_num(value, &v.value)) {
			cli_error(tr("set-indicator: --value '%s' must be a number of at least 0 (use . for decimals); nothing was written"),
				  value);
			return EXIT_REFUSED;
		}
		v.has_value = true;
	} else {
		/* the ranges are the session's to check */
		if (!cli_int_rule("set-indicator", "--numerator", num, LLONG_MAX, ENTRY_NUMBER_MAX, &n))
			return EXIT_REFUSED;
		v.numerator = n;
		if (!cli_int_rule("set-indicator", "--denominator", den, LLONG_MAX, ENTRY_NUMBER_MAX, &n))
			return EXIT_REFUSED;
		v.denominator = n;
	}
	if (note && !(v.note = cli_text("--note", note, true)))
		return EXIT_REFUSED;
	struct target t;
	int rc = target_load(c, "set-indicator", argv[optind], true, unit, period, &t);
	if (rc == EXIT_OK) {
		struct err e;
		struct session_saved r;
		if (session_set_value(&t.s, &t.t, &v, &r, &e)) {
			cli_error(tr("%s; nothing was written"), e.msg);
			rc = EXIT_REFUSED;
		} else {
			print_saved(c, t.t.ind->code, &t.t, &r);
		}
	}
	free(v.note);
	target_free(&t);
	return rc;
}

static void ivalue_describe(const struct ivalue *v, char *buf, size_t n)
{
	if (v->has_value)
		fmt_num_shown(buf, n, v->value);
	else if (v->numerator >= 0 && v->denominator > 0)
		snprintf(buf, n, "%lld/%lld", v->numerator, v->denominator);
	else
		buf[0] = '\0';
}

const struct command cmd_show_indicator_entry = {
	.name = "show-indicator",
	.run = cmd_show_indicator,
	.summary = N_("show an indicator value and its history"),
	.usage = N_("Usage: tiendo [-f DB] show-indicator IND --period P [--unit CODE]\n\nShow a unit's value of an indicator for a period, and its history.\n"),
};

int cmd_show_indicator(struct cli *c, int argc, char **argv)
{
	const char *period = NULL, *unit = NULL;
	int rc = parse_entry_cmd("show-indicator", argc, argv, &period, &unit);
	if (rc != EXIT_OK)
		return rc < 0 ? EXIT_OK : rc;
	struct target t;
	rc = target_load(c, "show-indicator", argv[optind], true, unit, period, &t);
	if (rc != EXIT_OK) {
		target_free(&t);
		return rc;
	}
	struct ivalue_key k = {t.t.unit->id, t.t.ind->id, t.t.period};
	struct ivalue v, *hist = NULL;
	size_t nh = 0;
	bool found;
	struct err e;
	if (session_value_now(&t.s, &k, &v, &found, &hist, &nh, &e)) {
		cli_error("%s", e.msg);
		target_free(&t);
		return EXIT_REFUSED;
	}
	char target[48], val[64];
	describe_target(t.t.ind->kind, t.t.ind->cmp, t.t.ind->target, target, sizeof target);
	cli_out(c, "indicator\t%s\t%s\n", t.t.ind->code, t.t.ind->title);
	cli_out(c, "target\t%s\t%d\n", target, t.t.ind->year);
	cli_out(c, "unit\t%s\t%s\n", t.t.unit->code, t.t.unit->name);
	cli_out(c, "period\t%s\n", t.t.period);
	if (found) {
		ivalue_describe(&v, val, sizeof val);
		cli_out(c, "value\t%s\n", val);
		put_text(c, "note", v.note);
		cli_out(c, "revision\t%lld\n", v.revision);
		char at[STAMP_SHOWN_BUF + 8];
		fmt_stamp(v.at, at, sizeof at);
		cli_out(c, "entered\t%s\t%s\n", at, v.by);
	} else {
		cli_out(c, "%s", tr("(no value yet)\n"));
	}
	cli_out(c, "history\t%zu\n", nh);
	for (size_t i = 0; i < nh; i++) {
		ivalue_describe(&hist[i], val, sizeof val);
		char *note = one_line(hist[i].note);
		char at[STAMP_SHOWN_BUF + 8];
		fmt_stamp(hist[i].at, at, sizeof at);
		cli_out(c, "%lld\t%s\t%s\t%s\t%s\t%s\n", hist[i].revision, at, hist[i].by,
			hist[i].action, val, note);
		free(note);
	}
	ivalue_free(&v);
	ivalues_free(hist, nh);
	target_free(&t);
	return EXIT_OK;
}
