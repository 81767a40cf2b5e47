/* SPDX-License-Identifier: MIT */
/* The terminal interface: set-up, layout, the main loop, signals, and the shared popups.
 *
 * Output is kept small for slow links: panes repaint only what changed (a
 * cursor move repaints two lines), every pane is flushed with wnoutrefresh
 * and the screen with one doupdate per key, nothing is redrawn while idle,
 * and the whole screen is cleared only on Ctrl-L. Signals (SIGHUP when an
 * SSH link drops, SIGTERM, SIGINT) only set a flag: the loop sees it, keeps
 * an open form as a draft, closes the database and restores the terminal
 * (not after a hang-up that took the terminal away). */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "consolidate.h"
#include "editbuf.h"
#include "humanfmt.h"
#include "msg.h"
#include "progress.h"
#include "setup.h"
#include "text.h"
#include "ui.h"
#include "ui_keys.h"
#include "ui_list.h"

volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

#define MIN_COLS 80
#define MIN_ROWS 24
#define AGENDA_MIN_ROWS 5 /* its title and four deadlines */

static void ui_mark_all(struct app *a)
{
	for (int i = 0; i < PANE_ID_COUNT; i++)
		a->panes[i].dirty = true;
	a->top_dirty = a->bottom_dirty = true;
}

/* Load the state of every task for the selected unit (or all) and period. */
static void load_states(struct app *a)
{
	struct err e;
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	free(a->tstate);
	a->tstate = session_task_states(&a->s, a->unit, pc, a->today, &e);
}

/* Read the plan, units, tasks, indicators, rules and events again. */
static void load_data(struct app *a)
{
	struct err e;
	char *unit_code = a->unit ? xstrdup(a->unit->code) : NULL;
	if (session_reload(&a->s, &e))
		ui_message(a, true, "%s", e.msg);
	a->unit = unit_code ? unit_set_find(&a->s.b.units, unit_code) : NULL;
	free(unit_code);
}

/* Recompute what the panes show from the loaded data. */
static void reload_views(struct app *a)
{
	struct err e;
	bool reading = session_read_begin(&a->s, &e) == 0; /* a speed-up only: go on without */
	load_states(a);
	for (int i = 0; i < PANE_ID_COUNT; i++)
		if (a->panes[i].ops && a->panes[i].ops->reload)
			a->panes[i].ops->reload(a, &a->panes[i]);
	if (reading)
		session_read_end(&a->s);
	ui_mark_all(a);
}

static void ui_reload(struct app *a)
{
	load_data(a);
	reload_views(a);
}

/* The period type the selected unit reports by (its first rule), else half-years. */
static enum period_type unit_period_type(struct app *a)
{
	for (size_t i = 0; i < a->s.b.rules.n; i++)
		if (!a->unit || unit_list_covers(&a->s.b.units, a->s.b.rules.v[i].reporters, a->unit))
			return a->s.b.rules.v[i].period;
	return PERIOD_HALF;
}

static void set_pane_geometry(struct pane *p, int y, int x, int h, int w)
{
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	if (p->win)
		delwin(p->win);
	p->win = newwin(h, w, y, x);
	p->dirty = true;
}

