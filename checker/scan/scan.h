/* SPDX-License-Identifier: GPL-2.0 */
/* ladder scan (a tree from compile_commands.json) and ladder merge. */
#ifndef LADDER_SCAN_H
#define LADDER_SCAN_H

struct options;

/* @self is this binary, run once per file; returns the exit status. */
int scan_run(const struct options *o, const char *self, const char *rules_dir);
/* Join --format=json results (o->files) into one report. */
int merge_run(const struct options *o);

#endif
