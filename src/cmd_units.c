/* SPDX-License-Identifier: MIT */
/* Commands on the units: units (the list), add-unit, retire-unit, rename-unit, and
 * add-units from a CSV file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "describe.h"
#include "msg.h"
#include "session.h"

const struct command cmd_units_entry = {
	.name = "units",
	.run = cmd_units,
	.summary = N_("list the units"),
	.usage = N_("Usage: tiendo [-f DB] units [--keys]\n\nList the units: code, kind, parent, name.\n  --keys  a column before the name: the state of the key the unit signs its\n          report files with (new, trusted, changed), or - (the D list's column)\n"),
};

int cmd_units(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"keys", no_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool keys = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("units", argc, argv, ":kh", opts)) != -1) {
		switch (ch) {
		case 'k': keys = true; break;
		case 'h': return cli_command_help("units");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("units", argc, argv, 0, ""))
		return EXIT_USAGE;
	int rc;
	struct session x;
	struct session_options so = {0};
	struct session_unit_list ul = {0};
	struct err e;
	rc = EXIT_REFUSED;
	if (cli_session(c, &x, &so, false))
		goto out;
	if (session_units_list(&x, keys, &ul, &e)) {
		cli_error("%s", e.msg);
		goto out;
	}
	for (size_t k = 0; k < ul.n; k++) {
		const struct unit_rec *u = ul.v[k].unit;
		cli_out(c, "%s\t%s\t%s\t", u->code, unit_kind_label(u->kind),
			ul.v[k].parent ? ul.v[k].parent->code : "");
		if (keys)
			cli_out(c, "%s\t", describe_key_state(ul.v[k].key));
		cli_out(c, "%s%s\n", u->name, u->retired ? tr(" (retired)") : "");
	}
	rc = EXIT_OK;
out:
	session_unit_list_free(&ul);
	session_close(&x);
	return rc;
}

const struct command cmd_add_unit_entry = {
	.name = "add-unit",
	.run = cmd_add_unit,
	.summary = N_("add a unit (a commune, a ward...)"),
	.usage = N_("Usage: tiendo [-f DB] add-unit CODE --name NAME --kind KIND [--parent CODE] [--members LIST]\n\nAdd a unit (e.g. a commune no plan lists by name).\nKIND: province department board agency press commune ward special-zone\ndivision external group. A group needs --members: unit kinds and unit codes.\n"),
};

int cmd_add_unit(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"kind", required_argument, NULL, 'k'},
		{"parent", required_argument, NULL, 'p'},
		{"members", required_argument, NULL, 'm'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *name = NULL, *kind_s = NULL, *parent = NULL, *members = NULL;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("add-unit", argc, argv, ":n:k:p:m:h", opts)) != -1) {
		switch (ch) {
		case 'n': name = optarg; break;
		case 'k': kind_s = optarg; break;
		case 'p': parent = optarg; break;
		case 'm': members = optarg; break;
		case 'h': return cli_command_help("add-unit");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("add-unit", argc, argv, 1, tr("the unit code")))
		return EXIT_USAGE;
	const char *code = argv[optind];
	enum unit_kind kind;
	if (!code_valid(code))
		return cli_usage("add-unit", tr("'%s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"), code);
	if (!name)
		return cli_usage("add-unit", tr("--name NAME is required"));
	if (!kind_s || !unit_kind_parse(kind_s, &kind))
		return cli_usage("add-unit", tr("--kind must be one of: province department board agency press commune ward special-zone division external group"));
	if ((kind == UNIT_GROUP) != (members != NULL))
		return cli_usage("add-unit", tr("--members is required for a group and only for a group"));
	char *clean = cli_text("--name", name, false);
	if (!clean)
		return EXIT_REFUSED;
	if (!*clean) {
		free(clean);
		return cli_usage("add-unit", tr("--name must not be empty"));
	}
	struct session x;
	struct session_options so = {0};
	struct err e;
	int rc = EXIT_OK;
	struct session_unit u = {code, clean, kind, parent, members};
	if (cli_session(c, &x, &so, false)) {
		rc = EXIT_REFUSED;
	} else if (session_unit_add(&x, &u, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		cli_out(c, tr("added unit %s (%s), %s%s%s; the next export-plan carries it\n"), code, clean,
			unit_kind_label(kind), parent ? tr(" under ") : "", parent ? parent : "");
	}
	session_close(&x);
	free(clean);
	return rc;
}

const struct command cmd_retire_unit_entry = {
	.name = "retire-unit",
	.run = cmd_retire_unit,
	.summary = N_("retire a unit (history kept)"),
	.usage = N_("Usage: tiendo [-f DB] retire-unit CODE\n\nRetire a unit: it keeps its history and is no longer expected to report.\nThe database's own unit, and the unit that issues or consolidates a plan,\ncannot be retired; nor can a unit with units still under it (retire them\nfirst) or one a reporting rule sends reports to.\n"),
};

int cmd_retire_unit(struct cli *c, int argc, char **argv)
{
	int rc = cli_no_options("retire-unit", argc, argv, 1, tr("the unit code"));
	if (rc >= 0)
		return rc;
	struct session x;
	struct session_options so = {0};
	struct err e;
	bool retired;
	rc = EXIT_OK;
	if (cli_session(c, &x, &so, false)) {
		rc = EXIT_REFUSED;
	} else if (session_unit_retire(&x, argv[optind], &retired, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		cli_out(c, retired ? tr("unit %s retired (its history is kept)\n")
				   : tr("unit %s was already retired: nothing changed\n"), argv[optind]);
	}
	session_close(&x);
	return rc;
}

const struct command cmd_rename_unit_entry = {
	.name = "rename-unit",
	.run = cmd_rename_unit,
	.summary = N_("rename a unit"),
	.usage = N_("Usage: tiendo [-f DB] rename-unit CODE --name NAME\n\nChange a unit's name; it travels with the next plan package.\n"),
};

int cmd_rename_unit(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"name", required_argument, NULL, 'n'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *name = NULL;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("rename-unit", argc, argv, ":n:h", opts)) != -1) {
		switch (ch) {
		case 'n': name = optarg; break;
		case 'h': return cli_command_help("rename-unit");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("rename-unit", argc, argv, 1, tr("the unit code")))
		return EXIT_USAGE;
	if (!name)
		return cli_usage("rename-unit", tr("--name NAME is required"));
	char *clean = cli_text("--name", name, false);
	if (!clean)
		return EXIT_REFUSED;
	if (!*clean) {
		free(clean);
		return cli_usage("rename-unit", tr("--name must not be empty"));
	}
	struct session x;
	struct session_options so = {0};
	struct err e;
	bool renamed;
	int rc = EXIT_OK;
	if (cli_session(c, &x, &so, false)) {
		rc = EXIT_REFUSED;
	} else if (session_unit_rename(&x, argv[optind], clean, &renamed, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else if (renamed) {
		cli_out(c, tr("unit %s renamed: %s\n"), argv[optind], clean);
	} else {
		cli_out(c, tr("unit %s already has that name: nothing changed\n"), argv[optind]);
	}
	session_close(&x);
	free(clean);
	return rc;
}

const struct command cmd_add_units_entry = {
	.name = "add-units",
	.run = cmd_add_units,
	.summary = N_("add or rename units from a CSV file"),
	.usage = N_("Usage: tiendo [-f DB] add-units FILE\n\nAdd units from a CSV file with the columns code,kind,parent,name[,members]\n(a first row of headings is skipped). Units already known with another name\nare renamed; the rest are left as they are. The whole file or nothing.\n"),
};

int cmd_add_units(struct cli *c, int argc, char **argv)
{
	int ch;
	static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	optind = 0;
	while ((ch = cli_getopt("add-units", argc, argv, ":h", opts)) != -1) {
		if (ch == 'h')
			return cli_command_help("add-units");
		return EXIT_USAGE;
	}
	if (!cli_positional("add-units", argc, argv, 1, tr("the units file")))
		return EXIT_USAGE;
	const char *file = argv[optind];
	struct session x;
	struct session_options so = {0};
	struct err e;
	size_t added, renamed;
	int rc = EXIT_OK;
	if (cli_session(c, &x, &so, false)) {
		rc = EXIT_REFUSED;
	} else if (session_units_file(&x, file, &added, &renamed, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		cli_out(c, trn(N_("%s: %zu unit added, %zu renamed.\n"), N_("%s: %zu units added, %zu renamed.\n"),
			       added),
			file, added, renamed);
	}
	session_close(&x);
	return rc;
}
