/* SPDX-License-Identifier: MIT */
/* Drawing the entry forms: a sheet as wide as the screen under a title bar,
 * long fields wrapped at word ends, the cursor on its screen line. */
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "progress.h"
#include "text.h"
#include "ui_form.h"
#include "viqr.h"

bool form_field_changed(const struct field *f)
{
	if (f->type == F_STATUS || f->type == F_YESNO)
		return f->choice != f->orig_choice;
	char *t = eb_text(&f->eb);
	bool ch = strcmp(t, f->orig) != 0;
	free(t);
	return ch;
}

/* Screen lines of a text: [start, end) byte ranges wrapped at width. */
struct seg {
	size_t start, end;
};

static size_t segments(const char *s, int width, struct seg *out, size_t max)
{
	size_t n = 0, pos = 0, len = strlen(s);
	if (width < 1)
		width = 1;
	for (;;) {
		size_t eol = pos;
		while (eol < len && s[eol] != '\n')
			eol++;
		size_t p = pos;
		do {
			char *line = xstrndup(s + p, eol - p);
			size_t fit = ui_fit(line, width);
			/* break after the last space that fits, as the view does; a
			 * word longer than the line is cut where it must be */
			if (p + fit < eol && line[fit] != ' ') {
				size_t cut = fit;
				while (cut > 0 && line[cut - 1] != ' ')
					cut--;
				if (cut > 0)
					fit = cut;
			} else if (p + fit < eol) {
				fit++; /* the space the line breaks at ends this line */
			}
			free(line);
			if (fit == 0 && p < eol)
				fit = 1;
			if (n < max)
				out[n] = (struct seg){p, p + fit};
			n++;
			p += fit;
		} while (p < eol);
		if (eol >= len)
			break;
		pos = eol + 1;
	}
	return n;
}

/* What a text field shows (viqr.h): in ASCII mode its VIQR. */
static void fview_make(const struct app *a, const struct field *f, struct fview *v)
{
	fview_init(v, f->eb.s, f->eb.cur, a->ascii && f->type == F_TEXT);
}

/* Which screen line and column of the field the cursor is on. */
static void cursor_seg(const struct fview *f, int width, size_t *line, int *col, struct seg *sg,
		       size_t ns)
{
	(void)width;
	size_t c = f->cur;
	size_t i;
	for (i = 0; i + 1 < ns; i++) {
		/* the cursor belongs to the first segment that ends at or after it,
		 * unless the next segment continues the same line and starts there */
		if (c < sg[i].end || (c == sg[i].end && sg[i + 1].start != c))
			break;
	}
	*line = i;
	char *pre = xstrndup(f->s + sg[i].start, c > sg[i].start ? c - sg[i].start : 0);
	*col = ui_width(pre);
	free(pre);
}

/* A field's shown text (fview) cut into at most max screen lines of width
 * (into sg; their number), and the cursor's line and column in them. */
static size_t field_layout(const struct fview *v, int width, struct seg *sg, size_t max,
			   size_t *line, int *col)
{
	size_t ns = segments(v->s, width, sg, max);
	if (ns > max)
		ns = max;
	cursor_seg(v, width, line, col, sg, ns);
	return ns;
}

static const char *choice_label(const struct field *f)
{
	if (f->type == F_YESNO)
		return f->choice < 0 ? "-" : f->choice ? tr("yes") : tr("no");
	return status_label((enum status)f->choice);
}

/* A number or text field at row y, column x (fw: a text's width): its
 * visible lines, suffix and "n/m" mark; *end_x past what it drew, and the
 * cursor's place when it has the focus. */
static void draw_text_field(struct app *a, struct form *fm, struct field *f, bool focus, int y,
			    int x, int fw, int *end_x, int *cur_y, int *cur_x)
{
	WINDOW *w = fm->win;
	int sw = getmaxx(w);
	struct seg sg[400];
	int width = f->type == F_NUMBER ? 12 : fw;
	struct fview v;
	fview_make(a, f, &v);
	size_t cl;
	int cc;
	size_t ns = field_layout(&v, width, sg, ARRAY_LEN(sg), &cl, &cc);
	if ((int)cl < f->top)
		f->top = (int)cl;
	if ((int)cl >= f->top + f->lines)
		f->top = (int)cl - f->lines + 1;
	for (int r = 0; r < f->lines; r++) {
		size_t si = (size_t)(f->top + r);
		char *text = si < ns ? xstrndup(v.s + sg[si].start, sg[si].end - sg[si].start)
				     : xstrdup("");
		size_t tl = strlen(text);
		if (tl && text[tl - 1] == ' ' && ui_width(text) > width)
			text[tl - 1] = '\0'; /* the space a word wrap broke at */
		/* the field being typed in shows its whole width; the others
		 * only their text (underlined blanks would all be sent) */
		int tw = ui_width(text);
		if (focus || tw > width)
			tw = width;
		ui_put(a, w, y + r, x, tw, text, f->selected ? A_REVERSE : A_UNDERLINE);
		free(text);
	}
	fview_free(&v);
	*end_x = x + width;
	if (f->suffix) {
		int sfw = ui_width(f->suffix);
		if (sfw > sw - *end_x - 1)
			sfw = sw - *end_x - 1;
		ui_put(a, w, y, *end_x + 1, sfw, f->suffix, A_NORMAL);
		*end_x += 1 + sfw;
	}
	if (f->lines > 1 && ns > (size_t)f->lines) {
		char more[32];
		snprintf(more, sizeof more, "%zu/%zu", cl + 1, ns);
		ui_put(a, w, y + f->lines - 1, fm->w - 2 - ui_width(more), ui_width(more), more, A_DIM);
	}
	if (focus) {
		*cur_y = y + (int)cl - f->top;
		*cur_x = x + cc;
	}
}

