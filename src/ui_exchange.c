/* SPDX-License-Identifier: MIT */
/* Exchange by file in the interface: export this unit's report, import a folder of received
 * files with a progress popup, the completeness of reports, and the conflicts kept aside.
 *
 * Everything done to data goes through the functions `tiendo export`,
 * `import`, `status` and `conflicts`/`resolve` use (report, exchange,
 * completeness), and the texts are theirs where they say the same thing.
 * An import runs in this one thread between two files at a time: after each
 * file it follows a resize, stops when Esc was pressed or a signal came, and
 * keeps SIGWINCH blocked while a file is read so that a resize never cuts a
 * read short; each file is whole or absent, as on the command line. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "completeness.h"
#include "config.h"
#include "db.h"
#include "deliver.h"
#include "describe.h"
#include "humanfmt.h"
#include "exchange.h"
#include "exchange_files.h"
#include "exchange_keys.h"
#include "msg.h"
#include "report.h"
#include "ui.h"

/* A message of the command line ("...\n") as a line here: without its line end. */
static void chomp(struct strbuf *b)
{
	while (b->len && b->s[b->len - 1] == '\n')
		b->s[--b->len] = '\0';
}

static void add_chomped(struct strvec *sv, int width, struct strbuf *b)
{
	chomp(b);
	ui_page_add(sv, width, NULL, b->s ? b->s : "");
	sb_free(b);
}

/* text indented by indent columns, wrapped lines too */
static void add_indented(struct strvec *sv, int width, int indent, const char *text)
{
	while (*text == ' ')
		text++;
	const char *cells[2] = {"", text};
	const int widths[1] = {indent - 2};
	ui_columns(sv, width, cells, widths, 2, true);
}

static const char *base_name(const char *path)
{
	const char *s = compat_last_sep(path);
	return s && s[1] ? s + 1 : path;
}

/* ---- export ---- */

/* An export that could not be done: the whole reason in a popup, and in the message line. */
static void export_failed(struct app *a, const char *why)
{
	struct strvec sv = {0};
	ui_page_add(&sv, a->cols - 8, NULL, why);
	ui_note(a, tr("Nothing was exported"), &sv);
	sv_free(&sv);
	ui_message(a, true, "%s", why);
}

/* The interface's export folder, with a final '/': $TIENDO_EXPORT_DIR, else
 * ~/tiendo-baocao (made when missing), never the folder tiendo was started
 * from (under `make run` that is the source tree). New string, or NULL. */
static char *ui_export_dir(void)
{
	char *dir = NULL;
	const char *home = getenv("HOME");
	if (getenv("TIENDO_EXPORT_DIR") || !home || !*home) {
		dir = exchange_export_dir();
	} else {
		dir = exchange_path_join(home, "tiendo-baocao");
		if (compat_mkdir(dir) != 0 && errno != EEXIST) {
			free(dir);
			return NULL;
		}
	}
	if (!dir)
		return NULL;
	char *slash = exchange_path_join(dir, "");
	free(dir);
	return slash;
}

/* Ask for the flavour, the last choice first (kept in the database). */
static int ask_flavour(struct app *a, bool *excel)
{
	char *last = db_meta_get(a->s.db, "export_flavour");
	size_t start = last && strcmp(last, "excel") == 0 ? 1 : 0;
	free(last);
	const char *items[2] = {tr("CSV for tiendo (the department imports it)"),
				tr("Excel flavour (opens in a spreadsheet, and still imports)")};
	int r = ui_choose(a, tr("Export the report as"), items, 2, start);
	if (r < 0)
		return -1;
	*excel = r == 1;
	struct err e;
	if ((size_t)r != start)
		db_meta_set(a->s.db, "export_flavour", *excel ? "excel" : "csv", &e);
	return 0;
}

/* The screen shows another unit than the database's (F2): say plainly which
 * report E exports, and ask. */
