/* SPDX-License-Identifier: MIT */
/* The consolidated workbook (the only file using libxlsxwriter). Four sheets in
 * Vietnamese: Tổng hợp (tasks by section, counts by status, share done), Chỉ tiêu
 * (targets, values, a bar chart of achievement), Báo cáo đơn vị (rates by unit kind
 * with a chart, then every expected report) and Chi tiết (every entry, texts as
 * entered). Numbers are numbers, shares are percentages, times are dates; every text
 * goes through worksheet_write_string, so what a clerk typed ("=SUM(A1)",
 * "0912345678", "1/10") stays text. The workbook is written in libxlsxwriter's
 * constant-memory mode (rows go to temporary files as they are finished; texts are
 * inline strings): a national-scale entries sheet would not fit in 64 MiB otherwise. */
#include "xlsx.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "lazy_xlsxwriter.h"

#include "draft.h"
#include "msg.h"

static const char *const status_vi[STATUS_COUNT] = {
	[STATUS_NOT_STARTED] = "chưa thực hiện", [STATUS_IN_PROGRESS] = "đang thực hiện",
	[STATUS_DONE] = "hoàn thành", [STATUS_BLOCKED] = "vướng mắc"};
static const char *const state_vi[RS_STATE_COUNT] = {
	[RS_ON_TIME] = "đúng hạn", [RS_LATE] = "chậm", [RS_MISSING] = "chưa báo cáo",
	[RS_NOT_DUE] = "chưa đến hạn"};
static const char *const kind_vi[UNIT_KIND_COUNT] = {
	"Cấp tỉnh", "Sở, ngành", "Ban", "Cơ quan, đơn vị", "Cơ quan báo chí", "Xã", "Phường",
	"Đặc khu", "Phòng, đơn vị thuộc Sở", "Cơ quan ngoài tỉnh", "Nhóm"};

struct book {
	lxw_workbook *wb;
	lxw_format *title, *bold, *head, *wrap, *pct, *date, *stamp, *num, *top;
	lxw_error err;
};

static void keep(struct book *k, lxw_error rc)
{
	if (rc && !k->err)
		k->err = rc;
}

/* A4 landscape, one page wide, the header row(s) on every page. */
static lxw_worksheet *sheet(struct book *k, const char *name, lxw_row_t header)
{
	lxw_worksheet *ws = workbook_add_worksheet(k->wb, name);
	worksheet_set_paper(ws, 9);
	worksheet_set_landscape(ws);
	worksheet_fit_to_pages(ws, 1, 0);
	keep(k, worksheet_repeat_rows(ws, header, header));
	return ws;
}

/* Lines text takes in a wrapped column of the given width (Excel's unit,
 * the width of a digit; a letter of Vietnamese text takes some 0.75 of it,
 * bold text about one: width < 0 for bold). */
static int lines_in(const char *text, double width)
{
	int w = (int)(width < 0 ? -width * 0.9 : width * 1.3);
	int lines = 0, chars = 0;
	w = w > 1 ? w : 1;
	for (const unsigned char *p = (const unsigned char *)text;; p++) {
		if (!*p || *p == '\n') {
			lines += chars ? (chars + w - 1) / w : 1;
			chars = 0;
			if (!*p)
				break;
		} else if ((*p & 0xC0) != 0x80)
			chars++;
	}
	return lines;
}

/* Row r tall enough for its wrapped texts (LibreOffice does not fit the
 * rows of a workbook written row by row). Call before writing the row. */
static void fit_row(lxw_worksheet *ws, lxw_row_t r, const char *const *texts, const double *widths,
		    size_t n)
{
	int lines = 1;
	for (size_t i = 0; i < n; i++) {
		int l = texts[i] ? lines_in(texts[i], widths[i]) : 1;
		if (l > lines)
			lines = l;
	}
	if (lines > 1)
		worksheet_set_row(ws, r, lines * 15.0 > 409 ? 409 : lines * 15.0, NULL);
}

/* A cell holds at most 32,767 characters (Excel's limit, which libxlsxwriter
 * enforces by failing the workbook); a text may be longer (set takes 32 KiB):
 * it is cut there, "…" marking the cut, rather than no workbook at all. */
