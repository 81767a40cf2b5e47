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
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "consolidate.h"
#include "editbuf.h"
#include "msg.h"
#include "progress.h"
#include "setup.h"
#include "text.h"
#include "ui.h"

volatile sig_atomic_t ui_signal;

static void on_signal(int sig)
{
	ui_signal = sig;
}

#define MIN_COLS 80
#define MIN_ROWS 24

int ui_getkey(struct app *a, WINDOW *w)
{
	for (;;) {
		if (ui_signal)
			return KEYC_SIGNAL;
		wint_t ch;
		int r = wget_wch(w, &ch);
		if (r == ERR) {
			if (ui_signal)
				return KEYC_SIGNAL;
			if (errno == EINTR)
				continue;
			/* no terminal any more (stdin closed): stop */
			ui_signal = SIGHUP;
			return KEYC_SIGNAL;
		}
		if (r == KEY_CODE_YES) {
			switch (ch) {
			case KEY_UP: return KEYC_UP;
			case KEY_DOWN: return KEYC_DOWN;
			case KEY_LEFT: return KEYC_LEFT;
			case KEY_RIGHT: return KEYC_RIGHT;
			case KEY_HOME: return KEYC_HOME;
			case KEY_END: return KEYC_END;
			case KEY_PPAGE: return KEYC_PGUP;
			case KEY_NPAGE: return KEYC_PGDN;
			case KEY_BTAB: return KEYC_BTAB;
			case KEY_DC: return KEYC_DELETE;
			case KEY_IC: return KEYC_INSERT;
			case KEY_BACKSPACE: return KEYC_BACKSPACE;
			case KEY_ENTER: return KEYC_ENTER;
			case KEY_RESIZE:
				ui_relayout(a);
				return KEYC_RESIZE;
			default:
				if (ch >= KEY_F(1) && ch <= KEY_F(12))
					return KEYC_F((int)(ch - KEY_F0));
				continue;
			}
		}
		if (ch == '\n' || ch == '\r')
			return KEYC_ENTER;
		if (ch == 8)
			return KEYC_BACKSPACE;
		return (int)ch;
	}
}

void ui_message(struct app *a, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->msg, sizeof a->msg, fmt, ap);
	va_end(ap);
	a->msg_error = error;
	a->bottom_dirty = true;
}

const char *ui_status_label(enum status s)
{
	switch (s) {
	case STATUS_IN_PROGRESS: return tr("in progress");
	case STATUS_DONE: return tr("done");
	case STATUS_BLOCKED: return tr("blocked");
	default: return tr("not started");
	}
}

/* DT-SKHCN -> SKHCN: the province prefix says nothing inside one plan. */
const char *ui_unit_short(const char *code)
{
	const char *dash = strchr(code, '-');
	return dash && dash[1] && dash - code <= 4 ? dash + 1 : code;
}

void ui_mark_all(struct app *a)
{
	for (int i = 0; i < PANE_ID_COUNT; i++)
		a->panes[i].dirty = true;
	a->top_dirty = a->bottom_dirty = true;
}

static void compute_overdue(struct app *a, size_t i);

/* Load the state of every task for the selected unit (or all) and period. */
static void load_states(struct app *a)
{
	struct err e;
	free(a->tstate);
	a->tstate = xcalloc(a->tasks.n ? a->tasks.n : 1, sizeof *a->tstate);
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	int *counts = NULL;
	if (!a->unit) {
		counts = xmalloc((a->tasks.n ? a->tasks.n : 1) * sizeof *counts);
		tasks_assigned_counts(&a->units, &a->tasks, counts);
	}
	for (size_t i = 0; i < a->tasks.n; i++) {
		const struct task_rec *t = &a->tasks.v[i];
		struct task_state *s = &a->tstate[i];
		s->percent = -1;
		if (a->unit) {
			s->assigned = task_assigned(&a->units, t, a->unit);
		} else {
			s->assigned = true;
			s->units = counts[i];
		}
	}
	free(counts);
	sqlite3_stmt *st;
	if (a->unit) {
		st = db_prep(&a->db, "SELECT task_id, status, percent FROM progress WHERE unit_id = ?1"
				     " AND period = ?2", &e);
		if (!st)
			return;
		sqlite3_bind_int64(st, 1, a->unit->id);
	} else {
		st = db_prep(&a->db, "SELECT task_id, 'done', count(*) FROM progress WHERE status = 'done'"
				     " AND period = ?2 GROUP BY task_id", &e);
		if (!st)
			return;
	}
	sqlite3_bind_text(st, 2, pc, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < a->tasks.n; i++) {
			if (a->tasks.v[i].id != id)
				continue;
			struct task_state *s = &a->tstate[i];
			if (a->unit) {
				s->has_entry = true;
				status_parse(db_col_text(st, 1), &s->status);
				s->percent = sqlite3_column_type(st, 2) == SQLITE_NULL ? -1
										: sqlite3_column_int(st, 2);
			} else {
				s->done = sqlite3_column_int(st, 2);
			}
			break;
		}
	}
	sqlite3_reset(st);
	for (size_t i = 0; i < a->tasks.n; i++)
		compute_overdue(a, i);
}

