/* SPDX-License-Identifier: MIT */
/* The report on a plan's results for a period (Báo cáo), drafted as an outline:
 * I. how the units reported, II. results by the plan's sections and tasks, III. the
 * targets (table and chart), IV. difficulties and V. proposals (the units' texts,
 * exact duplicates merged, each attributed), an appendix of every entry. The
 * document is Vietnamese whatever the interface language: it is sent up as is. */
#include "draft.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "humanfmt.h"
#include "period.h"

static const char *const status_vi[STATUS_COUNT] = {
	[STATUS_NOT_STARTED] = "chưa thực hiện", [STATUS_IN_PROGRESS] = "đang thực hiện",
	[STATUS_DONE] = "hoàn thành", [STATUS_BLOCKED] = "vướng mắc"};

static const char *const kind_vi[UNIT_KIND_COUNT] = {
	"Cấp tỉnh", "Sở, ngành", "Ban", "Cơ quan, đơn vị", "Cơ quan báo chí", "Xã", "Phường",
	"Đặc khu", "Phòng, đơn vị thuộc Sở", "Cơ quan ngoài tỉnh", "Nhóm"};

static void pct(char *buf, size_t n, int part, int whole)
{
	if (whole > 0) {
		snprintf(buf, n, " (%.1f%%)", 100.0 * part / whole);
		fmt_decimal_comma(buf);
	} else
		buf[0] = '\0';
}

static void tally_para(struct outline *o, const char *label, const struct completeness_tally *t)
{
	char r[32], ot[32];
	pct(r, sizeof r, t->received, t->expected);
	pct(ot, sizeof ot, t->on_time, t->expected);
	struct ol_block *p = ol_para(o, OL_JUSTIFY);
	p->level = 1;
	ol_runf(p, 0, "- %s: phải báo cáo %d; đã báo cáo %d%s, trong đó đúng hạn %d%s, chậm %d; "
		      "chưa báo cáo %d; chưa đến hạn %d.",
		label, t->expected, t->received, r, t->on_time, ot, t->late, t->missing, t->not_due);
}

static void names_para(struct outline *o, const struct consolidated *c, enum report_state s,
		       const char *label)
{
	struct strbuf b = {0};
	size_t n = 0;
	for (size_t i = 0; i < c->comp.n; i++) {
		const struct expected_report *r = &c->comp.v[i];
		if (r->to != c->owner || r->state != s)
			continue;
		sb_addf(&b, "%s%s", n++ ? ", " : "", r->unit->name);
	}
	if (n) {
		struct ol_block *p = ol_para(o, OL_JUSTIFY);
		p->level = 1;
		ol_runf(p, 0, "- %s (%zu): %s.", label, n, b.s);
	}
	sb_free(&b);
}

static void part_situation(const struct consolidated *c, struct outline *o)
{
	struct completeness_tally all, kind[UNIT_KIND_COUNT];
	consolidation_tally(c, &all, kind);
	ol_heading(o, 1, "I. TÌNH HÌNH TRIỂN KHAI THỰC HIỆN KẾ HOẠCH");
	size_t units = 0;
	for (size_t i = 0; i < c->units->n; i++) {
		const struct unit_rec *u = &c->units->v[i];
		if (u->kind != UNIT_GROUP && !u->retired && (!c->scope || unit_under(c->units, u, c->scope)))
			for (size_t t = 0; t < c->tasks.n; t++)
				if (task_assigned(c->units, &c->tasks.v[t], u)) {
					units++;
					break;
				}
	}
	struct ol_block *p = ol_para(o, OL_JUSTIFY);
	ol_runf(p, 0, "Kế hoạch có %zu nhiệm vụ và %zu chỉ tiêu, giao cho %zu cơ quan, đơn vị "
		      "thực hiện. Tình hình báo cáo kỳ này như sau:",
		c->tasks.n, c->inds.n, units);
	tally_para(o, "Tổng số", &all);
	for (int k = 0; k < UNIT_KIND_COUNT; k++)
		if (kind[k].expected && kind[k].expected != all.expected)
			tally_para(o, kind_vi[k], &kind[k]);
	names_para(o, c, RS_LATE, "Các đơn vị báo cáo chậm");
	names_para(o, c, RS_MISSING, "Các đơn vị chưa báo cáo");
}

