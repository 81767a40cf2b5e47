/* SPDX-License-Identifier: MIT */
/* Unit tests: key names, the compiled-in defaults, keymap files and their problems. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "keymap.h"
#include "msg.h"
#include "util.h"

static int apply(struct keymap *km, const char *text, struct keymap_diags *d)
{
	memset(d, 0, sizeof *d);
	return keymap_apply(km, text, strlen(text), d);
}

static void load_file(const char *path, const char *what)
{
	size_t n;
	char *buf = read_file(path, &n);
	struct keymap km;
	struct keymap_diags d;
	keymap_defaults(&km);
	CHECK(buf != NULL, what);
	if (!buf)
		return;
	memset(&d, 0, sizeof d);
	int problems = keymap_apply(&km, buf, n, &d);
	if (problems)
		printf("#   %s:%d: %s\n", path, d.v[0].line, d.v[0].msg);
	CHECK_INT(problems, 0, "shipped keymap has no problem");
	/* every action of the main panes and the form keeps at least one key */
	for (int a = 0; a < ACT_COUNT; a++)
		if (km.n[a] == 0)
			printf("#   %s: action %s has no key\n", path, keymap_actions[a].name);
	int unbound = 0;
	for (int a = 0; a < ACT_COUNT; a++)
		unbound += km.n[a] == 0;
	CHECK_INT(unbound, 0, "every action has a key");
	free(buf);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	int k;
	char name[32];
	const char *names[] = {"F1", "F10", "F12", "C-s", "C-l", "Enter", "Esc", "Tab", "S-Tab", "Up",
			       "PgDn", "Space", "q", "?", "/", "đ", "Backspace", "Delete"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		CHECK(keymap_key_parse(names[i], &k), names[i]);
		keymap_key_name(k, name, sizeof name);
		CHECK_STR(name, names[i], "key name round trip");
	}
	CHECK(keymap_key_parse("C-S", &k) && k == 19, "C-S is C-s");
	const char *bad[] = {"F0", "F13", "C-", "C-ab", "C-i", "C-1", "qq", "", "\xC3", "Ctrl-s"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		CHECK(!keymap_key_parse(bad[i], &k), "bad key name refused");

	struct keymap km;
	struct keymap_diags d;
	keymap_defaults(&km);
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, KEYC_F(10)), ACT_QUIT, "F10 quits in the task list");
	CHECK_INT(keymap_lookup(&km, PANE_FORM, KEYC_F(10)), ACT_CANCEL, "F10 cancels in a form");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, KEYC_TAB), ACT_NEXT_PANE, "Tab: next pane in lists");
	CHECK_INT(keymap_lookup(&km, PANE_FORM, KEYC_TAB), ACT_FIELD_NEXT, "Tab: next field in a form");
	CHECK_INT(keymap_lookup(&km, PANE_FORM, KEYC_CTRL('s')), ACT_SAVE, "C-s saves a form");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, '/'), ACT_SEARCH, "/ searches");
	CHECK_INT(keymap_lookup(&km, PANE_CALENDAR, '/'), ACT_NONE, "no search in the calendar");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'x'), ACT_NONE, "unbound key");
	keymap_first_key(&km, ACT_HELP, name, sizeof name);
	CHECK_STR(name, "F1", "first key for hints");

	/* A user file replaces single actions; the rest keep their defaults. */
	CHECK_INT(apply(&km, "# mine\n\nquit x F10\n", &d), 0, "a user file loads");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'x'), ACT_QUIT, "x now quits");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'q'), ACT_NONE, "q no longer quits");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, KEYC_F(1)), ACT_HELP, "help kept from the defaults");
	/* Taking a key from another action moves it. */
	CHECK_INT(apply(&km, "search u\n", &d), 0, "a key moved to another action");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'u'), ACT_SEARCH, "u now searches");
	CHECK_INT(km.n[ACT_UNDO], 1, "undo keeps only F8");

	/* Problems are reported with their line; the other lines still load. */
	keymap_defaults(&km);
	int p = apply(&km, "quit z\nfrobnicate q\nhelp F99\nview k k\nedit w\nunit w\n", &d);
	CHECK_INT(p, 4, "four problems");
	CHECK_INT(d.v[0].line, 2, "unknown action on line 2");
	CHECK(strstr(d.v[0].msg, "frobnicate") != NULL, "names the action");
	CHECK_INT(d.v[1].line, 3, "unknown key on line 3");
	CHECK(strstr(d.v[1].msg, "F99") != NULL, "names the key");
	CHECK_INT(d.v[2].line, 4, "key listed twice on line 4");
	CHECK_INT(d.v[3].line, 6, "key bound twice on line 6");
	CHECK(strstr(d.v[3].msg, "edit") != NULL && strstr(d.v[3].msg, "line 5") != NULL,
	      "says where it was bound first");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'z'), ACT_QUIT, "good lines around bad ones load");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'w'), ACT_EDIT, "the first binding of a doubled key stays");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, KEYC_F(1)), ACT_HELP, "a bad line leaves the action's defaults");
	CHECK_INT(apply(&km, "quit a b c d e f g\n", &d), 1, "too many keys refused");
	CHECK_INT(apply(&km, "quit q\nquit x\n", &d), 1, "an action twice in one file refused");
	/* Shared keys are fine when no pane has both actions. */
	CHECK_INT(apply(&km, "next-pane Tab\nfield-next Tab\n", &d), 0, "Tab in lists and in forms");

	/* The exchange keys, and the lists' own keys beside their moving keys. */
	keymap_defaults(&km);
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'E'), ACT_EXPORT, "E exports");
	CHECK_INT(keymap_lookup(&km, PANE_CALENDAR, 'I'), ACT_IMPORT, "I imports from any pane");
	CHECK_INT(keymap_lookup(&km, PANE_AGENDA, 'R'), ACT_STATUS, "R: completeness");
	CHECK_INT(keymap_lookup(&km, PANE_INDICATORS, 'C'), ACT_CONFLICTS, "C: conflicts");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'D'), ACT_UNITS, "D: units");
	CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'U'), ACT_UNIT, "U still chooses the unit");
	CHECK_INT(keymap_lookup(&km, PANE_CONFLICTS, 't'), ACT_TAKE, "t takes in the conflict list");
	CHECK_INT(keymap_lookup(&km, PANE_AGENDA, 't'), ACT_TODAY, "t is still today in the agenda");
	CHECK_INT(keymap_lookup(&km, PANE_CONFLICTS, KEYC_DOWN), ACT_DOWN, "Down moves in the conflict list");
	CHECK_INT(keymap_lookup(&km, PANE_UNITS, 'd'), ACT_UNIT_RETIRE, "d retires in the unit list");
	CHECK_INT(keymap_lookup(&km, PANE_UNITS, KEYC_ESC), ACT_CANCEL, "Esc closes the unit list");
	CHECK_INT(apply(&km, "up k\n", &d), 0, "k for up in a user file");
	CHECK_INT(keymap_lookup(&km, PANE_CONFLICTS, 'k'), ACT_UP, "then k moves in the conflict list");
	CHECK_INT(km.n[ACT_KEEP], 0, "and keep has lost k (the file must give it another key)");

	load_file("keymaps/default.keys", "default.keys readable");
	load_file("keymaps/vi.keys", "vi.keys readable");
	load_file("keymaps/emacs.keys", "emacs.keys readable");
	keymap_defaults(&km);
	size_t n;
	char *vi = read_file("keymaps/vi.keys", &n);
	if (vi) {
		apply(&km, vi, &d);
		CHECK_INT(keymap_lookup(&km, PANE_TASKS, 'j'), ACT_DOWN, "vi: j moves down");
		CHECK_INT(keymap_lookup(&km, PANE_TASKS, KEYC_DOWN), ACT_DOWN, "vi: arrows still work");
		CHECK_INT(keymap_lookup(&km, PANE_CONFLICTS, 'k'), ACT_UP, "vi: k moves up in the conflict list");
		CHECK_INT(keymap_lookup(&km, PANE_CONFLICTS, 'K'), ACT_KEEP, "vi: K keeps the stored row");
		free(vi);
	}
	return check_done();
}
