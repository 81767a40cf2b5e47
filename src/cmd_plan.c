/* SPDX-License-Identifier: MIT */
/* Commands on the plan: init, plans, use, tasks, indicators, regime. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "collate.h"
#include "exchange_keys.h"
#include "describe.h"
#include "humanfmt.h"
#include "msg.h"
#include "planfile.h"
#include "session.h"
#include "setup.h"
#include "store.h"
#include "text.h"

const struct command cmd_init_entry = {
	.name = "init",
	.run = cmd_init,
	.summary = N_("create or update the database from a plan file"),
	.usage = N_("Usage: tiendo [-f DB] init --plan FILE [--unit CODE]\n       tiendo [-f DB] init --plan FILE --unit CODE --name NAME [--kind KIND] --parent CODE\n\nCreate the database, or update it, from a plan file or package\n(docs/plan-format.md). A newer plan version updates tasks, indicators, units\nand deadlines and keeps all progress; the same or an older version changes\nnothing. A refused first init leaves no file behind.\n\n  --plan FILE   the plan file or package to load\n  --unit CODE   the unit this database belongs to (default: the plan's\n                consolidating unit, on first load)\n  --name NAME   a unit the plan does not list (a new commune): its name;\n                it is added and becomes this database's unit in one step\n  --kind KIND   its kind (default: commune; ward, special-zone, ...)\n  --parent CODE the unit of the plan it is under (e.g. the province)\n"),
};

int cmd_init(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"plan", required_argument, NULL, 'p'},
		{"unit", required_argument, NULL, 'u'},
		{"name", required_argument, NULL, 'n'},
		{"kind", required_argument, NULL, 'k'},
		{"parent", required_argument, NULL, 'P'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *file = NULL, *unit = NULL, *kind = NULL;
	struct setup_unit nu = {.kind = UNIT_COMMUNE};
	int ch;
	optind = 0;
	while ((ch = cli_getopt("init", argc, argv, ":p:u:n:k:P:h", opts)) != -1) {
		switch (ch) {
		case 'p': file = optarg; break;
		case 'u': unit = optarg; break;
		case 'n': nu.name = optarg; break;
		case 'k': kind = optarg; break;
		case 'P': nu.parent = optarg; break;
		case 'h': return cli_command_help("init");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("init", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (!file)
		return cli_usage("init", tr("--plan FILE is required"));
	if (unit && !code_valid(unit))
		return cli_usage("init", tr("--unit '%s' is not a valid unit code"), unit);
	/* --name, --kind, --parent: the unit is new, added in the same step */
	bool adding = nu.name || kind || nu.parent;
	if (adding && !unit)
		return cli_usage("init", "%s", tr("--name, --kind and --parent describe a new unit: give its code with --unit"));
	if (kind && !unit_kind_parse(kind, &nu.kind))
		return cli_usage("init", tr("--kind '%s' is not a unit kind (commune, ward, special-zone, department, ...)"), kind);
	nu.code = unit;

	struct plan_def p;
	struct err e;
	enum text_encoding enc;
	if (planfile_load_any(file, &p, &enc, &e)) {
		cli_error("%s", e.msg);
		cli_error(tr("the database was not changed"));
		return EXIT_REFUSED;
	}
	if (enc == ENC_XLSX)
		cli_error(tr("%s: note: read as %s (a workbook)"), file, encoding_name(enc));
	else if (enc != ENC_UTF8)
		cli_error(tr("%s: note: read as %s (not UTF-8)"), file, encoding_name(enc));
	char *path = db_default_path(c->db_opt);
	bool new_db = compat_path_kind(path) < 0;
	if ((adding && setup_add_unit(&p, &nu, &e)) ||
	    (unit && !adding && setup_check_owner(&p, unit, new_db, &e))) {
		cli_error("%s", e.msg);
		cli_error("%s", new_db ? tr("no database was created") : tr("the database was not changed"));
		free(path);
		plan_def_free(&p);
		return EXIT_REFUSED;
	}
	struct store_result r;
	bool created;
	int rc = EXIT_OK;
	char fingerprint[SIGN_FINGERPRINT_BUF] = "";
	/* A refused first init leaves no file behind (setup_database removes it). */
	if (setup_database(path, file, &p, unit, adding ? unit : NULL, &r, &created, fingerprint, &e)) {
		cli_error("%s", e.msg);
		if (unit && !adding && !setup_plan_has_unit(&p, unit))
			cli_error(tr("plan %s does not list unit %s; if it is new (a new commune), add it in the same step: --unit %s --name NAME --parent CODE"),
				  p.code, unit, unit);
		cli_error("%s", created ? tr("no database was created") : tr("the database was not changed"));
		rc = EXIT_REFUSED;
	} else if (r.unchanged) {
		cli_out(c, tr("%s: plan %s is already at version %d (file: version %d); plan not changed\n"),
			path, p.code, r.old_version, p.version);
		if (unit)
			cli_out(c, tr("owner unit: %s\n"), unit);
	} else if (r.created) {
		cli_out(c, tr("%s: loaded plan %s version %d: tasks: %zu, indicators: %zu, report rules: %zu, units: %zu (%zu new)\n"),
			path, p.code, p.version, p.n_tasks, p.n_indicators, p.n_reports,
			p.n_units, r.units_added);
	} else {
		cli_out(c, tr("%s: updated plan %s from version %d to %d: tasks: %zu added, %zu updated, %zu retired; indicators: %zu added, %zu retired; units: %zu added, %zu changed\n"),
			path, p.code, r.old_version, p.version, r.tasks_added, r.tasks_updated,
			r.tasks_retired, r.indicators_added, r.indicators_retired, r.units_added,
			r.units_updated);
	}
	if (rc == EXIT_OK && adding)
		cli_out(c, tr("%s: added unit %s (%s), %s under %s; this database belongs to it\n"), path,
			nu.code, nu.name, unit_kind_label(nu.kind), nu.parent);
	if (rc == EXIT_OK && fingerprint[0])
		cli_out(c, tr("The package is signed by %s, key %s: files from %s must carry this key from now on.\n"),
			p.consolidator, fingerprint, p.consolidator);
	free(path);
	plan_def_free(&p);
	return rc;
}

