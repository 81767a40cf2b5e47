/* SPDX-License-Identifier: MIT */
/* Drawing text in the terminal: widths by wcwidth, cutting by columns, wrapping, ASCII mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "msg.h"
#include "text.h"
#include "editbuf.h"
#include "ui.h"
#include "util.h"

/* Decode the next character of s; a bad byte becomes '?'. Returns its length. */
static size_t next_wc(const char *s, wchar_t *wc)
{
	size_t k = compat_utf8_to_wc(s, wc);
	return k ? k : 1;
}

static int wc_width(wchar_t wc)
{
	if (wc == L'\t' || wc == L'\n')
		return 1;
	int w = compat_wcwidth(wc);
	return w < 0 ? 1 : w;
}

int ui_width(const char *s)
{
	int w = 0;
	while (*s) {
		wchar_t wc;
		s += next_wc(s, &wc);
		w += wc_width(wc);
	}
	return w;
}

size_t ui_fit(const char *s, int width)
{
	const char *p = s;
	int used = 0;
	while (*p) {
		wchar_t wc;
		size_t k = next_wc(p, &wc);
		int cw = wc_width(wc);
		if (used + cw > width)
			break;
		used += cw;
		p += k;
	}
	return (size_t)(p - s);
}

char *ui_cut(struct app *a, const char *s, int width)
{
	if (ui_width(s) <= width)
		return xstrdup(s);
	struct strbuf b = {0};
	if (width > 0) {
		char *head = xstrndup(s, ui_fit(s, width - 1));
		sb_add(&b, head);
		sb_add(&b, a->ascii ? "~" : "\u2026");
		free(head);
	}
	return b.s ? sb_take(&b) : xstrdup("");
}

void ui_put(struct app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t attr)
{
	if (width <= 0)
		return;
	char *tmp = NULL;
	if (a->ascii)
		s = tmp = text_ascii(s);
	wattrset(w, (int)attr);
	wmove(w, y, x);
	wchar_t buf[128];
	int nb = 0, used = 0;
	/* Text cut short ends with an ellipsis ("~" in ASCII mode) in the last
	 * column, so a clerk sees that something is missing. */
	int limit = width, total = ui_width(s);
	bool cut = total > width;
	if (cut)
		limit = width - 1;
	while (*s) {
		wchar_t wc;
		size_t k = next_wc(s, &wc);
		if (wc == L'\n' || wc == L'\t')
			wc = L' ';
		int cw = compat_wcwidth(wc);
		/* Controls, C1 and bidirectional overrides never reach the terminal. */
		if (cw < 0 || (wc >= 0x80 && wc <= 0x9f) || (wc >= 0x202a && wc <= 0x202e) ||
		    (wc >= 0x2066 && wc <= 0x2069)) {
			wc = L'?';
			cw = 1;
		}
		if (used + cw > limit)
			break;
		buf[nb++] = wc;
		used += cw;
		s += k;
		if (nb == (int)ARRAY_LEN(buf)) {
			waddnwstr(w, buf, nb);
			nb = 0;
		}
	}
	if (cut && nb < (int)ARRAY_LEN(buf)) {
		buf[nb++] = a->ascii ? L'~' : L'\u2026';
		used++;
	}
	if (nb)
		waddnwstr(w, buf, nb);
	for (; used < width; used++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
	free(tmp);
}

size_t ui_wrap(const char *s, int width, struct strvec *out)
{
	size_t before = out->n;
	if (width < 4)
		width = 4;
	while (1) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		char *line = xstrndup(s, len);
		const char *p = line;
		if (!*p)
			sv_push(out, "");
		while (*p) {
			size_t fit = ui_fit(p, width);
			if (p[fit] == '\0') {
				sv_push(out, p);
				break;
			}
			/* break at the last space that fits, else mid-word */
			size_t cut = fit;
			while (cut > 0 && p[cut] != ' ')
				cut--;
			if (cut == 0)
				cut = fit ? fit : 1;
			char *piece = xstrndup(p, cut);
			sv_push(out, piece);
			free(piece);
			p += cut;
			while (*p == ' ')
				p++;
		}
		free(line);
		if (!nl)
			break;
		s = nl + 1;
	}
	return out->n - before;
}

void ui_columns(struct strvec *out, int width, const char *const *cells, const int *widths,
		size_t n, bool wrap)
{
	struct strbuf b = {0};
	int x = 0;
	sb_add(&b, "");
	for (size_t i = 0; i + 1 < n; i++) {
		int cw = ui_width(cells[i]);
		sb_add(&b, cells[i]);
		for (int k = cw; k < widths[i] + 2; k++)
			sb_addc(&b, ' ');
		x += (cw > widths[i] ? cw : widths[i]) + 2;
	}
	const char *last = n ? cells[n - 1] : "";
	int room = width - x;
	if (!wrap || room < 12) {
		sb_add(&b, last);
		if (wrap)
			ui_wrap(b.s, width, out);
		else
			sv_push(out, b.s);
		sb_free(&b);
		return;
	}
	struct strvec parts = {0};
	ui_wrap(last, room, &parts);
	for (size_t i = 0; i < parts.n; i++) {
		if (i > 0) {
			sb_free(&b);
			for (int k = 0; k < x; k++)
				sb_addc(&b, ' ');
		}
		sb_add(&b, parts.v[i]);
		sv_push(out, b.s ? b.s : "");
	}
	sv_free(&parts);
	sb_free(&b);
}

