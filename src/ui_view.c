/* SPDX-License-Identifier: MIT */
/* Read-only popups: a task's or indicator's full detail with its entry and history, and the
 * help screen generated from the action table. */
#include <stdlib.h>
#include <string.h>

#include "consolidate.h"
#include "msg.h"
#include "progress.h"
#include "ui.h"

/* A scrollable page of lines in a box over the panes. */
static void pager(struct app *a, const char *title, struct strvec *lines)
{
	int top = 0;
	for (;;) {
		int h = a->rows - 2, w = a->cols - 4;
		WINDOW *win = newwin(h, w, 1, 2);
		keypad(win, TRUE);
		int body = h - 2;
		if (top > (int)lines->n - body)
			top = (int)lines->n - body;
		if (top < 0)
			top = 0;
		werase(win);
		ui_box(a, win);
		char head[300];
		snprintf(head, sizeof head, " %s ", title);
		ui_put(a, win, 0, 2, ui_width(head) < w - 4 ? ui_width(head) : w - 4, head, A_BOLD);
		for (int r = 0; r < body && top + r < (int)lines->n; r++) {
			const char *s = lines->v[top + r];
			attr_t at = A_NORMAL;
			if (s[0] == '\x01') { /* heading */
				at = A_BOLD;
				s++;
			}
			ui_put(a, win, 1 + r, 2, w - 4, s, at);
		}
		char foot[100];
		snprintf(foot, sizeof foot, " %d-%d/%zu  %s ", lines->n ? top + 1 : 0,
			 top + body < (int)lines->n ? top + body : (int)lines->n, lines->n,
			 tr("Esc close, arrows scroll"));
		ui_put(a, win, h - 1, w - 2 - ui_width(foot), ui_width(foot), foot, A_NORMAL);
		wnoutrefresh(win);
		doupdate();
		int k = ui_getkey(a, win);
		delwin(win);
		enum action act = keymap_lookup(&a->km, PANE_POPUP, k);
		if (k == KEYC_SIGNAL || k == KEYC_ESC || act == ACT_CANCEL || k == 'q' || k == KEYC_ENTER ||
		    keymap_lookup(&a->km, PANE_MAIN, k) == ACT_QUIT || keymap_lookup(&a->km, PANE_MAIN, k) == ACT_VIEW ||
		    keymap_lookup(&a->km, PANE_MAIN, k) == ACT_HELP)
			break;
		if (k == KEYC_RESIZE) {
			ui_refresh(a);
			continue;
		}
		if (act == ACT_UP || k == KEYC_UP)
			top--;
		else if (act == ACT_DOWN || k == KEYC_DOWN)
			top++;
		else if (act == ACT_PAGE_UP)
			top -= body - 1;
		else if (act == ACT_PAGE_DOWN || k == ' ')
			top += body - 1;
		else if (act == ACT_TOP)
			top = 0;
		else if (act == ACT_BOTTOM)
			top = (int)lines->n;
	}
	ui_mark_all(a);
	touchwin(stdscr);
}

static void add(struct strvec *sv, int width, const char *label, const char *text)
{
	struct strbuf b = {0};
	if (label)
		sb_addf(&b, "%s: %s", label, text);
	else
		sb_add(&b, text);
	ui_wrap(b.s, width, sv);
	sb_free(&b);
}

static void heading(struct strvec *sv, const char *text)
{
	struct strbuf b = {0};
	sb_addc(&b, '\x01');
	sb_add(&b, text);
	sv_push(sv, b.s);
	sb_free(&b);
}

/* "DT-SKHCN Sở Khoa học và Công nghệ, DT-XA Ủy ban nhân dân các xã, phường" */
static char *unit_names(struct app *a, const char *codes)
{
	struct strvec sv = {0};
	struct strbuf b = {0};
	sb_add(&b, "");
	sv_split_ws(&sv, codes);
	for (size_t i = 0; i < sv.n; i++) {
		const struct unit_rec *u = unit_set_find(&a->units, sv.v[i]);
		sb_addf(&b, "%s%s", i ? "; " : "", u ? u->name : sv.v[i]);
	}
	sv_free(&sv);
	return sb_take(&b);
}

