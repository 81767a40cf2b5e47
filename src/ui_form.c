/* SPDX-License-Identifier: MIT */
/* Entry forms: progress on a task, and an indicator value, typed with real line editors.
 *
 * Fields are editbufs; long fields wrap on screen and Up/Down move by screen
 * line inside them before moving to the next field. Saving writes only the
 * fields the clerk changed, in one transaction, so two people entering
 * different fields of the same entry do not undo each other. A signal while
 * a progress form is open keeps what was typed as a draft, offered again the
 * next time the form is opened; an indicator form's value is saved if valid. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "editbuf.h"
#include "entry_check.h"
#include "humanfmt.h"
#include "msg.h"
#include "progress.h"
#include "text.h"
#include "ui.h"
#include "ui_form.h"
#include "viqr.h"

static void field_init(struct field *f, const char *label, enum ftype type, const char *text, int lines)
{
	memset(f, 0, sizeof *f);
	f->label = label;
	f->type = type;
	f->lines = lines;
	/* the text fields are the four texts of an entry and a value's note:
	 * typing stops at the length the store and the report file accept */
	eb_init(&f->eb, text ? text : "", lines > 1, type == F_NUMBER ? 15 : PROGRESS_TEXT_MAX);
	f->eb.changed = false;
	f->orig = xstrdup(text ? text : "");
}

static bool form_changed(const struct form *fm)
{
	for (int i = 0; i < fm->n; i++)
		if (form_field_changed(&fm->f[i]))
			return true;
	return false;
}

static void form_free(struct form *fm)
{
	for (int i = 0; i < fm->n; i++) {
		eb_free(&fm->f[i].eb);
		free(fm->f[i].orig);
	}
	if (fm->win)
		delwin(fm->win);
	fm->win = NULL;
}

/* Say why the editor refused what was typed ("field too long"). */
static void refused(struct app *a, struct field *f)
{
	ui_message(a, true, "%s", tr(f->eb.why ? f->eb.why : N_("field too long")));
	a->host->repaint(a);
}

static void type_key(struct app *a, struct field *f, int k)
{
	if (f->type == F_NUMBER) {
		bool mark = f->decimal && (k == '.' || k == ',') && !strpbrk(f->eb.s, ".,");
		if (f->selected && ((k >= '0' && k <= '9') || mark)) {
			eb_set(&f->eb, "");
			f->selected = false;
		}
		if (mark) {
			/* the decimal mark of the interface's language: 9,1 or 9.1 */
			char m[2] = ".";
			fmt_decimals(m);
			if (!eb_insert_cp(&f->eb, (uint32_t)m[0]))
				refused(a, f);
		} else if (k < '0' || k > '9') {
			ui_message(a, true, tr("%s: only digits here (0-9)"), f->label);
			a->host->repaint(a);
		} else if (!eb_insert_cp(&f->eb, (uint32_t)k)) {
			refused(a, f);
		}
		return;
	}
	if (!ui_type(a, &f->eb, k))
		refused(a, f);
}

enum form_result { FORM_SAVE, FORM_CANCEL, FORM_SIGNAL };

static enum form_result form_loop(struct app *a, struct form *fm);

/* Run the form until the clerk saves, cancels, or a signal comes; the bottom
 * line shows the form's keys meanwhile. */
static enum form_result run_form(struct app *a, struct form *fm)
{
	a->hint_mask = PANE_FORM;
	a->hint_no_cycle = true; /* Space is typed in a text field: it cycles only a choice */
	for (int i = 0; i < fm->n; i++)
		if (fm->f[i].type == F_STATUS || fm->f[i].type == F_YESNO)
			a->hint_no_cycle = false;
	a->bottom_dirty = true;
	enum form_result r = form_loop(a, fm);
	a->hint_mask = 0;
	a->hint_no_cycle = false;
	a->bottom_dirty = true;
	a->top_dirty = true;
	return r;
}

