/* SPDX-License-Identifier: MIT */
/* Unit tests: csvio.c's own tokenizer (the fast path) against libcsv alone
 * (csvio_libcsv_only) on the same inputs: the same rows, fields, line
 * numbers and refusals, for the common shapes and the unusual ones. */
#include <stdint.h>

#include "check.h"
#include "csvio.h"
#include "msg.h"
#include "util.h"

struct dump {
	struct strbuf b;
	int stop_after; /* rows before fn asks to stop; 0: never */
	int rows;
};

/* Each row as LINE|field|field..., bytes below 0x20 as \xNN. */
static int dump_row(void *arg, const struct csv_row *row)
{
	struct dump *d = arg;
	sb_addf(&d->b, "%d", row->line);
	for (size_t i = 0; i < row->n; i++) {
		sb_addc(&d->b, '|');
		for (const unsigned char *p = (const unsigned char *)row->f[i]; *p; p++)
			if (*p < 0x20 || *p == '|' || *p == '\\')
				sb_addf(&d->b, "\\x%02x", *p);
			else
				sb_addc(&d->b, (char)*p);
	}
	if (row->f[row->n] != NULL)
		sb_add(&d->b, "(no NULL after the fields)");
	sb_addc(&d->b, '\n');
	return d->stop_after && ++d->rows >= d->stop_after;
}

/* What one path makes of buf[0..n): rows, then the separator, BOM and any refusal. */
static char *run(const char *buf, size_t n, char delim, const struct csv_limits *lim, bool slow,
		 int stop_after)
{
	struct dump d = {.stop_after = stop_after};
	struct err e;
	char used = 0;
	bool bom = false;
	csvio_libcsv_only = slow;
	sb_addn(&d.b, "", 0);
	if (csvio_parse_rows(buf, n, "f.csv", delim, lim, dump_row, &d, &used, &bom, &e))
		sb_addf(&d.b, "refused: %s\n", e.msg);
	sb_addf(&d.b, "delim %c bom %d\n", used, bom);
	csvio_libcsv_only = false;
	return sb_take(&d.b);
}

static int compared, differed;

/* Both paths on the same input; the first few differences are printed. */
static bool same(const char *buf, size_t n, char delim, const struct csv_limits *lim, int stop)
{
	char *fast = run(buf, n, delim, lim, false, stop);
	char *slow = run(buf, n, delim, lim, true, stop);
	bool ok = strcmp(fast, slow) == 0;
	compared++;
	if (!ok && differed++ < 5) {
		printf("# input (%zu bytes):", n);
		for (size_t i = 0; i < n; i++)
			printf(" %02x", (unsigned char)buf[i]);
		printf("\n# fast:\n%s# libcsv:\n%s", fast, slow);
	}
	free(fast);
	free(slow);
	return ok;
}

static void check_same(const char *s, const char *name)
{
	CHECK(same(s, strlen(s), 0, NULL, 0), name);
}

/* The cases a clerk's files hold, and the ones that must go to libcsv. */
static void test_shapes(void)
{
	check_same("a,b,c\n1,2,3\n", "plain rows");
	check_same("a,b,c\n1,2,3", "no line end at the end");
	check_same("a,b,c\r\n1,2,3\r\n", "CRLF line ends");
	check_same("\xEF\xBB\xBF" "a,b\n1,2\n", "a BOM");
	check_same("a,,c\n,,\n,\n", "empty fields");
	check_same("a,b,\n1,2,", "a separator at the end of a row");
	check_same("a\n\n\nb\r\n\r\nc\n", "blank lines are dropped");
	check_same("\"a\",\"b,c\",\"d\"\"e\"\n", "quoted fields, a separator and a doubled quote inside");
	check_same("\"\"\n\"\",\"\"\n", "empty quoted fields");
	check_same("x,\"two\nlines\",y\nz,1,2\n", "a line break inside quotes: later lines counted");
	check_same("x,\"two\r\nlines\",y\r\nz,1,2\r\n", "CRLF inside quotes");
	check_same("Việc,Kết quả \"tốt\"\n", "a quote inside an unquoted field is refused alike");
	check_same("a,\"b\"c\n", "text after a closing quote is refused alike");
	check_same("a,\"unclosed\nb,c\n", "an unclosed quote is refused alike");
	check_same("a, b ,c\n 1,2\t,3\n", "spaces and tabs at a field's ends are trimmed alike");
	check_same("a,\"b\" ,c\n", "a space after a closing quote");
	check_same("a,  \"b\",c\n", "spaces before an opening quote");
	check_same("a,b\rc,d\re\n", "bare CR line ends");
	check_same("a\r\r\nb\n", "CR CR LF");
	check_same("   \n\t\nx\n", "lines of spaces");
	check_same("ok,1\nbad\"x,2\nok,3\n", "a bad row after a good one: its line");
	check_same("a;b;\"c;d\"\n1;2;3\n", "semicolons");
	check_same("a\tb\t\" c \"\n1\t 2 \t3\n", "tabs");
	check_same("#comment,\"x\"\nformat,tiendo-report,1\n", "a comment row is a row");
	check_same("", "nothing at all");
	check_same("\n\n", "only line ends");
	check_same("a,\"b\"", "a quoted field at the end of the input");
	check_same("a,\"b\"\"\"", "a doubled quote closing the input");
}

