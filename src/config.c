/* SPDX-License-Identifier: MIT */
/* The user's settings file (~/.config/tiendo/config): keymap, language, input method, ASCII. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "util.h"

static bool one_of(const char *v, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return true;
	return false;
}

int config_parse(struct config *c, const char *text, const char *name)
{
	static const char *const langs[] = {"vi", "en", NULL};
	static const char *const inputs[] = {"off", "telex", "vni", NULL};
	static const char *const bools[] = {"yes", "no", NULL};
	int bad = 0, line = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *l = xstrndup(p, len);
		p += len + (nl ? 1 : 0);
		line++;
		char *save = NULL, *key = strtok_r(l, " \t\r=", &save);
		char *val = key ? strtok_r(NULL, " \t\r=", &save) : NULL;
		char *extra = val ? strtok_r(NULL, " \t\r", &save) : NULL;
		const char *why = NULL;
		if (!key || key[0] == '#') {
			free(l);
			continue;
		}
		if (!val || (extra && extra[0] != '#'))
			why = tr("expected: KEY VALUE");
		else if (strcmp(key, "keymap") == 0 && strlen(val) < sizeof c->keymap)
			snprintf(c->keymap, sizeof c->keymap, "%s", val);
		else if (strcmp(key, "lang") == 0 && one_of(val, langs))
			snprintf(c->lang, sizeof c->lang, "%s", val);
		else if (strcmp(key, "input") == 0 && one_of(val, inputs))
			snprintf(c->input, sizeof c->input, "%s", val);
		else if (strcmp(key, "ascii") == 0 && one_of(val, bools))
			c->ascii = strcmp(val, "yes") == 0;
		else if (strcmp(key, "require-signatures") == 0 && one_of(val, bools))
			c->require_signatures = strcmp(val, "yes") == 0;
		else if (strcmp(key, "keymap") && strcmp(key, "lang") && strcmp(key, "input") &&
			 strcmp(key, "ascii") && strcmp(key, "require-signatures"))
			why = tr("unknown setting (keymap, lang, input, ascii, require-signatures)");
		else
			why = tr("bad value (lang: vi en; input: off telex vni; ascii, require-signatures: yes no)");
		if (why) {
			fprintf(stderr, "tiendo: %s:%d: %s\n", name, line, why);
			bad++;
		}
		free(l);
	}
	return bad;
}

void config_load(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->ascii = -1;
	c->require_signatures = -1;
	struct strbuf b = {0};
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	if (xdg && *xdg)
		sb_addf(&b, "%s/tiendo/config", xdg);
	else if (home && *home)
		sb_addf(&b, "%s/.config/tiendo/config", home);
	else
		return;
	size_t n;
	char *text = read_file(b.s, &n);
	if (text) {
		if (memchr(text, '\0', n))
			fprintf(stderr, "tiendo: %s: %s\n", b.s, tr("NUL byte in the file (not a text file?)"));
		else
			config_parse(c, text, b.s);
		free(text);
	}
	sb_free(&b);
}
