/* SPDX-License-Identifier: MIT */
/* The first-run screen: a database without a plan becomes a working one
 * without a command line. The clerk chooses a plan file (the packages found in
 * the usual folders, or a path typed with Tab completion), then "my unit" from
 * the package's units with the same diacritic-free filter as F2, or adds a
 * unit the plan names only as a group (a new commune: name typed with Telex,
 * parent from a list). setup_database does the rest in one transaction, as
 * `tiendo init` does. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compat.h"
#include "editbuf.h"
#include "exchange_files.h"
#include "msg.h"
#include "planfile.h"
#include "setup.h"
#include "text.h"
#include "ui.h"

#ifndef TIENDO_DATADIR
#define TIENDO_DATADIR "/usr/local/share/tiendo"
#endif

/* The first-run background drawn last, drawn again after a resize: the
 * interface's repaint (its host) is replaced by one that draws it while the
 * first-run screen is up. */
static struct {
	struct ui_host host;
	const struct ui_host *main; /* the interface's: says "too small" */
	const char *db_path;
	char step[600], msg[1200];
} intro;

/* The background on stdscr, without the doupdate. */
static void paint_intro(struct app *a)
{
	if (a->too_small) {
		intro.main->draw_dirty(a);
		return;
	}
	werase(stdscr);
	int y = 1, w = a->cols - 4;
	ui_put(a, stdscr, y++, 2, w, tr("tiendo: first run"), A_BOLD);
	y++;
	char line[600];
	snprintf(line, sizeof line, tr("The database %s holds no plan yet."), intro.db_path);
	ui_put(a, stdscr, y++, 2, w, line, A_NORMAL);
	struct strvec sv = {0};
	ui_wrap(intro.step, w, &sv);
	for (size_t i = 0; i < sv.n && i < 3; i++)
		ui_put(a, stdscr, y++, 2, w, sv.v[i], A_NORMAL);
	sv_free(&sv);
	/* the lists do not hide what to do, nor why a file was refused */
	a->choose_top = y + 1;
	a->choose_end = a->rows - 1;
	if (intro.msg[0]) {
		/* a refusal (a plan file that does not load) in full, at the bottom */
		ui_wrap(intro.msg, w, &sv);
		int n = sv.n > 4 ? 4 : (int)sv.n;
		a->choose_end = a->rows - 2 - n;
		for (int i = 0; i < n; i++)
			ui_put(a, stdscr, a->rows - 1 - n + i, 2, w, sv.v[i], A_BOLD);
		sv_free(&sv);
	}
	wnoutrefresh(stdscr);
}

static void repaint_intro(struct app *a)
{
	paint_intro(a);
	doupdate();
}

/* The first-run background: what this is and what to do, on stdscr. */
static void draw_intro(struct app *a, const char *db_path, const char *step, const char *msg)
{
	intro.db_path = db_path;
	snprintf(intro.step, sizeof intro.step, "%s", step);
	snprintf(intro.msg, sizeof intro.msg, "%s", msg ? msg : "");
	repaint_intro(a);
}

static bool is_csv(const char *name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".csv") == 0; /* ".CSV" from Windows too */
}

struct scan {
	bool packages_only;
	struct strvec names;
};

static void scan_name(const char *name, void *arg)
{
	struct scan *sc = arg;
	if (!is_csv(name) || name[0] == '.')
		return;
	if (sc->packages_only && strncasecmp(name, "kehoach_", 8) != 0)
		return;
	sv_push(&sc->names, name);
}

/* The plan files of dir: plan packages (kehoach_*.csv) only, or every .csv. */
static void scan_dir(const char *dir, bool packages_only, struct strvec *out)
{
	struct scan sc = {packages_only, {0}};
	if (!dir || compat_dir_each(dir, scan_name, &sc) != 0)
		return;
	for (size_t i = 0; i < sc.names.n; i++) {
		char *path = exchange_path_join(dir, sc.names.v[i]);
		char *real = compat_realpath(path);
		if (real && !sv_contains(out, real))
			sv_push(out, real);
		free(real);
		free(path);
	}
	sv_free(&sc.names);
}

