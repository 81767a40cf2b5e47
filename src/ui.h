/* SPDX-License-Identifier: MIT */
/* The terminal interface: the application state its panes share, and their common calls. */
#ifndef TIENDO_UI_H
#define TIENDO_UI_H

#include <signal.h>
#include <stdbool.h>

#include "keymap.h"
#include "session.h"
#include "telex.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

/* Returned by ui_getkey when a signal asks the program to stop. */
#define KEYC_SIGNAL (KEYC_BASE + 0x800)

struct app;
struct pane;
struct ui_list;

struct pane_ops {
	void (*draw)(struct app *a, struct pane *p);    /* paint what is dirty */
	bool (*key)(struct app *a, struct pane *p, enum action act, int key);
	void (*reload)(struct app *a, struct pane *p);  /* data changed: rebuild */
	void (*free)(struct pane *p);
};

struct pane {
	enum pane_id id;
	unsigned mask;       /* PANE_TASKS... for key lookup */
	WINDOW *win;         /* the body, under the title line */
	int y, x, h, w;      /* of the whole pane, title line included */
	bool dirty;          /* repaint all on the next draw */
	const struct pane_ops *ops;
	void *data;
	struct ui_list *list; /* the pane's list, scrolled by the terminal (ui_list.c); or NULL */
};

/* What a pane or a popup may ask of the interface around it (ui.c fills it
 * in): the panes never call into ui.c, so no pane depends on another. */
struct ui_host {
	void (*repaint)(struct app *a);    /* repaint what is dirty, one doupdate */
	void (*draw_dirty)(struct app *a); /* the same without the doupdate (under a popup) */
	void (*mark_dirty)(struct app *a); /* everything repaints next time */
	void (*reload)(struct app *a);     /* data changed: reread, mark everything dirty */
	void (*relayout)(struct app *a);   /* the terminal's size changed */
	/* the bottom line for a popup: the message if any, else the keys of mask */
	void (*hints)(struct app *a, unsigned mask);
};

struct app {
	const struct ui_host *host;
	struct session s;          /* the database and its plan (s.b: tasks, units...) */
	struct task_state *tstate; /* parallel to s.b.tasks.v */
	const struct unit_rec *unit; /* NULL: all units */
	struct period period;
	day_t today;
	struct keymap km;
	bool ascii, color, too_small, quit;
	int rows, cols;
	enum pane_id focus;
	struct pane panes[PANE_ID_COUNT];
	/* calendar and agenda share one corner (a short screen); slot: the one
	 * shown, or the one last gone to */
	bool shared_slot;
	enum pane_id slot;
	WINDOW *top, *bottom;
	char msg[300];
	bool msg_error;
	bool top_dirty, bottom_dirty;
	enum im_mode im;
	int jump_task; /* agenda asks the task list to select this task, or -1 */
	char *import_path; /* the folder or file last imported in this session */
	unsigned hint_mask; /* nonzero while a form owns the bottom line: its keys */
	bool hint_no_cycle; /* the form has no status or yes/no field: no "Status" key */
	/* a chooser keeps to rows choose_top to choose_end - 1 when they are
	 * set (the first-run screen's text above and its message below) */
	int choose_top, choose_end;
};

extern volatile sig_atomic_t ui_signal;

/* Entry point: run the interface on an open database. Returns an exit code. */
struct ui_options {
	bool ascii;
	bool utf8;       /* --utf8: UTF-8 even when the locale does not say so */
	bool ascii_auto; /* set by ui_run: no UTF-8 locale, ASCII chosen by itself */
	const char *keymap; /* name or path, NULL for the defaults */
	enum im_mode im;
};
int ui_run(const char *db_path, const struct ui_options *o);

/* Shared by the panes (ui_popup.c, ui_draw.c). */
int ui_getkey(struct app *a, WINDOW *w);
void ui_message(struct app *a, bool error, const char *fmt, ...) TIENDO_PRINTF(3, 4);
bool ui_confirm(struct app *a, const char *question);
void ui_pane_title(struct app *a, struct pane *p, const char *title, const char *right);
const char *ui_unit_short(const char *code);
/* A choice from a list of lines (type to filter); returns the index or -1. */
int ui_choose(struct app *a, const char *title, const char *const *items, size_t n, size_t start);
/* The same; keep_last: the last item (such as "not in the list: add it")
 * stays whatever is typed, for when the filter finds nothing. */
int ui_choose_keep(struct app *a, const char *title, const char *const *items, size_t n, size_t start,
		   bool keep_last);
/* Choose a unit (not a group, not retired) in order (indexes into the
 * units), after a first line that chooses none (*out NULL); the cursor
 * starts on unit start_id. False when cancelled. */
bool ui_choose_unit(struct app *a, const char *title, const char *first, const size_t *order,
		    int64_t start_id, const struct unit_rec **out);

/* A key as a person reads it: "Ctrl+T", "Shift+Tab" in Vietnamese, the
 * keymap's own names (C-t, S-Tab) in English (ui_draw.c). */
void ui_key_label(int key, char *buf, size_t n);

/* Drawing text (ui_draw.c). */
int ui_width(const char *s);
/* Draw s at y,x in exactly width columns (cut or padded), with attr. */
void ui_put(struct app *a, WINDOW *w, int y, int x, int width, const char *s, attr_t attr);
/* Wrap s into lines of at most width columns; returns the number of lines. */
size_t ui_wrap(const char *s, int width, struct strvec *out);
/* One row of a table into out: each cell but the last padded to widths[i]
 * columns and two spaces; the last one wrapped in what is left of width
 * (continued under itself), or, without wrap, left whole on one line. */
