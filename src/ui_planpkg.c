/* SPDX-License-Identifier: MIT */
/* A newer plan package opened from the interface (key P, "Plan" in the
 * help): the clerk chooses the file, sees what it would change (a dry run of
 * the import `tiendo import --dry-run` does), and applies it only then. */
#include <stdlib.h>
#include <string.h>

#include "describe.h"
#include "msg.h"
#include "session.h"
#include "ui.h"

struct outcome {
	struct strvec lines;
	int width;
	bool dry;
	enum import_outcome last;
};

static void collect(void *arg, const char *path, const struct import_result *r)
{
	struct outcome *o = arg;
	struct strbuf b = {0};
	const char *slash = strrchr(path, '/');
	describe_import(&b, slash ? slash + 1 : path, r, o->dry);
	describe_import_signer(&b, slash ? slash + 1 : path, r, o->dry);
	for (size_t i = 0; r->outcome == IMPORT_REFUSED && i < r->problems.n; i++)
		sb_addf(&b, "%s\n", r->problems.v[i]);
	char *line = b.s, *nl;
	while (line && *line) {
		nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		ui_page_add(&o->lines, o->width, NULL, line);
		line = nl ? nl + 1 : NULL;
	}
	sb_free(&b);
	o->last = r->outcome;
}

/* Choose the package: those found in the usual folders, or a typed path. */
static char *choose_package(struct app *a)
{
	struct strvec found = {0};
	ui_find_plans(&found);
	const char **items = xmalloc((found.n + 1) * sizeof *items);
	for (size_t i = 0; i < found.n; i++)
		items[i] = found.v[i];
	items[found.n] = tr("Another file: type its path...");
	int r = ui_choose(a, tr("Open a newer plan package"), items, found.n + 1, 0);
	char *path = NULL;
	if (r >= 0 && (size_t)r < found.n)
		path = xstrdup(found.v[r]);
	else if (r >= 0)
		path = ui_prompt(a, tr("Plan package:"), "");
	free(items);
	sv_free(&found);
	if (path && !*path) {
		free(path);
		path = NULL;
	}
	return path;
}

void ui_plan_update(struct app *a)
{
	char *path = choose_package(a);
	if (!path)
		return;
	struct strvec files = {0};
	sv_push(&files, path);
	struct outcome o = {.width = a->cols - 8, .dry = true, .last = IMPORT_REFUSED};
	struct session_import_hooks h = {.after = collect, .arg = &o};
	struct session_import r;
	session_import(&a->s, &files, true, false, &h, &r);
	bool newer = o.last == IMPORT_PLAN_UPDATED;
	if (!newer) {
		ui_note(a, tr("The plan package changes nothing"), &o.lines);
		ui_message(a, o.last == IMPORT_REFUSED, "%s", tr("Plan not changed."));
	} else {
		ui_note(a, tr("What the plan package changes (nothing applied yet)"), &o.lines);
		if (ui_confirm(a, tr("Apply the new plan version?"))) {
			sv_free(&o.lines);
			o.dry = false;
			session_import(&a->s, &files, false, false, &h, &r);
			a->host->reload(a);
			if (o.last == IMPORT_PLAN_UPDATED && o.lines.n)
				ui_message(a, false, "%s", o.lines.v[0]);
			else
				ui_message(a, true, "%s", o.lines.n ? o.lines.v[0] : tr("Plan not changed."));
		} else {
			ui_message(a, false, "%s", tr("Plan not changed."));
		}
	}
	sv_free(&o.lines);
	sv_free(&files);
	free(path);
}