static void ui_relayout(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	a->too_small = a->cols < MIN_COLS || a->rows < MIN_ROWS;
	if (a->top)
		delwin(a->top);
	if (a->bottom)
		delwin(a->bottom);
	a->top = newwin(1, a->cols, 0, 0);
	a->bottom = newwin(1, a->cols, a->rows - 1, 0);
	keypad(a->bottom, TRUE);
	if (a->too_small) {
		for (int i = 0; i < PANE_ID_COUNT; i++) {
			if (a->panes[i].win)
				delwin(a->panes[i].win);
			a->panes[i].win = NULL;
		}
		ui_mark_all(a);
		return;
	}
	/* The task list is as wide as the screen, so that its titles can be read
	 * and the terminal can scroll its rows alone (a few bytes a line; no
	 * terminal scrolls part of a line). Under it: the targets, and beside
	 * them the calendar above the agenda; where they do not both fit (below
	 * 35 lines) the two share the corner and the one last gone to shows. */
	int body = a->rows - 2;
	int right = a->cols >= 120 ? 31 : 23; /* calendar 21 columns + separator + margin */
	int left = a->cols - right;
	int tasks_h = body * 6 / 10;
	int low_y = 1 + tasks_h, low_h = body - tasks_h;
	int cal_h = 9;
	a->shared_slot = low_h < cal_h + AGENDA_MIN_ROWS;
	set_pane_geometry(&a->panes[PANE_ID_TASKS], 1, 0, tasks_h, a->cols);
	set_pane_geometry(&a->panes[PANE_ID_INDICATORS], low_y, 0, low_h, left);
	if (a->shared_slot) {
		set_pane_geometry(&a->panes[PANE_ID_CALENDAR], low_y, left, low_h, right);
		set_pane_geometry(&a->panes[PANE_ID_AGENDA], low_y, left, low_h, right);
	} else {
		set_pane_geometry(&a->panes[PANE_ID_CALENDAR], low_y, left, cal_h, right);
		set_pane_geometry(&a->panes[PANE_ID_AGENDA], low_y + cal_h, left, low_h - cal_h, right);
	}
	/* Geometry only: the panes size their lists when they draw. */
	ui_mark_all(a);
}

/* The top line: plan, unit and period. The period is always shown whole; a
 * long unit name is shortened (with "…") to leave it room, and the period's
 * dates go first when even that is not enough. */
static void draw_top(struct app *a)
{
	char head[120], tail[120], pc[PERIOD_BUF], d0[6], d1[6];
	const struct plan_rec *pl = &a->s.b.plan;
	period_format(&a->period, pc);
	fmt_day_short(period_start(&a->period), d0);
	fmt_day_short(period_end(&a->period), d1);
	snprintf(head, sizeof head, " tiendo | %s v%d | %s: ", pl->code, pl->version, tr("Unit"));
	const char *name = a->unit ? a->unit->name : tr("all units");
	int min_name = 12;
	/* the period's days as dd/mm (the year is the period's) */
	snprintf(tail, sizeof tail, " | %s: %s (%s..%s)", tr("Period"), pc, d0, d1);
	if (ui_width(head) + min_name + ui_width(tail) > a->cols)
		snprintf(tail, sizeof tail, " | %s: %s", tr("Period"), pc);
	int hw = ui_width(head), tw = ui_width(tail);
	int room = a->cols - hw - tw;
	if (room < min_name) {
		/* narrower still: drop "tiendo |" before the name or the period */
		snprintf(head, sizeof head, " %s v%d | %s: ", pl->code, pl->version, tr("Unit"));
		hw = ui_width(head);
		room = a->cols - hw - tw;
	}
	int nw = ui_width(name);
	if (nw < room)
		room = nw;
	ui_put(a, a->top, 0, 0, hw, head, A_REVERSE);
	ui_put(a, a->top, 0, hw, room > 0 ? room : 0, name, A_REVERSE);
	int x = hw + (room > 0 ? room : 0);
	ui_put(a, a->top, 0, x, a->cols - x, tail, A_REVERSE);
	wnoutrefresh(a->top);
	a->top_dirty = false;
}

/* The hint bar: every action of the pane bound to a function key, F1 first,
 * then, room permitting, the pane's other keys; all from the action table. */