static bool confirm_other_unit(struct app *a)
{
	const struct unit_rec *owner = a->s.b.owner;
	if (a->unit == owner)
		return true;
	struct strvec sv = {0};
	struct strbuf m = {0};
	const char *shown = a->unit ? a->unit->name : tr("all units");
	const char *whose = a->unit ? a->unit->name : tr("each unit");
	sb_addf(&m, tr("The screen shows %s, but E exports the report of %s, this database's unit, with what the units under it sent. The report of %s comes from %s's own database."),
		shown, owner->name, whose, whose);
	ui_page_add(&sv, a->cols - 8, NULL, m.s);
	sb_free(&m);
	ui_note(a, tr("Which report E exports"), &sv);
	sv_free(&sv);
	char q[300];
	snprintf(q, sizeof q, tr("Export the report of %s?"), owner->code);
	return ui_confirm(a, q);
}

void ui_export(struct app *a)
{
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	struct session_export r;
	struct err e;
	bool excel = false;
	if (!a->s.b.owner || !confirm_other_unit(a) || ask_flavour(a, &excel)) {
		ui_message(a, false, "%s", tr("Nothing exported."));
		return;
	}
	char *dir = ui_export_dir();
	if (!dir) {
		err_set(&e, tr("%s: cannot make the folder %s: %s (nothing was written)"), "export",
			"~/tiendo-baocao", tr_errno(errno));
		export_failed(a, e.msg);
		return;
	}
	int rc = session_export(&a->s, pc, dir, excel, &r, &e);
	free(dir);
	if (rc) {
		export_failed(a, e.msg);
		session_export_free(&r);
		return;
	}
	struct strvec lines = {0}, sv = {0};
	describe_export(&r, "", &lines);
	for (size_t i = 0; i < lines.n; i++)
		ui_page_add(&sv, a->cols - 8, NULL, lines.v[i]);
	ui_note(a, tr("Report exported"), &sv);
	sv_free(&sv);
	sv_free(&lines);
	ui_message(a, false, tr("Exported: %s"), r.path);
	session_export_free(&r);
}

/* ---- import ---- */

/* One file's outcome for the summary, worded as `tiendo import` words it. */
static void result_lines(struct strvec *sv, int width, const char *path, const struct import_result *r)
{
	const char *file = base_name(path);
	struct strbuf b = {0};
	describe_import(&b, file, r, false);
	add_chomped(sv, width, &b);
	if (describe_import_signer(&b, file, r, false) || b.len) /* who signed it, as on the command line */
		add_chomped(sv, width, &b);
	if (r->outcome != IMPORT_REFUSED)
		return;
	/* the reasons, each "file:line: why", named by the file alone */
	size_t pl = strlen(path);
	for (size_t i = 0; i < r->problems.n; i++) {
		const char *p = r->problems.v[i];
		if (strncmp(p, path, pl) == 0)
			sb_addf(&b, "%s%s", file, p + pl);
		else
			sb_add(&b, p);
		chomp(&b);
		add_indented(sv, width, 2, b.s);
		sb_free(&b);
	}
}

/* A key typed while importing, without waiting: KEYC_RESIZE (the layout is
 * already redone), KEYC_ESC, 1 for any other key (dropped), 0 for none. */
static int poll_key(struct app *a, WINDOW *w)
{
	wint_t ch;
	nodelay(w, TRUE);
	int r = wget_wch(w, &ch);
	nodelay(w, FALSE);
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
		a->host->relayout(a);
		return KEYC_RESIZE;
	}
	if (r == OK && ch == KEYC_ESC)
		return KEYC_ESC;
	return 1;
}

/* The progress popup: "[k/N] file" and a bar of the files done. */
static void progress_draw(struct app *a, WINDOW **win, size_t k, size_t n, const char *file)
{
	if (a->too_small) {
		if (*win)
			delwin(*win);
		*win = NULL;
		a->host->repaint(a); /* says the terminal is too small */
		return;
	}
	int h = 6, w = a->cols - 8 < 72 ? a->cols - 8 : 72;
	if (!*win) {
		*win = newwin(h, w, (a->rows - h) / 2, (a->cols - w) / 2);
		if (!*win)
			return;
		keypad(*win, TRUE);
	}
	a->host->draw_dirty(a);
	WINDOW *pw = *win;
	werase(pw);
	ui_box(a, pw);
	char buf[600];
	snprintf(buf, sizeof buf, " %s ", tr("Import"));
	ui_put(a, pw, 0, 2, ui_width(buf), buf, A_BOLD);
	snprintf(buf, sizeof buf, "[%zu/%zu] %s", k, n, file);
	ui_put(a, pw, 1, 2, w - 4, buf, A_NORMAL);
	int bar = w - 4, done = n ? (int)((long long)bar * (long long)(k - 1) / (long long)n) : 0;
	ui_put(a, pw, 2, 2, done, "", A_REVERSE);
	ui_hline(a, pw, 2, 2 + done, bar - done);
	ui_put(a, pw, 4, 2, w - 4, tr("Esc stops after this file."), A_DIM);
	wnoutrefresh(pw);
	doupdate();
}

