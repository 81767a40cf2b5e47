/* SPDX-License-Identifier: MIT */
/* Key bindings: the action table, key names, and keymap files (keymaps/ *.keys). */
#ifndef TIENDO_KEYMAP_H
#define TIENDO_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "msg.h"

/* Keys: Unicode code points for characters (Ctrl-A..Ctrl-Z are 1..26, Tab 9,
 * Enter 13, Esc 27, Backspace 127); special keys from KEYC_BASE on. */
enum {
	KEYC_BASE = 0x110000,
	KEYC_UP, KEYC_DOWN, KEYC_LEFT, KEYC_RIGHT, KEYC_HOME, KEYC_END, KEYC_PGUP, KEYC_PGDN,
	KEYC_BTAB, KEYC_DELETE, KEYC_INSERT, KEYC_RESIZE,
	KEYC_F0 = 0x110100, /* F1 is KEYC_F0 + 1 ... F12 */
};
#define KEYC_F(n) (KEYC_F0 + (n))
#define KEYC_CTRL(c) ((c) & 0x1f)
#define KEYC_TAB 9
#define KEYC_ENTER 13
#define KEYC_ESC 27
#define KEYC_BACKSPACE 127

/* The interface's main panes, in focus order (ACT_FOCUS_* follow it). */
enum pane_id { PANE_ID_TASKS, PANE_ID_INDICATORS, PANE_ID_CALENDAR, PANE_ID_AGENDA, PANE_ID_COUNT };

/* Where an action applies: a main pane (the bit of its id), or a popup. */
enum {
	PANE_TASKS = 1 << PANE_ID_TASKS, PANE_INDICATORS = 1 << PANE_ID_INDICATORS,
	PANE_CALENDAR = 1 << PANE_ID_CALENDAR, PANE_AGENDA = 1 << PANE_ID_AGENDA,
	PANE_FORM = 16, PANE_POPUP = 32, PANE_CONFLICTS = 64, PANE_UNITS = 128, PANE_REPORTS = 256,
	PANE_LISTS = PANE_TASKS | PANE_INDICATORS | PANE_AGENDA,
	PANE_MAIN = PANE_TASKS | PANE_INDICATORS | PANE_CALENDAR | PANE_AGENDA,
	/* Every popup: the pager and the chooser (PANE_POPUP), and the lists
	 * with keys of their own (conflicts, units); moving and closing work
	 * in all of them, so a key of their own must not be a moving key. */
	PANE_POPUPS = PANE_POPUP | PANE_CONFLICTS | PANE_UNITS | PANE_REPORTS,
};