static enum form_result form_loop(struct app *a, struct form *fm)
{
	for (;;) {
		struct field *f = &fm->f[fm->cur];
		int k;
		/* placed again after any resize, also one followed by a popup
		 * (help, a question) rather than here */
		if (!a->too_small && (!fm->win || fm->placed_rows != a->rows || fm->placed_cols != a->cols))
			form_place(a, fm);
		if (a->too_small || !fm->win) {
			/* only the "too small" message until the terminal grows */
			ui_cursor(false);
			a->host->repaint(a);
			k = ui_getkey(a, stdscr);
		} else {
			form_draw(a, fm);
			k = ui_getkey(a, fm->win);
		}
		if (k == KEYC_SIGNAL)
			return FORM_SIGNAL;
		if (k == KEYC_RESIZE) {
			a->host->repaint(a);
			continue;
		}
		if (a->too_small || !fm->win)
			continue;
		if (a->msg[0]) {
			a->msg[0] = '\0'; /* a message lasts until the next key */
			a->bottom_dirty = true;
		}
		bool text_field = f->type == F_TEXT || f->type == F_NUMBER;
		if (text_field && k >= 0x20 && k < KEYC_BASE && k != 0x7f) {
			type_key(a, f, k);
			continue;
		}
		if (f->selected) {
			f->selected = false;
			if (k == KEYC_BACKSPACE || k == KEYC_DELETE) {
				eb_set(&f->eb, ""); /* the selection goes at once */
				continue;
			}
		}
		enum action act = keymap_lookup(&a->km, PANE_FORM, k);
		switch (act) {
		case ACT_SAVE: return FORM_SAVE;
		case ACT_CANCEL:
			if (!form_changed(fm) || ui_confirm(a, tr("Discard what you typed?")))
				return FORM_CANCEL;
			a->host->repaint(a);
			continue;
		case ACT_FIELD_NEXT: case ACT_FIELD_PREV: {
			int d = act == ACT_FIELD_NEXT ? 1 : -1;
			/* Up/Down move by line inside a long field first */
			if ((k == KEYC_UP || k == KEYC_DOWN) && f->type == F_TEXT && form_move_line(a, fm, f, d))
				continue;
			fm->cur = (fm->cur + d + fm->n) % fm->n;
			eb_end(&fm->f[fm->cur].eb);
			/* a short field is selected on entry, as in a spreadsheet */
			fm->f[fm->cur].selected = fm->f[fm->cur].type == F_NUMBER && fm->f[fm->cur].eb.s[0];
			continue;
		}
		case ACT_CYCLE:
			if (f->type == F_STATUS)
				f->choice = (f->choice + 1) % STATUS_COUNT;
			else if (f->type == F_YESNO)
				f->choice = f->choice == 1 ? 0 : 1;
			continue;
		case ACT_INPUT_METHOD:
			a->im = (enum im_mode)((a->im + 1) % IM_MODE_COUNT);
			a->top_dirty = true;
			continue;
		case ACT_HELP:
			ui_help(a);
			a->host->repaint(a);
			continue;
		case ACT_REDRAW:
			clearok(curscr, TRUE);
			a->host->repaint(a);
			continue;
		default: break;
		}
		if (f->type == F_STATUS || f->type == F_YESNO) {
			int n = f->type == F_STATUS ? STATUS_COUNT : 2;
			if (k == KEYC_LEFT)
				f->choice = (f->choice + n - 1) % n;
			else if (k == KEYC_RIGHT)
				f->choice = (f->choice + 1) % n;
			else if (k == KEYC_ENTER)
				fm->cur = (fm->cur + 1) % fm->n;
			continue;
		}
		if (ui_edit_key(&f->eb, k) || k != KEYC_ENTER)
			continue;
		if (!f->eb.multiline)
			fm->cur = (fm->cur + 1) % fm->n;
		else if (!eb_insert_cp(&f->eb, '\n'))
			refused(a, f);
	}
}

static char *num_text(long long v)
{
	char buf[32] = "";
	if (v >= 0)
		snprintf(buf, sizeof buf, "%lld", v);
	return xstrdup(buf);
}

enum { FP_STATUS, FP_PERCENT, FP_COUNT, FP_RESULT, FP_DIFF, FP_PROP, FP_EVID };

static void fill_draft(struct form *fm, struct draft *d)
{
	*d = (struct draft){0}; /* saved_at too: draft_free frees it */
	d->status = xstrdup(status_name((enum status)fm->f[FP_STATUS].choice));
	d->percent = eb_text(&fm->f[FP_PERCENT].eb);
	d->count = eb_text(&fm->f[FP_COUNT].eb);
	d->result = eb_text(&fm->f[FP_RESULT].eb);
	d->difficulties = eb_text(&fm->f[FP_DIFF].eb);
	d->proposals = eb_text(&fm->f[FP_PROP].eb);
	d->evidence = eb_text(&fm->f[FP_EVID].eb);
}

/* The progress form for task t: the entry as stored, or the draft typed
 * before an interruption. */
