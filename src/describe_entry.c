/* SPDX-License-Identifier: MIT */
/* One entry as both faces show it (see describe.h): `tiendo show` prints its lines
 * after their keys, with codes and bare numbers for scripts; the interface's entry
 * view after their labels, in words. Which lines, and how a count, a percent or a
 * missing value is written, are decided here once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "humanfmt.h"
#include "msg.h"

static void add(struct entry_lines *l, const char *key, const char *label, bool text,
		const char *value)
{
	if (l->n < ARRAY_LEN(l->v))
		l->v[l->n++] = (struct entry_line){key, label, xstrdup(value ? value : ""), text};
}

/* A text on one line (history and draft rows of the command line): line
 * breaks as \n, tabs as spaces. */
static void add_one_line(struct strbuf *b, const char *s)
{
	for (; s && *s; s++) {
		if (*s == '\n')
			sb_add(b, "\\n");
		else
			sb_addc(b, *s == '\t' ? ' ' : *s);
	}
}

/* percent and count as each style writes them: codes "40" and "12 tin bài"
 * ("" unset); words "40%" and "12 tin bài" ("-" unset). */
static void numbers(const struct entry *en, const char *measure, enum describe_style st,
		    char pct[16], char cnt[96])
{
	const char *unset = st == DESCRIBE_CODES ? "" : "-";
	snprintf(pct, 16, "%s", unset);
	snprintf(cnt, 96, "%s", unset);
	if (en->percent >= 0)
		snprintf(pct, 16, st == DESCRIBE_CODES ? "%d" : "%d%%", en->percent);
	if (en->count >= 0)
		snprintf(cnt, 96, "%lld%s%.60s", en->count, *measure ? " " : "", measure);
}

/* A stored UTC time as a person reads it, in both styles: "05/06/2026 09:00". */
static const char *when(const char *at, char buf[STAMP_SHOWN_BUF + 8])
{
	fmt_stamp(at ? at : "", buf, STAMP_SHOWN_BUF + 8);
	return buf;
}

static void add_draft(struct entry_lines *l, const struct draft *d, enum describe_style st)
{
	struct strbuf b = {0};
	char at[STAMP_SHOWN_BUF + 8];
	if (st == DESCRIBE_WORDS) {
		sb_addf(&b, tr("typed %s; the form offers it again"), when(d->saved_at, at));
		add(l, "draft", tr("Unsaved draft"), false, b.s);
	} else {
		sb_addf(&b, "%s\t%s\t%s\t%s\t", when(d->saved_at, at), d->status, d->percent, d->count);
		const char *t[] = {d->result, d->difficulties, d->proposals, d->evidence};
		for (int i = 0; i < 4; i++) {
			add_one_line(&b, t[i]);
			if (i < 3)
				sb_addc(&b, '\t');
		}
		add(l, "draft", tr("Unsaved draft"), false, b.s);
	}
	sb_free(&b);
}

void describe_entry(const struct session_entry_view *v, enum describe_style st,
		    struct entry_lines *out)
{
	const struct entry *en = &v->entry;
	memset(out, 0, sizeof *out);
	bool codes = st == DESCRIBE_CODES;
	if (!v->found) {
		if (codes)
			add(out, "status", tr("Status"), false, status_name(STATUS_NOT_STARTED));
		add(out, NULL, NULL, false, codes ? tr("(no entry yet)") : tr("Nothing entered yet."));
	} else {
		char pct[16], cnt[96], rev[32];
		numbers(en, v->task->measure, st, pct, cnt);
		add(out, "status", tr("Status"), false, codes ? status_name(en->status) : status_label(en->status));
		add(out, "percent", tr("Percent"), false, pct);
		add(out, "count", tr("Count"), false, cnt);
		add(out, "result", tr("Result"), true, en->result);
		add(out, "difficulties", tr("Difficulties"), true, en->difficulties);
		add(out, "proposals", tr("Proposals"), true, en->proposals);
		add(out, "evidence", tr("Evidence"), true, en->evidence);
		struct strbuf b = {0};
		char at[STAMP_SHOWN_BUF + 8];
		if (codes) {
			snprintf(rev, sizeof rev, "%lld", en->revision);
			add(out, "revision", tr("Revision"), false, rev);
			sb_addf(&b, "%s\t%s", when(en->at, at), en->by ? en->by : "");
			add(out, "entered", tr("Entered"), false, b.s);
		} else {
			sb_addf(&b, "%lld, %s, %s", en->revision, when(en->at, at), en->by ? en->by : "");
			add(out, "revision", tr("Revision"), false, b.s);
		}
		sb_free(&b);
	}
	if (v->has_draft)
		add_draft(out, &v->draft, st);
}

void entry_lines_free(struct entry_lines *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].value);
	memset(l, 0, sizeof *l);
}

char *describe_entry_change(const struct entry *h, enum describe_style st)
{
	struct strbuf b = {0};
	char pct[16], cnt[96];
	bool undo = h->action && strcmp(h->action, "undo") == 0;
	char at[STAMP_SHOWN_BUF + 8];
	if (st == DESCRIBE_WORDS) {
		/* "#2 15/03/2026 16:00 root: ..." and "#3 ... root (undo): ..." */
		sb_addf(&b, "#%lld %s%s%s%s%s: %s", h->revision, when(h->at, at), h->by && *h->by ? " " : "",
			h->by ? h->by : "", undo ? " " : "", undo ? tr("(undo)") : "", status_label(h->status));
		if (h->percent >= 0)
			sb_addf(&b, " %d%%", h->percent);
		if (h->result && *h->result)
			sb_addf(&b, "; %s", h->result);
		return sb_take(&b);
	}
	numbers(h, "", st, pct, cnt);
	sb_addf(&b, "%lld\t%s\t%s\t%s\t%s\t%s\t%s\t", h->revision, when(h->at, at),
		h->by ? h->by : "", h->action ? h->action : "", status_name(h->status), pct, cnt);
	const char *t[] = {h->result, h->difficulties, h->proposals, h->evidence};
	for (int i = 0; i < 4; i++) {
		add_one_line(&b, t[i]);
		if (i < 3)
			sb_addc(&b, '\t');
	}
	return sb_take(&b);
}