/* The overdue mark of task i: due date passed and not done. */
static void compute_overdue(struct app *a, size_t i)
{
	const struct task_rec *t = &a->tasks.v[i];
	struct task_state *s = &a->tstate[i];
	struct err e;
	s->overdue = false;
	if (t->tf.kind == TF_DUE && t->tf.date < a->today && s->assigned) {
		if (a->unit) {
			bool done = false;
			progress_task_done(&a->db, a->unit->id, t->id, &done, &e);
			s->overdue = !done;
		} else {
			s->overdue = s->done < s->units;
		}
	}
}

void ui_reload_task(struct app *a, size_t i)
{
	const struct task_rec *t = &a->tasks.v[i];
	struct task_state *s = &a->tstate[i];
	struct err e;
	if (a->unit) {
		struct entry en;
		bool found;
		char pc[PERIOD_BUF];
		period_format(&a->period, pc);
		struct entry_key k = {a->unit->id, t->id, pc};
		if (progress_get(&a->db, &k, &en, &found, &e) == 0) {
			s->has_entry = found;
			s->status = found ? en.status : STATUS_NOT_STARTED;
			s->percent = found ? en.percent : -1;
			entry_free(&en);
		}
	}
	compute_overdue(a, i);
}

/* Forget the plan data loaded from the database. */
static void free_data(struct app *a)
{
	task_list_free(&a->tasks);
	indicator_list_free(&a->inds);
	rule_list_free(&a->rules);
	event_list_free(&a->events);
	unit_set_free(&a->units);
	plan_rec_free(&a->plan);
}

/* Read the plan, units, tasks, indicators, rules and events again. */
static void load_data(struct app *a)
{
	struct err e;
	char *unit_code = a->unit ? xstrdup(a->unit->code) : NULL;
	char *owner_code = a->owner ? xstrdup(a->owner->code) : NULL;
	free_data(a);
	if (store_current_plan(&a->db, &a->plan, &e) || store_units(&a->db, &a->units, &e) ||
	    store_tasks(&a->db, a->plan.id, false, &a->tasks, &e) ||
	    store_indicators(&a->db, a->plan.id, &a->inds, &e) ||
	    store_rules(&a->db, a->plan.id, &a->rules, &e) ||
	    store_events(&a->db, a->plan.id, &a->events, &e))
		ui_message(a, true, "%s", e.msg);
	a->owner = owner_code ? unit_set_find(&a->units, owner_code) : NULL;
	a->unit = unit_code ? unit_set_find(&a->units, unit_code) : NULL;
	free(unit_code);
	free(owner_code);
}

/* Recompute what the panes show from the loaded data. */
static void reload_views(struct app *a)
{
	load_states(a);
	for (int i = 0; i < PANE_ID_COUNT; i++)
		if (a->panes[i].ops && a->panes[i].ops->reload)
			a->panes[i].ops->reload(a, &a->panes[i]);
	ui_mark_all(a);
}

void ui_reload(struct app *a)
{
	load_data(a);
	reload_views(a);
}

/* The period type the selected unit reports by (its first rule), else half-years. */
static enum period_type unit_period_type(struct app *a)
{
	for (size_t i = 0; i < a->rules.n; i++)
		if (!a->unit || unit_list_covers(&a->units, a->rules.v[i].reporters, a->unit))
			return a->rules.v[i].period;
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
	keypad(p->win, TRUE);
	p->dirty = true;
}

