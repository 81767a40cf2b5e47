/* SPDX-License-Identifier: MIT */
/* Text encodings of imported files: recognise UTF-8 or a legacy Vietnamese encoding and decode it.
 *
 * Files that come back from offices are UTF-8 most of the time, but Excel's
 * "CSV" save writes cp1258, and old machines still type in TCVN3 (ABC) or VNI
 * fonts. Bytes that are valid UTF-8 are taken as UTF-8 (legacy Vietnamese text
 * is practically never valid UTF-8). Otherwise every legacy decoding is made
 * and judged by the words it yields:
 *
 * - A word (a run of letters and marks) that holds a non-ASCII letter is
 *   "good" when it is a well-formed Vietnamese syllable and "bad" when it is
 *   not, unless it is all consonants (HĐND, ĐBSCL: abbreviations count for
 *   nothing). A non-ASCII symbol that is not common typography (quotes,
 *   dashes, °, ², €, ₫...) is bad too: mojibake is full of ¸ ¬ µ §. A decoding
 *   that produces control characters (but tab, CR, LF) is out.
 * - The best decoding (good - bad) wins when it has at least ENC_MIN_GOOD good
 *   words, at most one bad word for two good ones, and is clearly ahead of the
 *   runner-up: ENC_MARGIN more, and at least twice as much. Decodings that give
 *   the same text are not rivals. Anything else is refused: a guess that turns
 *   a report into mojibake is worse than asking for a UTF-8 file.
 * - A file has one encoding. Each line is also judged on its own (UTF-8 being
 *   a candidate for a line that is valid UTF-8); a line clearly better read in
 *   another encoding than the winner means the file was pasted together from
 *   several sources: it is refused rather than decoded half garbled.
 *
 * Syllables: see encoding_syllable.c.
 *
 * cp1258 and TCVN3 go through glibc's iconv ("CP1258", "TCVN5712-1"; both
 * compose a base letter with a following combining tone mark). TCVN5712-1 is
 * the VN1 level of TCVN 5712:1993, a superset of the ABC (VN3) fonts: it also
 * has upper-case toned letters, some at bytes 0x01-0x17. ABC files whose
 * capitals were made by choosing the .VnTimeH font hold lower-case bytes and
 * decode to lower case; nothing in the bytes tells.
 *
 * VNI has no iconv converter. VNI-Windows fonts reuse the cp1252 code points:
 * a Vietnamese letter is an ASCII base followed by a mark byte (ấ = "a" + 0xE1,
 * shown as "aá" without the font), or one byte for ơ ư đ, the toned i and ỵ.
 * vni_table[] lists the lower-case letters; each upper-case letter uses the
 * upper-case base and the mark byte minus 0x20 (Ấ = "A" + 0xC1). The 134
 * letters agree with the VNI tables of two independent converters: xvnkb's
 * vni.h (Dao Hai Lam, 2002) and the vietnamese-conversion package (duydev).
 * Other bytes read as cp1252. On decoding, a mark byte of either case joins
 * its base, whose case wins; the encoder writes the regular form only, and
 * refuses cp1252 letters from 0xC0 up (é in cp1252 would read as a mark). */
#include "encoding.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "msg.h"
#include "text.h"
#include "util.h"

/* Why a file is refused (untranslated; the caller passes them through tr()). */
static const char *const enc_why_nul =
	N_("the file contains NUL bytes: it is not a text file");
static const char *const enc_why_no_fit =
	N_("not valid UTF-8 and no Vietnamese encoding fits; save the file as UTF-8");
static const char *const enc_why_short =
	N_("too little Vietnamese text to tell the file's encoding; save the file as UTF-8");
static const char *const enc_why_ambiguous =
	N_("the file reads as Vietnamese in more than one encoding; save the file as UTF-8");
static const char *const enc_why_mixed =
	N_("the file mixes several text encodings; save it again as UTF-8");

/* Judging a decoding: see the design notes above. */
#define ENC_MIN_GOOD 3
#define ENC_MARGIN 3
/* A line votes for an encoding when it is this much better than the others. */
#define ENC_LINE_MARGIN 2

