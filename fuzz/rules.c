// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the rules loader: any YAML file either loads or is refused with
 * a one-line message; never a crash, leak or hang.
 */
#include "fuzz_util.h"
#include "rules.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules *rules;
	char *err = NULL;

	fuzz_write("fuzz.yaml", data, size);
	rules = rules_load(fuzz_dir(), &err);
	if (!rules && (!err || !*err || strchr(err, '\n')))
		abort();	/* a refusal is one line */
	rules_free(rules);
	free(err);
	return 0;
}
