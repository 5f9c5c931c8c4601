// SPDX-License-Identifier: GPL-2.0
#include "fuzz_util.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fuzz_dir(void)
{
	static char dir[PATH_MAX];

	if (!dir[0]) {
		const char *base = getenv("TMPDIR");

		snprintf(dir, sizeof(dir), "%s/ladder-fuzz.XXXXXX",
			 base && *base ? base : "/tmp");
		if (!mkdtemp(dir))
			abort();
	}
	return dir;
}

const char *fuzz_write(const char *name, const uint8_t *data, size_t size)
{
	static char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", fuzz_dir(), name);
	f = fopen(path, "wb");
	if (!f)
		abort();
	if (size && fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	return path;
}
