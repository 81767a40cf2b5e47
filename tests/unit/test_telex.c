/* SPDX-License-Identifier: MIT */
/* Unit tests: Telex and VNI composition, tone placement, undo, and words left alone. */
#include <string.h>

#include "check.h"
#include "telex.h"

/* One key on a word: the new word, or "(typed)" when the key is not consumed. */
static const char *key1(enum im_mode m, const char *word, char key)
{
	static char out[4][64];
	static int i;
	i = (i + 1) % 4;
	return im_apply(m, word, key, out[i], sizeof out[i]) ? out[i] : "(typed)";
}

/* A tiny editor: type keys one by one at the end of a line, as the UI does
 * (the word is what follows the last space). */
static const char *type(enum im_mode m, const char *keys)
{
	static char line[4][256];
	static int i;
	i = (i + 1) % 4;
	char *buf = line[i];
	buf[0] = '\0';
	for (const char *k = keys; *k; k++) {
		char *space = strrchr(buf, ' ');
		char *word = space ? space + 1 : buf;
		char out[64];
		size_t len = strlen(buf);
		if (im_apply(m, word, *k, out, sizeof out)) {
			if ((size_t)(word - buf) + strlen(out) + 1 > 256)
				return "(overflow)";
			strcpy(word, out);
		} else if (len + 2 <= 256) {
			buf[len] = *k;
			buf[len + 1] = '\0';
		}
	}
	return buf;
}

#define T(keys, want) CHECK_STR(type(IM_TELEX, keys), want, "telex " keys " -> " want)
#define V(keys, want) CHECK_STR(type(IM_VNI, keys), want, "vni " keys " -> " want)