const char *encoding_name(enum text_encoding e)
{
	static const char *const names[ENC_COUNT] = {
		[ENC_UTF8] = "UTF-8",
		[ENC_CP1258] = "cp1258",
		[ENC_TCVN3] = "TCVN3",
		[ENC_VNI] = "VNI",
	};
	if (e == ENC_UTF16LE)
		return "UTF-16LE";
	if (e == ENC_UTF16BE)
		return "UTF-16BE";
	if (e == ENC_XLSX)
		return "xlsx";
	if ((int)e < 0 || e >= ENC_COUNT)
		return "?";
	return names[e];
}

/* ---- Judging a decoding ---- */

struct enc_score {
	long good, bad;
};

static long score_net(const struct enc_score *s)
{
	return s->good - s->bad;
}

/* Non-ASCII symbols that real Vietnamese documents use. */
static bool enc_typographic(int32_t cp)
{
	static const int32_t ok[] = {
		0x00A0, 0x00AB, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x00B7, 0x00BB, 0x00BC, 0x00BD,
		0x00BE, 0x00D7, 0x00F7, 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
		0x2026, 0x20AB, 0x20AC, 0x2116, 0x2192, 0x2264, 0x2265,
	};
	for (size_t i = 0; i < ARRAY_LEN(ok); i++)
		if (ok[i] == cp)
			return true;
	return false;
}

/* Can cp be part of an abbreviation such as HĐND or ĐBSCL (a consonant letter)? */
static bool enc_consonant(int32_t cp)
{
	if (cp == 0x0110 || cp == 0x0111)
		return true;
	return cp < 0x80 && ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') &&
	       !strchr("aeiouy", (int)(cp | 0x20));
}

/* Add the good and bad words of the NFC UTF-8 text s[0..n) to sc. */
static void enc_score_text(const char *s, size_t n, struct enc_score *sc)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	size_t i = 0, start = 0;
	bool in_word = false, marked = false, abbrev = false;
	while (i <= n) {
		utf8proc_int32_t cp = 0;
		utf8proc_ssize_t k = 1;
		if (i < n) {
			k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
			if (k <= 0) {
				k = 1;
				cp = 0xFFFD;
			}
		}
		utf8proc_category_t cat = i < n ? utf8proc_category(cp) : UTF8PROC_CATEGORY_CN;
		/* Words are runs of letters and combining marks. */
		if (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME) {
			if (!in_word) {
				in_word = abbrev = true;
				marked = false;
				start = i;
			}
			marked |= cp >= 0x80;
			abbrev &= enc_consonant(cp);
		} else {
			if (in_word && marked && !abbrev) {
				if (encoding_is_syllable(s + start, i - start))
					sc->good++;
				else
					sc->bad++;
			}
			in_word = false;
			if (i < n && cp >= 0x80 && !enc_typographic(cp))
				sc->bad++;
		}
		i += (size_t)k;
	}
}

/* Does UTF-8 s hold a control character other than tab, CR and LF? */
static bool enc_has_control(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
			return true;
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0)
			return true; /* C1 controls U+0080-U+009F */
	}
	return false;
}

/* ---- Decoders ---- */

/* Convert s[0..n) between UTF-8 and "CP1258" or "TCVN5712-1" (glibc's iconv,
 * or tables on Windows). Returns a new NUL-terminated string, or NULL if a
 * byte or character has no conversion. */
static char *enc_iconv(const char *to, const char *from, const char *s, size_t n, size_t *out_len)
{
	return compat_convert(to, from, s, n, out_len);
}

