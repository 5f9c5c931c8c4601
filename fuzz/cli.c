// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the command line: the input is a list of NUL-separated
 * arguments, parsed as "ladder ..." and as "ladder scan ...".
 */
#include "options.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ARGS 64

static void parse_both(int argc, char **argv)
{
	struct options o;
	char *err = NULL;

	if (!options_parse(argc, argv, &o, &err) && !err)
		abort();
	free(err);
	options_free(&o);
	err = NULL;
	if (!options_parse_paths(argc, argv, &o, &err) && !err)
		abort();
	free(err);
	options_free(&o);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1), *argv[MAX_ARGS + 1], *p;
	int argc = 0;

	memcpy(copy, data, size);
	copy[size] = '\0';
	argv[argc++] = "ladder";
	for (p = copy; argc < MAX_ARGS && p <= copy + size; p += strlen(p) + 1)
		argv[argc++] = p;
	argv[argc] = NULL;
	parse_both(argc, argv);
	free(copy);
	return 0;
}
