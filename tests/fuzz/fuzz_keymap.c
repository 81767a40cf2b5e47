/* SPDX-License-Identifier: MIT */
/* libFuzzer target: any keymap file is applied without a crash, and afterwards no key is
 * bound to two actions that share a pane. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "keymap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct keymap km;
	struct keymap_diags d = {.n = 0};
	keymap_defaults(&km);
	keymap_apply(&km, (const char *)data, size, &d);
	for (int a = 0; a < ACT_COUNT; a++)
		for (int i = 0; i < km.n[a]; i++)
			for (int b = a + 1; b < ACT_COUNT; b++)
				for (int j = 0; j < km.n[b]; j++)
					if (km.keys[a][i] == km.keys[b][j] &&
					    (keymap_actions[a].panes & keymap_actions[b].panes))
						abort();
	return 0;
}
