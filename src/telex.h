/* SPDX-License-Identifier: MIT */
/* Built-in Vietnamese typing (Telex, VNI): a pure function over the word before the cursor. */
#ifndef TIENDO_TELEX_H
#define TIENDO_TELEX_H

#include <stdbool.h>
#include <stddef.h>

enum im_mode { IM_OFF, IM_TELEX, IM_VNI, IM_MODE_COUNT };

/* The mode's name for settings and the command line: "off", "telex", "vni". */
const char *im_mode_name(enum im_mode m);
/* Parse one of the names above (exact, lower case). */
bool im_mode_parse(const char *s, enum im_mode *m);

/* word: the letters just before the cursor (UTF-8, NFC, may be empty); key:
 * the ASCII key typed. Returns true and writes the new word (NFC UTF-8, key
 * consumed or appended as the rules in telex.c say) to out; returns false,
 * leaving out alone, when the key should be inserted as typed (also when
 * out, outsz bytes with the NUL, is too small). */
bool im_apply(enum im_mode m, const char *word, char key, char *out, size_t outsz);

#endif
