/* SPDX-License-Identifier: MIT */
/* Unit tests: Vietnamese text in VIQR for ASCII mode (viqr.c). */
#include <stdlib.h>

#include "check.h"
#include "viqr.h"

static void viqr_is(const char *in, const char *want, const char *name)
{
	char *got = text_viqr(in, NULL);
	CHECK_STR(got, want, name);
	free(got);
}

int main(void)
{
	viqr_is("Đã hoàn thành", "DDa~ hoa`n tha`nh", "the issue's example");
	viqr_is("Nghị quyết số 57", "Nghi. quye^'t so^' 57", "vowel mark before the tone");
	viqr_is("Trường Sa", "Tru+o+`ng Sa", "horn on u and o");
	viqr_is("Khăn, ẩn, ỡ", "Kha(n, a^?n, o+~", "breve, hook, tilde");
	viqr_is("ĐĂNG KÝ", "DDA(NG KY'", "capitals");
	viqr_is("có. Xong.", "co'\\. Xong.", "a literal sign after a vowel is escaped");
	viqr_is("Xã ra? (x) a+b", "Xa~ ra\\? (x) a\\+b", "also ? and +");
	viqr_is("“50%” – ≥3", "\"50%\" - >=3", "other signs as in ASCII mode");
	viqr_is("plain ASCII", "plain ASCII", "ASCII unchanged");
	viqr_is("out/baocao.csv", "out/baocao.csv", "all-ASCII text (a path) is not escaped");
	size_t *m = NULL;
	char *v = text_viqr("ắc đ", &m);
	CHECK_STR(v, "a('c dd", "map: text");
	CHECK(m[0] == 0 && m[3] == 3 && m[4] == 4 && m[5] == 5 && m[7] == 7,
	      "map: each byte of s to where its character starts");
	free(v);
	free(m);
	struct fview fv;
	fview_init(&fv, "ắc đ", 3, true);
	CHECK_STR(fv.s, "a('c dd", "view: the VIQR");
	CHECK(fv.cur == 3, "view: the cursor after ắ is after a('");
	CHECK(fview_back(&fv, "ắc đ", 1) == 0 && fview_back(&fv, "ắc đ", 4) == 4 &&
	      fview_back(&fv, "ắc đ", 6) == 5 && fview_back(&fv, "ắc đ", 7) == 7,
	      "view: a place in the VIQR back to its character in the text");
	fview_free(&fv);
	fview_init(&fv, "ắc", 0, false);
	CHECK(fv.s && strcmp(fv.s, "ắc") == 0 && fview_back(&fv, "ắc", 3) == 3, "view: UTF-8 shown as it is");
	fview_free(&fv);
	return check_failed != 0;
}