int main(void)
{
	enum im_mode m = IM_OFF;
	CHECK_STR(im_mode_name(IM_OFF), "off", "name of IM_OFF");
	CHECK_STR(im_mode_name(IM_TELEX), "telex", "name of IM_TELEX");
	CHECK_STR(im_mode_name(IM_VNI), "vni", "name of IM_VNI");
	CHECK(im_mode_parse("vni", &m) && m == IM_VNI, "parse vni");
	CHECK(im_mode_parse("telex", &m) && m == IM_TELEX, "parse telex");
	CHECK(im_mode_parse("off", &m) && m == IM_OFF, "parse off");
	CHECK(!im_mode_parse("unikey", &m), "unknown mode name refused");

	/* Telex vowels and đ. */
	T("aa", "â");
	T("aw", "ă");
	T("ee", "ê");
	T("oo", "ô");
	T("ow", "ơ");
	T("uw", "ư");
	T("uow", "ươ");
	CHECK_STR(key1(IM_TELEX, "uo", 'w'), "ươ", "telex w after \"uo\" hooks both");
	CHECK_STR(key1(IM_TELEX, "ưo", 'w'), "ươ", "telex w after \"ưo\" completes ươ");
	T("uwow", "ươ");
	T("dd", "đ");
	T("DD", "Đ");
	T("Dd", "Đ");
	T("did", "đi");
	T("didd", "did");
	T("awa", "â");
	T("QDD", "QĐ");
	T("HDDND", "HĐND");
	T("TTDDT", "TTĐT");
	T("CDdS", "CĐS");
	T("QDDD", "QDD");
	V("QD9", "QĐ");

	/* Telex tones. */
	T("as", "á");
	T("af", "à");
	T("ar", "ả");
	T("ax", "ã");
	T("aj", "ạ");
	T("asz", "a");
	T("asf", "à");
	CHECK_STR(key1(IM_TELEX, "a", 'z'), "(typed)", "telex z without a tone is typed");

	/* VNI. */
	V("a6", "â");
	V("e6", "ê");
	V("o6", "ô");
	V("o7", "ơ");
	V("u7", "ư");
	V("uo7", "ươ");
	V("a8", "ă");
	V("d9", "đ");
	V("D9", "Đ");
	V("di9", "đi");
	V("a1", "á");
	V("a2", "à");
	V("a3", "ả");
	V("a4", "ã");
	V("a5", "ạ");
	V("a10", "a");
	V("Vie65t", "Việt");
	V("Vie6t5", "Việt");
	V("Vie65t0", "Viêt");
	V("nguoi72", "người");
	V("thuo73", "thuở");
	V("Vie65t Nam", "Việt Nam");

	/* Capitals keep their case. */
	T("VIEEJT", "VIỆT");
	T("Aw", "Ă");
	T("aA", "â");
	T("UOW", "ƯƠ");
	T("NGUOIWF", "NGƯỜI");
	T("DDUWOWNGF", "ĐƯỜNG");
	T("Hoaf", "Hòa");

	/* Tone position. */
	T("hoaf", "hòa");
	T("hoef", "hòe");
	T("hoafn", "hoàn");
	T("hoangf", "hoàng");
	T("hoafng", "hoàng");
	T("thuyr", "thủy");
	T("huynhf", "huỳnh");
	T("thuowr", "thuở");
	T("quar", "quả");
	T("quys", "quý");
	T("quoocs", "quốc");
	T("ginf", "gìn");
	T("gifn", "gìn");
	T("giuwx", "giữ");
	T("gifa", "già");
	T("gieengs", "giếng");
	T("nguoiwf", "người");
	T("nguwowif", "người");
	T("huongws", "hướng");
	T("huwowngs", "hướng");
	T("khuya", "khuya");
	T("khuyas", "khuýa");
	T("khuyur", "khuỷu");
	T("nghieeng", "nghiêng");
	T("nghieengs", "nghiếng");
	T("mias", "mía");
	T("muaf", "mùa");
	T("cuwar", "cửa");
	T("muwa", "mưa");
	T("ngoaif", "ngoài");
	T("hoawcj", "hoặc");
	T("khuyeens", "khuyến");
	T("yeeu", "yêu");
	T("buowir", "bưởi");
	T("buowri", "bưởi");
	T("xuaan", "xuân");

	/* Tone or modifier typed late, tone changed. */
	T("Vieetj", "Việt");
	T("Vieejt", "Việt");
	T("Vietej", "Việt");
	T("tieengs", "tiếng");
	T("tiengse", "tiếng");
	T("nguoiw", "ngươi");
	T("Vieetjs", "Viết");
	T("Vieetjz", "Viêt");

	/* Pressing the same modifier again undoes it. */
	T("aaa", "aa");
	T("aaaa", "aaa");
	T("ass", "as");
	T("asss", "ass");
	T("ddd", "dd");
	T("aww", "aw");
	T("uoww", "uow");
	T("Vieejj", "Viêj");
	T("xooong", "xoong");
	V("a66", "a6");
	V("a11", "a1");
	V("d99", "d9");

	/* The editor: key by key, words separated by spaces. */
	T("Vieejt Nam", "Việt Nam");
	T("Ke61 hoa5ch", "Ke61 hoa5ch");
	T("Ban chir ddaoj", "Ban chỉ đạo");

	/* Keys that cannot apply are typed as is. */
	CHECK_STR(key1(IM_TELEX, "nh", 's'), "(typed)", "tone key after a word with no vowel");
	CHECK_STR(key1(IM_TELEX, "", 's'), "(typed)", "tone key on an empty word");
	CHECK_STR(key1(IM_TELEX, "t", 'w'), "(typed)", "w with no vowel is not ư");
	CHECK_STR(key1(IM_TELEX, "ti", 'w'), "(typed)", "w where no vowel takes a hook");
	CHECK_STR(key1(IM_TELEX, "fi", 'x'), "(typed)", "x ending \"fix\"");
	CHECK_STR(key1(IM_TELEX, "mát", 'f'), "(typed)", "huyền refused before a final t");
	CHECK_STR(key1(IM_TELEX, "Viê", 't'), "(typed)", "plain letter that moves nothing is typed");
	CHECK_STR(key1(IM_TELEX, "Viê", ' '), "(typed)", "space is typed");
	CHECK_STR(key1(IM_VNI, "Viê", 's'), "(typed)", "vni: s is a letter");
	CHECK_STR(key1(IM_VNI, "b", '1'), "(typed)", "vni: tone digit with no vowel");
	CHECK_STR(key1(IM_TELEX, "a1", 's'), "(typed)", "word with a digit is left alone");
	T("fix", "fix");
	T("news", "news");
	T("jazz", "jazz");
	T("zoo", "zoo");
	T("wow", "wow");
	T("class", "class");
	T("Windows", "Windows");
	T("acts", "acts");

	/* IM_OFF never consumes. */
	CHECK_STR(key1(IM_OFF, "a", 'a'), "(typed)", "IM_OFF: aa");
	CHECK_STR(key1(IM_OFF, "a", 's'), "(typed)", "IM_OFF: as");
	CHECK_STR(key1(IM_OFF, "a", '6'), "(typed)", "IM_OFF: a6");
	CHECK_STR(type(IM_OFF, "Vieejt"), "Vieejt", "IM_OFF: Vieejt typed as is");

	/* Output buffer and input forms. */
	char small[4] = "xyz";
	CHECK(!im_apply(IM_TELEX, "Viê", 'j', small, sizeof small), "too small a buffer refuses");
	CHECK_STR(small, "xyz", "a refused call leaves out alone");
	CHECK_STR(key1(IM_TELEX, "Vie\xCC\x82t", 'j'), "Việt", "decomposed input gives NFC output");
	CHECK_STR(key1(IM_TELEX, "hoà", 's'), "hóa", "old-style hoà takes a new tone in this style");
	CHECK_STR(key1(IM_TELEX, "hoà", 'z'), "hoa", "old-style hoà loses its tone");
	CHECK_STR(key1(IM_TELEX, "hòa", 'n'), "hoàn", "a final consonant moves the tone of hòa");
	CHECK_STR(key1(IM_TELEX, "nghiêngnghiêng", 's'), "(typed)", "over-long word left alone");
	return check_done();
}
