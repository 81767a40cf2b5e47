/* SPDX-License-Identifier: MIT */
/* The text-editing core behind form fields: UTF-8 text, a cursor and a clerk's edits.
 *
 * Design. The buffer always holds NFC text without CR, and the cursor always
 * sits on a grapheme-cluster boundary (utf8proc's rules), so a letter and its
 * marks are moved over and deleted as one. Every public function first snaps
 * the cursor (the UI may have set it by hand).
 *
 * Every edit goes through eb_splice(), which replaces [from, to) and then
 * re-normalises a small window: the cluster before `from`, the new text and
 * the cluster after `to`. That is where composition can happen: "a" followed
 * by a typed U+0301 becomes "á", "ạ" + U+0302 becomes "ậ", and removing a
 * line break can join a stray mark to the letter before it. Outside the
 * window nothing can compose, since a cluster boundary falls before a
 * starter. The cursor goes after the new text, or after the following
 * cluster if the new text merged into it.
 *
 * Finding the cluster before a position needs a point to scan forward from.
 * Rather than the line start (a one-line field may hold 60,000 bytes), we go
 * back to the nearest ASCII byte preceded by an ASCII byte: no grapheme rule
 * joins two ASCII characters other than CR LF, which the buffer never holds,
 * so that is always a boundary, and Vietnamese text has a space every few
 * bytes. */
#include "editbuf.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "msg.h"
#include "text.h"
#include "util.h"

#define EB_NO_GOAL SIZE_MAX

/* Decode the code point at pos (pos < len); a bad byte reads as U+FFFD, one byte long. */
static size_t eb_decode(const char *s, size_t len, size_t pos, int32_t *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + pos,
					      (utf8proc_ssize_t)(len - pos), &c);
	if (k <= 0) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return (size_t)k;
}

/* The end of the cluster that starts at pos. */
static size_t eb_next_boundary(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	utf8proc_int32_t state = 0;
	int32_t prev, c;
	size_t i = pos + eb_decode(s, len, pos, &prev);
	while (i < len) {
		size_t k = eb_decode(s, len, i, &c);
		if (utf8proc_grapheme_break_stateful(prev, c, &state))
			break;
		prev = c;
		i += k;
	}
	return i;
}

/* A cluster boundary before pos (pos > 0) to scan forward from: see the design note. */
static size_t eb_restart(const char *s, size_t pos)
{
	size_t i = pos;
	while (i > 1) {
		i--;
		if ((unsigned char)s[i] < 0x80 && (unsigned char)s[i - 1] < 0x80)
			return i;
	}
	return 0;
}

/* The start of the cluster that ends at or contains pos - 1. */
static size_t eb_prev_boundary(const char *s, size_t len, size_t pos)
{
	if (pos == 0)
		return 0;
	size_t i = eb_restart(s, pos);
	for (;;) {
		size_t j = eb_next_boundary(s, len, i);
		if (j >= pos)
			return i;
		i = j;
	}
}

/* pos, or the cluster boundary before it when it falls inside a cluster. */
static size_t eb_snap(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	if (pos == 0)
		return 0;
	size_t i = eb_restart(s, pos);
	for (;;) {
		size_t j = eb_next_boundary(s, len, i);
		if (j == pos)
			return pos;
		if (j > pos)
			return i;
		i = j;
	}
}

