/* SPDX-License-Identifier: MIT */
/* The task pane: the plan's tasks by section, with status, progress, lead unit and due date;
 * search that ignores case and diacritics, filters, and an order by title. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "collate.h"
#include "humanfmt.h"
#include "msg.h"
#include "progress.h"
#include "text.h"
#include "ui.h"
#include "ui_list.h"

enum sfilter { SF_ALL, SF_NOT_STARTED, SF_IN_PROGRESS, SF_DONE, SF_BLOCKED, SF_NO_ENTRY, SF_COUNT };

struct row {
	bool section;
	size_t idx; /* task index, or index of its first task for a section */
};

struct tasks {
	struct ui_list list;
	struct row *rows;
	size_t n_rows, cap_rows;
	char **folded; /* per task: folded code, title and text, for search (made on first use) */
	size_t n_folded;
	char *search;  /* folded needle of the last search */
	enum sfilter status;
	bool overdue_only;
	char *lead, *section; /* codes, NULL for all */
	bool by_title; /* else plan order, by section */
	size_t *order; /* by_title: task indexes in Vietnamese order of titles */
	int status_w;  /* columns of the status field: 5, wider for "718/3311" */
	int due_w;     /* columns of the due date: 5, 10 when one is in another year */
};

static const char *sfilter_label(enum sfilter f)
{
	switch (f) {
	case SF_NOT_STARTED: return tr("not started");
	case SF_IN_PROGRESS: return tr("in progress");
	case SF_DONE: return tr("done");
	case SF_BLOCKED: return tr("blocked");
	case SF_NO_ENTRY: return tr("nothing entered");
	default: return tr("all");
	}
}

static bool row_selectable(void *ctx, size_t row)
{
	struct tasks *t = ctx;
	return !t->rows[row].section;
}

static bool passes(struct app *a, struct tasks *t, size_t i)
{
	const struct task_rec *tr_ = &a->s.b.tasks.v[i];
	const struct task_state *s = &a->tstate[i];
	if (!s->assigned)
		return false;
	if (t->overdue_only && !s->overdue)
		return false;
	if (t->section && strcmp(tr_->section, t->section) != 0)
		return false;
	if (t->lead) {
		bool found = false;
		struct strvec sv = {0};
		sv_split_ws(&sv, tr_->lead);
		found = sv_contains(&sv, t->lead);
		sv_free(&sv);
		if (!found)
			return false;
	}
	if (t->status == SF_ALL)
		return true;
	if (!a->unit) /* all units: the status filter means "some unit is ..." only for done */
		return t->status == SF_DONE ? s->done > 0 : t->status == SF_NO_ENTRY ? s->done == 0 : true;
	switch (t->status) {
	case SF_NO_ENTRY: return !s->has_entry;
	case SF_NOT_STARTED: return !s->has_entry || s->status == STATUS_NOT_STARTED;
	case SF_IN_PROGRESS: return s->has_entry && s->status == STATUS_IN_PROGRESS;
	case SF_DONE: return s->has_entry && s->status == STATUS_DONE;
	default: return s->has_entry && s->status == STATUS_BLOCKED;
	}
}

/* Sort the titles again (the tasks were reloaded, or the order changed). */
static void sort_titles(struct app *a, struct tasks *t)
{
	free(t->order);
	t->order = NULL;
	if (!t->by_title)
		return;
	const char **titles = xmalloc((a->s.b.tasks.n ? a->s.b.tasks.n : 1) * sizeof *titles);
	for (size_t i = 0; i < a->s.b.tasks.n; i++)
		titles[i] = a->s.b.tasks.v[i].title;
	t->order = collate_order(titles, a->s.b.tasks.n);
	free(titles);
}

