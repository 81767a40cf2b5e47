/* SPDX-License-Identifier: MIT */
/* The units in the interface: the list `tiendo units` prints, and adding, renaming and
 * retiring a unit (each change travels with the next plan package). */
#include <stdlib.h>
#include <string.h>

#include "keystore.h"
#include "msg.h"
#include "describe.h"
#include "store.h"
#include "text.h"
#include "ui.h"

enum { UC_CODE, UC_KIND, UC_PARENT, UC_KEY, UC_NAME, UC_COUNT };

/* A row's cells; the name (with "retired") is built in name. */
static void unit_cells(const struct session_unit_row *r, struct strbuf *name,
		       const char *cells[UC_COUNT])
{
	const struct unit_rec *u = r->unit;
	sb_addf(name, "%s%s", u->name, u->retired ? tr(" (retired)") : "");
	cells[UC_CODE] = u->code;
	cells[UC_KIND] = unit_kind_label(u->kind);
	cells[UC_PARENT] = r->parent ? r->parent->code : "";
	/* the state of the key it signs its files with (new, trusted, changed), or "-" */
	cells[UC_KEY] = describe_key_state(r->key);
	cells[UC_NAME] = name->s;
}

/* The name typed for a unit, checked as the command line checks --name; NULL when refused. */
static char *ask_name(struct app *a, const char *label, const char *initial)
{
	char *raw = ui_prompt(a, label, initial);
	if (!raw)
		return NULL;
	const char *why = NULL;
	char *name = text_clean(raw, 0, &why);
	free(raw);
	if (!name) {
		ui_message(a, true, "%s", tr(why));
		return NULL;
	}
	if (!*name) {
		ui_message(a, true, "%s", tr("The name must not be empty."));
		free(name);
		return NULL;
	}
	return name;
}

/* Add a unit; sel (may be NULL) suggests its kind and parent: a sibling of
 * the selected unit. Returns the new code, or NULL. */
static char *unit_add(struct app *a, const struct unit_rec *sel)
{
	char *code = ui_prompt_plain(a, tr("Code of the new unit:"), "");
	char *name = NULL, *members = NULL, *result = NULL;
	struct err e;
	if (!code || !*code)
		goto out;
	if (!code_valid(code)) {
		ui_message(a, true, tr("'%s' is not a valid unit code (ASCII letters, digits, - _ ., at most 32)"),
			   code);
		goto out;
	}
	if (unit_set_find(&a->s.b.units, code)) { /* said before the rest is asked */
		ui_message(a, true, tr("unit '%s' already exists"), code);
		goto out;
	}
	char label[200];
	snprintf(label, sizeof label, tr("Name of %s:"), code);
	if (!(name = ask_name(a, label, "")))
		goto out;
	const char *kinds[UNIT_KIND_COUNT];
	for (int k = 0; k < UNIT_KIND_COUNT; k++)
		kinds[k] = unit_kind_label((enum unit_kind)k);
	snprintf(label, sizeof label, tr("Kind of %s"), code);
	int kind = ui_choose(a, label, kinds, UNIT_KIND_COUNT, sel ? (size_t)sel->kind : UNIT_COMMUNE);
	if (kind < 0)
		goto out;
	if (kind == UNIT_GROUP) {
		snprintf(label, sizeof label, tr("Members of %s (unit kinds and unit codes):"), code);
		members = ui_prompt_plain(a, label, "");
		if (!members || !*members)
			goto out;
	}
	/* the parent: none, or a unit that is not a group, in the tree's order */
	size_t *order = unit_set_tree_order(&a->s.b.units);
	const struct unit_rec *pu = NULL;
	int64_t want = sel ? (sel->parent_id ? sel->parent_id : sel->id) : 0;
	snprintf(label, sizeof label, tr("Parent of %s"), code);
	bool chosen = ui_choose_unit(a, label, tr("(none: a top unit)"), order, want, &pu);
	free(order);
	struct session_unit su = {code, name, (enum unit_kind)kind, pu ? pu->code : NULL, members};
	if (chosen && session_unit_add(&a->s, &su, &e) == 0) {
		ui_message(a, false, tr("Unit %s added; the next plan package (export-plan) carries it."), code);
		result = xstrdup(code);
	} else if (chosen) {
		ui_message(a, true, "%s", e.msg);
	}
out:
	free(members);
	free(name);
	free(code);
	return result;
}

