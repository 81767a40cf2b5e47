/* SPDX-License-Identifier: MIT */
/* Unit tests: the files a folder offers for import, and the folder exports go to. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "exchange_files.h"

static void touch(const char *dir, const char *name)
{
	char *p = exchange_path_join(dir, name);
	FILE *f = fopen(p, "w");
	if (f)
		fclose(f);
	free(p);
}

int main(void)
{
	char dir[200];
	CHECK(check_tmpdir(dir, sizeof dir), "scratch folder");
	char *j = exchange_path_join("/a/b/", "c.csv");
	CHECK_STR(j, "/a/b/c.csv", "join: no doubled slash");
	free(j);
	j = exchange_path_join("/a/b", "c.csv");
	CHECK_STR(j, "/a/b/c.csv", "join: one slash added");
	free(j);

	touch(dir, "b.csv");
	touch(dir, "a.CSV");
	touch(dir, ".hidden.csv");
	touch(dir, "notes.txt");
	touch(dir, ".csv");
	char *sub = exchange_path_join(dir, "sub.csv");
	mkdir(sub, 0700); /* a folder named like a file is listed: reading it says why */
	struct strvec files = {0};
	exchange_list_files(dir, &files);
	CHECK_INT(files.n, 3, "a folder gives its .csv files, hidden ones skipped");
	if (files.n == 3) {
		char *want = exchange_path_join(dir, "a.CSV");
		CHECK_STR(files.v[0], want, "any case of .csv, sorted by name");
		free(want);
		want = exchange_path_join(dir, "b.csv");
		CHECK_STR(files.v[1], want, "second file");
		free(want);
	}
	sv_free(&files);
	/* A FIFO named *.csv would hang the import: skipped, and named. */
	char *fifo = exchange_path_join(dir, "c.csv");
	CHECK(mkfifo(fifo, 0600) == 0, "a FIFO made");
	struct strvec skipped = {0};
	exchange_list_files_skipping(dir, &files, &skipped);
	CHECK_INT(files.n, 3, "the FIFO is not among the files");
	CHECK_INT(skipped.n, 1, "the FIFO is skipped");
	if (skipped.n == 1)
		CHECK_STR(skipped.v[0], fifo, "... and named");
	unlink(fifo);
	free(fifo);
	sv_free(&files);
	sv_free(&skipped);
	exchange_list_files("/nowhere/x.csv", &files);
	CHECK(files.n == 1 && strcmp(files.v[0], "/nowhere/x.csv") == 0, "a missing path is listed as given");
	sv_free(&files);

	setenv("TIENDO_EXPORT_DIR", "/srv/outbox", 1);
	char *d = exchange_export_dir();
	CHECK_STR(d, "/srv/outbox", "$TIENDO_EXPORT_DIR as given when absolute");
	free(d);
	CHECK(chdir(dir) == 0, "into the scratch folder");
	char cwd[4096];
	CHECK(getcwd(cwd, sizeof cwd) != NULL, "current folder known");
	setenv("TIENDO_EXPORT_DIR", "out", 1);
	d = exchange_export_dir();
	char *want = exchange_path_join(cwd, "out");
	CHECK_STR(d, want, "a relative $TIENDO_EXPORT_DIR is made absolute");
	free(want);
	free(d);
	unsetenv("TIENDO_EXPORT_DIR");
	d = exchange_export_dir();
	CHECK_STR(d, cwd, "else the current folder");
	free(d);

	rmdir(sub);
	free(sub);
	const char *names[] = {"b.csv", "a.CSV", ".hidden.csv", "notes.txt", ".csv"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char *p = exchange_path_join(dir, names[i]);
		unlink(p);
		free(p);
	}
	CHECK(chdir("/") == 0 && rmdir(dir) == 0, "scratch folder removed");
	return check_done();
}
