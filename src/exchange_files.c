/* SPDX-License-Identifier: MIT */
/* Around exchange files, shared by the command line and the interface: which files a
 * folder holds for import, where an exported report goes, and to whom it is sent. */
#include "exchange_files.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char *exchange_path_join(const char *dir, const char *name)
{
	struct strbuf b = {0};
	size_t n = strlen(dir);
	sb_addf(&b, "%s%s%s", dir, n && compat_is_sep(dir[n - 1]) ? "" : "/", name);
	return sb_take(&b);
}

static void add_csv_name(const char *name, void *arg)
{
	size_t n = strlen(name);
	if (name[0] == '.' || n < 5 ||
	    (strcasecmp(name + n - 4, ".csv") != 0 && (n < 6 || strcasecmp(name + n - 5, ".xlsx") != 0)))
		return; /* CSV files, and reports a clerk saved as a workbook */
	sv_push(arg, name);
}

void exchange_list_files(const char *arg, struct strvec *files)
{
	struct strvec skipped = {0};
	exchange_list_files_skipping(arg, files, &skipped);
	sv_free(&skipped);
}

void exchange_list_files_skipping(const char *arg, struct strvec *files, struct strvec *skipped)
{
	struct strvec names = {0};
	if (compat_path_kind(arg) != 1 || compat_dir_each(arg, add_csv_name, &names) != 0) {
		sv_push(files, arg); /* reading it will say why */
		return;
	}
	if (names.n)
		qsort(names.v, names.n, sizeof *names.v, cmp_str);
	for (size_t i = 0; i < names.n; i++) {
		char *p = exchange_path_join(arg, names.v[i]);
		/* A FIFO would hang the import, a device never end: those are
		 * skipped (a folder is kept: reading it says why). */
		sv_push(compat_path_special(p) ? skipped : files, p);
		free(p);
	}
	sv_free(&names);
}

char *exchange_export_dir(void)
{
	const char *env = compat_getenv("TIENDO_EXPORT_DIR");
	if (env && compat_path_absolute(env))
		return xstrdup(env);
	if (env && *env) {
		char *cwd = compat_getcwd();
		char *dir = cwd ? exchange_path_join(cwd, env) : NULL;
		free(cwd);
		return dir;
	}
	return compat_default_export_dir();
}

const struct unit_rec *exchange_recipient(const struct unit_set *units,
					  const struct rule_list *rules,
					  const struct unit_rec *sender, enum period_type type)
{
	/* A rule whose recipient is the sender itself (a department inside the
	 * group "departments and communes" that reports to it) says nothing. */
	for (size_t i = 0; i < rules->n; i++) {
		if (rules->v[i].period != type || !unit_list_covers(units, rules->v[i].reporters, sender))
			continue;
		const struct unit_rec *to = unit_set_find(units, rules->v[i].to);
		if (to && to != sender)
			return to;
	}
	return NULL;
}