void ui_view_task(struct app *a, size_t i)
{
	const struct task_rec *t = &a->tasks.v[i];
	int width = a->cols - 8;
	struct strvec sv = {0};
	char tf[64], pc[PERIOD_BUF];
	timeframe_describe(&t->tf, tf, sizeof tf);
	period_format(&a->period, pc);
	heading(&sv, t->title);
	add(&sv, width, tr("Section"), t->section_title);
	char *lead = unit_names(a, t->lead), *coord = unit_names(a, t->coord);
	add(&sv, width, tr("Lead"), lead);
	add(&sv, width, tr("Coordinating"), *coord ? coord : "-");
	free(lead);
	free(coord);
	struct strbuf b = {0};
	sb_addf(&b, "%s%s%s", tf, *t->tf_text ? " - " : "", t->tf_text);
	add(&sv, width, tr("Time frame"), b.s);
	sb_free(&b);
	if (*t->measure)
		add(&sv, width, tr("Counted in"), t->measure);
	sv_push(&sv, "");
	add(&sv, width, NULL, t->text);
	sv_push(&sv, "");
	if (a->unit) {
		struct entry en, *hist = NULL;
		size_t nh = 0;
		bool found;
		struct err e;
		struct entry_key k = {a->unit->id, t->id, pc};
		b = (struct strbuf){0};
		sb_addf(&b, "%s %s, %s %s", tr("Entry of"), a->unit->name, tr("period"), pc);
		heading(&sv, b.s);
		sb_free(&b);
		if (progress_get(&a->db, &k, &en, &found, &e) == 0 && found) {
			char num[64];
			snprintf(num, sizeof num, "%d%%", en.percent);
			add(&sv, width, tr("Status"), ui_status_label(en.status));
			add(&sv, width, tr("Percent"), en.percent >= 0 ? num : "-");
			snprintf(num, sizeof num, "%lld %s", en.count, t->measure);
			add(&sv, width, tr("Count"), en.count >= 0 ? num : "-");
			add(&sv, width, tr("Result"), en.result);
			add(&sv, width, tr("Difficulties"), en.difficulties);
			add(&sv, width, tr("Proposals"), en.proposals);
			add(&sv, width, tr("Evidence"), en.evidence);
			b = (struct strbuf){0};
			sb_addf(&b, "%lld, %s, %s", en.revision, en.at, en.by);
			add(&sv, width, tr("Revision"), b.s);
			sb_free(&b);
		} else {
			add(&sv, width, NULL, tr("Nothing entered yet."));
		}
		entry_free(&en);
		if (progress_history(&a->db, &k, &hist, &nh, &e) == 0 && nh) {
			sv_push(&sv, "");
			heading(&sv, tr("History"));
			for (size_t h = nh; h-- > 0;) {
				b = (struct strbuf){0};
				sb_addf(&b, "#%lld %s %s %s: %s", hist[h].revision, hist[h].at, hist[h].by,
					strcmp(hist[h].action, "undo") == 0 ? tr("(undo)") : "",
					ui_status_label(hist[h].status));
				if (hist[h].percent >= 0)
					sb_addf(&b, " %d%%", hist[h].percent);
				if (*hist[h].result)
					sb_addf(&b, "; %s", hist[h].result);
				add(&sv, width, NULL, b.s);
				sb_free(&b);
			}
		}
		entries_free(hist, nh);
	}
	char title[100];
	snprintf(title, sizeof title, "%s %s", tr("Task"), t->code);
	pager(a, title, &sv);
	sv_free(&sv);
}

