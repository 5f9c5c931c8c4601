// SPDX-License-Identifier: GPL-2.0
/* The list of checks the engine runs, in the order their events fire. */
#include "checks.h"
#include "util.h"

#include <string.h>

const struct checker *const all_checkers[] = {
	&check_release_unacquired,
	&check_double_release,
	&check_pinned_release,
	&check_leak,
	&check_devm_release,
	&check_mirror_leak,
	&check_mirror_pinned_release,
	&check_exemplar_leak,
	&check_lock_held,
	&check_lost_handle,
};

const unsigned nr_checkers = sizeof(all_checkers) / sizeof(all_checkers[0]);

/* What --enable and --disable said: 0 nothing, 1 on, -1 off. */
static signed char chosen[sizeof(all_checkers) / sizeof(all_checkers[0])];

static int check_index(const struct checker *c)
{
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i] == c)
			return (int)i;
	return -1;
}

bool check_enabled(const struct checker *c)
{
	int i = check_index(c);

	if (i >= 0 && chosen[i])
		return chosen[i] > 0;
	return !c->off_by_default;
}

bool checks_configure(const char *names, bool on, char **err)
{
	const char *p = names;

	while (*p) {
		size_t len = strcspn(p, ",");
		unsigned i;

		for (i = 0; i < nr_checkers; i++)
			if (strlen(all_checkers[i]->name) == len &&
			    !strncmp(all_checkers[i]->name, p, len))
				break;
		if (i == nr_checkers) {
			*err = xasprintf("no check is named '%.*s'", (int)len, p);
			return false;
		}
		chosen[i] = on ? 1 : -1;
		p += len;
		if (*p == ',')
			p++;
	}
	return true;
}

char *checks_option(bool on)
{
	char *opt = NULL, *more;
	unsigned i;

	for (i = 0; i < nr_checkers; i++) {
		if (chosen[i] != (on ? 1 : -1))
			continue;
		if (opt)
			more = xasprintf("%s,%s", opt, all_checkers[i]->name);
		else
			more = xasprintf("--%s=%s", on ? "enable" : "disable",
					 all_checkers[i]->name);
		free(opt);
		opt = more;
	}
	return opt;
}
