/* SPDX-License-Identifier: MIT */
/* What the command-line commands share: options, output, argument checks, opening the database. */
#include "cli.h"
#include "session.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compat.h"
#include "db.h"
#include "msg.h"
#include "period.h"
#include "text.h"

/* The formatted message; every string from outside (file names, unit
 * names, texts) it holds goes to the terminal only through text_visible. */
static char *format_visible(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return xstrdup("");
	char *s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	char *v = text_visible(s, false);
	free(s);
	return v;
}

void cli_out(const struct cli *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = format_visible(fmt, ap);
	va_end(ap);
	if (c->ascii) {
		char *a = text_ascii(s);
		free(s);
		s = a;
	}
	fputs(s, stdout);
	free(s);
}

void cli_error(const char *fmt, ...)
{
	va_list ap;
	fflush(stdout);
	va_start(ap, fmt);
	char *s = format_visible(fmt, ap);
	va_end(ap);
	fprintf(stderr, "tiendo: %s\n", s);
	free(s);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;
	fputs("tiendo: ", stderr);
	if (cmd)
		fprintf(stderr, "%s: ", cmd);
	/* what was typed, shown as cli_error shows it: no control character
	 * of an argument reaches the terminal */
	va_start(ap, fmt);
	char *s = format_visible(fmt, ap);
	va_end(ap);
	fprintf(stderr, "%s\n", s);
	free(s);
	if (cmd)
		fprintf(stderr, tr("See: tiendo %s --help\n"), cmd);
	else
		fputs(tr("See: tiendo --help\n"), stderr);
	return EXIT_USAGE;
}

struct db *cli_open(const struct cli *c, enum db_open_mode mode)
{
	char *path = db_default_path(c->db_opt);
	struct err e;
	struct db *db = db_connect(path, mode, &e);
	if (!db)
		cli_error("%s", e.msg);
	free(path);
	return db;
}

int cli_session(const struct cli *c, struct session *s, const struct session_options *o,
		bool writes)
{
	char *path = db_default_path(c->db_opt);
	struct err e;
	int rc = session_open(s, path, o, &e);
	if (rc && (!s->db || !writes))
		cli_error("%s", e.msg);
	else if (rc)
		cli_error(tr("%s; nothing was written"), e.msg);
	free(path);
	return rc;
}

int cli_finish(const char *cmd, int rc)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return rc;
	if (cmd)
		cli_error(tr("%s: cannot write to standard output: %s"), cmd, tr_errno(errno));
	else
		cli_error(tr("cannot write to standard output: %s"), tr_errno(errno));
	return rc ? rc : EXIT_REFUSED;
}

bool cli_output_ok(const struct cli *c, const char *cmd, const char *out)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal"};
	if (!out || strcmp(out, "-") == 0)
		return true;
	char *path = db_default_path(c->db_opt);
	bool clash = false;
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes && !clash; i++) {
		struct strbuf f = {0};
		sb_addf(&f, "%s%s", path, suffixes[i]);
		clash = compat_same_file(out, f.s);
		sb_free(&f);
	}
	if (clash)
		cli_error(tr("%s: %s is the database (%s): writing there would destroy it; choose another file name with -o (nothing was written)"),
			  cmd, out, path);
	free(path);
	return !clash;
}

char *cli_text(const char *option, const char *arg, bool multiline)
{
	const char *why = NULL;
	char *s = text_clean(arg, multiline ? TEXT_MULTILINE : 0, &why);
	if (!s)
		cli_error(tr("%s: %s; nothing was written"), option, tr(why));
	return s;
}

bool cli_int(const char *cmd, const char *option, const char *arg, long long lo, long long hi,
	     long long *out)
{
	if (parse_int(arg, lo, hi, out))
		return true;
	cli_error(tr("%s: %s '%s' must be a whole number from %lld to %lld; nothing was written"),
		  cmd, option, arg, lo, hi);
	return false;
}

bool cli_int_rule(const char *cmd, const char *option, const char *arg, long long parse_hi,
		  long long rule_hi, long long *out)
{
	if (parse_int(arg, 0, parse_hi, out))
		return true;
	cli_error(tr("%s: %s '%s' must be a whole number from %lld to %lld; nothing was written"),
		  cmd, option, arg, 0LL, rule_hi);
	return false;
}

bool cli_period(const char *cmd, const char *arg, char out[PERIOD_BUF])
{
	struct period p;
	if (!arg) {
		cli_usage(cmd, tr("--period P is required (e.g. 2026S1, 2026Q2, 202606, 2026)"));
		return false;
	}
	if (!period_parse(arg, &p)) {
		cli_error(tr("%s: period '%s' is not a period code (2026, 2026S1, 2026Q1..2026Q4, 202601..202612)"),
			  cmd, arg);
		return false;
	}
	period_format(&p, out);
	return true;
}

void cli_help(const char *usage)
{
	fputs(tr(usage), stdout);
}

int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts)
{
	opterr = 0;
	int ch = getopt_long(argc, argv, shortopts, longopts, NULL);
	if (ch == '?') {
		if (optopt && optopt < 256)
			cli_usage(cmd, tr("unknown option -%c"), optopt);
		else
			cli_usage(cmd, tr("unknown option %s"), argv[optind - 1]);
	} else if (ch == ':') {
		cli_usage(cmd, tr("option %s needs a value"), argv[optind - 1]);
		ch = '?';
	}
	return ch;
}

bool cli_positional(const char *cmd, int argc, char **argv, int n, const char *what)
{
	int have = argc - optind;
	if (have == n)
		return true;
	if (have < n)
		cli_usage(cmd, tr("missing %s"), what);
	else
		cli_usage(cmd, tr("unexpected argument '%s'"), argv[optind + n]);
	return false;
}

int cli_command_help(const char *cmd)
{
	for (size_t i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i]->name, cmd) == 0)
			cli_help(cli_commands[i]->usage);
	return EXIT_OK;
}

int cli_no_options(const char *cmd, int argc, char **argv, int npos, const char *what)
{
	static const struct option help_only[] = {{"help", no_argument, NULL, 'h'},
						  {NULL, 0, NULL, 0}};
	int ch;
	optind = 0;
	while ((ch = cli_getopt(cmd, argc, argv, ":h", help_only)) != -1) {
		if (ch == 'h')
			return cli_command_help(cmd);
		return EXIT_USAGE;
	}
	return cli_positional(cmd, argc, argv, npos, what) ? -1 : EXIT_USAGE;
}

const char *cli_name_ext(const char *path)
{
	const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? dot + 1 : "";
}

int cli_output_name(const char *cmd, const char *out, const char *ext)
{
	/* The extensions of the files an officer opens by a double click: one of
	 * them on a file of another kind makes Excel or Word refuse it. */
	static const char *const known[] = {"csv", "xlsx", "xls", "xlsm", "ods", "docx", "doc",
					    "odt", "rtf", "pdf"};
	if (!out || strcmp(out, "-") == 0)
		return EXIT_OK;
	const char *have = cli_name_ext(out);
	if (strcasecmp(have, ext) == 0)
		return EXIT_OK;
	for (size_t i = 0; i < ARRAY_LEN(known); i++)
		if (strcasecmp(have, known[i]) == 0)
			return cli_usage(cmd, tr("-o %s: the file written is .%s, not .%s; name it %.*s.%s"),
					 out, ext, have, (int)(have - 1 - out), out, ext);
	return EXIT_OK;
}