static char *expand_home(const char *path)
{
	const char *home = compat_home();
	if (path[0] == '~' && (path[1] == '/' || !path[1]) && home && *home) {
		struct strbuf b = {0};
		sb_addf(&b, "%s%s", home, path + 1);
		return sb_take(&b);
	}
	return xstrdup(path);
}

/* The interface around each imported file: keys, the progress popup, the summary. */
struct import_ui {
	struct app *a;
	WINDOW *win;     /* the progress popup */
	int width;
	bool blocked;
	struct strvec sum;
};

static bool import_before(void *arg, size_t i, size_t n, const char *path)
{
	struct import_ui *iu = arg;
	struct app *a = iu->a;
	int k;
	bool stop = false;
	while (!ui_signal && (k = poll_key(a, iu->win ? iu->win : a->bottom)) != 0) {
		if (k == KEYC_RESIZE && iu->win) {
			delwin(iu->win);
			iu->win = NULL;
		} else if (k == KEYC_ESC) {
			stop = true;
		}
	}
	if (stop || ui_signal)
		return false;
	progress_draw(a, &iu->win, i + 1, n, base_name(path));
	compat_block_resize(true);
	iu->blocked = true;
	return true;
}

static void import_read(void *arg, const char *path)
{
	(void)path;
	struct import_ui *iu = arg;
	if (iu->blocked)
		compat_block_resize(false);
	iu->blocked = false;
}

static void import_after(void *arg, const char *path, const struct import_result *r)
{
	struct import_ui *iu = arg;
	result_lines(&iu->sum, iu->width, path, r);
}

void ui_import(struct app *a)
{
	char *cwd = a->import_path ? NULL : compat_getcwd();
	const char *initial = a->import_path ? a->import_path : cwd ? cwd : "";
	char *answer = ui_prompt(a, tr("Import from (a folder or a file):"), initial);
	free(cwd);
	if (!answer || !*answer) {
		free(answer);
		return;
	}
	char *path = expand_home(answer);
	free(answer);
	free(a->import_path);
	a->import_path = xstrdup(path);
	struct strvec files = {0}, skipped = {0};
	exchange_list_files_skipping(path, &files, &skipped);
	if (files.n == 0) {
		sv_free(&skipped);
		ui_message(a, true, tr("%s: no .csv file in this folder."), path);
		free(path);
		return;
	}
	struct import_ui iu;
	memset(&iu, 0, sizeof iu);
	iu.a = a;
	iu.width = a->cols - 8;
	struct strbuf b = {0};
	for (size_t k = 0; k < skipped.n; k++) {
		sb_addf(&b, tr("import: %s: not a regular file (a pipe, a device or a socket): skipped"),
			base_name(skipped.v[k]));
		add_chomped(&iu.sum, iu.width, &b);
	}
	sv_free(&skipped);
	struct session_import_hooks h = {import_before, import_read, import_after, &iu};
	struct session_import r;
	session_import(&a->s, &files, false, false, &h, &r);
	int width = iu.width;
	if (r.lost_batch) {
		for (size_t k = r.done; k < files.n; k++) {
			sb_addf(&b, tr("%s: not read (the import stopped); import it again\n"),
				base_name(files.v[k]));
			add_chomped(&iu.sum, width, &b);
		}
		ui_page_add(&iu.sum, width, NULL, r.lost_why.msg);
	}
	if (iu.win)
		delwin(iu.win);
	if (ui_signal) {
		/* the program is stopping: what was imported is committed */
		sv_free(&iu.sum);
		sv_free(&files);
		free(path);
		return;
	}
	a->host->reload(a);
	struct strvec page = {0};
	describe_import_totals(&b, &r, false);
	chomp(&b);
	ui_page_heading(&page, b.s);
	ui_message(a, r.refused + r.lost > 0 || r.lost_batch, "%s", b.s);
	sb_free(&b);
	if (r.stopped) {
		sb_addf(&b, tr("Import stopped after file %zu of %zu; the files not yet read were not imported (import the same folder again: what was imported is recognised)."),
			r.done, r.files);
		add_chomped(&page, width, &b);
	}
	sv_push(&page, "");
	for (size_t k = 0; k < iu.sum.n; k++)
		sv_push(&page, iu.sum.v[k]);
	char title[600];
	snprintf(title, sizeof title, tr("Import from %s"), path);
	ui_pager(a, title, &page);
	sv_free(&page);
	sv_free(&iu.sum);
	sv_free(&files);
	free(path);
}