enum { CELL_MAX_CHARS = 32767 };

static void str(struct book *k, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s,
		lxw_format *f)
{
	if (!s || !*s)
		return;
	size_t chars = 0, cut = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80 && ++chars == CELL_MAX_CHARS)
			cut = (size_t)((const char *)p - s);
	if (chars <= CELL_MAX_CHARS) {
		keep(k, worksheet_write_string(ws, r, c, s, f));
		return;
	}
	char *t = xmalloc(cut + sizeof "\u2026");
	memcpy(t, s, cut);
	memcpy(t + cut, "\u2026", sizeof "\u2026");
	keep(k, worksheet_write_string(ws, r, c, t, f));
	free(t);
}

static void num(struct book *k, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *f)
{
	keep(k, worksheet_write_number(ws, r, c, v, f));
}

/* An ISO UTC stamp as a date and time in Vietnam (UTC+7); false when not one. */
static bool vn_time(const char *stamp, lxw_datetime *dt)
{
	/* "YYYY-MM-DDTHH:MM:SSZ", by hand: sscanf cost more than the rest of the row. */
	static const char shape[] = "dddd-dd-ddTdd:dd:ddZ";
	if (!stamp || strlen(stamp) != sizeof shape - 1)
		return false;
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == 'd' ? stamp[i] < '0' || stamp[i] > '9' : stamp[i] != shape[i])
			return false;
#define N2(i) ((stamp[i] - '0') * 10 + stamp[(i) + 1] - '0')
	int y = N2(0) * 100 + N2(2), mo = N2(5), d = N2(8), h = N2(11), mi = N2(14), s = N2(17);
#undef N2
	day_t day = date_from_ymd(y, mo, d);
	h += 7;
	if (h >= 24) {
		h -= 24;
		day++;
	}
	date_to_ymd(day, &y, &mo, &d);
	*dt = (lxw_datetime){y, mo, d, h, mi, s};
	return true;
}

static void stamp(struct book *k, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const char *s)
{
	lxw_datetime dt;
	if (vn_time(s, &dt))
		keep(k, worksheet_write_datetime(ws, r, c, &dt, k->stamp));
}

static void header_row(struct book *k, lxw_worksheet *ws, lxw_row_t r, const char *const *h,
		       size_t n)
{
	for (size_t i = 0; i < n; i++)
		str(k, ws, r, (lxw_col_t)i, h[i], k->head);
}

/* The names of a space-separated list of unit codes, "; " between them. */
static char *unit_names(const struct unit_set *units, const char *codes)
{
	struct strvec v = {0};
	struct strbuf b = {0};
	sv_split_ws(&v, codes);
	for (size_t i = 0; i < v.n; i++) {
		const struct unit_rec *u = unit_set_find(units, v.v[i]);
		sb_addf(&b, "%s%s", i ? "; " : "", u ? u->name : v.v[i]);
	}
	sv_free(&v);
	return sb_take(&b);
}

