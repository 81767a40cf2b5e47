/* SPDX-License-Identifier: MIT */
/* The table conversions Windows uses for cp1258 and TCVN3, against glibc's iconv. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "compat.h"
#include "util.h"

static bool same(const char *a, size_t na, const char *b, size_t nb)
{
	if (!a || !b)
		return a == b;
	return na == nb && memcmp(a, b, na) == 0;
}

/* Every byte alone decodes as iconv decodes it (or both refuse it). */
static void check_bytes(const char *cs)
{
	int bad = 0;
	for (int c = 1; c < 256; c++) {
		char in = (char)c;
		size_t nt = 0, ni = 0;
		char *t = compat_table_convert("UTF-8", cs, &in, 1, &nt);
		char *i = compat_convert("UTF-8", cs, &in, 1, &ni);
		if (!same(t, nt, i, ni)) {
			printf("#   %s byte 0x%02X: table %s, iconv %s\n", cs, c, t ? t : "-", i ? i : "-");
			bad++;
		}
		free(t);
		free(i);
	}
	char name[64];
	snprintf(name, sizeof name, "%s: 255 bytes decode as iconv decodes them", cs);
	CHECK(bad == 0, name);
}

/* Every Vietnamese letter (and the Latin letters around them) encodes as iconv
 * encodes it, precomposed or as base + tone mark, or both refuse it. */
static void check_letters(const char *cs)
{
	static const uint32_t ranges[][2] = {
		{0x20, 0x7E}, {0xC0, 0x17F}, {0x1A0, 0x1B0}, {0x300, 0x323}, {0x1EA0, 0x1EF9},
	};
	int bad = 0, encoded = 0;
	for (size_t r = 0; r < ARRAY_LEN(ranges); r++) {
		for (uint32_t cp = ranges[r][0]; cp <= ranges[r][1]; cp++) {
			char u[5];
			size_t n = utf8_put(u, cp), nt = 0, ni = 0;
			char *t = compat_table_convert(cs, "UTF-8", u, n, &nt);
			char *i = compat_convert(cs, "UTF-8", u, n, &ni);
			if (!same(t, nt, i, ni)) {
				printf("#   %s U+%04X: table %zu bytes, iconv %zu bytes\n", cs,
				       (unsigned)cp, t ? nt : 0, i ? ni : 0);
				bad++;
			}
			encoded += t != NULL;
			free(t);
			free(i);
		}
	}
	char name[80];
	snprintf(name, sizeof name, "%s: letters encode as iconv encodes them (%d encodable)", cs, encoded);
	CHECK(bad == 0, name);
}

int main(void)
{
	const char *cs[] = {"CP1258", "TCVN5712-1"};
	for (int k = 0; k < 2; k++) {
		check_bytes(cs[k]);
		check_letters(cs[k]);
	}
	const char *text = "Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số năm 2026";
	size_t n;
	char *enc = compat_table_convert("CP1258", "UTF-8", text, strlen(text), &n);
	size_t ni;
	char *ienc = compat_convert("CP1258", "UTF-8", text, strlen(text), &ni);
	CHECK(same(enc, n, ienc, ni), "a Vietnamese sentence in cp1258: the bytes iconv writes");
	free(enc);
	free(ienc);
	CHECK(compat_table_convert("CP1258", "UTF-8", "中", 3, NULL) == NULL,
	      "a character cp1258 lacks is refused");
	CHECK(compat_table_convert("UTF-8", "CP1258", "\x81", 1, NULL) == NULL,
	      "a byte cp1258 leaves undefined is refused");
	return check_done();
}
