/* SPDX-License-Identifier: MIT */
/* Unit tests: the form-field editing core (NFC input, cluster moves, words, lines, limits). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "editbuf.h"

/* Combining marks, as a poor input method sends them. */
#define GRAVE "\xCC\x80"
#define ACUTE "\xCC\x81"
#define CIRC "\xCC\x82"
#define TILDE "\xCC\x83"
#define HOOK "\xCC\x89"
#define DOT "\xCC\xA3"

/* Set the text from t, where '|' marks the cursor; changed is reset. */
static void put(struct editbuf *b, const char *t)
{
	const char *bar = strchr(t, '|');
	char *plain = malloc(strlen(t) + 1);
	size_t k = bar ? (size_t)(bar - t) : strlen(t);
	memcpy(plain, t, k);
	strcpy(plain + k, bar ? bar + 1 : "");
	eb_set(b, plain);
	free(plain);
	b->cur = k;
	b->changed = false;
}

/* The text with '|' at the cursor (a static buffer, one use at a time). */
static const char *show(const struct editbuf *b)
{
	static char out[4096];
	snprintf(out, sizeof out, "%.*s|%s", (int)b->cur, b->s, b->s + b->cur);
	return out;
}

/* Byte offset of needle in the text. */
static size_t off(const struct editbuf *b, const char *needle)
{
	const char *p = strstr(b->s, needle);
	return p ? (size_t)(p - b->s) : (size_t)-1;
}

/* "line:col" of the cursor (a static buffer). */
static const char *pos(const struct editbuf *b)
{
	static char out[64];
	size_t line, col;
	eb_cursor_pos(b, &line, &col);
	snprintf(out, sizeof out, "%zu:%zu", line, col);
	return out;
}

static void test_init_set(void)
{
	struct editbuf b;
	eb_init(&b, "Việt Nam", false, 100);
	CHECK_STR(b.s, "Việt Nam", "init keeps the text");
	CHECK_INT(b.len, strlen("Việt Nam"), "init sets len");
	CHECK_INT(b.cur, b.len, "init puts the cursor at the end");
	CHECK(!b.changed, "init leaves changed false");
	CHECK(b.why == NULL, "init leaves why NULL");
	eb_free(&b);

	eb_init(&b, "Vie" CIRC DOT "t", false, 100);
	CHECK_STR(b.s, "Việt", "init makes decomposed text NFC");
	CHECK_INT(b.cur, strlen("Việt"), "init cursor at the end of the NFC text");
	eb_set(&b, NULL);
	CHECK_STR(b.s, "", "eb_set(NULL) empties the text");
	CHECK_INT(b.cur, 0, "eb_set(NULL) cursor at 0");
	eb_set(&b, "a\nb");
	CHECK_STR(b.s, "a b", "eb_set: a line break in a one-line buffer becomes a space");
	eb_set(&b, "ab\xC3(");
	CHECK_STR(b.s, "ab?(", "eb_set: an invalid byte becomes '?'");
	eb_set(&b, "a\x01" "b");
	CHECK_STR(b.s, "a b", "eb_set: a control character becomes a space");
	eb_set(&b, "a\tb");
	CHECK_STR(b.s, "a\tb", "eb_set keeps a tab (text_clean allows it)");
	eb_free(&b);
	eb_free(&b);
	CHECK(b.s == NULL, "eb_free twice is harmless");

	eb_init(&b, "x\r\ny\rz", true, 100);
	CHECK_STR(b.s, "x\ny\nz", "init: CR LF and CR become LF in a multi-line buffer");
	eb_free(&b);

	eb_init(&b, "abcdefgh", false, 4);
	CHECK_STR(b.s, "abcdefgh", "init keeps text longer than max_bytes");
	CHECK(!eb_insert(&b, "x", 1), "no insertion into a buffer already past max_bytes");
	CHECK(eb_backspace(&b), "backspace works in a buffer past max_bytes");
	CHECK_STR(b.s, "abcdefg", "backspace shortens a buffer past max_bytes");
	eb_free(&b);
}

