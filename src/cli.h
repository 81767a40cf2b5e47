/* SPDX-License-Identifier: MIT */
/* What the command-line commands share: options, output, argument checks, opening the database. */
#ifndef TIENDO_CLI_H
#define TIENDO_CLI_H

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>

#include "db.h"
#include "period.h"
#include "util.h"

enum exit_code { EXIT_OK = 0, EXIT_REFUSED = 1, EXIT_USAGE = 2 };

struct cli {
	const char *db_opt; /* -f FILE */
	bool ascii;         /* --ascii: output without diacritics */
	const char *prog;
};

/* printf to stdout, through the ASCII fallback when asked. */
void cli_out(const struct cli *c, const char *fmt, ...) TIENDO_PRINTF(2, 3);
/* "tiendo: message" on stderr. */
void cli_error(const char *fmt, ...) TIENDO_PRINTF(1, 2);
/* A usage error for command cmd: message, then "see tiendo CMD --help". Returns EXIT_USAGE. */
int cli_usage(const char *cmd, const char *fmt, ...) TIENDO_PRINTF(2, 3);

/* Open the database named by -f / $TIENDO_DB / the default (close it with
 * db_disconnect). Prints the error and returns NULL on failure. */
struct db *cli_open(const struct cli *c, enum db_open_mode mode);
/* The same, and load its plan (session.h); prints the error, with "nothing
 * was written" after a plan error when writes. Close it with session_close
 * whatever this returns. */
struct session;
struct session_options;
int cli_session(const struct cli *c, struct session *s, const struct session_options *o,
		bool writes);

/* The exit status of command cmd (NULL: none) that returned rc, once what it printed is
 * out: when standard output could not take it (a full disk, a closed
 * output), says so and returns EXIT_REFUSED instead of 0. */
int cli_finish(const char *cmd, int rc);
/* May command cmd write its output to out (-o FILE)? Not when out is the
 * database or one of its journal files: the output would be renamed over it
 * and the database lost. Prints why not. NULL and "-" are always fine. */
bool cli_output_ok(const struct cli *c, const char *cmd, const char *out);
/* Check a command-line text argument: valid UTF-8, canonical NFC. Prints why
 * not, naming the option. New string or NULL. */
char *cli_text(const char *option, const char *arg, bool multiline);
/* Parse an integer option within bounds; prints the error. */
bool cli_int(const char *cmd, const char *option, const char *arg, long long lo, long long hi,
	     long long *out);
/* The same for a number whose range a later check words (the session's, as
 * for an import): parsed within 0..parse_hi so that the check sees it and
 * says "not N"; one beyond that is refused naming the rule's 0..rule_hi,
 * not the parse range. */
bool cli_int_rule(const char *cmd, const char *option, const char *arg, long long parse_hi,
		  long long rule_hi, long long *out);
/* Parse the value of --period for command cmd into its canonical code;
 * prints why not (a usage error when arg is NULL). */
bool cli_period(const char *cmd, const char *arg, char out[PERIOD_BUF]);
/* The extension of a file name ("xlsx"), or "" when its last part has none. */
const char *cli_name_ext(const char *path);
/* The -o name of a command that writes a file of extension ext ("csv",
 * "xlsx", "docx"): a usage error (EXIT_USAGE) when the name ends in the
 * extension of another kind of document, else EXIT_OK. */
int cli_output_name(const char *cmd, const char *out, const char *ext);
/* Print a command's help from its usage lines. */
void cli_help(const char *usage);

struct command {
	const char *name;
	int (*run)(struct cli *c, int argc, char **argv);
	const char *summary; /* one line for tiendo --help; English, translated when printed */
	const char *usage;   /* English; translated when printed */
};
extern const struct command *const cli_commands[];
extern const size_t cli_n_commands;
/* Each command's entry is written just above its function (whose first
 * statement is its option table) in its cmd_*.c, as tmux keeps a cmd_entry
 * in each cmd-*.c: the usage text sits beside the options it describes. */