static void sheet_summary(struct book *k, const struct consolidated *c)
{
	lxw_worksheet *ws = sheet(k, "Tổng hợp", 6);
	char pw[64];
	draft_period_words(c->period, pw, sizeof pw);
	const double wb[] = {-60};
	fit_row(ws, 0, (const char *[]){c->plan->title}, wb, 1);
	str(k, ws, 0, 0, "Kế hoạch", k->bold);
	str(k, ws, 0, 1, c->plan->title, k->title);
	str(k, ws, 1, 0, "Số, ký hiệu", k->bold);
	str(k, ws, 1, 1, *c->plan->number ? c->plan->number : DRAFT_BLANK, NULL);
	str(k, ws, 2, 0, "Kỳ báo cáo", k->bold);
	str(k, ws, 2, 1, pw, NULL);
	str(k, ws, 2, 2, c->period, NULL);
	str(k, ws, 3, 0, "Đơn vị tổng hợp", k->bold);
	str(k, ws, 3, 1, c->owner->name, NULL);
	str(k, ws, 4, 0, "Số liệu đến", k->bold);
	stamp(k, ws, 4, 1, c->made_at);
	const char *h[] = {"Mã", "Nhiệm vụ", "Đơn vị chủ trì", "Số đơn vị được giao", "Hoàn thành",
			   "Đang thực hiện", "Vướng mắc", "Chưa thực hiện", "Chưa báo cáo",
			   "Tỷ lệ hoàn thành"};
	lxw_row_t r = 6;
	header_row(k, ws, r++, h, ARRAY_LEN(h));
	for (size_t i = 0; i < c->tasks.n; i++) {
		const struct task_rec *t = &c->tasks.v[i];
		const struct task_tally *tt = &c->tally[i];
		if (i == 0 || strcmp(t->section, c->tasks.v[i - 1].section) != 0) {
			fit_row(ws, r, (const char *[]){t->section_title}, wb, 1);
			str(k, ws, r, 0, t->section, k->title);
			str(k, ws, r++, 1, t->section_title, k->title);
		}
		char *lead = unit_names(c->units, t->lead);
		fit_row(ws, r, (const char *[]){t->title, lead}, (const double[]){60, 30}, 2);
		str(k, ws, r, 0, t->code, k->top);
		str(k, ws, r, 1, t->title, k->wrap);
		str(k, ws, r, 2, lead, k->wrap);
		free(lead);
		const int v[] = {tt->assigned, tt->n[STATUS_DONE], tt->n[STATUS_IN_PROGRESS],
				 tt->n[STATUS_BLOCKED], tt->n[STATUS_NOT_STARTED], tt->missing};
		for (size_t j = 0; j < ARRAY_LEN(v); j++)
			num(k, ws, r, (lxw_col_t)(3 + j), v[j], k->top);
		if (tt->assigned)
			num(k, ws, r, 9, (double)tt->n[STATUS_DONE] / tt->assigned, k->pct);
		r++;
	}
	worksheet_set_column(ws, 0, 0, 16, NULL);
	worksheet_set_column(ws, 1, 1, 60, NULL);
	worksheet_set_column(ws, 2, 2, 30, NULL);
	worksheet_set_column(ws, 3, 9, 13, NULL);
	worksheet_freeze_panes(ws, 7, 0);
}

static const char *unit_word(enum ind_kind kind)
{
	return kind == IND_PERCENT ? "%" : kind == IND_COUNT ? "số lượng" : "hoàn thành (1 = có)";
}

static void sheet_targets(struct book *k, const struct consolidated *c)
{
	lxw_worksheet *ws = sheet(k, "Chỉ tiêu", 0);
	const char *h[] = {"Mã", "Chỉ tiêu", "Mục tiêu", "Giá trị mục tiêu", "Kết quả",
			   "Đơn vị tính", "Đánh giá", "Số đơn vị phải báo cáo", "Số đơn vị đã báo cáo",
			   "Mức đạt so với mục tiêu"};
	header_row(k, ws, 0, h, ARRAY_LEN(h));
	for (size_t i = 0; i < c->inds.n; i++) {
		const struct indicator_rec *d = &c->inds.v[i];
		const struct ind_standing *s = &c->ind[i];
		lxw_row_t r = (lxw_row_t)(i + 1);
		char target[64];
		draft_target_words(d, target, sizeof target);
		fit_row(ws, r, (const char *[]){d->title}, (const double[]){50}, 1);
		str(k, ws, r, 0, d->code, NULL);
		str(k, ws, r, 1, d->title, k->wrap);
		str(k, ws, r, 2, target, NULL);
		num(k, ws, r, 3, d->target, k->num);
		if (s->has_value)
			num(k, ws, r, 4, s->value, k->num);
		str(k, ws, r, 5, unit_word(d->kind), NULL);
		str(k, ws, r, 6, !s->has_value ? "chưa có số liệu" : s->met ? "đạt" : "chưa đạt", NULL);
		num(k, ws, r, 7, s->expected, NULL);
		num(k, ws, r, 8, s->reported, NULL);
		if (s->has_value && d->target > 0)
			num(k, ws, r, 9, s->value / d->target, k->pct);
	}
	worksheet_set_column(ws, 0, 0, 12, NULL);
	worksheet_set_column(ws, 1, 1, 50, NULL);
	worksheet_set_column(ws, 2, 9, 14, NULL);
	worksheet_freeze_panes(ws, 1, 0);
	if (!c->inds.n)
		return;
	lxw_chart *ch = workbook_add_chart(k->wb, LXW_CHART_COLUMN);
	lxw_chart_series *s = chart_add_series(ch, NULL, NULL);
	chart_series_set_categories(s, "Chỉ tiêu", 1, 0, (lxw_row_t)c->inds.n, 0);
	chart_series_set_values(s, "Chỉ tiêu", 1, 9, (lxw_row_t)c->inds.n, 9);
	chart_series_set_name(s, "Mức đạt so với mục tiêu");
	chart_title_set_name(ch, "Mức đạt so với mục tiêu");
	/* Shares: the axis in percent, as the reporting chart's (LibreOffice
	 * does not take the cells' format, and drew 0.2, 0.4, ...). */
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
	keep(k, worksheet_insert_chart(ws, (lxw_row_t)c->inds.n + 2, 1, ch));
}