static void test_insert(void)
{
	struct editbuf b;
	eb_init(&b, "", false, 0);
	CHECK(eb_insert(&b, "Nam", 3), "insert into an empty buffer");
	CHECK_STR(show(&b), "Nam|", "insert at the end puts the cursor after it");
	eb_home(&b);
	CHECK(eb_insert(&b, "Việt ", strlen("Việt ")), "insert at the start");
	CHECK_STR(show(&b), "Việt |Nam", "insert at the start: text and cursor");
	put(&b, "Vi|t");
	CHECK(eb_insert(&b, "ệ", strlen("ệ")), "insert in the middle");
	CHECK_STR(show(&b), "Việ|t", "insert in the middle: cursor after the 3-byte letter");
	CHECK(b.changed, "insert sets changed");
	put(&b, "ab|");
	CHECK(eb_insert(&b, "", 0), "inserting nothing succeeds");
	CHECK(!b.changed, "inserting nothing does not set changed");
	CHECK(eb_insert_cp(&b, 0x1EC7), "insert_cp of ệ");
	CHECK_STR(show(&b), "abệ|", "insert_cp encodes UTF-8");
	CHECK(eb_insert(&b, "xyz", 2), "insert takes n bytes, not the whole string");
	CHECK_STR(b.s, "abệxy", "insert copies exactly n bytes");
	eb_free(&b);
}

static void test_compose(void)
{
	struct editbuf b;
	eb_init(&b, "a", false, 0);
	CHECK(eb_insert_cp(&b, 0x0301), "a combining acute is accepted");
	CHECK_STR(show(&b), "á|", "a + U+0301 composes to á, cursor after it");
	CHECK_INT(b.len, 2, "composed á is one 2-byte code point");

	eb_set(&b, "");
	const uint32_t keys[] = {'V', 'i', 'e', 0x0302, 0x0323, 't'};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		eb_insert_cp(&b, keys[i]);
	CHECK_STR(show(&b), "Việt|", "typing e, U+0302, U+0323 gives ệ");

	put(&b, "a|b");
	eb_insert_cp(&b, 0x0301);
	CHECK_STR(show(&b), "á|b", "a mark typed mid-text composes with the letter before");
	put(&b, "ạ|");
	eb_insert_cp(&b, 0x0302);
	CHECK_STR(show(&b), "ậ|", "ạ + U+0302 composes to ậ");
	put(&b, "á|");
	eb_insert_cp(&b, 0x0323);
	CHECK_STR(show(&b), "ạ" ACUTE "|", "á + U+0323: marks reordered canonically (NFC)");
	put(&b, "x|");
	eb_insert_cp(&b, 0x0301);
	CHECK_STR(show(&b), "x" ACUTE "|", "a mark with no precomposed form stays after x");
	put(&b, "|a");
	eb_insert_cp(&b, 0x0301);
	CHECK_STR(show(&b), ACUTE "|a", "a mark at the start of the text stands alone");
	put(&b, "|" ACUTE);
	eb_insert_cp(&b, 'a');
	CHECK_STR(show(&b), "á|", "a letter typed before a stray mark composes with it");

	put(&b, "Tên: |");
	const char *nfd = "Vie" CIRC DOT "t Nam, tie" CIRC GRAVE "n đo" CIRC HOOK
			  "i so" CIRC ACUTE;
	CHECK(eb_insert(&b, nfd, strlen(nfd)), "NFD paste accepted");
	CHECK_STR(show(&b), "Tên: Việt Nam, tiền đổi số|", "NFD paste becomes NFC");
	put(&b, "Vie|");
	eb_insert(&b, CIRC DOT "t", strlen(CIRC DOT "t"));
	CHECK_STR(show(&b), "Việt|", "pasted marks compose with the letter before the cursor");
	put(&b, "Nguye|n");
	eb_insert(&b, CIRC TILDE, strlen(CIRC TILDE));
	CHECK_STR(show(&b), "Nguyễ|n", "two pasted marks compose mid-word");

	eb_set(&b, "");
	eb_insert_cp(&b, 'a');
	eb_insert_cp(&b, 0x0306);
	eb_insert_cp(&b, 0x0303);
	CHECK_STR(b.s, "ẵ", "a + breve + tilde gives ẵ");
	eb_free(&b);
}

