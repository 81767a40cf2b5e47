/* SPDX-License-Identifier: MIT */
/* Commands that change the unit list beyond add-unit and retire-unit: rename-unit,
 * and add-units from a CSV file. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "msg.h"
#include "session.h"

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
	}
	session_close(&x);
	free(clean);
	return rc;
}

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
		cli_out(c, tr("%s: %zu units added, %zu renamed.\n"), file, added, renamed);
	}
	session_close(&x);
	return rc;
}
