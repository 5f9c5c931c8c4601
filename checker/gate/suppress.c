// SPDX-License-Identifier: GPL-2.0
/*
 * suppress.c - inline suppressions written in the source.
 *
 *	ret = foo(dev);	// ladder: ignore[leak] the caller frees it
 *
 * silences one check on that line (a block comment works the same).  On the
 * line above a finding, or on the line of the function's definition or
 * the line above it, the comment covers the finding or the whole
 * function.  The check is named as in the output, with or without the
 * "ladder-" prefix; a reason after the bracket is for the reader.
 *
 * Comments are read from the source file as it is on disk; a .i file's
 * findings point into the original .c, which is read when it is there.
 */
#include "suppress.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARKER "ladder: ignore["

/* The last file read: findings arrive sorted by file. */
struct source {
	char *path;
	char *text;		/* NULL when the file cannot be read */
	struct ptrvec lines;	/* start of each line in text */
};

static struct source cached;

static void source_forget(void)
{
	free(cached.path);
	free(cached.text);
	ptrvec_free(&cached.lines);
	memset(&cached, 0, sizeof(cached));
}

static void source_load(const char *path)
{
	char *p;

	if (cached.path && !strcmp(cached.path, path))
		return;
	source_forget();
	cached.path = xstrdup(path);
	cached.text = read_file(path, NULL);
	if (!cached.text)
		return;
	ptrvec_push(&cached.lines, cached.text);
	for (p = cached.text; (p = strchr(p, '\n')); p++) {
		*p = '\0';
		ptrvec_push(&cached.lines, p + 1);
	}
}

/* Does line @line (1-based) carry an ignore for @check? */
static bool line_ignores(long line, const char *check)
{
	const char *text, *at;

	if (line < 1 || (size_t)line > cached.lines.len)
		return false;
	text = cached.lines.items[line - 1];
	for (at = strstr(text, MARKER); at; at = strstr(at + 1, MARKER)) {
		const char *name = at + strlen(MARKER);
		size_t n = strcspn(name, "]");

		if (name[n] != ']')
			continue;
		if (!strncmp(name, "ladder-", 7)) {
			name += 7;
			n -= 7;
		}
		if (n == strlen(check) && !strncmp(name, check, n))
			return true;
	}
	return false;
}

bool suppress_inline(const json_t *f)
{
	const char *file = json_string_value(json_object_get(f, "file"));
	const char *check = json_string_value(json_object_get(f, "check"));
	const json_t *fn_lines = json_object_get(f, "function_lines");
	long line = (long)json_integer_value(json_object_get(f, "line"));
	long first = (long)json_integer_value(json_array_get(fn_lines, 0));

	if (!file || !check)
		return false;
	source_load(file);
	if (!cached.text)
		return false;
	return line_ignores(line, check) || line_ignores(line - 1, check) ||
	       (first && (line_ignores(first, check) ||
			  line_ignores(first - 1, check)));
}

void suppress_done(void)
{
	source_forget();
}