static void draw_hints(struct app *a, WINDOW *w, unsigned mask, int width)
{
	int x = 0;
	bool used[ACT_COUNT] = {false};
	wmove(w, 0, 0);
	for (int pass = 0; pass < 2; pass++) {
		for (int f = 1; f <= (pass == 0 ? 12 : 1); f++) {
			for (int act = 0; act < ACT_COUNT; act++) {
				if (used[act] || !(keymap_actions[act].panes & mask) || a->km.n[act] == 0)
					continue;
				if (act == ACT_CYCLE && a->hint_no_cycle)
					continue; /* a form without a choice: the key would do nothing */
				int key = a->km.keys[act][0];
				if (pass == 1 && (act == ACT_UP || act == ACT_DOWN || act == ACT_LEFT ||
						  act == ACT_RIGHT || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
						  act == ACT_TOP || act == ACT_BOTTOM))
					continue; /* arrows need no hint */
				if (pass == 1 && a->shared_slot && (act == ACT_FOCUS_CALENDAR || act == ACT_FOCUS_AGENDA) &&
				    act - ACT_FOCUS_TASKS == (int)a->slot)
					continue; /* in view: the hint names the one it hides */
				if (pass == 0) {
					bool has_f = false;
					for (int k = 0; k < a->km.n[act]; k++)
						if (a->km.keys[act][k] == KEYC_F(f)) {
							has_f = true;
							key = KEYC_F(f);
						}
					if (!has_f)
						continue;
				}
				/* one hint per label (next/prev pane share "Pane") */
				bool dup = false;
				for (int o = 0; o < act; o++)
					dup |= used[o] && strcmp(keymap_actions[o].hint, keymap_actions[act].hint) == 0;
				if (dup)
					continue;
				char kn[16];
				ui_key_label(key, kn, sizeof kn);
				const char *label = tr(keymap_actions[act].hint);
				/* a named key is kept apart from its label ("Space Status",
				 * not "SpaceStatus"); an F key or one character shows where
				 * it ends ("F1Help", "xWorkbook") */
				int sep = ui_width(kn) > 1 && !(key >= KEYC_F(1) && key <= KEYC_F(12));
				int need = ui_width(kn) + sep + ui_width(label) + 1;
				if (x + need > width)
					continue;
				used[act] = true;
				ui_put(a, w, 0, x, ui_width(kn) + sep, kn, A_NORMAL); /* plain against the reversed label */
				x += ui_width(kn) + sep;
				ui_put(a, w, 0, x, ui_width(label), label, A_REVERSE);
				x += ui_width(label);
				ui_put(a, w, 0, x, 1, " ", A_NORMAL);
				x++;
			}
		}
	}
	if (x < width)
		ui_put(a, w, 0, x, width - x, "", A_NORMAL);
}

static void draw_bottom(struct app *a, unsigned mask)
{
	int width = a->cols - 1; /* never the bottom-right cell */
	if (a->msg[0])
		ui_put(a, a->bottom, 0, 0, width, a->msg, a->msg_error ? A_BOLD | A_REVERSE : A_BOLD);
	else
		draw_hints(a, a->bottom, mask, width);
	wnoutrefresh(a->bottom);
	a->bottom_dirty = false;
}

static void draw_too_small(struct app *a)
{
	werase(stdscr);
	char buf[200];
	snprintf(buf, sizeof buf, tr("Terminal too small: %dx%d, tiendo needs at least %dx%d."), a->cols,
		 a->rows, MIN_COLS, MIN_ROWS);
	int y = a->rows / 2 - 1;
	ui_put(a, stdscr, y < 0 ? 0 : y, 0, a->cols, buf, A_BOLD);
	if (a->rows > 2)
		ui_put(a, stdscr, y + 1 < 0 ? 0 : y + 1, 0, a->cols, tr("Enlarge the window, or press q to quit."),
		       A_NORMAL);
	wnoutrefresh(stdscr);
}

bool ui_pane_shown(const struct app *a, enum pane_id id)
{
	return !a->shared_slot || (id != PANE_ID_CALENDAR && id != PANE_ID_AGENDA) || id == a->slot;
}

/* The calendar or the agenda was gone to (a key, Tab, Enter on a day): when
 * they share the corner, it takes the corner, drawn whole. */
static void sync_slot(struct app *a)
{
	if ((a->focus != PANE_ID_CALENDAR && a->focus != PANE_ID_AGENDA) || a->slot == a->focus)
		return;
	a->slot = a->focus;
	if (!a->shared_slot)
		return;
	a->panes[a->slot].dirty = true;
	if (a->panes[a->slot].win)
		touchwin(a->panes[a->slot].win);
	a->bottom_dirty = true; /* the hint names the other one */
}

