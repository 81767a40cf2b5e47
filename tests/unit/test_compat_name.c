/* SPDX-License-Identifier: MIT */
/* Unit tests: file names compared for Tab completion (compat_name.c), byte
 * for byte as on Linux and ignoring case as on Windows. */
#include <string.h>

#include "check.h"
#include "compat.h"

int main(void)
{
	/* á is C3 A1 and à C3 A0: a byte-wise common start ended inside them */
	CHECK_INT(compat_name_common_as("Bán", "Bàn", false), 1, "Bán/Bàn share B, not half of á");
	CHECK_INT(compat_name_common_as("Báo cáo", "Báo giá", false), strlen("Báo "), "common start in bytes");
	CHECK_INT(compat_name_common_as("Báo cáo", "báo cáo", false), 0, "Linux: case counts");
	CHECK_INT(compat_name_common_as("Báo cáo", "báo cáo", true), strlen("Báo cáo"), "Windows: case folded");
	CHECK_INT(compat_name_common_as("ĐĂNG KÝ", "đăng ký x", true), strlen("ĐĂNG KÝ"),
		  "Windows: Đ/đ, Ă/ă, Ý/ý fold");
	CHECK_INT(compat_name_common_as("Bản sao", "BẢO", true), strlen("Bả"), "Windows: ả/Ả fold, n/O differ");
	CHECK_INT(compat_name_common_as("abc", "", true), 0, "an empty name");
	CHECK_INT(compat_name_common_as("a\xff" "b", "a\xff" "c", false), 2, "a malformed byte compared as itself");
	CHECK_INT(compat_name_common_as("a\xff", "a\xfe", true), 1, "two malformed bytes differ");

	CHECK(compat_name_starts_as("Báo cáo", "Báo", false), "Linux: starts");
	CHECK(!compat_name_starts_as("Báo cáo", "báo", false), "Linux: báo does not start Báo cáo");
	CHECK(compat_name_starts_as("Báo cáo", "báo", true), "Windows: báo starts Báo cáo");
	CHECK(compat_name_starts_as("Báo cáo", "BÁO CÁ", true), "Windows: in capitals");
	CHECK(!compat_name_starts_as("Báo cáo", "Bào", true), "Windows: tones still count");
	CHECK(!compat_name_starts_as("Báo", "Báo cáo", true), "a longer prefix");
	CHECK(compat_name_starts_as("x.csv", "", false), "the empty prefix");
	CHECK(!compat_name_starts_as("B\xc3", "Bá", false), "a cut sequence does not start á");
#if defined(_WIN32)
	CHECK(compat_name_starts("Báo cáo", "báo"), "this platform (Windows) ignores case");
#else
	CHECK(!compat_name_starts("Báo cáo", "báo"), "this platform (Linux) compares bytes");
#endif
	CHECK_INT(compat_name_common("Bán", "Bàn"), 1, "this platform: whole characters");
	return check_failed != 0;
}
