// SPDX-License-Identifier: GPL-2.0
/*
 * mirror-leak: init or probe returns an error without undoing a call
 * that its exit function or remove callback undoes.  No rule names the
 * pair; infer.c paired the calls by name (ffa_rxtx_map, ffa_rxtx_unmap)
 * because the teardown function calls one and this function the other.
 * Reported apart from leak so that users can weigh or filter inferred
 * warnings on their own.
 */
#include "checks.h"

static void mirror_leak_error_return(struct check_ctx *ctx, struct ir_loc where)
{
	report_leaks(ctx, where, PAIR_MIRROR, check_mirror_leak.name);
}

const struct checker check_mirror_leak = {
	.name = "mirror-leak",
	.summary = "an error return skips what the exit or remove function undoes",
	.help = "No rule names this pair: ladder inferred it because the "
		"function that undoes this one (the module's exit function, "
		"or the driver's remove callback) calls the release, and the "
		"names mirror each other (map/unmap, setup/cleanup, ...).  "
		"This error return leaves the acquire in place.  Undo it on "
		"this path, in the order the exit function does; if the pair "
		"is wrong, add a rule for it (docs/rules.md).",
	.error_return = mirror_leak_error_return,
};