/* The rows: in plan order under section headings, or by title without them. */
static void rebuild(struct app *a, struct tasks *t)
{
	size_t keep = t->n_rows && t->list.cur < t->n_rows ? t->rows[t->list.cur].idx : (size_t)-1;
	t->n_rows = 0;
	const char *last_section = NULL;
	for (size_t k = 0; k < a->s.b.tasks.n; k++) {
		size_t i = t->order ? t->order[k] : k;
		if (!passes(a, t, i))
			continue;
		const char *sec = a->s.b.tasks.v[i].section;
		xgrow((void **)&t->rows, &t->cap_rows, t->n_rows + 2, sizeof *t->rows);
		if (!t->order && (!last_section || strcmp(last_section, sec) != 0)) {
			t->rows[t->n_rows++] = (struct row){true, i};
			last_section = sec;
		}
		t->rows[t->n_rows++] = (struct row){false, i};
	}
	t->list.n = t->n_rows;
	size_t cur = 0;
	for (size_t r = 0; r < t->n_rows; r++)
		if (!t->rows[r].section && t->rows[r].idx == keep)
			cur = r;
	ui_list_set(&t->list, cur);
}

/* The folded texts are made on the first search, not at every start. */
static void fold_all(struct app *a, struct tasks *t)
{
	for (size_t i = 0; i < t->n_folded; i++)
		free(t->folded[i]);
	free(t->folded);
	t->n_folded = a->s.b.tasks.n;
	t->folded = xcalloc(t->n_folded ? t->n_folded : 1, sizeof *t->folded);
}

/* Task i's folded code, title and text. */
static const char *folded(struct app *a, struct tasks *t, size_t i)
{
	if (!t->folded[i])
		t->folded[i] = task_search_text(&a->s.b.tasks.v[i]);
	return t->folded[i];
}

/* The due column: "2026" for the end of a year, "30/06" in the period's
 * year (the header shows it), "30/06/2027" in another; its width. */
static int due_text(struct app *a, const struct task_rec *tk, char due[DAY_SHOWN_BUF])
{
	int yy, mm, dd, py;
	if (tk->tf.kind == TF_RECURRING) {
		snprintf(due, DAY_SHOWN_BUF, "%s", tr("rec."));
		return ui_width(due);
	}
	if (tk->tf.kind != TF_DUE) {
		due[0] = '\0';
		return 0;
	}
	date_to_ymd(tk->tf.date, &yy, &mm, &dd);
	if (mm == 12 && dd == 31) {
		snprintf(due, DAY_SHOWN_BUF, "%04d", yy % 10000);
		return 4;
	}
	date_to_ymd(period_end(&a->period), &py, &mm, &dd);
	return fmt_day_in_year(tk->tf.date, py, due);
}

