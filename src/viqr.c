/* SPDX-License-Identifier: MIT */
/* Vietnamese text in VIQR (RFC 1456) for terminals without UTF-8 (see viqr.h). */
#include "viqr.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "util.h"

static bool is_vowel(int c)
{
	return c && strchr("aeiouyAEIOUY", c) != NULL;
}

/* The VIQR sign of a combining mark, 0 for none we know. */
static char mark_sign(utf8proc_int32_t m)
{
	switch (m) {
	case 0x0302: return '^';  /* circumflex: â ê ô */
	case 0x0306: return '(';  /* breve: ă */
	case 0x031B: return '+';  /* horn: ơ ư */
	case 0x0301: return '\''; /* sắc */
	case 0x0300: return '`';  /* huyền */
	case 0x0309: return '?';  /* hỏi */
	case 0x0303: return '~';  /* ngã */
	case 0x0323: return '.';  /* nặng */
	default: return 0;
	}
}

/* Append the VIQR of one code point: true when it was a Vietnamese letter
 * (or ASCII); false for what text_ascii must write. */
static bool letter(struct strbuf *b, utf8proc_int32_t cp)
{
	if (cp < 0x80) {
		sb_addc(b, (char)cp);
		return true;
	}
	if (cp == 0x0111 || cp == 0x0110) {
		sb_add(b, cp == 0x0111 ? "dd" : "DD");
		return true;
	}
	utf8proc_int32_t d[8];
	int opt = UTF8PROC_DECOMPOSE;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, (utf8proc_option_t)opt, NULL);
	if (n < 2 || n > 3 || d[0] >= 0x80 || !is_vowel((int)d[0]))
		return false;
	char vowel = 0, tone = 0;
	for (utf8proc_ssize_t i = 1; i < n; i++) {
		char s = mark_sign(d[i]);
		if (!s)
			return false;
		if (s == '^' || s == '(' || s == '+')
			vowel = s;
		else
			tone = s;
	}
	sb_addc(b, (char)d[0]);
	if (vowel)
		sb_addc(b, vowel);
	if (tone)
		sb_addc(b, tone);
	return true;
}

char *text_viqr(const char *s, size_t **map)
{
	struct strbuf b = {0};
	size_t len = strlen(s);
	size_t *m = map ? xcalloc(len + 1, sizeof *m) : NULL;
	sb_add(&b, "");
	/* text with no letter outside ASCII (a path, a code) is shown as typed */
	bool plain = true;
	for (size_t j = 0; j < len; j++)
		plain &= (unsigned char)s[j] < 0x80;
	size_t i = 0;
	bool after_vowel = false;
	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
		if (k <= 0) {
			k = 1;
			cp = '?';
		}
		for (size_t j = 0; m && j < (size_t)k; j++)
			m[i + j] = b.len;
		/* a sign that would read as a mark on the vowel before it */
		bool sign = cp > 0 && cp < 0x80 && strchr("'`?~.^(+", (int)cp);
		if (sign && after_vowel && !plain)
			sb_addc(&b, '\\');
		after_vowel = cp < 0x80 ? is_vowel((int)cp) : cp != 0x0111 && cp != 0x0110;
		if (!letter(&b, cp)) {
			after_vowel = false;
			char one[8];
			memcpy(one, s + i, (size_t)k);
			one[k] = '\0';
			char *a = text_ascii(one);
			sb_add(&b, a);
			free(a);
		}
		i += (size_t)k;
	}
	if (m) {
		m[len] = b.len;
		*map = m;
	}
	return sb_take(&b);
}

void fview_init(struct fview *v, const char *text, size_t cur, bool viqr)
{
	memset(v, 0, sizeof *v);
	v->s = text;
	v->cur = cur;
	if (viqr) {
		v->s = v->own = text_viqr(text, &v->map);
		v->cur = v->map[cur];
	}
}

size_t fview_back(const struct fview *v, const char *text, size_t off)
{
	if (!v->own)
		return off;
	size_t best = 0, len = strlen(text);
	for (size_t o = 1; o <= len; o++)
		if (v->map[o] <= off && v->map[o] != v->map[o - 1])
			best = o;
	return best;
}

void fview_free(struct fview *v)
{
	free(v->own);
	free(v->map);
	memset(v, 0, sizeof *v);
}