static void entry_line(struct outline *o, const struct cons_entry *en)
{
	struct ol_block *p = ol_para(o, OL_JUSTIFY);
	p->level = 1;
	ol_runf(p, OL_BOLD, "- %s", en->unit->name);
	char buf[96];
	int n = snprintf(buf, sizeof buf, " (%s", status_vi[en->status]);
	if (en->percent >= 0)
		n += snprintf(buf + n, sizeof buf - (size_t)n, ", %d%%", en->percent);
	if (en->count >= 0)
		n += snprintf(buf + n, sizeof buf - (size_t)n, ", số lượng %lld", en->count);
	snprintf(buf + n, sizeof buf - (size_t)n, ")%s", *en->result ? ": " : "");
	ol_run(p, 0, buf);
	if (*en->result)
		ol_run_ref(p, 0, en->result); /* the entries outlive the outline */
}

static void task_part(const struct consolidated *c, size_t i, size_t *e, struct outline *o)
{
	const struct task_rec *t = &c->tasks.v[i];
	const struct task_tally *tt = &c->tally[i];
	struct strbuf b = {0};
	sb_addf(&b, "%s %s", *t->item ? t->item : t->code, t->title);
	ol_heading(o, 3, b.s);
	sb_free(&b);
	struct ol_block *p = ol_para(o, OL_JUSTIFY);
	ol_runf(p, 0, "Số đơn vị được giao: %d; hoàn thành: %d; đang thực hiện: %d; vướng mắc: %d; "
		      "chưa thực hiện: %d; chưa báo cáo: %d.",
		tt->assigned, tt->n[STATUS_DONE], tt->n[STATUS_IN_PROGRESS], tt->n[STATUS_BLOCKED],
		tt->n[STATUS_NOT_STARTED], tt->missing);
	for (; *e < c->n_entries && c->entries[*e].task == i; (*e)++)
		entry_line(o, &c->entries[*e]);
}

static void section_heading(struct outline *o, int n, const struct task_rec *t)
{
	struct strbuf b = {0};
	sb_addf(&b, "%d. %s", n, *t->section_title ? t->section_title : t->section);
	ol_heading(o, 2, b.s);
	sb_free(&b);
}

