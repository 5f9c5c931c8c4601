/* SPDX-License-Identifier: GPL-2.0 */
/* ladder scan (a tree from compile_commands.json) and ladder merge. */
#ifndef LADDER_SCAN_H
#define LADDER_SCAN_H

struct options;

/*
 * @self is this binary, run once per file: @entry (its main()) in a
 * forked child, which spares each file loading the binary and its
 * libraries again.  Returns the exit status.
 */
int scan_run(const struct options *o, const char *self, const char *rules_dir,
	     int (*entry)(int argc, char **argv));
/* Join --format=json results (o->files) into one report. */
int merge_run(const struct options *o);

#endif