static void progress_form_init(struct app *a, const struct task_rec *t, const char *pc,
			       const struct entry *en, bool found, struct draft *dr, bool has_draft,
			       struct form *fm)
{
	memset(fm, 0, sizeof *fm);
	fm->n = 7;
	char *pct = num_text(en->percent), *cnt = num_text(en->count);
	field_init(&fm->f[FP_STATUS], tr("Status"), F_STATUS, NULL, 1);
	fm->f[FP_STATUS].choice = fm->f[FP_STATUS].orig_choice = found ? (int)en->status : STATUS_NOT_STARTED;
	field_init(&fm->f[FP_PERCENT], tr("Percent"), F_NUMBER, pct, 1);
	fm->f[FP_PERCENT].suffix = "%";
	field_init(&fm->f[FP_COUNT], tr("Count"), F_NUMBER, cnt, 1);
	fm->f[FP_COUNT].suffix = *t->measure ? t->measure : NULL;
	fm->f[FP_COUNT].beside = true;
	/* on a 24-line screen the form covers the targets, the agenda and one
	 * row of the task list, no more (fewer bytes to put back: issue 15);
	 * a longer text scrolls in its field */
	bool tall = a->rows >= 30;
	field_init(&fm->f[FP_RESULT], tr("Result"), F_TEXT, en->result, tall ? 6 : 3);
	field_init(&fm->f[FP_DIFF], tr("Difficulties"), F_TEXT, en->difficulties, tall ? 3 : 2);
	field_init(&fm->f[FP_PROP], tr("Proposals"), F_TEXT, en->proposals, tall ? 2 : 1);
	field_init(&fm->f[FP_EVID], tr("Evidence"), F_TEXT, en->evidence, 1);
	fm->f[FP_EVID].eb.multiline = false;
	free(pct);
	free(cnt);
	snprintf(fm->title, sizeof fm->title, " %s %s - %s ", tr("Progress"), t->code, t->title);
	snprintf(fm->info, sizeof fm->info, "%s: %s  %s: %s  %s", tr("Unit"), a->unit->name,
		 tr("Period"), pc, found ? "" : tr("(new entry)"));
	if (has_draft) {
		/* what was typed when the session was cut off */
		status_parse(dr->status, (enum status *)&fm->f[FP_STATUS].choice);
		eb_set(&fm->f[FP_PERCENT].eb, dr->percent);
		eb_set(&fm->f[FP_COUNT].eb, dr->count);
		eb_set(&fm->f[FP_RESULT].eb, dr->result);
		eb_set(&fm->f[FP_DIFF].eb, dr->difficulties);
		eb_set(&fm->f[FP_PROP].eb, dr->proposals);
		eb_set(&fm->f[FP_EVID].eb, dr->evidence);
		char at[STAMP_SHOWN_BUF + 8];
		fmt_stamp(dr->saved_at, at, sizeof at);
		ui_message(a, false, tr("Restored what was typed before the interruption (%s)."), at);
		draft_free(dr);
		a->host->repaint(a);
	}
	fm->cur = FP_STATUS;
}

/* A number field as typed: -1 when empty (the session checks the range; a
 * field holds at most 15 digits). */
static long long field_number(struct field *f)
{
	char *s = eb_text(&f->eb);
	long long v = -1;
	if (*s)
		parse_int(s, 0, LLONG_MAX, &v);
	free(s);
	return v;
}

/* The patch of what the clerk changed; NULL, or why the texts are refused. */
static const char *progress_form_patch(struct form *fm, struct entry_patch *p, char *texts[4])
{
	entry_patch_init(p);
	if (form_field_changed(&fm->f[FP_STATUS])) {
		p->set_status = true;
		p->status = (enum status)fm->f[FP_STATUS].choice;
	}
	if (form_field_changed(&fm->f[FP_PERCENT])) {
		long long v = field_number(&fm->f[FP_PERCENT]);
		p->percent = v > 1000 ? 1000 : (int)v;
	}
	if (form_field_changed(&fm->f[FP_COUNT]))
		p->count = field_number(&fm->f[FP_COUNT]);
	for (int i = 0; i < 4; i++) {
		struct field *f = &fm->f[FP_RESULT + i];
		if (!form_field_changed(f))
			continue;
		char *raw = eb_text(&f->eb);
		const char *why;
		texts[i] = text_clean(raw, TEXT_MULTILINE, &why);
		free(raw);
		if (!texts[i])
			return tr(why);
	}
	p->result = texts[0];
	p->difficulties = texts[1];
	p->proposals = texts[2];
	p->evidence = texts[3];
	return NULL;
}