/* ---- completeness ---- */

static void tally_line(struct strvec *sv, int width, const char *label, const struct completeness_tally *t)
{
	struct strbuf b = {0};
	completeness_tally_text(label, t, &b);
	add_chomped(sv, width, &b);
}

enum { SC_UNIT, SC_KIND, SC_STATE, SC_EXPORTED, SC_IMPORTED, SC_KEY, SC_NAME, SC_COUNT };

/* The widest a unit's code is shown (a longer one ends with an ellipsis),
 * and the least room a unit's name keeps beside the other columns. */
enum { SC_CODE_MAX = 16, SC_NAME_MIN = 20 };

static void status_cells(const struct expected_report *r, const struct unit_key_list *keys,
			 char exported[24], char imported[24], const char *cells[SC_COUNT])
{
	enum key_state ks = unit_key_list_state(keys, r->unit->code);
	cells[SC_KEY] = describe_key_state(ks);
	strcpy(exported, "-");
	strcpy(imported, "-");
	if (r->exported_at[0]) {
		fmt_stamp(r->exported_at, exported, 24);
		fmt_stamp_day(r->imported_at, imported, 24);
	}
	cells[SC_UNIT] = r->unit->code;
	cells[SC_KIND] = unit_kind_label(r->unit->kind);
	cells[SC_STATE] = report_state_label(r->state);
	cells[SC_EXPORTED] = exported;
	cells[SC_IMPORTED] = imported;
	cells[SC_NAME] = r->unit->name;
}

/* The workbook, the draft report or the reminder of the period, written to the
 * export folder; the message line says where. */
