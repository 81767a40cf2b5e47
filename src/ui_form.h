/* SPDX-License-Identifier: MIT */
/* The entry forms' fields and their drawing (ui_form_draw.c), shared by the
 * forms' logic (ui_form.c); private to the interface. */
#ifndef TIENDO_UI_FORM_H
#define TIENDO_UI_FORM_H

#include <stdbool.h>

#include "editbuf.h"
#include "ui.h"

enum ftype { F_STATUS, F_NUMBER, F_TEXT, F_YESNO };

struct field {
	const char *label;
	enum ftype type;
	struct editbuf eb;
	int lines;           /* visible lines */
	int choice;          /* F_STATUS: status; F_YESNO: 0/1/-1 unset */
	int orig_choice;
	char *orig;          /* text as loaded, to see what changed */
	const char *suffix;  /* after a number: "%" or the measure */
	int top;             /* first visible screen line of the field */
	bool selected;       /* a short field entered: the next digit replaces it */
	bool decimal;        /* F_NUMBER that takes a decimal mark (',' or '.') */
	bool beside;         /* a one-line field on the row of the field before it */
};

struct form {
	struct field f[8];
	int n, cur;
	char title[300], info[300];
	WINDOW *win;
	int h, w, label_w;
	bool info_row;       /* the unit and period under the title bar, not in it */
	int placed_rows, placed_cols; /* the screen size it was placed for */
};

/* Has the clerk changed the field since it was loaded? */
bool form_field_changed(const struct field *f);
/* Size and place the form's window for the screen (again after a resize). */
void form_place(struct app *a, struct form *fm);
/* Draw the form, its hints and the cursor. */
void form_draw(struct app *a, struct form *fm);
/* Move by screen line inside a long field; false at its first/last line. */
bool form_move_line(const struct app *a, struct form *fm, struct field *f, int d);

#endif