/* Save what the form changed; false (and the reason shown) to go on editing. */
static bool progress_form_save(struct app *a, const struct task_rec *t, const char *pc,
			       struct form *fm, long long loaded_rev)
{
	struct entry_patch p;
	char *texts[4] = {NULL, NULL, NULL, NULL};
	struct err e;
	const char *why = progress_form_patch(fm, &p, texts);
	/* 100 percent: ask whether it is done (the session wants it said) */
	int choice = fm->f[FP_STATUS].choice;
	long long pct = field_number(&fm->f[FP_PERCENT]);
	if (!why && pct == 100 && choice != STATUS_DONE && !p.set_status) {
		char q[200];
		snprintf(q, sizeof q, tr("100 percent: mark %s done?"), t->code);
		p.set_status = true;
		p.status = ui_confirm(a, q) ? STATUS_DONE : (enum status)choice;
		if (p.status == STATUS_DONE)
			fm->f[FP_STATUS].choice = STATUS_DONE;
	}
	struct session_target st = {.unit = a->unit, .task = t};
	snprintf(st.period, sizeof st.period, "%s", pc);
	struct session_saved sv;
	int rc = why ? -1 : session_set_progress(&a->s, &st, &p, loaded_rev, &sv, &e);
	for (int i = 0; i < 4; i++)
		free(texts[i]);
	if (rc) {
		ui_message(a, true, "%s", why ? why : e.msg);
		a->host->repaint(a);
		return false;
	}
	struct entry_key k = {a->unit->id, t->id, pc};
	session_draft_drop(&a->s, &k, &e);
	if (!sv.changed)
		ui_message(a, false, tr("%s: nothing changed."), t->code);
	else if (sv.moved)
		ui_message(a, false, tr("%s saved (revision %lld); someone else had saved it meanwhile: only your changed fields were written."),
			   t->code, sv.revision);
	else if (sv.started)
		ui_message(a, false, tr("%s saved (revision %lld); a percent above 0: status in progress."),
			   t->code, sv.revision);
	else
		ui_message(a, false, tr("%s saved (revision %lld)."), t->code, sv.revision);
	return true;
}

/* After a form: the cursor hidden, the form freed, the screen behind it repainted. */
static void form_close(struct app *a, struct form *fm)
{
	ui_cursor(false);
	form_free(fm);
	a->host->mark_dirty(a);
	touchwin(stdscr);
}

bool ui_form_progress(struct app *a, size_t ti)
{
	bool saved = false;
	const struct task_rec *t = &a->s.b.tasks.v[ti];
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	struct entry_key k = {a->unit->id, t->id, pc};
	struct entry en;
	bool found, has_draft;
	struct draft dr;
	struct err e;
	if (session_entry_now(&a->s, &k, &en, &found, &dr, &has_draft, &e)) {
		ui_message(a, true, "%s", e.msg);
		return false;
	}
	struct form fm;
	progress_form_init(a, t, pc, &en, found, &dr, has_draft, &fm);
	for (;;) {
		enum form_result r = run_form(a, &fm);
		if (r == FORM_SIGNAL) {
			if (form_changed(&fm)) {
				struct draft d;
				fill_draft(&fm, &d);
				session_draft_keep(&a->s, &k, &d, &e);
				draft_free(&d);
			}
			break;
		}
		if (r == FORM_CANCEL) {
			session_draft_drop(&a->s, &k, &e);
			break;
		}
		if (progress_form_save(a, t, pc, &fm, en.revision)) {
			saved = true;
			break;
		}
	}
	entry_free(&en);
	form_close(a, &fm);
	return saved;
}

enum { FI_NUM, FI_DEN, FI_VAL, FI_NOTE };

/* The value typed in an indicator form (idx: the fields' places); NULL, or
 * why it cannot be saved. The ranges are the session's to check. */
static const char *indicator_form_value(const struct indicator_rec *d, struct form *fm,
					const int idx[4], struct ivalue *out)
{
	struct ivalue v = {.numerator = -1, .denominator = -1};
	const char *why = NULL;
	long long n1, n2;
	if (d->kind == IND_MILESTONE) {
		if (fm->f[idx[FI_VAL]].choice < 0) {
			why = tr("Choose yes or no (Space).");
		} else {
			v.has_value = true;
			v.value = fm->f[idx[FI_VAL]].choice;
		}
	} else {
		char *sv = eb_text(&fm->f[idx[FI_VAL]].eb);
		char *sn = idx[FI_NUM] >= 0 ? eb_text(&fm->f[idx[FI_NUM]].eb) : xstrdup("");
		char *sd = idx[FI_DEN] >= 0 ? eb_text(&fm->f[idx[FI_DEN]].eb) : xstrdup("");
		if (*sn || *sd) {
			/* the ranges are the session's to check */
			if (!parse_int(sn, 0, LLONG_MAX, &n1) || !parse_int(sd, 0, LLONG_MAX, &n2))
				why = tr("Give both the numerator and a denominator above 0.");
			else
				v.numerator = n1, v.denominator = n2;
		} else if (*sv) {
			for (char *c = sv; *c; c++)
				if (*c == ',')
					*c = '.'; /* the Vietnamese decimal comma, as shown */
			if (!parse_num(sv, &v.value))
				why = tr("The value is not valid.");
			else
				v.has_value = true;
		} else {
			why = tr("Nothing to save: fill in a value.");
		}
		free(sv);
		free(sn);
		free(sd);
	}
	char *raw = eb_text(&fm->f[idx[FI_NOTE]].eb);
	const char *w2;
	v.note = text_clean(raw, TEXT_MULTILINE, &w2);
	free(raw);
	if (!v.note && !why)
		why = tr(w2);
	*out = v;
	return why;
}