static void tally_row(struct book *k, lxw_worksheet *ws, lxw_row_t r, const char *label,
		      const struct completeness_tally *t)
{
	str(k, ws, r, 0, label, k->bold);
	const int v[] = {t->expected, t->received, t->on_time, t->late, t->missing, t->not_due};
	for (size_t j = 0; j < ARRAY_LEN(v); j++)
		num(k, ws, r, (lxw_col_t)(1 + j), v[j], NULL);
	if (t->expected) {
		num(k, ws, r, 7, (double)t->received / t->expected, k->pct);
		num(k, ws, r, 8, (double)t->on_time / t->expected, k->pct);
	}
}

static void sheet_reporting(struct book *k, const struct consolidated *c)
{
	lxw_worksheet *ws = sheet(k, "Báo cáo đơn vị", 0);
	const char *h[] = {"Nhóm đơn vị", "Phải báo cáo", "Đã báo cáo", "Đúng hạn", "Chậm",
			   "Chưa báo cáo", "Chưa đến hạn", "Tỷ lệ báo cáo", "Tỷ lệ đúng hạn"};
	header_row(k, ws, 0, h, ARRAY_LEN(h));
	struct completeness_tally all, kind[UNIT_KIND_COUNT];
	consolidation_tally(c, &all, kind);
	tally_row(k, ws, 1, "Tổng số", &all);
	lxw_row_t r = 2;
	for (int i = 0; i < UNIT_KIND_COUNT; i++)
		if (kind[i].expected)
			tally_row(k, ws, r++, kind_vi[i], &kind[i]);
	lxw_chart *ch = workbook_add_chart(k->wb, LXW_CHART_COLUMN);
	const char *names[] = {"Tỷ lệ báo cáo", "Tỷ lệ đúng hạn"};
	for (int s = 0; s < 2; s++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		chart_series_set_categories(se, "Báo cáo đơn vị", 1, 0, r - 1, 0);
		chart_series_set_values(se, "Báo cáo đơn vị", 1, (lxw_col_t)(7 + s), r - 1, (lxw_col_t)(7 + s));
		chart_series_set_name(se, names[s]);
	}
	chart_title_set_name(ch, "Tỷ lệ báo cáo và báo cáo đúng hạn");
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	keep(k, worksheet_insert_chart(ws, 0, 10, ch));
	r += 2;
	const char *u[] = {"Mã đơn vị", "Tên đơn vị", "Loại", "Gửi đến", "Hạn báo cáo", "Tình trạng",
			   "Đã báo cáo", "Đúng hạn", "Chậm", "Chưa báo cáo", "Chưa đến hạn",
			   "Thời điểm xuất (giờ Việt Nam)", "Thời điểm nhận (giờ Việt Nam)"};
	header_row(k, ws, r++, u, ARRAY_LEN(u));
	for (size_t i = 0; i < c->comp.n; i++, r++) {
		const struct expected_report *x = &c->comp.v[i];
		int y, m, d;
		date_to_ymd(x->due, &y, &m, &d);
		lxw_datetime due = {y, m, d, 0, 0, 0};
		str(k, ws, r, 0, x->unit->code, NULL);
		str(k, ws, r, 1, x->unit->name, NULL);
		str(k, ws, r, 2, kind_vi[x->unit->kind], NULL);
		str(k, ws, r, 3, x->to->code, NULL);
		keep(k, worksheet_write_datetime(ws, r, 4, &due, k->date));
		str(k, ws, r, 5, state_vi[x->state], NULL);
		const int v[] = {x->state == RS_ON_TIME || x->state == RS_LATE, x->state == RS_ON_TIME,
				 x->state == RS_LATE, x->state == RS_MISSING, x->state == RS_NOT_DUE};
		for (size_t j = 0; j < ARRAY_LEN(v); j++)
			num(k, ws, r, (lxw_col_t)(6 + j), v[j], NULL);
		stamp(k, ws, r, 11, x->exported_at);
		stamp(k, ws, r, 12, x->imported_at);
	}
	worksheet_set_column(ws, 0, 0, 22, NULL);
	worksheet_set_column(ws, 1, 1, 36, NULL);
	worksheet_set_column(ws, 2, 10, 13, NULL);
	worksheet_set_column(ws, 11, 12, 20, NULL);
}

