/* SPDX-License-Identifier: MIT */
/* Built-in Vietnamese typing (Telex, VNI): a pure function over the word before the cursor.
 *
 * For clerks without a Vietnamese input method. The UI keeps no state: for
 * each printable ASCII key it passes the word before the cursor and the key;
 * im_apply either rewrites the word (true) or lets the key be typed (false).
 * Everything is worked out again from the word itself, so moving the cursor,
 * deleting or pasting never leaves a stale composition behind.
 *
 * The word is decoded into letters (base a-z, modifier, case) and one tone
 * for the syllable, then split into initial consonant, vowel nucleus and
 * final consonant. "qu" and "gi" before another vowel count as initials
 * ("quả", "giữ"; but "gìn"). A key is applied only when the result is still
 * a Vietnamese syllable or the beginning of one: a known initial, a nucleus
 * from the table below (a modifier may still be missing: "ie" becomes "iê"
 * later), a final among c ch m n ng nh p t, and after c ch p t only sắc or
 * nặng. Anything else (f j w z as letters, "ct", three vowels that never
 * meet, a word longer than a syllable) is not Vietnamese: return false and
 * let the key through, so English words and codes stay as typed.
 *
 * Keys, following Unikey:
 *   Telex  aa â, aw ă, ee ê, oo ô, ow ơ, uw ư, uow ươ (w after "uo" hooks
 *          both), dd đ (DD Dd Đ); tones s sắc, f huyền, r hỏi, x ngã,
 *          j nặng; z removes the tone.
 *   VNI    6 circumflex (â ê ô), 7 horn (ơ ư, uo7 ươ), 8 breve (ă), 9 đ;
 *          tones 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; 0 removes the tone.
 * Modifier and tone keys may come late ("Vieetj", "Vieejt", "Vietej",
 * "nguoiwf", "huongws"; "did" gives "đi"): a key looks for its vowel, or
 * for the initial d, in the whole word. In an abbreviation (no vowel) the
 * đ key turns a final d: "QDD" QĐ, "TTDDT" TTĐT. A w (or 7) with no vowel to
 * hook is typed as is: a lone "w" never becomes ư. The letter keeps its
 * case; the key's case does not matter. Pressing the same modifier again
 * undoes it and types the key ("aaa" aa, "ass" as, "ddd" dd, "aww" aw); a
 * different one replaces it ("aw" then "a": â; "as" then "f": à). A plain
 * letter is consumed only when it moves the tone ("hòa" + n: "hoàn";
 * "gì" + a: "già").
 *
 * Tone placement: on ơ of ươ; else on the last vowel carrying a modifier
 * (ê ô ơ â ă ư: "việt", "cửa", "thuở"); else, with a final consonant, on the
 * last vowel ("hoàng", "huỳnh"); else the middle one of three ("ngoài",
 * "khuỷu") or the first of two ("mái", "mía", "múa"). For oa, oe, uy with no
 * final this puts the tone on the first vowel: "hòa", "hòe", "thủy" (the
 * style the brief calls new; the other writes "hoà", "thuỷ": change the last
 * line of im_tone_pos to switch). ươ ends no syllable, so a tone on an open
 * "ươ" writes "uơ" ("thuowr": "thuở"), and a letter after "uơ" gives the
 * horn back ("buở" + i: "bưởi"). */
#include "telex.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "util.h"

/* Letters kept per word: a syllable has at most 7 ("nghiêng"). */
#define IM_MAX 12
/* Bytes for IM_MAX letters with two combining marks each, plus the key. */
#define IM_BUF (IM_MAX * 5 + 2)

enum im_mod { IM_MOD_NONE, IM_MOD_CIRC, IM_MOD_BREVE, IM_MOD_HORN, IM_MOD_STROKE };

struct im_letter {
	char base; /* lower-case ASCII letter */
	unsigned char mod; /* enum im_mod */
	bool upper;
};

struct im_word {
	struct im_letter l[IM_MAX];
	int n;
	int tone; /* 0 none, 1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng */
};