void ui_relayout(struct app *a)
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
	int body = a->rows - 2;
	int right = a->cols >= 120 ? 31 : 23; /* calendar 21 columns + separator + margin */
	int left = a->cols - right;
	int tasks_h = body * 6 / 10;
	int cal_h = 9;
	set_pane_geometry(&a->panes[P_TASKS], 1, 0, tasks_h, left);
	set_pane_geometry(&a->panes[P_INDICATORS], 1 + tasks_h, 0, body - tasks_h, left);
	set_pane_geometry(&a->panes[P_CALENDAR], 1, left, cal_h, right);
	set_pane_geometry(&a->panes[P_AGENDA], 1 + cal_h, left, body - cal_h, right);
	/* Geometry only: the panes size their lists when they draw. */
	ui_mark_all(a);
}

void ui_pane_title(struct app *a, struct pane *p, const char *title, const char *right)
{
	bool focus = a->focus == p->id;
	int x = p->id == P_CALENDAR || p->id == P_AGENDA ? 1 : 0;
	int w = p->w - x;
	attr_t at = focus ? ui_attr(a, CP_TITLE) | A_BOLD : A_BOLD | A_UNDERLINE;
	char buf[300];
	snprintf(buf, sizeof buf, "%s%s", focus ? "> " : "  ", title);
	int rw = right && *right ? ui_width(right) + 1 : 0;
	if (rw > w / 2)
		rw = 0;
	ui_put(a, p->win, 0, x, w - rw, buf, at);
	if (rw)
		ui_put(a, p->win, 0, x + w - rw, rw, right, at);
	if (x)
		ui_vline(a, p->win, 0, 0, p->h);
}

/* The top line: plan, unit and period. The period is always shown whole; a
 * long unit name is shortened (with "…") to leave it room, and the period's
 * dates go first when even that is not enough. */
