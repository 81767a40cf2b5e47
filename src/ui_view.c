/* SPDX-License-Identifier: MIT */
/* Read-only popups: a task's or indicator's full detail with its entry and history, and the
 * help screen generated from the action table. */
#include <stdlib.h>
#include <string.h>

#include "consolidate.h"
#include "describe.h"
#include "msg.h"
#include "progress.h"
#include "ui.h"

/* A popup over the panes: a page of lines that scrolls (the pager), or a
 * list with a cursor whose own keys (mask) close it and are returned. Lines
 * starting with '\x01' are headings: bold, and never selected; lines
 * starting with '\x02' go on the line above them (a table's row on two
 * lines): plain, never selected, and kept in sight with it. The window is
 * made again after a resize (or the popup closes, when its lines depend on
 * the width: resized); each key repaints it whole into curses' screen,
 * which sends the terminal only the cells that changed. */
struct popup {
	const char *title;
	const struct strvec *lines;
	unsigned mask; /* 0: a pager */
	bool fit;      /* as high as its lines, not the whole screen */
	size_t cur;    /* list: the selected line */
	int top;
	bool *resized; /* set: a resize closes the popup and sets it */
};

static bool selectable(const struct popup *pp, size_t i)
{
	return i < pp->lines->n && pp->lines->v[i][0] != '\x01' && pp->lines->v[i][0] != '\x02';
}

/* Put the cursor d lines on (clamped), on the nearest selectable line. */
static void popup_move(struct popup *pp, long d)
{
	long n = (long)pp->lines->n, c = (long)pp->cur + d;
	if (n == 0) {
		pp->cur = 0;
		return;
	}
	if (c < 0)
		c = 0;
	if (c >= n)
		c = n - 1;
	long step = d < 0 ? -1 : 1;
	for (int pass = 0; pass < 2; pass++, step = -step)
		for (long k = c; k >= 0 && k < n; k += step)
			if (selectable(pp, (size_t)k)) {
				pp->cur = (size_t)k;
				return;
			}
}

static WINDOW *popup_window(struct app *a, const struct popup *pp, int *h, int *w)
{
	*w = a->cols - 4;
	*h = a->rows - 2;
	if (pp->fit && (int)pp->lines->n + 2 < *h)
		*h = (int)pp->lines->n + 2 < 4 ? 4 : (int)pp->lines->n + 2;
	WINDOW *win = newwin(*h, *w, pp->fit ? (a->rows - *h) / 2 : 1, 2);
	if (win)
		keypad(win, TRUE);
	return win;
}

static void popup_draw(struct app *a, struct popup *pp, WINDOW *win, int h, int w)
{
	bool list = pp->mask != 0;
	int body = h - 2, n = (int)pp->lines->n;
	if (list) {
		int c = (int)pp->cur, end = c; /* end: its last continued line */
		while (end + 1 < n && pp->lines->v[end + 1][0] == '\x02')
			end++;
		if (c < pp->top)
			pp->top = c;
		if (end >= pp->top + body)
			pp->top = end - body + 1 < c ? end - body + 1 : c;
		if (pp->top > 0 && c == pp->top && pp->lines->v[c - 1][0] == '\x01')
			pp->top--; /* show the heading above the first item */
	}
	if (pp->top > n - body)
		pp->top = n - body;
	if (pp->top < 0)
		pp->top = 0;
	werase(win);
	ui_box(a, win);
	char head[300];
	snprintf(head, sizeof head, " %s ", pp->title);
	ui_put(a, win, 0, 2, ui_width(head) < w - 4 ? ui_width(head) : w - 4, head, A_BOLD);
	for (int r = 0; r < body && pp->top + r < n; r++) {
		size_t i = (size_t)(pp->top + r);
		const char *s = pp->lines->v[i];
		attr_t at = A_NORMAL;
		if (s[0] == '\x01') {
			at = A_BOLD;
			s++;
		} else if (s[0] == '\x02') {
			s++;
		} else if (list && i == pp->cur) {
			at = A_REVERSE;
		}
		if (at == A_REVERSE) {
			ui_put(a, win, 1 + r, 1, 1, "", at);
			ui_put(a, win, 1 + r, 2, w - 3, s, at);
		} else {
			ui_put(a, win, 1 + r, 2, w - 4, s, at);
		}
	}
	char foot[100] = "";
	if (!list)
		snprintf(foot, sizeof foot, " %d-%d/%d  %s ", n ? pp->top + 1 : 0,
			 pp->top + body < n ? pp->top + body : n, n, tr("Esc close, arrows scroll"));
	else if (n > body)
		snprintf(foot, sizeof foot, " %zu/%d ", pp->cur + 1, n);
	int fw = ui_width(foot);
	if (fw && fw < w - 4)
		ui_put(a, win, h - 1, w - 2 - fw, fw, foot, A_NORMAL);
	wnoutrefresh(win);
}

