/* SPDX-License-Identifier: MIT */
/* Unit tests: recognising and decoding UTF-8, cp1258, TCVN3 and VNI files; the syllable check. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "encoding.h"
#include "text.h"
#include "util.h"

#define ENC_DIR "tests/data/enc/"

static const char *last_why;

/* Decode s[0..n); remember the reason in last_why and the encoding in *enc. */
static char *dec(const char *s, size_t n, enum text_encoding *enc)
{
	size_t len = 0;
	last_why = NULL;
	*enc = ENC_COUNT;
	char *r = encoding_decode(s, n, &len, enc, &last_why);
	if (r && len != strlen(r))
		last_why = "length mismatch";
	return r;
}

/* Encode u to e, then decode it; NULL when refused. */
static char *round_trip(const char *u, enum text_encoding e, enum text_encoding *got)
{
	size_t n = 0;
	char *b = encoding_encode(u, e, &n);
	if (!b) {
		*got = ENC_COUNT;
		last_why = "cannot encode";
		return NULL;
	}
	char *r = dec(b, n, got);
	free(b);
	return r;
}

/* The concatenation of u1 encoded in e1 and u2 encoded in e2. */
static char *mix(const char *u1, enum text_encoding e1, const char *u2, enum text_encoding e2,
		 size_t *n)
{
	size_t n1 = 0, n2 = 0;
	char *a = encoding_encode(u1, e1, &n1), *b = encoding_encode(u2, e2, &n2);
	char *m = xmalloc(n1 + n2 + 1);
	memcpy(m, a, n1);
	memcpy(m + n1, b, n2);
	m[n1 + n2] = '\0';
	*n = n1 + n2;
	free(a);
	free(b);
	return m;
}

static void check_sample(const char *utf8, size_t utf8_len, const char *file,
			 enum text_encoding want)
{
	char path[256], name[256];
	size_t n = 0;
	snprintf(path, sizeof path, ENC_DIR "%s", file);
	char *bytes = read_file(path, &n);
	snprintf(name, sizeof name, "%s is readable", file);
	CHECK(bytes != NULL, name);
	if (!bytes)
		return;
	snprintf(name, sizeof name, "%s is not valid UTF-8", file);
	CHECK(!text_valid_utf8(bytes, n), name);
	size_t en = 0;
	char *again = encoding_encode(utf8, want, &en);
	snprintf(name, sizeof name, "%s is what the %s encoder makes of the UTF-8 file", file,
		 encoding_name(want));
	CHECK(again && en == n && memcmp(again, bytes, n) == 0, name);
	free(again);
	enum text_encoding got;
	char *u = dec(bytes, n, &got);
	snprintf(name, sizeof name, "%s decodes to exactly the UTF-8 file", file);
	CHECK_STR(u, utf8, name);
	snprintf(name, sizeof name, "%s decoded length is the UTF-8 file's", file);
	CHECK_INT(u ? strlen(u) : 0, utf8_len, name);
	snprintf(name, sizeof name, "%s is reported as %s", file, encoding_name(want));
	CHECK_STR(encoding_name(got), encoding_name(want), name);
	free(u);
	free(bytes);
}

static void check_syllables(void)
{
	static const char *const good[] = {
		"a", "ơi", "nghiêng", "Nghiêng", "NGHIÊNG", "quốc", "Quỳnh", "quyết", "quý",
		"giữ", "gì", "gìn", "giếng", "giường", "kỹ", "kiểm", "ghế", "nghề", "khuỷu",
		"hoà", "hòa", "hoặc", "thuở", "chuyển", "người", "được", "Đường", "ký",
		"yêu", "uy", "khuya", "rượu", "oái", "oăm", "xoong", "Đắk", "Lắk", "chớp",
		"lạt", "học", "sách", "bệnh", "huỵch", "tuần", "khuây", "ĐẠT", "Ỷ",
	};
	static const char *const bad[] = {
		"ngiêng", "nghá", "cé", "kó", "ghá", "gé",
		"qá", "quú", "giịn", "chờp", "họcc", "hoàt", "lảt", "tÔi", "hÀ", "xyz",
		"Ñaõ", "chöùc", "ươơ", "aáà", "fá", "wé", "zô", "pĥo", "nghiêngg", "µ", "à̀",
		"ĐĐ",
	};
	for (size_t i = 0; i < ARRAY_LEN(good); i++) {
		char name[96];
		snprintf(name, sizeof name, "syllable: %s is valid", good[i]);
		CHECK(encoding_is_syllable(good[i], strlen(good[i])), name);
	}
	for (size_t i = 0; i < ARRAY_LEN(bad); i++) {
		char name[96];
		snprintf(name, sizeof name, "syllable: %s is not valid", bad[i]);
		CHECK(!encoding_is_syllable(bad[i], strlen(bad[i])), name);
	}
	CHECK(!encoding_is_syllable("", 0), "syllable: the empty word is not valid");
}

