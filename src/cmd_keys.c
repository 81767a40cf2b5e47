/* SPDX-License-Identifier: MIT */
/* Commands for the keys that sign exchange files: key (this database's key
 * and its key file) and trust (confirm a unit's key, list the keys known). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "exchange_keys.h"
#include "msg.h"
#include "store.h"

const struct command cmd_key_entry = {
	.name = "key",
	.run = cmd_key,
	.summary = N_("this database's signing key, and its key file"),
	.usage = N_("Usage: tiendo [-f DB] key [--export [-o FILE]]\n\nShow the fingerprint of the key this database signs its exported files with:\ntwenty digits in five groups, to read over the phone.\n  --export    write the key file to hand to the unit you report to\n              (default: khoa_UNIT.csv here; -o - writes to standard output)\n"),
};

int cmd_key(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"export", no_argument, NULL, 'x'},
		{"output", required_argument, NULL, 'o'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *out = NULL;
	bool export = false;
	int ch;
	optind = 0;
	while ((ch = cli_getopt("key", argc, argv, ":xo:h", opts)) != -1) {
		switch (ch) {
		case 'x': export = true; break;
		case 'o': out = optarg; break;
		case 'h': return cli_command_help("key");
		default: return EXIT_USAGE;
		}
	}
	if (!cli_positional("key", argc, argv, 0, ""))
		return EXIT_USAGE;
	if (out && !export)
		return cli_usage("key", tr("-o FILE goes with --export"));
	if (!cli_output_ok(c, "key", out) || cli_output_name("key", out, "csv"))
		return EXIT_USAGE;
	struct err e;
	uint8_t pk[SIGN_PUBLIC_BYTES], sk[SIGN_SECRET_BYTES];
	struct db *db = cli_open(c, DB_OPEN_EXISTING);
	if (!db)
		return EXIT_REFUSED;
	char *owner = db_meta_get(db, "owner");
	int rc = EXIT_OK;
	if (keystore_own(db, pk, sk, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
		goto done;
	}
	memset(sk, 0, sizeof sk);
	char fp[SIGN_FINGERPRINT_BUF], hex[SIGN_PUBLIC_HEX];
	sign_fingerprint(pk, fp);
	sign_to_hex(pk, sizeof pk, hex);
	if (!export) {
		cli_out(c, tr("Key of this database (unit %s): %s\n"), owner ? owner : "-", fp);
		cli_out(c, tr("Public key: %s\n"), hex);
		goto done;
	}
	if (!owner) {
		cli_error(tr("%s: the database has no owner unit; set one with: tiendo init --plan FILE --unit CODE"),
			  db_path(db));
		rc = EXIT_REFUSED;
		goto done;
	}
	struct strbuf b = {0}, nb = {0};
	if (exchange_key_file(db, owner, &b, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else {
		if (!out) {
			sb_addf(&nb, "khoa_%s.csv", owner);
			out = nb.s;
		}
		if (strcmp(out, "-") == 0 ? fwrite(b.s, 1, b.len, stdout) != b.len
					  : write_file_atomic(out, b.s, b.len) != 0) {
			cli_error(tr("%s: cannot write %s: %s (nothing was written)"), "key", out,
				  tr_errno(errno));
			rc = EXIT_REFUSED;
		} else if (strcmp(out, "-") != 0) {
			cli_out(c, tr("Wrote %s: the key of %s (%s). Hand it to the unit you report to; they check these digits with you by phone.\n"),
				out, owner, fp);
		}
	}
	sb_free(&b);
	sb_free(&nb);
done:
	free(owner);
	db_disconnect(db);
	return rc;
}

static int list_keys(struct cli *c, struct db *db)
{
	struct unit_key_list l;
	struct err e;
	if (keystore_list(db, false, &l, &e)) {
		cli_error("%s", e.msg);
		return EXIT_REFUSED;
	}
	for (size_t i = 0; i < l.n; i++) {
		char fp[SIGN_FINGERPRINT_BUF];
		sign_fingerprint(l.v[i].pk, fp);
		cli_out(c, "%s\t%s\t%s", l.v[i].unit, tr(key_state_name(l.v[i].state)), fp);
		/* A changed key: the new digits, the ones to check by phone before
		 * tiendo trust UNIT (the known key's stay beside them). */
		if (l.v[i].state == KEY_CHANGED) {
			sign_fingerprint(l.v[i].pending_pk, fp);
			cli_out(c, "\t%s %s", tr("new key:"), fp);
		}
		cli_out(c, "\n");
	}
	if (l.n == 0)
		cli_out(c, "%s\n", tr("No unit's key is known yet: keys are recorded from the first signed file of each unit."));
	unit_key_list_free(&l);
	return EXIT_OK;
}

const struct command cmd_trust_entry = {
	.name = "trust",
	.run = cmd_trust,
	.summary = N_("confirm a unit's key; list the keys known"),
	.usage = N_("Usage: tiendo [-f DB] trust [FILE | UNIT]\n\nConfirm the key a unit signs its files with, after checking its fingerprint\nwith the unit by phone: from the key file it handed over (made by tiendo key),\nor the key recorded from its first signed file, or the new key of a file that\nwas kept aside because the key changed. Without an argument: every unit's key\nand its state (new, trusted, changed).\n"),
};

int cmd_trust(struct cli *c, int argc, char **argv)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	optind = 0;
	while ((ch = cli_getopt("trust", argc, argv, ":h", opts)) != -1) {
		switch (ch) {
		case 'h': return cli_command_help("trust");
		default: return EXIT_USAGE;
		}
	}
	if (argc - optind > 1)
		return cli_usage("trust", tr("give one key file or one unit code"));
	struct err e;
	struct db *db = cli_open(c, DB_OPEN_EXISTING);
	if (!db)
		return EXIT_REFUSED;
	int rc = EXIT_OK;
	char fp[SIGN_FINGERPRINT_BUF], *unit = NULL, *was = NULL, *file = NULL;
	const char *arg = optind < argc ? argv[optind] : NULL;
	if (!arg) {
		rc = list_keys(c, db);
	} else if (compat_path_kind(arg) >= 0) {
		if (exchange_trust_file(db, arg, &unit, fp, &e)) {
			cli_error("%s", e.msg);
			rc = EXIT_REFUSED;
		} else {
			cli_out(c, tr("The key of %s is trusted now: %s. Check these digits with %s by phone.\n"),
				unit, fp, unit);
		}
	} else if (strchr(arg, '/') || strcasecmp(cli_name_ext(arg), "csv") == 0) {
		/* A key file's name, not a unit code: say the file is missing. */
		cli_error(tr("%s: no such file (tiendo trust takes a key file or a unit code)"), arg);
		rc = EXIT_REFUSED;
	} else if (exchange_trust_unit(db, arg, fp, &was, &file, &e)) {
		cli_error("%s", e.msg);
		rc = EXIT_REFUSED;
	} else if (was) {
		cli_out(c, tr("The new key of %s is trusted now: %s (it was %s). Import the file kept aside again: %s\n"),
			arg, fp, was, file);
	} else {
		cli_out(c, tr("The key of %s is trusted now: %s. Check these digits with %s by phone.\n"),
			arg, fp, arg);
	}
	free(unit);
	free(was);
	free(file);
	db_disconnect(db);
	return rc;
}
