/* SPDX-License-Identifier: MIT */
/* Unit tests of the drafted documents' outline: tallies per task, the plan's sections as
 * groups, each text attributed to its units and tasks, exact duplicates merged (and only
 * exact ones), the reminder's addressees; XML escaping of the .docx writer. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "consolidation.h"
#include "docx.h"
#include "draft.h"
#include "msg.h"
#include "planfile.h"
#include "progress.h"

static char dir[160];

/* The paragraphs (all runs joined) of o that contain s. */
static size_t count_paras(const struct outline *o, const char *s, char *last, size_t n)
{
	size_t hits = 0;
	for (size_t i = 0; i < o->n; i++) {
		struct strbuf b = {0};
		for (size_t r = 0; r < o->v[i].n_runs; r++)
			sb_add(&b, o->v[i].runs[r].text);
		if (b.s && strstr(b.s, s)) {
			hits++;
			if (last)
				snprintf(last, n, "%s", b.s);
		}
		sb_free(&b);
	}
	return hits;
}

/* Index of the first block containing s, or -1. */
static long find_block(const struct outline *o, const char *s)
{
	for (size_t i = 0; i < o->n; i++)
		for (size_t r = 0; r < o->v[i].n_runs; r++)
			if (strstr(o->v[i].runs[r].text, s))
				return (long)i;
	return -1;
}

static void set(struct db *db, const struct unit_set *us, const struct task_list *tl, const char *unit,
		const char *task, enum status s, const char *result, const char *diff, const char *prop)
{
	struct entry_key k = {unit_set_find(us, unit)->id, task_list_find(tl, task)->id, "2026S1"};
	struct entry_patch p;
	bool changed;
	long long rev;
	struct err e;
	entry_patch_init(&p);
	p.set_status = true;
	p.status = s;
	p.result = result;
	p.difficulties = diff;
	p.proposals = prop;
	if (progress_set(db, &k, &p, "clerk", &changed, &rev, &e))
		printf("#   %s\n", e.msg);
}