static void test_refuse(void)
{
	struct editbuf b;
	eb_init(&b, "ab", false, 0);
	struct {
		const char *s;
		size_t n;
		const char *why, *name;
	} bad[] = {
		{"\xC3(", 2, "invalid UTF-8", "a broken 2-byte sequence is refused"},
		{"\xE1\xBB", 2, "invalid UTF-8", "a clipped 3-byte sequence is refused"},
		{"\xC0\xAF", 2, "invalid UTF-8", "an overlong encoding is refused"},
		{"\xED\xA0\x80", 3, "invalid UTF-8", "a surrogate is refused"},
		{"\xFF", 1, "invalid UTF-8", "byte FF is refused"},
		{"a\0b", 3, "invalid UTF-8", "a NUL byte is refused"},
		{"x\x01", 2, "control character", "a C0 control is refused"},
		{"\t", 1, "control character", "a tab is refused"},
		{"\x1B[A", 3, "control character", "an escape sequence is refused"},
		{"\x7F", 1, "control character", "DEL is refused"},
		{"\xC2\x85", 2, "control character", "a C1 control (NEL) is refused"},
		{"\xE2\x80\xA8", 3, "control character", "U+2028 line separator is refused"},
		{"a\nb", 3, "line break in a one-line field", "line break refused in one line"},
		{"\r", 1, "line break in a one-line field", "CR is refused in one line"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		b.changed = false;
		b.why = NULL;
		CHECK(!eb_insert(&b, bad[i].s, bad[i].n), bad[i].name);
		CHECK_STR(b.why, bad[i].why, bad[i].name);
		CHECK(strcmp(b.s, "ab") == 0 && b.cur == 2 && !b.changed, bad[i].name);
	}
	CHECK(!eb_insert_cp(&b, 0xD800), "insert_cp refuses a surrogate");
	CHECK_STR(b.why, "invalid character", "insert_cp: a surrogate is an invalid character");
	CHECK(!eb_insert_cp(&b, 0x110000), "insert_cp refuses a code point past U+10FFFF");
	CHECK(!eb_insert_cp(&b, 0), "insert_cp refuses NUL");
	CHECK(!eb_insert_cp(&b, '\n'), "insert_cp refuses a line break in one line");
	CHECK(!eb_insert_cp(&b, 0x1B), "insert_cp refuses ESC");
	CHECK_STR(b.s, "ab", "refused code points leave the text alone");
	CHECK(eb_insert_cp(&b, 'c'), "an accepted insertion after a refusal");
	CHECK(b.why == NULL, "an accepted insertion clears why");
	eb_free(&b);

	eb_init(&b, "ab", true, 0);
	CHECK(eb_insert_cp(&b, '\n'), "a line break is accepted in a multi-line buffer");
	CHECK(eb_insert(&b, "c\r\nd\re", 6), "CR LF and CR are accepted in a multi-line buffer");
	CHECK_STR(show(&b), "ab\nc\nd\ne|", "CR LF and CR become LF");
	CHECK(eb_insert_cp(&b, '\r'), "insert_cp of CR (Enter) in a multi-line buffer");
	CHECK_STR(b.s, "ab\nc\nd\ne\n", "insert_cp of CR inserts LF");
	CHECK(!eb_insert(&b, "\t", 1), "a tab is refused in a multi-line buffer too");
	eb_free(&b);
}

static void test_max_bytes(void)
{
	struct editbuf b;
	eb_init(&b, "abcd", false, 5);
	CHECK(eb_insert(&b, "e", 1), "insertion up to max_bytes is accepted");
	CHECK(!eb_insert(&b, "f", 1), "insertion past max_bytes is refused");
	CHECK_STR(b.why, "field too long", "max_bytes refusal says field too long");
	CHECK_STR(b.s, "abcde", "a refused insertion leaves the text");
	eb_set(&b, "abcd");
	CHECK(!eb_insert(&b, "é", strlen("é")), "a 2-byte letter past max_bytes is refused");
	CHECK(!eb_insert(&b, "xy", 2), "a paste that would pass max_bytes is refused whole");
	CHECK_STR(b.s, "abcd", "refused paste inserts nothing");
	eb_free(&b);

	eb_init(&b, "xa", false, 3);
	CHECK(eb_insert_cp(&b, 0x0301), "max_bytes counts the NFC result (x + á = 3 bytes)");
	CHECK_STR(b.s, "xá", "mark composed within max_bytes");
	eb_free(&b);

	eb_init(&b, "", false, 0);
	char big[3001];
	memset(big, 'a', 3000);
	big[3000] = '\0';
	CHECK(eb_insert(&b, big, 3000), "max_bytes 0 means no limit");
	CHECK_INT(b.len, 3000, "a long insertion is kept whole");
	eb_free(&b);

	eb_init(&b, "ab", false, 10);
	CHECK(eb_replace_before(&b, 0, "0123456789"), "replace_before up to max_bytes");
	CHECK(!eb_replace_before(&b, 8, "abc"), "replace_before past max_bytes is refused");
	CHECK_STR(b.s, "0123456789", "refused replace_before leaves the text");
	eb_free(&b);
}

static void test_moves(void)
{
	struct editbuf b;
	eb_init(&b, "Việt", false, 0);
	const size_t left[] = {5, 2, 1, 0, 0};
	for (size_t i = 0; i < 5; i++) {
		eb_left(&b);
		CHECK_INT(b.cur, left[i], "left steps over whole characters (ệ is 3 bytes)");
	}
	const size_t right[] = {1, 2, 5, 6, 6};
	for (size_t i = 0; i < 5; i++) {
		eb_right(&b);
		CHECK_INT(b.cur, right[i], "right steps over whole characters");
	}
	CHECK(!b.changed, "cursor moves do not set changed");

	eb_set(&b, "x" ACUTE "y");
	eb_left(&b);
	CHECK_STR(show(&b), "x" ACUTE "|y", "left from the end stops before y");
	eb_left(&b);
	CHECK_INT(b.cur, 0, "left skips a letter and its mark together");
	eb_right(&b);
	CHECK_STR(show(&b), "x" ACUTE "|y", "right skips a letter and its mark together");

	eb_set(&b, "Việt");
	eb_set_cursor(&b, 3);
	CHECK_INT(b.cur, 2, "set_cursor inside ệ snaps to its start");
	eb_set_cursor(&b, 99);
	CHECK_INT(b.cur, 6, "set_cursor past the end goes to the end");
	b.cur = 4;
	eb_right(&b);
	CHECK_INT(b.cur, 5, "a cursor poked inside ệ is snapped before moving right");
	b.cur = 4;
	eb_insert(&b, "!", 1);
	CHECK_STR(b.s, "Vi!ệt", "an insertion with a poked cursor never splits ệ");

	const char *fam = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
			  "\xF0\x9F\x91\xA7";
	const char *flag = "\xF0\x9F\x87\xBB\xF0\x9F\x87\xB3";
	char t[128];
	snprintf(t, sizeof t, "ab%s%s%sc", fam, flag, flag);
	eb_set(&b, t);
	eb_home(&b);
	eb_right(&b);
	eb_right(&b);
	eb_right(&b);
	CHECK_INT(b.cur, 2 + strlen(fam), "right steps over an emoji ZWJ sequence whole");
	eb_right(&b);
	CHECK_INT(b.cur, 2 + strlen(fam) + 8, "right steps over a flag (two regional indicators)");
	eb_end(&b);
	eb_left(&b);
	eb_left(&b);
	CHECK_INT(b.cur, 2 + strlen(fam) + 8, "left steps back over one flag");
	eb_left(&b);
	eb_left(&b);
	CHECK_INT(b.cur, 2, "left steps back over the flag and the ZWJ sequence");

	/* A long line without ASCII: the scan start is far from the cursor. */
	struct editbuf l;
	eb_init(&l, "", false, 0);
	for (int i = 0; i < 2000; i++)
		eb_insert(&l, "ệ", 3);
	eb_left(&l);
	CHECK_INT(l.cur, 5997, "left at the end of a long non-ASCII line");
	eb_set_cursor(&l, 3001);
	CHECK_INT(l.cur, 3000, "snap inside a long non-ASCII line");
	eb_free(&l);
	eb_free(&b);
}

static void test_words(void)
{
	struct editbuf b;
	eb_init(&b, "Kế hoạch, triển khai; Việt Nam.", false, 0);
	const char *starts[] = {"Nam.", "Việt", "khai", "triển", "hoạch", "Kế"};
	for (size_t i = 0; i < 6; i++) {
		eb_word_left(&b);
		CHECK_INT(b.cur, off(&b, starts[i]), "word left goes to the start of each word");
	}
	eb_word_left(&b);
	CHECK_INT(b.cur, 0, "word left at the start stays");
	const char *ends[] = {" hoạch", ", triển", " khai", "; Việt", " Nam", "."};
	for (size_t i = 0; i < 6; i++) {
		eb_word_right(&b);
		CHECK_INT(b.cur, off(&b, ends[i]), "word right goes to the end of each word");
	}
	eb_word_right(&b);
	CHECK_INT(b.cur, b.len, "word right after the last word goes past the punctuation");
	eb_word_right(&b);
	CHECK_INT(b.cur, b.len, "word right at the end stays");

	eb_set(&b, "số 57 năm");
	eb_word_left(&b);
	eb_word_left(&b);
	CHECK_INT(b.cur, 0, "digits are not letters: word left skips \" 57 \"");
	eb_set(&b, "Đồng Tháp");
	eb_word_left(&b);
	CHECK_INT(b.cur, off(&b, "Tháp"), "word left over Tháp");
	eb_word_left(&b);
	CHECK_INT(b.cur, 0, "Đ counts as a letter");
	eb_set(&b, "x" ACUTE "y z");
	eb_home(&b);
	eb_word_right(&b);
	CHECK_INT(b.cur, off(&b, " z"), "a letter with an uncomposed mark stays in its word");
	eb_set(&b, "một\nhai");
	b.changed = false;
	b.cur = off(&b, "hai");
	eb_word_left(&b);
	CHECK_INT(b.cur, 0, "word left crosses a line break");
	CHECK(!b.changed, "word moves do not set changed");
	eb_free(&b);
}

static void test_word_delete(void)
{
	struct editbuf b;
	eb_init(&b, "", true, 0);
	put(&b, "Việt Nam  |");
	CHECK(eb_delete_word_before(&b), "Ctrl-W deletes");
	CHECK_STR(show(&b), "Việt |", "Ctrl-W deletes the spaces then the word");
	CHECK(b.changed, "Ctrl-W sets changed");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "|", "Ctrl-W deletes the first word with its space");
	b.changed = false;
	CHECK(!eb_delete_word_before(&b), "Ctrl-W in an empty buffer deletes nothing");
	CHECK(!b.changed, "Ctrl-W with nothing to delete leaves changed");

	put(&b, "Kế hoạch, |");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "Kế |", "Ctrl-W deletes punctuation and space then the word");
	put(&b, "Đồng Tháp| xong");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "Đồng | xong", "Ctrl-W mid-text keeps what follows");
	put(&b, "Nguyễ|n");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "|n", "Ctrl-W inside a word deletes its first part");
	put(&b, "một\n, hai|");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "một\n, |", "Ctrl-W on a second line deletes its last word");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "một\n|", "Ctrl-W stops at the start of the line");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "một|", "Ctrl-W at the start of a line deletes the line break");
	put(&b, "x" ACUTE "y|");
	eb_delete_word_before(&b);
	CHECK_STR(show(&b), "|", "Ctrl-W deletes a letter with an uncomposed mark");
	eb_free(&b);
}

