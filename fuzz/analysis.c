// SPDX-License-Identifier: GPL-2.0
/*
 * Fuzz the whole analysis on small C files: libclang parses whatever the
 * input is (errors included), then every function goes through the CFG,
 * the path engine and the checks with the real rules.  Findings go to
 * /dev/null; what matters is no crash, no sanitizer report, no hang.
 */
#include "fuzz_util.h"
#include "access_path.h"
#include "report.h"
#include "rules.h"
#include "tu.h"

#include <stdio.h>
#include <stdlib.h>

static struct session session;
static struct limits limits = {
	.max_steps = 20000, .max_block_states = 64, .max_seconds = 2,
	.max_tu_seconds = 5,
};

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("LADDER_RULES");
	char *err = NULL;

	(void)argc;
	(void)argv;
	session.env.rules = rules_load(dir ? dir : "rules", &err);
	if (!session.env.rules) {
		fprintf(stderr, "fuzz: set LADDER_RULES to the rules directory: %s\n",
			err);
		exit(1);
	}
	session.env.limits = &limits;
	session.env.strings = strtab_new();
	session.env.paths = ap_table_new();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const flags[] = { "-std=gnu11", "-w" };
	const char *file = fuzz_write("fuzz.c", data, size);
	FILE *null = fopen("/dev/null", "w");

	session.env.report = report_new(FORMAT_TEXT, null);
	analyse_file(&session, file, flags, 2);
	report_finish(session.env.report);
	report_free(session.env.report);
	fclose(null);
	return 0;
}