static void draw_row(struct app *a, void *ctx, WINDOW *w, int y, size_t row, bool selected)
{
	struct tasks *t = ctx;
	const struct row *r = &t->rows[row];
	const struct task_rec *tk = &a->s.b.tasks.v[r->idx];
	int width = a->panes[PANE_ID_TASKS].w;
	if (r->section) {
		char buf[400];
		snprintf(buf, sizeof buf, "%s %s", tk->section, tk->section_title);
		ui_put(a, w, y, 0, width, buf, A_BOLD);
		return;
	}
	const struct task_state *s = &a->tstate[r->idx];
	attr_t base = s->overdue ? ui_attr(a, CP_OVERDUE) : A_NORMAL;
	char st[32], pct[16], due[DAY_SHOWN_BUF], lead[48];
	if (a->unit) {
		const char *mark = !s->has_entry ? "[ ]" : s->status == STATUS_DONE ? "[x]"
					: s->status == STATUS_IN_PROGRESS ? "[~]"
					: s->status == STATUS_BLOCKED ? "[#]" : "[ ]";
		snprintf(st, sizeof st, "%s", mark);
		if (s->percent >= 0)
			snprintf(pct, sizeof pct, "%3d%%", s->percent);
		else
			snprintf(pct, sizeof pct, "   -");
	} else {
		snprintf(st, sizeof st, "%d/%d", s->done, s->units);
		if (s->units)
			snprintf(pct, sizeof pct, "%3d%%", 100 * s->done / s->units);
		else
			snprintf(pct, sizeof pct, "   -");
	}
	due_text(a, tk, due);
	const char *sp = strchr(tk->lead, ' ');
	size_t ll = sp ? (size_t)(sp - tk->lead) : strlen(tk->lead);
	char first[40];
	snprintf(first, sizeof first, "%.*s", (int)(ll < 39 ? ll : 39), tk->lead);
	snprintf(lead, sizeof lead, "%s%s", ui_unit_short(first), sp ? "+" : "");

	/* mark(1) code(7) sp status(5) pct(4) sp title sp lead(7) sp due(5) */
	int x = 0;
	attr_t sel = selected ? A_REVERSE : A_NORMAL;
	/* bold only on the "!": a bold blank costs an attribute change */
	ui_put(a, w, y, x, 1, s->overdue ? "!" : " ", base | sel | (s->overdue ? A_BOLD : A_NORMAL));
	x += 1;
	ui_put(a, w, y, x, 8, tk->code, base | sel);
	x += 8;
	/* the selection covers the mark and the code: a move writes those
	 * cells again in two rows, and no more */
	attr_t st_at = base;
	if (a->unit && s->has_entry && s->status == STATUS_DONE)
		st_at |= ui_attr(a, CP_DONE);
	int sw = ((struct tasks *)a->panes[PANE_ID_TASKS].data)->status_w;
	ui_put(a, w, y, x, sw, st, st_at);
	x += sw;
	ui_put(a, w, y, x, 4, pct, base);
	x += 4;
	int lead_w = 8, due_w = t->due_w;
	int title_w = width - x - 1 - lead_w - due_w - 1;
	ui_put(a, w, y, x, 1, " ", base);
	ui_put(a, w, y, x + 1, title_w, tk->title, base | (s->overdue ? A_BOLD : A_NORMAL));
	x += 1 + title_w;
	ui_put(a, w, y, x, 1, " ", base);
	ui_put(a, w, y, x + 1, lead_w, lead, base);
	x += 1 + lead_w;
	ui_put(a, w, y, x, width - x, due, base);
}

static void draw(struct app *a, struct pane *p)
{
	struct tasks *t = p->data;
	if (p->dirty) {
		char title[200], right[200] = "";
		size_t shown = 0;
		for (size_t r = 0; r < t->n_rows; r++)
			shown += !t->rows[r].section;
		snprintf(title, sizeof title, "%s (%zu), %s", tr("Tasks"), shown,
			 t->by_title ? tr("by title") : tr("plan order"));
		bool filtered = t->status != SF_ALL || t->overdue_only || t->lead || t->section;
		if (filtered)
			snprintf(right, sizeof right, "%s %s%s%s%s%s", tr("Filter:"), sfilter_label(t->status),
				 t->overdue_only ? tr(", overdue") : "", t->lead ? ", " : "",
				 t->lead ? ui_unit_short(t->lead) : "", t->section ? ", ..." : "");
		ui_pane_title(a, p, title, right);
		t->list.y0 = 1;
		t->list.h = p->h - 1;
		if (t->n_rows == 0) {
			werase(p->win);
			ui_pane_title(a, p, title, right);
			ui_put(a, p->win, 2, 2, p->w - 4,
			       filtered ? tr("No task matches the filter (F5 to change it).")
					: tr("No task for this unit."), A_NORMAL);
			return;
		}
	}
	ui_list_draw(a, &t->list, p->win, p->dirty);
}

static size_t current_task(struct tasks *t, bool *ok)
{
	*ok = t->n_rows > 0 && t->list.cur < t->n_rows && !t->rows[t->list.cur].section;
	return *ok ? t->rows[t->list.cur].idx : 0;
}