/* Plan packages in the current folder and $TIENDO_EXPORT_DIR, then the plans
 * that come with tiendo (share/tiendo/plans, data/plans in the source tree
 * beside the program, plans beside tiendo.exe in the Windows zip). */
void ui_find_plans(struct strvec *out)
{
	scan_dir(".", true, out);
	char *exp = compat_getenv("TIENDO_EXPORT_DIR") ? exchange_export_dir() : NULL;
	scan_dir(exp, true, out);
	free(exp);
	char *exe = compat_exe_dir();
	if (exe) {
		static const char *const rel[] = {"/plans", "/data/plans", "/../data/plans", "/../share/tiendo/plans"};
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			char *dir = xmalloc(strlen(exe) + strlen(rel[i]) + 1);
			strcpy(dir, exe);
			strcat(dir, rel[i]);
			scan_dir(dir, false, out);
			free(dir);
		}
		free(exe);
	}
	scan_dir(TIENDO_DATADIR "/plans", false, out);
}

struct completion {
	const char *base; /* what was typed after the last separator */
	char *msg;
	size_t msg_n;
	char *common; /* the longest common start of the matches */
	size_t nmatch;
};

static void complete_name(const char *name, void *arg)
{
	struct completion *c = arg;
	if (!compat_name_starts(name, c->base))
		return;
	if (name[0] == '.' && c->base[0] != '.')
		return;
	c->nmatch++;
	size_t used = strlen(c->msg);
	if (used + strlen(name) + 3 < c->msg_n)
		snprintf(c->msg + used, c->msg_n - used, "%s%s", used ? "  " : "", name);
	if (!c->common) {
		c->common = xstrdup(name);
		return;
	}
	c->common[compat_name_common(c->common, name)] = '\0';
}

/* Complete the path in eb at Tab: the longest common continuation of the
 * entries that start with what was typed, compared as the platform compares
 * file names (on Windows "báo" completes "Báo cáo", written as the folder
 * is); the candidates go to msg. A folder
 * gets the separator the clerk types ('\\' on Windows unless '/' was used). */
static void complete_path(struct editbuf *eb, char *msg, size_t msg_n)
{
	char *text = eb_text(eb);
	const char *slash = compat_last_sep(text);
	char *dir = slash ? xstrndup(text, (size_t)(slash - text) + 1) : xstrdup("");
	struct completion c = {slash ? slash + 1 : text, msg, msg_n, NULL, 0};
	char *home = NULL;
	const char *open_dir = *dir ? dir : ".";
	if (dir[0] == '~' && compat_home()) {
		home = exchange_path_join(compat_home(), dir + 1 + compat_is_sep(dir[1]));
		open_dir = home;
	}
	msg[0] = '\0';
	compat_dir_each(open_dir, complete_name, &c);
	if (c.common && compat_name_starts(c.common, c.base)) {
		struct strbuf b = {0};
		sb_addf(&b, "%s%s", dir, c.common);
		if (c.nmatch == 1) {
			char *full = exchange_path_join(open_dir, c.common);
			if (compat_path_kind(full) == 1)
				sb_addf(&b, "%c", slash ? *slash : compat_native_sep());
			free(full);
			msg[0] = '\0';
		}
		eb_set(eb, b.s);
		eb_end(eb);
		sb_free(&b);
	}
	if (!c.nmatch)
		snprintf(msg, msg_n, "%s", tr("no file starts so"));
	free(c.common);
	free(home);
	free(dir);
	free(text);
}