static void test_drafts(void)
{
	struct db *db;
	struct err e;
	struct plan_def pd;
	struct store_result r;
	char path[256];
	snprintf(path, sizeof path, "%s/o.db", dir);
	CHECK((db = db_connect(path, DB_OPEN_CREATE, &e)) != NULL, "open");
	CHECK(planfile_load("tests/data/exchange/plan.csv", &pd, &e) == 0 &&
	      store_plan_save(db, &pd, NULL, &r, &e) == 0, "plan loads");
	plan_def_free(&pd);
	struct unit_set us;
	struct plan_rec plan;
	struct task_list tl;
	const struct unit_rec *owner;
	store_units(db, &us, &e);
	store_current_plan(db, &plan, &e);
	store_tasks(db, plan.id, false, &tl, &e);
	store_owner(db, &us, &owner, &e);
	set(db, &us, &tl, "XA1", "T1", STATUS_DONE, "Đăng 12 tin bài", "Thiếu kinh phí", "Hỗ trợ kinh phí");
	set(db, &us, &tl, "XA1", "T2", STATUS_IN_PROGRESS, "Đã lập kế hoạch", "Thiếu kinh phí", NULL);
	set(db, &us, &tl, "XA2", "T1", STATUS_IN_PROGRESS, "Phường đăng 5 tin", "Thiếu kinh phí", NULL);
	set(db, &us, &tl, "XA2", "T2", STATUS_BLOCKED, NULL, "Thiếu kinh phí.", NULL);

	struct consolidated c;
	CHECK(consolidation_load(db, &plan, &us, owner, "2026S1", date_from_ymd(2026, 6, 25), true, &c,
				 &e) == 0, "consolidation loads");
	CHECK_INT(c.n_entries, 4, "four entries");
	CHECK_INT(c.tally[0].assigned, 2, "T1: two units assigned (the commune and the ward)");
	CHECK_INT(c.tally[0].n[STATUS_DONE], 1, "T1: one done");
	CHECK_INT(c.tally[0].n[STATUS_IN_PROGRESS], 1, "T1: one in progress");
	CHECK_INT(c.tally[1].assigned, 3, "T2: the communes and the department coordinating");
	CHECK_INT(c.tally[1].n[STATUS_BLOCKED], 1, "T2: one blocked");
	CHECK_INT(c.tally[1].missing, 1, "T2: the department has not reported");
	CHECK(c.entries[0].task == 0 && c.entries[2].task == 1, "entries by task in plan order");
	CHECK_STR(c.entries[0].unit->code, "XA1", "then by unit");

	struct outline o;
	struct draft_opts opt = {0};
	outline_init(&o, "t");
	draft_report(&c, &opt, &o);
	CHECK_STR(o.head.org, "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "issuing body in capitals");
	CHECK_STR(o.head.gov, "UBND TỈNH THỬ", "governing body: the unit above, in capitals, shortened");
	CHECK_STR(o.head.number, "Số: ……/BC-……", "number and symbol left blank");
	CHECK_STR(o.foot.signer_title, "……", "unknown signer title: a dotted blank");
	long h1 = find_block(&o, "I. TÌNH HÌNH"), h2 = find_block(&o, "II. KẾT QUẢ"),
	     h3 = find_block(&o, "III. KẾT QUẢ"), h4 = find_block(&o, "IV. KHÓ KHĂN"),
	     h5 = find_block(&o, "V. ĐỀ XUẤT");
	CHECK(h1 >= 0 && h1 < h2 && h2 < h3 && h3 < h4 && h4 < h5, "parts I to V in order");
	char para[1024];
	CHECK_INT(count_paras(&o, "Số đơn vị được giao: 2; hoàn thành: 1; đang thực hiện: 1", NULL, 0), 1,
		  "T1's counts");
	CHECK_INT(count_paras(&o, "Đăng 12 tin bài", para, sizeof para), 1, "a result appears once");
	CHECK(strstr(para, "Xã Một") != NULL, "attributed to its unit");
	CHECK_INT(count_paras(&o, "- Thiếu kinh phí (", para, sizeof para), 1,
		  "three identical difficulties merged into one");
	CHECK(strstr(para, "Xã Một, Phường Hai") && strstr(para, "các nhiệm vụ T1, T2"),
	      "the merged text names every unit and task");
	CHECK_INT(count_paras(&o, "- Thiếu kinh phí. (", para, sizeof para), 1,
		  "a text differing by a full stop is not merged");
	CHECK(strstr(para, "Phường Hai; nhiệm vụ T2") != NULL, "and keeps its own attribution");
	long s4 = find_block(&o, "1. Truyền thông");
	CHECK(s4 > h2 && find_block(&o, "Hỗ trợ kinh phí") > h5, "texts grouped under the plan's sections");
	CHECK(find_block(&o, "Ủy ban nhân dân tỉnh Thử;") < 0 && o.foot.recipients.n == 2 &&
	      strcmp(o.foot.recipients.v[0], "Ủy ban nhân dân tỉnh Thử;") == 0,
	      "recipient from the regime's rule for the department");
	outline_free(&o);
	/* A recipient the plan does not name is not printed as a fact. */
	for (size_t i = 0; i < c.rules.n; i++)
		if (strcmp(c.rules.v[i].code, "R-SO") == 0)
			c.rules.v[i].to_inferred = true;
	outline_init(&o, "t");
	draft_report(&c, &opt, &o);
	CHECK_STR(o.foot.recipients.v[0], "……;", "an inferred recipient is a dotted blank");
	outline_free(&o);

	size_t n = 0;
	outline_init(&o, "t");
	opt.signer_title = "GIÁM ĐỐC";
	opt.symbol = "SKHCN-VP";
	draft_reminder(&c, &opt, &o, &n);
	CHECK_INT(n, 4, "nothing received: four units missing");
	CHECK_STR(o.head.number, "Số: ……/SKHCN-VP", "symbol from the options");
	CHECK_STR(o.foot.signer_title, "GIÁM ĐỐC", "signer title from the options");
	CHECK(count_paras(&o, "Phòng Quản lý khoa học", NULL, 0) == 1, "a missing unit is addressed");
	CHECK(strstr(o.head.summary, "V/v đôn đốc báo cáo") == o.head.summary, "the V/v line");
	struct strbuf t = {0};
	outline_text(&o, &t);
	CHECK(strstr(t.s, "Kính gửi:") && strstr(t.s, "Nơi nhận:\n- Như trên;"), "text writer");
	/* Four addressees: one block, the label then one run each, the last
	 * ending the list; the text writer puts them one a line. */
	long k = find_block(&o, "Kính gửi:");
	CHECK(k >= 0 && o.v[k].level == OL_ADDRESS && o.v[k].n_runs == 5, "addressees beside Kính gửi:");
	CHECK(k >= 0 && o.v[k].n_runs == 5 && strcmp(o.v[k].runs[4].text + strlen(o.v[k].runs[4].text) - 1, ".") == 0 &&
		      strcmp(o.v[k].runs[1].text + strlen(o.v[k].runs[1].text) - 1, ";") == 0,
	      "addressees end in ; and the last in .");
	CHECK(strstr(t.s, "Kính gửi:\n  - ") != NULL, "text: the addressees one a line under the label");
	sb_free(&t);
	outline_free(&o);

	consolidation_free(&c);
	task_list_free(&tl);
	plan_rec_free(&plan);
	unit_set_free(&us);
	db_disconnect(db);
}

/* A figure not known is a gap in the chart, "-" in text, never 0. */
static void test_chart_gap(void)
{
	struct outline o;
	outline_init(&o, "t");
	struct ol_block *ch = ol_chart(&o, "Mức đạt", 2, 1);
	ol_chart_series(ch, 0, "Mức đạt (%)");
	ol_chart_cat(ch, 0, "I1");
	ol_chart_cat(ch, 1, "I2");
	ch->chart->values[0] = 112.5;
	ch->chart->values[1] = NAN;
	struct strbuf t = {0};
	outline_text(&o, &t);
	CHECK(strstr(t.s, "I1\tMức đạt (%) 112,5\nI2\tMức đạt (%) -\n") != NULL,
	      "text: no figure is -, a figure has a decimal comma");
	sb_free(&t);
	outline_free(&o);
}

static void test_escape(void)
{
	struct strbuf b = {0};
	docx_escape(&b, "a<b>&\"c\"\x01\x1f\tx\n\xef\xbf\xbfy");
	CHECK_STR(b.s, "a&lt;b&gt;&amp;&quot;c&quot;\tx\ny", "escaped; control characters and U+FFFF dropped");
	sb_free(&b);
	docx_escape(&b, "ok\xff");
	CHECK_STR(b.s, "ok?", "a byte that is not UTF-8 becomes ?");
	sb_free(&b);
}

int main(void)
{
	msg_init();
	setenv("TIENDO_NOW", "2026-06-25T02:00:00Z", 1);
	snprintf(dir, sizeof dir - 8, "%s/tiendo-unit.", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	strcat(dir, "XXXXXX");
	if (!mkdtemp(dir))
		return 1;
	test_drafts();
	test_escape();
	test_chart_gap();
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd)) {
	}
	return check_done();
}
