/* SPDX-License-Identifier: GPL-2.0 */
/*
 * One translation unit through the pipeline: parse (frontend/), the IR
 * of its functions (ir/), what they do (knowledge/), each explored
 * (engine/) with the checks listening (checks/), the findings reported.
 */
#ifndef LADDER_TU_H
#define LADDER_TU_H

#include <stdbool.h>
#include "engine.h"

struct session {
	struct engine_env env;		/* summaries are set per file */
	bool dump_cfg;
	bool dump_ir;
	bool verbose;
	bool list_inputs;		/* name every file the TU read */
	struct gate *gate;		/* what reaches the output */
	double file_started;		/* for --tu-time-limit: before the parse */
	struct miner *miner;		/* ladder mine: collect, do not check */
	struct summary_db *db;		/* --db: other files' summaries, or NULL */
	bool db_write;			/* ladder db: give it this file's */
	unsigned db_changed;		/* ... files whose summaries changed */
	char *db_error;			/* ... the first write that failed */
	struct report *scratch;		/* header inlines' findings, dropped */
	struct cache *ir_cache;		/* --ir-cache: files' IR, or NULL */
};

enum tu_status {
	TU_OK,
	TU_ERRORS,		/* parsed with errors; what parsed was analysed */
	TU_FAILED,		/* nothing to analyse: missing file, no TU */
};

enum tu_status analyse_file(struct session *s, const char *file,
			    const char *const *flags, int nflags);

#endif