/* cp1252 0x80-0x9F (0 where the code page leaves a byte undefined). */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* The VNI-Windows bytes of each lower-case Vietnamese letter (see the top). */
static const struct {
	const char *letter, *vni;
} vni_table[] = {
	{"á", "a\xF9"}, {"à", "a\xF8"}, {"ả", "a\xFB"}, {"ã", "a\xF5"}, {"ạ", "a\xEF"},
	{"â", "a\xE2"}, {"ấ", "a\xE1"}, {"ầ", "a\xE0"}, {"ẩ", "a\xE5"}, {"ẫ", "a\xE3"},
	{"ậ", "a\xE4"},
	{"ă", "a\xEA"}, {"ắ", "a\xE9"}, {"ằ", "a\xE8"}, {"ẳ", "a\xFA"}, {"ẵ", "a\xFC"},
	{"ặ", "a\xEB"},
	{"é", "e\xF9"}, {"è", "e\xF8"}, {"ẻ", "e\xFB"}, {"ẽ", "e\xF5"}, {"ẹ", "e\xEF"},
	{"ê", "e\xE2"}, {"ế", "e\xE1"}, {"ề", "e\xE0"}, {"ể", "e\xE5"}, {"ễ", "e\xE3"},
	{"ệ", "e\xE4"},
	{"í", "\xED"}, {"ì", "\xEC"}, {"ỉ", "\xE6"}, {"ĩ", "\xF3"}, {"ị", "\xF2"},
	{"ó", "o\xF9"}, {"ò", "o\xF8"}, {"ỏ", "o\xFB"}, {"õ", "o\xF5"}, {"ọ", "o\xEF"},
	{"ô", "o\xE2"}, {"ố", "o\xE1"}, {"ồ", "o\xE0"}, {"ổ", "o\xE5"}, {"ỗ", "o\xE3"},
	{"ộ", "o\xE4"},
	{"ơ", "\xF4"}, {"ớ", "\xF4\xF9"}, {"ờ", "\xF4\xF8"}, {"ở", "\xF4\xFB"},
	{"ỡ", "\xF4\xF5"}, {"ợ", "\xF4\xEF"},
	{"ú", "u\xF9"}, {"ù", "u\xF8"}, {"ủ", "u\xFB"}, {"ũ", "u\xF5"}, {"ụ", "u\xEF"},
	{"ư", "\xF6"}, {"ứ", "\xF6\xF9"}, {"ừ", "\xF6\xF8"}, {"ử", "\xF6\xFB"},
	{"ữ", "\xF6\xF5"}, {"ự", "\xF6\xEF"},
	{"ý", "y\xF9"}, {"ỳ", "y\xF8"}, {"ỷ", "y\xFB"}, {"ỹ", "y\xF5"}, {"ỵ", "\xEE"},
	{"đ", "\xF1"},
};

/* The lower-case form of a VNI byte: ASCII letters, and 0xC0-0xDF to 0xE0-0xFF. */
static unsigned char vni_lower(unsigned char b, bool *upper)
{
	*upper = (b >= 'A' && b <= 'Z') || (b >= 0xC0 && b <= 0xDF && b != 0xD7);
	if (!*upper)
		return b;
	return b < 0x80 ? (unsigned char)(b - 'A' + 'a') : (unsigned char)(b + 0x20);
}

/* Append the letter (upper-cased when asked) to b. */
static void vni_add_letter(struct strbuf *b, const char *letter, bool upper)
{
	if (!upper) {
		sb_add(b, letter);
		return;
	}
	utf8proc_int32_t cp;
	utf8proc_iterate((const utf8proc_uint8_t *)letter, -1, &cp);
	utf8proc_uint8_t u[4];
	utf8proc_ssize_t k = utf8proc_encode_char(utf8proc_toupper(cp), u);
	sb_addn(b, (const char *)u, (size_t)k);
}

