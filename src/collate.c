/* SPDX-License-Identifier: MIT */
/* Vietnamese dictionary order for names and titles, built in so it never depends on the locale.
 *
 * Why always built in. The issue asked for the C library's collation where a
 * vi_VN locale exists and a built-in order elsewhere. We use the built-in
 * order everywhere: machines run whatever locale they have (often C.UTF-8,
 * where strcoll is code point order and puts "Đồng" after "Yên"), offices
 * exchanging files must list communes the same way, and glibc's own vi_VN
 * order is not right: glibc 2.36's vi_VN (built with localedef for a trial)
 * sorts "tờ" before "tô" and "mận" before "măng" (letters carrying two
 * diacritics land before their base letter), and reads "Phường 10" before
 * "Phường 2". The result depends on nothing but the two strings, so
 * strcoll is not called even where a vi_VN locale is installed; should a
 * later C library get Vietnamese right, tests/unit/test_collate.c holds the
 * order it would have to match before it could be used.
 *
 * The order is that of the Unicode CLDR "vi" collation, standard variant
 * (ă â đ ê ô ơ ư are letters of their own; tones are secondary differences,
 * grave < hook < tilde < acute < dot below), compared level by level as in
 * the Unicode Collation Algorithm:
 *
 * 1. Base letters, case and tones ignored: a ă â b c d đ e ê g h i k l m n o
 *    ô ơ p q r s t u ư v x y, with f j w z in their Latin places and other
 *    scripts after z by code point. Letters are compared one by one: ch, gh,
 *    kh, ng, nh, ph, th, tr are not single letters (CLDR's "traditional"
 *    variant, like the sections of printed dictionaries, makes them letters).
 *    Runs of ASCII digits compare as numbers, a run of white space as one
 *    space, punctuation by code point.
 *    Classes: space < punctuation < number < letter.
 * 2. Tones, one per word (the first tone mark of a run of letters), in the
 *    order none, huyền (`), hỏi (?), ngã (~), sắc ('), nặng (.), the order
 *    of dictionaries and of CLDR: "ma mà mả mã má mạ", then "mai". The
 *    tone belongs to the syllable, so hoà and hòa tie here (CLDR weighs each
 *    mark on its letter and would part them by where the mark sits).
 * 3. Case, letter by letter, lower case first.
 * 4. The bytes of the string, so that distinct strings never tie and qsort
 *    gives one answer.
 *
 * collate_key writes the four levels one after the other, separated by a 0x01
 * byte that is lower than any weight; collate_vi compares two such keys, so
 * the two functions cannot disagree. */
#include "collate.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Level 1 element classes (the first byte of each element). */
enum {
	COLL_LEVEL_END = 0x01,
	COLL_SPACE = 0x02,
	COLL_PUNCT = 0x03,
	COLL_NUMBER = 0x04,
	COLL_LETTER = 0x05,
	COLL_OTHER_LETTER = 0x06,
};

/* The Latin alphabet in Vietnamese order; f j w z sit in their Latin places. */
static const int32_t coll_alphabet[] = {
	'a', 0x0103, 0x00E2, 'b', 'c', 'd', 0x0111, 'e', 0x00EA, 'f', 'g', 'h', 'i', 'j',
	'k', 'l', 'm', 'n', 'o', 0x00F4, 0x01A1, 'p', 'q', 'r', 's', 't', 'u', 0x01B0,
	'v', 'w', 'x', 'y', 'z',
};

enum coll_tone { COLL_TONE_NONE, COLL_HUYEN, COLL_HOI, COLL_NGA, COLL_SAC, COLL_NANG };

static int coll_tone_of_mark(int32_t m)
{
	switch (m) {
	case 0x0300: return COLL_HUYEN;
	case 0x0309: return COLL_HOI;
	case 0x0303: return COLL_NGA;
	case 0x0301: return COLL_SAC;
	case 0x0323: return COLL_NANG;
	default: return COLL_TONE_NONE;
	}
}