static void draw_top(struct app *a)
{
	char head[120], tail[120], pc[PERIOD_BUF], d0[DATE_BUF], d1[DATE_BUF];
	period_format(&a->period, pc);
	date_format(period_start(&a->period), d0);
	date_format(period_end(&a->period), d1);
	snprintf(head, sizeof head, " tiendo | %s v%d | %s: ", a->plan.code, a->plan.version,
		 tr("Unit"));
	const char *name = a->unit ? a->unit->name : tr("all units");
	int min_name = 12;
	snprintf(tail, sizeof tail, " | %s: %s (%s..%s)", tr("Period"), pc, d0 + 5, d1 + 5);
	if (ui_width(head) + min_name + ui_width(tail) > a->cols)
		snprintf(tail, sizeof tail, " | %s: %s", tr("Period"), pc);
	int hw = ui_width(head), tw = ui_width(tail);
	int room = a->cols - hw - tw;
	if (room < min_name) {
		/* narrower still: drop "tiendo |" before the name or the period */
		snprintf(head, sizeof head, " %s v%d | %s: ", a->plan.code, a->plan.version, tr("Unit"));
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
				if (used[act] || !(actions[act].panes & mask) || a->km.n[act] == 0)
					continue;
				int key = a->km.keys[act][0];
				if (pass == 1 && (act == ACT_UP || act == ACT_DOWN || act == ACT_LEFT ||
						  act == ACT_RIGHT || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
						  act == ACT_TOP || act == ACT_BOTTOM))
					continue; /* arrows need no hint */
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
					dup |= used[o] && strcmp(actions[o].hint, actions[act].hint) == 0;
				if (dup)
					continue;
				char kn[16];
				keymap_key_name(key, kn, sizeof kn);
				const char *label = tr(actions[act].hint);
				int need = ui_width(kn) + ui_width(label) + 1;
				if (x + need > width)
					continue;
				used[act] = true;
				ui_put(a, w, 0, x, ui_width(kn), kn, ui_attr(a, CP_HINTKEY));
				x += ui_width(kn);
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

void ui_draw_dirty(struct app *a)
{
	if (a->too_small) {
		draw_too_small(a);
		return;
	}
	if (a->top_dirty && a->plan.code)
		draw_top(a);
	for (int i = 0; i < PANE_ID_COUNT; i++) {
		struct pane *p = &a->panes[i];
		if (!p->ops)
			continue; /* the first-run screen: no panes yet */
		p->ops->draw(a, p);
		p->dirty = false;
		wnoutrefresh(p->win);
	}
	if (a->bottom_dirty)
		draw_bottom(a, a->hint_mask ? a->hint_mask : a->panes[a->focus].mask);
}

void ui_refresh(struct app *a)
{
	ui_draw_dirty(a);
	doupdate();
}

void ui_hints(struct app *a, unsigned mask)
{
	draw_bottom(a, mask);
}

bool ui_confirm(struct app *a, const char *question)
{
	char buf[400];
	snprintf(buf, sizeof buf, "%s %s", question, tr("(y/n)"));
	ui_put(a, a->bottom, 0, 0, a->cols - 1, buf, A_BOLD | A_REVERSE);
	wnoutrefresh(a->bottom);
	doupdate();
	for (;;) {
		int k = ui_getkey(a, a->bottom);
		if (k == KEYC_SIGNAL || k == 'n' || k == 'N' || k == KEYC_ESC || k == 'k' || k == 'K') {
			a->bottom_dirty = true;
			return false;
		}
		if (k == 'y' || k == 'Y' || k == 'c' || k == 'C') { /* c: có */
			a->bottom_dirty = true;
			return true;
		}
	}
}

bool ui_type(struct app *a, struct editbuf *eb, int k)
{
	if (a->im != IM_OFF && k < 0x80) {
		size_t start = eb_word_start(eb);
		char *word = xstrndup(eb->s + start, eb->cur - start);
		char out[256];
		bool done = im_apply(a->im, word, (char)k, out, sizeof out);
		free(word);
		if (done)
			return eb_replace_before(eb, start, out);
	}
	return eb_insert_cp(eb, (uint32_t)k);
}

char *ui_prompt(struct app *a, const char *label, const char *initial)
{
	struct editbuf b;
	eb_init(&b, initial ? initial : "", false, 200);
	int lw = ui_width(label) + 1;
	char *result = NULL;
	curs_set(1);
	for (;;) {
		/* the input method (Ctrl-T) types here as in a form, and shows */
		const char *mark = a->im == IM_TELEX ? "[TELEX] " : a->im == IM_VNI ? "[VNI] " : "";
		int mw = ui_width(mark);
		lw = ui_width(label) + 1 + mw;
		ui_put(a, a->bottom, 0, 0, mw, mark, A_BOLD | A_REVERSE);
		ui_put(a, a->bottom, 0, mw, lw - mw, label, A_BOLD);
		size_t line, col;
		eb_cursor_pos(&b, &line, &col);
		int room = a->cols - 1 - lw;
		int shift = (int)col >= room ? (int)col - room + 1 : 0;
		const char *shown = b.s;
		for (int s = shift; s > 0 && *shown;) {
			size_t k = ui_fit(shown, 1);
			if (!k)
				k = 1;
			shown += k;
			s--;
		}
		ui_put(a, a->bottom, 0, lw, room, shown, A_NORMAL);
		wmove(a->bottom, 0, lw + (int)col - shift);
		wnoutrefresh(a->bottom);
		doupdate();
		int k = ui_getkey(a, a->bottom);
		if (k == KEYC_SIGNAL || k == KEYC_ESC || k == KEYC_CTRL('g'))
			break;
		if (k == KEYC_ENTER) {
			result = eb_text(&b);
			break;
		}
		switch (k) {
		case KEYC_LEFT: eb_left(&b); break;
		case KEYC_RIGHT: eb_right(&b); break;
		case KEYC_HOME: case KEYC_CTRL('a'): eb_home(&b); break;
		case KEYC_END: case KEYC_CTRL('e'): eb_end(&b); break;
		case KEYC_BACKSPACE: eb_backspace(&b); break;
		case KEYC_DELETE: case KEYC_CTRL('d'): eb_delete(&b); break;
		case KEYC_CTRL('w'): eb_delete_word_before(&b); break;
		case KEYC_CTRL('u'): eb_kill_to_bol(&b); break;
		case KEYC_CTRL('k'): eb_kill_to_eol(&b); break;
		case KEYC_RESIZE: ui_refresh(a); break;
		default:
			if (keymap_lookup(&a->km, PANE_FORM, k) == ACT_INPUT_METHOD)
				a->im = (enum im_mode)((a->im + 1) % IM_MODE_COUNT);
			else if (k >= 0x20 && k < KEYC_BASE && k != 0x7f)
				ui_type(a, &b, k);
		}
	}
	curs_set(0);
	eb_free(&b);
	a->bottom_dirty = true;
	return result;
}

int ui_choose(struct app *a, const char *title, const char *const *items, size_t n, size_t start)
{
	int h = a->rows - 6, w = a->cols - 16;
	if (h > (int)n + 4)
		h = (int)n + 4;
	if (h < 6)
		h = 6;
	WINDOW *win = newwin(h, w, (a->rows - h) / 2, 8);
	keypad(win, TRUE);
	char *filter = xstrdup("");
	size_t *shown = xmalloc((n ? n : 1) * sizeof *shown);
	size_t ns = 0, cur = 0, top = 0;
	int result = -1;
	bool refilter = true;
	for (;;) {
		if (refilter) {
			char *ff = text_fold(filter);
			ns = 0;
			for (size_t i = 0; i < n; i++) {
				char *fi = text_fold(items[i]);
				if (text_match(fi, ff))
					shown[ns++] = i;
				free(fi);
			}
			free(ff);
			cur = 0;
			for (size_t i = 0; i < ns; i++)
				if (shown[i] == start)
					cur = i;
			top = 0;
			refilter = false;
		}
		int body = h - 3;
		if (cur < top)
			top = cur;
		if (cur >= top + (size_t)body)
			top = cur - (size_t)body + 1;
		werase(win);
		ui_box(a, win);
		char head[300];
		snprintf(head, sizeof head, " %s ", title);
		ui_put(a, win, 0, 2, ui_width(head) < w - 4 ? ui_width(head) : w - 4, head, A_BOLD);
		for (int r = 0; r < body && top + (size_t)r < ns; r++) {
			size_t i = top + (size_t)r;
			ui_put(a, win, 1 + r, 1, w - 2, items[shown[i]], i == cur ? A_REVERSE : A_NORMAL);
		}
		char foot[300];
		if (ns)
			snprintf(foot, sizeof foot, "%s %s", tr("Filter:"), filter);
		else
			snprintf(foot, sizeof foot, tr("Filter: %s: nothing matches (Backspace to change it, Esc to cancel)"),
				 filter);
		ui_put(a, win, h - 2, 1, w - 2, foot, A_NORMAL);
		wnoutrefresh(win);
		doupdate();
		int k = ui_getkey(a, win);
		enum action act = keymap_lookup(&a->km, PANE_POPUP, k);
		if (k == KEYC_SIGNAL || act == ACT_CANCEL || k == KEYC_ESC)
			break;
		if (k == KEYC_ENTER) {
			if (ns) {
				result = (int)shown[cur];
				break;
			}
			continue; /* nothing matches: the footer says so; not a cancel */
		}
		if (k == KEYC_RESIZE) {
			ui_refresh(a);
			continue;
		}
		if (act == ACT_UP || k == KEYC_UP) {
			if (cur > 0)
				cur--;
		} else if (act == ACT_DOWN || k == KEYC_DOWN) {
			if (cur + 1 < ns)
				cur++;
		} else if (act == ACT_PAGE_UP) {
			cur = cur > (size_t)body ? cur - (size_t)body : 0;
		} else if (act == ACT_PAGE_DOWN) {
			cur = cur + (size_t)body < ns ? cur + (size_t)body : (ns ? ns - 1 : 0);
		} else if (k == KEYC_BACKSPACE) {
			size_t len = strlen(filter);
			while (len > 0 && ((unsigned char)filter[len - 1] & 0xC0) == 0x80)
				len--;
			if (len > 0)
				filter[len - 1] = '\0';
			refilter = true;
		} else if (k >= 0x20 && k < KEYC_BASE && k != 0x7f) {
			char u[5];
			utf8_put(u, (uint32_t)k);
			struct strbuf b = {0};
			sb_add(&b, filter);
			sb_add(&b, u);
			free(filter);
			filter = sb_take(&b);
			refilter = true;
		}
	}
	free(shown);
	free(filter);
	delwin(win);
	ui_mark_all(a);
	touchwin(stdscr);
	return result;
}

/* Choose the unit: all units first, then every unit by name in Vietnamese
 * order (Phường 2 before Phường 10; Xã Đông Hòa after Xã Dương Minh, not
 * after Xã Yên Bình as byte order would have it). */
static void choose_unit(struct app *a)
{
	size_t n = 0;
	const char **items = xmalloc((a->units.n + 1) * sizeof *items);
	const struct unit_rec **map = xmalloc((a->units.n + 1) * sizeof *map);
	char **owned = xmalloc((a->units.n + 1) * sizeof *owned);
	size_t start = 0;
	owned[n] = xstrdup(tr("(all units)"));
	items[n] = owned[n];
	map[n++] = NULL;
	size_t *order = unit_set_name_order(&a->units);
	for (size_t k = 0; k < a->units.n; k++) {
		const struct unit_rec *u = &a->units.v[order[k]];
		if (u->kind == UNIT_GROUP || u->retired)
			continue;
		struct strbuf b = {0};
		sb_addf(&b, "%-16s %s", u->code, u->name);
		owned[n] = sb_take(&b);
		items[n] = owned[n];
		if (u == a->unit)
			start = n;
		map[n++] = u;
	}
	free(order);
	int r = ui_choose(a, tr("Unit"), items, n, start);
	if (r >= 0 && map[r] != a->unit) {
		a->unit = map[r];
		a->period = period_containing(unit_period_type(a), a->today);
		ui_reload(a);
	}
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(items);
	free(map);
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
	case ACT_PERIOD_PREV: case ACT_PERIOD_NEXT:
		a->period = act == ACT_PERIOD_NEXT ? period_next(&a->period) : period_prev(&a->period);
		ui_reload(a);
		return true;
	case ACT_UNIT: choose_unit(a); return true;
	case ACT_EXPORT: ui_export(a); return true;
	case ACT_IMPORT: ui_import(a); return true;
	case ACT_STATUS: ui_status(a); return true;
	case ACT_CONFLICTS: ui_conflicts(a); return true;
	case ACT_UNITS: ui_units(a); return true;
	default: return false;
	}
}

static void set_locale(struct ui_options *o)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	if (cs && strcmp(cs, "UTF-8") == 0)
		return;
	/* No UTF-8 locale from the environment: try C.UTF-8, else ASCII. */
	if (setlocale(LC_CTYPE, "C.UTF-8") && strcmp(nl_langinfo(CODESET), "UTF-8") == 0)
		return;
	setlocale(LC_CTYPE, "");
	o->ascii = true;
}

