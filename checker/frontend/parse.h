/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Parsing a translation unit with libclang and choosing the functions to
 * analyse: those defined in the main source file.
 */
#ifndef LADDER_PARSE_H
#define LADDER_PARSE_H

#include <stdbool.h>
#include "engine.h"
#include "report.h"
#include "rules.h"
#include "util.h"

struct session {
	struct engine_env env;		/* summaries are set per file */
	bool dump_cfg;
	bool dump_ir;
	bool verbose;
	bool list_inputs;		/* name every file the TU read */
	struct gate *gate;		/* what reaches the output */
	double file_started;		/* for --tu-time-limit: before the parse */
	struct miner *miner;		/* ladder mine: collect, do not check */
};

enum parse_status {
	PARSE_OK,
	PARSE_ERRORS,		/* parsed with errors; what parsed was analysed */
	PARSE_FAILED,		/* nothing to analyse: missing file, no TU */
};

enum parse_status analyse_file(struct session *s, const char *file,
			       const char *const *flags, int nflags);

#endif
