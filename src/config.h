/* SPDX-License-Identifier: MIT */
/* The user's settings file (~/.config/tiendo/config): keymap, language, input method, ASCII,
 * and what the drafted documents need that the database does not know. */
#ifndef TIENDO_CONFIG_H
#define TIENDO_CONFIG_H

#include <stdbool.h>

struct config {
	char keymap[256]; /* "" for the defaults */
	char lang[8];     /* "", "vi" or "en" */
	char input[8];    /* "", "off", "telex" or "vni" */
	int ascii;        /* -1 unset, 0, 1 */
	int require_signatures; /* -1 unset, 0, 1: refuse unsigned exchange files */
	/* For the drafted documents (the rest of the line, spaces kept): */
	char org[256];          /* governing body in the header, "UBND TỈNH ĐỒNG THÁP" */
	char place[128];        /* place of the date line */
	char signer[128];       /* the signer's name */
	char signer_title[128]; /* "signer-title": "GIÁM ĐỐC" */
};

/* Read $XDG_CONFIG_HOME/tiendo/config (or ~/.config/tiendo/config) if it
 * exists. Lines are "KEY VALUE"; '#' starts a comment. A bad line is
 * reported on stderr with its number and skipped. */
void config_load(struct config *c);
/* The same without messages (the interface: bad lines were reported at start). */
void config_load_quiet(struct config *c);
/* Parse settings text (name for messages); returns the number of bad lines. */
int config_parse(struct config *c, const char *text, const char *name);

#endif