static void search(struct app *a, struct tasks *t, int dir)
{
	if (!t->search) {
		/* n and N are in the help and the hint bar: say why nothing moves */
		char key[16] = "-";
		if (a->km.n[ACT_SEARCH])
			ui_key_label(a->km.keys[ACT_SEARCH][0], key, sizeof key);
		ui_message(a, false, tr("No search yet: %s searches the tasks."), key);
		return;
	}
	if (!t->n_rows)
		return;
	size_t n = t->n_rows;
	for (size_t k = 1; k <= n; k++) {
		size_t r = (t->list.cur + (dir > 0 ? k : n - k)) % n;
		if (t->rows[r].section)
			continue;
		if (text_match(folded(a, t, t->rows[r].idx), t->search)) {
			ui_list_set(&t->list, r);
			a->panes[PANE_ID_TASKS].dirty = true;
			/* which hit of how many: "2/5 hits" */
			size_t hits = 0, at = 0;
			for (size_t q = 0; q < n; q++)
				if (!t->rows[q].section && text_match(folded(a, t, t->rows[q].idx), t->search)) {
					hits++;
					if (q == r)
						at = hits;
				}
			ui_message(a, false,
				   trn(N_("%zu/%zu hit (n: next, N: previous)"), N_("%zu/%zu hits (n: next, N: previous)"),
				       hits),
				   at, hits);
			return;
		}
	}
	ui_message(a, true, "%s", tr("Not found."));
}

static void filter_menu(struct app *a, struct tasks *t)
{
	int h = 9, w = 56;
	WINDOW *win = newwin(h, w, (a->rows - h) / 2, (a->cols - w) / 2);
	keypad(win, TRUE);
	for (;;) {
		werase(win);
		ui_box(a, win);
		const char *title = tr(" Filter tasks ");
		ui_put(a, win, 0, 2, ui_width(title) < w - 4 ? ui_width(title) : w - 4, title, A_BOLD);
		char line[300];
		snprintf(line, sizeof line, "s  %s %s", tr("Status:"), sfilter_label(t->status));
		ui_put(a, win, 2, 2, w - 4, line, A_NORMAL);
		snprintf(line, sizeof line, "o  %s %s", tr("Overdue only:"), t->overdue_only ? tr("yes") : tr("no"));
		ui_put(a, win, 3, 2, w - 4, line, A_NORMAL);
		snprintf(line, sizeof line, "l  %s %s", tr("Lead unit:"), t->lead ? t->lead : tr("all"));
		ui_put(a, win, 4, 2, w - 4, line, A_NORMAL);
		snprintf(line, sizeof line, "c  %s %s", tr("Section:"), t->section ? t->section : tr("all"));
		ui_put(a, win, 5, 2, w - 4, line, A_NORMAL);
		ui_put(a, win, 7, 2, w - 4, tr("x  clear all    Enter/Esc  close"), A_NORMAL);
		wnoutrefresh(win);
		ui_doupdate();
		int k = ui_getkey(a, win);
		if (k == KEYC_SIGNAL || k == KEYC_ESC || k == KEYC_ENTER || k == 'q')
			break;
		if (k == 's') {
			t->status = (enum sfilter)((t->status + 1) % SF_COUNT);
		} else if (k == 'o') {
			t->overdue_only = !t->overdue_only;
		} else if (k == 'x') {
			t->status = SF_ALL;
			t->overdue_only = false;
			free(t->lead);
			free(t->section);
			t->lead = t->section = NULL;
		} else if (k == 'l' || k == 'c') {
			/* choose among the codes that occur in the plan */
			struct strvec codes = {0};
			sv_push(&codes, tr("(all)"));
			for (size_t i = 0; i < a->s.b.tasks.n; i++) {
				struct strvec sv = {0};
				if (k == 'l')
					sv_split_ws(&sv, a->s.b.tasks.v[i].lead);
				else
					sv_push(&sv, a->s.b.tasks.v[i].section);
				for (size_t j = 0; j < sv.n; j++)
					if (!sv_contains(&codes, sv.v[j]))
						sv_push(&codes, sv.v[j]);
				sv_free(&sv);
			}
			int r = ui_choose(a, k == 'l' ? tr("Lead unit") : tr("Section"),
					  (const char *const *)codes.v, codes.n, 0);
			char **slot = k == 'l' ? &t->lead : &t->section;
			if (r >= 0) {
				free(*slot);
				*slot = r == 0 ? NULL : xstrdup(codes.v[r]);
			}
			sv_free(&codes);
			touchwin(win);
		}
	}
	delwin(win);
	rebuild(a, t);
	a->host->mark_dirty(a);
}

