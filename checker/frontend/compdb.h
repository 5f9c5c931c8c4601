/* SPDX-License-Identifier: GPL-2.0 */
/* compile_commands.json, read through libclang's compilation database. */
#ifndef LADDER_COMPDB_H
#define LADDER_COMPDB_H

#include <stddef.h>

struct compile_job {
	char *file;		/* absolute path */
	char **args;		/* flags for Clang, without compiler and file */
	int nargs;
};

/*
 * Jobs for @files (all entries when @nfiles is 0) of @build_dir.
 * Returns 0, or -1 with a one-line message in *err (caller frees).
 */
int compdb_load(const char *build_dir, const char *const *files, int nfiles,
		struct compile_job **jobs, int *njobs, char **err);
void compdb_free(struct compile_job *jobs, int njobs);

/* Sort @jobs by file: the order scans and shards number them in. */
void compdb_sort(struct compile_job *jobs, int njobs);
/*
 * The K-th (from 1) of @nshards equal contiguous parts of @n entries:
 * [*first, *last).  @nshards 0: all of them.
 */
void compdb_shard(size_t n, unsigned k, unsigned nshards, size_t *first,
		  size_t *last);

#endif
