/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Command line.  kbuild runs "$(CHECK) $(CHECKFLAGS) $(c_flags) file.c",
 * so ladder's own options are the long options it knows (and -p); every
 * other argument is a compiler flag or a file to analyse.
 */
#ifndef LADDER_OPTIONS_H
#define LADDER_OPTIONS_H

#include <stdbool.h>
#include "engine.h"
#include "report.h"

struct options {
	enum output_format format;
	const char *rules_dir;
	const char **extra_rules;	/* --extra-rules=FILE, each */
	int nextra_rules;
	bool mine;			/* ladder mine: learn pairs, do not check */
	unsigned min_support;		/* mine: 0 for the default */
	bool review;			/* mine --review: a list for people */
	const char *db;			/* --db=FILE: the summary database */
	bool db_write;			/* ladder db: write it, do not check */
	bool db_merge;			/* ladder db --merge: join shards' */
	unsigned db_passes;		/* ladder db: 0 for the default */
	const char *build_dir;		/* -p: compile_commands.json here */
	const char *output;		/* --output=FILE, -o FILE */
	const char *baseline;		/* --baseline=FILE */
	const char *write_baseline;	/* --write-baseline=FILE */
	const char *diff;		/* --diff=PATCH */
	const char *since;		/* --since=REV */
	int error_exitcode;		/* 0: findings do not fail the run */
	struct limits limits;
	bool dump_cfg;
	bool dump_ir;
	bool stats;			/* --stats: counts on stderr at the end */
	bool explain;			/* --explain: what each model silenced */
	bool all_paths;			/* --all-paths: a warning per return */
	bool help_models;		/* --help=models */
	bool verbose;
	bool list_inputs;
	bool file_output;		/* findings for F.c in F.c.ladder */
	/* ladder scan: FILEs are paths (files or directories) to keep */
	bool scan;
	int jobs;			/* -j N: workers, default the cores */
	unsigned shard, nshards;	/* --shard K/N: this is shard K of N */
	const char *cache_dir;		/* default BUILD_DIR/.ladder-cache */
	bool no_cache;
	const char *ir_cache;		/* --ir-cache: files' IR kept here */
	bool db_update;			/* --db-update: findings, and summaries into --db */
	double tu_time_limit;		/* seconds per file (scan: then killed) */
	bool help, version;
	const char **files;
	int nfiles;
	const char **cflags;
	int ncflags;
};

/* Returns false with a one-line message in *err (caller frees). */
bool options_parse(int argc, char **argv, struct options *opts, char **err);
/* The same for "ladder scan" and "merge": -j N, and any path is a FILE. */
bool options_parse_paths(int argc, char **argv, struct options *opts, char **err);
void options_free(struct options *opts);
void options_usage(FILE *out);

#endif
