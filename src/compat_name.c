/* SPDX-License-Identifier: MIT */
/* File names compared as the platform's file systems compare them, for Tab
 * completion: byte for byte on Linux, ignoring case on Windows (NTFS, FAT32
 * and exFAT fold case letter by letter: "báo" opens "Báo cáo"). Both stop at
 * a whole UTF-8 character: a common start never ends inside one ("Bán" and
 * "Bàn" share "B", not "B" and half of "á"). */
#include <stdbool.h>
#include <stddef.h>

#include <utf8proc.h>

#include "compat.h"

#if defined(_WIN32)
#define NAMES_IGNORE_CASE true
#else
#define NAMES_IGNORE_CASE false
#endif

/* The character at s (its length in *len, at least 1 byte, even for a
 * malformed sequence, which is then compared byte by byte), folded to upper
 * case when ignore_case. */
static utf8proc_int32_t name_char(const char *s, bool ignore_case, size_t *len)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
	if (n <= 0) {
		*len = 1;
		return -1 - (unsigned char)*s; /* never a character's code */
	}
	*len = (size_t)n;
	return ignore_case ? utf8proc_toupper(cp) : cp;
}

size_t compat_name_common_as(const char *a, const char *b, bool ignore_case)
{
	size_t i = 0, j = 0;
	while (a[i] && b[j]) {
		size_t la, lb;
		utf8proc_int32_t ca = name_char(a + i, ignore_case, &la);
		utf8proc_int32_t cb = name_char(b + j, ignore_case, &lb);
		if (ca != cb)
			break;
		i += la;
		j += lb;
	}
	return i;
}

bool compat_name_starts_as(const char *name, const char *prefix, bool ignore_case)
{
	size_t i = 0, j = 0;
	while (prefix[j]) {
		if (!name[i])
			return false;
		size_t ln, lp;
		if (name_char(name + i, ignore_case, &ln) != name_char(prefix + j, ignore_case, &lp))
			return false;
		i += ln;
		j += lp;
	}
	return true;
}

size_t compat_name_common(const char *a, const char *b)
{
	return compat_name_common_as(a, b, NAMES_IGNORE_CASE);
}

bool compat_name_starts(const char *name, const char *prefix)
{
	return compat_name_starts_as(name, prefix, NAMES_IGNORE_CASE);
}
