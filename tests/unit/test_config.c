/* SPDX-License-Identifier: MIT */
/* Unit tests of the settings file: the drafted documents' settings take the rest of the
 * line (spaces kept), are checked as text, and a bad line is counted and skipped. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "config.h"
#include "msg.h"

int main(void)
{
	msg_init();
	struct config c;
	memset(&c, 0, sizeof c);
	int bad = config_parse(&c,
			       "# settings\n"
			       "lang en\n"
			       "org = UBND TỈNH ĐỒNG THÁP  \n"
			       "place Đồng Tháp\n"
			       "signer-title\tGIÁM ĐỐC\n"
			       "signer Nguyễn Văn A\r\n",
			       "config");
	CHECK_INT(bad, 0, "a good file has no bad line");
	CHECK_STR(c.lang, "en", "the old settings still read");
	CHECK_STR(c.org, "UBND TỈNH ĐỒNG THÁP", "org: the rest of the line, trimmed, spaces inside kept");
	CHECK_STR(c.place, "Đồng Tháp", "place");
	CHECK_STR(c.signer_title, "GIÁM ĐỐC", "signer-title after a tab");
	CHECK_STR(c.signer, "Nguyễn Văn A", "signer, CR of a CRLF file dropped");

	memset(&c, 0, sizeof c);
	char longline[400];
	snprintf(longline, sizeof longline, "signer %0300d\n", 1);
	CHECK_INT(config_parse(&c, longline, "config"), 1, "a value too long is a bad line");
	CHECK_STR(c.signer, "", "and is not taken");
	CHECK_INT(config_parse(&c, "org\n", "config"), 1, "a setting without a value is a bad line");
	CHECK_INT(config_parse(&c, "place Đồng\x01Tháp\n", "config"), 1, "a control character is refused");
	CHECK_INT(config_parse(&c, "place Đồng \xff\n", "config"), 1, "bytes that are not UTF-8 are refused");
	CHECK_STR(c.place, "", "nothing taken from bad lines");
	CHECK_INT(config_parse(&c, "organisation X\n", "config"), 1, "a longer key is not org");
	CHECK_INT(config_parse(&c, "place Ca\xcc\x82\xcc\x80n Tho\xcc\x9b\n", "config"), 0,
		  "a text in decomposed form is taken");
	CHECK_STR(c.place, "Cần Thơ", "and composed (NFC)");
	return check_done();
}
