/* SPDX-License-Identifier: MIT */
/* What the department's documents share (header block, period and plan wording, the
 * footer), and the reminder letter to the units that have not reported. */
#include "draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "humanfmt.h"
#include "period.h"
#include "text.h"

static const char *known(const char *s)
{
	return s && *s ? s : NULL;
}

void draft_date(day_t d, char *buf, size_t n)
{
	int y, m, dd;
	date_to_ymd(d, &y, &m, &dd);
	snprintf(buf, n, "%d/%d/%d", dd, m, y);
}

void draft_target_words(const struct indicator_rec *d, char *buf, size_t n)
{
	if (d->kind == IND_MILESTONE) {
		snprintf(buf, n, "Hoàn thành");
		return;
	}
	indicator_target_describe(d->kind, d->cmp, d->target, buf, n);
	fmt_decimal_comma(buf);
}

void draft_period_words(const char *period, char *buf, size_t n)
{
	static const char *const roman[] = {"I", "II", "III", "IV"};
	struct period p;
	if (!period_parse(period, &p)) {
		snprintf(buf, n, "%s", period);
		return;
	}
	switch (p.type) {
	case PERIOD_HALF:
		snprintf(buf, n, "6 tháng %s năm %d", p.index == 1 ? "đầu" : "cuối", p.year);
		break;
	case PERIOD_QUARTER:
		snprintf(buf, n, "quý %s năm %d", roman[(p.index - 1) & 3], p.year);
		break;
	case PERIOD_MONTH:
		snprintf(buf, n, "tháng %d năm %d", p.index, p.year);
		break;
	default:
		snprintf(buf, n, "năm %d", p.year);
		break;
	}
}

char *draft_plan_ref(const struct consolidated *c)
{
	const struct plan_rec *p = c->plan;
	struct strbuf b = {0};
	if (!*p->number)
		return xstrdup(p->title);
	sb_addf(&b, "Kế hoạch số %s", p->number);
	day_t d;
	if (date_parse(p->date, &d)) {
		char buf[16];
		draft_date(d, buf, sizeof buf);
		sb_addf(&b, " ngày %s", buf);
	}
	const struct unit_rec *issuer = unit_set_find(c->units, p->issuer);
	if (issuer)
		sb_addf(&b, " của %s", issuer->name);
	return sb_take(&b);
}

/* The governing body's name in capitals, its common words shortened as
 * Decree 30/2020 allows ("UBND TỈNH ĐỒNG THÁP"): in full it wraps in its
 * column. */
static char *gov_name(const char *name)
{
	static const char *const full[][2] = {
		{"ỦY BAN NHÂN DÂN ", "UBND "}, {"UỶ BAN NHÂN DÂN ", "UBND "},
		{"HỘI ĐỒNG NHÂN DÂN ", "HĐND "},
	};
	char *up = text_upper(name);
	for (size_t i = 0; i < ARRAY_LEN(full); i++) {
		size_t n = strlen(full[i][0]), k = strlen(full[i][1]);
		if (strncmp(up, full[i][0], n) == 0) {
			memcpy(up, full[i][1], k);
			memmove(up + k, up + n, strlen(up + n) + 1);
			break;
		}
	}
	return up;
}

void draft_header(const struct consolidated *c, const struct draft_opts *opt, const char *kind,
		  struct outline *o)
{
	struct strbuf b = {0};
	const struct unit_rec *parent = c->owner->parent_id ?
		unit_set_by_id(c->units, c->owner->parent_id) : NULL;
	char *up = NULL;
	if (known(opt->org))
		ol_set(&o->head.gov, opt->org);
	else if (parent) {
		up = gov_name(parent->name);
		ol_set(&o->head.gov, up);
		free(up);
	} else
		ol_set(&o->head.gov, DRAFT_BLANK);
	up = text_upper(c->owner->name);
	ol_set(&o->head.org, up);
	free(up);
	sb_addf(&b, "Số: %s/", DRAFT_BLANK);
	if (known(opt->symbol))
		sb_add(&b, opt->symbol);
	else if (*kind)
		sb_addf(&b, "%s-%s", kind, DRAFT_BLANK);
	else
		sb_add(&b, DRAFT_BLANK);
	o->head.number = sb_take(&b);
	int y, m, d;
	date_to_ymd(c->today, &y, &m, &d);
	const char *place = known(opt->place) ? opt->place : known(c->plan->place) ? c->plan->place : DRAFT_BLANK;
	sb_addf(&b, "%s, ngày %s tháng %s năm %d", place, DRAFT_BLANK, DRAFT_BLANK, y);
	o->head.place_date = sb_take(&b);
	ol_set(&o->foot.signer_title, known(opt->signer_title) ? opt->signer_title : DRAFT_BLANK);
	ol_set(&o->foot.signer, known(opt->signer) ? opt->signer : DRAFT_BLANK);
}

