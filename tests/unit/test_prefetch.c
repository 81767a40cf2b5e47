/* SPDX-License-Identifier: MIT */
/* Unit tests: the files of an import read ahead in a second thread
 * (exchange_prefetch.c) come back in order, each read once, whatever they
 * hold (a report, bytes that are no report, an empty file, a missing one);
 * a stop part way drops the rest without waiting for them; and importing
 * what was read ahead gives the verdicts and rows of a file-by-file import. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "check_db.h"
#include "check_exchange.h"
#include "exchange.h"
#include "exchange_prefetch.h"
#include "msg.h"
#include "planfile.h"
#include "store.h"

static char dir[200];

static void put_file(const char *name, const char *text, size_t n, char *path, size_t size)
{
	snprintf(path, size, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (f) {
		fwrite(text, 1, n, f);
		fclose(f);
	}
}

static void put_report(const char *name, const char *unit, const char *task, char *path,
		       size_t size)
{
	struct report r;
	struct strbuf b = {0};
	report_one(&r, unit, unit, task);
	report_write(&r, false, &b);
	put_file(name, b.s, b.len, path, size);
	sb_free(&b);
	report_free(&r);
}

/* The verdicts handed over, in order, as one string: R report, X refused... */
struct seen {
	char outcomes[64];
	size_t n;
};

static void on_done(void *arg, const char *path, const struct import_result *r)
{
	struct seen *s = arg;
	(void)path;
	if (s->n + 1 < sizeof s->outcomes)
		s->outcomes[s->n++] = r->outcome == IMPORT_REPORT    ? 'R'
				      : r->outcome == IMPORT_REFUSED  ? 'X'
				      : r->outcome == IMPORT_DUPLICATE ? 'D'
								       : '?';
	s->outcomes[s->n] = '\0';
}

int main(void)
{
	msg_set_lang(LANG_EN);
	snprintf(dir, sizeof dir, "/tmp/tiendo-prefetch.XXXXXX");
	CHECK(mkdtemp(dir) != NULL, "scratch folder");
	char p[7][300];
	put_report("a.csv", "XA1", "T1", p[0], sizeof p[0]);
	put_file("junk.csv", "hello,world\n", 12, p[1], sizeof p[1]);
	put_file("empty.csv", "", 0, p[2], sizeof p[2]);
	snprintf(p[3], sizeof p[3], "%s/missing.csv", dir);
	put_report("b.csv", "XA2", "T1", p[4], sizeof p[4]);
	put_report("c.csv", "XA1", "T2", p[5], sizeof p[5]);
	put_file("cut.csv", "format,tiendo-report,1\n\xE1\xBB", 25, p[6], sizeof p[6]);
	struct strvec files = {0};
	for (int i = 0; i < 7; i++)
		sv_push(&files, p[i]);
	sv_push(&files, p[0]); /* the same file twice: read twice */

	/* In order, each once, whatever it holds. */
	struct prefetch *pf = prefetch_start(&files);
	bool order = true;
	for (size_t i = 0; i < files.n; i++) {
		struct exchange_parsed *x = prefetch_take(pf, i);
		order &= x && strcmp(exchange_parsed_path(x), files.v[i]) == 0;
		exchange_parsed_free(x);
	}
	prefetch_stop(pf);
	CHECK(order, "every file comes back once, in the order given");

	/* A pipe is not read ahead (opening it would wait for a writer, and a
	 * signal could not stop the read): it is left to the import itself. */
	char fifo[300];
	snprintf(fifo, sizeof fifo, "%s/pipe.csv", dir);
	CHECK(mkfifo(fifo, 0600) == 0, "a named pipe");
	struct strvec with_pipe = {0};
	sv_push(&with_pipe, p[0]);
	sv_push(&with_pipe, fifo);
	sv_push(&with_pipe, p[4]);
	alarm(20); /* a reader stuck on the pipe fails the test, not the suite */
	pf = prefetch_start(&with_pipe);
	order = true;
	for (size_t i = 0; i < with_pipe.n; i++) {
		struct exchange_parsed *y = prefetch_take(pf, i);
		order &= y && strcmp(exchange_parsed_path(y), with_pipe.v[i]) == 0;
		exchange_parsed_free(y);
	}
	prefetch_stop(pf);
	alarm(0);
	CHECK(order, "a named pipe among the files: the files after it are read all the same");
	sv_free(&with_pipe);

	/* A stop after the first file: the others are dropped, nothing waits. */
	pf = prefetch_start(&files);
	struct exchange_parsed *x = prefetch_take(pf, 0);
	CHECK(x && strcmp(exchange_parsed_path(x), p[0]) == 0, "the first file, then a stop");
	exchange_parsed_free(x);
	prefetch_stop(pf);
	pf = prefetch_start(&files);
	prefetch_stop(pf);

	/* Read ahead or file by file: the same verdicts and rows. */
	struct db a, b;
	open_test_plan_db(&a, dir, "a.db", "SKHCN");
	open_test_plan_db(&b, dir, "b.db", "SKHCN");
	struct seen sa = {{0}, 0}, sb = {{0}, 0};
	struct import_batch ba, bb;
	import_batch_init(&ba, &a, false, on_done, &sa);
	import_batch_init(&bb, &b, false, on_done, &sb);
	pf = prefetch_start(&files);
	for (size_t i = 0; i < files.n; i++) {
		x = prefetch_take(pf, i);
		import_batch_parsed(&ba, x);
		exchange_parsed_free(x);
		import_batch_file(&bb, files.v[i]);
	}
	prefetch_stop(pf);
	CHECK(import_batch_finish(&ba) == 0 && import_batch_finish(&bb) == 0, "both batches end");
	CHECK_STR(sa.outcomes, "RXXXRRXD", "the verdicts, read ahead");
	CHECK_STR(sb.outcomes, sa.outcomes, "the same verdicts file by file");
	CHECK_INT(q_int(&a, "SELECT count(*) FROM progress"), 3, "three entries, read ahead");
	CHECK_INT(q_int(&b, "SELECT count(*) FROM progress"), 3, "three entries, file by file");
	db_close(&a);
	db_close(&b);
	sv_free(&files);
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0, "scratch folder removed");
	return check_failed ? 1 : 0;
}