/* Lines are drawn with Unicode box characters in UTF-8 mode (WACS_*), not
 * with the terminal's alternate character set, which many terminals and
 * SSH clients render as letters. */
void ui_hline(struct app *a, WINDOW *w, int y, int x, int n)
{
	if (a->ascii)
		mvwhline(w, y, x, '-', n);
	else
		mvwhline_set(w, y, x, WACS_HLINE, n);
}

void ui_vline(struct app *a, WINDOW *w, int y, int x, int n)
{
	if (a->ascii)
		mvwvline(w, y, x, '|', n);
	else
		mvwvline_set(w, y, x, WACS_VLINE, n);
}

void ui_box(struct app *a, WINDOW *w)
{
	if (a->ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box_set(w, WACS_VLINE, WACS_HLINE);
}

attr_t ui_attr(struct app *a, int pair)
{
	static const attr_t mono[] = {
		[CP_NONE] = A_NORMAL, [CP_OVERDUE] = A_BOLD, [CP_DONE] = A_NORMAL,
		[CP_TITLE] = A_REVERSE, [CP_MARK] = A_BOLD,
	};
	attr_t at = mono[pair];
	if (a->color && pair != CP_NONE)
		at |= (attr_t)COLOR_PAIR(pair);
	return at;
}

bool ui_edit_key(struct editbuf *b, int k)
{
	switch (k) {
	case KEYC_LEFT: eb_left(b); return true;
	case KEYC_RIGHT: eb_right(b); return true;
	case KEYC_HOME: case KEYC_CTRL('a'): eb_home(b); return true;
	case KEYC_END: case KEYC_CTRL('e'): eb_end(b); return true;
	case KEYC_BACKSPACE: eb_backspace(b); return true;
	case KEYC_DELETE: case KEYC_CTRL('d'): eb_delete(b); return true;
	case KEYC_CTRL('w'): eb_delete_word_before(b); return true;
	case KEYC_CTRL('u'): eb_kill_to_bol(b); return true;
	case KEYC_CTRL('k'): eb_kill_to_eol(b); return true;
	default: return false;
	}
}

/* DT-SKHCN -> SKHCN: the province prefix says nothing inside one plan. */
const char *ui_unit_short(const char *code)
{
	const char *dash = strchr(code, '-');
	return dash && dash[1] && dash - code <= 4 ? dash + 1 : code;
}

void ui_pane_title(struct app *a, struct pane *p, const char *title, const char *right)
{
	bool focus = a->focus == p->id;
	int x = p->id == PANE_ID_CALENDAR || p->id == PANE_ID_AGENDA ? 1 : 0;
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

void ui_key_label(int key, char *buf, size_t n)
{
	keymap_key_name(key, buf, n);
	if (msg_lang() != LANG_VI)
		return; /* the emacs spelling (C-t, S-Tab) reads well in English */
	if (buf[0] == 'C' && buf[1] == '-' && buf[2] && !buf[3])
		snprintf(buf, n, "Ctrl+%c", buf[2] >= 'a' && buf[2] <= 'z' ? buf[2] - 'a' + 'A' : buf[2]);
	else if (strncmp(buf, "S-", 2) == 0) {
		char rest[32];
		snprintf(rest, sizeof rest, "%s", buf + 2);
		snprintf(buf, n, "Shift+%s", rest);
	}
}

/* Does a blank drawn with attr and pair look like any other blank? Bold,
 * dim and a foreground colour do not show on a space; reverse video,
 * underline, standout, blink and a background colour do. */
static bool blank_invisible(attr_t attr, short pair)
{
	if (attr & (A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK))
		return false;
	if (pair == 0)
		return true;
	short fg, bg;
	return pair_content(pair, &fg, &bg) == OK && bg == -1;
}

/* The cell at x of line y of scr (newscr, curscr); true when it is a single space. */
static bool cell_at(WINDOW *scr, int y, int x, attr_t *attr, short *pair)
{
	cchar_t c;
	wchar_t wch[CCHARW_MAX + 1];
	if (mvwin_wch(scr, y, x, &c) == ERR || getcchar(&c, wch, attr, pair, NULL) == ERR)
		return false;
	return wch[0] == L' ' && wch[1] == L'\0';
}

/* Give each run of blanks whose attributes do not show the attributes of
 * the text beside it, so that the terminal is not told to change its
 * attributes for nothing (each change costs 4 to 11 bytes with
 * TERM=screen): " " in bold before a plain code, the plain space between
 * two bold words. A run that ends the line becomes plain, so that it can
 * still be cleared with one clear-to-end-of-line. */
static void tidy_line(int y, int cols)
{
	int x = 0;
	while (x < cols) {
		attr_t at;
		short pr;
		if (!cell_at(newscr, y, x, &at, &pr) || !blank_invisible(at, pr)) {
			x++;
			continue;
		}
		int i = x;
		while (x < cols && cell_at(newscr, y, x, &at, &pr) && blank_invisible(at, pr))
			x++;
		attr_t ta = A_NORMAL;
		short tp = 0;
		bool set = x == cols;
		if (!set && i > 0) {
			cell_at(newscr, y, i - 1, &ta, &tp);
			set = blank_invisible(ta, tp);
		}
		if (!set) {
			cell_at(newscr, y, x, &ta, &tp);
			set = blank_invisible(ta, tp);
		}
		if (set)
			mvwchgat(newscr, y, i, x - i, ta, tp, NULL);
	}
}

/* A run of at least CLEAR_MIN plain blanks inside a line, over something
 * else on the terminal (a popup's empty rows over the panes): clearing to
 * the end of the line (3 bytes) and writing again what follows the run is
 * cheaper than sending every blank, and TERM=screen cannot erase part of a
 * line. */
#define CLEAR_MIN 12

static bool plain_blank(WINDOW *scr, int y, int x)
{
	attr_t at;
	short pr;
	return cell_at(scr, y, x, &at, &pr) && (at & ~A_COLOR) == A_NORMAL && pr == 0;
}

/* Where line y should be cleared to its end first, or -1. */
static int clear_from(int y, int cols)
{
	for (int x = 0; x < cols;) {
		if (!plain_blank(newscr, y, x)) {
			x++;
			continue;
		}
		int i = x, dirty = 0;
		for (; x < cols && plain_blank(newscr, y, x); x++)
			dirty += !plain_blank(curscr, y, x);
		if (x < cols && x - i >= CLEAR_MIN && dirty >= CLEAR_MIN)
			return i;
	}
	return -1;
}

/* Every cell from x to the end of line y is one column wide (a wide
 * character would not be put back whole by mvwadd_wchnstr). */
static bool narrow_tail(int y, int x, int cols)
{
	for (; x < cols; x++) {
		cchar_t c;
		wchar_t wch[CCHARW_MAX + 1];
		attr_t at;
		short pr;
		if (mvwin_wch(newscr, y, x, &c) == ERR || getcchar(&c, wch, &at, &pr, NULL) == ERR ||
		    compat_wcwidth(wch[0]) != 1)
			return false;
	}
	return true;
}

/* Clear the lines that gain by it (see CLEAR_MIN) in a first doupdate;
 * the second one, ui_doupdate's own, writes what follows the blanks. */
static void clear_blank_runs(int rows, int cols)
{
	cchar_t **saved = xcalloc((size_t)rows, sizeof *saved);
	int *from = xcalloc((size_t)rows, sizeof *from);
	bool any = false;
	cchar_t blank;
	setcchar(&blank, L" ", A_NORMAL, 0, NULL);
	for (int y = 0; y < rows; y++) {
		saved[y] = NULL;
		from[y] = is_linetouched(newscr, y) ? clear_from(y, cols) : -1;
		if (from[y] < 0 || !narrow_tail(y, from[y], cols))
			continue;
		int n = cols - from[y];
		saved[y] = xcalloc((size_t)n + 1, sizeof **saved);
		mvwin_wchnstr(newscr, y, from[y], saved[y], n);
		mvwhline_set(newscr, y, from[y], &blank, n);
		any = true;
	}
	if (any) {
		bool leave = is_leaveok(newscr);
		leaveok(newscr, TRUE); /* no cursor move between the two */
		doupdate();
		leaveok(newscr, leave);
	}
	for (int y = 0; y < rows; y++) {
		if (!saved[y])
			continue;
		mvwadd_wchnstr(newscr, y, from[y], saved[y], cols - from[y]);
		free(saved[y]);
	}
	free(saved);
	free(from);
}

/* Whether the terminal's cursor shows (a field being typed in): while it
 * does not, no update ends by moving it back to a window's cursor (9 bytes
 * a key, for a cursor no one sees). */
static bool cursor_shown = true;

void ui_cursor(bool on)
{
	if (on != cursor_shown)
		curs_set(on ? 1 : 0);
	cursor_shown = on;
}

void ui_doupdate_raw(void)
{
	if (!cursor_shown)
		leaveok(newscr, TRUE); /* wnoutrefresh gives newscr the window's own */
	doupdate();
}

void ui_doupdate(void)
{
	int cy, cx;
	getyx(newscr, cy, cx);
	int rows = getmaxy(newscr), cols = getmaxx(newscr);
	for (int y = 0; y < rows; y++)
		if (is_linetouched(newscr, y))
			tidy_line(y, cols);
	clear_blank_runs(rows, cols);
	wmove(newscr, cy, cx);
	ui_doupdate_raw();
}