/* The units' names of the reports expected by the owner in state s. */
static void names_in_state(const struct consolidated *c, enum report_state s, struct strvec *out)
{
	for (size_t i = 0; i < c->comp.n; i++) {
		const struct expected_report *r = &c->comp.v[i];
		if (r->to == c->owner && r->state == s && !sv_contains(out, r->unit->name))
			sv_push(out, r->unit->name);
	}
}

static int cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;
	return (x > y) - (x < y);
}

/* The due dates of the reports to the owner, earliest first: "20/6/2026" or
 * "10/6/2026 và 20/6/2026". */
static void due_words(const struct consolidated *c, struct strbuf *b)
{
	day_t *d = xmalloc((c->comp.n ? c->comp.n : 1) * sizeof *d);
	size_t n = 0;
	for (size_t i = 0; i < c->comp.n; i++)
		if (c->comp.v[i].to == c->owner)
			d[n++] = c->comp.v[i].due;
	qsort(d, n, sizeof *d, cmp_day);
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || d[i] != d[i - 1])
			d[k++] = d[i];
	for (size_t i = 0; i < k; i++) {
		char buf[16];
		draft_date(d[i], buf, sizeof buf);
		sb_addf(b, "%s%s", i == 0 ? "" : i + 1 == k ? " và " : ", ", buf);
	}
	if (!k)
		sb_add(b, DRAFT_BLANK);
	free(d);
}

static void list_items(struct outline *o, const struct strvec *names, const char *last)
{
	for (size_t i = 0; i < names->n; i++) {
		struct ol_block *p = ol_para(o, OL_JUSTIFY);
		p->level = 1;
		ol_runf(p, 0, "- %s%s", names->v[i], i + 1 == names->n ? last : ";");
	}
}

void draft_reminder(const struct consolidated *c, const struct draft_opts *opt,
		    struct outline *o, size_t *n_missing)
{
	char pw[64], today[16];
	draft_period_words(c->period, pw, sizeof pw);
	draft_date(c->today, today, sizeof today);
	char *ref = draft_plan_ref(c);
	struct strvec missing = {0}, late = {0};
	names_in_state(c, RS_MISSING, &missing);
	names_in_state(c, RS_LATE, &late);
	*n_missing = missing.n;
	draft_header(c, opt, "", o);
	struct strbuf b = {0};
	sb_addf(&b, "V/v đôn đốc báo cáo kết quả thực hiện %s, kỳ %s", ref, pw);
	o->head.summary = sb_take(&b);

	/* One addressee on the line of "Kính gửi:", centred; several listed
	 * beside it, one a line. */
	struct ol_block *p = ol_para(o, missing.n > 1 ? OL_LEFT : OL_CENTER);
	ol_run(p, 0, "Kính gửi:");
	if (missing.n > 1)
		p->level = OL_ADDRESS;
	for (size_t i = 0; i < missing.n && missing.n > 1; i++)
		ol_runf(p, 0, "- %s%s", missing.v[i], i + 1 == missing.n ? "." : ";");
	if (missing.n == 1)
		ol_runf(p, 0, " %s.", missing.v[0]);
	if (!missing.n)
		ol_run(p, 0, " " DRAFT_BLANK);

	sb_addf(&b, "Thực hiện %s, các đơn vị báo cáo kết quả thực hiện kỳ %s gửi về %s trước ngày ",
		ref, pw, c->owner->name);
	due_words(c, &b);
	sb_addf(&b, ". Đến ngày %s, %s chưa nhận được báo cáo của %zu đơn vị nêu trên.", today,
		c->owner->name, missing.n);
	char *t = sb_take(&b);
	ol_text(o, 0, t);
	free(t);
	if (late.n) {
		ol_text(o, 0, "Các đơn vị sau đã gửi báo cáo nhưng chậm so với thời hạn quy định:");
		list_items(o, &late, ".");
	}
	sb_addf(&b, "Để kịp thời tổng hợp, báo cáo theo quy định, %s đề nghị các đơn vị khẩn trương "
		    "gửi báo cáo kết quả thực hiện kỳ %s về %s trước ngày %s/%s/%s.",
		c->owner->name, pw, c->owner->name, DRAFT_BLANK, DRAFT_BLANK, DRAFT_BLANK);
	t = sb_take(&b);
	ol_text(o, 0, t);
	free(t);
	ol_text(o, 0, "Trân trọng./.");
	ol_signature(o);
	sv_push(&o->foot.recipients, "Như trên;");
	sv_push(&o->foot.recipients, "Lưu: VT, " DRAFT_BLANK ".");
	sv_free(&missing);
	sv_free(&late);
	free(ref);
}
