/* SPDX-License-Identifier: MIT */
/* Is a word a well-formed Vietnamese syllable? The test encoding.c judges legacy decodings by.
 *
 * Syllables (encoding_is_syllable): lower-case the word, take the tone mark
 * off (at most one, on a vowel), split it into an initial consonant (b c ch d
 * đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none) and a
 * rhyme from syl_rhymes[] (medial o/u, nucleus, final c ch m n ng nh p t or
 * semivowel i y o u). Spelling rules: k, gh, ngh only before e ê i (k also
 * before y), c, g, ng never there; gi before i is written g+i (gì, giết); a
 * rhyme ending in a stop (c ch k p t) takes only sắc or nặng. Final k is
 * allowed for Central Highlands names (Đắk Lắk, Krông Búk). Case must be all
 * lower, all upper or capitalised. Tone placement (hoà/hòa) is not judged.
 * Checked on the shipped plans and the message catalog (about 25,000 words):
 * every word with a diacritic passes, but abbreviations. */
#include "encoding.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"

/* Tones in the order of Vietnamese dictionaries (see collate.c). */
enum syl_tone { TONE_NONE, TONE_HUYEN, TONE_HOI, TONE_NGA, TONE_SAC, TONE_NANG };

/* The longest syllable (nghiêng) has 7 letters; each takes at most 2 bytes. */
#define SYL_MAX_LETTERS 8

static const char *const syl_initials[] = {
	"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
};

/* Every rhyme (vần) without its tone, grouped by first letter. */
static const char *const syl_rhymes[] = {
	"a", "ac", "ach", "ai", "ak", "am", "an", "ang", "anh", "ao", "ap", "at", "au", "ay",
	"ăc", "ăk", "ăm", "ăn", "ăng", "ăp", "ăt",
	"âc", "âk", "âm", "ân", "âng", "âp", "ât", "âu", "ây",
	"e", "ec", "ek", "em", "en", "eng", "eo", "ep", "et",
	"ê", "êch", "êk", "êm", "ên", "ênh", "êp", "êt", "êu",
	"i", "ia", "ich", "ik", "im", "in", "inh", "ip", "it", "iu",
	"iêc", "iêm", "iên", "iêng", "iêp", "iêt", "iêu",
	"o", "oc", "oi", "ok", "om", "on", "ong", "op", "ot", "ooc", "oong",
	"oa", "oac", "oach", "oai", "oam", "oan", "oang", "oanh", "oao", "oap", "oat", "oay",
	"oăc", "oăm", "oăn", "oăng", "oăt", "oe", "oen", "oeo", "oet",
	"ô", "ôc", "ôi", "ôk", "ôm", "ôn", "ông", "ôp", "ôt",
	"ơ", "ơi", "ơk", "ơm", "ơn", "ơp", "ơt",
	"u", "ua", "uc", "ui", "uk", "um", "un", "ung", "up", "ut",
	"uôc", "uôi", "uôm", "uôn", "uông", "uôt",
	"uân", "uâng", "uât", "uây", "uê", "uêch", "uênh", "uơ",
	"uy", "uya", "uych", "uyên", "uyêt", "uynh", "uyt", "uyu",
	"ư", "ưa", "ưc", "ưi", "ưm", "ưn", "ưng", "ưt", "ưu",
	"ươc", "ươi", "ươm", "ươn", "ương", "ươp", "ươt", "ươu",
	"y", "yêm", "yên", "yêng", "yêt", "yêu",
};

/* Rhymes that only follow qu, whose u is the medial (quých, quỳnh, quýt). */
static const char *const syl_qu_rhymes[] = {"ych", "ynh", "yt", "yu"};

static bool syl_in(const char *const *list, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return true;
	return false;
}