/* Decode VNI-Windows bytes to UTF-8 (not yet NFC). NULL on an undefined byte. */
static char *vni_decode(const char *s, size_t n)
{
	struct strbuf b = {0};
	sb_add(&b, "");
	size_t i = 0;
	while (i < n) {
		bool up, mark_up;
		unsigned char c = vni_lower((unsigned char)s[i], &up);
		size_t j;
		if (i + 1 < n) {
			unsigned char m = vni_lower((unsigned char)s[i + 1], &mark_up);
			for (j = 0; j < ARRAY_LEN(vni_table); j++) {
				const unsigned char *v = (const unsigned char *)vni_table[j].vni;
				if (v[0] == c && v[1] == m && m >= 0x80)
					break;
			}
			if (j < ARRAY_LEN(vni_table)) {
				vni_add_letter(&b, vni_table[j].letter, up);
				i += 2;
				continue;
			}
		}
		for (j = 0; c >= 0x80 && j < ARRAY_LEN(vni_table); j++) {
			const unsigned char *v = (const unsigned char *)vni_table[j].vni;
			if (v[0] == c && v[1] == 0)
				break;
		}
		if (c >= 0x80 && j < ARRAY_LEN(vni_table)) {
			vni_add_letter(&b, vni_table[j].letter, up);
		} else {
			unsigned char raw = (unsigned char)s[i];
			int32_t cp = raw;
			if (raw >= 0x80 && raw < 0xA0)
				cp = cp1252_high[raw - 0x80];
			if (cp == 0) {
				sb_free(&b);
				return NULL;
			}
			utf8proc_uint8_t u[4];
			sb_addn(&b, (const char *)u, (size_t)utf8proc_encode_char(cp, u));
		}
		i++;
	}
	return sb_take(&b);
}

/* Encode NFC UTF-8 to VNI-Windows bytes; NULL if a character has no VNI form. */
static char *vni_encode(const char *s, size_t *out_len)
{
	struct strbuf b = {0};
	sb_add(&b, "");
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0)
			goto fail;
		p += k;
		if (cp < 0x80) {
			sb_addc(&b, (char)cp);
			continue;
		}
		int32_t low = utf8proc_tolower(cp);
		char letter[5] = {0};
		utf8proc_encode_char(low, (utf8proc_uint8_t *)letter);
		size_t j;
		for (j = 0; j < ARRAY_LEN(vni_table); j++)
			if (strcmp(vni_table[j].letter, letter) == 0)
				break;
		if (j < ARRAY_LEN(vni_table)) {
			for (const char *v = vni_table[j].vni; *v; v++) {
				unsigned char c = (unsigned char)*v;
				if (low != cp && c < 0x80)
					c = (unsigned char)(c - 'a' + 'A');
				else if (low != cp)
					c = (unsigned char)(c - 0x20);
				sb_addc(&b, (char)c);
			}
			continue;
		}
		/* cp1252 symbols below 0xC0; letters from 0xC0 up would read as marks. */
		int byte = cp >= 0xA0 && cp < 0xC0 ? cp : -1;
		for (int h = 0; h < 32 && byte < 0; h++)
			if (cp1252_high[h] == cp)
				byte = 0x80 + h;
		if (byte < 0)
			goto fail;
		sb_addc(&b, (char)byte);
	}
	if (out_len)
		*out_len = b.len;
	return sb_take(&b);
fail:
	sb_free(&b);
	return NULL;
}

/* Decode s[0..n) from the legacy encoding e to NFC UTF-8 without control
 * characters; NULL if the bytes are not text in e. */
static char *enc_decode_as(enum text_encoding e, const char *s, size_t n)
{
	char *raw = NULL;
	if (e == ENC_CP1258)
		raw = enc_iconv("UTF-8", "CP1258", s, n, NULL);
	else if (e == ENC_TCVN3)
		raw = enc_iconv("UTF-8", "TCVN5712-1", s, n, NULL);
	else if (e == ENC_VNI)
		raw = vni_decode(s, n);
	if (!raw)
		return NULL;
	if (enc_has_control(raw, strlen(raw))) {
		free(raw);
		return NULL;
	}
	char *nfc = (char *)utf8proc_NFC((const utf8proc_uint8_t *)raw);
	free(raw);
	return nfc;
}

static char *enc_nfc(const char *s, size_t n)
{
	return text_nfc(s, n);
}

/* Length of the line at s (up to, not including, '\n' or end). */
static size_t enc_line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

static bool enc_has_high(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return true;
	return false;
}

/* The encoding that line scores sc (valid where have[e]) clearly prefer, or -1. */
static int enc_line_vote(const struct enc_score *sc, const bool *have)
{
	int best = -1;
	long best_net = 0, second_net = 0;
	bool second_set = false;
	for (int e = 0; e < ENC_COUNT; e++) {
		if (!have[e])
			continue;
		long net = score_net(&sc[e]);
		if (best < 0 || net > best_net) {
			if (best >= 0) {
				second_net = best_net;
				second_set = true;
			}
			best = e;
			best_net = net;
		} else if (!second_set || net > second_net) {
			second_net = net;
			second_set = true;
		}
	}
	if (best < 0 || best_net < ENC_LINE_MARGIN)
		return -1;
	if (second_set && best_net - second_net < ENC_LINE_MARGIN)
		return -1;
	return best;
}