/* A path typed in the bottom lines, Tab completing it; NULL on Esc. */
static char *prompt_path(struct app *a, const char *db_path)
{
	struct editbuf b;
	char msg[400] = "";
	eb_init(&b, "", false, PATH_MAX - 1);
	char *result = NULL;
	for (;;) {
		draw_intro(a, db_path, tr("Type the path of the plan file (Tab completes, Enter opens, Esc goes back):"),
			   msg[0] ? msg : NULL);
		int room = a->cols - 4;
		size_t line, col;
		eb_cursor_pos(&b, &line, &col);
		int shift = (int)col >= room ? (int)col - room + 1 : 0;
		const char *shown = b.s;
		for (int s = shift; s > 0 && *shown; s--) {
			size_t k = ui_fit(shown, 1);
			shown += k ? k : 1;
		}
		ui_put(a, stdscr, 7, 2, room, shown, A_UNDERLINE);
		ui_cursor(true);
		wmove(stdscr, 7, 2 + (int)col - shift);
		wnoutrefresh(stdscr);
		doupdate();
		int k = ui_getkey(a, stdscr);
		if (k == KEYC_SIGNAL || k == KEYC_ESC)
			break;
		msg[0] = '\0';
		if (k == KEYC_ENTER) {
			result = eb_text(&b);
			break;
		}
		switch (k) {
		case '\t': complete_path(&b, msg, sizeof msg); break;
		case KEYC_LEFT: eb_left(&b); break;
		case KEYC_RIGHT: eb_right(&b); break;
		case KEYC_HOME: case KEYC_CTRL('a'): eb_home(&b); break;
		case KEYC_END: case KEYC_CTRL('e'): eb_end(&b); break;
		case KEYC_BACKSPACE: eb_backspace(&b); break;
		case KEYC_DELETE: eb_delete(&b); break;
		case KEYC_CTRL('u'): eb_kill_to_bol(&b); break;
		default:
			if (k >= 0x20 && k < KEYC_BASE && k != 0x7f)
				eb_insert_cp(&b, (uint32_t)k);
		}
	}
	ui_cursor(false);
	eb_free(&b);
	return result;
}

/* Choose and load a plan file into p; false when the clerk leaves. */
static bool choose_plan(struct app *a, const char *db_path, struct plan_def *p, char **file)
{
	char msg[1200] = "";
	for (;;) {
		struct strvec found = {0};
		ui_find_plans(&found);
		const char **items = xmalloc((found.n + 1) * sizeof *items);
		char **labels = xmalloc((found.n + 1) * sizeof *labels);
		for (size_t i = 0; i < found.n; i++) {
			const char *slash = compat_last_sep(found.v[i]);
			struct strbuf b = {0};
			sb_addf(&b, "%s   (%.*s)", slash ? slash + 1 : found.v[i],
				slash ? (int)(slash - found.v[i]) : 0, found.v[i]);
			labels[i] = b.s;
			items[i] = labels[i];
		}
		items[found.n] = tr("Another file: type its path...");
		draw_intro(a, db_path, tr("Step 1 of 2: choose the plan file you received (a plan package kehoach_*.csv)."),
			   msg[0] ? msg : NULL);
		int r = ui_choose(a, tr("Plan file"), items, found.n + 1, 0);
		char *path = NULL;
		if (r >= 0 && (size_t)r < found.n)
			path = xstrdup(found.v[r]);
		else if (r >= 0)
			path = prompt_path(a, db_path);
		for (size_t i = 0; i < found.n; i++)
			free(labels[i]);
		free(labels);
		free(items);
		sv_free(&found);
		if (r < 0)
			return false;
		if (!path)
			continue;
		struct err e;
		enum text_encoding enc;
		if (planfile_load_any(path, p, &enc, &e) == 0) {
			*file = path;
			return true;
		}
		snprintf(msg, sizeof msg, "%s", e.msg);
		free(path);
	}
}

/* A code for a new unit from its name: the province prefix of the plan's
 * codes, the kind, the name folded ("Xã Đồng Tiến" -> DT-XA-DONGTIEN). */
