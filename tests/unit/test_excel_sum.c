/* SPDX-License-Identifier: MIT */
/* Unit tests: the end row's checksum in the Excel flavour (issue 13, section
 * 5). The checksum is 16 hex digits; about one in 1,850 is digits only and
 * about one in 1,300 digits around an e, which a spreadsheet turns into a
 * number (leading zeros lost, 15 significant digits, scientific notation)
 * and re-saves so. Reports with such checksums are found by varying a text;
 * their checksum must be protected as texts are, and read back exactly. */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "check_exchange.h"
#include "csvio.h"
#include "msg.h"
#include "report.h"

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* "1234e567...": one e between digits, read as a scientific number */
static bool digits_around_e(const char *s)
{
	const char *e = strchr(s, 'e');
	if (!e || e == s || !e[1] || strchr(e + 1, 'e'))
		return false;
	for (; *s; s++)
		if (s != e && (*s < '0' || *s > '9'))
			return false;
	return true;
}

/* One entry whose evidence a spreadsheet would take for a number. */
static void make(struct report *r)
{
	report_one(r, "XA1", "XA1", "T1");
	free(r->entries[0].en.result);
	r->entries[0].en.result = xstrdup("");
	free(r->entries[0].en.evidence);
	r->entries[0].en.evidence = xstrdup("0912345678");
}

/* Vary r's result text until its checksum (hex) satisfies want. */
static bool find(struct report *r, bool (*want)(const char *), char hex[17])
{
	for (int i = 0; i < 200000; i++) {
		struct strbuf b = {0};
		free(r->entries[0].en.result);
		sb_addf(&b, "kết quả %d", i);
		r->entries[0].en.result = sb_take(&b);
		report_write(r, false, &b);
		sb_free(&b);
		snprintf(hex, 17, "%016" PRIx64, r->checksum);
		if (want(hex))
			return true;
	}
	return false;
}

/* The last line of b (from its start to its end). */
static const char *last_line(const struct strbuf *b)
{
	size_t k = b->len;
	if (k && b->s[k - 1] == '\n')
		k--;
	while (k > 0 && b->s[k - 1] != '\n')
		k--;
	return b->s + k;
}

static void check_case(const char *what, bool (*want)(const char *))
{
	struct report r, back;
	struct strvec problems = {0};
	char hex[17], name[200], line[64];
	make(&r);
	snprintf(name, sizeof name, "a report whose checksum is %s is found", what);
	CHECK(find(&r, want, hex), name);
	if (!want(hex)) {
		report_free(&r);
		return;
	}
	printf("# checksum %s for the result \"%s\"\n", hex, r.entries[0].en.result);
	struct strbuf b = {0};
	report_write(&r, true, &b);
	snprintf(line, sizeof line, "end,1,\"'%s\"\r\n", hex);
	snprintf(name, sizeof name, "Excel flavour: a checksum %s is protected as a text", what);
	CHECK_STR(last_line(&b), line, name);
	snprintf(name, sizeof name, "Excel flavour: the report with a checksum %s reads back", what);
	CHECK(report_parse(b.s, b.len, "x.csv", &back, &problems) == 0 && back.checksum == r.checksum,
	      name);
	report_free(&back);
	/* A file written before the protection (or by hand) still reads. */
	size_t at = (size_t)(last_line(&b) - b.s);
	b.len = at;
	b.s[at] = '\0';
	sb_addf(&b, "end,1,%s\r\n", hex);
	snprintf(name, sizeof name, "Excel flavour: an unprotected checksum %s still reads", what);
	CHECK(report_parse(b.s, b.len, "x.csv", &back, &problems) == 0 && back.checksum == r.checksum,
	      name);
	report_free(&back);
	sb_free(&b);
	report_write(&r, false, &b);
	snprintf(line, sizeof line, "end,1,%s\n", hex);
	snprintf(name, sizeof name, "machine flavour: a checksum %s is written as it is", what);
	CHECK_STR(last_line(&b), line, name);
	sb_free(&b);
	report_free(&r);
	sv_free(&problems);
}

static void test_protection(void)
{
	CHECK(csvio_looks_numeric("0123456789012345"), "digits only look like a number");
	CHECK(csvio_looks_numeric("1234e56789012345"), "digits around an e look like a number");
	CHECK(!csvio_looks_numeric("0123456789abcdef"), "other hex digits do not");
	char s[] = "'0123456789012345";
	csvio_unneutralise(s);
	CHECK_STR(s, "0123456789012345", "the protection is undone exactly");
	struct strbuf b = {0};
	const char *f[] = {"0123456789012345"};
	csvio_write_row(&b, f, 1, CSVW_EXCEL | CSVW_NUMBERS);
	CHECK_STR(b.s, "\"'0123456789012345\"\r\n", "csvio protects it in the Excel flavour");
	sb_free(&b);
}

int main(void)
{
	msg_set_lang(LANG_EN);
	test_protection();
	check_case("digits only", all_digits);
	check_case("digits around an e", digits_around_e);
	return check_done();
}