static void test_delete(void)
{
	struct editbuf b;
	eb_init(&b, "Việt", false, 0);
	CHECK(eb_backspace(&b), "backspace at the end");
	CHECK_STR(show(&b), "Việ|", "backspace deletes t");
	eb_backspace(&b);
	CHECK_STR(show(&b), "Vi|", "backspace deletes the whole ệ");
	CHECK(b.changed, "backspace sets changed");
	eb_home(&b);
	b.changed = false;
	CHECK(!eb_backspace(&b), "backspace at the start deletes nothing");
	CHECK(eb_delete(&b), "delete at the start");
	CHECK_STR(show(&b), "|i", "delete removes the character after the cursor");
	eb_end(&b);
	CHECK(!eb_delete(&b), "delete at the end deletes nothing");
	put(&b, "|x" ACUTE "y");
	eb_delete(&b);
	CHECK_STR(show(&b), "|y", "delete removes a letter and its mark together");
	put(&b, "x" ACUTE "|y");
	eb_backspace(&b);
	CHECK_STR(show(&b), "|y", "backspace removes a letter and its mark together");
	eb_free(&b);

	eb_init(&b, "a\n" ACUTE, true, 0);
	b.cur = 2;
	CHECK(eb_backspace(&b), "backspace over a line break");
	CHECK_STR(show(&b), "á|", "joining a stray mark to a letter recomposes it (NFC)");
	eb_free(&b);
}

