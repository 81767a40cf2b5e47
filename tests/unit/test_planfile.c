/* SPDX-License-Identifier: MIT */
/* Unit tests: the plan file parser accepts good files and refuses bad ones with file:line. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "msg.h"
#include "planfile.h"

#define HEAD "format,tiendo-plan,1\n" \
	"plan,P-1,1,U,,Nơi,2025-08-13,U,,,Kế hoạch\n" \
	"unit,U,province,,,Ủy ban\n" \
	"section,S1,Phần một\n"
#define TASK "task,1a,S1,a),U,,recurring,,,,Tiêu đề,Nội dung\n"

struct bad {
	const char *name, *input, *want; /* want: start of the message */
};

static const struct bad bads[] = {
	{"empty file", "", "t.csv:1: not a tiendo plan file (the first row must be format,tiendo-plan,2; format 1 is read too)"},
	{"not a plan file", "a,b,c\n", "t.csv:1: unknown record type 'a'"},
	{"task before format", TASK, "t.csv:1: not a tiendo plan file"},
	{"newer format", "format,tiendo-plan,3\n", "t.csv:1: format version 3 is newer"},
	{"no plan row", "format,tiendo-plan,1\nunit,U,province,,,X\n", "t.csv:2: the file has no plan row"},
	{"missing fields", HEAD "task,1a,S1\n", "t.csv:5: a task row needs 11 fields"},
	{"extra field", HEAD "section,S2,Hai,oops\n", "t.csv:5: a section row has 2 fields"},
	{"unknown unit", HEAD "task,1a,S1,a),NOPE,,recurring,,,,T,X\n", "t.csv:5: lead units: unknown unit 'NOPE'"},
	{"no lead", HEAD "task,1a,S1,a),,,recurring,,,,T,X\n", "t.csv:5: lead units must name at least one unit"},
	{"undeclared section", HEAD "task,1a,S9,a),U,,recurring,,,,T,X\n", "t.csv:5: section 'S9' is not declared"},
	{"bad timeframe", HEAD "task,1a,S1,a),U,,soon,,,,T,X\n", "t.csv:5: time frame 'soon'"},
	{"duplicate task", HEAD TASK TASK, "t.csv:6: duplicate task code '1a'"},
	{"bad code", HEAD "task,1 a,S1,a),U,,recurring,,,,T,X\n", "t.csv:5: task code '1 a' is not a valid code"},
	{"empty title", HEAD "task,1a,S1,a),U,,recurring,,,,,X\n", "t.csv:5: title must not be empty"},
	{"bad unit kind", HEAD "unit,V,ministry,,,X\n", "t.csv:5: unknown unit kind 'ministry'"},
	{"parent after child", HEAD "unit,V,department,W,,X\n", "t.csv:5: parent unit 'W' is not declared"},
	{"group without members", HEAD "unit,G,group,U,,X\n", "t.csv:5: a group unit needs members"},
	{"group as parent", HEAD "unit,G,group,U,commune,X\nunit,V,commune,G,,Y\n",
	 "t.csv:6: parent unit 'G' is a group of units: a unit's parent is one unit"},
	{"bad member", HEAD "unit,G,group,U,villages,X\n", "t.csv:5: member 'villages'"},
	{"percent over 100", HEAD TASK "indicator,I,percent,>=,120,2025,ratio,U,T,X\n", "t.csv:6: a percent target cannot exceed 100"},
	{"bad comparator", HEAD TASK "indicator,I,count,>,3,2025,sum,U,T,X\n", "t.csv:6: comparator '>'"},
	{"bad year", HEAD TASK "indicator,I,count,>=,3,soon,sum,U,T,X\n", "t.csv:6: year 'soon'"},
	{"bad due", HEAD TASK "report,R,U,U,half,06-20,no,X\n", "t.csv:6: due '06-20': the number of due dates"},
	{"bad period", HEAD TASK "report,R,U,U,week,20,no,X\n", "t.csv:6: period 'week'"},
	{"bad adhoc", HEAD TASK "report,R,U,U,month,20,maybe,X\n", "t.csv:6: ad hoc 'maybe'"},
	{"inferred mark alone", HEAD TASK "report,R,U,?,month,20,no,X\n", "t.csv:6: report recipient '?' is not a declared unit"},
	{"inferred mark twice", HEAD TASK "report,R,U,U??,month,20,no,X\n", "t.csv:6: report recipient 'U?' is not a declared unit"},
	{"inferred unknown unit", HEAD TASK "report,R,U,V?,month,20,no,X\n", "t.csv:6: report recipient 'V' is not a declared unit"},
	{"bad event date", HEAD "event,E,02-30,Ngày\n", "t.csv:5: event date '02-30'"},
	{"unknown event", HEAD "task,1a,S1,a),U,,recurring,E9,,,T,X\n", "t.csv:5: event 'E9' is not declared"},
	{"bad plan date", "format,tiendo-plan,1\nplan,P,1,U,,N,13/8/2025,U,,,T\n", "t.csv:2: date '13/8/2025'"},
	{"bad version", "format,tiendo-plan,1\nplan,P,v1,U,,N,,U,,,T\n", "t.csv:2: plan version 'v1'"},
	{"issuer undeclared", "format,tiendo-plan,1\nplan,P,1,X,,N,,X,,,T\nunit,U,province,,,Y\nsection,S1,A\ntask,1,S1,,U,,none,,,,T,X\n", "t.csv:5: the plan's issuer 'X'"},
	{"no tasks", HEAD, "t.csv:4: the plan has no tasks"},
	{"stray quote", HEAD "task,1a,S1,a),U,,recurring,,,,T,a\"b\n", "t.csv:5: malformed quoting"},
	{"unclosed quote", HEAD TASK "task,1b,S1,a),U,,recurring,,,,T,\"open\nstill open\n", "t.csv:6: unclosed quote"},
	{"invalid UTF-8", HEAD "task,1a,S1,a),U,,recurring,,,,T,\xC3(\n", "t.csv:5: not valid UTF-8"},
	{"control character", HEAD "task,1a,S1,a),U,,recurring,,,,T\x01,X\n", "t.csv:5: title: control character"},
	{"line break in title", HEAD "task,1a,S1,a),U,,recurring,,,,\"T\nU\",X\n", "t.csv:5: title: line break"},
};