void form_draw(struct app *a, struct form *fm)
{
	WINDOW *w = fm->win;
	werase(w);
	/* A sheet as wide as the screen, over the lower panes: a title bar in
	 * reverse video, no frame. Its blank cells are plain, so the terminal
	 * clears them to the end of the line instead of being sent each one
	 * (issue 15: the form costs 1,200 bytes at most each way). */
	int mw = 0, sw = getmaxx(w);
	attr_t bar = ui_attr(a, CP_TITLE);
	if (a->im != IM_OFF) {
		/* the input method shows on the form it types into, not on the header */
		const char *mark = a->im == IM_TELEX ? "[TELEX]" : "[VNI]";
		mw = ui_width(mark) + 1;
		ui_put(a, w, 0, sw - mw, mw, mark, bar | A_BOLD);
	}
	/* the unit and period at the bar's right, or under it when they would
	 * leave the title less than TITLE_MIN columns */
	char info[sizeof fm->info + 1];
	snprintf(info, sizeof info, " %s", fm->info);
	int iw = fm->info_row ? 0 : ui_width(info) + 1;
	ui_put(a, w, 0, 0, sw - mw - iw, fm->title, bar | A_BOLD);
	if (fm->info_row)
		ui_put(a, w, 1, 1, fm->w - 3, info, A_NORMAL);
	else
		ui_put(a, w, 0, sw - mw - iw, iw, info, bar);
	int y = fm->info_row ? 2 : 1, cur_y = -1, cur_x = -1, end_x = 0;
	int fw = fm->w - 3 - fm->label_w - 1;
	for (int i = 0; i < fm->n; i++) {
		struct field *f = &fm->f[i];
		bool focus = i == fm->cur;
		char label[100];
		snprintf(label, sizeof label, "%s%s", form_field_changed(f) ? "*" : " ", f->label);
		int lx = 1, lw = fm->label_w;
		if (f->beside && i > 0) {
			y--;
			lx = end_x + 2;
			lw = ui_width(label) + 1;
		}
		ui_put(a, w, y, lx, lw, label, focus ? A_BOLD | A_REVERSE : A_BOLD);
		int x = lx + lw + 1;
		if (f->type == F_STATUS || f->type == F_YESNO) {
			char buf[100];
			snprintf(buf, sizeof buf, "< %s >", choice_label(f));
			int bw = ui_width(buf);
			ui_put(a, w, y, x, bw < fw ? bw : fw, buf, focus ? A_REVERSE : A_NORMAL);
			y++;
			continue;
		}
		draw_text_field(a, fm, f, focus, y, x, fw, &end_x, &cur_y, &cur_x);
		y += f->lines;
	}
	/* the form's own keys in the bottom line (whole hints only), from the
	 * action table: the main screen's keys mean nothing here */
	a->host->hints(a, PANE_FORM);
	if (cur_y >= 0) {
		ui_cursor(true);
		wmove(w, cur_y, cur_x);
	} else {
		ui_cursor(false);
	}
	wnoutrefresh(w);
	ui_doupdate();
}

/* The form's title keeps at least TITLE_MIN columns of its bar; MARK_W are
 * kept for the input method's marker, so that the bar does not change its
 * layout when it comes. */
enum { TITLE_MIN = 22, MARK_W = 8 };

void form_place(struct app *a, struct form *fm)
{
	int rows = 0;
	for (int i = 0; i < fm->n; i++)
		rows += fm->f[i].type == F_TEXT ? fm->f[i].lines : !fm->f[i].beside;
	/* the title bar (with the unit and period), the fields; at the bottom,
	 * over the lower panes, as wide as the screen (fm->w: the width its
	 * fields wrap in, as in a box of at most 100 columns) */
	size_t n = strlen(fm->info);
	while (n && fm->info[n - 1] == ' ')
		fm->info[--n] = '\0';
	fm->info_row = ui_width(fm->info) + 2 > a->cols - TITLE_MIN - MARK_W;
	fm->h = rows + 1 + fm->info_row;
	if (fm->h > a->rows - 2)
		fm->h = a->rows - 2;
	fm->w = a->cols - 4 > 100 ? 100 : a->cols - 4;
	fm->placed_rows = a->rows;
	fm->placed_cols = a->cols;
	if (fm->win)
		delwin(fm->win);
	fm->win = newwin(fm->h, a->cols, a->rows - 1 - fm->h, 0);
	keypad(fm->win, TRUE);
	fm->label_w = 0;
	for (int i = 0; i < fm->n; i++) {
		int lw = ui_width(fm->f[i].label) + 2;
		if (lw > fm->label_w)
			fm->label_w = lw;
	}
}

bool form_move_line(const struct app *a, struct form *fm, struct field *f, int d)
{
	int width = fm->w - 3 - fm->label_w - 1;
	struct seg sg[400];
	struct fview v;
	fview_make(a, f, &v);
	size_t cl;
	int cc;
	size_t ns = field_layout(&v, width, sg, ARRAY_LEN(sg), &cl, &cc);
	bool moved = !((d < 0 && cl == 0) || (d > 0 && cl + 1 >= ns));
	if (moved) {
		size_t t = d < 0 ? cl - 1 : cl + 1;
		char *line = xstrndup(v.s + sg[t].start, sg[t].end - sg[t].start);
		f->eb.cur = fview_back(&v, f->eb.s, sg[t].start + ui_fit(line, cc));
		free(line);
	}
	fview_free(&v);
	return moved;
}