static void ui_draw_dirty(struct app *a)
{
	if (a->too_small) {
		draw_too_small(a);
		return;
	}
	sync_slot(a);
	if (a->top_dirty && a->s.b.plan.code)
		draw_top(a);
	for (int i = 0; i < PANE_ID_COUNT; i++) {
		struct pane *p = &a->panes[i];
		if (!p->ops)
			continue; /* the first-run screen: no panes yet */
		if (!ui_pane_shown(a, p->id))
			continue; /* stays dirty: drawn whole when it shows */
		p->ops->draw(a, p);
		p->dirty = false;
		wnoutrefresh(p->win);
	}
	if (a->bottom_dirty)
		draw_bottom(a, a->hint_mask ? a->hint_mask : a->panes[a->focus].mask);
}

/* A list that scrolled a few lines: the terminal scrolls its rows (a few
 * bytes) instead of every row being written again; then every window is
 * touched so that what scrolled along beside the list is put back. */
static void scroll_lists(struct app *a)
{
	if (a->too_small)
		return;
	for (int i = 0; i < PANE_ID_COUNT; i++) {
		struct pane *p = &a->panes[i];
		if (!p->list || p->dirty || !p->win || !ui_pane_shown(a, p->id) ||
		    !ui_list_scroll_screen(p->list, p->win))
			continue;
		for (int k = 0; k < PANE_ID_COUNT; k++) /* those beside it moved too */
			if (a->panes[k].win && ui_pane_shown(a, (enum pane_id)k) &&
			    a->panes[k].y < p->y + p->h && p->y < a->panes[k].y + a->panes[k].h)
				touchwin(a->panes[k].win);
	}
}

static void ui_refresh(struct app *a)
{
	scroll_lists(a); /* a pane about to take the corner is dirty: drawn whole */
	ui_draw_dirty(a);
	ui_doupdate();
}

static void ui_hints(struct app *a, unsigned mask)
{
	draw_bottom(a, mask);
}

/* Choose the unit: all units first, then every unit by name in Vietnamese
 * order (Phường 2 before Phường 10; Xã Đông Hòa after Xã Dương Minh, not
 * after Xã Yên Bình as byte order would have it). */
static void choose_unit(struct app *a)
{
	size_t *order = unit_set_name_order(&a->s.b.units);
	const struct unit_rec *u;
	if (ui_choose_unit(a, tr("Unit"), tr("(all units)"), order, a->unit ? a->unit->id : 0, &u) &&
	    u != a->unit) {
		a->unit = u;
		a->period = period_containing(unit_period_type(a), a->today);
		ui_reload(a);
	}
	free(order);
}

/* The years the plan covers (session_plan_years). */
static void plan_years(struct app *a, int *y0, int *y1)
{
	session_plan_years(&a->s, a->today, y0, y1);
}

/* p: a period typed in, within the plan's years. */
static void goto_period(struct app *a)
{
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	char *s = ui_prompt_plain(a, tr("Period (2026S1, 2026, 2026Q2, 202606):"), pc);
	if (!s || !*s) {
		free(s);
		return;
	}
	struct period q;
	int y0, y1;
	plan_years(a, &y0, &y1);
	if (!period_parse(s, &q))
		ui_message(a, true, tr("'%s' is not a period (2026S1, 2026, 2026Q2, 202606)."), s);
	else if (q.year < y0 || q.year > y1)
		ui_message(a, true, tr("The plan runs from %d to %d: %s is outside it."), y0, y1, s);
	else {
		a->period = q;
		ui_reload(a);
	}
	free(s);
}