static void start_curses(struct app *a)
{
	initscr();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(40);
	/* Ctrl-S and Ctrl-Q are keys, not flow control. */
	struct termios t;
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
		def_prog_mode();
	}
	a->color = has_colors() && !getenv("NO_COLOR");
	if (a->color) {
		start_color();
		use_default_colors();
		init_pair(CP_OVERDUE, COLOR_RED, -1);
		init_pair(CP_DONE, COLOR_GREEN, -1);
		init_pair(CP_TITLE, COLOR_BLACK, COLOR_CYAN);
		init_pair(CP_HINTKEY, -1, -1);
		init_pair(CP_MARK, COLOR_YELLOW, -1);
	}
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns at once */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
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
	free_data(a);
	db_close(&a->db);
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
	a->jump_task = -1;
	a->im = o.im;
	if (load_keymap(a, o.keymap))
		return 2;
	/* No database, or one without a plan: the first-run screen sets it up. */
	bool started = false;
	if (!setup_has_plan(db_path) && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		set_locale(&o);
		a->ascii = o.ascii;
		start_curses(a);
		ui_relayout(a);
		started = true;
		if (ui_firstrun(a, db_path)) {
			endwin();
			return ui_signal ? 128 + ui_signal : 0;
		}
	}
	if (db_open(&a->db, db_path, DB_OPEN_EXISTING, &e)) {
		if (started)
			endwin();
		fprintf(stderr, "tiendo: %s\n", e.msg);
		return 1;
	}
	if (store_current_plan(&a->db, &a->plan, &e) || store_units(&a->db, &a->units, &e) ||
	    store_owner(&a->db, &a->units, &a->owner, &e)) {
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
	}
	a->today = date_today();
	/* The consolidating unit follows everyone: it starts on all units. */
	a->unit = strcmp(a->owner->code, a->plan.consolidator) == 0 ? NULL : a->owner;
	load_data(a);
	a->period = period_containing(unit_period_type(a), a->today);

	if (!started)
		start_curses(a);
	ui_tasks_init(a, &a->panes[P_TASKS]);
	ui_indicators_init(a, &a->panes[P_INDICATORS]);
	ui_calendar_init(a, &a->panes[P_CALENDAR]);
	ui_agenda_init(a, &a->panes[P_AGENDA]);
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
	struct termios t;
	if (sig != SIGHUP || tcgetattr(STDOUT_FILENO, &t) == 0)
		endwin();
	app_free(a);
	return sig ? 128 + sig : 0;
}
