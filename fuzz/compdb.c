// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the compilation-database loader with any compile_commands.json:
 * jobs or one message, never a crash or leak.
 */
#include "compdb.h"
#include "fuzz_util.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compile_job *jobs = NULL;
	int njobs = 0;
	char *err = NULL;

	fuzz_write("compile_commands.json", data, size);
	if (compdb_load(fuzz_dir(), NULL, 0, &jobs, &njobs, &err)) {
		if (!err)
			abort();	/* a refusal must say why */
		free(err);
		return 0;
	}
	compdb_free(jobs, njobs);
	return 0;
}
