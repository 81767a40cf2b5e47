/* SPDX-License-Identifier: MIT */
/* libFuzzer target: the plan file parser must refuse or accept any input without a crash, a
 * leak or undefined behaviour, and an accepted plan must be self-consistent. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "planfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct plan_def p;
	struct err e;
	if (planfile_parse((const char *)data, size, "fuzz", &p, &e) == 0) {
		/* Accepted: every task must have a lead and a title. */
		for (size_t i = 0; i < p.n_tasks; i++)
			if (!p.tasks[i].lead[0] || !p.tasks[i].title[0])
				abort();
		plan_def_free(&p);
	} else if (strncmp(e.msg, "fuzz:", 5) != 0) {
		abort(); /* every refusal names the file */
	}
	return 0;
}