static void test_kill(void)
{
	struct editbuf b;
	eb_init(&b, "", true, 0);
	put(&b, "Kế |hoạch\ntriển khai");
	CHECK(eb_kill_to_eol(&b), "Ctrl-K deletes");
	CHECK_STR(show(&b), "Kế |\ntriển khai", "Ctrl-K deletes to the end of the line");
	CHECK(eb_kill_to_eol(&b), "Ctrl-K at the end of a line");
	CHECK_STR(show(&b), "Kế |triển khai", "Ctrl-K at the end of a line joins the next");
	eb_end(&b);
	b.changed = false;
	CHECK(!eb_kill_to_eol(&b), "Ctrl-K at the end of the text deletes nothing");
	CHECK(!b.changed, "Ctrl-K with nothing to delete leaves changed");

	put(&b, "abc\nde|f");
	CHECK(eb_kill_to_bol(&b), "Ctrl-U deletes");
	CHECK_STR(show(&b), "abc\n|f", "Ctrl-U deletes from the start of the line");
	CHECK(!eb_kill_to_bol(&b), "Ctrl-U at the start of a line deletes nothing");
	CHECK_STR(b.s, "abc\nf", "Ctrl-U at the start of a line keeps the line break");
	put(&b, "Việt Nam|");
	eb_kill_to_bol(&b);
	CHECK_STR(show(&b), "|", "Ctrl-U in one line empties it");
	eb_free(&b);
}