static enum action popup_run(struct app *a, struct popup *pp)
{
	bool list = pp->mask != 0;
	enum action result = ACT_NONE;
	WINDOW *win = NULL;
	int h = 0, w = 0;
	if (list)
		popup_move(pp, 0);
	for (;;) {
		if (!win && !a->too_small)
			win = popup_window(a, pp, &h, &w);
		if (a->too_small || !win) {
			a->host->repaint(a); /* says the terminal is too small */
		} else {
			a->host->draw_dirty(a);
			if (list)
				a->host->hints(a, pp->mask);
			popup_draw(a, pp, win, h, w);
			ui_doupdate();
		}
		int k = ui_getkey(a, win ? win : a->bottom);
		if (list && a->msg[0]) {
			a->msg[0] = '\0';
			a->bottom_dirty = true;
		}
		if (k == KEYC_SIGNAL)
			break;
		if (k == KEYC_RESIZE && pp->resized) {
			*pp->resized = true;
			break;
		}
		if (k == KEYC_RESIZE) {
			if (win)
				delwin(win);
			win = NULL;
			continue;
		}
		enum action act = keymap_lookup(&a->km, list ? pp->mask : PANE_POPUP, k);
		enum action in_main = keymap_lookup(&a->km, PANE_MAIN, k);
		if (k == KEYC_ESC || act == ACT_CANCEL || k == 'q' || in_main == ACT_QUIT ||
		    (!list && (k == KEYC_ENTER || in_main == ACT_VIEW || in_main == ACT_HELP)))
			break;
		if (act == ACT_REDRAW) {
			clearok(curscr, TRUE);
			continue;
		}
		int body = h - 2 > 1 ? h - 2 : 1;
		long page = body > 1 ? body - 1 : 1;
		if (list) {
			if (act == ACT_UP || k == KEYC_UP)
				popup_move(pp, -1);
			else if (act == ACT_DOWN || k == KEYC_DOWN)
				popup_move(pp, 1);
			else if (act == ACT_PAGE_UP)
				popup_move(pp, -page);
			else if (act == ACT_PAGE_DOWN)
				popup_move(pp, page);
			else if (act == ACT_TOP)
				popup_move(pp, -(long)pp->lines->n);
			else if (act == ACT_BOTTOM)
				popup_move(pp, (long)pp->lines->n);
			else if (k == KEYC_ENTER || (act != ACT_NONE && (keymap_actions[act].panes & PANE_POPUP) == 0)) {
				if (selectable(pp, pp->cur) || (act != ACT_VIEW && k != KEYC_ENTER)) {
					result = k == KEYC_ENTER ? ACT_VIEW : act;
					break;
				}
			}
			continue;
		}
		if (act == ACT_UP || k == KEYC_UP)
			pp->top--;
		else if (act == ACT_DOWN || k == KEYC_DOWN)
			pp->top++;
		else if (act == ACT_PAGE_UP)
			pp->top -= (int)page;
		else if (act == ACT_PAGE_DOWN || k == ' ')
			pp->top += (int)page;
		else if (act == ACT_TOP)
			pp->top = 0;
		else if (act == ACT_BOTTOM)
			pp->top = (int)pp->lines->n;
	}
	if (win)
		delwin(win);
	a->host->mark_dirty(a);
	touchwin(stdscr);
	return result;
}