int main(void)
{
	CHECK_STR(encoding_name(ENC_UTF8), "UTF-8", "name of UTF-8");
	CHECK_STR(encoding_name(ENC_CP1258), "cp1258", "name of cp1258");
	CHECK_STR(encoding_name(ENC_TCVN3), "TCVN3", "name of TCVN3");
	CHECK_STR(encoding_name(ENC_VNI), "VNI", "name of VNI");
	CHECK_STR(encoding_name(ENC_COUNT), "?", "name of an out-of-range encoding");

	check_syllables();

	/* The sample report in every encoding decodes back to the UTF-8 file. */
	size_t un = 0;
	char *utf8 = read_file(ENC_DIR "report-utf8.csv", &un);
	CHECK(utf8 != NULL, "report-utf8.csv is readable");
	if (!utf8)
		return check_done();
	CHECK(text_valid_utf8(utf8, un), "report-utf8.csv is valid UTF-8");
	CHECK(strstr(utf8, "\r\n") != NULL, "report-utf8.csv has CRLF line ends, as Excel writes");
	enum text_encoding got;
	char *u = dec(utf8, un, &got);
	CHECK_STR(u, utf8, "the UTF-8 report decodes to itself");
	CHECK_INT(got, ENC_UTF8, "the UTF-8 report is reported as UTF-8");
	free(u);
	check_sample(utf8, un, "report-cp1258.csv", ENC_CP1258);
	check_sample(utf8, un, "report-tcvn3.csv", ENC_TCVN3);
	check_sample(utf8, un, "report-vni.csv", ENC_VNI);
	free(utf8);

	/* UTF-8 input. */
	const char *ascii = "STT,Don vi,Ket qua\r\n1,Xa Dong Hoa,75\r\n";
	u = dec(ascii, strlen(ascii), &got);
	CHECK_STR(u, ascii, "pure ASCII is taken as is");
	CHECK_INT(got, ENC_UTF8, "pure ASCII is UTF-8");
	free(u);
	const char *bom = "\xEF\xBB\xBF" "STT,Đơn vị\n1,Xã Đồng Hòa\n";
	u = dec(bom, strlen(bom), &got);
	CHECK_STR(u, bom, "a UTF-8 BOM is kept as it is");
	CHECK_INT(got, ENC_UTF8, "UTF-8 with a BOM is UTF-8");
	free(u);
	const char *nfd = "Ho\xCC\x80" "a Vie\xCC\x82\xCC\xA3t";
	u = dec(nfd, strlen(nfd), &got);
	CHECK_STR(u, "Hòa Việt", "decomposed UTF-8 comes out NFC");
	free(u);
	u = dec("", 0, &got);
	CHECK_STR(u, "", "an empty file is empty UTF-8");
	free(u);

	/* Refusals. */
	u = dec("Xa Dong\0Hoa", 11, &got);
	CHECK(u == NULL, "a NUL byte is refused");
	CHECK_STR(last_why, "the file contains NUL bytes: it is not a text file",
		  "a NUL byte is refused with its reason");
	free(u);
	const char *t = "\x8D\x8F\x90\x9D\x81 \x7F\x01\x02\x03 abc \xFF\xFE";
	u = dec(t, strlen(t), &got);
	CHECK(u == NULL, "invalid UTF-8 junk is refused");
	CHECK_STR(last_why, "not valid UTF-8 and no Vietnamese encoding fits; "
		  "save the file as UTF-8", "junk is refused because no encoding fits");
	free(u);
	unsigned char rnd[4096];
	unsigned x = 12345;
	for (size_t i = 0; i < sizeof rnd; i++) {
		x = x * 1103515245u + 12345u;
		rnd[i] = (unsigned char)(x >> 16);
		if (!rnd[i])
			rnd[i] = 1;
	}
	u = dec((const char *)rnd, sizeof rnd, &got);
	CHECK(u == NULL && last_why != NULL, "random binary is refused with a reason");
	free(u);
	/* Random bytes without controls or undefined bytes, so every decoding "works". */
	for (size_t i = 0; i < sizeof rnd; i++)
		if (rnd[i] < 0xA0)
			rnd[i] = (unsigned char)(rnd[i] % 2 ? ' ' + rnd[i] % 95
							     : 0xA0 + rnd[i] % 96);
	u = dec((const char *)rnd, sizeof rnd, &got);
	CHECK(u == NULL && last_why != NULL, "random high bytes are refused, not guessed");
	free(u);
	const char *utf8_bad = "Đã tổ chức \xC3\x28 lớp";
	u = dec(utf8_bad, strlen(utf8_bad), &got);
	CHECK(u == NULL, "UTF-8 with a broken sequence is refused");
	free(u);

	/* Short inputs are refused rather than guessed. */
	for (int e = ENC_CP1258; e < ENC_COUNT; e++) {
		char name[96];
		u = round_trip("Hà Nội", (enum text_encoding)e, &got);
		snprintf(name, sizeof name, "\"Hà Nội\" in %s is too short to tell",
			 encoding_name((enum text_encoding)e));
		CHECK(u == NULL, name);
		snprintf(name, sizeof name, "\"Hà Nội\" in %s: the reason says so",
			 encoding_name((enum text_encoding)e));
		CHECK_STR(last_why, "too little Vietnamese text to tell the file's encoding; "
			  "save the file as UTF-8", name);
		free(u);
	}
	/* 0xF4 is ô in cp1258, ơ in VNI and ụ in TCVN3: every reading is Vietnamese. */
	const char *amb = "t\xF4i c\xF4 m\xF4n b\xF4i, t\xF4i c\xF4 m\xF4n b\xF4i";
	u = dec(amb, strlen(amb), &got);
	CHECK(u == NULL, "text that is Vietnamese in three encodings is refused");
	CHECK_STR(last_why, "the file reads as Vietnamese in more than one encoding; "
		  "save the file as UTF-8", "the ambiguous text is refused as ambiguous");
	free(u);

	/* Add five words that only cp1258 reads well: the lead is clear once, but
	 * not against three times the ambiguous text (not twice the runner-up). */
	size_t tn = 0;
	char *tail = encoding_encode("chuyển đổi số kế hoạch", ENC_CP1258, &tn);
	struct strbuf sb = {0};
	sb_add(&sb, amb);
	sb_add(&sb, " ");
	sb_add(&sb, tail);
	u = dec(sb.s, sb.len, &got);
	CHECK_STR(u, "tôi cô môn bôi, tôi cô môn bôi chuyển đổi số kế hoạch",
		  "a clear lead over the other readings decides");
	CHECK_INT(got, ENC_CP1258, "the clear lead is cp1258");
	free(u);
	sb_add(&sb, " ");
	sb_add(&sb, amb);
	sb_add(&sb, " ");
	sb_add(&sb, amb);
	u = dec(sb.s, sb.len, &got);
	CHECK(u == NULL, "a lead of less than twice the runner-up is refused");
	free(u);
	sb_free(&sb);
	free(tail);

	/* A sentence is enough, in each encoding, without capitals. */
	const char *lower = "đường truyền chập chờn, thiếu kinh phí để tổ chức lớp tập huấn "
			    "cho cán bộ xã\n";
	for (int e = ENC_CP1258; e < ENC_COUNT; e++) {
		char name[96];
		u = round_trip(lower, (enum text_encoding)e, &got);
		snprintf(name, sizeof name, "a lower-case sentence in %s decodes back",
			 encoding_name((enum text_encoding)e));
		CHECK_STR(u, lower, name);
		snprintf(name, sizeof name, "a lower-case sentence in %s is recognised",
			 encoding_name((enum text_encoding)e));
		CHECK_INT(got, e, name);
		free(u);
	}

	/* Files pasted together from several encodings are refused, not half garbled. */
	const char *part1 = "Đã tổ chức 03 lớp tập huấn chuyển đổi số cho cán bộ, công chức\n"
			    "Thiếu kinh phí; đường truyền chập chờn\n"
			    "Hỗ trợ sửa chữa 12 căn nhà cho hộ nghèo\n";
	const char *part2 = "Người dân chưa hiến đất làm đường, giá vật liệu tăng\n";
	static const struct {
		enum text_encoding a, b;
		const char *name;
	} mixes[] = {
		{ENC_CP1258, ENC_VNI, "cp1258 lines and a VNI line are refused as mixed"},
		{ENC_TCVN3, ENC_VNI, "TCVN3 lines and a VNI line are refused as mixed"},
		{ENC_TCVN3, ENC_CP1258, "TCVN3 lines and a cp1258 line are refused as mixed"},
		{ENC_VNI, ENC_TCVN3, "VNI lines and a TCVN3 line are refused as mixed"},
		{ENC_CP1258, ENC_UTF8, "cp1258 lines and a UTF-8 line are refused"},
		{ENC_VNI, ENC_UTF8, "VNI lines and a UTF-8 line are refused"},
	};
	for (size_t i = 0; i < ARRAY_LEN(mixes); i++) {
		size_t n = 0;
		char *m = mix(part1, mixes[i].a, part2, mixes[i].b, &n);
		u = dec(m, n, &got);
		CHECK(u == NULL && last_why != NULL, mixes[i].name);
		free(u);
		free(m);
	}
	size_t mn = 0;
	char *m = mix(part1, ENC_CP1258, part2, ENC_VNI, &mn);
	u = dec(m, mn, &got);
	CHECK_STR(last_why, "the file mixes several text encodings; save it again as UTF-8",
		  "a cp1258 file with a VNI line says it mixes encodings");
	free(u);
	free(m);

	/* Encoder details. */
	size_t n = 0;
	char *b = encoding_encode("Ấp Đường", ENC_VNI, &n);
	CHECK_STR(b, "A\xC1p \xD1\xF6\xF4\xF8ng", "VNI: capitals use the upper-case mark bytes");
	free(b);
	b = encoding_encode("kỹ thuật, ỵ í", ENC_VNI, &n);
	CHECK_STR(b, "ky\xF5 thua\xE4t, \xEE \xED", "VNI: ỵ and í are single bytes");
	free(b);
	b = encoding_encode("“Đạt” – 100%", ENC_VNI, &n);
	CHECK_STR(b, "\x93\xD1" "a\xEFt\x94 \x96 100%", "VNI: cp1252 punctuation is kept");
	free(b);
	CHECK(encoding_encode("Señor", ENC_VNI, &n) == NULL,
	      "VNI: a cp1252 letter that would read as a mark cannot be encoded");
	CHECK(encoding_encode("“Đạt”", ENC_TCVN3, &n) == NULL,
	      "TCVN3: curly quotes cannot be encoded");
	CHECK(encoding_encode("中文", ENC_CP1258, &n) == NULL, "cp1258: Chinese cannot be encoded");
	CHECK(encoding_encode("ab\xC3(", ENC_CP1258, &n) == NULL, "invalid UTF-8 is not encoded");
	b = encoding_encode("Hòa", ENC_CP1258, &n);
	CHECK_STR(b, "Ho\xCC" "a", "cp1258: ò is o + combining grave");
	free(b);
	b = encoding_encode("Việt", ENC_CP1258, &n);
	CHECK_STR(b, "Vi\xEA\xF2t", "cp1258: ệ is ê + combining dot below");
	free(b);
	b = encoding_encode("Vie\xCC\x82\xCC\xA3t", ENC_TCVN3, &n);
	CHECK_STR(b, "Vi\xD6t", "TCVN3: decomposed input is composed first");
	free(b);
	b = encoding_encode("Đồng Tháp", ENC_UTF8, &n);
	CHECK_STR(b, "Đồng Tháp", "UTF-8 encodes to itself");
	CHECK_INT(n, strlen("Đồng Tháp"), "UTF-8 length");
	free(b);
	/* VNI mark bytes are accepted in either case; the base letter decides. */
	const char *vni_mixed = "Hoa\xD8 B\xECnh, HOA\xF8 B\xCCNH, \xD1" "a\xF8 Na\xDCng\n";
	u = dec(vni_mixed, strlen(vni_mixed), &got);
	CHECK_STR(u, "Hoà Bình, HOÀ BÌNH, Đà Nẵng\n",
		  "VNI: a mark byte of the other case still joins its base");
	CHECK_INT(got, ENC_VNI, "VNI with mixed-case marks is still VNI");
	free(u);
	return check_done();
}
