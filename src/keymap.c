/* SPDX-License-Identifier: MIT */
/* Key bindings: the action table, key names, and keymap files (keymaps/ *.keys).
 *
 * One table is the truth: ACTIONS in keymap.h gives each action its name,
 * the panes it applies to, its hint label and its help line; the hint bar
 * and the help screen are generated from it. Default keys are not written
 * in code: keymaps/default.keys is compiled in and read by the same parser
 * as the files users edit (as tmux does with its defaults). A file only
 * replaces the actions it lists, so an old file still gets every new
 * action's defaults. Two actions may share a key only when no pane has both
 * (Tab is next-pane in the lists and next-field in a form). */
#include "keymap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "msg.h"
#include "util.h"

#define X(id, name, panes, hint, help) {name, panes, hint, help},
const struct action_def keymap_actions[ACT_COUNT] = {ACTIONS(X)};
#undef X

static const char default_keys[] =
#include "default_keys.inc"
	;

static const struct {
	const char *name;
	int key;
} named[] = {
	{"Up", KEYC_UP}, {"Down", KEYC_DOWN}, {"Left", KEYC_LEFT}, {"Right", KEYC_RIGHT},
	{"Home", KEYC_HOME}, {"End", KEYC_END}, {"PgUp", KEYC_PGUP}, {"PgDn", KEYC_PGDN},
	{"Tab", KEYC_TAB}, {"S-Tab", KEYC_BTAB}, {"Enter", KEYC_ENTER}, {"Esc", KEYC_ESC},
	{"Backspace", KEYC_BACKSPACE}, {"Delete", KEYC_DELETE}, {"Insert", KEYC_INSERT},
	{"Space", ' '},
};

/* Decode one UTF-8 character that is the whole of s. */
static bool single_char(const char *s, int *cp)
{
	const unsigned char *p = (const unsigned char *)s;
	int len, c;
	if (p[0] == 0)
		return false;
	if (p[0] < 0x80) {
		len = 1;
		c = p[0];
	} else if ((p[0] & 0xE0) == 0xC0) {
		len = 2;
		c = p[0] & 0x1F;
	} else if ((p[0] & 0xF0) == 0xE0) {
		len = 3;
		c = p[0] & 0x0F;
	} else if ((p[0] & 0xF8) == 0xF0) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return false;
	}
	for (int i = 1; i < len; i++) {
		if ((p[i] & 0xC0) != 0x80)
			return false;
		c = (c << 6) | (p[i] & 0x3F);
	}
	if (p[len] != '\0' || c <= 0x20 || c == 0x7F || c >= 0x110000 ||
	    (c >= 0xD800 && c <= 0xDFFF) || (len > 1 && c < 0x80) || (len > 2 && c < 0x800) ||
	    (len > 3 && c < 0x10000))
		return false;
	*cp = c;
	return true;
}

bool keymap_key_parse(const char *name, int *key)
{
	for (size_t i = 0; i < ARRAY_LEN(named); i++)
		if (strcmp(name, named[i].name) == 0) {
			*key = named[i].key;
			return true;
		}
	if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
		long long n;
		if (parse_int(name + 1, 1, 12, &n)) {
			*key = KEYC_F((int)n);
			return true;
		}
	}
	if (name[0] == 'C' && name[1] == '-' && name[2] && !name[3]) {
		char c = name[2];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		/* C-i, C-m and C-[ are Tab, Enter and Esc: name those instead. */
		if (c >= 'a' && c <= 'z' && c != 'i' && c != 'm') {
			*key = KEYC_CTRL(c);
			return true;
		}
		return false;
	}
	return single_char(name, key);
}

void keymap_key_name(int key, char *buf, size_t n)
{
	for (size_t i = 0; i < ARRAY_LEN(named); i++)
		if (named[i].key == key) {
			snprintf(buf, n, "%s", named[i].name);
			return;
		}
	if (key > KEYC_F0 && key <= KEYC_F(12)) {
		snprintf(buf, n, "F%d", key - KEYC_F0);
	} else if (key >= 1 && key <= 26) {
		snprintf(buf, n, "C-%c", 'a' + key - 1);
	} else if (key > 0x20 && key < 0x110000) {
		char u[5];
		utf8_put(u, (uint32_t)key);
		snprintf(buf, n, "%s", u);
	} else {
		snprintf(buf, n, "?");
	}
}

static void diag(struct keymap_diags *d, int line, const char *fmt, ...)
	TIENDO_PRINTF(3, 4);
static void diag(struct keymap_diags *d, int line, const char *fmt, ...)
{
	va_list ap;
	if (!d)
		return;
	if (d->n >= (int)ARRAY_LEN(d->v)) {
		d->dropped++;
		return;
	}
	d->v[d->n].line = line;
	va_start(ap, fmt);
	vsnprintf(d->v[d->n].msg, sizeof d->v[d->n].msg, fmt, ap);
	va_end(ap);
	d->n++;
}

static int find_action(const char *name)
{
	for (int i = 0; i < ACT_COUNT; i++)
		if (strcmp(keymap_actions[i].name, name) == 0)
			return i;
	return -1;
}

/* Remove key from every action other than keep whose panes meet panes. */
static void unbind_elsewhere(struct keymap *km, int keep, int key)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (a == keep || !(keymap_actions[a].panes & keymap_actions[keep].panes))
			continue;
		for (int i = 0; i < km->n[a]; i++)
			if (km->keys[a][i] == key) {
				memmove(&km->keys[a][i], &km->keys[a][i + 1],
					(size_t)(km->n[a] - i - 1) * sizeof(int));
				km->n[a]--;
				i--;
			}
	}
}