void ui_pager(struct app *a, const char *title, const struct strvec *lines)
{
	struct popup pp = {.title = title, .lines = lines};
	popup_run(a, &pp);
}

void ui_note(struct app *a, const char *title, const struct strvec *lines)
{
	struct popup pp = {.title = title, .lines = lines, .fit = true};
	popup_run(a, &pp);
}

enum action ui_popup_list(struct app *a, const char *title, const struct strvec *lines,
			  unsigned mask, size_t *cur)
{
	return ui_popup_table(a, title, lines, mask, cur, NULL);
}

enum action ui_popup_table(struct app *a, const char *title, const struct strvec *lines,
			   unsigned mask, size_t *cur, bool *resized)
{
	struct popup pp = {.title = title, .lines = lines, .mask = mask, .fit = true, .cur = *cur,
			   .resized = resized};
	if (resized)
		*resized = false;
	enum action r = popup_run(a, &pp);
	*cur = pp.cur;
	return r;
}

void ui_page_add(struct strvec *sv, int width, const char *label, const char *text)
{
	struct strbuf b = {0};
	if (label)
		sb_addf(&b, "%s: %s", label, text);
	else
		sb_add(&b, text);
	ui_wrap(b.s, width, sv);
	sb_free(&b);
}

void ui_page_heading(struct strvec *sv, const char *text)
{
	struct strbuf b = {0};
	sb_addc(&b, '\x01');
	sb_add(&b, text);
	sv_push(sv, b.s);
	sb_free(&b);
}

/* A heading that may be longer than a line (a task's title): wrapped, each
 * line a heading, so that none of it is cut. */
static void page_heading_wrapped(struct strvec *sv, int width, const char *text)
{
	struct strvec lines = {0};
	ui_wrap(text, width, &lines);
	for (size_t i = 0; i < lines.n; i++)
		ui_page_heading(sv, lines.v[i]);
	if (!lines.n)
		ui_page_heading(sv, "");
	sv_free(&lines);
}

/* "DT-SKHCN Sở Khoa học và Công nghệ, DT-XA Ủy ban nhân dân các xã, phường" */
static char *unit_names(struct app *a, const char *codes)
{
	struct strvec sv = {0};
	struct strbuf b = {0};
	sb_add(&b, "");
	sv_split_ws(&sv, codes);
	for (size_t i = 0; i < sv.n; i++) {
		const struct unit_rec *u = unit_set_find(&a->s.b.units, sv.v[i]);
		sb_addf(&b, "%s%s", i ? "; " : "", u ? u->name : sv.v[i]);
	}
	sv_free(&sv);
	return sb_take(&b);
}

/* The entry of the selected unit on task t for period pc, and its history
 * (the latest first), as tiendo show gives them. */
static void view_entry(struct app *a, const struct task_rec *t, const char *pc, int width,
		       struct strvec *sv)
{
	struct session_target st = {.unit = a->unit, .task = t};
	struct session_entry_view v;
	struct err e;
	struct strbuf b = {0};
	snprintf(st.period, sizeof st.period, "%s", pc);
	sb_addf(&b, "%s %s, %s %s", tr("Entry of"), a->unit->name, tr("period"), pc);
	page_heading_wrapped(sv, width, b.s);
	sb_free(&b);
	if (session_show_entry(&a->s, &st, &v, &e)) {
		ui_page_add(sv, width, NULL, e.msg);
		return;
	}
	struct entry_lines el;
	describe_entry(&v, DESCRIBE_WORDS, &el);
	for (size_t i = 0; i < el.n; i++)
		ui_page_add(sv, width, el.v[i].key ? el.v[i].label : NULL, el.v[i].value);
	entry_lines_free(&el);
	if (v.n_hist) {
		sv_push(sv, "");
		ui_page_heading(sv, tr("History"));
	}
	for (size_t h = v.n_hist; h-- > 0;) {
		char *row = describe_entry_change(&v.hist[h], DESCRIBE_WORDS);
		ui_page_add(sv, width, NULL, row);
		free(row);
	}
	session_entry_view_free(&v);
}