bool encoding_is_utf16(const char *buf, size_t n)
{
	const unsigned char *p = (const unsigned char *)buf;
	return n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF));
}

/* UTF-16 after its BOM, through iconv, to NFC UTF-8 (no NUL, no bad pairs). */
static char *enc_from_utf16(const char *buf, size_t n, size_t *out_len, enum text_encoding *enc,
			    const char **why)
{
	bool le = (unsigned char)buf[0] == 0xFF;
	size_t len = 0;
	char *u = (n - 2) % 2 ? NULL : enc_iconv("UTF-8", le ? "UTF-16LE" : "UTF-16BE", buf + 2, n - 2, &len);
	if (!u || !text_valid_utf8(u, len)) {
		free(u);
		*why = N_("broken UTF-16 (an odd number of bytes, a lone surrogate or a NUL character)");
		return NULL;
	}
	char *r = enc_nfc(u, len);
	free(u);
	if (out_len)
		*out_len = strlen(r);
	if (enc)
		*enc = le ? ENC_UTF16LE : ENC_UTF16BE;
	return r;
}

/* Score every decoding line by line, and note which decodings some line
 * votes for: the lines of the input and of every decoding are walked side by
 * side (each decoding maps LF, and only LF, to LF, and NFC keeps it). */
static void enc_score_lines(const char *buf, size_t n, char *const text[ENC_COUNT],
			    struct enc_score total[ENC_COUNT], bool voted[ENC_COUNT])
{
	const char *pos[ENC_COUNT] = {NULL}, *end[ENC_COUNT] = {NULL};
	for (int e = ENC_CP1258; e < ENC_COUNT; e++)
		if (text[e]) {
			pos[e] = text[e];
			end[e] = text[e] + strlen(text[e]);
		}
	const char *raw = buf, *raw_end = buf + n;
	while (raw < raw_end) {
		struct enc_score line[ENC_COUNT] = {{0, 0}};
		bool have[ENC_COUNT] = {false};
		size_t rl = enc_line_len(raw, raw_end);
		if (enc_has_high(raw, rl) && text_valid_utf8(raw, rl)) {
			char *u = enc_nfc(raw, rl);
			enc_score_text(u, strlen(u), &line[ENC_UTF8]);
			have[ENC_UTF8] = true;
			free(u);
		}
		for (int e = ENC_CP1258; e < ENC_COUNT; e++) {
			if (!text[e])
				continue;
			size_t l = enc_line_len(pos[e], end[e]);
			enc_score_text(pos[e], l, &line[e]);
			total[e].good += line[e].good;
			total[e].bad += line[e].bad;
			have[e] = true;
			pos[e] += l < (size_t)(end[e] - pos[e]) ? l + 1 : l;
		}
		int vote = enc_line_vote(line, have);
		if (vote >= 0)
			voted[vote] = true;
		raw += rl < (size_t)(raw_end - raw) ? rl + 1 : rl;
	}
}