/* Initial consonant l[0..v0), vowels l[v0..v1), final consonant l[v1..n). */
struct im_syl {
	int v0, v1;
};

/* One call: the word and key as given, and where the new word is built. */
struct im_ctx {
	const char *word;
	char key;
	char buf[IM_BUF];
};

static const char *const im_names[IM_MODE_COUNT] = {"off", "telex", "vni"};

/* Combining marks, by tone and by modifier. */
static const int32_t im_tone_marks[6] = {0, 0x301, 0x300, 0x309, 0x303, 0x323};
static const int32_t im_mod_marks[IM_MOD_STROKE] = {0, 0x302, 0x306, 0x31B};

/* Initials ('D' is đ) and finals. */
static const char *const im_initials[] = {
	"b", "c", "ch", "d", "D", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng",
	"ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x",
};
static const char *const im_finals[] = {"c", "ch", "m", "n", "ng", "nh", "p", "t"};

/* Vowel nuclei, with ^ circumflex, ( breve, + horn after the letter, and
 * whether a final consonant may follow. A word matches one while some
 * modifiers are still missing ("uo" is on its way to "uô" or "ươ"). */
static const struct {
	const char *v;
	bool closed;
} im_nuclei[] = {
	{"a", true}, {"a(", true}, {"a^", true}, {"e", true}, {"e^", true}, {"i", true},
	{"o", true}, {"o^", true}, {"o+", true}, {"u", true}, {"u+", true}, {"y", false},
	{"ai", false}, {"ao", false}, {"au", false}, {"ay", false}, {"a^u", false},
	{"a^y", false}, {"eo", false}, {"e^u", false}, {"ia", false}, {"ie^", true},
	{"iu", false}, {"oa", true}, {"oa(", true}, {"oe", true}, {"oi", false},
	{"oo", true}, {"o^i", false}, {"o+i", false}, {"ua", false}, {"ua^", true},
	{"ue^", true}, {"ui", false}, {"uo^", true}, {"uo+", false}, {"uy", true},
	{"u+a", false}, {"u+i", false}, {"u+o+", true}, {"u+u", false}, {"ye^", true},
	{"ie^u", false}, {"ye^u", false}, {"oai", false}, {"oay", false}, {"oeo", false},
	{"ua^y", false}, {"uo^i", false}, {"uya", false}, {"uye^", true}, {"uyu", false},
	{"u+o+i", false}, {"u+o+u", false},
};

const char *im_mode_name(enum im_mode m)
{
	return (unsigned)m < IM_MODE_COUNT ? im_names[m] : "off";
}

bool im_mode_parse(const char *s, enum im_mode *m)
{
	for (int i = 0; i < IM_MODE_COUNT; i++)
		if (strcmp(s, im_names[i]) == 0) {
			*m = (enum im_mode)i;
			return true;
		}
	return false;
}

static bool im_is_vowel(char c)
{
	return c && strchr("aeiouy", c);
}

static bool im_is_cons(char c)
{
	return c && strchr("bcdghklmnpqrstvx", c);
}