/* Append cp as three bytes of seven bits, each with the high bit set: order
 * preserving, fixed length, never 0x00 or 0x01. */
static void coll_add_cp(struct strbuf *b, int32_t cp)
{
	sb_addc(b, (char)(0x80 | ((cp >> 14) & 0x7F)));
	sb_addc(b, (char)(0x80 | ((cp >> 7) & 0x7F)));
	sb_addc(b, (char)(0x80 | (cp & 0x7F)));
}

/* Append the run of n significant digits so that a longer number sorts
 * later: the count in base 64 (prefixed by its own length), then the digits. */
static void coll_add_number(struct strbuf *b, const char *digits, size_t n)
{
	unsigned char groups[12];
	size_t g = 0, k = n;
	do {
		groups[g++] = (unsigned char)(0x40 + (k & 0x3F));
		k >>= 6;
	} while (k);
	sb_addc(b, COLL_NUMBER);
	sb_addc(b, (char)(0x40 + g));
	while (g)
		sb_addc(b, (char)groups[--g]);
	sb_addn(b, digits, n);
}

/* The alphabet position of Latin base letter `low` with shape mark `mark`
 * (breve, circumflex, horn, or 0); -1 if the pair is not a letter. */
static int coll_latin(int32_t low, int32_t mark)
{
	int32_t l = low;
	if (mark == 0x0306 && low == 'a')
		l = 0x0103;
	else if (mark == 0x0302 && (low == 'a' || low == 'e' || low == 'o'))
		l = low == 'a' ? 0x00E2 : low == 'e' ? 0x00EA : 0x00F4;
	else if (mark == 0x031B && (low == 'o' || low == 'u'))
		l = low == 'o' ? 0x01A1 : 0x01B0;
	for (size_t i = 0; i < ARRAY_LEN(coll_alphabet); i++)
		if (coll_alphabet[i] == l)
			return (int)i;
	return -1;
}

static bool coll_is_space(int32_t cp)
{
	return cp == ' ' || (cp >= '\t' && cp <= '\r') ||
	       utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS;
}

/* The key's first three levels as they are built, and where the reader is:
 * in a word (and whether its tone is known yet), in a run of spaces. */
struct coll_levels {
	struct strbuf l1, l2, l3;
	bool in_word, word_toned, in_space;
	size_t word_tone_at;
};

/* Weigh a letter or a combining mark: cp decomposed into dec[0..nd). */
static void coll_add_letter(struct coll_levels *c, utf8proc_int32_t cp, const utf8proc_int32_t *dec,
			    utf8proc_ssize_t nd, bool is_letter)
{
	c->in_space = false;
	int tone = COLL_TONE_NONE;
	int32_t shape = 0;
	for (utf8proc_ssize_t i = is_letter ? 1 : 0; i < nd; i++) {
		int t = coll_tone_of_mark(dec[i]);
		if (t != COLL_TONE_NONE && tone == COLL_TONE_NONE)
			tone = t;
		else if (t == COLL_TONE_NONE && !shape)
			shape = dec[i];
	}
	if (is_letter) {
		int32_t low = utf8proc_tolower(dec[0]);
		int pos = low < 0x80 || low == 0x0111 ? coll_latin(low, shape) : -1;
		if (pos >= 0) {
			sb_addc(&c->l1, COLL_LETTER);
			sb_addc(&c->l1, (char)(0x20 + pos));
		} else {
			/* Another script, or a Latin letter this alphabet lacks. */
			sb_addc(&c->l1, COLL_OTHER_LETTER);
			coll_add_cp(&c->l1, utf8proc_tolower(cp));
		}
		sb_addc(&c->l3, low != dec[0] ? 0x03 : 0x02);
		if (!c->in_word) {
			c->in_word = true;
			c->word_toned = false;
			c->word_tone_at = c->l2.len;
			sb_addc(&c->l2, (char)(0x02 + COLL_TONE_NONE));
		}
	}
	/* A tone mark on its own joins the word it follows. */
	if (c->in_word && tone != COLL_TONE_NONE && !c->word_toned) {
		c->l2.s[c->word_tone_at] = (char)(0x02 + tone);
		c->word_toned = true;
	}
}

