// SPDX-License-Identifier: GPL-2.0
#include "flags.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

struct flag_rule {
	const char *text;
	bool prefix;		/* match the start of the flag */
	bool has_value;		/* the next argument goes too */
	const char *why;
};

/*
 * What never reaches Clang.  Warnings are off (-w is added): ladder
 * reports its own findings, and -Werror=... must not stop a parse.
 */
static const struct flag_rule dropped[] = {
	{ "-W", true, false, "warning or pass-through option" },
	{ "-M", true, false, "dependency output belongs to the compile" },
	{ "-MF", false, true, "dependency output belongs to the compile" },
	{ "-MT", false, true, "dependency output belongs to the compile" },
	{ "-MQ", false, true, "dependency output belongs to the compile" },
	{ "-o", false, true, "ladder writes no object" },
	{ "-c", false, false, "ladder writes no object" },
	{ "-S", false, false, "ladder writes no object" },
	{ "-E", false, false, "ladder writes no object" },
	{ "--arch=", true, false, "sparse option" },
	{ "-m64", false, false, "sparse option" },
	{ "-m32", false, false, "sparse option" },
	{ "-D__STDC__", false, false, "sparse option (a builtin macro for Clang)" },
	{ "-g", true, false, "debug info is not needed" },
	{ "-pipe", false, false, "no effect on parsing" },
};

static const struct flag_rule *find_rule(const char *flag)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dropped); i++) {
		const struct flag_rule *r = &dropped[i];

		if (r->prefix ? !strncmp(flag, r->text, strlen(r->text)) :
				!strcmp(flag, r->text))
			return r;
	}
	return NULL;
}

const char **flags_for_clang(const char *const *in, int n, int *nout, bool verbose)
{
	const char **out = xcalloc((size_t)n + 2, sizeof(*out));
	int i, k = 0;

	for (i = 0; i < n; i++) {
		const struct flag_rule *r = find_rule(in[i]);

		if (!r) {
			out[k++] = in[i];
			continue;
		}
		if (verbose)
			fprintf(stderr, "ladder: dropping '%s'%s%s: %s\n", in[i],
				r->has_value && i + 1 < n ? " " : "",
				r->has_value && i + 1 < n ? in[i + 1] : "", r->why);
		if (r->has_value)
			i++;
	}
	out[k++] = "-w";
	*nout = k;
	return out;
}