void ui_view_task(struct app *a, size_t i)
{
	const struct task_rec *t = &a->s.b.tasks.v[i];
	int width = a->cols - 8;
	struct strvec sv = {0};
	char tf[64], pc[PERIOD_BUF];
	describe_timeframe(&t->tf, tf, sizeof tf);
	period_format(&a->period, pc);
	page_heading_wrapped(&sv, width, t->title);
	ui_page_add(&sv, width, tr("Section"), t->section_title);
	char *lead = unit_names(a, t->lead), *coord = unit_names(a, t->coord);
	ui_page_add(&sv, width, tr("Lead"), lead);
	ui_page_add(&sv, width, tr("Coordinating"), *coord ? coord : "-");
	free(lead);
	free(coord);
	struct strbuf b = {0};
	sb_addf(&b, "%s%s%s", tf, *t->tf_text ? " - " : "", t->tf_text);
	ui_page_add(&sv, width, tr("Time frame"), b.s);
	sb_free(&b);
	if (*t->measure)
		ui_page_add(&sv, width, tr("Counted in"), t->measure);
	sv_push(&sv, "");
	ui_page_add(&sv, width, NULL, t->text);
	sv_push(&sv, "");
	if (a->unit)
		view_entry(a, t, pc, width, &sv);
	char title[100];
	snprintf(title, sizeof title, "%s %s", tr("Task"), t->code);
	ui_pager(a, title, &sv);
	sv_free(&sv);
}

void ui_view_indicator(struct app *a, size_t i)
{
	const struct indicator_rec *d = &a->s.b.inds.v[i];
	int width = a->cols - 8;
	struct strvec sv = {0};
	char target[48];
	describe_target(d->kind, d->cmp, d->target, target, sizeof target);
	page_heading_wrapped(&sv, width, d->title);
	struct strbuf b = {0};
	sb_addf(&b, "%s (%d)", target, d->year);
	ui_page_add(&sv, width, tr("Target"), b.s);
	sb_free(&b);
	char *rep = unit_names(a, d->reporters);
	ui_page_add(&sv, width, tr("Reported by"), rep);
	free(rep);
	ui_page_add(&sv, width, tr("Consolidation"), consolidation_label(d->cons));
	sv_push(&sv, "");
	ui_page_add(&sv, width, NULL, d->text);
	struct ind_standing st;
	struct err e;
	if (indicator_standing(a->s.db, &a->s.b.units, d, NULL, period_end(&a->period), &st, &e) == 0) {
		sv_push(&sv, "");
		ui_page_heading(&sv, tr("All units"));
		b = (struct strbuf){0};
		sb_addf(&b,
			trn(N_("%d of %d unit reported; meeting the target: %d"), N_("%d of %d units reported; meeting the target: %d"),
			    (unsigned long long)st.expected),
			st.reported, st.expected,
			st.met_units);
		ui_page_add(&sv, width, NULL, b.s);
		sb_free(&b);
		if (st.den > 0) {
			b = (struct strbuf){0};
			sb_addf(&b, "%lld / %lld", st.num, st.den);
			ui_page_add(&sv, width, tr("Sum"), b.s);
			sb_free(&b);
		}
	}
	char title[100];
	snprintf(title, sizeof title, "%s %s", tr("Target"), d->code);
	ui_pager(a, title, &sv);
	sv_free(&sv);
}