int keymap_apply(struct keymap *km, const char *text, size_t n, struct keymap_diags *d)
{
	/* Keys bound by this file so far, with their action, to catch doubles. */
	struct {
		int key, action, line;
	} seen[ACT_COUNT * KEYMAP_MAX_KEYS];
	int n_seen = 0, problems = 0, line = 0;
	bool done_action[ACT_COUNT] = {false};
	size_t off = 0;
	while (off < n) {
		const char *nl = memchr(text + off, '\n', n - off);
		size_t len = nl ? (size_t)(nl - (text + off)) : n - off;
		char buf[512];
		line++;
		if (len >= sizeof buf) {
			diag(d, line, "%s", tr("line too long"));
			problems++;
			off += len + 1;
			continue;
		}
		memcpy(buf, text + off, len);
		buf[len] = '\0';
		off += len + 1;
		if (memchr(buf, '\0', len)) {
			diag(d, line, "%s", tr("NUL byte in the line"));
			problems++;
			continue;
		}
		char *save = NULL;
		char *word = strtok_r(buf, " \t\r", &save);
		if (!word || word[0] == '#')
			continue;
		int a = find_action(word);
		if (a < 0) {
			diag(d, line, tr("unknown action '%.60s'"), word);
			problems++;
			continue;
		}
		if (done_action[a]) {
			diag(d, line, tr("action '%.60s' is already bound above in this file"), word);
			problems++;
			continue;
		}
		int keys[KEYMAP_MAX_KEYS], nk = 0;
		bool bad = false;
		char *kname;
		while ((kname = strtok_r(NULL, " \t\r", &save)) != NULL) {
			int k;
			if (!keymap_key_parse(kname, &k)) {
				diag(d, line, tr("unknown key '%.40s' for action '%s'"), kname, keymap_actions[a].name);
				bad = true;
				break;
			}
			if (nk == KEYMAP_MAX_KEYS) {
				diag(d, line, tr("too many keys for action '%s' (at most 6)"), keymap_actions[a].name);
				bad = true;
				break;
			}
			for (int i = 0; i < n_seen && !bad; i++)
				if (seen[i].key == k && (keymap_actions[seen[i].action].panes & keymap_actions[a].panes)) {
					diag(d, line, tr("key '%.40s' is already bound to '%s' on line %d"), kname,
					     keymap_actions[seen[i].action].name, seen[i].line);
					bad = true;
				}
			for (int i = 0; i < nk && !bad; i++)
				if (keys[i] == k) {
					diag(d, line, tr("key '%.40s' is listed twice for '%s'"), kname, keymap_actions[a].name);
					bad = true;
				}
			if (bad)
				break;
			keys[nk++] = k;
		}
		if (bad) {
			problems++;
			continue;
		}
		done_action[a] = true;
		km->n[a] = nk;
		for (int i = 0; i < nk; i++) {
			km->keys[a][i] = keys[i];
			unbind_elsewhere(km, a, keys[i]);
			seen[n_seen].key = keys[i];
			seen[n_seen].action = a;
			seen[n_seen].line = line;
			n_seen++;
		}
	}
	return problems;
}

void keymap_defaults(struct keymap *km)
{
	memset(km, 0, sizeof *km);
	keymap_apply(km, default_keys, sizeof default_keys - 1, NULL);
}

enum action keymap_lookup(const struct keymap *km, unsigned pane, int key)
{
	for (int a = 0; a < ACT_COUNT; a++) {
		if (!(keymap_actions[a].panes & pane))
			continue;
		for (int i = 0; i < km->n[a]; i++)
			if (km->keys[a][i] == key)
				return (enum action)a;
	}
	return ACT_NONE;
}

void keymap_first_key(const struct keymap *km, enum action a, char *buf, size_t n)
{
	if (km->n[a] == 0)
		buf[0] = '\0';
	else
		keymap_key_name(km->keys[a][0], buf, n);
}

static char *try_path(const char *dir, const char *sub, const char *name)
{
	struct strbuf b = {0};
	sb_addf(&b, "%s%s/%s.keys", dir, sub, name);
	if (compat_readable(b.s))
		return sb_take(&b);
	sb_free(&b);
	return NULL;
}

char *keymap_find(const char *name)
{
	if (compat_last_sep(name))
		return compat_readable(name) ? xstrdup(name) : NULL;
	char *p = NULL;
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = compat_home();
	if (xdg && *xdg)
		p = try_path(xdg, "/tiendo", name);
	else if (home && *home)
		p = try_path(home, "/.config/tiendo", name);
	if (!p) {
		char *exe = compat_exe_dir();
		if (exe) {
			/* beside the program, or one level up (build-san/tiendo) */
			p = try_path(exe, "/keymaps", name);
			if (!p)
				p = try_path(exe, "/../keymaps", name);
			free(exe);
		}
	}
	if (!p)
		p = try_path(TIENDO_DATADIR, "/keymaps", name);
	return p;
}

char *keymap_user_file(void)
{
	struct strbuf b = {0};
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = compat_home();
	if (xdg && *xdg)
		sb_addf(&b, "%s/tiendo/keys", xdg);
	else if (home && *home)
		sb_addf(&b, "%s/.config/tiendo/keys", home);
	else
		return NULL;
	if (compat_readable(b.s))
		return sb_take(&b);
	sb_free(&b);
	return NULL;
}
