/* SPDX-License-Identifier: MIT */
/* The text-editing core behind form fields: UTF-8 text, a cursor and a clerk's edits. */
#ifndef TIENDO_EDITBUF_H
#define TIENDO_EDITBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The text is kept NFC and the cursor on a character-cluster boundary (a
 * base letter with its combining marks is one cluster). Fill it with
 * eb_init; the UI may read every field and may set cur (eb_set_cursor
 * snaps a position to a cluster boundary), multiline and max_bytes. */
struct editbuf {
	char *s;            /* UTF-8 text, NUL-terminated, never NULL after eb_init */
	size_t len, cap;
	size_t cur;         /* cursor: byte offset, always on a cluster boundary */
	bool multiline;     /* Enter inserts a line break */
	size_t max_bytes;   /* refuse insertions beyond this; 0: no limit */
	bool changed;       /* set by every modification */
	const char *why;    /* why the last refused insertion was refused: an untranslated
			     * N_() string for tr(), or NULL */
	size_t goal_col;    /* private: the column Up/Down aim for ... */
	size_t goal_at;     /* ... while the cursor is still here (SIZE_MAX: none) */
};

/* Start with text (made NFC; see eb_set), the cursor at its end, changed false. */
void eb_init(struct editbuf *b, const char *text, bool multiline, size_t max_bytes);
void eb_free(struct editbuf *b);
/* Replace all the text (NULL means ""), cursor at the end. The text is kept
 * even beyond max_bytes; bad bytes become '?', stray control characters a
 * space. changed is set when the text differs from before. */
void eb_set(struct editbuf *b, const char *text);

/* Insert n bytes at the cursor and put the cursor after them. False, with
 * b->why set, if refused: invalid UTF-8, a control character (a line break
 * is allowed in multi-line buffers, CR LF and CR becoming LF), or a result
 * longer than max_bytes. A combining mark joins the cluster before it. */
bool eb_insert(struct editbuf *b, const char *utf8, size_t n);
bool eb_insert_cp(struct editbuf *b, uint32_t cp);

/* Cursor moves by character cluster, never inside one. */
void eb_left(struct editbuf *b);
void eb_right(struct editbuf *b);
/* Words are runs of letters (any Unicode letter, with its marks); everything
 * else separates them. Left goes to the start of the word before the cursor,
 * right to the end of the word after it (like readline). */
void eb_word_left(struct editbuf *b);
void eb_word_right(struct editbuf *b);
/* Start and end of the current line. */
void eb_home(struct editbuf *b);
void eb_end(struct editbuf *b);
/* Multi-line: to the line above/below, at the same display column (kept
 * across short lines while only Up/Down are pressed) or its end. False,
 * without moving, on the first/last line. */
bool eb_up(struct editbuf *b);
bool eb_down(struct editbuf *b);
/* Put the cursor at byte offset pos, moved back to a cluster boundary. */
void eb_set_cursor(struct editbuf *b, size_t pos);

/* Deletions return false when there was nothing to delete. */
bool eb_backspace(struct editbuf *b);  /* the cluster before the cursor */
bool eb_delete(struct editbuf *b);     /* the cluster after the cursor */
/* Ctrl-W: the non-letters then the word before the cursor, within the line;
 * at the start of a line, the line break before it. */
bool eb_delete_word_before(struct editbuf *b);
/* Ctrl-K: to the end of the line; at the end of a line, its line break. */
bool eb_kill_to_eol(struct editbuf *b);
/* Ctrl-U: from the start of the line to the cursor. */
bool eb_kill_to_bol(struct editbuf *b);

/* A new NFC string holding the text. */
char *eb_text(const struct editbuf *b);
/* Number of lines: line breaks plus one. */
size_t eb_lines(const struct editbuf *b);
/* The cursor's line (from 0) and display column (utf8proc_charwidth; a tab
 * counts as one column). */
void eb_cursor_pos(const struct editbuf *b, size_t *line, size_t *col);

/* The word just before the cursor (letters only) as [start, cur): for the Telex composer. */
size_t eb_word_start(const struct editbuf *b);
/* Replace bytes [start, cur) by utf8 (NUL-terminated) and put the cursor
 * after it; false, with b->why set, when refused as eb_insert would, and
 * false when start > cur. */
bool eb_replace_before(struct editbuf *b, size_t start, const char *utf8);

#endif