void ui_form_indicator(struct app *a, size_t ii)
{
	const struct indicator_rec *d = &a->s.b.inds.v[ii];
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	struct ivalue_key k = {a->unit->id, d->id, pc};
	struct ivalue cur;
	bool found;
	struct err e;
	if (value_check_target(&a->s.b.units, a->unit, d, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	if (session_value_now(&a->s, &k, &cur, &found, NULL, NULL, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	struct form fm;
	memset(&fm, 0, sizeof fm);
	char *num = num_text(cur.numerator), *den = num_text(cur.denominator);
	char val[32] = "";
	if (cur.has_value)
		fmt_num_shown(val, sizeof val, cur.value);
	int idx[4] = {-1, -1, -1, -1};
	if (d->kind == IND_MILESTONE) {
		idx[FI_VAL] = fm.n;
		field_init(&fm.f[fm.n], tr("Reached"), F_YESNO, NULL, 1);
		fm.f[fm.n].choice = fm.f[fm.n].orig_choice = cur.has_value ? (cur.value >= 1) : -1;
		fm.n++;
	} else {
		if (d->kind == IND_PERCENT) {
			idx[FI_NUM] = fm.n;
			field_init(&fm.f[fm.n++], tr("Numerator"), F_NUMBER, num, 1);
			idx[FI_DEN] = fm.n;
			field_init(&fm.f[fm.n++], tr("Denominator"), F_NUMBER, den, 1);
		}
		idx[FI_VAL] = fm.n;
		field_init(&fm.f[fm.n], d->kind == IND_PERCENT ? tr("or percent") : tr("Value"), F_NUMBER, val, 1);
		fm.f[fm.n].suffix = d->kind == IND_PERCENT ? "%" : NULL;
		fm.f[fm.n].decimal = true;
		fm.n++;
	}
	idx[FI_NOTE] = fm.n;
	field_init(&fm.f[fm.n++], tr("Note"), F_TEXT, cur.note, 2);
	free(num);
	free(den);
	char target[48];
	describe_target(d->kind, d->cmp, d->target, target, sizeof target);
	snprintf(fm.title, sizeof fm.title, " %s %s - %s ", tr("Target"), d->code, d->title);
	snprintf(fm.info, sizeof fm.info, "%s: %s  %s: %s  %s %s (%d)", tr("Unit"), a->unit->name,
		 tr("Period"), pc, tr("target"), target, d->year);
	for (;;) {
		enum form_result r = run_form(a, &fm);
		/* A signal (SSH link dropped) saves what was typed when it is a
		 * valid value: an indicator form is a few numbers, not worth a draft. */
		bool interrupted = r == FORM_SIGNAL;
		if (r == FORM_CANCEL || (interrupted && !form_changed(&fm)))
			break;
		struct ivalue v;
		const char *why = indicator_form_value(d, &fm, idx, &v);
		if (why) {
			free(v.note);
			if (interrupted)
				break;
			ui_message(a, true, "%s", why);
			a->host->repaint(a);
			continue;
		}
		struct session_target st = {.unit = a->unit, .ind = d};
		memcpy(st.period, pc, sizeof pc);
		struct session_saved sv;
		int rc = session_set_value(&a->s, &st, &v, &sv, &e);
		free(v.note);
		if (rc && !interrupted) {
			ui_message(a, true, "%s", e.msg);
			a->host->repaint(a);
			continue;
		}
		if (rc)
			break;
		if (sv.changed)
			ui_message(a, false, tr("%s saved (revision %lld)."), d->code, sv.revision);
		else
			ui_message(a, false, tr("%s: nothing changed."), d->code);
		break;
	}
	ivalue_free(&cur);
	form_close(a, &fm);
}