static bool im_in(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

/* Add a letter for code point cp (a-z, A-Z, đ, Đ), keeping room for the key. */
static bool im_add_letter(struct im_word *w, int32_t cp)
{
	struct im_letter l = {0, IM_MOD_NONE, false};
	if (cp >= 'a' && cp <= 'z')
		l.base = (char)cp;
	else if (cp >= 'A' && cp <= 'Z')
		l = (struct im_letter){(char)(cp - 'A' + 'a'), IM_MOD_NONE, true};
	else if (cp == 0x111 || cp == 0x110)
		l = (struct im_letter){'d', IM_MOD_STROKE, cp == 0x110};
	else
		return false;
	if (w->n >= IM_MAX - 1)
		return false;
	w->l[w->n++] = l;
	return true;
}

/* Put combining mark cp on the last letter, if Vietnamese allows it there. */
static bool im_add_mark(struct im_word *w, int32_t cp)
{
	if (w->n == 0)
		return false;
	struct im_letter *l = &w->l[w->n - 1];
	for (int t = 1; t <= 5; t++)
		if (cp == im_tone_marks[t]) {
			if (w->tone || !im_is_vowel(l->base))
				return false;
			w->tone = t;
			return true;
		}
	enum im_mod mod;
	if (cp == im_mod_marks[IM_MOD_CIRC] && strchr("aeo", l->base))
		mod = IM_MOD_CIRC;
	else if (cp == im_mod_marks[IM_MOD_BREVE] && l->base == 'a')
		mod = IM_MOD_BREVE;
	else if (cp == im_mod_marks[IM_MOD_HORN] && (l->base == 'o' || l->base == 'u'))
		mod = IM_MOD_HORN;
	else
		return false;
	if (l->mod != IM_MOD_NONE)
		return false;
	l->mod = (unsigned char)mod;
	return true;
}

/* Decode s (NFC or not) into letters; false if anything is not a Latin
 * letter with Vietnamese marks, or the word is too long. */
static bool im_decode(const char *s, struct im_word *w)
{
	memset(w, 0, sizeof *w);
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	while (*p) {
		utf8proc_int32_t cp, parts[4];
		utf8proc_ssize_t k = utf8proc_iterate(p, -1, &cp);
		if (k <= 0)
			return false;
		p += k;
		int bound = 0;
		utf8proc_ssize_t np = utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE,
							      &bound);
		if (np < 1 || np > 4)
			return false;
		for (utf8proc_ssize_t i = 0; i < np; i++)
			if (!im_add_letter(w, parts[i]) && !im_add_mark(w, parts[i]))
				return false;
	}
	return true;
}

/* Letters l[a..b) as a string ('D' for đ). */
static void im_spell(const struct im_word *w, int a, int b, char buf[IM_MAX + 1])
{
	int n = 0;
	for (int i = a; i < b; i++)
		buf[n++] = w->l[i].mod == IM_MOD_STROKE ? 'D' : w->l[i].base;
	buf[n] = '\0';
}

/* Do the n vowels c match a nucleus of the table (closed: before a final)? */
static bool im_nucleus_ok(const struct im_letter *c, int n, bool closed)
{
	for (size_t e = 0; e < ARRAY_LEN(im_nuclei); e++) {
		if (closed && !im_nuclei[e].closed)
			continue;
		const char *p = im_nuclei[e].v;
		int k = 0;
		bool ok = true;
		while (*p && ok) {
			char b = *p++;
			unsigned char m = IM_MOD_NONE;
			if (*p == '^')
				m = IM_MOD_CIRC;
			else if (*p == '(')
				m = IM_MOD_BREVE;
			else if (*p == '+')
				m = IM_MOD_HORN;
			if (m != IM_MOD_NONE)
				p++;
			ok = k < n && c[k].base == b && (c[k].mod == IM_MOD_NONE || c[k].mod == m);
			k++;
		}
		if (ok && k == n)
			return true;
	}
	return false;
}

/* Split w into initial, vowels and final; false unless it is (the start of)
 * a Vietnamese syllable. */
static bool im_parse(const struct im_word *w, struct im_syl *s)
{
	int i = 0;
	while (i < w->n && im_is_cons(w->l[i].base))
		i++;
	int v0 = i;
	while (i < w->n && im_is_vowel(w->l[i].base))
		i++;
	int v1 = i;
	while (i < w->n && im_is_cons(w->l[i].base))
		i++;
	if (i != w->n)
		return false;
	const struct im_letter *l = w->l;
	if (v0 == 1 && l[0].base == 'q') {
		if (v1 == v0 || l[v0].base != 'u' || l[v0].mod != IM_MOD_NONE)
			return false;
		v0++;
	} else if (v0 == 1 && l[0].base == 'g' && v1 - v0 >= 2 && l[v0].base == 'i' &&
		   l[v0].mod == IM_MOD_NONE) {
		v0++;
	}
	char buf[IM_MAX + 1];
	im_spell(w, 0, v0, buf);
	if (v0 > 0 && !im_in(im_initials, ARRAY_LEN(im_initials), buf))
		return false;
	im_spell(w, v1, w->n, buf);
	bool closed = v1 < w->n;
	if (closed && (v1 == v0 || !im_in(im_finals, ARRAY_LEN(im_finals), buf)))
		return false;
	if (v1 == v0 && w->tone)
		return false;
	if (v1 > v0 && !im_nucleus_ok(l + v0, v1 - v0, closed))
		return false;
	bool stop = closed && (strcmp(buf, "c") == 0 || strcmp(buf, "ch") == 0 ||
			       strcmp(buf, "p") == 0 || strcmp(buf, "t") == 0);
	if (stop && w->tone >= 2 && w->tone <= 4)
		return false;
	s->v0 = v0;
	s->v1 = v1;
	return true;
}

