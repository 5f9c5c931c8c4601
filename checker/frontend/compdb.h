/* SPDX-License-Identifier: GPL-2.0 */
/* compile_commands.json, read through libclang's compilation database. */
#ifndef LADDER_COMPDB_H
#define LADDER_COMPDB_H

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

#endif
