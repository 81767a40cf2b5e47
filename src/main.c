/* SPDX-License-Identifier: MIT */
/* tiendo's entry point: global options and the command table. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include <unistd.h>

#include "cli.h"
#include "config.h"
#include "date.h"
#include "exchange_keys.h"
#include "db.h"
#include "keymap.h"
#include "msg.h"
#include "telex.h"
#include "text.h"
#include "ui.h"

/* --check-keymap FILE: report every problem with its line, change nothing. */
static int check_keymap(const char *name)
{
	char *path = keymap_find(name);
	size_t n;
	char *buf = path ? read_file(path, &n) : NULL;
	if (!buf) {
		cli_error(tr("%s: no such keymap (a file, or a name in ~/.config/tiendo or keymaps/)"), name);
		free(path);
		return EXIT_REFUSED;
	}
	struct keymap km;
	struct keymap_diags d = {.n = 0};
	keymap_defaults(&km);
	int problems = keymap_apply(&km, buf, n, &d);
	/* the file's name and what a line holds reach the terminal only
	 * through text_visible, as every other message's */
	char *shown = text_visible(path, true);
	for (int i = 0; i < d.n; i++) {
		char *msg = text_visible(d.v[i].msg, true);
		fprintf(stderr, "%s:%d: %s\n", shown, d.v[i].line, msg);
		free(msg);
	}
	if (d.dropped)
		fprintf(stderr, tr("%s: %d more problems\n"), shown, d.dropped);
	if (!problems)
		printf(tr("%s: ok\n"), shown);
	free(shown);
	free(buf);
	free(path);
	return problems ? EXIT_REFUSED : EXIT_OK;
}

static void usage(FILE *f)
{
	fputs(tr("Usage: tiendo [OPTIONS] [COMMAND [ARGS]]\n\nTrack a plan's tasks, target indicators, deadlines and progress reports.\n\nOptions:\n  -f FILE       the database (default: $TIENDO_DB, else\n                $XDG_DATA_HOME/tiendo/tiendo.db)\n  --ascii       print without Vietnamese diacritics\n  --utf8        the interface in UTF-8 even when the locale says otherwise\n  --lang LANG   vi (default) or en; also from $TIENDO_LANG, $LANGUAGE, $LANG\n  -h, --help    this help; COMMAND --help for a command's\n  -V, --version the version\n  -k NAME|FILE  key bindings for the interface: default, vi, emacs or a file\n  --input M     typing in the interface: off (default), telex or vni\n  --check-keymap FILE  check a keymap file and report its problems\n\nCommands:\n"),
	      f);
	for (size_t i = 0; i < cli_n_commands; i++)
		fprintf(f, "  %-15s %s\n", cli_commands[i]->name, tr(cli_commands[i]->summary));
	fputs(tr("\nWithout a command, on a terminal: the interface (F1 for help); otherwise an\noverview of the current plan.\nExit status: 0 done, 1 data or a file refused, 2 usage error.\n"), f);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{"ascii", no_argument, NULL, 'a'},
		{"utf8", no_argument, NULL, 'U'},
		{"lang", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"dump-catalog", no_argument, NULL, 'D'},
		{"list-commands", no_argument, NULL, 'L'},
		{"check-keymap", required_argument, NULL, 'K'},
		{"keymap", required_argument, NULL, 'k'},
		{"input", required_argument, NULL, 'i'},
		{NULL, 0, NULL, 0},
	};
	compat_init(&argc, &argv);
	struct cli c = {.prog = argv[0]};
	struct config cfg;
	const char *keymap = NULL, *input = NULL;
	bool utf8 = false;
	int ch;
	setlocale(LC_ALL, "");
	msg_init();
	config_load(&cfg);
	if (cfg.lang[0] && !getenv("TIENDO_LANG"))
		msg_set_lang(strcmp(cfg.lang, "en") == 0 ? LANG_EN : LANG_VI);
	if (cfg.ascii == 1)
		c.ascii = true;
	exchange_require_signatures(cfg.require_signatures == 1);
	opterr = 0;
	/* A clock that does not parse would silently become today: refuse it. */
	if (!date_now_env_valid())
		return cli_usage(NULL, tr("TIENDO_NOW='%s' is not a date (YYYY-MM-DD) or a UTC time (YYYY-MM-DDTHH:MM:SSZ); unset it or correct it"),
				 getenv("TIENDO_NOW"));
	if (!date_tz_env_valid())
		return cli_usage(NULL, tr("TIENDO_TZ='%s' is not a time zone offset such as +07:00 or UTC; unset it (Vietnam time) or correct it"),
				 getenv("TIENDO_TZ"));
	/* '+': stop at the command name; the command parses the rest. */
	while ((ch = getopt_long(argc, argv, "+:f:k:hV", opts, NULL)) != -1) {
		switch (ch) {
		case 'f': c.db_opt = optarg; break;
		case 'a': c.ascii = true; break;
		case 'U': utf8 = true; break;
		case 'l':
			if (strcmp(optarg, "en") == 0)
				msg_set_lang(LANG_EN);
			else if (strcmp(optarg, "vi") == 0)
				msg_set_lang(LANG_VI);
			else
				return cli_usage(NULL, tr("--lang must be vi or en"));
			break;
		case 'h': usage(stdout); return cli_finish(NULL, EXIT_OK);
		case 'V': printf("tiendo %s\n", TIENDO_VERSION); return cli_finish(NULL, EXIT_OK);
		case 'D': msg_dump(stdout); return EXIT_OK;
		case 'L': /* for tests/cli/help.sh: the command table, one name a line */
			for (size_t i = 0; i < cli_n_commands; i++)
				puts(cli_commands[i]->name);
			return EXIT_OK;
		case 'K': return check_keymap(optarg);
		case 'k': keymap = optarg; break;
		case 'i': input = optarg; break;
		case ':': return cli_usage(NULL, tr("option %s needs a value"), argv[optind - 1]);
		default: return cli_usage(NULL, tr("unknown option %s"), argv[optind - 1]);
		}
	}
	if (optind >= argc) {
		/* No command: the interface on a terminal, the overview for scripts. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
			return cli_finish(NULL, cmd_overview(&c, 0, NULL));
		struct ui_options uo = {.ascii = c.ascii && !utf8, .utf8 = utf8, .keymap = keymap ? keymap : cfg.keymap[0] ? cfg.keymap : NULL};
		const char *im = input ? input : cfg.input[0] ? cfg.input : "off";
		if (!im_mode_parse(im, &uo.im))
			return cli_usage(NULL, tr("--input must be off, telex or vni"));
		char *path = db_default_path(c.db_opt);
		int rc = ui_run(path, &uo);
		free(path);
		return rc;
	}
	const char *name = argv[optind];
	for (size_t i = 0; i < cli_n_commands; i++)
		if (strcmp(cli_commands[i]->name, name) == 0)
			return cli_finish(name, cli_commands[i]->run(&c, argc - optind, argv + optind));
	return cli_usage(NULL, tr("unknown command '%s'"), name);
}
