// SPDX-License-Identifier: GPL-2.0
/* The list of checks the engine runs, in the order their events fire. */
#include "checks.h"

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
};

const unsigned nr_checkers = sizeof(all_checkers) / sizeof(all_checkers[0]);
