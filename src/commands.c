/* SPDX-License-Identifier: MIT */
/* The command table, and the overview shown when no command is given. */
#include <stdlib.h>

#include "cli.h"
#include "msg.h"
#include "store.h"

/* The usage texts are English keys of the message catalog. */
const struct command cli_commands[] = {
	{"init", cmd_init, N_("create or update the database from a plan file"), N_("Usage: tiendo [-f DB] init --plan FILE [--unit CODE]\n       tiendo [-f DB] init --plan FILE --unit CODE --name NAME [--kind KIND] --parent CODE\n\nCreate the database, or update it, from a plan file or package\n(docs/plan-format.md). A newer plan version updates tasks, indicators, units\nand deadlines and keeps all progress; the same or an older version changes\nnothing. A refused first init leaves no file behind.\n\n  --plan FILE   the plan file or package to load\n  --unit CODE   the unit this database belongs to (default: the plan's\n                consolidating unit, on first load)\n  --name NAME   a unit the plan does not list (a new commune): its name;\n                it is added and becomes this database's unit in one step\n  --kind KIND   its kind (default: commune; ward, special-zone, ...)\n  --parent CODE the unit of the plan it is under (e.g. the province)\n")},
	{"plans", cmd_plans, N_("list the plans in the database"), N_("Usage: tiendo [-f DB] plans\n\nList the plans in the database: code, version, number, date, title.\n")},
	{"use", cmd_use, N_("choose the current plan"), N_("Usage: tiendo [-f DB] use PLAN\n\nMake PLAN the current plan, the one the other commands work on.\n")},
	{"units", cmd_units, N_("list the units"), N_("Usage: tiendo [-f DB] units\n\nList the units: code, kind, parent, name.\n")},
	{"add-unit", cmd_add_unit, N_("add a unit (a commune, a ward...)"), N_("Usage: tiendo [-f DB] add-unit CODE --name NAME --kind KIND [--parent CODE] [--members LIST]\n\nAdd a unit (e.g. a commune no plan lists by name).\nKIND: province department board agency press commune ward special-zone\ndivision external group. A group needs --members: unit kinds and unit codes.\n")},
	{"retire-unit", cmd_retire_unit, N_("retire a unit (history kept)"), N_("Usage: tiendo [-f DB] retire-unit CODE\n\nRetire a unit: it keeps its history and is no longer expected to report.\n")},
	{"tasks", cmd_tasks, N_("list the tasks; search without diacritics"), N_("Usage: tiendo [-f DB] tasks [--unit CODE] [--search TEXT] [--sort ORDER] [--retired]\n\nList the current plan's tasks: code, lead units, time frame, title.\n  --unit CODE    only tasks that unit leads or coordinates (also through groups)\n  --search TEXT  only tasks whose code, title or text contain TEXT, ignoring\n                 case and diacritics (\"chuyen doi so\" finds \"chuyển đổi số\")\n  --sort ORDER   plan (the plan's numbering, the default), title (Vietnamese\n                 dictionary order: a ă â b c d đ e ê ...) or code\n  --retired      include tasks retired from the plan\n")},
	{"indicators", cmd_indicators, N_("list the target indicators"), N_("Usage: tiendo [-f DB] indicators\n\nList the current plan's target indicators: code, kind, target, year, text.\n")},
	{"regime", cmd_regime, N_("list the reporting regime"), N_("Usage: tiendo [-f DB] regime\n\nList the reporting regime: rule code, period type, due rule, ad hoc reports\nallowed, reporting units, recipient.\n")},
	{"set", cmd_set, N_("record progress on a task for a period"), N_("Usage: tiendo [-f DB] set TASK --period P [--unit CODE] [--status S] [--percent N]\n                 [--count N] [--result T] [--difficulties T] [--proposals T] [--evidence T]\n                 [--clear FIELD]\n\nRecord progress on a task for a period (default unit: the database's owner).\nOnly the fields given change; an empty --percent or --count clears it.\n  --period P   2026, 2026S1 (half-year), 2026Q2 (quarter), 202606 (month)\n  --status S   not-started, in-progress, done, blocked\n  --percent N  0..100 (done without a percent means 100); above 0 moves\n               not-started to in-progress; 100 needs --status\n  --clear F    erase a stored text: result, difficulties, proposals, evidence\n               (an empty --result is refused)\n")},
	{"set-indicator", cmd_set_indicator, N_("record an indicator value for a period"), N_("Usage: tiendo [-f DB] set-indicator IND --period P [--unit CODE]\n                 (--value N | --numerator N --denominator N) [--note T]\n\nRecord a unit's value of a target indicator for a period. Percent targets\ntake a numerator and denominator (e.g. staff trained of all staff) or a\npercentage as --value; counts take --value; milestones --value 1 (yes) or 0.\n")},
	{"show", cmd_show, N_("show an entry and its history"), N_("Usage: tiendo [-f DB] show TASK --period P [--unit CODE]\n\nShow a task's entry for a unit and period, and every saved revision.\n")},
	{"show-indicator", cmd_show_indicator, N_("show an indicator value and its history"), N_("Usage: tiendo [-f DB] show-indicator IND --period P [--unit CODE]\n\nShow a unit's value of an indicator for a period, and its history.\n")},
	{"undo", cmd_undo, N_("undo the last change of an entry"), N_("Usage: tiendo [-f DB] undo TASK --period P [--unit CODE]\n\nPut back the entry as it was before its last change (kept in the history).\n")},
	{"due", cmd_due, N_("deadlines ahead, and overdue tasks"), N_("Usage: tiendo [-f DB] due [--from DATE] [--days N] [--unit CODE | --all]\n\nDeadlines from DATE (default today) for N days (default 30): task due dates,\nreport due dates from the reporting regime and annual events, plus tasks\nalready overdue (due before DATE and not done). One line each:\nDATE, KIND (overdue, task, report, event), CODE, DETAIL.\n  --unit CODE  deadlines of that unit (default: the database's owner; when the\n               owner is the plan's consolidating unit, every unit's)\n  --all        deadlines of every unit\n")},
	{"export-plan", cmd_export_plan, N_("write the plan package for the units"), N_("Usage: tiendo [-f DB] export-plan [-o FILE] [--excel]\n\nWrite the current plan as a plan package to send to every unit (default file:\nkehoach_PLAN_vN.csv here; -o - writes to standard output). When units were\nadded, renamed or retired since the last package, the plan's version goes up\nby one so that they travel with it.\n  --excel   for a spreadsheet: UTF-8 with BOM, CRLF, formula-like cells neutralised\n")},
	{"export", cmd_export, N_("write this unit's report for a period"), N_("Usage: tiendo [-f DB] export --period P [-o FILE] [--excel]\n\nWrite this unit's report for a period: every entry and indicator value of\nthis unit (and of the units under it) with its revision, plus the reports it\nreceived from them; a row count and checksum let the receiver detect a\ntruncated or altered file. Default file: baocao_UNIT_PERIOD_YYYYMMDD.csv here.\n  --excel   for a spreadsheet (it can be opened, saved and still imported)\n")},
	{"import", cmd_import, N_("import plan packages and reports"), N_("Usage: tiendo [-f DB] import [--dry-run] FILE|FOLDER...\n\nImport plan packages and unit reports, in any mix and order; a folder means\nits .csv files. One summary line per file, printed once the file is saved:\nevery line printed stays true even if the import is killed. Each file is in\nthe database whole, or refused with FILE:LINE: reason and nothing written;\nwhen the database cannot be written (full disk), the files not saved are\nnamed, to be imported again.\nA row replaces the stored one only with a higher revision; the same revision\nwith other content is kept aside as a conflict (see: tiendo conflicts). The\nsame file twice is a no-op. Files in cp1258, TCVN3 or VNI are converted and\nthe encoding is named.\n  --dry-run   say what would happen, write nothing\nExit status: 0 when every file was imported or had nothing new, 1 when any\nwas refused or not saved.\n")},
	{"status", cmd_status, N_("who reported, on time, late, missing"), N_("Usage: tiendo [-f DB] status --period P [--csv] [--plan CODE]\n\nCompleteness and timeliness of reports for a period: each unit the reporting\nregime expects to report to this unit (and, from their consolidated reports,\nto the units under it), with on time, late, missing or not yet due, and the\nreporting and on-time rates, overall and by unit kind. A report is on time\nwhen it was exported (Vietnam time) on or before the due date.\n  --csv   one CSV row per expected report\n")},
	{"consolidate", cmd_consolidate, N_("write the consolidated table for a period"), N_("Usage: tiendo [-f DB] consolidate --period P [-o FILE] [--excel | --xlsx] [--plan CODE]\n\nWrite the consolidated table for a period, one CSV file in parts a\nspreadsheet can filter on the first column: unit (reported, on time, late,\nmissing), indicator (target, consolidated value, met), task (assigned units\nby status) and entry (every unit's entry, texts exactly as entered).\nDefault file: tonghop_PLAN_PERIOD_YYYYMMDD.csv here.\n  --xlsx   an Excel workbook instead, in four sheets (summary, targets,\n           reporting, entries) with charts; default file\n           tonghop_PLAN_PERIOD_YYYYMMDD.xlsx in $TIENDO_EXPORT_DIR or here\n")},
	{"draft-report", cmd_draft_report, N_("draft the report on the plan's results (.docx)"), N_("Usage: tiendo [-f DB] draft-report --period P [-o FILE.docx] [--text] [--plan CODE]\n                 [--org NAME] [--place NAME] [--signer-title TITLE] [--signer NAME]\n                 [--symbol SYMBOL]\n\nDraft the report on the plan's results for a period as a Word document in\nthe format of Decree 30/2020/ND-CP: header block, I. how the units reported,\nII. results by section and task, III. targets (table and chart), IV.\ndifficulties and V. proposals (the units' texts, duplicates merged, each\nattributed), an appendix of every entry, recipients and signer. Default\nfile: baocao-tonghop_PLAN_PERIOD_YYYYMMDD.docx in $TIENDO_EXPORT_DIR or here.\n  --text            print the draft as plain text instead\n  --org NAME        the governing body in the header (default: the unit\n                    above this one, in capitals)\n  --place NAME      the place of the date line (default: the plan's)\n  --signer-title T  the signer's title (\"GIÁM ĐỐC\")\n  --signer NAME     the signer's name\n  --symbol SYMBOL   the symbol after the number (\"BC-SKHCN\")\nWhat is neither given nor in the settings file (org, place, signer,\nsigner-title) is left as a dotted blank to fill in.\n")},
	{"draft-reminder", cmd_draft_reminder, N_("draft the reminder to units that have not reported (.docx)"), N_("Usage: tiendo [-f DB] draft-reminder --period P [-o FILE.docx] [--text] [--plan CODE]\n                 [--org NAME] [--place NAME] [--signer-title TITLE] [--signer NAME]\n                 [--symbol SYMBOL]\n\nDraft the official letter reminding the units that have not reported for a\nperiod (as status counts them), with the units that reported late in a\nsecond list and the due date from the reporting regime; the new deadline is\nleft blank. Default file: dondoc_PLAN_PERIOD_YYYYMMDD.docx in\n$TIENDO_EXPORT_DIR or here. Options as for draft-report.\n")},
	{"conflicts", cmd_conflicts, N_("list the conflicts kept aside on import"), N_("Usage: tiendo [-f DB] conflicts [--period P] [--all]\n\nList the conflicts kept aside on import: an incoming row with the same\nrevision as the stored one but other content. Both sides are shown.\n  --all   also the conflicts already resolved\n")},
	{"resolve", cmd_resolve, N_("resolve a conflict"), N_("Usage: tiendo [-f DB] resolve ID (--take | --keep)\n\nResolve a conflict: --take puts the incoming row in place of the stored one\n(the replaced content stays in the conflict list); --keep keeps the stored row.\n")},
	{"received", cmd_received, N_("the register of received files"), N_("Usage: tiendo [-f DB] received [--period P]\n\nThe register of received files, oldest first, one line each: import time,\nkind (report or plan), sender, plan and version (and period), export time,\nencoding, rows new/replaced/unchanged/older/conflicts, checksum, file name.\n")},
	{"rename-unit", cmd_rename_unit, N_("rename a unit"), N_("Usage: tiendo [-f DB] rename-unit CODE --name NAME\n\nChange a unit's name; it travels with the next plan package.\n")},
	{"add-units", cmd_add_units, N_("add or rename units from a CSV file"), N_("Usage: tiendo [-f DB] add-units FILE\n\nAdd units from a CSV file with the columns code,kind,parent,name[,members]\n(a first row of headings is skipped). Units already known with another name\nare renamed; the rest are left as they are. The whole file or nothing.\n")},
};
const size_t cli_n_commands = sizeof cli_commands / sizeof cli_commands[0];