static void part_results(const struct consolidated *c, struct outline *o)
{
	ol_heading(o, 1, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ");
	size_t e = 0;
	int n_section = 0;
	for (size_t i = 0; i < c->tasks.n; i++) {
		const struct task_rec *t = &c->tasks.v[i];
		if (i == 0 || strcmp(t->section, c->tasks.v[i - 1].section) != 0)
			section_heading(o, ++n_section, t);
		task_part(c, i, &e, o);
	}
}

static void part_targets(const struct consolidated *c, struct outline *o)
{
	ol_heading(o, 1, "III. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU");
	if (!c->inds.n) {
		ol_text(o, 0, "Kế hoạch không đặt chỉ tiêu định lượng.");
		return;
	}
	static const unsigned w[] = {7, 43, 14, 14, 11, 11};
	struct ol_block *tb = ol_table(o, c->inds.n + 1, 6, w);
	const char *h[] = {"STT", "Chỉ tiêu", "Mục tiêu", "Kết quả", "Đánh giá", "Đơn vị báo cáo"};
	for (size_t k = 0; k < 6; k++)
		ol_cell(tb, 0, k, h[k]);
	for (size_t i = 0; i < c->inds.n; i++) {
		const struct indicator_rec *d = &c->inds.v[i];
		const struct ind_standing *s = &c->ind[i];
		char buf[64];
		snprintf(buf, sizeof buf, "%zu", i + 1);
		ol_cell(tb, i + 1, 0, buf);
		ol_cell(tb, i + 1, 1, d->title);
		draft_target_words(d, buf, sizeof buf);
		ol_cell(tb, i + 1, 2, buf);
		buf[0] = '\0';
		/* A milestone every reporter must reach: reached or not, not 1 or 0. */
		if (s->has_value && d->kind == IND_MILESTONE && d->cons == CONS_ALL)
			snprintf(buf, sizeof buf, "%s", s->value >= 1 ? "Hoàn thành" : "Chưa hoàn thành");
		else if (s->has_value) {
			fmt_num(buf, sizeof buf, round(s->value * 100) / 100);
			fmt_decimal_comma(buf);
			if (d->kind == IND_PERCENT)
				strcat(buf, "%");
		}
		ol_cell(tb, i + 1, 3, buf);
		ol_cell(tb, i + 1, 4, !s->has_value ? "Chưa có số liệu" : s->met ? "Đạt" : "Chưa đạt");
		snprintf(buf, sizeof buf, "%d/%d", s->reported, s->expected);
		ol_cell(tb, i + 1, 5, buf);
	}
	struct ol_block *ch = ol_chart(o, "Mức đạt so với mục tiêu (%)", c->inds.n, 1);
	ol_chart_series(ch, 0, "Mức đạt (%)");
	for (size_t i = 0; i < c->inds.n; i++) {
		const struct indicator_rec *d = &c->inds.v[i];
		ol_chart_cat(ch, i, d->code);
		/* No figure yet ("Chưa có số liệu"): a gap, not a bar at 0. */
		ch->chart->values[i] = c->ind[i].has_value && d->target > 0 ?
			round(10000 * c->ind[i].value / d->target) / 100 : NAN;
	}
}

/* ---------------------------------------------------------------- texts */

/* A text of one field and the entry it comes from. */
struct text_item {
	const char *text;
	size_t entry;
};

static int cmp_text_item(const void *a, const void *b)
{
	const struct text_item *x = a, *y = b;
	int r = strcmp(x->text, y->text);
	return r ? r : (x->entry > y->entry) - (x->entry < y->entry);
}

static const char *field_of(const struct cons_entry *en, int field)
{
	return field == 0 ? en->difficulties : en->proposals;
}

/* "(Xã Một, Phường Hai; nhiệm vụ T1, T2)" for the group v[0..n). */
static void attribution(const struct consolidated *c, const struct text_item *v, size_t n,
			struct strbuf *b)
{
	struct strvec units = {0}, tasks = {0};
	for (size_t i = 0; i < n; i++) {
		const struct cons_entry *en = &c->entries[v[i].entry];
		if (!sv_contains(&units, en->unit->name))
			sv_push(&units, en->unit->name);
		if (!sv_contains(&tasks, c->tasks.v[en->task].code))
			sv_push(&tasks, c->tasks.v[en->task].code);
	}
	sb_add(b, " (");
	for (size_t i = 0; i < units.n; i++)
		sb_addf(b, "%s%s", i ? ", " : "", units.v[i]);
	sb_add(b, tasks.n > 1 ? "; các nhiệm vụ " : "; nhiệm vụ ");
	for (size_t i = 0; i < tasks.n; i++)
		sb_addf(b, "%s%s", i ? ", " : "", tasks.v[i]);
	sb_add(b, ")");
	sv_free(&units);
	sv_free(&tasks);
}

struct text_group {
	size_t entry; /* where the text first appears */
	char *attr;
};

static int cmp_group(const void *a, const void *b)
{
	const struct text_group *x = a, *y = b;
	return (x->entry > y->entry) - (x->entry < y->entry);
}

/* Whether a unit's text starts as an item of a list already ("- Thiếu kinh
 * phí", "+ ...", "• ..."): it takes no second dash. */
static bool has_marker(const char *s)
{
	static const char *const marks[] = {"- ", "+ ", "* ", "\u2022 ", "\u2013 "};
	for (size_t i = 0; i < ARRAY_LEN(marks); i++)
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return true;
	return false;
}

/* The units' texts of one field, grouped by the plan's sections (of the
 * task where each text first appears), exact duplicates merged. */
static void part_texts(const struct consolidated *c, int field, const char *heading,
		       const char *none, struct outline *o)
{
	ol_heading(o, 1, heading);
	struct text_item *v = xmalloc((c->n_entries ? c->n_entries : 1) * sizeof *v);
	size_t n = 0, ng = 0;
	for (size_t i = 0; i < c->n_entries; i++)
		if (*field_of(&c->entries[i], field))
			v[n++] = (struct text_item){field_of(&c->entries[i], field), i};
	qsort(v, n, sizeof *v, cmp_text_item);
	struct text_group *g = xmalloc((n ? n : 1) * sizeof *g);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[j].text, v[i].text) == 0; j++)
			;
		struct strbuf b = {0};
		attribution(c, &v[i], j - i, &b);
		g[ng++] = (struct text_group){v[i].entry, sb_take(&b)};
	}
	qsort(g, ng, sizeof *g, cmp_group); /* back to plan order */
	int n_section = 0;
	const char *section = NULL;
	for (size_t k = 0; k < ng; k++) {
		const struct cons_entry *en = &c->entries[g[k].entry];
		const struct task_rec *t = &c->tasks.v[en->task];
		if (!section || strcmp(section, t->section) != 0) {
			section_heading(o, ++n_section, t);
			section = t->section;
		}
		struct ol_block *p = ol_para(o, OL_JUSTIFY);
		p->level = 1;
		if (!has_marker(field_of(en, field)))
			ol_run_ref(p, 0, "- ");
		ol_run_ref(p, 0, field_of(en, field));
		ol_run(p, OL_ITALIC, g[k].attr);
		free(g[k].attr);
	}
	if (!ng)
		ol_text(o, 0, none);
	free(g);
	free(v);
}

