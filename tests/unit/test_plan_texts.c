/* SPDX-License-Identifier: MIT */
/* Unit tests: every text field of every shipped plan is valid UTF-8 in NFC, and made only
 * of Vietnamese letters, ASCII and common punctuation (so OCR damage such as "¢", "§",
 * "ö" or a tilde on a consonant cannot hide in a plan). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "check.h"
#include "csvio.h"
#include "text.h"

/* Is cp a letter of Vietnamese (or allowed punctuation)? */
static int allowed(utf8proc_int32_t cp)
{
	static const utf8proc_int32_t punct[] = {0x2013, 0x2014, 0x201C, 0x201D, 0x2018, 0x2019,
						 0x2026, 0x2022, 0x2265, 0x2264, 0x00B0, 0x00A0};
	if (cp < 0x80)
		return cp >= 0x20 || cp == '\n' || cp == '\t';
	if (cp == 0x0110 || cp == 0x0111)
		return 1; /* Đ đ */
	for (size_t i = 0; i < sizeof punct / sizeof punct[0]; i++)
		if (cp == punct[i])
			return 1;
	utf8proc_int32_t d[4];
	int opt;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 4, UTF8PROC_DECOMPOSE, &opt);
	if (n < 2 || n > 3 || !strchr("aeiouyAEIOUY", (int)d[0]))
		return 0;
	int shape = 0, tone = 0;
	for (utf8proc_ssize_t i = 1; i < n; i++) {
		switch (d[i]) {
		case 0x0306: if (d[0] != 'a' && d[0] != 'A') return 0; shape++; break;
		case 0x0302: if (!strchr("aeoAEO", (int)d[0])) return 0; shape++; break;
		case 0x031B: if (!strchr("ouOU", (int)d[0])) return 0; shape++; break;
		case 0x0300: case 0x0301: case 0x0303: case 0x0309: case 0x0323: tone++; break;
		default: return 0;
		}
	}
	return shape <= 1 && tone <= 1;
}

static void check_file(const char *path)
{
	size_t n;
	char *buf = read_file(path, &n);
	CHECK(buf != NULL, path);
	if (!buf)
		return;
	struct csv_table t;
	struct err e;
	int rc = csvio_parse(buf, n, path, 0, NULL, &t, &e);
	CHECK(rc == 0, "parses as CSV");
	size_t fields = 0, bad_nfc = 0, bad_utf8 = 0, bad_char = 0;
	for (size_t i = 0; rc == 0 && i < t.n; i++) {
		for (size_t j = 0; j < t.rows[i].n; j++) {
			const char *s = t.rows[i].f[j];
			fields++;
			if (!text_valid_utf8(s, strlen(s))) {
				bad_utf8++;
				continue;
			}
			char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
			if (!nfc || strcmp(nfc, s) != 0) {
				if (bad_nfc++ < 3)
					printf("#   %s:%d: not NFC: %.60s\n", path, t.rows[i].line, s);
			}
			free(nfc);
			const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
			while (*p) {
				utf8proc_int32_t cp;
				utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
				if (k <= 0)
					break;
				if (!allowed(cp) && bad_char++ < 5)
					printf("#   %s:%d: unexpected character U+%04X in: %.60s\n", path,
					       t.rows[i].line, (unsigned)cp, s);
				p += k;
			}
		}
	}
	CHECK(fields > 100, "the plan has content");
	CHECK(bad_utf8 == 0, "every field is valid UTF-8");
	CHECK(bad_nfc == 0, "every field is NFC");
	CHECK(bad_char == 0, "only Vietnamese letters, ASCII and common punctuation");
	if (rc == 0)
		csvio_table_free(&t);
	free(buf);
}

int main(void)
{
	DIR *d = opendir("data/plans");
	int files = 0;
	struct dirent *de;
	CHECK(d != NULL, "data/plans is readable");
	while (d && (de = readdir(d))) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".csv") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "data/plans/%s", de->d_name);
		check_file(path);
		files++;
	}
	if (d)
		closedir(d);
	CHECK_INT(files, 5, "five shipped plans");
	/* The check itself: OCR damage and foreign letters are caught. */
	CHECK(!allowed(0x00A2) && !allowed(0x00A7), "¢ and § are refused");
	CHECK(!allowed(0x00F6) && !allowed(0x00F1), "ö and ñ are refused");
	CHECK(allowed(0x1EBF) && allowed(0x01B0) && allowed(0x1EA1), "ế, ư and ạ are letters");
	return check_done();
}