/* ươ with nothing after it takes a tone as "uơ" ("thuở"); uơ before a vowel
 * or final is ươ ("bưởi"). A toneless open "ươ" stays as typed. */
static void im_fix_uo(struct im_word *w, const struct im_syl *s)
{
	for (int k = s->v0; k + 1 < s->v1; k++) {
		if (w->l[k].base != 'u' || w->l[k + 1].base != 'o' || w->l[k + 1].mod != IM_MOD_HORN)
			continue;
		bool open_end = k + 2 == s->v1 && s->v1 == w->n;
		if (!open_end)
			w->l[k].mod = IM_MOD_HORN;
		else if (w->tone)
			w->l[k].mod = IM_MOD_NONE;
	}
}

/* The letter that carries the tone (see the rules at the top). */
static int im_tone_pos(const struct im_word *w, const struct im_syl *s)
{
	int v0 = s->v0, v1 = s->v1;
	if (v1 - v0 == 1)
		return v0;
	for (int k = v0; k + 1 < v1; k++)
		if (w->l[k].base == 'u' && w->l[k].mod == IM_MOD_HORN && w->l[k + 1].base == 'o' &&
		    w->l[k + 1].mod == IM_MOD_HORN)
			return k + 1;
	for (int k = v1 - 1; k >= v0; k--)
		if (w->l[k].mod != IM_MOD_NONE)
			return k;
	if (v1 < w->n)
		return v1 - 1;
	if (v1 - v0 == 3)
		return v0 + 1;
	/* Two vowels, no final: "mái", "mía" and also "hòa", "hòe", "thủy".
	 * For "hoà", "thuỷ" return v1 - 1 when the pair is oa, oe or uy. */
	return v0;
}

static void im_add_mark_utf8(struct strbuf *b, int32_t cp)
{
	/* U+0300..U+033F are CC 80..CC BF. */
	sb_addc(b, (char)0xCC);
	sb_addc(b, (char)(0x80 | (cp & 0x3F)));
}

/* Write w, NFC, to c->buf with its tone on letter t (none if t < 0),
 * followed by key when key is not 0. */
static bool im_encode(const struct im_word *w, int t, char key, struct im_ctx *c)
{
	struct strbuf b = {0};
	sb_add(&b, "");
	for (int i = 0; i < w->n; i++) {
		const struct im_letter *l = &w->l[i];
		if (l->mod == IM_MOD_STROKE) {
			sb_add(&b, l->upper ? "\xC4\x90" : "\xC4\x91");
			continue;
		}
		sb_addc(&b, l->upper ? (char)(l->base - 'a' + 'A') : l->base);
		if (l->mod != IM_MOD_NONE)
			im_add_mark_utf8(&b, im_mod_marks[l->mod]);
		if (i == t)
			im_add_mark_utf8(&b, im_tone_marks[w->tone]);
	}
	if (key)
		sb_addc(&b, key);
	const char *why;
	char *nfc = text_clean(b.s, 0, &why);
	sb_free(&b);
	bool ok = nfc && strlen(nfc) < sizeof c->buf;
	if (ok)
		strcpy(c->buf, nfc);
	free(nfc);
	return ok;
}

