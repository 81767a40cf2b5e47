/* SPDX-License-Identifier: MIT */
/* Unit tests: csvio_write_row, field by field (quoting, doubled quotes, CRLF for
 * Excel, protected formulas), and its flushes for a streamed file. */
#include "check.h"
#include "csvio.h"
#include "util.h"

/* One row of one field, as written with flags. */
static const char *one(const char *field, unsigned flags)
{
	static struct strbuf b;
	sb_free(&b);
	const char *f[] = {field};
	csvio_write_row(&b, f, 1, flags);
	return b.s;
}

static size_t flushed;

static void count_flush(struct strbuf *b)
{
	flushed += b->len;
	b->len = 0;
	b->s[0] = '\0';
}

int main(void)
{
	CHECK_STR(one("plain", 0), "plain\n", "a plain field as it is");
	CHECK_STR(one("", 0), "\n", "an empty field");
	CHECK_STR(one(NULL, 0), "\n", "a NULL field is empty");
	CHECK_STR(one("a,b", 0), "\"a,b\"\n", "a comma is quoted");
	CHECK_STR(one("a;b", 0), "\"a;b\"\n", "a semicolon is quoted");
	CHECK_STR(one("a\tb", 0), "\"a\tb\"\n", "a tab is quoted");
	CHECK_STR(one("a\rb", 0), "\"a\rb\"\n", "a CR is quoted");
	CHECK_STR(one(" lead", 0), "\" lead\"\n", "a leading space is quoted");
	CHECK_STR(one("trail ", 0), "\"trail \"\n", "a trailing space is quoted");
	CHECK_STR(one("say \"hi\"", 0), "\"say \"\"hi\"\"\"\n", "quotes are doubled");
	CHECK_STR(one("\"", 0), "\"\"\"\"\n", "a lone quote");
	CHECK_STR(one("a\nb", 0), "\"a\nb\"\n", "a line break stays LF without Excel");
	CHECK_STR(one("a\nb", CSVW_EXCEL), "\"a\r\nb\"\r\n", "Excel: line breaks as CRLF");
	CHECK_STR(one("x \"y\"\nz,", CSVW_EXCEL), "\"x \"\"y\"\"\r\nz,\"\r\n",
		  "Excel: quotes and line breaks together");
	CHECK_STR(one("=1+1", CSVW_SAFE), "\"'=1+1\"\n", "a formula is protected");
	CHECK_STR(one("=1+1", 0), "=1+1\n", "unprotected without a flag");
	CHECK_STR(one("0123", CSVW_EXCEL | CSVW_NUMBERS), "\"'0123\"\r\n",
		  "Excel numbers: a numeric text is protected");
	CHECK_STR(one("Xã Tân Phú, ấp 3", 0), "\"Xã Tân Phú, ấp 3\"\n", "Vietnamese bytes copied whole");

	struct strbuf b = {0};
	const char *f[] = {"a", "b,c", "", "d\"e"};
	csvio_write_row(&b, f, 4, 0);
	CHECK_STR(b.s, "a,\"b,c\",,\"d\"\"e\"\n", "fields joined by commas");
	sb_free(&b);

	/* A writer with a flush empties the buffer once SB_FLUSH_AT bytes wait. */
	b.flush = count_flush;
	char big[1000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	const char *g[] = {big};
	size_t rows = SB_FLUSH_AT / 1000 + 2, total = rows * 1000;
	for (size_t i = 0; i < rows; i++)
		csvio_write_row(&b, g, 1, 0);
	CHECK(flushed > 0 && b.len < SB_FLUSH_AT, "flushed once the threshold is reached");
	CHECK_INT(flushed + b.len, total, "nothing lost or doubled by the flushes");
	sb_free(&b);
	printf("1..%d\n", check_count);
	return check_failed != 0;
}