char *encoding_decode(const char *buf, size_t n, size_t *out_len, enum text_encoding *enc,
		      const char **why)
{
	if (encoding_is_utf16(buf, n))
		return enc_from_utf16(buf, n, out_len, enc, why);
	if (n > 0 && memchr(buf, '\0', n)) {
		*why = enc_why_nul;
		return NULL;
	}
	bool nfc;
	if (text_valid_utf8_nfc(buf, n, &nfc)) { /* one pass: valid, and NFC as it is? */
		char *r = nfc ? xstrndup(buf, n) : enc_nfc(buf, n);
		if (out_len)
			*out_len = nfc ? n : strlen(r);
		if (enc)
			*enc = ENC_UTF8;
		return r;
	}

	char *text[ENC_COUNT] = {0};
	struct enc_score total[ENC_COUNT] = {{0, 0}};
	bool voted[ENC_COUNT] = {false}, any = false;
	for (int e = ENC_CP1258; e < ENC_COUNT; e++) {
		text[e] = enc_decode_as((enum text_encoding)e, buf, n);
		any |= text[e] != NULL;
	}
	if (!any) {
		*why = enc_why_no_fit;
		return NULL;
	}

	enc_score_lines(buf, n, text, total, voted);

	/* The best decoding and its strongest rival (one giving other text). */
	int best = -1, second = -1;
	for (int e = ENC_CP1258; e < ENC_COUNT; e++)
		if (text[e] && (best < 0 || score_net(&total[e]) > score_net(&total[best])))
			best = e;
	for (int e = ENC_CP1258; e < ENC_COUNT; e++)
		if (text[e] && e != best && strcmp(text[e], text[best]) != 0 &&
		    (second < 0 || score_net(&total[e]) > score_net(&total[second])))
			second = e;
	long best_net = score_net(&total[best]);
	long second_net = second >= 0 ? score_net(&total[second]) : 0;
	const char *reason = NULL;
	if (total[best].good < ENC_MIN_GOOD)
		reason = enc_why_short;
	else if (total[best].bad * 2 > total[best].good)
		reason = enc_why_no_fit;
	else if (second >= 0 && (best_net < second_net + ENC_MARGIN || best_net < 2 * second_net))
		reason = enc_why_ambiguous;
	for (int e = 0; e < ENC_COUNT && !reason; e++)
		if (voted[e] && e != best && !(text[e] && strcmp(text[e], text[best]) == 0))
			reason = enc_why_mixed;
	char *r = NULL;
	if (reason) {
		*why = reason;
	} else {
		r = text[best];
		text[best] = NULL;
		if (out_len)
			*out_len = strlen(r);
		if (enc)
			*enc = (enum text_encoding)best;
	}
	for (int e = 0; e < ENC_COUNT; e++)
		free(text[e]);
	return r;
}

char *encoding_encode(const char *utf8, enum text_encoding e, size_t *out_len)
{
	size_t n = strlen(utf8);
	if (!text_valid_utf8(utf8, n))
		return NULL;
	char *nfc = enc_nfc(utf8, n);
	char *r = NULL;
	switch (e) {
	case ENC_UTF8:
		r = nfc;
		nfc = NULL;
		if (out_len)
			*out_len = strlen(r);
		break;
	case ENC_CP1258:
		r = enc_iconv("CP1258", "UTF-8", nfc, strlen(nfc), out_len);
		break;
	case ENC_TCVN3:
		r = enc_iconv("TCVN5712-1", "UTF-8", nfc, strlen(nfc), out_len);
		break;
	case ENC_VNI:
		r = vni_encode(nfc, out_len);
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE: {
		size_t len = 0;
		char *w = enc_iconv(e == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE", "UTF-8", nfc, strlen(nfc), &len);
		if (w) {
			r = xmalloc(len + 3);
			memcpy(r, e == ENC_UTF16LE ? "\xFF\xFE" : "\xFE\xFF", 2);
			memcpy(r + 2, w, len);
			r[len + 2] = '\0';
			if (out_len)
				*out_len = len + 2;
			free(w);
		}
		break;
	}
	default:
		break;
	}
	free(nfc);
	return r;
}

const char *encoding_saved_as(const char *buf, size_t n)
{
	const unsigned char *u = (const unsigned char *)buf;
	if (n >= 4 && memcmp(u, "PK\3\4", 4) == 0)
		return tr("a zipped file that is not a report workbook, not CSV: in Excel choose Save As, \"CSV UTF-8 (Comma delimited)\"");
	if (n >= 4 && memcmp(u, "\xD0\xCF\x11\xE0", 4) == 0)
		return tr("an old Excel workbook (.xls), not CSV: in Excel choose Save As, \"CSV UTF-8 (Comma delimited)\"");
	if (n >= 5 && memcmp(u, "%PDF-", 5) == 0)
		return tr("a PDF document, not CSV: ask for the .csv file itself");
	return NULL;
}
