/* SPDX-License-Identifier: MIT */
/* Vietnamese text: UTF-8 validation, NFC, search folding, ASCII rendering (wraps utf8proc).
 *
 * Every other module goes through this one for Unicode work, so utf8proc is
 * linked in one place. đ/Đ have no decomposition in Unicode, so folding maps
 * them by hand after utf8proc has stripped the combining marks. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "msg.h"
#include "util.h"

/* The number of continuation bytes of the well-formed multi-byte sequence
 * at p (left bytes remain), or 0 when it is not one (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF). */
static size_t utf8_tail(const unsigned char *p, size_t left)
{
	unsigned c = p[0];
	size_t k;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		k = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		k = 2;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		k = 3;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		return 0; /* NUL, a continuation byte, C0, C1 or F5..FF */
	}
	if (left <= k || p[1] < lo || p[1] > hi)
		return 0;
	for (size_t j = 2; j <= k; j++)
		if (p[j] < 0x80 || p[j] > 0xBF)
			return 0;
	return k;
}

bool text_valid_utf8(const char *s, size_t n)
{
	/* RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF; no NUL. */
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		unsigned c = p[i];
		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		size_t k = utf8_tail(p + i, n - i);
		if (!k)
			return false;
		i += k + 1;
	}
	return true;
}

void text_repair_utf8(char *s)
{
	utf8proc_uint8_t *p = (utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			*p++ = '?';
			continue;
		}
		p += k;
	}
}

/* Is valid UTF-8 s certainly in NFC already? True when every code point is
 * below U+0300 (Latin, no combining marks), a precomposed letter of Latin
 * Extended Additional (ạ ả ấ ... ỹ: NFC as they are), general punctuation
 * from U+2002 (U+2000 and U+2001 are singletons), or a currency sign. That
 * is nearly all Vietnamese text, which then skips utf8proc's NFC. nfc_quick_cp
 * is the test of one code point. */
static bool nfc_quick_cp(unsigned cp)
{
	return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2002 && cp <= 0x206F) ||
	       (cp >= 0x20A0 && cp <= 0x20CF);
}

static bool nfc_quick(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		unsigned cp;
		if (c < 0xE0) {
			cp = (c & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu);
			i += 2;
		} else if (c < 0xF0) {
			cp = (c & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 | (p[i + 2] & 0x3Fu);
			i += 3;
		} else {
			return false;
		}
		if (!nfc_quick_cp(cp))
			return false;
	}
	return true;
}

bool text_valid_utf8_nfc(const char *s, size_t n, bool *nfc)
{
	const unsigned char *p = (const unsigned char *)s;
	const uint64_t high = 0x8080808080808080ULL, ones = 0x0101010101010101ULL;
	bool quick = true;
	size_t i = 0;
	while (i < n) {
		/* a run of ASCII without NUL, eight bytes at a time */
		while (n - i >= 8) {
			uint64_t w;
			memcpy(&w, p + i, 8);
			if ((w & high) || ((w - ones) & ~w & high))
				break;
			i += 8;
		}
		if (i == n)
			break;
		unsigned c = p[i];
		if (c >= 0x01 && c < 0x80) {
			i++;
			continue;
		}
		/* Vietnamese letters, checked inline: U+0080..U+02FF (C2..CB xx)
		 * and Latin Extended Additional, U+1E00..U+1EFF (E1 B8..BB xx),
		 * valid and NFC as they are. */
		if (c >= 0xC2 && c <= 0xCB && n - i >= 2 && (p[i + 1] & 0xC0) == 0x80) {
			i += 2;
			continue;
		}
		if (c == 0xE1 && n - i >= 3 && p[i + 1] >= 0xB8 && p[i + 1] <= 0xBB &&
		    (p[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		size_t k = utf8_tail(p + i, n - i);
		if (!k)
			return false;
		if (quick) {
			if (k == 1)
				quick = nfc_quick_cp((c & 0x1Fu) << 6 | (p[i + 1] & 0x3Fu));
			else if (k == 2)
				quick = nfc_quick_cp((c & 0x0Fu) << 12 | (p[i + 1] & 0x3Fu) << 6 |
						     (p[i + 2] & 0x3Fu));
			else
				quick = false;
		}
		i += k + 1;
	}
	*nfc = quick;
	return true;
}

char *text_nfc(const char *s, size_t n)
{
	if (nfc_quick(s, n))
		return xstrndup(s, n);
	char *copy = xstrndup(s, n);
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)copy);
	free(copy);
	return nfc ? nfc : xstrdup("");
}

/* The length of a C1 control or bidi override at p (valid UTF-8), or 0. */
static size_t hidden_at(const unsigned char *p, size_t left)
{
	if (p[0] == 0xC2 && left >= 2 && p[1] >= 0x80 && p[1] <= 0x9F)
		return 2;
	if (p[0] == 0xE2 && left >= 3 &&
	    ((p[1] == 0x80 && p[2] >= 0xAA && p[2] <= 0xAE) || (p[1] == 0x81 && p[2] >= 0xA6 && p[2] <= 0xA9)))
		return 3;
	return 0;
}

bool text_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if (p[0] == 0xC2 && p[1] == 0xA0) { /* U+00A0 */
			p += 2;
		} else if (p[0] == 0xE2 && ((p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8A) || p[2] == 0xAF)) ||
					    (p[1] == 0x81 && p[2] == 0x9F))) {
			p += 3; /* U+2000..U+200A, U+202F, U+205F */
		} else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 */
			p += 3;
		} else {
			return false;
		}
	}
	return true;
}

