/* SPDX-License-Identifier: MIT */
/* What every pane and popup of the interface shares and that needs no pane: reading a
 * key, the message line, a yes/no question, a one-line prompt, a choice from a list. */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "editbuf.h"
#include "msg.h"
#include "text.h"
#include "ui.h"
#include "viqr.h"

/* Has the terminal changed size without curses being told? A SIGWINCH that
 * comes between curses' check and its read (a busy or loaded machine, a
 * slow link) is otherwise seen only at the next key. Then curses is told. */
static bool missed_resize(void)
{
	int rows, cols;
	if (!compat_term_size(&rows, &cols) || !is_term_resized(rows, cols))
		return false;
	resize_term(rows, cols);
	clearok(curscr, TRUE); /* what the terminal shows is unknown */
	return true;
}

int ui_getkey(struct app *a, WINDOW *w)
{
	/* wake up once a second to look at the terminal's size (no output) */
	wtimeout(w, 1000);
	for (;;) {
		if (ui_signal)
			return KEYC_SIGNAL;
		if (missed_resize()) {
			a->host->relayout(a);
			return KEYC_RESIZE;
		}
		wint_t ch;
		errno = 0;
		int r = wget_wch(w, &ch);
		if (r == ERR) {
			if (ui_signal)
				return KEYC_SIGNAL;
			/* a signal, or the second without a key: look again */
			if (errno == EINTR || compat_tty_alive())
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
				a->host->relayout(a);
				return KEYC_RESIZE;
			default:
				if (ch >= KEY_F(1) && ch <= KEY_F(12))
					return KEYC_F((int)(ch - KEY_F0));
				if (compat_key_char((int)ch) > 0)
					return compat_key_char((int)ch); /* a letter typed on Windows */
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

bool ui_confirm(struct app *a, const char *question)
{
	char buf[400];
	snprintf(buf, sizeof buf, "%s %s", question, tr("(y/n)"));
	for (;;) {
		/* asked again after a resize (the screen is repainted behind it) */
		ui_put(a, a->bottom, 0, 0, a->cols - 1, buf, A_BOLD | A_REVERSE);
		wnoutrefresh(a->bottom);
		ui_doupdate();
		int k = ui_getkey(a, a->bottom);
		if (k == KEYC_RESIZE) {
			a->host->repaint(a);
			continue;
		}
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

/* The one-line prompt; plain: what is typed goes in as it is, without the
 * input method (a code or a period, where Telex made "MYX" into "MỸ"). */
static char *prompt(struct app *a, const char *label, const char *initial, bool plain)
{
	struct editbuf b;
	eb_init(&b, initial ? initial : "", false, 200);
	int lw = ui_width(label) + 1;
	char *result = NULL;
	ui_cursor(true);
	for (;;) {
		/* the input method (Ctrl-T) types here as in a form, and shows */
		enum im_mode im = plain ? IM_OFF : a->im;
		const char *mark = im == IM_TELEX ? "[TELEX] " : im == IM_VNI ? "[VNI] " : "";
		int mw = ui_width(mark);
		lw = ui_width(label) + 1 + mw;
		ui_put(a, a->bottom, 0, 0, mw, mark, A_BOLD | A_REVERSE);
		ui_put(a, a->bottom, 0, mw, lw - mw, label, A_BOLD);
		size_t line, col, *map = NULL;
		eb_cursor_pos(&b, &line, &col);
		/* ASCII mode: what was typed in VIQR, its tones readable */
		char *viqr = a->ascii ? text_viqr(b.s, &map) : NULL;
		if (viqr)
			col = map[b.cur];
		int room = a->cols - 1 - lw;
		int shift = (int)col >= room ? (int)col - room + 1 : 0;
		const char *shown = viqr ? viqr : b.s;
		for (int s = shift; s > 0 && *shown;) {
			size_t k = ui_fit(shown, 1);
			if (!k)
				k = 1;
			shown += k;
			s--;
		}
		ui_put(a, a->bottom, 0, lw, room, shown, A_NORMAL);
		free(viqr);
		free(map);
		wmove(a->bottom, 0, lw + (int)col - shift);
		wnoutrefresh(a->bottom);
		ui_doupdate();
		int k = ui_getkey(a, a->bottom);
		if (k == KEYC_SIGNAL || k == KEYC_ESC || k == KEYC_CTRL('g'))
			break;
		if (k == KEYC_ENTER) {
			result = eb_text(&b);
			break;
		}
		if (ui_edit_key(&b, k))
			continue;
		if (k == KEYC_RESIZE)
			a->host->repaint(a);
		else if (keymap_lookup(&a->km, PANE_FORM, k) == ACT_INPUT_METHOD && !plain)
			a->im = (enum im_mode)((a->im + 1) % IM_MODE_COUNT);
		else if (k >= 0x20 && k < KEYC_BASE && k != 0x7f && plain)
			eb_insert_cp(&b, (uint32_t)k);
		else if (k >= 0x20 && k < KEYC_BASE && k != 0x7f)
			ui_type(a, &b, k);
	}
	ui_cursor(false);
	eb_free(&b);
	a->bottom_dirty = true;
	return result;
}

char *ui_prompt(struct app *a, const char *label, const char *initial)
{
	return prompt(a, label, initial, false);
}

char *ui_prompt_plain(struct app *a, const char *label, const char *initial)
{
	return prompt(a, label, initial, true);
}

/* The items whose folded text matches the folded filter, into shown; their
 * number. keep_last: the last item is shown whatever the filter. */
static size_t choose_filter(const char *const *items, size_t n, const char *filter, size_t *shown,
			    bool keep_last)
{
	char *ff = text_fold(filter);
	size_t ns = 0;
	for (size_t i = 0; i < n; i++) {
		char *fi = text_fold(items[i]);
		if (text_match(fi, ff) || (keep_last && i + 1 == n))
			shown[ns++] = i;
		free(fi);
	}
	free(ff);
	return ns;
}

/* The chooser's window: its title, the shown items from top, the filter. */
static void choose_draw(struct app *a, WINDOW *win, const char *title, const char *const *items,
			const size_t *shown, size_t ns, size_t cur, size_t top, const char *filter)
{
	int h, w;
	getmaxyx(win, h, w);
	int body = h - 3;
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
}

/* The chooser's window for n items on the screen as it is now; NULL when
 * the screen is too small. */
static WINDOW *choose_window(struct app *a, size_t n)
{
	if (a->too_small)
		return NULL;
	int h = a->rows - 6, w = a->cols - 16;
	if (h > (int)n + 4)
		h = (int)n + 4;
	if (h < 6)
		h = 6;
	int y = (a->rows - h) / 2, end = a->choose_end ? a->choose_end : a->rows - 1;
	if (a->choose_top && end - a->choose_top >= 6) {
		/* between the texts on the screen, shorter if need be */
		if (h > end - a->choose_top)
			h = end - a->choose_top;
		y = a->choose_top + (end - a->choose_top - h) / 2;
	}
	WINDOW *win = newwin(h, w, y, 8);
	if (win)
		keypad(win, TRUE);
	return win;
}

/* Move the chooser's cursor for a key; false when the key is not a move. */
static bool choose_move(enum action act, int k, size_t body, size_t ns, size_t *cur)
{
	if (act == ACT_UP || k == KEYC_UP) {
		if (*cur > 0)
			(*cur)--;
	} else if (act == ACT_DOWN || k == KEYC_DOWN) {
		if (*cur + 1 < ns)
			(*cur)++;
	} else if (act == ACT_PAGE_UP) {
		*cur = *cur > body ? *cur - body : 0;
	} else if (act == ACT_PAGE_DOWN) {
		*cur = *cur + body < ns ? *cur + body : (ns ? ns - 1 : 0);
	} else {
		return false;
	}
	return true;
}

int ui_choose(struct app *a, const char *title, const char *const *items, size_t n, size_t start)
{
	return ui_choose_keep(a, title, items, n, start, false);
}

int ui_choose_keep(struct app *a, const char *title, const char *const *items, size_t n, size_t start,
		   bool keep_last)
{
	WINDOW *win = choose_window(a, n);
	char *filter = xstrdup("");
	size_t *shown = xmalloc((n ? n : 1) * sizeof *shown);
	size_t ns = 0, cur = 0, top = 0;
	int result = -1;
	bool refilter = true;
	for (;;) {
		if (refilter) {
			ns = choose_filter(items, n, filter, shown, keep_last);
			cur = 0;
			for (size_t i = 0; i < ns; i++)
				if (shown[i] == start)
					cur = i;
			top = 0;
			refilter = false;
		}
		int body = win ? getmaxy(win) - 3 : 1;
		if (cur < top)
			top = cur;
		if (cur >= top + (size_t)body)
			top = cur - (size_t)body + 1;
		if (win) {
			choose_draw(a, win, title, items, shown, ns, cur, top, filter);
			wnoutrefresh(win);
			ui_doupdate();
		} else {
			a->host->repaint(a); /* says the terminal is too small */
		}
		int k = ui_getkey(a, win ? win : stdscr);
		enum action act = keymap_lookup(&a->km, PANE_POPUP, k);
		if (k == KEYC_SIGNAL || act == ACT_CANCEL || k == KEYC_ESC)
			break;
		if (k == KEYC_RESIZE) {
			/* made again for the new size, over the repainted screen */
			if (win)
				delwin(win);
			a->host->repaint(a);
			win = choose_window(a, n);
			continue;
		}
		if (!win)
			continue;
		if (k == KEYC_ENTER) {
			if (ns) {
				result = (int)shown[cur];
				break;
			}
			continue; /* nothing matches: the footer says so; not a cancel */
		}
		if (choose_move(act, k, (size_t)body, ns, &cur))
			continue;
		if (k == KEYC_BACKSPACE) {
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
	if (win)
		delwin(win);
	a->host->mark_dirty(a);
	touchwin(stdscr);
	return result;
}

bool ui_choose_unit(struct app *a, const char *title, const char *first, const size_t *order,
		    int64_t start_id, const struct unit_rec **out)
{
	const struct unit_set *us = &a->s.b.units;
	size_t n = 0, start = 0;
	char **owned = xmalloc((us->n + 1) * sizeof *owned);
	const struct unit_rec **map = xmalloc((us->n + 1) * sizeof *map);
	owned[n] = xstrdup(first);
	map[n++] = NULL;
	for (size_t k = 0; k < us->n; k++) {
		const struct unit_rec *u = &us->v[order[k]];
		if (u->kind == UNIT_GROUP || u->retired)
			continue;
		struct strbuf b = {0};
		sb_addf(&b, "%-16s %s", u->code, u->name);
		owned[n] = sb_take(&b);
		if (u->id == start_id)
			start = n;
		map[n++] = u;
	}
	int r = ui_choose(a, title, (const char *const *)owned, n, start);
	if (r >= 0)
		*out = map[r];
	for (size_t i = 0; i < n; i++)
		free(owned[i]);
	free(owned);
	free(map);
	return r >= 0;
}

