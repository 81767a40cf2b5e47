/* SPDX-License-Identifier: MIT */
/* Importing many exchange files: reading each with a bounded size, writing
 * them in batches, and handing each file's verdict over only once it is true.
 *
 * The promise (docs/exchange.md, tiendo(1)): every file is whole in the
 * database or absent, and a verdict the user saw ("imported") stays true
 * whatever happens next, a kill included. So files are written into one
 * transaction committed about once a second, with no savepoint per file
 * (each file is checked whole before anything of it is written), and their
 * verdicts wait for the commit. When a write fails, SQLite may already have
 * rolled the whole transaction back by itself (full disk, I/O error); the
 * batch checks that with sqlite3_get_autocommit and then gives the
 * transaction's files up as lost, by name. A write that fails with the
 * transaction still open (a constraint) refuses that file: the transaction
 * is rolled back and its other files written again. */
#include "exchange.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "db_internal.h"
#include "exchange_internal.h"
#include "msg.h"

static char *refuse_read(struct import_result *r)
{
	r->outcome = IMPORT_REFUSED;
	return NULL;
}

char *exchange_read_file(const char *path, size_t *n, struct import_result *r)
{
	const size_t limit = EXCHANGE_MAX_FILE;
	memset(r, 0, sizeof *r);
	r->enc = ENC_UTF8;
	FILE *f = compat_fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0) {
		exchange_problem(r, path, 0, tr("cannot read: %s"), tr_errno(errno));
		if (f)
			fclose(f);
		return refuse_read(r);
	}
	if (S_ISREG(st.st_mode) && (unsigned long long)st.st_size > limit) {
		exchange_problem(r, path, 0, tr("the file is too large (%zu bytes; at most %u MiB)"),
				 (size_t)st.st_size, EXCHANGE_MAX_FILE >> 20);
		fclose(f);
		return refuse_read(r);
	}
	/* Never more than limit + 1 bytes, whatever the file says its size is. */
	size_t cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 65536, len = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap > limit)
				break;
			cap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
			buf = xrealloc(buf, cap + 1);
		}
		/* a signal (EINTR) stops a read from a pipe: refused, not waited on */
		size_t k = fread(buf + len, 1, cap - len, f);
		len += k;
		if (k == 0)
			break;
	}
	if (ferror(f)) {
		exchange_problem(r, path, 0, tr("cannot read: %s"), tr_errno(errno));
		free(buf);
		fclose(f);
		return refuse_read(r);
	}
	fclose(f);
	if (len > limit) {
		exchange_problem(r, path, 0, tr("the file is too large (more than %u MiB)"),
				 EXCHANGE_MAX_FILE >> 20);
		free(buf);
		return refuse_read(r);
	}
	buf[len] = '\0';
	*n = len;
	return buf;
}