static void part_appendix(const struct consolidated *c, struct outline *o)
{
	ol_heading(o, 1, "PHỤ LỤC: KẾT QUẢ THỰC HIỆN CỦA CÁC ĐƠN VỊ")->align = OL_CENTER;
	if (!c->n_entries) {
		ol_text(o, 0, "Chưa có đơn vị nào nhập kết quả cho kỳ này.");
		return;
	}
	static const unsigned w[] = {8, 30, 12, 20, 14, 16};
	struct ol_block *tb = ol_table(o, c->n_entries + 1, 6, w);
	const char *h[] = {"STT", "Đơn vị", "Nhiệm vụ", "Trạng thái", "Tỷ lệ (%)", "Số lượng"};
	for (size_t k = 0; k < 6; k++)
		ol_cell(tb, 0, k, h[k]);
	for (size_t i = 0; i < c->n_entries; i++) {
		const struct cons_entry *en = &c->entries[i];
		char buf[32];
		snprintf(buf, sizeof buf, "%zu", i + 1);
		ol_cell(tb, i + 1, 0, buf);
		ol_cell_ref(tb, i + 1, 1, en->unit->name);
		ol_cell_ref(tb, i + 1, 2, c->tasks.v[en->task].code);
		ol_cell_ref(tb, i + 1, 3, status_vi[en->status]);
		if (en->percent >= 0) {
			snprintf(buf, sizeof buf, "%d", en->percent);
			ol_cell(tb, i + 1, 4, buf);
		}
		if (en->count >= 0) {
			snprintf(buf, sizeof buf, "%lld", en->count);
			ol_cell(tb, i + 1, 5, buf);
		}
	}
}

/* The recipients of the owner's report by the plan's regime for this type of
 * period; one the plan does not name (marked inferred) is a dotted blank. */
static void recipients(const struct consolidated *c, struct outline *o)
{
	struct period p;
	period_parse(c->period, &p);
	for (size_t i = 0; i < c->rules.n; i++) {
		const struct rule_rec *r = &c->rules.v[i];
		const struct unit_rec *to = unit_set_find(c->units, r->to);
		if (r->period != p.type || !to || !unit_list_covers(c->units, r->reporters, c->owner))
			continue;
		/* A recipient the plan does not name (inferred) is left to fill in. */
		struct strbuf b = {0};
		sb_addf(&b, "%s;", r->to_inferred ? DRAFT_BLANK : to->name);
		if (!sv_contains(&o->foot.recipients, b.s))
			sv_push(&o->foot.recipients, b.s);
		sb_free(&b);
	}
	if (!o->foot.recipients.n)
		sv_push(&o->foot.recipients, DRAFT_BLANK ";");
	sv_push(&o->foot.recipients, "Lưu: VT, " DRAFT_BLANK ".");
}

void draft_report(const struct consolidated *c, const struct draft_opts *opt, struct outline *o)
{
	char pw[64];
	draft_period_words(c->period, pw, sizeof pw);
	char *ref = draft_plan_ref(c);
	draft_header(c, opt, "BC", o);
	struct ol_block *p = ol_para(o, OL_CENTER);
	ol_run(p, OL_BOLD, "BÁO CÁO");
	p->size = 28;
	p = ol_para(o, OL_CENTER);
	ol_runf(p, OL_BOLD, "Kết quả thực hiện %s, kỳ %s", ref, pw);
	ol_rule(o);
	p = ol_para(o, OL_JUSTIFY);
	ol_runf(p, 0, "Thực hiện %s, %s báo cáo kết quả thực hiện kỳ %s như sau:", ref,
		c->owner->name, pw);
	part_situation(c, o);
	part_results(c, o);
	part_targets(c, o);
	part_texts(c, 0, "IV. KHÓ KHĂN, VƯỚNG MẮC",
		   "Các đơn vị không nêu khó khăn, vướng mắc trong kỳ.", o);
	part_texts(c, 1, "V. ĐỀ XUẤT, KIẾN NGHỊ", "Các đơn vị không có đề xuất, kiến nghị trong kỳ.", o);
	p = ol_para(o, OL_JUSTIFY);
	ol_runf(p, 0, "Trên đây là báo cáo kết quả thực hiện %s, kỳ %s của %s./.", ref, pw,
		c->owner->name);
	ol_signature(o);
	ol_page_break(o);
	part_appendix(c, o);
	recipients(c, o);
	free(ref);
}