static void test_limits(void)
{
	const struct csv_limits small = {.max_field = 8, .max_row = 20, .max_fields = 4};
	const char *cases[] = {
		"12345678,1\n",               /* a field at the limit */
		"123456789,1\n",              /* one byte over */
		"ok\n\"123456789\",1\n",      /* quoted, over, on line 2 */
		"1234567,1234567,1234567\n",  /* a row over */
		"1,2,3,4\n",                  /* fields at the limit */
		"1,2,3,4,5\n",                /* one field too many */
		"a\n\"12\n34\n5678\n9\",x\n", /* a long field over lines */
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char name[80];
		snprintf(name, sizeof name, "limits, case %zu: the same", i);
		CHECK(same(cases[i], strlen(cases[i]), 0, &small, 0), name);
	}
	/* The fast path must refuse, through libcsv, what is over. */
	char *got = run("ok\n123456789,1\n", 15, 0, &small, false, 0);
	CHECK(strstr(got, "refused: f.csv:2: field too long") != NULL, "a field over the limit is refused on its line");
	free(got);
}

static void test_stop(void)
{
	const char *s = "a,1\nb,2\n\"c\",3\nd,\"4\"\"\"\n";
	for (int k = 1; k <= 5; k++) {
		char name[60];
		snprintf(name, sizeof name, "fn stops after %d rows on both paths", k);
		CHECK(same(s, strlen(s), 0, NULL, k), name);
	}
}

/* What the fast path does is what libcsv does, for many small inputs made
 * of the bytes that matter (a fixed seed: the same inputs every run). */
static void test_random(void)
{
	static const char alphabet[] = {'a', 'b', ',', ',', '"', '"', '\n', '\r', ' ', '\t', ';', 'x'};
	uint32_t seed = 12345;
	char buf[40];
	int before = differed;
	compared = 0;
	for (int t = 0; t < 20000; t++) {
		seed = seed * 1103515245u + 12345u;
		size_t n = (seed >> 16) % sizeof buf;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			buf[i] = alphabet[(seed >> 16) % sizeof alphabet];
		}
		same(buf, n, 0, NULL, 0);
	}
	CHECK_INT(differed - before, 0, "20,000 random inputs: no difference between the paths");
	CHECK_INT(compared, 20000, "all of them compared");
}

/* The same content read through the fast path gives the rows libcsv gives:
 * one file large enough to have many rows and quoted fields. */
static void test_report_like(void)
{
	struct strbuf b = {0};
	sb_add(&b, "format,tiendo-report,1\r\n");
	for (int i = 0; i < 500; i++)
		sb_addf(&b, "entry,DT-X-%04d,1a-%d,2026S1,%d,done,%d,,\"Đã lập, \"\"xong\"\"\nhai dòng\",,,,Nguyễn Văn A,2026-06-10T08:30:00Z\r\n",
			i, i % 7, i % 3 + 1, i % 101);
	sb_add(&b, "end,500,0123456789abcdef\r\n");
	CHECK(same(b.s, b.len, 0, NULL, 0), "a report-like file: the same rows");
	sb_free(&b);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	test_shapes();
	test_limits();
	test_stop();
	test_random();
	test_report_like();
	printf("1..%d\n", check_count);
	return check_failed != 0;
}
