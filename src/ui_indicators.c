/* SPDX-License-Identifier: MIT */
/* The indicator pane: each target with its year, the current value (consolidated over the
 * units in view) and a gauge of achievement; off-track targets marked. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "consolidate.h"
#include "describe.h"
#include "humanfmt.h"
#include "msg.h"
#include "ui.h"
#include "ui_list.h"

struct inds {
	struct ui_list list;
	struct ind_standing *st; /* parallel to app.inds */
	/* list rows: the unit's own targets (those it reports on) first, then,
	 * after a divider row, the others; order[row] an index into app.inds,
	 * or SIZE_MAX for the divider */
	size_t *order, n_rows;
	int code_w; /* columns of the code: the longest one (9 to 16) */
};

/* A commune's screen shows the targets that concern it first: those it
 * reports on; the others after a divider, without a red mark. */
static bool concerns(struct app *a, const struct indicator_rec *ind)
{
	/* all units, or the consolidating unit: every target is its concern */
	if (!a->unit || strcmp(a->unit->code, a->s.b.plan.consolidator) == 0)
		return true;
	return unit_list_covers(&a->s.b.units, ind->reporters, a->unit);
}

static void order_rows(struct app *a, struct inds *d)
{
	size_t n = a->s.b.inds.n, k = 0, own = 0;
	free(d->order);
	d->order = xmalloc((n + 1) * sizeof *d->order);
	for (size_t i = 0; i < n; i++)
		if (concerns(a, &a->s.b.inds.v[i]))
			d->order[k++] = i;
	own = k;
	if (own && own < n)
		d->order[k++] = SIZE_MAX;
	for (size_t i = 0; i < n; i++)
		if (!concerns(a, &a->s.b.inds.v[i]))
			d->order[k++] = i;
	d->n_rows = k;
}

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
	if (indicator_standings(a->s.db, &a->s.b.units, &a->s.b.inds, scope(a), upto, d->st, &e))
		ui_message(a, true, "%s", e.msg);
}

static void value_text(const struct indicator_rec *ind, const struct ind_standing *s, char *buf, size_t n)
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
	fmt_decimals(buf); /* the Vietnamese decimal comma: 9,1% */
}

static void draw_row(struct app *a, void *ctx, WINDOW *w, int y, size_t row, bool selected)
{
	struct inds *d = ctx;
	int width = a->panes[PANE_ID_INDICATORS].w;
	if (d->order[row] == SIZE_MAX) {
		char line[200];
		snprintf(line, sizeof line, "-- %s --", tr("targets this unit does not report on"));
		ui_put(a, w, y, 0, width, line, selected ? A_REVERSE | A_DIM : A_DIM);
		return;
	}
	size_t idx = d->order[row];
	const struct indicator_rec *ind = &a->s.b.inds.v[idx];
	const struct ind_standing *s = &d->st[idx];
	int yy, mm, dd;
	date_to_ymd(period_end(&a->period), &yy, &mm, &dd);
	/* '!' the target year has come and the target is not met; '~' not met yet */
	bool mine = concerns(a, ind);
	bool missed = !s->met && ind->year <= yy && mine;
	const char *mark = s->met || !mine ? " " : missed ? "!" : "~";
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
	ui_put(a, w, y, x + 1, d->code_w + 1, ind->code, base | sel);
	x += d->code_w + 2;
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

/* The task list's undo key typed here: a target's value has no undo (its
 * history is kept, but nothing puts an older value back); say where undo
 * works and how a value is changed, instead of doing nothing. */
static void undo_elsewhere(struct app *a)
{
	char tasks[16] = "-", enter[16] = "-";
	if (a->km.n[ACT_FOCUS_TASKS])
		ui_key_label(a->km.keys[ACT_FOCUS_TASKS][0], tasks, sizeof tasks);
	if (a->km.n[ACT_OPEN])
		ui_key_label(a->km.keys[ACT_OPEN][0], enter, sizeof enter);
	ui_message(a, false, tr("Undo works in the task list (%s); a target's value: enter it again (%s)."),
		   tasks, enter);
}

static bool key(struct app *a, struct pane *p, enum action act, int k)
{
	struct inds *d = p->data;
	if (ui_list_key(&d->list, act))
		return true;
	if (act == ACT_NONE && keymap_lookup(&a->km, PANE_TASKS, k) == ACT_UNDO) {
		undo_elsewhere(a);
		return true;
	}
	if (a->s.b.inds.n == 0)
		return false;
	size_t idx = d->list.cur < d->n_rows ? d->order[d->list.cur] : SIZE_MAX;
	if (idx == SIZE_MAX && (act == ACT_OPEN || act == ACT_EDIT || act == ACT_VIEW))
		return true; /* the divider */
	switch (act) {
	case ACT_OPEN: case ACT_EDIT:
		if (!a->unit) {
			ui_message(a, true, "%s", tr("Choose a unit first (F2): values are entered for one unit."));
			return true;
		}
		ui_form_indicator(a, idx);
		compute(a, d);
		p->dirty = true;
		return true;
	case ACT_VIEW:
		ui_view_indicator(a, idx);
		a->host->mark_dirty(a);
		return true;
	default: return false;
	}
}

static void reload(struct app *a, struct pane *p)
{
	struct inds *d = p->data;
	compute(a, d);
	order_rows(a, d);
	/* a code is not cut while it fits in 16 columns ("MT2026-4.2027"
	 * and "MT2026-4.2028" read alike once cut) */
	d->code_w = 9;
	for (size_t i = 0; i < a->s.b.inds.n; i++) {
		int cw = ui_width(a->s.b.inds.v[i].code);
		if (cw > d->code_w)
			d->code_w = cw > 16 ? 16 : cw;
	}
	d->list.n = d->n_rows;
	d->list.h = p->h - 1;
	ui_list_fix(&d->list);
}

static void pane_free(struct pane *p)
{
	struct inds *d = p->data;
	free(d->st);
	free(d->order);
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
