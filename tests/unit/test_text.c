/* SPDX-License-Identifier: MIT */
/* Unit tests: UTF-8 checks, NFC, folding for search, ASCII rendering. */
#include <stdlib.h>

#include "check.h"
#include "text.h"
#include "util.h"

static char *clean(const char *s, unsigned flags)
{
	const char *why;
	return text_clean(s, flags, &why);
}

int main(void)
{
	/* "Việt" precomposed vs decomposed: e + circumflex (U+0302) + dot below (U+0323) */
	const char *nfc = "Vi\xE1\xBB\x87t";
	const char *nfd = "Vie\xCC\x82\xCC\xA3t";
	char *a = clean(nfc, 0), *b = clean(nfd, 0);
	CHECK_STR(a, nfc, "NFC input kept");
	CHECK_STR(b, nfc, "NFD input becomes NFC");
	free(a);
	free(b);

	const char *why = NULL;
	CHECK(text_clean("ab\xC3(", 0, &why) == NULL, "invalid UTF-8 refused");
	CHECK(why != NULL, "invalid UTF-8 says why");
	CHECK(text_clean("a\x01" "b", 0, &why) == NULL, "control character refused");
	CHECK(text_clean("a\nb", 0, &why) == NULL, "line break refused in a one-line field");
	a = clean("a\r\nb\rc", TEXT_MULTILINE);
	CHECK_STR(a, "a\nb\nc", "CRLF and CR become LF in multi-line fields");
	free(a);
	CHECK(text_valid_utf8("abc", 3), "ASCII is UTF-8");
	CHECK(!text_valid_utf8("a\0b", 3), "NUL is refused");
	CHECK(!text_valid_utf8("\xED\xA0\x80", 3), "surrogates are refused");
	CHECK(!text_valid_utf8("\xC0\xAF", 2), "overlong encoding refused");
	CHECK(text_blank("") && text_blank(" \t\r\n ") && text_blank("\xC2\xA0\xE2\x80\x83\xE3\x80\x80"),
	      "spaces, tabs, line breaks, no-break and other Unicode spaces are blank");
	CHECK(!text_blank(" a ") && !text_blank("\xE2\x80\x8B") && !text_blank("\xE2\x80"),
	      "a letter, a zero-width space or a cut sequence is not");

	struct { const char *in, *fold; } folds[] = {
		{"CHUYỂN ĐỔI SỐ", "chuyen doi so"},
		{"chuyển đổi số", "chuyen doi so"},
		{"Đồng Tháp", "dong thap"},
		{"Quảng Ngãi", "quang ngai"},
		{"hoà", "hoa"},
		{"hòa", "hoa"},
		{"Nghị quyết 57-NQ/TW", "nghi quyet 57-nq/tw"},
		{"ƯU TIÊN", "uu tien"},
	};
	for (size_t i = 0; i < sizeof folds / sizeof folds[0]; i++) {
		char *f = text_fold(folds[i].in);
		CHECK_STR(f, folds[i].fold, folds[i].in);
		free(f);
	}
	char *hay = text_fold("Đẩy mạnh truyền thông chuyển đổi số tại Đồng Tháp");
	char *n1 = text_fold("chuyen doi so"), *n2 = text_fold("DONG THAP"), *n3 = text_fold("dòng thắp");
	char *n4 = text_fold("kinh phí");
	CHECK(text_match(hay, n1), "search without diacritics finds the text");
	CHECK(text_match(hay, n2), "search in capitals finds the text");
	CHECK(text_match(hay, n3), "search with other tones finds the text");
	CHECK(!text_match(hay, n4), "search for absent words finds nothing");
	free(hay);
	free(n1);
	free(n2);
	free(n3);
	free(n4);

	char *asc = text_ascii("Kế hoạch số 118/KH-UBND – Đồng Tháp “đặc khu”");
	CHECK_STR(asc, "Ke hoach so 118/KH-UBND - Dong Thap \"dac khu\"", "ASCII rendering");
	free(asc);
	char bad[] = "ab\xE1\xBB";
	text_repair_utf8(bad);
	CHECK_STR(bad, "ab??", "a clipped character is repaired");

	/* text_clean_proven: the same verdict and result as text_clean on
	 * valid NFC text, in place (issue 15: the import's fields). */
	static const char *const cases[] = {
		"", "Hoàn thành 80% kế hoạch", "tab\there", "a\r\nb\rc\nd", "a\r\n", "\r",
		"a\x01" "b", "x\x7f", "bidi \xE2\x80\xAE here", "c1 \xC2\x85", "iso \xE2\x81\xA6",
		"line\nthen \xE2\x80\xAE", "“quoted” – dash", "\xC2\xA0nbsp", "\xE2\x80\xA6",
		/* longer: what is looked for at each place in an eight-byte word */
		"Hoàn thành kế hoạch năm 2026, đạt 80%", "1234567\x01" "abcdefgh", "12345678\r\n12345678",
		"abcdefghi\tjklmnopq", "abcdefg\xE2\x80\xAE tail of the text", "Kết quả tốt đẹp\x7f",
		"abcdefghijklmn\xC2\x85", "abcdefghijklmno\xC2\xA0", "abcdefghijk\n", "abcdefghijklmnop\r",
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		for (unsigned fl = 0; fl <= TEXT_MULTILINE; fl++) {
			const char *why1 = NULL, *why2 = NULL;
			char *want = text_clean(cases[i], fl, &why1);
			char *got = xstrdup(cases[i]);
			bool ok = text_clean_proven(got, fl, &why2);
			char what[80];
			snprintf(what, sizeof what, "text_clean_proven agrees on case %zu, flags %u", i, fl);
			CHECK(ok == (want != NULL) && (ok ? strcmp(got, want) == 0 : strcmp(why1, why2) == 0),
			      what);
			free(want);
			free(got);
		}

	/* text_valid_utf8_nfc: text_valid_utf8's verdict, and NFC when it says so
	 * (random strings of pieces: ASCII runs, Vietnamese, combining marks,
	 * NUL, broken and overlong sequences, 4-byte characters). */
	static const char *const pieces[] = {
		"abcdefgh", "x", " ", "ệ", "ạ", "Đ", "e\xCC\x81", "\xCC\x81", "\xF0\x9F\x98\x80",
		"\xC3", "\x80", "\xC0\xAF", "\xED\xA0\x80", "\xE2\x80\x9C", "\xE2\x84\xAB", "\0",
		"\xEF\xBB\xBF", "12345678901234567", "\xC3\xA0",
		/* the edges of the inline checks: U+02FF, U+0300, U+1DFF, U+1E00, U+1EFF,
		 * U+1F00, a cut E1 BA, a lead byte before a non-continuation */
		"\xCB\xBF", "\xCC\x80", "\xE1\xB7\xBF", "\xE1\xB8\x80", "\xE1\xBB\xBF",
		"\xE1\xBC\x80", "\xE1\xBA", "\xC4" "a", "\xE1\xBB" "a",
	};
	srand(15);
	int agree = 0, runs = 20000;
	for (int t = 0; t < runs; t++) {
		char buf[256];
		size_t n = 0;
		int k = rand() % 12;
		for (int j = 0; j < k; j++) {
			const char *pc = pieces[rand() % (int)(sizeof pieces / sizeof pieces[0])];
			size_t l = pc[0] ? strlen(pc) : 1;
			memcpy(buf + n, pc, l);
			n += l;
		}
		bool quick = false;
		bool v = text_valid_utf8_nfc(buf, n, &quick);
		bool ok = v == text_valid_utf8(buf, n);
		if (ok && v && quick) {
			char *norm = text_nfc(buf, n);
			ok = strlen(norm) == n && memcmp(norm, buf, n) == 0;
			free(norm);
		}
		agree += ok;
	}
	CHECK_INT(agree, runs, "text_valid_utf8_nfc agrees with text_valid_utf8, and its NFC holds");

	/* text_visible: what a message shows of a text, escapes where needed
	 * (a plain line is copied whole, the rest byte by byte: both agree) */
	const struct {
		const char *in, *out;
		bool one_line;
	} vis[] = {
		{"baocao_XA1.csv: đã nhập báo cáo của Xã Tân Hồng, kỳ 2026S1", NULL, false},
		{"hai dòng\nvà\ttab", NULL, false},
		{"hai dòng\nvà", "hai dòng\\x0avà", true},
		{"chuông\a", "chuông\\x07", false},
		{"đảo \xE2\x80\xAEngược", "đảo \\u202engược", false},
		{"C1 \xC2\x85.", "C1 \\u0085.", false},
		{"hỏng \xC3(", "hỏng \\xc3(", false},
		{"xoá \x7F", "xoá \\x7f", false},
		{"", NULL, false},
	};
	for (size_t i = 0; i < sizeof vis / sizeof vis[0]; i++) {
		char *v = text_visible(vis[i].in, vis[i].one_line);
		CHECK_STR(v, vis[i].out ? vis[i].out : vis[i].in, "text_visible");
		free(v);
	}
	return check_done();
}