/* Keys every main pane shares; returns true when used. */
static bool global_key(struct app *a, enum action act)
{
	switch (act) {
	case ACT_QUIT: a->quit = true; return true;
	case ACT_HELP: ui_help(a); ui_mark_all(a); return true;
	case ACT_REDRAW:
		ui_reload(a);
		clearok(curscr, TRUE);
		return true;
	case ACT_NEXT_PANE: case ACT_PREV_PANE: {
		int d = act == ACT_NEXT_PANE ? 1 : PANE_ID_COUNT - 1;
		enum pane_id old = a->focus;
		a->focus = (enum pane_id)((a->focus + d) % PANE_ID_COUNT);
		a->panes[old].dirty = a->panes[a->focus].dirty = true;
		a->bottom_dirty = true;
		return true;
	}
	case ACT_FOCUS_TASKS: case ACT_FOCUS_INDICATORS: case ACT_FOCUS_CALENDAR: case ACT_FOCUS_AGENDA: {
		enum pane_id old = a->focus;
		a->focus = (enum pane_id)(act - ACT_FOCUS_TASKS);
		a->panes[old].dirty = a->panes[a->focus].dirty = true;
		a->bottom_dirty = true;
		return true;
	}
	case ACT_PERIOD_PREV: case ACT_PERIOD_NEXT: {
		struct period q = act == ACT_PERIOD_NEXT ? period_next(&a->period) : period_prev(&a->period);
		int y0, y1;
		plan_years(a, &y0, &y1);
		if (q.year < y0 || q.year > y1) {
			ui_message(a, false, tr("The plan runs from %d to %d: no period before or after."), y0, y1);
			return true;
		}
		a->period = q;
		ui_reload(a);
		return true;
	}
	case ACT_PERIOD_GOTO: goto_period(a); return true;
	case ACT_UNIT: choose_unit(a); return true;
	case ACT_EXPORT: ui_export(a); return true;
	case ACT_IMPORT: ui_import(a); return true;
	case ACT_PLAN_UPDATE: ui_plan_update(a); return true;
	case ACT_STATUS: ui_reports(a); return true;
	case ACT_CONFLICTS: ui_conflicts(a); return true;
	case ACT_UNITS: ui_units(a); return true;
	default: return false;
	}
}

/* What the panes and popups may ask of the interface around them. */
static const struct ui_host host = {
	.repaint = ui_refresh,
	.draw_dirty = ui_draw_dirty,
	.mark_dirty = ui_mark_all,
	.reload = ui_reload,
	.relayout = ui_relayout,
	.hints = ui_hints,
};

/* No UTF-8 locale from the environment (LANG=C, a terminal set up for
 * another character set): ASCII, said on the message line, unless --utf8
 * says the terminal shows UTF-8; C.UTF-8 (when there is one) still serves to
 * read and measure the text. No UTF-8 locale at all: ASCII. */
static void set_locale(struct ui_options *o)
{
	bool env = compat_env_utf8();
	bool have = compat_locale_utf8();
	if (!have || (!env && !o->utf8 && !o->ascii)) {
		o->ascii_auto = !o->ascii;
		o->ascii = true;
	}
}

static void say_charset(struct app *a, const struct ui_options *o)
{
	if (o->ascii_auto)
		ui_message(a, false, "%s", tr("No UTF-8 locale: Vietnamese is shown without diacritics (tiendo --utf8 to force UTF-8)."));
}

static void start_curses(struct app *a)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	ui_keys_define_fallbacks();
	ui_cursor(false);
	set_escdelay(40);
	/* Ctrl-S and Ctrl-Q are keys, not flow control; a font with Vietnamese. */
	compat_tty_setup();
	def_prog_mode();
	a->color = has_colors() && !getenv("NO_COLOR");
	if (a->color) {
		start_color();
		use_default_colors();
		init_pair(CP_OVERDUE, COLOR_RED, -1);
		init_pair(CP_DONE, COLOR_GREEN, -1);
		init_pair(CP_TITLE, COLOR_BLACK, COLOR_CYAN);
		init_pair(CP_MARK, COLOR_YELLOW, -1);
	}
	compat_stop_signals(on_signal);
	refresh();
}

static void app_free(struct app *a)
{
	for (int i = 0; i < PANE_ID_COUNT; i++) {
		if (a->panes[i].ops && a->panes[i].ops->free)
			a->panes[i].ops->free(&a->panes[i]);
		if (a->panes[i].win)
			delwin(a->panes[i].win);
	}
	if (a->top)
		delwin(a->top);
	if (a->bottom)
		delwin(a->bottom);
	free(a->tstate);
	free(a->import_path);
	session_close(&a->s);
}

