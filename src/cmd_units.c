/* SPDX-License-Identifier: MIT */
/* Commands that change the unit list beyond add-unit and retire-unit: rename-unit,
 * and add-units from a CSV file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csvio.h"
#include "encoding.h"
#include "msg.h"
#include "session.h"
#include "store.h"
#include "text.h"

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

/* Apply one row of a units file inside the open transaction. */
static int unit_row(struct db *db, const struct unit_set *known, const char *file,
		    const struct csv_row *r, size_t *added, size_t *renamed, struct err *e)
{
	const char *why = NULL;
	enum unit_kind kind;
	const char *code = r->f[0], *kind_s = r->f[1], *parent = r->f[2];
	const char *members = r->n > 4 ? r->f[4] : "";
	if (!code_valid(code))
		return err_set(e, tr("%s:%d: '%.40s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"),
			       file, r->line, code);
	if (!unit_kind_parse(kind_s, &kind))
		return err_set(e, tr("%s:%d: unknown unit kind '%.30s'"), file, r->line, kind_s);
	if ((kind == UNIT_GROUP) != (*members != '\0'))
		return err_set(e, tr("%s:%d: members are required for a group and only for a group"),
			       file, r->line);
	char *name = text_clean(r->f[3], 0, &why);
	if (!name)
		return err_set(e, tr("%s:%d: name: %s"), file, r->line, tr(why));
	int rc = 0;
	const struct unit_rec *u = unit_set_find(known, code);
	if (!*name) {
		rc = err_set(e, tr("%s:%d: the name must not be empty"), file, r->line);
	} else if (u) {
		if (strcmp(u->name, name) != 0) {
			rc = store_unit_rename(db, code, name, e);
			*renamed += rc == 0;
		}
	} else {
		rc = store_unit_add(db, code, name, kind, *parent ? parent : NULL,
				    kind == UNIT_GROUP ? members : NULL, e);
		if (rc) {
			char m[sizeof e->msg];
			snprintf(m, sizeof m, "%s", e->msg);
			err_set(e, tr("%s:%d: %s"), file, r->line, m);
		}
		*added += rc == 0;
	}
	free(name);
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
	size_t n, len;
	char *raw = read_file(file, &n);
	if (!raw) {
		cli_error(tr("%s: cannot read: %s"), file, tr_errno(errno));
		return EXIT_REFUSED;
	}
	const char *why = NULL;
	enum text_encoding enc;
	char *text = memchr(raw, '\0', n) ? NULL : encoding_decode(raw, n, &len, &enc, &why);
	free(raw);
	if (!text) {
		cli_error(tr("%s: not a text file in UTF-8 (or cp1258, TCVN3, VNI); nothing was added"), file);
		return EXIT_REFUSED;
	}
	struct csv_table t;
	struct err e;
	if (csvio_parse(text, len, file, 0, NULL, &t, &e)) {
		free(text);
		cli_error(tr("%s; nothing was added"), e.msg);
		return EXIT_REFUSED;
	}
	free(text);
	struct db *db;
	struct unit_set known = {0};
	size_t added = 0, renamed = 0;
	int rc = EXIT_OK;
	if (!(db = cli_open(c, DB_OPEN_EXISTING))) {
		csvio_table_free(&t);
		return EXIT_REFUSED;
	}
	if (store_units(db, &known, &e) || db_begin(db, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	for (size_t i = 0; i < t.n; i++) {
		const struct csv_row *r = &t.rows[i];
		if (r->n == 0 || r->f[0][0] == '#' || (i == 0 && strcmp(r->f[0], "code") == 0))
			continue;
		size_t used = r->n;
		while (used > 0 && !r->f[used - 1][0])
			used--;
		if (used == 0)
			continue;
		if (r->n < 4 || used > 5) {
			err_set(&e, tr("%s:%d: a unit row has the fields code,kind,parent,name[,members]; this one has %zu"),
				file, r->line, used);
			goto fail;
		}
		if (unit_row(db, &known, file, r, &added, &renamed, &e))
			goto fail;
	}
	if (db_commit(db, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto out;
	}
	cli_out(c, tr("%s: %zu units added, %zu renamed.\n"), file, added, renamed);
	goto out;
fail:
	db_rollback(db);
	cli_error(tr("%s; nothing was added"), e.msg);
	rc = EXIT_REFUSED;
out:
	unit_set_free(&known);
	csvio_table_free(&t);
	db_disconnect(db);
	return rc;
}
