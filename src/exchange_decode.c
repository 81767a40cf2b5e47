/* SPDX-License-Identifier: MIT */
/* A received file's bytes checked and decoded before anything else is done
 * with them, with no database (so a second thread may do it): empty, too
 * large, a workbook, binary data, a legacy encoding, a file cut short. */
#include "exchange.h"

#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "exchange_internal.h"
#include "msg.h"
#include "text.h"
#include "xlsxread.h"

static int refuse_freeing(struct import_result *r, char *owned)
{
	free(owned);
	return exchange_refuse(r);
}

/* The line of the first byte that is not valid UTF-8 (for messages). */
static int bad_line(const char *buf, size_t n)
{
	size_t lo = 0;
	int line = 1;
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\n') {
			if (!text_valid_utf8(buf + lo, i - lo))
				return line;
			lo = i + 1;
			line++;
		}
	return line;
}

/* Refuse, naming the likely cause, bytes that cannot be a CSV text: a file
 * re-saved the wrong way, binary data, a file cut short. */
static bool bytes_readable(const char *buf, size_t n, const char *name, struct import_result *r)
{
	const char *cause = encoding_saved_as(buf, n);
	if (cause) {
		exchange_problem(r, name, 1, "%s", cause);
		return false;
	}
	/* UTF-16 (Excel's "Unicode Text") is half NUL bytes: encoding_decode reads it. */
	const char *nul = encoding_is_utf16(buf, n) ? NULL : memchr(buf, '\0', n);
	if (nul) {
		int line = 1;
		for (const char *p = buf; p < nul; p++)
			line += *p == '\n';
		exchange_problem(r, name, line, "%s",
			    tr("binary data (NUL bytes): not a CSV file; was the right file attached?"));
		return false;
	}
	return true; /* a file cut short in a character: see import_buf */
}

/* The checks and decoding of a file's bytes, which need no database: -1
 * refused (r says why), 0 with *text its text (UTF-8, NFC; owned freed),
 * 1 a workbook (nothing done). owned (buf, or NULL) is freed once the text
 * is decoded: the file's bytes and its text are not both kept. */
int exchange_decode_bytes(const char *name, const char *buf, size_t n, char *owned,
			  struct import_result *r, char **text_out, size_t *len_out)
{
	memset(r, 0, sizeof *r);
	r->enc = ENC_UTF8;
	if (n == 0) {
		exchange_problem(r, name, 0, "%s", tr("the file is empty"));
		return refuse_freeing(r, owned);
	}
	if (n > EXCHANGE_MAX_FILE) {
		exchange_problem(r, name, 0, tr("the file is too large (%zu bytes; at most %u MiB)"), n,
			    EXCHANGE_MAX_FILE >> 20);
		return refuse_freeing(r, owned);
	}
	if (xlsxread_sniff(buf, n))
		return 1;
	if (!bytes_readable(buf, n, name, r))
		return refuse_freeing(r, owned);
	const char *why = NULL;
	size_t len;
	char *text = encoding_decode(buf, n, &len, &r->enc, &why);
	/* Valid UTF-8 up to a last character cut in half: the file was cut
	 * short. (Read as UTF-8, the file was valid UTF-8: no need to look.) */
	if (!encoding_is_utf16(buf, n) && !(text && r->enc == ENC_UTF8))
		for (size_t k = 1; k <= 3 && k < n; k++)
			if ((buf[n - k] & 0xC0) == 0xC0 && text_valid_utf8(buf, n - k)) {
				free(text);
				exchange_problem(r, name, bad_line(buf, n), "%s",
					    tr("the file ends in the middle of a character: it was cut short (truncated) on the way; ask for it again"));
				return refuse_freeing(r, owned);
			}
	if (!text) {
		exchange_problem(r, name, encoding_is_utf16(buf, n) ? 0 : bad_line(buf, n),
			    tr("not UTF-8, and not clearly cp1258, TCVN3 or VNI either (%s); please save it as CSV UTF-8"),
			    tr(why));
		return refuse_freeing(r, owned);
	}
	free(owned);
	*text_out = text;
	*len_out = len;
	return 0;
}