struct detail {
	struct book *k;
	lxw_worksheet *ws;
	const struct consolidated *c;
	lxw_row_t row;
};

static int detail_row(const struct cons_entry *en, void *arg)
{
	struct detail *dt = arg;
	struct book *k = dt->k;
	lxw_worksheet *ws = dt->ws;
	lxw_row_t r = ++dt->row;
	const struct task_rec *t = &dt->c->tasks.v[en->task];
	static const double w[] = {40, 50, 40, 40, 30};
	fit_row(ws, r, (const char *[]){t->title, en->result, en->difficulties, en->proposals, en->evidence},
		w, 5);
	str(k, ws, r, 0, en->unit->code, k->top);
	str(k, ws, r, 1, en->unit->name, k->wrap);
	str(k, ws, r, 2, t->code, k->top);
	str(k, ws, r, 3, t->title, k->wrap);
	str(k, ws, r, 4, status_vi[en->status], k->top);
	if (en->percent >= 0)
		num(k, ws, r, 5, en->percent, k->top);
	if (en->count >= 0)
		num(k, ws, r, 6, (double)en->count, k->top);
	str(k, ws, r, 7, en->result, k->wrap);
	str(k, ws, r, 8, en->difficulties, k->wrap);
	str(k, ws, r, 9, en->proposals, k->wrap);
	str(k, ws, r, 10, en->evidence, k->wrap);
	num(k, ws, r, 11, (double)en->revision, k->top);
	str(k, ws, r, 12, en->by, k->top);
	stamp(k, ws, r, 13, en->at);
	return k->err ? 1 : 0;
}

static int sheet_details(struct book *k, struct db *db, const struct consolidated *c,
			 struct err *e)
{
	lxw_worksheet *ws = sheet(k, "Chi tiết", 0);
	const char *h[] = {"Mã đơn vị", "Đơn vị", "Mã nhiệm vụ", "Nhiệm vụ", "Trạng thái",
			   "Tỷ lệ (%)", "Số lượng", "Kết quả", "Khó khăn, vướng mắc",
			   "Đề xuất, kiến nghị", "Minh chứng", "Lần sửa", "Người nhập",
			   "Thời điểm nhập (giờ Việt Nam)"};
	/* Column widths before the rows: in constant-memory mode rows are final. */
	static const double w[] = {14, 30, 12, 40, 16, 10, 10, 50, 40, 40, 30, 8, 14, 20};
	for (size_t i = 0; i < ARRAY_LEN(w); i++)
		worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, w[i], NULL);
	header_row(k, ws, 0, h, ARRAY_LEN(h));
	worksheet_freeze_panes(ws, 1, 0);
	struct detail dt = {k, ws, c, 0};
	int rc = consolidation_each_entry(db, c, detail_row, &dt, e);
	if (rc < 0)
		return -1;
	keep(k, worksheet_autofilter(ws, 0, 0, dt.row, (lxw_col_t)(ARRAY_LEN(h) - 1)));
	return 0;
}

