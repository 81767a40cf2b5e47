/* SPDX-License-Identifier: MIT */
/* Reading files ahead of their import (issue 15): while the first thread
 * writes one report into the database, a second one reads, decodes and
 * parses the next ones (exchange_parse_file, which touches no database), at
 * most PREFETCH_AHEAD of them held at a time. On a machine of two cores the
 * two halves of an import overlap; on one core nothing is lost but a thread.
 * The verdicts, their order and what is written are those of a file-by-file
 * import: only the reading moved.
 *
 * Without POSIX threads (the Windows build) or when a thread cannot be
 * started, each file is read when it is taken, as before. */
#include "exchange_prefetch.h"

#include <stdbool.h>
#include <stdlib.h>

#include "msg.h"
#include "util.h"

#if !defined(_WIN32)
#define PREFETCH_THREADS 1
#include <pthread.h>
#include <signal.h>
#endif

enum { PREFETCH_AHEAD = 2 };

struct prefetch {
	const struct strvec *files;
	struct exchange_parsed *slot[PREFETCH_AHEAD]; /* file i in slot i % AHEAD */
	size_t made;                                  /* files read so far */
	size_t taken;                                 /* files handed to the writer */
	bool stop;
	bool threaded;
#ifdef PREFETCH_THREADS
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv; /* a slot filled, a slot freed, or stop */
#endif
};

#ifdef PREFETCH_THREADS
static void *reader(void *arg)
{
	struct prefetch *pf = arg;
	for (size_t i = 0; i < pf->files->n; i++) {
		pthread_mutex_lock(&pf->mu);
		while (!pf->stop && i - pf->taken >= PREFETCH_AHEAD)
			pthread_cond_wait(&pf->cv, &pf->mu);
		bool stop = pf->stop;
		pthread_mutex_unlock(&pf->mu);
		if (stop)
			break;
		struct exchange_parsed *p = exchange_parse_file(pf->files->v[i]);
		pthread_mutex_lock(&pf->mu);
		pf->slot[i % PREFETCH_AHEAD] = p;
		pf->made = i + 1;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
	}
	return NULL;
}
#endif

struct prefetch *prefetch_start(const struct strvec *files)
{
	struct prefetch *pf = xcalloc(1, sizeof *pf);
	pf->files = files;
#ifdef PREFETCH_THREADS
	/* The message catalog's index is built on first use: built here, before
	 * a second thread can ask for it. */
	(void)tr("");
	if (files->n > 1 && pthread_mutex_init(&pf->mu, NULL) == 0) {
		if (pthread_cond_init(&pf->cv, NULL) == 0) {
			/* The reader takes no signal (it inherits this mask): Ctrl-C,
			 * a hang-up or a resize reach the first thread, as before. */
			sigset_t block, old;
			sigfillset(&block);
			const int sync[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGSYS};
			for (size_t k = 0; k < sizeof sync / sizeof sync[0]; k++)
				sigdelset(&block, sync[k]);
			pthread_sigmask(SIG_BLOCK, &block, &old);
			pf->threaded = pthread_create(&pf->th, NULL, reader, pf) == 0;
			pthread_sigmask(SIG_SETMASK, &old, NULL);
			if (!pf->threaded)
				pthread_cond_destroy(&pf->cv);
		}
		if (!pf->threaded)
			pthread_mutex_destroy(&pf->mu);
	}
#endif
	return pf;
}

struct exchange_parsed *prefetch_take(struct prefetch *pf, size_t i)
{
	if (!pf->threaded)
		return exchange_parse_file(pf->files->v[i]);
	struct exchange_parsed *p = NULL;
#ifdef PREFETCH_THREADS
	pthread_mutex_lock(&pf->mu);
	while (pf->made <= i)
		pthread_cond_wait(&pf->cv, &pf->mu);
	p = pf->slot[i % PREFETCH_AHEAD];
	pf->slot[i % PREFETCH_AHEAD] = NULL;
	pf->taken = i + 1;
	pthread_cond_broadcast(&pf->cv);
	pthread_mutex_unlock(&pf->mu);
#endif
	return p;
}

void prefetch_stop(struct prefetch *pf)
{
	if (!pf)
		return;
#ifdef PREFETCH_THREADS
	if (pf->threaded) {
		pthread_mutex_lock(&pf->mu);
		pf->stop = true;
		pthread_cond_broadcast(&pf->cv);
		pthread_mutex_unlock(&pf->mu);
		pthread_join(pf->th, NULL);
		pthread_cond_destroy(&pf->cv);
		pthread_mutex_destroy(&pf->mu);
	}
#endif
	for (size_t i = 0; i < PREFETCH_AHEAD; i++)
		exchange_parsed_free(pf->slot[i]);
	free(pf);
}