static void test_lines(void)
{
	struct editbuf b;
	/* widths: 8, 10 (four wide Han characters + "ab"), 2, 0, 13 */
	eb_init(&b, "Việt Nam\n漢字漢字ab\nxy\n\nđộc lập tự do", true, 0);
	CHECK_INT(eb_lines(&b), 5, "five lines");
	CHECK_STR(pos(&b), "4:13", "cursor at the end of the last line");
	eb_home(&b);
	CHECK_STR(pos(&b), "4:0", "home goes to the start of the line");
	CHECK_INT(b.cur, off(&b, "độc"), "home: byte offset of the line start");
	eb_end(&b);
	CHECK_STR(pos(&b), "4:13", "end goes to the end of the line");
	CHECK(!eb_down(&b), "down on the last line does not move");
	CHECK_STR(pos(&b), "4:13", "down on the last line keeps the cursor");

	b.cur = off(&b, "am\n");
	CHECK_STR(pos(&b), "0:6", "column counts characters, not bytes");
	CHECK(eb_down(&b), "down moves");
	CHECK_STR(pos(&b), "1:6", "down keeps the column over wide characters");
	CHECK_INT(b.cur, off(&b, "字ab"), "down lands after three wide characters");
	eb_down(&b);
	CHECK_STR(pos(&b), "2:2", "down to a shorter line goes to its end");
	eb_down(&b);
	CHECK_STR(pos(&b), "3:0", "down to an empty line");
	eb_down(&b);
	CHECK_STR(pos(&b), "4:6", "down keeps the goal column across short lines");
	eb_up(&b);
	eb_up(&b);
	eb_up(&b);
	CHECK_STR(pos(&b), "1:6", "up keeps the goal column across short lines");
	CHECK(eb_up(&b), "up moves");
	CHECK_STR(pos(&b), "0:6", "up back to the first line");
	CHECK(!eb_up(&b), "up on the first line does not move");
	CHECK_STR(pos(&b), "0:6", "up on the first line keeps the cursor");

	b.cur = off(&b, " Nam");
	CHECK_STR(pos(&b), "0:4", "column 4 on the first line");
	b.cur = off(&b, "Nam");
	eb_down(&b);
	CHECK_STR(pos(&b), "1:4", "down into the middle of a wide character lands before it");
	b.cur = off(&b, "Nam");
	eb_left(&b);
	eb_down(&b);
	CHECK_STR(pos(&b), "1:4", "column 4 matches a boundary between wide characters");
	eb_home(&b);
	CHECK_STR(pos(&b), "1:0", "home on a middle line");
	CHECK_INT(b.cur, off(&b, "漢"), "home on a middle line: byte offset");
	eb_end(&b);
	CHECK_STR(pos(&b), "1:10", "end on a middle line counts wide characters twice");
	CHECK_INT(b.cur, off(&b, "\nxy"), "end stops before the line break");

	b.cur = off(&b, "ab\n");
	eb_down(&b);
	CHECK_STR(pos(&b), "2:2", "down from column 8 to a short line");
	eb_left(&b);
	eb_down(&b);
	eb_down(&b);
	CHECK_STR(pos(&b), "4:1", "a horizontal move resets the goal column");
	b.cur = off(&b, "\n\n") + 1;
	eb_end(&b);
	CHECK_STR(pos(&b), "3:0", "end on an empty line stays");
	eb_free(&b);

	eb_init(&b, "x" ACUTE "y", true, 0);
	CHECK_STR(pos(&b), "0:2", "a combining mark takes no column");
	eb_set(&b, "a\tb");
	CHECK_STR(pos(&b), "0:3", "a tab counts as one column");
	eb_free(&b);

	eb_init(&b, "one line", false, 0);
	CHECK(!eb_up(&b) && !eb_down(&b), "up and down do not move in one line");
	CHECK_INT(eb_lines(&b), 1, "one line");
	eb_set(&b, "");
	CHECK_INT(eb_lines(&b), 1, "an empty buffer has one line");
	CHECK_STR(pos(&b), "0:0", "cursor position in an empty buffer");
	eb_free(&b);
}