#define ACTIONS(X) \
	X(QUIT, "quit", PANE_MAIN, N_("Quit"), N_("Leave tiendo")) \
	X(HELP, "help", PANE_MAIN | PANE_FORM, N_("Help"), N_("This help")) \
	X(REDRAW, "redraw", PANE_MAIN | PANE_FORM | PANE_POPUPS, N_("Redraw"), N_("Reload from the database and redraw the screen")) \
	X(NEXT_PANE, "next-pane", PANE_MAIN, N_("Pane"), N_("Next pane")) \
	X(PREV_PANE, "prev-pane", PANE_MAIN, N_("Pane"), N_("Previous pane")) \
	X(FOCUS_TASKS, "focus-tasks", PANE_MAIN, N_("Tasks"), N_("Go to the task list")) \
	X(FOCUS_INDICATORS, "focus-indicators", PANE_MAIN, N_("Targets"), N_("Go to the target indicators")) \
	X(FOCUS_CALENDAR, "focus-calendar", PANE_MAIN, N_("Calendar"), N_("Go to the calendar")) \
	X(FOCUS_AGENDA, "focus-agenda", PANE_MAIN, N_("Agenda"), N_("Go to the list of deadlines")) \
	X(UP, "up", PANE_LISTS | PANE_CALENDAR | PANE_POPUPS, N_("Up"), N_("Move up (calendar: one week back)")) \
	X(DOWN, "down", PANE_LISTS | PANE_CALENDAR | PANE_POPUPS, N_("Down"), N_("Move down (calendar: one week on)")) \
	X(LEFT, "left", PANE_CALENDAR, N_("Left"), N_("Previous day")) \
	X(RIGHT, "right", PANE_CALENDAR, N_("Right"), N_("Next day")) \
	X(PAGE_UP, "page-up", PANE_LISTS | PANE_CALENDAR | PANE_POPUPS, N_("PgUp"), N_("One page up (calendar: previous month)")) \
	X(PAGE_DOWN, "page-down", PANE_LISTS | PANE_CALENDAR | PANE_POPUPS, N_("PgDn"), N_("One page down (calendar: next month)")) \
	X(TOP, "top", PANE_LISTS | PANE_POPUPS, N_("Top"), N_("First line")) \
	X(BOTTOM, "bottom", PANE_LISTS | PANE_POPUPS, N_("End"), N_("Last line")) \
	X(TODAY, "today", PANE_CALENDAR | PANE_AGENDA, N_("Today"), N_("Back to today")) \
	X(OPEN, "open", PANE_LISTS | PANE_CALENDAR, N_("Open"), N_("Enter progress (tasks, targets); go to the task (agenda); the deadlines from the day (calendar)")) \
	X(EDIT, "edit", PANE_TASKS | PANE_INDICATORS, N_("Enter"), N_("Enter progress for the selected unit and period")) \
	X(VIEW, "view", PANE_TASKS | PANE_INDICATORS | PANE_CONFLICTS, N_("View"), N_("Full text, units, time frame, entry and history")) \
	X(UNDO, "undo", PANE_TASKS, N_("Undo"), N_("Undo the last saved change of this entry")) \
	X(PERIOD_PREV, "period-prev", PANE_MAIN, N_("Period-"), N_("Previous period")) \
	X(PERIOD_NEXT, "period-next", PANE_MAIN, N_("Period+"), N_("Next period")) \
	X(PERIOD_GOTO, "period-goto", PANE_MAIN, N_("Period"), N_("Go to a period typed in: 2026S1, 2026, 2026Q2, 202606")) \
	X(UNIT, "unit", PANE_MAIN, N_("Unit"), N_("Choose the unit (or all units)")) \
	X(SEARCH, "search", PANE_TASKS, N_("Search"), N_("Search tasks (case and diacritics ignored)")) \
	X(SEARCH_NEXT, "search-next", PANE_TASKS, N_("Next"), N_("Next match")) \
	X(SEARCH_PREV, "search-prev", PANE_TASKS, N_("Prev"), N_("Previous match")) \
	X(FILTER, "filter", PANE_TASKS, N_("Filter"), N_("Filter tasks: status, overdue, lead unit, section")) \
	X(SORT, "sort", PANE_TASKS, N_("Sort"), N_("Order tasks: plan order, or by title in Vietnamese order")) \
	X(EXPORT, "export", PANE_MAIN, N_("Export"), N_("Write this unit's report for the period, to send")) \
	X(IMPORT, "import", PANE_MAIN, N_("Import"), N_("Import received files: a folder, or one file")) \
	X(PLAN_UPDATE, "plan-update", PANE_MAIN, N_("Plan"), N_("Open a newer plan package: see what it changes, then apply it")) \
	X(STATUS, "status", PANE_MAIN, N_("Reports"), N_("Reports due this period: on time, late, missing")) \
	X(CONFLICTS, "conflicts", PANE_MAIN, N_("Conflicts"), N_("Conflicts kept aside on import: both sides, take or keep")) \
	X(UNITS, "units", PANE_MAIN, N_("Units"), N_("List, add, rename and retire units")) \
	X(SAVE, "save", PANE_FORM, N_("Save"), N_("Save the entry")) \
	X(CANCEL, "cancel", PANE_FORM | PANE_POPUPS, N_("Cancel"), N_("Close without saving")) \
	X(FIELD_NEXT, "field-next", PANE_FORM, N_("Field"), N_("Next field")) \
	X(FIELD_PREV, "field-prev", PANE_FORM, N_("Field"), N_("Previous field")) \
	X(CYCLE, "cycle", PANE_FORM, N_("Status"), N_("Next status (in the status field)")) \
	X(INPUT_METHOD, "input-method", PANE_FORM, N_("Telex"), N_("Typing: off, Telex, VNI")) \
	X(TAKE, "take", PANE_CONFLICTS, N_("Take"), N_("Take the incoming row in place of the stored one")) \
	X(KEEP, "keep", PANE_CONFLICTS, N_("Keep"), N_("Keep the stored row; the incoming one is set aside")) \
	X(UNIT_ADD, "unit-add", PANE_UNITS, N_("Add"), N_("Add a unit: code, name, kind, parent")) \
	X(UNIT_RENAME, "unit-rename", PANE_UNITS, N_("Rename"), N_("Rename the selected unit")) \
	X(UNIT_RETIRE, "unit-retire", PANE_UNITS, N_("Retire"), N_("Retire the selected unit (its history stays)")) \
	X(WORKBOOK, "workbook", PANE_REPORTS, N_("Workbook"), N_("Write the consolidated workbook (.xlsx) of the period")) \
	X(DRAFT_REPORT, "draft-report", PANE_REPORTS, N_("Draft"), N_("Write the draft report (.docx) of the period")) \
	X(DRAFT_REMINDER, "draft-reminder", PANE_REPORTS, N_("Reminder"), N_("Write the reminder (.docx) to the units that have not reported"))