const struct command cmd_plans_entry = {
	.name = "plans",
	.run = cmd_plans,
	.summary = N_("list the plans in the database"),
	.usage = N_("Usage: tiendo [-f DB] plans\n\nList the plans in the database: code, version, number, date, title.\n"),
};

int cmd_plans(struct cli *c, int argc, char **argv)
{
	int rc = cli_no_options("plans", argc, argv, 0, "");
	if (rc >= 0)
		return rc;
	struct db *db;
	if (!(db = cli_open(c, DB_OPEN_EXISTING)))
		return EXIT_REFUSED;
	struct plan_rec *v;
	size_t n;
	struct err e;
	rc = EXIT_OK;
	if (store_plans(db, &v, &n, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		for (size_t i = 0; i < n; i++) {
			char date[DAY_SHOWN_BUF + 8];
			fmt_date_text(v[i].date, date, sizeof date);
			cli_out(c, "%s\t%d\t%s\t%s\t%s\n", v[i].code, v[i].version, v[i].number,
				date, v[i].title);
		}
		plan_recs_free(v, n);
	}
	db_disconnect(db);
	return rc;
}

const struct command cmd_use_entry = {
	.name = "use",
	.run = cmd_use,
	.summary = N_("choose the current plan"),
	.usage = N_("Usage: tiendo [-f DB] use PLAN\n\nMake PLAN the current plan, the one the other commands work on.\n"),
};

int cmd_use(struct cli *c, int argc, char **argv)
{
	int rc = cli_no_options("use", argc, argv, 1, tr("the plan code"));
	if (rc >= 0)
		return rc;
	struct db *db;
	struct err e;
	if (!(db = cli_open(c, DB_OPEN_EXISTING)))
		return EXIT_REFUSED;
	rc = EXIT_OK;
	if (store_use_plan(db, argv[optind], &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	}
	db_disconnect(db);
	return rc;
}

/* The order of `tasks --sort`: the plan's numbering, or by title or code in
 * Vietnamese order (numbers by value: 1a-2 before 1a-10). */
enum task_sort { TASK_SORT_PLAN, TASK_SORT_TITLE, TASK_SORT_CODE };

/* Indexes into tl in the order asked; new array. */
static size_t *task_order(const struct task_list *tl, enum task_sort sort)
{
	if (sort == TASK_SORT_PLAN) {
		size_t *order = xmalloc((tl->n ? tl->n : 1) * sizeof *order);
		for (size_t i = 0; i < tl->n; i++)
			order[i] = i;
		return order;
	}
	const char **texts = xmalloc((tl->n ? tl->n : 1) * sizeof *texts);
	for (size_t i = 0; i < tl->n; i++)
		texts[i] = sort == TASK_SORT_TITLE ? tl->v[i].title : tl->v[i].code;
	size_t *order = collate_order(texts, tl->n);
	free(texts);
	return order;
}

void cli_print_task(struct cli *c, const struct task_rec *t)
{
	char tf[64];
	describe_timeframe(&t->tf, tf, sizeof tf);
	cli_out(c, "%s\t%s\t%s\t%s%s\n", t->code, t->lead, tf, t->title,
		t->retired ? tr(" (retired)") : "");
}

const struct command cmd_tasks_entry = {
	.name = "tasks",
	.run = cmd_tasks,
	.summary = N_("list the tasks; search without diacritics"),
	.usage = N_("Usage: tiendo [-f DB] tasks [--unit CODE] [--search TEXT] [--sort ORDER] [--retired]\n\nList the current plan's tasks: code, lead units, time frame, title.\n  --unit CODE    only tasks that unit leads or coordinates (also through groups)\n  --search TEXT  only tasks whose code, title or text contain TEXT, ignoring\n                 case and diacritics (\"chuyen doi so\" finds \"chuyển đổi số\")\n  --sort ORDER   plan (the plan's numbering, the default), title (Vietnamese\n                 dictionary order: a ă â b c d đ e ê ...) or code\n  --retired      include tasks retired from the plan\n"),
};

int cmd_tasks(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"unit", required_argument, NULL, 'u'},
		{"search", required_argument, NULL, 's'},
		{"sort", required_argument, NULL, 'o'},
		{"retired", no_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *unit_code = NULL, *search = NULL;
	enum task_sort sort = TASK_SORT_PLAN;
	bool retired = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("tasks", argc, argv, ":u:s:o:rh", opts)) != -1) {
		switch (ch) {
		case 'u': unit_code = optarg; break;
		case 's': search = optarg; break;
		case 'o':
			if (strcmp(optarg, "plan") == 0)
				sort = TASK_SORT_PLAN;
			else if (strcmp(optarg, "title") == 0)
				sort = TASK_SORT_TITLE;
			else if (strcmp(optarg, "code") == 0)
				sort = TASK_SORT_CODE;
			else
				return cli_usage("tasks", tr("--sort '%s': use plan, title or code"), optarg);
			break;
		case 'r': retired = true; break;
		case 'h': return cli_command_help("tasks");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("tasks", argc, argv, 0, ""))
		return EXIT_USAGE;
	char *needle = NULL;
	if (search) {
		char *clean = cli_text("--search", search, false);
		if (!clean)
			return EXIT_REFUSED;
		needle = text_fold(clean);
		free(clean);
	}
	struct session x;
	struct session_options so = {.with_retired = retired};
	struct err e;
	const struct unit_rec *unit = NULL;
	int rc = EXIT_REFUSED;
	if (cli_session(c, &x, &so, false))
		goto out;
	const struct unit_set *us = &x.b.units;
	const struct task_list *tl = &x.b.tasks;
	if (unit_code && store_resolve_unit(x.db, us, unit_code, &unit, &e)) {
		cli_error("%s", e.msg);
		goto out;
	}
	size_t *order = task_order(tl, sort);
	for (size_t k = 0; k < tl->n; k++) {
		const struct task_rec *t = &tl->v[order[k]];
		if (unit && !task_assigned(us, t, unit))
			continue;
		if (needle) {
			char *f = task_search_text(t);
			bool hit = text_match(f, needle);
			free(f);
			if (!hit)
				continue;
		}
		cli_print_task(c, t);
	}
	free(order);
	rc = EXIT_OK;
out:
	session_close(&x);
	free(needle);
	return rc;
}

const struct command cmd_indicators_entry = {
	.name = "indicators",
	.run = cmd_indicators,
	.summary = N_("list the target indicators"),
	.usage = N_("Usage: tiendo [-f DB] indicators\n\nList the current plan's target indicators: code, kind, target, year, text.\n"),
};

int cmd_indicators(struct cli *c, int argc, char **argv)
{
	int rc = cli_no_options("indicators", argc, argv, 0, "");
	if (rc >= 0)
		return rc;
	struct session x;
	struct session_options so = {0};
	rc = cli_session(c, &x, &so, false) ? EXIT_REFUSED : EXIT_OK;
	for (size_t i = 0; i < x.b.inds.n; i++) {
		const struct indicator_rec *d = &x.b.inds.v[i];
		char target[48];
		describe_target(d->kind, d->cmp, d->target, target, sizeof target);
		/* One line per indicator: line breaks in the text become spaces. */
		char *text = xstrdup(d->text);
		for (char *p = text; *p; p++)
			if (*p == '\n')
				*p = ' ';
		cli_out(c, "%s\t%s\t%s\t%d\t%s\n", d->code, ind_kind_label(d->kind), target, d->year, text);
		free(text);
	}
	session_close(&x);
	return rc;
}

const struct command cmd_regime_entry = {
	.name = "regime",
	.run = cmd_regime,
	.summary = N_("list the reporting regime"),
	.usage = N_("Usage: tiendo [-f DB] regime\n\nList the reporting regime: rule code, period type, due rule, ad hoc reports\nallowed, reporting units, recipient.\n"),
};

int cmd_regime(struct cli *c, int argc, char **argv)
{
	int rc = cli_no_options("regime", argc, argv, 0, "");
	if (rc >= 0)
		return rc;
	struct session x;
	struct session_options so = {0};
	rc = cli_session(c, &x, &so, false) ? EXIT_REFUSED : EXIT_OK;
	for (size_t i = 0; i < x.b.rules.n; i++) {
		const struct rule_rec *r = &x.b.rules.v[i];
		cli_out(c, "%s\t%s\t%s\t%s\t%s\t%s%s\n", r->code, period_type_label(r->period), r->due,
			yes_no_label(r->adhoc), r->reporters, r->to, r->to_inferred ? "?" : "");
	}
	session_close(&x);
	return rc;
}