static void test_text_changed(void)
{
	struct editbuf b;
	eb_init(&b, "Vie" CIRC DOT "t", false, 0);
	char *t = eb_text(&b);
	CHECK_STR(t, "Việt", "eb_text returns NFC");
	CHECK(t != b.s, "eb_text returns a new string");
	free(t);
	eb_set(&b, "");
	eb_insert(&b, "ho", 2);
	eb_insert_cp(&b, 'a');
	eb_insert_cp(&b, 0x0300);
	t = eb_text(&b);
	CHECK_STR(t, "hoà", "eb_text of typed decomposed input is NFC");
	free(t);
	eb_free(&b);

	eb_init(&b, "abc", false, 0);
	eb_left(&b);
	eb_home(&b);
	eb_end(&b);
	eb_word_left(&b);
	eb_word_right(&b);
	CHECK(!b.changed, "moves leave changed false");
	eb_insert(&b, "\x01", 1);
	CHECK(!b.changed, "a refused insertion leaves changed false");
	eb_set(&b, "abc");
	CHECK(!b.changed, "eb_set with the same text leaves changed false");
	eb_set(&b, "abd");
	CHECK(b.changed, "eb_set with other text sets changed");
	b.changed = false;
	CHECK(eb_replace_before(&b, 0, "abd"), "replace_before with the same text succeeds");
	CHECK(!b.changed, "replace_before with the same text leaves changed false");
	CHECK(eb_kill_to_bol(&b) && b.changed, "Ctrl-U sets changed");
	eb_free(&b);
}

