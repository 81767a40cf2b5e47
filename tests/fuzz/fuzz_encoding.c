/* SPDX-License-Identifier: MIT */
/* libFuzzer target: decoding any bytes as Vietnamese text either refuses with a reason or
 * gives valid UTF-8 of the length it reports. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t len = 0;
	enum text_encoding enc;
	const char *why = NULL;
	char *out = encoding_decode((const char *)data, size, &len, &enc, &why);
	if (!out) {
		if (!why)
			abort();
		return 0;
	}
	if (strlen(out) != len || !text_valid_utf8(out, len) || enc >= ENC_COUNT)
		abort();
	free(out);
	return 0;
}
