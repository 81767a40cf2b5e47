/* SPDX-License-Identifier: MIT */
/* The calendar pane (a month grid with deadline days marked and today highlighted) and the
 * agenda pane (what falls due from the selected day on, overdue first). */
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "describe.h"
#include "humanfmt.h"
#include "msg.h"
#include "ui.h"
#include "ui_list.h"

struct cal {
	day_t sel, shown_month; /* selected day; first day of the month on screen */
	bool marks[32];         /* days of the shown month with a deadline */
	day_t drawn_sel;
	bool drawn;
};

struct agenda {
	struct ui_list list;
	struct deadline_list dl;
	/* each row: an index into dl, or a year heading -(year) when the list
	 * spans two years (dates show as dd/mm under their year's heading, so
	 * that "31/12" of 2025 and of 2026 never look alike) */
	long *rows;
};

static struct cal *cal_of(struct app *a)
{
	return a->panes[PANE_ID_CALENDAR].data;
}

static day_t month_start(day_t d)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	return date_from_ymd(y, m, 1);
}

static void compute_marks(struct app *a, struct cal *c)
{
	struct deadline_list dl;
	struct err e;
	int y, m, d;
	memset(c->marks, 0, sizeof c->marks);
	date_to_ymd(c->shown_month, &y, &m, &d);
	day_t end = c->shown_month + date_days_in_month(y, m);
	if (session_due(&a->s, a->unit, c->shown_month, end, false, &dl, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	for (size_t i = 0; i < dl.n; i++)
		if (dl.v[i].kind != DL_OVERDUE && dl.v[i].date >= c->shown_month && dl.v[i].date < end)
			c->marks[dl.v[i].date - c->shown_month + 1] = true;
	deadline_list_free(&dl);
}

static bool agenda_selectable(void *ctx, size_t row)
{
	return ((struct agenda *)ctx)->rows[row] >= 0;
}

/* The rows: the deadlines, under a heading for each year when they are not
 * all in the year of from (the title's date). */
static void agenda_rows(struct agenda *g, day_t from)
{
	int y0, y, m, d;
	bool years = false;
	date_to_ymd(from, &y0, &m, &d);
	for (size_t i = 0; i < g->dl.n; i++) {
		date_to_ymd(g->dl.v[i].date, &y, &m, &d);
		years |= y != y0;
	}
	free(g->rows);
	g->rows = xcalloc(2 * g->dl.n + 1, sizeof *g->rows);
	size_t n = 0;
	int last = 0;
	for (size_t i = 0; i < g->dl.n; i++) {
		date_to_ymd(g->dl.v[i].date, &y, &m, &d);
		if (years && y != last)
			g->rows[n++] = -(long)y;
		last = y;
		g->rows[n++] = (long)i;
	}
	g->list.n = n;
	g->list.selectable = agenda_selectable;
}

static void agenda_compute(struct app *a);

/* Draw one day cell: "dd" and a mark column. */
static void draw_day(struct app *a, struct pane *p, struct cal *c, day_t day)
{
	int y, m, d;
	date_to_ymd(day, &y, &m, &d);
	int first_wd = date_weekday(c->shown_month);
	int idx = first_wd + d - 1;
	int row = 2 + idx / 7, col = 1 + (idx % 7) * 3;
	char num[8];
	snprintf(num, sizeof num, "%2d", d % 100);
	attr_t at = A_NORMAL;
	if (day == a->today)
		at |= A_BOLD | A_UNDERLINE;
	if (day == c->sel)
		at |= a->focus == PANE_ID_CALENDAR ? A_REVERSE : A_REVERSE | A_DIM;
	if (c->marks[d])
		at |= ui_attr(a, CP_MARK);
	ui_put(a, p->win, row, col, 2, num, at);
	ui_put(a, p->win, row, col + 2, 1, c->marks[d] ? (a->ascii ? "*" : "•") : " ",
	       c->marks[d] ? A_BOLD : A_NORMAL);
}

static void cal_draw(struct app *a, struct pane *p)
{
	struct cal *c = p->data;
	if (month_start(c->sel) != c->shown_month) {
		c->shown_month = month_start(c->sel);
		compute_marks(a, c);
		p->dirty = true;
	}
	if (!p->dirty && c->drawn && c->drawn_sel == c->sel)
		return;
	if (p->dirty || !c->drawn) {
		int y, m, d;
		date_to_ymd(c->shown_month, &y, &m, &d);
		char title[64];
		snprintf(title, sizeof title, tr("Month %02d/%04d"), m % 100, y % 10000);
		werase(p->win);
		ui_pane_title(a, p, title, "");
		ui_put(a, p->win, 1, 1, p->w - 1, tr("Mo Tu We Th Fr Sa Su"), A_BOLD);
		for (int r = 2; r < p->h; r++)
			ui_vline(a, p->win, r, 0, 1);
		int days = date_days_in_month(y, m);
		for (int dd = 1; dd <= days; dd++)
			draw_day(a, p, c, c->shown_month + dd - 1);
	} else {
		if (month_start(c->drawn_sel) == c->shown_month)
			draw_day(a, p, c, c->drawn_sel);
		draw_day(a, p, c, c->sel);
	}
	c->drawn = true;
	c->drawn_sel = c->sel;
}

static void select_day(struct app *a, struct cal *c, day_t d)
{
	c->sel = d;
	agenda_compute(a);
	a->panes[PANE_ID_AGENDA].dirty = true;
}

static bool cal_key(struct app *a, struct pane *p, enum action act, int k)
{
	(void)k;
	(void)p;
	struct cal *c = cal_of(a);
	int y, m, d;
	date_to_ymd(c->sel, &y, &m, &d);
	switch (act) {
	case ACT_LEFT: select_day(a, c, c->sel - 1); return true;
	case ACT_RIGHT: select_day(a, c, c->sel + 1); return true;
	case ACT_UP: select_day(a, c, c->sel - 7); return true;
	case ACT_DOWN: select_day(a, c, c->sel + 7); return true;
	case ACT_PAGE_UP: case ACT_PAGE_DOWN: {
		int dm = act == ACT_PAGE_DOWN ? 1 : -1;
		m += dm;
		if (m < 1) {
			m = 12;
			y--;
		} else if (m > 12) {
			m = 1;
			y++;
		}
		if (d > date_days_in_month(y, m))
			d = date_days_in_month(y, m);
		select_day(a, c, date_from_ymd(y, m, d));
		return true;
	}
	case ACT_TODAY: select_day(a, c, a->today); return true;
	case ACT_OPEN: {
		/* the agenda lists what falls due from this day: go there */
		a->panes[PANE_ID_CALENDAR].dirty = true;
		a->focus = PANE_ID_AGENDA;
		a->panes[PANE_ID_AGENDA].dirty = true;
		a->bottom_dirty = true;
		return true;
	}
	default: return false;
	}
}

static void cal_reload(struct app *a, struct pane *p)
{
	struct cal *c = p->data;
	c->shown_month = month_start(c->sel);
	compute_marks(a, c);
	p->dirty = true; /* the agenda pane's own reload follows */
}

static void cal_free(struct pane *p)
{
	free(p->data);
}

static const struct pane_ops cal_ops = {cal_draw, cal_key, cal_reload, cal_free};

void ui_calendar_init(struct app *a, struct pane *p)
{
	struct cal *c = xcalloc(1, sizeof *c);
	c->sel = a->today;
	p->id = PANE_ID_CALENDAR;
	p->mask = PANE_CALENDAR;
	p->ops = &cal_ops;
	p->data = c;
}

/* --- agenda --- */

static void agenda_compute(struct app *a)
{
	struct pane *p = &a->panes[PANE_ID_AGENDA];
	struct agenda *g = p->data;
	struct cal *c = cal_of(a);
	struct err e;
	if (!g || !c)
		return;
	deadline_list_free(&g->dl);
	if (session_due(&a->s, a->unit, c->sel, c->sel + 60, true, &g->dl, &e))
		ui_message(a, true, "%s", e.msg);
	agenda_rows(g, c->sel);
	g->list.cur = 0;
	g->list.top = 0;
	ui_list_fix(&g->list); /* not on a year's heading */
	g->list.drawn = false;
	p->dirty = true;
}

static void agenda_row(struct app *a, void *ctx, WINDOW *w, int y, size_t row, bool selected)
{
	struct agenda *g = ctx;
	int width = a->panes[PANE_ID_AGENDA].w - 1;
	if (g->rows[row] < 0) {
		char head[64];
		snprintf(head, sizeof head, tr("Year %d"), (int)(-g->rows[row] % 10000));
		ui_put(a, w, y, 1, width, head, A_BOLD);
		return;
	}
	const struct deadline *d = &g->dl.v[g->rows[row]];
	char date[6], text[400];
	fmt_day_short(d->date, date);
	snprintf(text, sizeof text, "%s %s", d->code, d->detail);
	attr_t base = d->kind == DL_OVERDUE ? ui_attr(a, CP_OVERDUE) | A_BOLD : A_NORMAL;
	attr_t sel = selected && a->focus == PANE_ID_AGENDA ? A_REVERSE : A_NORMAL;
	ui_put(a, w, y, 1, 5, date, base | sel);
	ui_put(a, w, y, 6, 1, " ", base);
	ui_put(a, w, y, 7, 4, deadline_kind_tag(d->kind), base);
	ui_put(a, w, y, 11, 1, " ", base);
	ui_put(a, w, y, 12, width - 11, text, base);
}

static void agenda_draw(struct app *a, struct pane *p)
{
	struct agenda *g = p->data;
	struct cal *c = cal_of(a);
	if (p->dirty) {
		char title[64], d[DAY_SHOWN_BUF];
		fmt_day(c->sel, d); /* with its year: the rows' dd/mm are in it */
		snprintf(title, sizeof title, tr("Due from %s"), d);
		werase(p->win);
		ui_pane_title(a, p, title, "");
		for (int r = 1; r < p->h; r++)
			ui_vline(a, p->win, r, 0, 1);
		g->list.y0 = 1;
		g->list.x0 = 1;
		g->list.h = p->h - 1;
		if (g->dl.n == 0) {
			ui_put(a, p->win, 2, 2, p->w - 3, tr("Nothing due in 60 days."), A_NORMAL);
			return;
		}
	}
	ui_list_draw(a, &g->list, p->win, p->dirty);
}

static bool agenda_key(struct app *a, struct pane *p, enum action act, int k)
{
	(void)k;
	struct agenda *g = p->data;
	if (ui_list_key(&g->list, act))
		return true;
	if (act == ACT_TODAY) {
		select_day(a, cal_of(a), a->today);
		a->panes[PANE_ID_CALENDAR].dirty = true;
		return true;
	}
	if (act != ACT_OPEN || g->dl.n == 0)
		return false;
	if (g->rows[g->list.cur] < 0)
		return false;
	const struct deadline *d = &g->dl.v[g->rows[g->list.cur]];
	if (!d->task_id) {
		ui_message(a, false, "%s %s", d->code, d->detail);
		return true;
	}
	for (size_t i = 0; i < a->s.b.tasks.n; i++)
		if (a->s.b.tasks.v[i].id == d->task_id)
			a->jump_task = (int)i;
	return false; /* the main loop jumps */
}

static void agenda_reload(struct app *a, struct pane *p)
{
	(void)p;
	agenda_compute(a);
}

static void agenda_free(struct pane *p)
{
	struct agenda *g = p->data;
	deadline_list_free(&g->dl);
	free(g->rows);
	free(g);
}

static const struct pane_ops agenda_ops = {agenda_draw, agenda_key, agenda_reload, agenda_free};

void ui_agenda_init(struct app *a, struct pane *p)
{
	(void)a;
	struct agenda *g = xcalloc(1, sizeof *g);
	g->list.draw_row = agenda_row;
	g->list.ctx = g;
	g->list.x0 = 1;
	p->id = PANE_ID_AGENDA;
	p->mask = PANE_AGENDA;
	p->ops = &agenda_ops;
	p->data = g;
}