/* Without a command when standard input or output is not a terminal (a script,
 * a pipe): the plan, its tasks and what is due. */
int cmd_overview(struct cli *c, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct db *db;
	struct err e;
	struct plan_rec plan = {0};
	if (!(db = cli_open(c, DB_OPEN_EXISTING)))
		return EXIT_REFUSED;
	if (store_current_plan(db, &plan, &e)) {
		cli_error("%s", e.msg);
		db_disconnect(db);
		return EXIT_REFUSED;
	}
	char *owner = db_meta_get(db, "owner");
	cli_out(c, "%s\n", plan.title);
	cli_out(c, tr("Plan %s, version %d, %s %s; consolidated by %s; this database: %s\n\n"),
		plan.code, plan.version, *plan.number ? plan.number : tr("(no number)"),
		*plan.date ? plan.date : tr("(undated)"), plan.consolidator, owner ? owner : "-");
	free(owner);
	plan_rec_free(&plan);
	db_disconnect(db);
	fflush(stdout);
	char *targs[] = {"tasks", NULL};
	int rc = cmd_tasks(c, 1, targs);
	if (rc)
		return rc;
	cli_out(c, "%s", tr("\nDue in the next 30 days, and overdue:\n"));
	fflush(stdout);
	char *dargs[] = {"due", NULL};
	return cmd_due(c, 1, dargs);
}

