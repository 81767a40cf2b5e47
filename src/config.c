/* SPDX-License-Identifier: MIT */
/* The user's settings file (~/.config/tiendo/config): keymap, language, input method, ASCII. */
#include "config.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "msg.h"
#include "text.h"
#include "util.h"

/* Set while the interface reads the settings: stderr is the screen then. */
static bool quiet;

static bool one_of(const char *v, const char *const *allowed)
{
	for (; *allowed; allowed++)
		if (strcmp(v, *allowed) == 0)
			return true;
	return false;
}

/* "org", "place", "signer", "signer-title": the rest of the line, trimmed,
 * valid UTF-8 (NFC). True when line l was one of them. */
static bool text_setting(struct config *c, const char *l, const char *name, int line, int *bad)
{
	static const struct {
		const char *key;
		size_t off, size;
	} keys[] = {
		{"org", offsetof(struct config, org), sizeof c->org},
		{"place", offsetof(struct config, place), sizeof c->place},
		{"signer", offsetof(struct config, signer), sizeof c->signer},
		{"signer-title", offsetof(struct config, signer_title), sizeof c->signer_title},
	};
	l += strspn(l, " \t");
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		size_t n = strlen(keys[i].key);
		if (strncmp(l, keys[i].key, n) != 0 || !strchr(" \t=", l[n]) || !l[n])
			continue;
		const char *v = l + n + strspn(l + n, " \t=");
		size_t len = strlen(v);
		while (len && strchr(" \t\r", v[len - 1]))
			len--;
		char *raw = xstrndup(v, len);
		const char *why = NULL;
		char *clean = len ? text_clean(raw, 0, &why) : NULL;
		if (!clean || strlen(clean) >= keys[i].size) {
			if (!quiet)
				fprintf(stderr, "tiendo: %s:%d: %s\n", name, line,
					!len ? tr("expected: KEY VALUE") : clean ? tr("value too long") : tr(why));
			(*bad)++;
		} else
			snprintf((char *)c + keys[i].off, keys[i].size, "%s", clean);
		free(clean);
		free(raw);
		return true;
	}
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
		if (text_setting(c, l, name, line, &bad)) {
			free(l);
			continue;
		}
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
			why = tr("unknown setting (keymap, lang, input, ascii, org, place, signer, signer-title, require-signatures)");
		else
			why = tr("bad value (lang: vi en; input: off telex vni; ascii, require-signatures: yes no)");
		if (why) {
			if (!quiet)
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
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = compat_home();
	if (xdg && *xdg)
		sb_addf(&b, "%s/tiendo/config", xdg);
	else if (home && *home)
		sb_addf(&b, "%s/.config/tiendo/config", home);
	else
		return;
	size_t n;
	char *text = read_file(b.s, &n);
	if (text) {
		if (memchr(text, '\0', n) && !quiet)
			fprintf(stderr, "tiendo: %s: %s\n", b.s, tr("NUL byte in the file (not a text file?)"));
		else if (!memchr(text, '\0', n))
			config_parse(c, text, b.s);
		free(text);
	}
	sb_free(&b);
}

void config_load_quiet(struct config *c)
{
	quiet = true;
	config_load(c);
	quiet = false;
}
