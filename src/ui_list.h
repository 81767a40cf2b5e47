/* SPDX-License-Identifier: MIT */
/* A scrolling list with a cursor, shared by the task list, the indicators and the agenda. */
#ifndef TIENDO_UI_LIST_H
#define TIENDO_UI_LIST_H

#include "ui.h"

struct ui_list {
	size_t n, cur, top;  /* rows, cursor row, first visible row */
	int y0, x0, h;       /* where the rows are drawn in the window */
	bool (*selectable)(void *ctx, size_t row);
	void (*draw_row)(struct app *a, void *ctx, WINDOW *w, int y, size_t row, bool selected);
	void *ctx;
	size_t drawn_cur, drawn_top; /* what is on the screen */
	bool drawn;
};

/* Paint: everything when full or scrolled, else only the rows whose
 * selection changed (two rows for a cursor move). */
void ui_list_draw(struct app *a, struct ui_list *l, WINDOW *w, bool full);
/* Before the panes draw (nothing of this frame sent to the screen yet): when
 * the list has scrolled by less than a page since it was drawn, move its rows
 * on the terminal with the terminal's own scrolling (one doupdate); true when
 * it did, and then every window over those rows must be touched so that what
 * scrolled along beside the list is put back. */
bool ui_list_scroll_screen(struct ui_list *l, WINDOW *w);
/* Move the cursor for a list action; true when the action was a move. */
bool ui_list_key(struct ui_list *l, enum action act);
/* Put the cursor on row (or the next selectable one) and scroll to it. */
void ui_list_set(struct ui_list *l, size_t row);
/* After the rows changed: keep the cursor in range and on a selectable row. */
void ui_list_fix(struct ui_list *l);

#endif