int exchange_import_file(struct db *db, const char *path, unsigned flags, struct import_result *r)
{
	size_t n;
	char *buf = exchange_read_file(path, &n, r);
	if (!buf)
		return -1;
	int rc = exchange_import(db, path, buf, n, flags, r);
	free(buf);
	return rc;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* How long a transaction gathers files before its commit: a second, or
 * TIENDO_IMPORT_BATCH_SECONDS (a measurement under valgrind, tens of times
 * slower, then commits as often as a real run). */
static double batch_seconds(void)
{
	const char *s = getenv("TIENDO_IMPORT_BATCH_SECONDS");
	char *end;
	double v = s && *s ? strtod(s, &end) : 1.0;
	return s && *s && !*end && v > 0 && v <= 3600 ? v : 1.0;
}

void import_batch_init(struct import_batch *b, struct db *db, bool dry_run, import_done_fn *done,
		       void *arg)
{
	memset(b, 0, sizeof *b);
	b->db = db;
	b->dry_run = dry_run;
	b->done = done;
	b->arg = arg;
	b->seconds = batch_seconds();
	b->version = -1;
}

static void hand_over(struct import_batch *b, const char *path, struct import_result *r)
{
	if (b->done)
		b->done(b->arg, path, r);
	import_result_free(r);
}

/* Hand over every pending verdict, in the order the files came. */
static void hand_over_pending(struct import_batch *b)
{
	for (size_t i = 0; i < b->pending; i++) {
		hand_over(b, b->v[i].path, &b->v[i].r);
		free(b->v[i].path);
	}
	b->pending = 0;
}

/* The open transaction is gone: its files were not saved. */
static int lose_pending(struct import_batch *b, const char *why)
{
	db_abort(b->db);
	b->open = false;
	b->broken = true;
	plan_bundle_free(&b->cache);
	for (size_t i = 0; i < b->pending; i++) {
		struct import_result *r = &b->v[i].r;
		if (r->outcome == IMPORT_REFUSED)
			continue; /* nothing of it was to be written */
		sv_free(&r->problems);
		r->outcome = IMPORT_LOST;
		exchange_problem(r, b->v[i].path, 0, "%s", why);
	}
	hand_over_pending(b);
	return -1;
}

/* Read path (or take what was read of it ahead, p) and write it into the
 * open transaction. */
static int write_one(struct import_batch *b, const char *path, struct exchange_parsed *p,
		     struct import_result *r)
{
	if (p) {
		int rc = exchange_import_parsed(b->db, &b->cache, p, r);
		if (rc != IMPORT_NOT_PARSED)
			return rc;
	}
	size_t n;
	char *buf = exchange_read_file(path, &n, r);
	if (!buf)
		return -1;
	return exchange_import_in_batch(b->db, &b->cache, path, buf, n,
					b->add_plan ? IMPORT_ADD_PLAN : 0u, r); /* frees buf */
}

static int begin(struct import_batch *b, struct err *e)
{
	if (db_begin(b->db, e))
		return -1;
	b->open = true;
	b->since = now_seconds();
	/* the version alone: the plan cache outlives our own commits, and no
	 * one else's */
	long long v = db_stamp(b->db).version;
	if (v < 0 || v != b->version)
		plan_bundle_free(&b->cache); /* another process may have changed the plan */
	b->version = v;
	return 0;
}


/* A write of the file bad failed with the transaction still open: roll
 * back and write the pending files again without it (their verdicts are
 * those of the second writing). */
static int write_again(struct import_batch *b)
{
	struct err e;
	db_abort(b->db);
	b->open = false;
	plan_bundle_free(&b->cache);
	if (begin(b, &e))
		return lose_pending(b, e.msg);
	for (size_t i = 0; i < b->pending; i++) {
		struct import_result *r = &b->v[i].r;
		if (r->outcome == IMPORT_REFUSED)
			continue;
		struct import_result again;
		int rc = write_one(b, b->v[i].path, NULL, &again);
		const char *why = again.problems.n ? again.problems.v[again.problems.n - 1] : "?";
		if (rc == IMPORT_WRITE_FAILED) {
			char *msg = xstrdup(why);
			import_result_free(&again);
			rc = lose_pending(b, msg);
			free(msg);
			return rc;
		}
		import_result_free(r);
		*r = again;
	}
	return 0;
}

static void add_pending(struct import_batch *b, const char *path, struct import_result *r)
{
	xgrow((void **)&b->v, &b->cap, b->pending + 1, sizeof *b->v);
	b->v[b->pending].path = xstrdup(path);
	b->v[b->pending++].r = *r;
}

static int commit(struct import_batch *b)
{
	struct err e;
	if (!b->open)
		return 0;
	b->open = false;
	if (db_commit(b->db, &e))
		return lose_pending(b, e.msg);
	/* the cache stays: begin() sees whether another process wrote since */
	hand_over_pending(b);
	return 0;
}

static int batch_file(struct import_batch *b, const char *path, struct exchange_parsed *p)
{
	struct import_result r;
	struct err e;
	if (b->broken)
		return -1;
	if (b->dry_run) {
		size_t n;
		char *buf = exchange_read_file(path, &n, &r);
		if (buf)
			exchange_import_cached(b->db, &b->cache, path, buf, n, true, &r);
		free(buf);
		hand_over(b, path, &r);
		return 0;
	}
	if (!b->open && begin(b, &e)) {
		memset(&r, 0, sizeof r);
		exchange_problem(&r, path, 0, "%s", e.msg);
		r.outcome = IMPORT_REFUSED;
		hand_over(b, path, &r);
		return 0;
	}
	int rc = write_one(b, path, p, &r);
	if (rc == IMPORT_WRITE_FAILED) {
		bool gone = sqlite3_get_autocommit(b->db->h);
		if (gone || write_again(b)) {
			/* SQLite rolled the transaction back: this file is lost with the others. */
			char *why = xstrdup(r.problems.n ? r.problems.v[r.problems.n - 1] : "?");
			r.outcome = IMPORT_LOST;
			add_pending(b, path, &r);
			if (gone)
				lose_pending(b, why);
			else
				hand_over_pending(b);
			free(why);
			return -1;
		}
	}
	add_pending(b, path, &r);
	if (now_seconds() - b->since >= b->seconds)
		return commit(b);
	return 0;
}

int import_batch_file(struct import_batch *b, const char *path)
{
	return batch_file(b, path, NULL);
}

int import_batch_parsed(struct import_batch *b, struct exchange_parsed *p)
{
	return batch_file(b, exchange_parsed_path(p), b->dry_run ? NULL : p);
}

int import_batch_finish(struct import_batch *b)
{
	int rc = b->broken ? -1 : commit(b);
	db_abort(b->db); /* nothing open after a loss */
	plan_bundle_free(&b->cache);
	free(b->v);
	b->v = NULL;
	b->cap = 0;
	return rc;
}