/* Help: where the panes are, and the corner the calendar and agenda share. */
static void help_screen(struct app *a, struct strvec *sv, int width)
{
	ui_page_heading(sv, tr("The screen"));
	char k3[16] = "-", k4[16] = "-";
	if (a->km.n[ACT_FOCUS_CALENDAR])
		ui_key_label(a->km.keys[ACT_FOCUS_CALENDAR][0], k3, sizeof k3);
	if (a->km.n[ACT_FOCUS_AGENDA])
		ui_key_label(a->km.keys[ACT_FOCUS_AGENDA][0], k4, sizeof k4);
	struct strbuf scr = {0};
	sb_addf(&scr, tr("The task list runs across the screen; under it are the targets and, beside them, the calendar above the agenda (what falls due from the chosen day). On a screen under 35 lines the calendar and the agenda take turns in that corner: %s shows the calendar, %s the agenda; Tab goes through all four panes."), k3, k4);
	ui_page_add(sv, width, NULL, scr.s);
	sb_free(&scr);
}

void ui_help(struct app *a)
{
	static const struct {
		unsigned mask;
		const char *title;
	} groups[] = {
		{PANE_MAIN, N_("Everywhere")}, {PANE_TASKS, N_("Task list")},
		{PANE_INDICATORS, N_("Targets")}, {PANE_CALENDAR, N_("Calendar")},
		{PANE_AGENDA, N_("Agenda")}, {PANE_FORM, N_("Entry form")},
		{PANE_CONFLICTS, N_("Conflicts")}, {PANE_UNITS, N_("Units")},
		{PANE_REPORTS, N_("Reports")},
	};
	struct strvec sv = {0};
	bool moved[ACT_COUNT] = {false}; /* a moving key, listed once */
	int width = a->cols - 8;
	for (size_t g = 0; g < ARRAY_LEN(groups); g++) {
		ui_page_heading(&sv, tr(groups[g].title));
		for (int act = 0; act < ACT_COUNT; act++) {
			unsigned p = keymap_actions[act].panes;
			bool in = g == 0 ? (p & PANE_MAIN) == PANE_MAIN : (p & groups[g].mask) != 0;
			/* each pane's section lists every key of that pane (the Targets
			 * and Agenda sections too, though they share the task list's);
			 * only the keys of every main pane stay under "Everywhere" */
			if (!in || (g > 0 && (p & PANE_MAIN) == PANE_MAIN && groups[g].mask != PANE_FORM))
				continue;
			bool moving = act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP ||
				      act == ACT_PAGE_DOWN || act == ACT_TOP || act == ACT_BOTTOM ||
				      (act == ACT_CANCEL && groups[g].mask != PANE_FORM);
			if (moving && moved[act])
				continue;
			moved[act] = moving;
			struct strbuf keys = {0};
			for (int k = 0; k < a->km.n[act]; k++) {
				char kn[16];
				ui_key_label(a->km.keys[act][k], kn, sizeof kn);
				sb_addf(&keys, "%s%s", k ? " " : "", kn);
			}
			/* a long line goes on under the description, not under the keys */
			const char *cells[2] = {keys.s ? keys.s : "-", tr(keymap_actions[act].help)};
			const int widths[1] = {13};
			ui_columns(&sv, width, cells, widths, 2, true);
			sb_free(&keys);
		}
		sv_push(&sv, "");
	}
	ui_page_heading(&sv, tr("Editing text"));
	ui_page_add(&sv, width, NULL, tr("Left/Right by character, Home/End (C-a/C-e) line start and end, C-w delete word, C-u/C-k delete to line start/end, Enter new line in long fields. C-t types Vietnamese without an input method: Telex (aa=â, dd=đ, s f r x j tones) or VNI (a6=â, d9=đ, 1-5 tones)."));
	sv_push(&sv, "");
	ui_page_heading(&sv, tr("Marks"));
	ui_page_add(&sv, width, NULL, tr("[ ] not started  [~] in progress  [x] done  [#] blocked  ! overdue (due date passed, not done; for all units: not done by one unit at least)  ~ target not met yet  ! target year reached, not met"));
	sv_push(&sv, "");
	help_screen(a, &sv, width);
	ui_pager(a, tr("tiendo help"), &sv);
	sv_free(&sv);
}