/* Check w, place its tone and write it as im_encode does. */
static bool im_finish(struct im_word *w, char key, struct im_ctx *c)
{
	struct im_syl s;
	if (!im_parse(w, &s))
		return false;
	im_fix_uo(w, &s);
	if (!im_parse(w, &s))
		return false;
	return im_encode(w, w->tone && s.v1 > s.v0 ? im_tone_pos(w, &s) : -1, key, c);
}

/* A tone key (0 removes the tone). */
static bool im_tone(const struct im_word *in, const struct im_syl *s, int tone, struct im_ctx *c)
{
	struct im_word w = *in;
	if (s->v1 == s->v0 || (tone == 0 && w.tone == 0))
		return false;
	if (tone && w.tone == tone) {
		w.tone = 0;
		return im_finish(&w, c->key, c);
	}
	w.tone = tone;
	return im_finish(&w, 0, c);
}

static bool im_circ_target(char base, char target)
{
	return target ? base == target : strchr("aeo", base) != NULL;
}

/* A circumflex key: Telex a, e, o (target is that letter) or VNI 6 (target 0). */
static bool im_circ(const struct im_word *in, const struct im_syl *s, char target,
		    struct im_ctx *c)
{
	struct im_word w = *in;
	for (int i = s->v0; i < s->v1; i++)
		if (im_circ_target(w.l[i].base, target) && w.l[i].mod == IM_MOD_CIRC) {
			w.l[i].mod = IM_MOD_NONE;
			return im_finish(&w, c->key, c);
		}
	for (int i = s->v1 - 1; i >= s->v0; i--) {
		if (!im_circ_target(in->l[i].base, target))
			continue;
		w = *in;
		w.l[i].mod = IM_MOD_CIRC;
		if (w.l[i].base == 'o' && i > s->v0 && w.l[i - 1].base == 'u')
			w.l[i - 1].mod = IM_MOD_NONE; /* ươ + o: uô */
		if (im_finish(&w, 0, c))
			return true;
	}
	return false;
}

/* A hook key: Telex w (horn or breve), VNI 7 (horn) or 8 (breve). */
static bool im_hook(const struct im_word *in, const struct im_syl *s, bool horn, bool breve,
		    struct im_ctx *c)
{
	struct im_word w = *in;
	for (int i = s->v0; horn && i + 1 < s->v1; i++) {
		if (w.l[i].base != 'u' || w.l[i + 1].base != 'o')
			continue;
		if (w.l[i].mod != IM_MOD_HORN || w.l[i + 1].mod != IM_MOD_HORN) {
			w.l[i].mod = w.l[i + 1].mod = IM_MOD_HORN;
			if (!im_finish(&w, 0, c))
				return false;
			/* "thuở" + w would give "thuở" again: undo instead. */
			if (strcmp(c->buf, c->word) != 0)
				return true;
			w = *in;
		}
		w.l[i].mod = w.l[i + 1].mod = IM_MOD_NONE;
		return im_finish(&w, c->key, c);
	}
	bool undo = false;
	for (int i = s->v0; i < s->v1; i++)
		if ((horn && w.l[i].mod == IM_MOD_HORN) || (breve && w.l[i].mod == IM_MOD_BREVE)) {
			w.l[i].mod = IM_MOD_NONE;
			undo = true;
		}
	if (undo)
		return im_finish(&w, c->key, c);
	for (int i = s->v1 - 1; i >= s->v0; i--) {
		char b = in->l[i].base;
		enum im_mod mod = breve && b == 'a' ? IM_MOD_BREVE
				  : horn && (b == 'o' || b == 'u') ? IM_MOD_HORN : IM_MOD_NONE;
		if (mod == IM_MOD_NONE)
			continue;
		w = *in;
		w.l[i].mod = (unsigned char)mod;
		if (im_finish(&w, 0, c))
			return true;
	}
	return false;
}