void ui_view_indicator(struct app *a, size_t i)
{
	const struct indicator_rec *d = &a->inds.v[i];
	int width = a->cols - 8;
	struct strvec sv = {0};
	char target[48];
	indicator_target_describe(d->kind, d->cmp, d->target, target, sizeof target);
	heading(&sv, d->title);
	struct strbuf b = {0};
	sb_addf(&b, "%s (%d)", target, d->year);
	add(&sv, width, tr("Target"), b.s);
	sb_free(&b);
	char *rep = unit_names(a, d->reporters);
	add(&sv, width, tr("Reported by"), rep);
	free(rep);
	add(&sv, width, tr("Consolidation"), consolidation_name(d->cons));
	sv_push(&sv, "");
	add(&sv, width, NULL, d->text);
	struct ind_status st;
	struct err e;
	if (indicator_status(&a->db, &a->units, d, NULL, period_end(&a->period), &st, &e) == 0) {
		sv_push(&sv, "");
		heading(&sv, tr("All units"));
		b = (struct strbuf){0};
		sb_addf(&b, tr("%d of %d units reported, %d meet the target"), st.reported, st.expected,
			st.met_units);
		add(&sv, width, NULL, b.s);
		sb_free(&b);
		if (st.den > 0) {
			b = (struct strbuf){0};
			sb_addf(&b, "%lld / %lld", st.num, st.den);
			add(&sv, width, tr("Sum"), b.s);
			sb_free(&b);
		}
	}
	char title[100];
	snprintf(title, sizeof title, "%s %s", tr("Target"), d->code);
	pager(a, title, &sv);
	sv_free(&sv);
}

void ui_help(struct app *a)
{
	static const struct {
		unsigned mask;
		const char *title;
	} groups[] = {
		{PANE_MAIN, N_("Everywhere")}, {PANE_TASKS, N_("Task list")},
		{PANE_INDICATORS, N_("Targets")}, {PANE_CALENDAR, N_("Calendar")},
		{PANE_AGENDA, N_("Agenda")}, {PANE_FORM, N_("Entry form")},
	};
	struct strvec sv = {0};
	bool shown[ACT_COUNT] = {false};
	int width = a->cols - 8;
	for (size_t g = 0; g < ARRAY_LEN(groups); g++) {
		heading(&sv, tr(groups[g].title));
		for (int act = 0; act < ACT_COUNT; act++) {
			unsigned p = actions[act].panes;
			bool in = g == 0 ? (p & PANE_MAIN) == PANE_MAIN : (p & groups[g].mask) != 0;
			if (!in || (g > 0 && (p & PANE_MAIN) == PANE_MAIN && groups[g].mask != PANE_FORM) ||
			    (g > 0 && shown[act] && groups[g].mask != PANE_FORM))
				continue;
			shown[act] = true;
			struct strbuf keys = {0};
			for (int k = 0; k < a->km.n[act]; k++) {
				char kn[16];
				keymap_key_name(a->km.keys[act][k], kn, sizeof kn);
				sb_addf(&keys, "%s%s", k ? " " : "", kn);
			}
			struct strbuf line = {0};
			sb_addf(&line, "%-14s %s", keys.s ? keys.s : "-", tr(actions[act].help));
			add(&sv, width, NULL, line.s);
			sb_free(&keys);
			sb_free(&line);
		}
		sv_push(&sv, "");
	}
	heading(&sv, tr("Editing text"));
	add(&sv, width, NULL, tr("Left/Right by character, Home/End (C-a/C-e) line start and end, C-w delete word, C-u/C-k delete to line start/end, Enter new line in long fields. C-t types Vietnamese without an input method: Telex (aa=â, dd=đ, s f r x j tones) or VNI (a6=â, d9=đ, 1-5 tones)."));
	sv_push(&sv, "");
	heading(&sv, tr("Marks"));
	add(&sv, width, NULL, tr("[ ] not started  [~] in progress  [x] done  [#] blocked  ! overdue (due date passed, not done)  ~ target not met yet  ! target year reached, not met"));
	pager(a, tr("tiendo help"), &sv);
	sv_free(&sv);
}