static void expect_refused(const char *name, const char *in, size_t n, const char *want)
{
	struct plan_def p;
	struct err e = {{0}};
	int rc = planfile_parse(in, n, "t.csv", &p, &e);
	CHECK(rc != 0, name);
	if (rc == 0) {
		plan_def_free(&p);
		return;
	}
	if (strncmp(e.msg, want, strlen(want)) != 0)
		printf("#   message: %s\n#   wanted:  %s...\n", e.msg, want);
	CHECK(strncmp(e.msg, want, strlen(want)) == 0, "message names file, line and problem");
	CHECK(p.n_tasks == 0 && p.code == NULL, "nothing is left behind");
}

int main(void)
{
	msg_set_lang(LANG_EN);
	for (size_t i = 0; i < sizeof bads / sizeof bads[0]; i++)
		expect_refused(bads[i].name, bads[i].input, strlen(bads[i].input), bads[i].want);
	static const char nul[] = HEAD "task,1a,S1,a),U,,recurring,,,,T,X\0Y\n";
	expect_refused("NUL byte", nul, sizeof nul - 1, "t.csv:5: NUL byte");

	/* A field over the cap. */
	size_t big = 70 * 1024;
	char *huge = malloc(big + 200);
	strcpy(huge, HEAD "task,1a,S1,a),U,,recurring,,,,T,");
	size_t len = strlen(huge);
	memset(huge + len, 'x', big);
	strcpy(huge + len + big, "\n");
	expect_refused("oversized field", huge, strlen(huge), "t.csv:5: field too long");
	free(huge);

	/* Good files: BOM, CRLF, ';' separators, comments, padding, multi-line fields. */
	const char *good = "\xEF\xBB\xBF#comment,row\r\n"
			   "format,tiendo-plan,1\r\n"
			   "plan,P-1,3,U,,Nơi,,U,,,\"Kế hoạch, có dấu phẩy\"\r\n"
			   "unit,U,province,,,Ủy ban,,,\r\n"
			   "unit,G,group,U,commune,Các xã\r\n"
			   "section,S1,Phần một\r\n"
			   "\r\n"
			   "task,1a,S1,a),U,G,due:2025,,tin bài,Hoàn thành năm 2025.,Tiêu đề,\"Dòng một\r\ndòng \"\"hai\"\"\"\r\n"
			   "task,1b,S1,b),G,,recurring:2026-03-01,,,,Hai,Nội dung\r\n";
	struct plan_def p;
	struct err e;
	int rc = planfile_parse(good, strlen(good), "g.csv", &p, &e);
	if (rc)
		printf("#   %s\n", e.msg);
	CHECK(rc == 0, "BOM, CRLF, comments, padding and multi-line fields accepted");
	if (rc == 0) {
		CHECK_INT(p.version, 3, "version read");
		CHECK_STR(p.title, "Kế hoạch, có dấu phẩy", "quoted comma kept");
		CHECK_INT(p.n_tasks, 2, "two tasks");
		CHECK_STR(p.tasks[0].text, "Dòng một\ndòng \"hai\"", "multi-line text with quotes, CRLF folded");
		CHECK_STR(p.tasks[0].coord, "G", "coordinating unit read");
		CHECK_INT(p.tasks[1].tf.kind, TF_RECURRING, "recurring from a date");
		CHECK_STR(p.units[1].members, "commune", "group members read");
		plan_def_free(&p);
	}
	/* A recipient the plan does not name: "CODE?" loads as CODE, marked inferred,
	 * and is written back with its mark; an unmarked one is not inferred. */
	const char *inf = HEAD TASK "report,R1,U,U?,half,06-20 12-20,yes,Báo cáo theo quy định.\n"
			  "report,R2,U,U,month,20,no,Báo cáo về Ủy ban.\n";
	rc = planfile_parse(inf, strlen(inf), "i.csv", &p, &e);
	if (rc)
		printf("#   %s\n", e.msg);
	CHECK(rc == 0, "a recipient marked inferred is accepted");
	if (rc == 0) {
		CHECK_STR(p.reports[0].to, "U", "the mark is not part of the code");
		CHECK(p.reports[0].to_inferred, "the recipient is marked inferred");
		CHECK(!p.reports[1].to_inferred, "an unmarked recipient is not inferred");
		struct strbuf out = {0};
		planfile_write(&p, 0, &out);
		CHECK(strstr(out.s, "\nreport,R1,U,U?,half,") != NULL, "the mark is written back");
		CHECK(strstr(out.s, "\nreport,R2,U,U,month,") != NULL, "no mark where the plan names the recipient");
		struct plan_def back;
		rc = planfile_parse(out.s, out.len, "o.csv", &back, &e);
		CHECK(rc == 0 && back.reports[0].to_inferred && !back.reports[1].to_inferred,
		      "the mark survives a round trip");
		if (rc == 0)
			plan_def_free(&back);
		sb_free(&out);
		plan_def_free(&p);
	}
	/* The row after a multi-line field is numbered by its own first line. */
	const char *ml = HEAD "task,1a,S1,a),U,,recurring,,,,T,\"one\ntwo\nthree\"\ntask,1b,S1,a),NOPE,,recurring,,,,T,X\n";
	expect_refused("line numbers after a multi-line field", ml, strlen(ml), "t.csv:8: lead units: unknown unit 'NOPE'");
	const char *semi = "format;tiendo-plan;1\nplan;P;1;U;;N;;U;;;T\nunit;U;province;;;Y\nsection;S1;A\ntask;1;S1;;U;;none;;;;T;X, Y\n";
	rc = planfile_parse(semi, strlen(semi), "s.csv", &p, &e);
	CHECK(rc == 0, "';' separated file (Excel with Vietnamese settings) accepted");
	if (rc == 0) {
		CHECK_STR(p.tasks[0].text, "X, Y", "comma inside a ';' file is text");
		plan_def_free(&p);
	}
	return check_done();
}