/* The đ key (Telex d, VNI 9): on an initial d, wherever the cursor is. */
static bool im_stroke(const struct im_word *in, const struct im_syl *s, struct im_ctx *c)
{
	struct im_word w = *in;
	if (s->v0 != 1 || w.l[0].base != 'd')
		return false;
	if (w.l[0].mod == IM_MOD_STROKE) {
		w.l[0].mod = IM_MOD_NONE;
		return im_finish(&w, c->key, c);
	}
	w.l[0].mod = IM_MOD_STROKE;
	return im_finish(&w, 0, c);
}

/* The đ key at the end of an abbreviation, a word with no vowel: "QD" + d
 * gives "QĐ", "TTD" + d "TTĐ" (but "dd" + d stays "ddd"). */
static bool im_abbrev_stroke(const struct im_word *in, struct im_ctx *c)
{
	struct im_word w = *in;
	if (w.n < 2 || w.l[w.n - 1].base != 'd' || w.l[w.n - 2].base == 'd')
		return false;
	for (int i = 0; i < w.n; i++)
		if (!im_is_cons(w.l[i].base))
			return false;
	bool undo = w.l[w.n - 1].mod == IM_MOD_STROKE;
	w.l[w.n - 1].mod = undo ? IM_MOD_NONE : IM_MOD_STROKE;
	return im_encode(&w, -1, undo ? c->key : 0, c);
}

/* A plain letter: consumed only when adding it moves the tone or the horn
 * of ươ ("hòa" + n: "hoàn"). */
static bool im_letter(const struct im_word *in, struct im_ctx *c)
{
	char k = c->key, lower = k >= 'A' && k <= 'Z' ? (char)(k - 'A' + 'a') : k;
	if (!im_is_vowel(lower) && !im_is_cons(lower))
		return false;
	if (in->n >= IM_MAX)
		return false;
	struct im_word w = *in;
	w.l[w.n++] = (struct im_letter){lower, IM_MOD_NONE, k != lower};
	if (!im_finish(&w, 0, c))
		return false;
	size_t n = strlen(c->word);
	return !(strncmp(c->buf, c->word, n) == 0 && c->buf[n] == k && c->buf[n + 1] == '\0');
}

/* Apply the key's Telex or VNI meaning to a word that parsed as s. */
static bool im_key(enum im_mode m, const struct im_word *w, const struct im_syl *s,
		   struct im_ctx *c)
{
	char k = c->key >= 'A' && c->key <= 'Z' ? (char)(c->key - 'A' + 'a') : c->key;
	if (m == IM_TELEX) {
		const char *tones = "zsfrxj", *t = strchr(tones, k);
		if (k && t)
			return im_tone(w, s, (int)(t - tones), c);
		if (k == 'a' || k == 'e' || k == 'o')
			return im_circ(w, s, k, c);
		if (k == 'w')
			return im_hook(w, s, true, true, c);
		if (k == 'd')
			return im_stroke(w, s, c);
		return false;
	}
	if (k >= '0' && k <= '5')
		return im_tone(w, s, k - '0', c);
	switch (k) {
	case '6': return im_circ(w, s, 0, c);
	case '7': return im_hook(w, s, true, false, c);
	case '8': return im_hook(w, s, false, true, c);
	case '9': return im_stroke(w, s, c);
	default: return false;
	}
}

bool im_apply(enum im_mode m, const char *word, char key, char *out, size_t outsz)
{
	if ((m != IM_TELEX && m != IM_VNI) || !word || !out)
		return false;
	if ((unsigned char)key <= ' ' || (unsigned char)key >= 0x7F)
		return false;
	struct im_word w;
	if (!im_decode(word, &w))
		return false;
	struct im_ctx c = {.word = word, .key = key};
	struct im_syl s;
	bool stroke = m == IM_TELEX ? key == 'd' || key == 'D' : key == '9';
	bool done = (im_parse(&w, &s) && im_key(m, &w, &s, &c)) ||
		    (stroke && im_abbrev_stroke(&w, &c)) || im_letter(&w, &c);
	size_t n = strlen(c.buf);
	if (!done || n >= outsz)
		return false;
	memcpy(out, c.buf, n + 1);
	return true;
}