extern const struct command cmd_init_entry;
extern const struct command cmd_plans_entry;
extern const struct command cmd_use_entry;
extern const struct command cmd_units_entry;
extern const struct command cmd_add_unit_entry;
extern const struct command cmd_retire_unit_entry;
extern const struct command cmd_tasks_entry;
extern const struct command cmd_indicators_entry;
extern const struct command cmd_regime_entry;
extern const struct command cmd_set_entry;
extern const struct command cmd_set_indicator_entry;
extern const struct command cmd_show_entry;
extern const struct command cmd_show_indicator_entry;
extern const struct command cmd_undo_entry;
extern const struct command cmd_due_entry;
extern const struct command cmd_export_plan_entry;
extern const struct command cmd_export_entry;
extern const struct command cmd_import_entry;
extern const struct command cmd_status_entry;
extern const struct command cmd_consolidate_entry;
extern const struct command cmd_draft_report_entry;
extern const struct command cmd_draft_reminder_entry;
extern const struct command cmd_conflicts_entry;
extern const struct command cmd_resolve_entry;
extern const struct command cmd_received_entry;
extern const struct command cmd_key_entry;
extern const struct command cmd_trust_entry;
extern const struct command cmd_rename_unit_entry;
extern const struct command cmd_add_units_entry;

/* The commands, by file. */
int cmd_init(struct cli *c, int argc, char **argv);
int cmd_plans(struct cli *c, int argc, char **argv);
int cmd_use(struct cli *c, int argc, char **argv);
int cmd_units(struct cli *c, int argc, char **argv);
int cmd_add_unit(struct cli *c, int argc, char **argv);
int cmd_retire_unit(struct cli *c, int argc, char **argv);
int cmd_tasks(struct cli *c, int argc, char **argv);
int cmd_indicators(struct cli *c, int argc, char **argv);
int cmd_regime(struct cli *c, int argc, char **argv);
int cmd_set(struct cli *c, int argc, char **argv);
int cmd_set_indicator(struct cli *c, int argc, char **argv);
int cmd_show(struct cli *c, int argc, char **argv);
int cmd_show_indicator(struct cli *c, int argc, char **argv);
int cmd_undo(struct cli *c, int argc, char **argv);
int cmd_due(struct cli *c, int argc, char **argv);
int cmd_export_plan(struct cli *c, int argc, char **argv);
int cmd_export(struct cli *c, int argc, char **argv);
int cmd_import(struct cli *c, int argc, char **argv);
int cmd_status(struct cli *c, int argc, char **argv);
int cmd_consolidate(struct cli *c, int argc, char **argv);
int cmd_conflicts(struct cli *c, int argc, char **argv);
int cmd_resolve(struct cli *c, int argc, char **argv);
int cmd_received(struct cli *c, int argc, char **argv);
int cmd_rename_unit(struct cli *c, int argc, char **argv);
int cmd_add_units(struct cli *c, int argc, char **argv);
int cmd_key(struct cli *c, int argc, char **argv);
int cmd_trust(struct cli *c, int argc, char **argv);
int cmd_draft_report(struct cli *c, int argc, char **argv);
int cmd_draft_reminder(struct cli *c, int argc, char **argv);
int cmd_overview(struct cli *c, int argc, char **argv);

/* What the overview prints as tasks and due do: one task's line (cmd_plan.c),
 * deadlines one a line (cmd_due.c). */
struct task_rec;
struct deadline_list;
void cli_print_task(struct cli *c, const struct task_rec *t);
void cli_print_deadlines(struct cli *c, const struct deadline_list *dl);

/* getopt_long for a command (shortopts must start with ':'); prints usage
 * errors itself and then returns '?'. Set optind = 0 before the first call. */
int cli_getopt(const char *cmd, int argc, char **argv, const char *shortopts,
	       const struct option *longopts);
/* Exactly n positional arguments are left; else a usage error (returns false). */
bool cli_positional(const char *cmd, int argc, char **argv, int n, const char *what);
/* Parse a command that takes no options but --help and npos positional
 * arguments (what: their name for a usage error); -1 to go on, else the
 * exit code. */
int cli_no_options(const char *cmd, int argc, char **argv, int npos, const char *what);
/* Print the usage of command cmd; returns EXIT_OK. */
int cli_command_help(const char *cmd);
#endif
