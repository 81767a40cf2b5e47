/* SPDX-License-Identifier: MIT */
/* The indicator pane: each target with its year, the current value (consolidated over the
 * units in view) and a gauge of achievement; off-track targets marked. */
#include <stdlib.h>
#include <string.h>

#include "consolidate.h"
#include "describe.h"
#include "msg.h"
#include "ui.h"
#include "ui_list.h"

struct inds {
	struct ui_list list;
	struct ind_status *st; /* parallel to app.inds */
};

/* The scope of consolidation: one unit, or everyone for "all units" and
 * for the plan's consolidating unit. */
static const struct unit_rec *scope(struct app *a)
{
	if (!a->unit || strcmp(a->unit->code, a->s.b.plan.consolidator) == 0)
		return NULL;
	return a->unit;
}

static void compute(struct app *a, struct inds *d)
{
	free(d->st);
	d->st = xcalloc(a->s.b.inds.n ? a->s.b.inds.n : 1, sizeof *d->st);
	day_t upto = period_end(&a->period);
	struct err e;
	for (size_t i = 0; i < a->s.b.inds.n; i++)
		if (indicator_status(a->s.db, &a->s.b.units, &a->s.b.inds.v[i], scope(a), upto, &d->st[i], &e))
			ui_message(a, true, "%s", e.msg);
}

static void value_text(const struct indicator_rec *ind, const struct ind_status *s, char *buf, size_t n)
{
	if (!s->has_value && ind->cons != CONS_SHARE_MET && ind->cons != CONS_ALL) {
		snprintf(buf, n, "-");
		return;
	}
	char num[32];
	switch (ind->kind) {
	case IND_MILESTONE:
		snprintf(buf, n, "%s", s->met ? tr("yes") : tr("no"));
		break;
	case IND_PERCENT:
		fmt_num(num, sizeof num, (double)(long long)(s->value * 10 + 0.5) / 10);
		snprintf(buf, n, "%s%%", num);
		break;
	default:
		fmt_num(num, sizeof num, s->value);
		snprintf(buf, n, "%s", num);
	}
}

static void draw_row(struct app *a, void *ctx, WINDOW *w, int y, size_t row, bool selected)
{
	struct inds *d = ctx;
	const struct indicator_rec *ind = &a->s.b.inds.v[row];
	const struct ind_status *s = &d->st[row];
	int width = a->panes[PANE_ID_INDICATORS].w;
	int yy, mm, dd;
	date_to_ymd(period_end(&a->period), &yy, &mm, &dd);
	/* '!' the target year has come and the target is not met; '~' not met yet */
	bool missed = !s->met && ind->year <= yy;
	const char *mark = s->met ? " " : missed ? "!" : "~";
	attr_t base = missed ? ui_attr(a, CP_OVERDUE) : A_NORMAL;
	char target[32], val[48], gauge[16], year[8];
	describe_target(ind->kind, ind->cmp, ind->target, target, sizeof target);
	value_text(ind, s, val, sizeof val);
	snprintf(year, sizeof year, "%d", ind->year % 10000);
	double ratio = 0;
	if (ind->kind == IND_MILESTONE)
		ratio = s->met ? 1 : 0;
	else if (ind->target > 0)
		ratio = s->value / ind->target;
	if (ratio > 1)
		ratio = 1;
	if (ratio < 0)
		ratio = 0;
	int filled = (int)(ratio * 8 + 0.5);
	gauge[0] = '[';
	for (int i = 0; i < 8; i++)
		gauge[1 + i] = i < filled ? '#' : '.';
	gauge[9] = ']';
	gauge[10] = '\0';
	int x = 0;
	attr_t sel = selected ? A_REVERSE : A_NORMAL;
	ui_put(a, w, y, x, 1, mark, base | sel | A_BOLD);
	ui_put(a, w, y, x + 1, 10, ind->code, base | sel);
	x += 11;
	ui_put(a, w, y, x, 7, target, base);
	x += 7;
	ui_put(a, w, y, x, 5, year, base);
	x += 5;
	ui_put(a, w, y, x, 7, val, base | A_BOLD);
	x += 7;
	ui_put(a, w, y, x, 11, gauge, s->met ? ui_attr(a, CP_DONE) : base);
	x += 11;
	ui_put(a, w, y, x, width - x, ind->title, base);
}

static void draw(struct app *a, struct pane *p)
{
	struct inds *d = p->data;
	if (p->dirty) {
		char title[200], right[100];
		size_t met = 0;
		for (size_t i = 0; i < a->s.b.inds.n; i++)
			met += d->st[i].met;
		snprintf(title, sizeof title, "%s (%zu)", tr("Targets"), a->s.b.inds.n);
		snprintf(right, sizeof right, tr("%zu of %zu met"), met, a->s.b.inds.n);
		ui_pane_title(a, p, title, right);
		d->list.y0 = 1;
		d->list.h = p->h - 1;
		if (a->s.b.inds.n == 0) {
			werase(p->win);
			ui_pane_title(a, p, title, "");
			ui_put(a, p->win, 2, 2, p->w - 4, tr("This plan sets no yearly targets."), A_NORMAL);
			return;
		}
	}
	ui_list_draw(a, &d->list, p->win, p->dirty);
}

static bool key(struct app *a, struct pane *p, enum action act, int k)
{
	(void)k;
	struct inds *d = p->data;
	if (ui_list_key(&d->list, act))
		return true;
	if (a->s.b.inds.n == 0)
		return false;
	switch (act) {
	case ACT_OPEN: case ACT_EDIT:
		if (!a->unit) {
			ui_message(a, true, "%s", tr("Choose a unit first (F2): values are entered for one unit."));
			return true;
		}
		ui_form_indicator(a, d->list.cur);
		compute(a, d);
		p->dirty = true;
		return true;
	case ACT_VIEW:
		ui_view_indicator(a, d->list.cur);
		a->host->mark_dirty(a);
		return true;
	default: return false;
	}
}

static void reload(struct app *a, struct pane *p)
{
	struct inds *d = p->data;
	compute(a, d);
	d->list.n = a->s.b.inds.n;
	d->list.h = p->h - 1;
	ui_list_fix(&d->list);
}

static void pane_free(struct pane *p)
{
	struct inds *d = p->data;
	free(d->st);
	free(d);
}

static const struct pane_ops ops = {draw, key, reload, pane_free};

void ui_indicators_init(struct app *a, struct pane *p)
{
	(void)a;
	struct inds *d = xcalloc(1, sizeof *d);
	d->list.draw_row = draw_row;
	d->list.ctx = d;
	p->id = PANE_ID_INDICATORS;
	p->mask = PANE_INDICATORS;
	p->ops = &ops;
	p->data = d;
}
