/* SPDX-License-Identifier: MIT */
/* libFuzzer target: csvio.c's own tokenizer and libcsv alone (csvio_libcsv_only)
 * must read any bytes alike: the same rows, fields and line numbers, the same
 * refusal. A difference aborts. The first byte picks the separator (0: detect). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvio.h"
#include "msg.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int add_row(void *arg, const struct csv_row *row)
{
	struct strbuf *b = arg;
	sb_addf(b, "%d:%zu", row->line, row->n);
	for (size_t i = 0; i < row->n; i++) {
		size_t len = strlen(row->f[i]);
		sb_addf(b, "|%zu:", len);
		sb_addn(b, row->f[i], len);
	}
	sb_addc(b, '\n');
	return 0;
}

static char *read_all(const char *buf, size_t n, char delim, bool slow)
{
	struct strbuf b = {0};
	struct err e;
	char used = 0;
	bool bom = false;
	/* small limits, so that the fuzzer reaches them */
	const struct csv_limits lim = {.max_field = 40, .max_row = 120, .max_fields = 12};
	csvio_libcsv_only = slow;
	sb_addn(&b, "", 0);
	if (csvio_parse_rows(buf, n, "f", delim, &lim, add_row, &b, &used, &bom, &e))
		sb_addf(&b, "refused: %s\n", e.msg);
	sb_addf(&b, "%d %d\n", used, bom);
	csvio_libcsv_only = false;
	return sb_take(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char delims[] = {0, ',', ';', '\t'};
	if (size == 0)
		return 0;
	msg_set_lang(LANG_EN);
	char delim = delims[data[0] % 4];
	char *fast = read_all((const char *)data + 1, size - 1, delim, false);
	char *slow = read_all((const char *)data + 1, size - 1, delim, true);
	if (strcmp(fast, slow) != 0) {
		fprintf(stderr, "fast:\n%s\nlibcsv:\n%s\n", fast, slow);
		abort();
	}
	free(fast);
	free(slow);
	return 0;
}