static void test_replace_before(void)
{
	struct editbuf b;
	eb_init(&b, "", false, 0);
	put(&b, "ban Viet|");
	size_t ws = eb_word_start(&b);
	CHECK_INT(ws, 4, "word_start finds the word before the cursor");
	CHECK(eb_replace_before(&b, ws, "Việt"), "replace_before at the end");
	CHECK_STR(show(&b), "ban Việt|", "replace_before replaces the word, cursor after it");
	CHECK(b.changed, "replace_before sets changed");
	put(&b, "Viet| Nam");
	CHECK(eb_replace_before(&b, eb_word_start(&b), "Việt"), "replace_before mid-text");
	CHECK_STR(show(&b), "Việt| Nam", "replace_before mid-text keeps what follows");
	put(&b, "Vie|");
	eb_replace_before(&b, 3, CIRC);
	CHECK_STR(show(&b), "Viê|", "a replacement starting with a mark composes");
	put(&b, "ab|c");
	CHECK(!eb_replace_before(&b, 3, "x"), "replace_before with start past the cursor fails");
	CHECK_STR(show(&b), "ab|c", "failed replace_before changes nothing");
	CHECK(!eb_replace_before(&b, 0, "\xC3("), "replace_before refuses invalid UTF-8");
	CHECK_STR(b.why, "invalid UTF-8", "replace_before says why");
	CHECK(!eb_replace_before(&b, 0, "a\tb"), "replace_before refuses a control character");
	CHECK_STR(show(&b), "ab|c", "refused replace_before changes nothing");
	CHECK(eb_replace_before(&b, 0, ""), "replace_before with an empty string");
	CHECK_STR(show(&b), "|c", "replace_before with an empty string deletes");
	put(&b, "Việ|t");
	CHECK(eb_replace_before(&b, 3, "e"), "replace_before with start inside ệ");
	CHECK_STR(show(&b), "Vie|t", "start inside a character snaps to its start");
	eb_free(&b);

	eb_init(&b, "", true, 0);
	put(&b, "làm việc|");
	CHECK_INT(eb_word_start(&b), off(&b, "việc"), "word_start over a Vietnamese word");
	put(&b, "xong.|");
	CHECK_INT(eb_word_start(&b), b.cur, "word_start after punctuation is the cursor");
	put(&b, "abc1de|");
	CHECK_INT(eb_word_start(&b), 4, "word_start stops at a digit");
	put(&b, "ab\ncd|");
	CHECK_INT(eb_word_start(&b), 3, "word_start stops at a line break");
	put(&b, "|abc");
	CHECK_INT(eb_word_start(&b), 0, "word_start at the start is 0");
	put(&b, "x" ACUTE "y|");
	CHECK_INT(eb_word_start(&b), 0, "word_start includes an uncomposed mark");
	eb_free(&b);
}

int main(void)
{
	test_init_set();
	test_insert();
	test_compose();
	test_refuse();
	test_max_bytes();
	test_moves();
	test_words();
	test_word_delete();
	test_delete();
	test_kill();
	test_lines();
	test_text_changed();
	test_replace_before();
	return check_done();
}