void ui_columns(struct strvec *out, int width, const char *const *cells, const int *widths,
		size_t n, bool wrap);
/* Byte offset of the first character that does not fit in width columns. */
size_t ui_fit(const char *s, int width);
/* s cut to at most width columns, ending with the ellipsis ui_put draws
 * ("~" in ASCII mode) when cut. New string. */
char *ui_cut(struct app *a, const char *s, int width);
void ui_hline(struct app *a, WINDOW *w, int y, int x, int n);
/* The line-editing keys every text field shares (arrows, Home/End, Ctrl-A/E,
 * Backspace, Delete, Ctrl-D/W/U/K); false when k is none of them. */
struct editbuf;
bool ui_edit_key(struct editbuf *b, int k);
void ui_vline(struct app *a, WINDOW *w, int y, int x, int n);
void ui_box(struct app *a, WINDOW *w);
/* doupdate, sending fewer bytes: blanks whose attributes do not show take
 * the attributes of the text beside them (fewer attribute changes), and a
 * long run of blanks over other text is cleared to the end of its line
 * first, what follows it written again (ui_draw.c). */
void ui_doupdate(void);
/* doupdate, and no cursor move at its end while the cursor is hidden. */
void ui_doupdate_raw(void);
/* Show or hide the terminal's cursor (curs_set, remembered for ui_doupdate). */
void ui_cursor(bool on);

/* Colour pairs (when colours are on). */
enum { CP_NONE, CP_OVERDUE, CP_DONE, CP_TITLE, CP_MARK };
attr_t ui_attr(struct app *a, int pair);

/* The panes (ui_tasks.c, ui_indicators.c, ui_calendar.c). */
void ui_tasks_init(struct app *a, struct pane *p);
void ui_indicators_init(struct app *a, struct pane *p);
void ui_calendar_init(struct app *a, struct pane *p);
void ui_agenda_init(struct app *a, struct pane *p);
/* False for the calendar or the agenda while the other has the corner they share. */
bool ui_pane_shown(const struct app *a, enum pane_id id);
/* Select task index i in the task list and focus it. */
void ui_tasks_select(struct app *a, size_t i);

/* Popups: the entry forms (ui_form.c), the detail views and the help (ui_view.c). */
/* The progress form; true when an entry was saved (the caller moves on). */
bool ui_form_progress(struct app *a, size_t task);
void ui_form_indicator(struct app *a, size_t ind);
void ui_view_task(struct app *a, size_t task);
void ui_view_indicator(struct app *a, size_t ind);
void ui_help(struct app *a);
/* A page of lines that scrolls, in a box over the panes; a line starting
 * with '\x01' is a heading. ui_note: the same, as high as its lines. */
void ui_pager(struct app *a, const char *title, const struct strvec *lines);
void ui_note(struct app *a, const char *title, const struct strvec *lines);
/* Pages are built with these: "label: text" (or text) wrapped at width, and a heading. */
void ui_page_add(struct strvec *sv, int width, const char *label, const char *text);
void ui_page_heading(struct strvec *sv, const char *text);
/* A list in a popup with the cursor on line *cur (headings are skipped).
 * A key of one of mask's own actions closes it and returns that action
 * (Enter returns ACT_VIEW), with *cur the selected line; Esc returns ACT_NONE. */
enum action ui_popup_list(struct app *a, const char *title, const struct strvec *lines,
			  unsigned mask, size_t *cur);
/* The same for lines made for the screen's width (a table): a resize closes
 * it too, returning ACT_NONE with *resized set, for the caller to make its
 * lines again for the new size and show them. A line starting with '\x02'
 * goes on the row above it (never selected, kept in sight with it). */
enum action ui_popup_table(struct app *a, const char *title, const struct strvec *lines,
			   unsigned mask, size_t *cur, bool *resized);

/* The first-run screen (ui_firstrun.c): with curses started and no plan in
 * the database at db_path, choose a plan file and "my unit" and set the
 * database up. 0: done (the message line says what was done); -1: the clerk
 * left. */
int ui_firstrun(struct app *a, const char *db_path);
/* The plan files found in the usual folders (see ui_firstrun.c), full paths. */
void ui_find_plans(struct strvec *out);
/* Key P: a newer plan package, its changes shown before they are applied. */
void ui_plan_update(struct app *a);

/* Exchange by file (ui_exchange.c) and the units (ui_units.c). */
void ui_export(struct app *a);
void ui_import(struct app *a);
void ui_reports(struct app *a);
void ui_conflicts(struct app *a);
void ui_units(struct app *a);
/* Type the character k into eb through the input method (Telex, VNI) when one
 * is on; false when the editor refused it (its why says so). */
struct editbuf;
bool ui_type(struct app *a, struct editbuf *eb, int k);
/* A one-line prompt in the bottom line; returns the new text or NULL on Esc.
 * Ctrl-T switches the input method there too. */
char *ui_prompt(struct app *a, const char *label, const char *initial);
/* The same for a code or a period: typed as it is, without the input method. */
char *ui_prompt_plain(struct app *a, const char *label, const char *initial);

#endif
