// SPDX-License-Identifier: GPL-2.0
/*
 * columns.c - positions a person can open.  A location's column comes
 * from the translation unit: in a .i, or inside a macro, it counts in
 * the expanded line, which can be far longer than the line the source
 * file has (column 411 of a 50-character line).  Where the source file
 * is readable, a column past the end of its line becomes the line's
 * first non-blank column, where the statement starts.
 */
#include "columns.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lines of the last file asked about: findings come file by file. */
static struct {
	char *path;
	unsigned *length, *indent;	/* per line, 1-based; [0] unused */
	unsigned nlines;
	bool readable;
} cache;

static void forget(void)
{
	free(cache.path);
	free(cache.length);
	free(cache.indent);
	memset(&cache, 0, sizeof(cache));
}

static void add_line(unsigned *cap, unsigned length, unsigned indent)
{
	if (cache.nlines + 1 >= *cap) {
		*cap = *cap ? *cap * 2 : 1024;
		cache.length = xrealloc(cache.length, *cap * sizeof(*cache.length));
		cache.indent = xrealloc(cache.indent, *cap * sizeof(*cache.indent));
	}
	cache.nlines++;
	cache.length[cache.nlines] = length;
	cache.indent[cache.nlines] = indent;
}

static void load(const char *path)
{
	unsigned cap = 0, length = 0, indent = 0;
	FILE *f;
	int ch;

	forget();
	cache.path = xstrdup(path);
	f = fopen(path, "r");
	if (!f)
		return;
	cache.readable = true;
	while ((ch = getc(f)) != EOF) {
		if (ch == '\n') {
			add_line(&cap, length, indent);
			length = indent = 0;
			continue;
		}
		length++;
		if (!indent && ch != ' ' && ch != '\t')
			indent = length;
	}
	if (length)
		add_line(&cap, length, indent);
	fclose(f);
}

void columns_clamp(struct ir_loc *loc)
{
	if (!loc->file || !loc->line)
		return;
	if (!cache.path || strcmp(cache.path, loc->file))
		load(loc->file);
	if (!cache.readable || loc->line > cache.nlines)
		return;
	if (loc->col > cache.length[loc->line] + 1)
		loc->col = cache.indent[loc->line] ? cache.indent[loc->line] : 1;
}

void columns_forget(void)
{
	forget();
}