/* The keymap: defaults, then -k NAME|FILE, then ~/.config/tiendo/keys. */
static int load_keymap(struct app *a, const char *name)
{
	keymap_defaults(&a->km);
	for (int i = 0; i < 2; i++) {
		if (i == 0 && !name)
			continue;
		char *path = i == 0 ? keymap_find(name) : keymap_user_file();
		if (!path) {
			if (i == 0) {
				fprintf(stderr, tr("tiendo: %s: no such keymap (a file, or a name in ~/.config/tiendo or keymaps/)\n"),
					name);
				return -1;
			}
			continue;
		}
		size_t n;
		char *buf = read_file(path, &n);
		struct keymap_diags d = {.n = 0};
		if (buf && keymap_apply(&a->km, buf, n, &d)) {
			/* bad lines are skipped: say so once the screen is up */
			ui_message(a, true, tr("%s:%d: %s (the rest of the keymap is loaded)"), path, d.v[0].line,
				   d.v[0].msg);
		}
		free(buf);
		free(path);
	}
	return 0;
}

int ui_run(const char *db_path, const struct ui_options *opts)
{
	static struct app app; /* zeroed; large */
	struct app *a = &app;
	struct ui_options o = *opts;
	struct err e;
	memset(a, 0, sizeof *a);
	a->host = &host;
	a->jump_task = -1;
	a->slot = PANE_ID_AGENDA; /* what falls due says more than the month */
	a->im = o.im;
	if (load_keymap(a, o.keymap))
		return 2;
	/* No database, or one without a plan: the first-run screen sets it up.
	 * The usual case opens the database once: the check only after a
	 * failed opening. */
	bool started = false;
	struct session_options so = {.need_owner = true};
	bool opened = session_open(&a->s, db_path, &so, &e) == 0;
	if (!opened)
		session_close(&a->s);
	if (!opened && !setup_has_plan(db_path) && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		set_locale(&o);
		a->ascii = o.ascii;
		start_curses(a);
		ui_relayout(a);
		started = true;
		say_charset(a, &o);
		if (ui_firstrun(a, db_path)) {
			endwin();
			app_free(a);
			return ui_signal ? 128 + ui_signal : 0;
		}
	}
	if (!opened && session_open(&a->s, db_path, &so, &e)) {
		if (started)
			endwin();
		fprintf(stderr, "tiendo: %s\n", e.msg);
		app_free(a);
		return 1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s", tr("tiendo: the interface needs a terminal; see tiendo --help for the commands\n"));
		app_free(a);
		return 2;
	}
	if (!started) {
		set_locale(&o);
		a->ascii = o.ascii;
		say_charset(a, &o);
	}
	a->today = date_today();
	/* The consolidating unit follows everyone: it starts on all units. */
	a->unit = session_followed_unit(&a->s);
	a->period = period_containing(unit_period_type(a), a->today);

	if (!started)
		start_curses(a);
	ui_tasks_init(a, &a->panes[PANE_ID_TASKS]);
	ui_indicators_init(a, &a->panes[PANE_ID_INDICATORS]);
	ui_calendar_init(a, &a->panes[PANE_ID_CALENDAR]);
	ui_agenda_init(a, &a->panes[PANE_ID_AGENDA]);
	ui_relayout(a);
	reload_views(a); /* once, now that the period and the panes exist */
	while (!a->quit) {
		ui_refresh(a);
		int k = ui_getkey(a, a->bottom);
		if (k == KEYC_SIGNAL)
			break;
		if (a->msg[0]) {
			a->msg[0] = '\0';
			a->bottom_dirty = true;
		}
		if (k == KEYC_RESIZE)
			continue;
		if (a->too_small) {
			if (k == 'q' || k == KEYC_F(10))
				break;
			continue;
		}
		struct pane *p = &a->panes[a->focus];
		enum action act = keymap_lookup(&a->km, p->mask, k);
		if (p->ops->key(a, p, act, k))
			continue;
		global_key(a, act);
		if (a->jump_task >= 0) {
			ui_tasks_select(a, (size_t)a->jump_task);
			a->jump_task = -1;
		}
	}
	int sig = ui_signal;
	/* After a hang-up the terminal is usually gone (its ioctls fail); a
	 * SIGHUP sent by hand leaves it, and then it is restored too. */
	if (sig != SIGHUP || compat_tty_alive())
		endwin();
	app_free(a);
	return sig ? 128 + sig : 0;
}