#define X(id, name, panes, hint, help) ACT_##id,
enum action { ACTIONS(X) ACT_COUNT, ACT_NONE = -1 };
#undef X

struct action_def {
	const char *name;
	unsigned panes;
	const char *hint; /* English catalog key: a short label for the hint bar */
	const char *help; /* English catalog key: one line for the help screen */
};
extern const struct action_def keymap_actions[ACT_COUNT];

#define KEYMAP_MAX_KEYS 6
struct keymap {
	int keys[ACT_COUNT][KEYMAP_MAX_KEYS];
	int n[ACT_COUNT];
};

/* One problem found in a keymap file; the rest of the file still loads. */
struct keymap_diag {
	int line;
	char msg[200]; /* English, with the offending text */
};
struct keymap_diags {
	struct keymap_diag v[32];
	int n, dropped;
};

/* Key name <-> key: "F1", "C-s", "Enter", "Up", "PgDn", "S-Tab", "Space", "q", "?", "đ". */
bool keymap_key_parse(const char *name, int *key);
void keymap_key_name(int key, char *buf, size_t n);

/* The defaults (keymaps/default.keys, compiled in). Never fails. */
void keymap_defaults(struct keymap *km);
/* Apply a keymap file over km: each "ACTION KEY..." line replaces that
 * action's keys; a key taken from another action is removed there. Problems
 * (unknown action or key, a key bound twice in the file, too many keys) are
 * recorded with their line and the line is skipped. Returns the number of
 * problems. */
int keymap_apply(struct keymap *km, const char *text, size_t n, struct keymap_diags *d);
/* The action bound to key in a pane (ACT_NONE when none). */
enum action keymap_lookup(const struct keymap *km, unsigned pane, int key);
/* The first key of an action, for hints ("F4"); "" when unbound. */
void keymap_first_key(const struct keymap *km, enum action a, char *buf, size_t n);
/* Find a keymap by name or path: a path (with '/') as is; else NAME.keys in
 * $XDG_CONFIG_HOME/tiendo, then the keymaps/ folder beside the program, then
 * the installed data folder. New string, or NULL. */
char *keymap_find(const char *name_or_path);
/* The user's own overrides, $XDG_CONFIG_HOME/tiendo/keys (~/.config/...):
 * its path when it exists, else NULL. */
char *keymap_user_file(void);

#endif
