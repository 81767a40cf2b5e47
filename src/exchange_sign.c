/* SPDX-License-Identifier: MIT */
/* Reading the signature of a file being imported (signfile.c): on its own
 * for a plan package, in the same pass as its rows for a report. */
#include "exchange_internal.h"

#include "exchange_keys.h"
#include "msg.h"
#include "report.h"

/* No signature when this computer requires one: the problem goes to r. */
static bool unsigned_refused(const char *name, struct signfile *sf, struct import_result *r)
{
	if (sf->is_signed || !exchange_signatures_required())
		return false;
	exchange_problem(r, name, 0, "%s",
		    tr("the file is not signed (no signature row) and this computer requires signed files (setting require-signatures); ask the sender to export it again with a current tiendo"));
	signfile_free(sf);
	return true;
}

/* No signature at all refuses the file when signatures are required. (One
 * that does not match refuses it once the file's own checks, which say
 * more precisely what happened, have passed: see exchange_bad_signature.) */
int exchange_read_signature(const char *name, const char *text, size_t len, struct signfile *sf,
			    struct import_result *r)
{
	struct err e;
	if (signfile_read(text, len, name, sf, &e)) {
		sv_push(&r->problems, e.msg);
		return -1;
	}
	return unsigned_refused(name, sf, r) ? -1 : 0;
}

int exchange_parse_signed(const char *name, const char *buf, size_t n, struct report *rep,
			  struct signfile *sf, struct import_result *r)
{
	struct strvec pp = {0};
	struct err e;
	struct signfile_reader *sr = signfile_reader_new(name, buf, n);
	/* buf is as encoding_decode returned it: valid UTF-8 in NFC */
	int rc = report_parse_text(buf, n, true, sr, name, rep, &pp);
	int bad = signfile_reader_finish(sr, buf, n, sf, &e);
	if (bad)
		sv_push(&r->problems, e.msg);
	if (bad || unsigned_refused(name, sf, r)) {
		if (rc == 0)
			report_free(rep);
		sv_free(&pp);
		return -1;
	}
	for (size_t i = 0; i < pp.n; i++)
		sv_push(&r->problems, pp.v[i]);
	sv_free(&pp);
	return rc;
}