static void deliver(struct app *a, enum action act, const char *period)
{
	enum deliver_kind k = act == ACT_WORKBOOK ? DELIVER_WORKBOOK :
			      act == ACT_DRAFT_REPORT ? DELIVER_REPORT : DELIVER_REMINDER;
	struct config cfg;
	struct draft_opts opt = {0};
	struct err e;
	char *written;
	size_t n;
	config_load_quiet(&cfg);
	deliver_opts_merge(&opt, &cfg);
	ui_message(a, false, "%s", tr("Writing..."));
	a->host->draw_dirty(a);
	doupdate();
	if (deliver_session(&a->s, period, k, &opt, NULL, &written, &n, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	if (k == DELIVER_WORKBOOK)
		ui_message(a, false, tr("Wrote %s: the consolidated workbook of plan %s for %s.\n"), written,
			   a->s.b.plan.code, period);
	else if (k == DELIVER_REPORT)
		ui_message(a, false, tr("Wrote %s: the draft report of plan %s for %s.\n"), written,
			   a->s.b.plan.code, period);
	else
		ui_message(a, false, trn(N_("Wrote %s: the reminder to %zu unit that has not reported for %s.\n"),
			       N_("Wrote %s: the reminder to %zu units that have not reported for %s.\n"), n),
			   written, n, period);
	free(written);
	size_t len = strlen(a->msg); /* the command line's message, without its line break */
	if (len && a->msg[len - 1] == '\n')
		a->msg[len - 1] = '\0';
}

/* The reports table laid out for a width: the columns shown and theirs;
 * the unit's name beside them (one line a unit) when the names fit there
 * or keep SC_NAME_MIN columns, else on a line of its own under them, and
 * then without the kind when the rest is still too wide (the tallies under
 * the table give the kinds). */
struct sc_layout {
	int widths[SC_COUNT];
	bool shown[SC_COUNT];
	bool name_beside;
};

static void sc_layout(const struct completeness *comp, const struct unit_key_list *keys,
		      const char *const head[SC_COUNT], int width, struct sc_layout *l)
{
	for (int c = 0; c < SC_COUNT; c++) {
		l->widths[c] = ui_width(head[c]);
		l->shown[c] = true;
	}
	for (size_t i = 0; i < comp->n; i++) {
		char ex[24], im[24];
		const char *cells[SC_COUNT];
		status_cells(&comp->v[i], keys, ex, im, cells);
		for (int c = 0; c < SC_COUNT; c++)
			if (ui_width(cells[c]) > l->widths[c])
				l->widths[c] = ui_width(cells[c]);
	}
	if (l->widths[SC_UNIT] > SC_CODE_MAX)
		l->widths[SC_UNIT] = SC_CODE_MAX;
	int fixed = 0;
	for (int c = 0; c < SC_NAME; c++)
		fixed += l->widths[c] + 2;
	int name = l->widths[SC_NAME] < SC_NAME_MIN ? l->widths[SC_NAME] : SC_NAME_MIN;
	l->name_beside = fixed + name <= width;
	if (l->name_beside) {
		l->widths[SC_NAME] = width - fixed;
		return;
	}
	l->shown[SC_NAME] = false;
	if (fixed - 2 > width)
		l->shown[SC_KIND] = false;
}

/* One row of the table (or its header) as l lays it out, each cell cut to
 * its column; the name on the next line when it is not beside them. */
static void sc_row(struct app *a, const struct sc_layout *l, const char *const cells[SC_COUNT], int width,
		   bool head, struct strvec *sv)
{
	const char *shown[SC_COUNT];
	char *cut[SC_COUNT] = {NULL};
	int w[SC_COUNT];
	size_t n = 0;
	for (int c = 0; c < SC_COUNT; c++) {
		if (!l->shown[c])
			continue;
		shown[n] = cut[c] = ui_cut(a, cells[c], l->widths[c]);
		w[n++] = l->widths[c];
	}
	struct strvec one = {0};
	ui_columns(&one, width, shown, w, n, false);
	if (head)
		ui_page_heading(sv, one.v[0]);
	else
		sv_push(sv, one.v[0]);
	sv_free(&one);
	if (!l->name_beside && !head) {
		char *name = ui_cut(a, cells[SC_NAME], width - 2);
		struct strbuf b = {0};
		sb_addf(&b, "\x02  %s", name);
		sv_push(sv, b.s);
		sb_free(&b);
		free(name);
	}
	for (int c = 0; c < SC_COUNT; c++)
		free(cut[c]);
}

/* The reports of period pc laid out for width into sv, by the unit they
 * go to, each group with its tallies; line[i]: the line of comp's row i. */
static void reports_lines(struct app *a, const struct completeness *comp, const struct unit_key_list *keys,
			  const char *pc, int width, struct strvec *sv, size_t *line)
{
	struct strbuf b = {0};
	const char *head[SC_COUNT] = {tr("Unit"), tr("Kind"), tr("State"), tr("Exported"), tr("Imported"),
				      tr("Key"), tr("Unit name")};
	struct sc_layout l;
	sc_layout(comp, keys, head, width, &l);
	if (comp->n == 0) {
		sb_addf(&b, tr("No reports are expected by %s for %s under plan %s's reporting regime.\n"),
			a->s.b.owner->code, pc, a->s.b.plan.code);
		add_chomped(sv, width, &b);
	}
	const struct unit_rec *to = NULL;
	for (size_t i = 0; i <= comp->n && comp->n; i++) {
		if (i == comp->n || comp->v[i].to != to) {
			if (to) {
				struct completeness_tally all, kind[UNIT_KIND_COUNT];
				completeness_tally(comp, to, &all, kind);
				tally_line(sv, width, tr("Total"), &all);
				for (int k = 0; k < UNIT_KIND_COUNT; k++)
					if (kind[k].expected && kind[k].expected != all.expected)
						tally_line(sv, width, unit_kind_label((enum unit_kind)k), &kind[k]);
			}
			if (i == comp->n)
				break;
			to = comp->v[i].to;
			char due[DAY_SHOWN_BUF];
			fmt_day(comp->v[i].due, due);
			if (i)
				sv_push(sv, "");
			sb_addf(&b, tr("Reports to %s for %s (rule %s, due %s)%s:\n"), to->code, pc,
				comp->v[i].rule->code, due, to == a->s.b.owner ? "" : tr(", as its consolidated report tells"));
			chomp(&b);
			struct strvec hl = {0};
			ui_wrap(b.s, width, &hl);
			for (size_t h = 0; h < hl.n; h++)
				ui_page_heading(sv, hl.v[h]);
			sv_free(&hl);
			sb_free(&b);
			sc_row(a, &l, head, width, true, sv);
		}
		char ex[24], im[24];
		const char *cells[SC_COUNT];
		status_cells(&comp->v[i], keys, ex, im, cells);
		line[i] = sv->n;
		sc_row(a, &l, cells, width, false, sv);
	}
}

void ui_reports(struct app *a)
{
	char pc[PERIOD_BUF];
	period_format(&a->period, pc);
	struct completeness comp = {0};
	struct err e;
	if (session_completeness(&a->s, pc, a->today, &comp, &e)) {
		ui_message(a, true, "%s", e.msg);
		completeness_free(&comp);
		return;
	}
	struct unit_key_list keys;
	if (keystore_list(a->s.db, false, &keys, &e))
		memset(&keys, 0, sizeof keys);
	char title[100];
	snprintf(title, sizeof title, tr("Reports for %s"), pc);
	size_t *line = xmalloc((comp.n + 1) * sizeof *line);
	size_t row = 0; /* the selected unit's row, kept through a resize */
	for (;;) {
		struct strvec sv = {0};
		/* made again for the new width after a resize */
		reports_lines(a, &comp, &keys, pc, a->cols - 8 > 20 ? a->cols - 8 : 20, &sv, line);
		size_t cur = comp.n ? line[row] : 0;
		bool resized;
		enum action act = ui_popup_table(a, title, &sv, PANE_REPORTS, &cur, &resized);
		sv_free(&sv);
		for (size_t i = 0; i < comp.n; i++)
			if (line[i] <= cur)
				row = i;
		if (ui_signal)
			break;
		if (act == ACT_WORKBOOK || act == ACT_DRAFT_REPORT || act == ACT_DRAFT_REMINDER)
			deliver(a, act, pc);
		else if (act != ACT_VIEW && !resized)
			break;
	}
	free(line);
	unit_key_list_free(&keys);
	completeness_free(&comp);
}

/* ---- conflicts ---- */

/* A conflict's side as the command line words it, wrapped under itself. */
static void side_lines(struct strvec *sv, int width, const struct strvec *lines)
{
	for (size_t i = 0; i < lines->n; i++)
		add_indented(sv, width, i ? 4 : 2, lines->v[i]);
}

static void conflict_view(struct app *a, const struct conflict_rec *k)
{
	struct strvec sv = {0};
	struct strbuf b = {0};
	int width = a->cols - 8;
	sb_addf(&b, "%s  %s  %s  %s", k->unit, k->is_value ? tr("indicator") : tr("task"), k->item, k->period);
	ui_page_heading(&sv, b.s);
	sb_free(&b);
	ui_page_add(&sv, width, tr("File"), k->file);
	char at[STAMP_SHOWN_BUF + 8] = "-";
	if (k->received_at)
		fmt_stamp(k->received_at, at, sizeof at);
	ui_page_add(&sv, width, tr("Imported at"), at);
	sv_push(&sv, "");
	struct strvec stored = {0}, incoming = {0};
	if (!k->is_value) {
		describe_entry_side(&stored, tr("stored"), &k->cur_entry);
		describe_entry_side(&incoming, tr("incoming"), &k->in_entry);
	} else {
		describe_value_side(&stored, tr("stored"), &k->cur_value);
		describe_value_side(&incoming, tr("incoming"), &k->in_value);
	}
	side_lines(&sv, width, &stored);
	if (!k->is_value)
		sv_push(&sv, "");
	side_lines(&sv, width, &incoming);
	sv_free(&stored);
	sv_free(&incoming);
	char take[16], keep[16];
	keymap_first_key(&a->km, ACT_TAKE, take, sizeof take);
	keymap_first_key(&a->km, ACT_KEEP, keep, sizeof keep);
	sv_push(&sv, "");
	sb_addf(&b, tr("In the list, %s takes the incoming row and %s keeps the stored one."), take, keep);
	add_chomped(&sv, width, &b);
	char title[100];
	snprintf(title, sizeof title, tr("Conflict %lld"), (long long)k->id);
	ui_pager(a, title, &sv);
	sv_free(&sv);
}

static void conflict_resolve(struct app *a, const struct conflict_rec *k, bool take)
{
	char q[400];
	struct err e;
	if (take)
		snprintf(q, sizeof q, tr("Take the incoming row of %s %s %s?"),
			 k->unit, k->item, k->period);
	else
		snprintf(q, sizeof q, tr("Keep the stored row of %s %s %s?"),
			 k->unit, k->item, k->period);
	if (!ui_confirm(a, q))
		return;
	if (session_resolve(&a->s, k->id, take, &e)) {
		ui_message(a, true, "%s", e.msg);
		return;
	}
	struct strbuf b = {0};
	sb_addf(&b, take ? tr("Conflict %lld resolved: the incoming row replaced the stored one.\n")
			 : tr("Conflict %lld resolved: the stored row stays.\n"),
		(long long)k->id);
	chomp(&b);
	ui_message(a, false, "%s", b.s);
	sb_free(&b);
	a->host->reload(a);
}

enum { CC_UNIT, CC_KIND, CC_ITEM, CC_PERIOD, CC_FILE, CC_COUNT };

void ui_conflicts(struct app *a)
{
	size_t cur = 0;
	for (;;) {
		struct conflict_list l = {0};
		struct err e;
		if (exchange_conflicts(a->s.db, &a->s.b.plan, NULL, false, &l, &e)) {
			ui_message(a, true, "%s", e.msg);
			conflict_list_free(&l);
			return;
		}
		struct strvec lines = {0};
		int width = a->cols - 8;
		if (l.n == 0) {
			struct strbuf b = {0};
			sb_add(&b, "\x01");
			sb_add(&b, tr("No open conflicts.\n"));
			chomp(&b);
			sv_push(&lines, b.s);
			sb_free(&b);
		} else {
			const char *head[CC_COUNT] = {tr("Unit"), tr("Kind"), tr("Code"), tr("Period"), tr("File")};
			int widths[CC_COUNT];
			for (int c = 0; c < CC_COUNT; c++)
				widths[c] = ui_width(head[c]);
			for (size_t i = 0; i < l.n; i++) {
				const char *cells[CC_COUNT] = {l.v[i].unit, l.v[i].is_value ? tr("indicator") : tr("task"),
							       l.v[i].item, l.v[i].period, base_name(l.v[i].file)};
				for (int c = 0; c < CC_COUNT; c++)
					if (ui_width(cells[c]) > widths[c])
						widths[c] = ui_width(cells[c]);
			}
			struct strvec hl = {0};
			ui_columns(&hl, width, head, widths, CC_COUNT, false);
			ui_page_heading(&lines, hl.v[0]);
			sv_free(&hl);
			for (size_t i = 0; i < l.n; i++) {
				const char *cells[CC_COUNT] = {l.v[i].unit, l.v[i].is_value ? tr("indicator") : tr("task"),
							       l.v[i].item, l.v[i].period, base_name(l.v[i].file)};
				ui_columns(&lines, width, cells, widths, CC_COUNT, false);
			}
		}
		char title[100];
		snprintf(title, sizeof title, tr("Open conflicts (%zu)"), l.n);
		enum action act = ui_popup_list(a, title, &lines, PANE_CONFLICTS, &cur);
		const struct conflict_rec *k = l.n && cur >= 1 && cur - 1 < l.n ? &l.v[cur - 1] : NULL;
		if (act == ACT_VIEW && k)
			conflict_view(a, k);
		else if ((act == ACT_TAKE || act == ACT_KEEP) && k)
			conflict_resolve(a, k, act == ACT_TAKE);
		sv_free(&lines);
		conflict_list_free(&l);
		if (act == ACT_NONE || ui_signal)
			break;
	}
}