/* Does the cluster at pos start with a letter? */
static bool eb_is_letter(const struct editbuf *b, size_t pos)
{
	if (pos >= b->len)
		return false;
	int32_t cp;
	eb_decode(b->s, b->len, pos, &cp);
	utf8proc_category_t cat = utf8proc_category(cp);
	return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

static size_t eb_line_start(const struct editbuf *b, size_t pos)
{
	while (pos > 0 && b->s[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t eb_line_end(const struct editbuf *b, size_t pos)
{
	const char *nl = memchr(b->s + pos, '\n', b->len - pos);
	return nl ? (size_t)(nl - b->s) : b->len;
}

/* Display width of [from, to), which holds no line break. */
static size_t eb_width(const struct editbuf *b, size_t from, size_t to)
{
	size_t w = 0;
	while (from < to) {
		int32_t cp;
		from += eb_decode(b->s, b->len, from, &cp);
		if (cp == '\t') {
			w++;
		} else {
			int cw = utf8proc_charwidth(cp);
			if (cw > 0)
				w += (size_t)cw;
		}
	}
	return w;
}

/* Every public function starts here: keep the cursor valid and, unless the
 * move is vertical, forget the Up/Down goal column. */
static void eb_prepare(struct editbuf *b, bool vertical)
{
	if (b->cur > b->len)
		b->cur = b->len;
	b->cur = eb_snap(b->s, b->len, b->cur);
	if (!vertical)
		b->goal_at = EB_NO_GOAL;
}

/* NFC of n bytes (valid UTF-8); *out_len receives its length. New string. */
static char *eb_nfc(const char *s, size_t n, size_t *out_len)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &out,
					  UTF8PROC_STABLE | UTF8PROC_COMPOSE);
	if (k < 0) {
		/* Only on invalid input or no memory: keep the bytes as they are. */
		*out_len = n;
		return xstrndup(s, n);
	}
	*out_len = (size_t)k;
	return (char *)out;
}

static void eb_reserve(struct editbuf *b, size_t need)
{
	void *p = b->s;
	xgrow(&p, &b->cap, need, 1);
	b->s = p;
}

/* Replace [from, to) (cluster boundaries, from <= to <= len) by ins[0..n)
 * (already checked), re-normalise around it, put the cursor after it.
 * False, with b->why set, if the result would pass max_bytes. */
static bool eb_splice(struct editbuf *b, size_t from, size_t to, const char *ins, size_t n)
{
	size_t p = eb_prev_boundary(b->s, b->len, from);
	size_t q = eb_next_boundary(b->s, b->len, to);

	struct strbuf w = {0};
	sb_addn(&w, b->s + p, from - p);
	sb_addn(&w, ins, n);
	size_t alen, mlen;
	char *a = eb_nfc(w.s, w.len, &alen);
	w.len = 0;
	sb_addn(&w, a, alen);
	sb_addn(&w, b->s + to, q - to);
	char *m = eb_nfc(w.s, w.len, &mlen);
	sb_free(&w);

	/* The cursor goes after the new text, or after the next cluster
	 * when the new text composed with it. */
	size_t cur = p + mlen;
	if (mlen >= alen && memcmp(m, a, alen) == 0)
		cur = p + alen;
	free(a);

	size_t old = q - p;
	size_t newlen = b->len - old + mlen;
	if (b->max_bytes && newlen > b->max_bytes && newlen > b->len) {
		free(m);
		b->why = N_("field too long");
		return false;
	}
	b->why = NULL;
	b->goal_at = EB_NO_GOAL;
	if (mlen == old && memcmp(m, b->s + p, old) == 0) {
		free(m);
		b->cur = cur;
		return true;
	}
	eb_reserve(b, newlen + 1);
	memmove(b->s + p + mlen, b->s + q, b->len - q + 1);
	memcpy(b->s + p, m, mlen);
	free(m);
	b->len = newlen;
	b->changed = true;
	/* New text ending in a joiner may have merged with the next cluster. */
	b->cur = eb_snap(b->s, b->len, cur);
	if (b->cur != cur)
		b->cur = eb_next_boundary(b->s, b->len, b->cur);
	return true;
}

/* Check text to insert; returns it with line breaks as LF (new string), or
 * NULL with b->why set. */
static char *eb_check(struct editbuf *b, const char *s, size_t n, size_t *out_len)
{
	if (!text_valid_utf8(s, n)) {
		b->why = N_("invalid UTF-8");
		return NULL;
	}
	struct strbuf o = {0};
	sb_addn(&o, "", 0);
	size_t i = 0;
	while (i < n) {
		int32_t cp;
		size_t k = eb_decode(s, n, i, &cp);
		if (cp == '\r' || cp == '\n') {
			if (!b->multiline) {
				b->why = N_("line break in a one-line field");
				goto fail;
			}
			if (cp == '\r' && i + 1 < n && s[i + 1] == '\n')
				k++;
			sb_addc(&o, '\n');
		} else if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC ||
			   cp == 0x2028 || cp == 0x2029) {
			b->why = N_("control character");
			goto fail;
		} else {
			sb_addn(&o, s + i, k);
		}
		i += k;
	}
	*out_len = o.len;
	return sb_take(&o);
fail:
	sb_free(&o);
	return NULL;
}

/* Make text fit the buffer's rules when text_clean refused it: bad bytes
 * become '?', line breaks in a one-line buffer and other controls a space. */
static char *eb_sanitize(const char *text, bool multiline)
{
	char *t = xstrdup(text);
	text_repair_utf8(t);
	struct strbuf o = {0};
	sb_addn(&o, "", 0);
	size_t n = strlen(t), i = 0;
	while (i < n) {
		int32_t cp;
		size_t k = eb_decode(t, n, i, &cp);
		if (cp == '\r' || cp == '\n') {
			if (cp == '\r' && t[i + 1] == '\n')
				k++;
			sb_addc(&o, multiline ? '\n' : ' ');
		} else if (cp != '\t' && (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC ||
					 cp == 0x2028 || cp == 0x2029)) {
			sb_addc(&o, ' ');
		} else {
			sb_addn(&o, t + i, k);
		}
		i += k;
	}
	free(t);
	size_t len;
	char *nfc = eb_nfc(o.s, o.len, &len);
	sb_free(&o);
	return nfc;
}

void eb_init(struct editbuf *b, const char *text, bool multiline, size_t max_bytes)
{
	memset(b, 0, sizeof *b);
	b->multiline = multiline;
	b->max_bytes = max_bytes;
	b->goal_at = EB_NO_GOAL;
	eb_set(b, text);
	b->changed = false;
}

void eb_free(struct editbuf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = b->cur = 0;
}

void eb_set(struct editbuf *b, const char *text)
{
	const char *why;
	if (!text)
		text = "";
	char *t = text_clean(text, b->multiline ? TEXT_MULTILINE : 0, &why);
	if (!t)
		t = eb_sanitize(text, b->multiline);
	size_t n = strlen(t);
	if (!b->s || n != b->len || memcmp(t, b->s, n) != 0)
		b->changed = true;
	eb_reserve(b, n + 1);
	memcpy(b->s, t, n + 1);
	free(t);
	b->len = n;
	b->cur = n;
	b->why = NULL;
	b->goal_at = EB_NO_GOAL;
}

bool eb_insert(struct editbuf *b, const char *utf8, size_t n)
{
	eb_prepare(b, false);
	size_t len;
	char *t = eb_check(b, utf8, n, &len);
	if (!t)
		return false;
	bool ok = eb_splice(b, b->cur, b->cur, t, len);
	free(t);
	return ok;
}

bool eb_insert_cp(struct editbuf *b, uint32_t cp)
{
	utf8proc_uint8_t u[4];
	if (cp > 0x10FFFF || !utf8proc_codepoint_valid((utf8proc_int32_t)cp)) {
		b->why = N_("invalid character");
		return false;
	}
	utf8proc_ssize_t k = utf8proc_encode_char((utf8proc_int32_t)cp, u);
	return eb_insert(b, (const char *)u, (size_t)k);
}

void eb_left(struct editbuf *b)
{
	eb_prepare(b, false);
	b->cur = eb_prev_boundary(b->s, b->len, b->cur);
}

void eb_right(struct editbuf *b)
{
	eb_prepare(b, false);
	b->cur = eb_next_boundary(b->s, b->len, b->cur);
}

/* The start of the word before pos, after skipping the non-letters before
 * it, going no further back than stop. */
static size_t eb_word_back(const struct editbuf *b, size_t pos, size_t stop)
{
	while (pos > stop) {
		size_t p = eb_prev_boundary(b->s, b->len, pos);
		if (eb_is_letter(b, p))
			break;
		pos = p;
	}
	while (pos > stop) {
		size_t p = eb_prev_boundary(b->s, b->len, pos);
		if (!eb_is_letter(b, p))
			break;
		pos = p;
	}
	return pos;
}

void eb_word_left(struct editbuf *b)
{
	eb_prepare(b, false);
	b->cur = eb_word_back(b, b->cur, 0);
}

void eb_word_right(struct editbuf *b)
{
	eb_prepare(b, false);
	size_t pos = b->cur;
	while (pos < b->len && !eb_is_letter(b, pos))
		pos = eb_next_boundary(b->s, b->len, pos);
	while (pos < b->len && eb_is_letter(b, pos))
		pos = eb_next_boundary(b->s, b->len, pos);
	b->cur = pos;
}

void eb_home(struct editbuf *b)
{
	eb_prepare(b, false);
	b->cur = eb_line_start(b, b->cur);
}

void eb_end(struct editbuf *b)
{
	eb_prepare(b, false);
	b->cur = eb_line_end(b, b->cur);
}

/* Move to the line starting at ls, at the goal column or its end. */
static void eb_to_column(struct editbuf *b, size_t ls)
{
	size_t le = eb_line_end(b, ls), pos = ls, col = 0;
	while (pos < le) {
		size_t nb = eb_next_boundary(b->s, b->len, pos);
		size_t w = eb_width(b, pos, nb);
		if (col + w > b->goal_col)
			break;
		col += w;
		pos = nb;
	}
	b->cur = pos;
	b->goal_at = pos;
}

/* Remember the column Up/Down aim for, unless the last move was Up/Down. */
static void eb_set_goal(struct editbuf *b)
{
	if (b->goal_at == b->cur)
		return;
	size_t ls = eb_line_start(b, b->cur);
	b->goal_col = eb_width(b, ls, b->cur);
}

bool eb_up(struct editbuf *b)
{
	eb_prepare(b, true);
	size_t ls = eb_line_start(b, b->cur);
	if (ls == 0)
		return false;
	eb_set_goal(b);
	eb_to_column(b, eb_line_start(b, ls - 1));
	return true;
}

bool eb_down(struct editbuf *b)
{
	eb_prepare(b, true);
	size_t le = eb_line_end(b, b->cur);
	if (le == b->len)
		return false;
	eb_set_goal(b);
	eb_to_column(b, le + 1);
	return true;
}

void eb_set_cursor(struct editbuf *b, size_t pos)
{
	b->cur = pos;
	eb_prepare(b, false);
}

/* Delete [from, to); false if empty. */
static bool eb_cut(struct editbuf *b, size_t from, size_t to)
{
	if (from >= to)
		return false;
	return eb_splice(b, from, to, "", 0);
}

bool eb_backspace(struct editbuf *b)
{
	eb_prepare(b, false);
	return eb_cut(b, eb_prev_boundary(b->s, b->len, b->cur), b->cur);
}

bool eb_delete(struct editbuf *b)
{
	eb_prepare(b, false);
	return eb_cut(b, b->cur, eb_next_boundary(b->s, b->len, b->cur));
}

bool eb_delete_word_before(struct editbuf *b)
{
	eb_prepare(b, false);
	size_t ls = eb_line_start(b, b->cur);
	if (b->cur == ls)
		return eb_cut(b, ls ? ls - 1 : 0, ls);
	return eb_cut(b, eb_word_back(b, b->cur, ls), b->cur);
}

bool eb_kill_to_eol(struct editbuf *b)
{
	eb_prepare(b, false);
	size_t le = eb_line_end(b, b->cur);
	if (le == b->cur && le < b->len)
		le++;
	return eb_cut(b, b->cur, le);
}

bool eb_kill_to_bol(struct editbuf *b)
{
	eb_prepare(b, false);
	return eb_cut(b, eb_line_start(b, b->cur), b->cur);
}

char *eb_text(const struct editbuf *b)
{
	size_t n;
	return eb_nfc(b->s, b->len, &n);
}

size_t eb_lines(const struct editbuf *b)
{
	size_t n = 1;
	for (const char *p = b->s; (p = memchr(p, '\n', b->len - (size_t)(p - b->s))); p++)
		n++;
	return n;
}

void eb_cursor_pos(const struct editbuf *b, size_t *line, size_t *col)
{
	size_t cur = b->cur > b->len ? b->len : b->cur;
	size_t n = 0;
	for (const char *p = b->s; (p = memchr(p, '\n', cur - (size_t)(p - b->s))); p++)
		n++;
	*line = n;
	*col = eb_width(b, eb_line_start(b, cur), cur);
}

size_t eb_word_start(const struct editbuf *b)
{
	size_t cur = eb_snap(b->s, b->len, b->cur > b->len ? b->len : b->cur);
	while (cur > 0) {
		size_t p = eb_prev_boundary(b->s, b->len, cur);
		if (!eb_is_letter(b, p))
			break;
		cur = p;
	}
	return cur;
}

bool eb_replace_before(struct editbuf *b, size_t start, const char *utf8)
{
	eb_prepare(b, false);
	if (start > b->cur) {
		b->why = NULL;
		return false;
	}
	start = eb_snap(b->s, b->len, start);
	size_t len;
	char *t = eb_check(b, utf8, strlen(utf8), &len);
	if (!t)
		return false;
	bool ok = eb_splice(b, start, b->cur, t, len);
	free(t);
	return ok;
}
