/* SPDX-License-Identifier: MIT */
/* A scrolling list with a cursor, shared by the task list, the indicators and the agenda.
 *
 * Moving the cursor inside the visible page repaints only the row left and
 * the row entered (htop's Panel_draw does the same): on a 9600 baud link a
 * keystroke must cost tens of bytes, not a screen. */
#include "ui_list.h"

static bool can_select(struct ui_list *l, size_t row)
{
	return !l->selectable || l->selectable(l->ctx, row);
}

static void scroll_to_cursor(struct ui_list *l)
{
	if (l->h <= 0)
		return;
	if (l->cur < l->top)
		l->top = l->cur;
	if (l->cur >= l->top + (size_t)l->h)
		l->top = l->cur - (size_t)l->h + 1;
	/* show a section heading just above the first item of a page */
	if (l->top > 0 && l->cur == l->top && !can_select(l, l->top - 1))
		l->top--;
}

void ui_list_fix(struct ui_list *l)
{
	if (l->n == 0) {
		l->cur = l->top = 0;
		return;
	}
	if (l->cur >= l->n)
		l->cur = l->n - 1;
	size_t c = l->cur;
	while (c < l->n && !can_select(l, c))
		c++;
	if (c == l->n) {
		c = l->cur;
		while (c > 0 && !can_select(l, c))
			c--;
	}
	l->cur = c;
	if (l->top >= l->n)
		l->top = 0;
	scroll_to_cursor(l);
	l->drawn = false;
}

void ui_list_set(struct ui_list *l, size_t row)
{
	l->cur = row;
	ui_list_fix(l);
}

/* The next selectable row from cur in direction d (+1/-1), count times. */
static size_t step(struct ui_list *l, size_t cur, int d, size_t count)
{
	size_t best = cur;
	while (count--) {
		size_t c = best;
		for (;;) {
			if (d > 0 ? c + 1 >= l->n : c == 0)
				return best;
			c = d > 0 ? c + 1 : c - 1;
			if (can_select(l, c))
				break;
		}
		best = c;
	}
	return best;
}

bool ui_list_key(struct ui_list *l, enum action act)
{
	if (l->n == 0)
		return act == ACT_UP || act == ACT_DOWN || act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
		       act == ACT_TOP || act == ACT_BOTTOM;
	size_t page = l->h > 1 ? (size_t)l->h - 1 : 1;
	switch (act) {
	case ACT_UP: l->cur = step(l, l->cur, -1, 1); break;
	case ACT_DOWN: l->cur = step(l, l->cur, 1, 1); break;
	case ACT_PAGE_UP: l->cur = step(l, l->cur, -1, page); break;
	case ACT_PAGE_DOWN: l->cur = step(l, l->cur, 1, page); break;
	case ACT_TOP: l->cur = step(l, 0, 1, 0); if (!can_select(l, 0)) l->cur = step(l, 0, 1, 1); break;
	case ACT_BOTTOM: l->cur = step(l, l->n - 1, -1, 0); if (!can_select(l, l->n - 1)) l->cur = step(l, l->n - 1, -1, 1); break;
	default: return false;
	}
	scroll_to_cursor(l);
	return true;
}

void ui_list_draw(struct app *a, struct ui_list *l, WINDOW *w, bool full)
{
	if (full || !l->drawn || l->top != l->drawn_top) {
		for (int y = 0; y < l->h; y++) {
			size_t row = l->top + (size_t)y;
			if (row < l->n) {
				l->draw_row(a, l->ctx, w, l->y0 + y, row, row == l->cur);
			} else {
				wmove(w, l->y0 + y, l->x0);
				wclrtoeol(w);
			}
		}
	} else if (l->cur != l->drawn_cur) {
		if (l->drawn_cur >= l->top && l->drawn_cur < l->top + (size_t)l->h && l->drawn_cur < l->n)
			l->draw_row(a, l->ctx, w, l->y0 + (int)(l->drawn_cur - l->top), l->drawn_cur, false);
		l->draw_row(a, l->ctx, w, l->y0 + (int)(l->cur - l->top), l->cur, true);
	}
	l->drawn = true;
	l->drawn_cur = l->cur;
	l->drawn_top = l->top;
}

bool ui_list_scroll_screen(struct ui_list *l, WINDOW *w)
{
	if (!l->drawn || l->top == l->drawn_top || l->h < 3)
		return false;
	long d = (long)l->top - (long)l->drawn_top;
	if (d >= l->h || -d >= l->h)
		return false;
	int top = getbegy(w) + l->y0, bot = top + l->h - 1;
	/* newscr is what the last doupdate sent: scroll its rows the way the
	 * terminal should, and let doupdate find the scroll (whole lines moved). */
	wsetscrreg(newscr, top, bot);
	scrollok(newscr, TRUE);
	wscrl(newscr, (int)d);
	scrollok(newscr, FALSE);
	wsetscrreg(newscr, 0, getmaxy(newscr) - 1);
	ui_doupdate_raw(); /* not ui_doupdate: newscr is already tidy, and this is no repaint */
	return true;
}
