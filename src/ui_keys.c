/* SPDX-License-Identifier: MIT */
/* Fallback key sequences for terminals that announce themselves as xterm but
 * send something else.
 *
 * PuTTY and KiTTY say TERM=xterm, yet by default send ESC[11~..ESC[14~ for
 * F1-F4 and ESC[1~ / ESC[4~ for Home / End, which the xterm entry lacks; in
 * their "Linux console" mode F1-F5 are ESC[[A..ESC[[E, and with the "rxvt"
 * Home/End setting Home and End are ESC[7~ / ESC[8~. Each sequence is added
 * with define_key only when the terminal description does not already bind
 * it (key_defined returns 0), so a real entry always wins. */
#include "ui_keys.h"

#define NCURSES_WIDECHAR 1
#include <curses.h>

static const struct {
	const char *seq;
	int key;
} fallback_keys[] = {
	/* PuTTY / KiTTY default ("ESC[n~") and xterm R6 */
	{ "\033[11~", KEY_F(1) }, { "\033[12~", KEY_F(2) },
	{ "\033[13~", KEY_F(3) }, { "\033[14~", KEY_F(4) },
	{ "\033[15~", KEY_F(5) }, { "\033[17~", KEY_F(6) },
	{ "\033[18~", KEY_F(7) }, { "\033[19~", KEY_F(8) },
	{ "\033[20~", KEY_F(9) }, { "\033[21~", KEY_F(10) },
	{ "\033[23~", KEY_F(11) }, { "\033[24~", KEY_F(12) },
	/* Linux console mode (F6-F12 as above) */
	{ "\033[[A", KEY_F(1) }, { "\033[[B", KEY_F(2) },
	{ "\033[[C", KEY_F(3) }, { "\033[[D", KEY_F(4) },
	{ "\033[[E", KEY_F(5) },
	/* VT100+ mode: F1-F4 are ESC O P..S (in xterm already), then on */
	{ "\033OP", KEY_F(1) }, { "\033OQ", KEY_F(2) },
	{ "\033OR", KEY_F(3) }, { "\033OS", KEY_F(4) },
	/* Home and End: PuTTY's default, rxvt's, and xterm's both cursor modes */
	{ "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
	{ "\033[7~", KEY_HOME }, { "\033[8~", KEY_END },
	{ "\033[H", KEY_HOME }, { "\033[F", KEY_END },
	{ "\033OH", KEY_HOME }, { "\033OF", KEY_END },
};

int ui_keys_define_fallbacks(void)
{
	int added = 0;
	for (size_t i = 0; i < sizeof fallback_keys / sizeof fallback_keys[0]; i++) {
		if (key_defined(fallback_keys[i].seq) != 0)
			continue;
		if (define_key(fallback_keys[i].seq, fallback_keys[i].key) == OK)
			added++;
	}
	return added;
}