/* Undo the last change of task i's entry, after asking; say what it is now. */
static void undo_last(struct app *a, size_t i)
{
	struct session_target st = {.unit = a->unit, .task = &a->s.b.tasks.v[i]};
	period_format(&a->period, st.period);
	struct err e;
	long long rev;
	/* ask first, naming the change; then say what the entry is now */
	struct entry_key ek = {a->unit->id, st.task->id, st.period};
	struct entry en;
	bool found;
	if (session_entry_now(&a->s, &ek, &en, &found, NULL, NULL, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	if (!found) {
		ui_message(a, false, "%s", tr("Nothing to undo here."));
		return;
	}
	char q[300];
	snprintf(q, sizeof q, tr("Undo %s's last change (revision %lld, by %s)?"), st.task->code,
		 en.revision, en.by ? en.by : "");
	entry_free(&en);
	if (!ui_confirm(a, q)) {
		ui_message(a, false, "%s", tr("Nothing undone."));
		return;
	}
	if (session_undo(&a->s, &st, &rev, &e)) {
		ui_message(a, true, "%s", e.msg);
	} else if (session_entry_now(&a->s, &ek, &en, &found, NULL, NULL, &e) == 0 && found) {
		char pct[16] = "-";
		if (en.percent >= 0)
			snprintf(pct, sizeof pct, "%d%%", en.percent);
		ui_message(a, false, tr("%s: last change undone (revision %lld); now %s, %s."),
			   st.task->code, rev, status_label(en.status), pct);
		entry_free(&en);
	} else {
		ui_message(a, false, tr("%s: last change undone (revision %lld)."), st.task->code, rev);
	}
	/* not the task's row alone: the agenda and the calendar show its
	 * overdue too (the cursor stays on the task: rebuild keeps it) */
	a->host->reload(a);
}

/* The task of the first task row below the cursor, as the list shows them
 * (filtered, by title or in plan order); SIZE_MAX when none. */
static size_t task_below(const struct tasks *t)
{
	for (size_t r = t->list.cur + 1; r < t->n_rows; r++)
		if (!t->rows[r].section)
			return t->rows[r].idx;
	return SIZE_MAX;
}

/* Fast entry: after task i was saved, go on to the row below it in the
 * list as shown, keeping the filters and the order; say where the cursor
 * went: "1a-1 saved (revision 2); next: 1a-2". */
static void after_save(struct app *a, struct tasks *t, size_t i)
{
	size_t next = task_below(t);
	a->jump_task = -1;
	char said[300];
	snprintf(said, sizeof said, "%s", a->msg);
	size_t n = strlen(said);
	if (n && said[n - 1] == '.') /* "saved (revision 2)." + "; next: 1a-2" */
		said[n - 1] = '\0';
	a->host->reload(a);
	bool shown = false;
	for (size_t r = 0; next != SIZE_MAX && r < t->n_rows && !shown; r++)
		shown = !t->rows[r].section && t->rows[r].idx == next;
	if (shown) {
		ui_tasks_select(a, next);
		if (said[0] && !a->msg_error)
			ui_message(a, false, tr("%s; next: %s"), said, a->s.b.tasks.v[next].code);
	} else {
		/* the last row: stay on it, or on the new last row when the
		 * filter no longer shows it */
		size_t stay = SIZE_MAX;
		for (size_t r = 0; r < t->n_rows; r++)
			if (!t->rows[r].section && (stay == SIZE_MAX || stay != i))
				stay = t->rows[r].idx;
		if (stay != SIZE_MAX)
			ui_tasks_select(a, stay);
	}
}

static bool key(struct app *a, struct pane *p, enum action act, int k)
{
	(void)k;
	struct tasks *t = p->data;
	bool ok;
	size_t i = current_task(t, &ok);
	if (ui_list_key(&t->list, act))
		return true;
	switch (act) {
	case ACT_OPEN: case ACT_EDIT:
		if (!ok)
			return true;
		if (!a->unit) {
			ui_message(a, true, "%s", tr("Choose a unit first (F2): progress is entered for one unit."));
			return true;
		}
		if (ui_form_progress(a, i))
			after_save(a, t, i);
		return true;
	case ACT_VIEW:
		if (ok)
			ui_view_task(a, i);
		a->host->mark_dirty(a);
		return true;
	case ACT_UNDO:
		if (ok && a->unit)
			undo_last(a, i);
		return true;
	case ACT_SEARCH: {
		char *q = ui_prompt(a, tr("Search:"), NULL);
		if (q && *q) {
			free(t->search);
			t->search = text_fold(q);
			search(a, t, 1);
		}
		free(q);
		return true;
	}
	case ACT_SEARCH_NEXT: search(a, t, 1); return true;
	case ACT_SEARCH_PREV: search(a, t, -1); return true;
	case ACT_FILTER: filter_menu(a, t); return true;
	case ACT_SORT:
		t->by_title = !t->by_title;
		sort_titles(a, t);
		rebuild(a, t);
		p->dirty = true;
		return true;
	default: return false;
	}
}

static void reload(struct app *a, struct pane *p)
{
	struct tasks *t = p->data;
	/* All units: "done/assigned" for thousands of communes needs more than 5 columns. */
	t->status_w = 5;
	for (size_t i = 0; !a->unit && i < a->s.b.tasks.n; i++) {
		char buf[32];
		int n = snprintf(buf, sizeof buf, "%d/%d ", a->tstate[i].done, a->tstate[i].units);
		if (n > t->status_w)
			t->status_w = n;
	}
	t->due_w = 5;
	for (size_t i = 0; i < a->s.b.tasks.n; i++) {
		char buf[DAY_SHOWN_BUF];
		if (due_text(a, &a->s.b.tasks.v[i], buf) > t->due_w)
			t->due_w = 10;
	}
	if (t->n_folded != a->s.b.tasks.n)
		fold_all(a, t);
	sort_titles(a, t);
	rebuild(a, t);
	t->list.h = p->h - 1;
}

static void pane_free(struct pane *p)
{
	struct tasks *t = p->data;
	for (size_t i = 0; i < t->n_folded; i++)
		free(t->folded[i]);
	free(t->folded);
	free(t->rows);
	free(t->order);
	free(t->search);
	free(t->lead);
	free(t->section);
	free(t);
}

static const struct pane_ops ops = {draw, key, reload, pane_free};

void ui_tasks_init(struct app *a, struct pane *p)
{
	struct tasks *t = xcalloc(1, sizeof *t);
	t->status_w = 5;
	t->due_w = 5;
	t->list.selectable = row_selectable;
	t->list.draw_row = draw_row;
	t->list.ctx = t;
	p->id = PANE_ID_TASKS;
	p->mask = PANE_TASKS;
	p->ops = &ops;
	p->data = t;
	p->list = &t->list;
	fold_all(a, t);
}

void ui_tasks_select(struct app *a, size_t i)
{
	struct pane *p = &a->panes[PANE_ID_TASKS];
	struct tasks *t = p->data;
	bool found = false;
	for (int pass = 0; pass < 2 && !found; pass++) {
		for (size_t r = 0; r < t->n_rows; r++)
			if (!t->rows[r].section && t->rows[r].idx == i) {
				ui_list_set(&t->list, r);
				found = true;
				break;
			}
		if (!found && pass == 0) { /* filtered out: clear the filters */
			t->status = SF_ALL;
			t->overdue_only = false;
			free(t->lead);
			free(t->section);
			t->lead = t->section = NULL;
			rebuild(a, t);
		}
	}
	a->panes[a->focus].dirty = true;
	a->focus = PANE_ID_TASKS;
	p->dirty = true;
	a->bottom_dirty = true;
	if (!found)
		ui_message(a, true, tr("Task %s is not assigned to this unit."), a->s.b.tasks.v[i].code);
}