bool text_has_hidden_controls(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	for (size_t i = 0; i < n; i++)
		if ((p[i] == 0xC2 || p[i] == 0xE2) && hidden_at(p + i, n - i))
			return true;
	return false;
}

char *text_visible(const char *s, bool one_line)
{
	struct strbuf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);
	/* The usual line (a verdict of an import, printed for every file):
	 * valid UTF-8 with nothing to show as an escape, copied whole. */
	size_t plain = 0;
	while (plain < n && (p[plain] >= 0x20 || (!one_line && (p[plain] == '\n' || p[plain] == '\t'))) &&
	       p[plain] != 0x7f && !((p[plain] == 0xC2 || p[plain] == 0xE2) && hidden_at(p + plain, n - plain)))
		plain++;
	if (plain == n && text_valid_utf8(s, n))
		return xstrndup(s, n);
	sb_addn(&b, "", 0);
	for (size_t i = 0; i < n;) {
		unsigned c = p[i];
		size_t h = hidden_at(p + i, n - i);
		if (h == 2) {
			sb_addf(&b, "\\u%04x", p[i + 1]);
			i += 2;
		} else if (h == 3) {
			sb_addf(&b, "\\u%04x", (unsigned)((p[i] & 0x0F) << 12 | (p[i + 1] & 0x3F) << 6 | (p[i + 2] & 0x3F)));
			i += 3;
		} else if (c == 0x7f || (c < 0x20 && (one_line || (c != '\n' && c != '\t')))) {
			sb_addf(&b, "\\x%02x", c);
			i++;
		} else if (c < 0x80) {
			sb_addc(&b, (char)c);
			i++;
		} else {
			utf8proc_int32_t cp;
			utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
			if (k <= 0) {
				sb_addf(&b, "\\x%02x", c);
				i++;
			} else {
				sb_addn(&b, s + i, (size_t)k);
				i += (size_t)k;
			}
		}
	}
	return sb_take(&b);
}

char *text_clean(const char *s, unsigned flags, const char **why)
{
	size_t n = strlen(s);
	if (!text_valid_utf8(s, n)) {
		*why = N_("invalid UTF-8");
		return NULL;
	}
	if (text_has_hidden_controls(s, n)) {
		*why = N_("control character or bidirectional override (U+0080..U+009F, U+202A..U+202E, U+2066..U+2069)");
		return NULL;
	}
	/* The usual case: nothing to change but, perhaps, the normal form. */
	size_t plain = 0;
	while (plain < n && ((unsigned char)s[plain] >= 0x20 || s[plain] == '\t') && s[plain] != 0x7f)
		plain++;
	if (plain == n) {
		if (nfc_quick(s, n))
			return xstrndup(s, n);
		return text_nfc(s, n);
	}
	struct strbuf b = {0};
	sb_addn(&b, "", 0);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r') {
			if (!(flags & TEXT_MULTILINE)) {
				*why = N_("line break in a one-line field");
				goto fail;
			}
			if (s[i + 1] == '\n')
				continue;
			sb_addc(&b, '\n');
		} else if (c == '\n') {
			if (!(flags & TEXT_MULTILINE)) {
				*why = N_("line break in a one-line field");
				goto fail;
			}
			sb_addc(&b, '\n');
		} else if ((c < 0x20 && c != '\t') || c == 0x7f) {
			*why = N_("control character");
			goto fail;
		} else {
			sb_addc(&b, (char)c);
		}
	}
	if (nfc_quick(b.s, b.len))
		return sb_take(&b);
	utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)b.s);
	sb_free(&b);
	if (!nfc) {
		*why = N_("invalid UTF-8");
		return NULL;
	}
	return (char *)nfc;