static bool starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static bool ends(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int syl_tone_of_mark(int32_t m)
{
	switch (m) {
	case 0x0300: return TONE_HUYEN;
	case 0x0309: return TONE_HOI;
	case 0x0303: return TONE_NGA;
	case 0x0301: return TONE_SAC;
	case 0x0323: return TONE_NANG;
	default: return -1;
	}
}

static bool syl_is_vowel(int32_t l)
{
	switch (l) {
	case 'a': case 'e': case 'i': case 'o': case 'u': case 'y':
	case 0x0103: case 0x00E2: case 0x00EA: case 0x00F4: case 0x01A1: case 0x01B0:
		return true;
	default:
		return false;
	}
}

/* Split cp into its lower-case Vietnamese letter (ă â ê ô ơ ư đ kept whole),
 * its tone and its case. False if cp is no Vietnamese letter. */
static bool syl_letter(int32_t cp, int32_t *letter, int *tone, bool *upper)
{
	utf8proc_int32_t d[8];
	int boundclass = 0;
	utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, &boundclass);
	if (n < 1 || n > 8)
		return false;
	int32_t low = utf8proc_tolower(d[0]);
	*upper = low != d[0];
	*tone = TONE_NONE;
	bool latin = low >= 'a' && low <= 'z' && !strchr("fjwz", (int)low);
	if (!latin && !(low == 0x0111 && n == 1))
		return false;
	int32_t l = low;
	for (utf8proc_ssize_t i = 1; i < n; i++) {
		int t = syl_tone_of_mark(d[i]);
		if (t >= 0) {
			if (*tone != TONE_NONE)
				return false;
			*tone = t;
			continue;
		}
		if (l != low)
			return false; /* a second shape mark */
		if (d[i] == 0x0306 && low == 'a')
			l = 0x0103;
		else if (d[i] == 0x0302 && (low == 'a' || low == 'e' || low == 'o'))
			l = low == 'a' ? 0x00E2 : low == 'e' ? 0x00EA : 0x00F4;
		else if (d[i] == 0x031B && (low == 'o' || low == 'u'))
			l = low == 'o' ? 0x01A1 : 0x01B0;
		else
			return false;
	}
	if (*tone != TONE_NONE && !syl_is_vowel(l))
		return false;
	*letter = l;
	return true;
}

/* Does initial + rhyme (toneless, lower case) spell a syllable with tone? */
static bool syl_split_ok(const char *ini, const char *rhyme, int tone)
{
	bool front = starts(rhyme, "e") || starts(rhyme, "ê") || starts(rhyme, "i");
	bool front_y = front || starts(rhyme, "y");
	if (strcmp(ini, "qu") == 0) {
		if (starts(rhyme, "o") || starts(rhyme, "u") || starts(rhyme, "ư"))
			return false;
		if (!syl_in(syl_rhymes, ARRAY_LEN(syl_rhymes), rhyme) &&
		    !syl_in(syl_qu_rhymes, ARRAY_LEN(syl_qu_rhymes), rhyme))
			return false;
	} else if (!syl_in(syl_rhymes, ARRAY_LEN(syl_rhymes), rhyme)) {
		return false;
	}
	if (strcmp(ini, "k") == 0 && !front_y)
		return false;
	if ((strcmp(ini, "gh") == 0 || strcmp(ini, "ngh") == 0) && !front)
		return false;
	if ((strcmp(ini, "c") == 0 || strcmp(ini, "ng") == 0) && front_y)
		return false;
	/* g before i is gi sharing its i (gì, giết); gh is written before e ê. */
	if (strcmp(ini, "g") == 0 && (starts(rhyme, "e") || starts(rhyme, "ê") ||
				      starts(rhyme, "y")))
		return false;
	if (strcmp(ini, "gi") == 0 && starts(rhyme, "i"))
		return false;
	bool stop = ends(rhyme, "c") || ends(rhyme, "ch") || ends(rhyme, "k") ||
		    ends(rhyme, "p") || ends(rhyme, "t");
	if (stop && tone != TONE_SAC && tone != TONE_NANG)
		return false;
	return true;
}

bool encoding_is_syllable(const char *word, size_t n)
{
	char low[SYL_MAX_LETTERS * 2 + 1];
	size_t len = 0, letters = 0, uppers = 0;
	bool first_upper = false;
	int tone = TONE_NONE;
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)word;
	size_t i = 0;
	while (i < n) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
		if (k <= 0)
			return false;
		i += (size_t)k;
		int32_t l;
		int t;
		bool up;
		if (letters == SYL_MAX_LETTERS || !syl_letter(cp, &l, &t, &up))
			return false;
		if (t != TONE_NONE) {
			if (tone != TONE_NONE)
				return false;
			tone = t;
		}
		if (up) {
			uppers++;
			if (letters == 0)
				first_upper = true;
		}
		letters++;
		len += (size_t)utf8proc_encode_char(l, (utf8proc_uint8_t *)low + len);
	}
	low[len] = '\0';
	if (letters == 0)
		return false;
	if (uppers != 0 && uppers != letters && !(uppers == 1 && first_upper))
		return false;
	if (syl_split_ok("", low, tone))
		return true;
	for (size_t j = 0; j < ARRAY_LEN(syl_initials); j++) {
		const char *ini = syl_initials[j];
		size_t k = strlen(ini);
		if (strncmp(low, ini, k) == 0 && low[k] && syl_split_ok(ini, low + k, tone))
			return true;
	}
	return false;
}