/* Weigh a character that is neither a letter nor a mark: a run of spaces
 * weighs as one space; anything else is punctuation. */
static void coll_add_other(struct coll_levels *c, utf8proc_int32_t cp)
{
	c->in_word = false;
	if (coll_is_space(cp)) {
		if (!c->in_space)
			sb_addc(&c->l1, COLL_SPACE);
		c->in_space = true;
	} else {
		c->in_space = false;
		sb_addc(&c->l1, COLL_PUNCT);
		coll_add_cp(&c->l1, cp);
	}
}

char *collate_key(const char *s)
{
	struct coll_levels c = {0};
	sb_add(&c.l1, "");
	sb_add(&c.l2, "");
	sb_add(&c.l3, "");
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0) {
			/* Not UTF-8: weigh the byte as a punctuation mark. */
			cp = 0xDC00 + *p;
			k = 1;
		}
		if (cp >= '0' && cp <= '9') {
			const char *d = (const char *)p;
			size_t n = strspn(d, "0123456789"), z = 0;
			while (z < n && d[z] == '0')
				z++;
			coll_add_number(&c.l1, d + z, n - z);
			p += n;
			c.in_word = c.in_space = false;
			continue;
		}
		p += k;
		utf8proc_int32_t dec[8];
		int boundclass = 0;
		utf8proc_ssize_t nd = utf8proc_decompose_char(cp, dec, 8, UTF8PROC_DECOMPOSE,
							      &boundclass);
		if (nd < 1 || nd > 8) {
			dec[0] = cp;
			nd = 1;
		}
		utf8proc_category_t cat = utf8proc_category(dec[0]);
		bool is_letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
		bool is_mark = cat >= UTF8PROC_CATEGORY_MN && cat <= UTF8PROC_CATEGORY_ME;
		if (is_letter || is_mark)
			coll_add_letter(&c, cp, dec, nd, is_letter);
		else
			coll_add_other(&c, cp);
	}
	struct strbuf key = {0};
	sb_addn(&key, c.l1.s, c.l1.len);
	sb_addc(&key, COLL_LEVEL_END);
	sb_addn(&key, c.l2.s, c.l2.len);
	sb_addc(&key, COLL_LEVEL_END);
	sb_addn(&key, c.l3.s, c.l3.len);
	sb_addc(&key, COLL_LEVEL_END);
	sb_add(&key, s);
	sb_free(&c.l1);
	sb_free(&c.l2);
	sb_free(&c.l3);
	return sb_take(&key);
}

int collate_vi(const char *a, const char *b)
{
	if (strcmp(a, b) == 0)
		return 0;
	char *ka = collate_key(a), *kb = collate_key(b);
	int r = strcmp(ka, kb);
	free(ka);
	free(kb);
	return (r > 0) - (r < 0);
}

struct coll_item {
	char *key;
	size_t idx;
};

static int coll_item_cmp(const void *a, const void *b)
{
	const struct coll_item *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

size_t *collate_order(const char *const *texts, size_t n)
{
	/* One key per text, then a sort of the keys: a comparison of two keys is
	 * a strcmp, where collate_vi would build both keys at every step. */
	struct coll_item *v = xcalloc(n ? n : 1, sizeof *v);
	for (size_t i = 0; i < n; i++) {
		v[i].key = collate_key(texts[i] ? texts[i] : "");
		v[i].idx = i;
	}
	qsort(v, n, sizeof *v, coll_item_cmp);
	size_t *order = xmalloc((n ? n : 1) * sizeof *order);
	for (size_t i = 0; i < n; i++) {
		order[i] = v[i].idx;
		free(v[i].key);
	}
	free(v);
	return order;
}