fail:
	sb_free(&b);
	return NULL;
}

bool text_clean_proven(char *s, unsigned flags, const char **why)
{
	unsigned char *p = (unsigned char *)s;
	const char *first = NULL; /* the first line break or control, as text_clean finds it */
	bool cr = false;
	const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
	size_t n = strlen(s);
	for (size_t i = 0;; i++) {
		/* eight bytes at a time while none is below 0x20, 0x7F, 0xC2 or 0xE2 */
		while (n - i >= 8) {
			uint64_t w, x, y, z;
			memcpy(&w, p + i, 8);
			x = w ^ (0x7F * ones);
			y = w ^ (0xC2 * ones);
			z = w ^ (0xE2 * ones);
			if (((w - 0x20 * ones) & ~w & high) | ((x - ones) & ~x & high) |
			    ((y - ones) & ~y & high) | ((z - ones) & ~z & high))
				break;
			i += 8;
		}
		unsigned c = p[i];
		if ((c >= 0x20 && c != 0x7f && c != 0xC2 && c != 0xE2) || c == '\t')
			continue;
		if (!c)
			break;
		if (c == 0xC2 || c == 0xE2) {
			/* valid UTF-8: the bytes hidden_at reads are there */
			if (hidden_at(p + i, 3)) {
				*why = N_("control character or bidirectional override (U+0080..U+009F, U+202A..U+202E, U+2066..U+2069)");
				return false;
			}
		} else if (c == '\r' || c == '\n') {
			if (!(flags & TEXT_MULTILINE) && !first)
				first = N_("line break in a one-line field");
			cr |= c == '\r';
		} else if (!first) {
			first = N_("control character");
		}
	}
	if (first) {
		*why = first;
		return false;
	}
	if (cr) { /* CRLF and CR become LF */
		unsigned char *w = p;
		for (; *p; p++)
			if (*p != '\r')
				*w++ = *p;
			else if (p[1] != '\n')
				*w++ = '\n';
		*w = '\0';
	}
	return true;
}

/* Map through utf8proc with opts, then replace đ/Đ by d/D (or d when lower). */
static char *map_and_fix_d(const char *s, utf8proc_option_t opts)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
					  opts | UTF8PROC_NULLTERM | UTF8PROC_STABLE);
	if (n < 0)
		return xstrdup("");
	/* đ is C4 91, Đ is C4 90: rewrite in place to one byte each. */
	char *r = (char *)out, *w = (char *)out;
	while (*r) {
		if ((unsigned char)r[0] == 0xC4 &&
		    ((unsigned char)r[1] == 0x91 || (unsigned char)r[1] == 0x90)) {
			*w++ = (unsigned char)r[1] == 0x91 ? 'd' : 'D';
			r += 2;
		} else {
			*w++ = *r++;
		}
	}
	*w = '\0';
	return (char *)out;
}

char *text_fold(const char *s)
{
	return map_and_fix_d(s, UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
}

bool text_match(const char *folded_haystack, const char *folded_needle)
{
	return strstr(folded_haystack, folded_needle) != NULL;
}

char *text_ascii(const char *s)
{
	char *m = map_and_fix_d(s, UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK);
	/* Anything still outside ASCII (quotes, dashes, symbols) becomes '?'
	 * or a close ASCII sign. */
	struct strbuf b = {0};
	sb_add(&b, "");
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)m;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			p++;
			continue;
		}
		p += k;
		if (cp < 0x80) {
			sb_addc(&b, (char)cp);
			continue;
		}
		switch (cp) {
		case 0x2018: case 0x2019: sb_addc(&b, '\''); break;
		case 0x201C: case 0x201D: sb_addc(&b, '"'); break;
		case 0x2013: case 0x2014: case 0x2212: sb_addc(&b, '-'); break;
		case 0x2026: sb_add(&b, "..."); break;
		case 0x2265: sb_add(&b, ">="); break;
		case 0x2264: sb_add(&b, "<="); break;
		case 0x00A0: sb_addc(&b, ' '); break;
		default: sb_addc(&b, '?');
		}
	}
	free(m);
	return sb_take(&b);
}

char *text_upper(const char *s)
{
	struct strbuf b = {0};
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			sb_addc(&b, (char)*p++);
			continue;
		}
		char buf[5];
		utf8_put(buf, (uint32_t)utf8proc_toupper(cp));
		sb_add(&b, buf);
		p += k;
	}
	char *up = sb_take(&b);
	char *nfc = text_nfc(up, strlen(up));
	free(up);
	return nfc;
}