static void formats(struct book *k)
{
	lxw_workbook *wb = k->wb;
	k->title = workbook_add_format(wb);
	format_set_bold(k->title);
	format_set_text_wrap(k->title);
	format_set_align(k->title, LXW_ALIGN_VERTICAL_TOP);
	k->bold = workbook_add_format(wb);
	format_set_bold(k->bold);
	k->head = workbook_add_format(wb);
	format_set_bold(k->head);
	format_set_text_wrap(k->head);
	format_set_align(k->head, LXW_ALIGN_CENTER);
	format_set_align(k->head, LXW_ALIGN_VERTICAL_CENTER);
	format_set_bg_color(k->head, 0xDDEBF7);
	format_set_border(k->head, LXW_BORDER_THIN);
	k->wrap = workbook_add_format(wb);
	format_set_text_wrap(k->wrap);
	format_set_align(k->wrap, LXW_ALIGN_VERTICAL_TOP);
	k->top = workbook_add_format(wb);
	format_set_align(k->top, LXW_ALIGN_VERTICAL_TOP);
	k->pct = workbook_add_format(wb);
	format_set_num_format(k->pct, "0.0%");
	format_set_align(k->pct, LXW_ALIGN_VERTICAL_TOP);
	k->num = workbook_add_format(wb);
	format_set_num_format(k->num, "#,##0.##");
	format_set_align(k->num, LXW_ALIGN_VERTICAL_TOP);
	k->date = workbook_add_format(wb);
	format_set_num_format(k->date, "dd/mm/yyyy");
	k->stamp = workbook_add_format(wb);
	format_set_num_format(k->stamp, "dd/mm/yyyy hh:mm");
	format_set_align(k->stamp, LXW_ALIGN_VERTICAL_TOP);
}

int xlsx_write(struct db *db, const struct consolidated *c, const char *path, struct err *e)
{
	if (xw_load(e))
		return -1;
	char *tmp = file_temp_beside(path);
	if (!tmp)
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path, tr_errno(errno));
	lxw_workbook_options opt = {.constant_memory = LXW_TRUE};
	struct book k = {.wb = workbook_new_opt(tmp, &opt)};
	if (!k.wb) {
		compat_unlink(tmp);
		free(tmp);
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			       tr("cannot create the workbook"));
	}
	formats(&k);
	lxw_doc_properties props = {.title = c->plan->title, .author = "tiendo"};
	workbook_set_properties(k.wb, &props);
	sheet_summary(&k, c);
	sheet_targets(&k, c);
	sheet_reporting(&k, c);
	int rc = sheet_details(&k, db, c, e);
	lxw_error closed = workbook_close(k.wb);
	if (!rc && (k.err || closed))
		rc = err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			     lxw_strerror(k.err ? k.err : closed));
	if (!rc && file_commit(tmp, path))
		rc = err_set(e, tr("cannot write %s: %s (nothing was written)"), path, tr_errno(errno));
	else if (rc)
		compat_unlink(tmp);
	free(tmp);
	return rc;
}

int xlsx_chart_data(const struct ol_chart *c, const char *path, struct err *e)
{
	if (xw_load(e))
		return -1;
	struct book k = {.wb = workbook_new(path)};
	if (!k.wb)
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			       tr("cannot create the workbook"));
	lxw_worksheet *ws = workbook_add_worksheet(k.wb, "Sheet1");
	for (size_t s = 0; s < c->n_series; s++)
		str(&k, ws, 0, (lxw_col_t)(1 + s), c->series[s], NULL);
	for (size_t i = 0; i < c->n_cats; i++) {
		str(&k, ws, (lxw_row_t)(1 + i), 0, c->cats[i], NULL);
		for (size_t s = 0; s < c->n_series; s++)
			if (!isnan(c->values[s * c->n_cats + i])) /* no figure: an empty cell */
				num(&k, ws, (lxw_row_t)(1 + i), (lxw_col_t)(1 + s), c->values[s * c->n_cats + i], NULL);
	}
	lxw_error closed = workbook_close(k.wb);
	if (k.err || closed)
		return err_set(e, tr("cannot write %s: %s (nothing was written)"), path,
			       lxw_strerror(k.err ? k.err : closed));
	return 0;
}