static bool unit_rename(struct app *a, const struct unit_rec *u)
{
	char label[200];
	struct err e;
	snprintf(label, sizeof label, tr("New name of %s:"), u->code);
	char *name = ask_name(a, label, u->name);
	if (!name)
		return false;
	bool ok = false;
	if (session_unit_rename(&a->s, u->code, name, &ok, &e)) {
		ui_message(a, true, "%s", e.msg);
		ok = false;
	} else if (!ok) {
		ui_message(a, false, tr("%s: nothing changed."), u->code);
	} else {
		ui_message(a, false, tr("Unit %s renamed; the next plan package (export-plan) carries the new name."),
			   u->code);
	}
	free(name);
	return ok;
}

static bool unit_retire(struct app *a, const struct unit_rec *u)
{
	char q[400];
	struct err e;
	bool retired;
	if (u->retired) { /* said before asking to confirm */
		ui_message(a, true, tr("%s is already retired."), u->code);
		return false;
	}
	snprintf(q, sizeof q, tr("Retire %s? It keeps its history and no longer reports."), u->code);
	if (!ui_confirm(a, q))
		return false;
	if (session_unit_retire(&a->s, u->code, &retired, &e)) {
		ui_message(a, true, "%s", e.msg);
		return false;
	}
	ui_message(a, false, tr("Unit %s retired; the next plan package (export-plan) carries it."), u->code);
	return true;
}

void ui_units(struct app *a)
{
	size_t cur = 1;
	char *select = a->unit ? xstrdup(a->unit->code) : NULL;
	for (;;) {
		struct strvec lines = {0};
		int width = a->cols - 8;
		const char *head[UC_COUNT] = {tr("Code"), tr("Kind"), tr("Parent"), tr("Key"), tr("Name")};
		struct session_unit_list ul;
		struct err ke;
		if (session_units_list(&a->s, true, &ul, &ke)) {
			ui_message(a, true, "%s", ke.msg);
			break;
		}
		int widths[UC_COUNT];
		for (int c = 0; c < UC_COUNT; c++)
			widths[c] = ui_width(head[c]);
		for (size_t k = 0; k < ul.n; k++) {
			struct strbuf nb = {0};
			const char *cells[UC_COUNT];
			unit_cells(&ul.v[k], &nb, cells);
			for (int c = 0; c < UC_COUNT; c++)
				if (ui_width(cells[c]) > widths[c])
					widths[c] = ui_width(cells[c]);
			sb_free(&nb);
		}
		struct strvec hl = {0};
		ui_columns(&hl, width, head, widths, UC_COUNT, false);
		ui_page_heading(&lines, hl.v[0]);
		sv_free(&hl);
		for (size_t k = 0; k < ul.n; k++) {
			struct strbuf nb = {0};
			const char *cells[UC_COUNT];
			unit_cells(&ul.v[k], &nb, cells);
			ui_columns(&lines, width, cells, widths, UC_COUNT, false);
			sb_free(&nb);
			if (select && strcmp(select, ul.v[k].unit->code) == 0)
				cur = k + 1;
		}
		free(select);
		select = NULL;
		char title[100];
		snprintf(title, sizeof title, tr("Units (%zu)"), ul.n);
		enum action act = ui_popup_list(a, title, &lines, PANE_UNITS, &cur);
		sv_free(&lines);
		const struct unit_rec *u = cur >= 1 && cur - 1 < ul.n ? ul.v[cur - 1].unit : NULL;
		session_unit_list_free(&ul);
		bool changed = false;
		if (act == ACT_UNIT_ADD) {
			select = unit_add(a, u);
			changed = select != NULL;
		} else if (act == ACT_UNIT_RENAME && u) {
			select = xstrdup(u->code);
			changed = unit_rename(a, u);
		} else if (act == ACT_UNIT_RETIRE && u) {
			select = xstrdup(u->code);
			changed = unit_retire(a, u);
		}
		if (changed)
			a->host->reload(a); /* the unit list, and whatever shows a unit's name */
		if (act == ACT_NONE || ui_signal)
			break;
	}
	free(select);
}