static char *suggest_code(const struct plan_def *p, enum unit_kind kind, const char *name)
{
	struct strbuf b = {0};
	const char *dash = p->consolidator ? strchr(p->consolidator, '-') : NULL;
	if (dash && dash - p->consolidator <= 4)
		sb_addf(&b, "%.*s", (int)(dash - p->consolidator + 1), p->consolidator);
	sb_addf(&b, "%s-", kind == UNIT_WARD ? "PHUONG" : kind == UNIT_SPECIAL_ZONE ? "DK" : "XA");
	char *f = text_fold(name);
	const char *s = f;
	/* the kind word the name starts with is already in the code */
	static const char *const kw[] = {"xa ", "phuong ", "dac khu "};
	for (size_t i = 0; i < sizeof kw / sizeof kw[0]; i++)
		if (strncmp(s, kw[i], strlen(kw[i])) == 0)
			s += strlen(kw[i]);
	for (; *s && b.len < 32; s++)
		if ((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9'))
			sb_addf(&b, "%c", *s >= 'a' ? *s - 'a' + 'A' : *s);
	free(f);
	char *code = xstrdup(b.s);
	sb_free(&b);
	if (strlen(code) > 32)
		code[32] = '\0';
	return code;
}

/* A unit the plan names only as a group: name (Telex on), kind, parent,
 * code. Fills nu (strings owned by the caller through the out pointers);
 * false when the clerk goes back. */
static bool ask_new_unit(struct app *a, const char *db_path, const struct plan_def *p,
			 struct setup_unit *nu, char **name_out, char **code_out)
{
	draw_intro(a, db_path, tr("Step 2 of 2: add your unit (it is not in the plan's list yet). Its name is typed with Telex (Xax Ddoongf Tieens gives Xã Đồng Tiến); Ctrl+T switches Telex off."), NULL);
	enum im_mode old = a->im;
	if (a->im == IM_OFF)
		a->im = IM_TELEX; /* a Vietnamese name; Ctrl-T switches it off */
	char *name = ui_prompt(a, tr("Name of your unit:"), "");
	a->im = old;
	if (!name || !*name) {
		free(name);
		return false;
	}
	static const enum unit_kind kinds[] = {UNIT_COMMUNE, UNIT_WARD, UNIT_SPECIAL_ZONE};
	const char *kl[3] = {tr("commune (xã)"), tr("ward (phường)"), tr("special zone (đặc khu)")};
	char title[300];
	snprintf(title, sizeof title, tr("Kind of %s"), name);
	repaint_intro(a); /* the name's prompt goes from the bottom line */
	int k = ui_choose(a, title, kl, 3, 0);
	if (k < 0) {
		free(name);
		return false;
	}
	const char **items = xmalloc((p->n_units + 1) * sizeof *items);
	char **labels = xmalloc((p->n_units + 1) * sizeof *labels);
	size_t *idx = xmalloc((p->n_units + 1) * sizeof *idx);
	size_t n = 0, start = 0;
	for (size_t i = 0; i < p->n_units; i++) {
		const struct unit_def *u = &p->units[i];
		if (u->kind == UNIT_GROUP || u->retired)
			continue;
		struct strbuf b = {0};
		sb_addf(&b, "%s (%s)", u->name, u->code);
		if (p->issuer && strcmp(u->code, p->issuer) == 0)
			start = n;
		labels[n] = b.s;
		items[n] = labels[n];
		idx[n++] = i;
	}
	snprintf(title, sizeof title, tr("%s is under"), name);
	repaint_intro(a); /* without the list before it */
	int r = ui_choose(a, title, items, n, start);
	const char *parent = r >= 0 ? p->units[idx[r]].code : NULL;
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(idx);
	if (!parent) {
		free(name);
		return false;
	}
	char *sug = suggest_code(p, kinds[k], name);
	repaint_intro(a); /* the list chosen from is done: it goes */
	char *code = ui_prompt_plain(a, tr("Its code (ASCII letters, digits, -; Enter keeps the suggestion):"), sug);
	free(sug);
	if (!code || !*code) {
		free(code);
		free(name);
		return false;
	}
	nu->code = code;
	nu->name = name;
	nu->kind = kinds[k];
	nu->parent = parent;
	*name_out = name;
	*code_out = code;
	return true;
}

/* Choose "my unit" from the plan's units, or add a new one, and set the
 * database up. 1: done; 0: back to the plan files; -1: error shown, again. */
static int choose_unit(struct app *a, const char *db_path, const char *file, struct plan_def *p,
		       char *msg, size_t msg_n)
{
	const char **items = xmalloc((p->n_units + 1) * sizeof *items);
	char **labels = xmalloc((p->n_units + 1) * sizeof *labels);
	size_t *idx = xmalloc((p->n_units + 1) * sizeof *idx);
	size_t n = 0;
	for (size_t i = 0; i < p->n_units; i++) {
		const struct unit_def *u = &p->units[i];
		if (u->kind == UNIT_GROUP || u->retired)
			continue;
		struct strbuf b = {0};
		sb_addf(&b, "%s (%s)", u->name, u->code);
		labels[n] = b.s;
		items[n] = labels[n];
		idx[n++] = i;
	}
	items[n] = tr("My unit is not in the list (a new commune or ward): add it...");
	char step[400];
	snprintf(step, sizeof step, tr("Step 2 of 2: plan %s version %d. Choose your unit (type to filter, without diacritics too)."),
		 p->code, p->version);
	draw_intro(a, db_path, step, msg[0] ? msg : NULL);
	/* the entry for a new unit stays when the filter finds nothing */
	int r = ui_choose_keep(a, tr("My unit"), items, n + 1, 0, true);
	const char *owner = r >= 0 && (size_t)r < n ? p->units[idx[r]].code : NULL;
	char *owner_copy = owner ? xstrdup(owner) : NULL;
	for (size_t i = 0; i < n; i++)
		free(labels[i]);
	free(labels);
	free(items);
	free(idx);
	if (r < 0)
		return 0;
	struct setup_unit nu = {0};
	char *name = NULL, *code = NULL;
	struct err e;
	int rc = -1;
	if (!owner_copy) {
		if (!ask_new_unit(a, db_path, p, &nu, &name, &code))
			return -1;
		if (setup_add_unit(p, &nu, &e)) {
			snprintf(msg, msg_n, "%s", e.msg);
			goto out;
		}
	}
	struct store_result res;
	bool created;
	char fingerprint[SIGN_FINGERPRINT_BUF] = "";
	if (setup_database(db_path, file, p, owner_copy ? owner_copy : code, owner_copy ? NULL : code,
			   &res, &created, fingerprint, &e)) {
		snprintf(msg, msg_n, "%s", e.msg);
		goto out;
	}
	if (owner_copy)
		ui_message(a, false, tr("Plan %s version %d loaded; this database belongs to %s."), p->code,
			   p->version, owner_copy);
	else
		ui_message(a, false, tr("Plan %s version %d loaded; %s (%s) added and this database belongs to it."),
			   p->code, p->version, name, code);
	rc = 1;
out:
	free(owner_copy);
	free(name);
	free(code);
	return rc;
}

static int firstrun(struct app *a, const char *db_path);

int ui_firstrun(struct app *a, const char *db_path)
{
	intro.main = a->host;
	intro.host = *a->host;
	intro.host.repaint = repaint_intro;
	intro.host.draw_dirty = paint_intro;
	intro.db_path = db_path;
	a->host = &intro.host;
	int r = firstrun(a, db_path);
	a->host = intro.main;
	a->choose_top = a->choose_end = 0;
	return r;
}

static int firstrun(struct app *a, const char *db_path)
{
	char msg[1200] = "";
	for (;;) {
		struct plan_def p;
		char *file = NULL;
		if (!choose_plan(a, db_path, &p, &file))
			return -1;
		int r;
		msg[0] = '\0';
		while ((r = choose_unit(a, db_path, file, &p, msg, sizeof msg)) < 0)
			;
		plan_def_free(&p);
		free(file);
		if (r > 0)
			return 0;
	}
}
