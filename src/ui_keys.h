/* SPDX-License-Identifier: MIT */
/* Key sequences the terminal description may lack (PuTTY, KiTTY, the Linux console). */
#ifndef TIENDO_UI_KEYS_H
#define TIENDO_UI_KEYS_H

/* After initscr: teach curses the sequences PuTTY and KiTTY send by default
 * for F1-F12, Home and End whatever TERM says; returns how many were added. */
int ui_keys_define_fallbacks(void);

#endif
