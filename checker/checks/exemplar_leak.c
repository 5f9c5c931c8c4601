// SPDX-License-Identifier: GPL-2.0
/*
 * exemplar-leak: one path of the function undoes an acquire (it calls
 * foo_stop() after foo_start()), this error return does not.  No rule
 * names the pair; infer.c paired the calls by name, and the function's
 * own undo is the evidence that it is owed.
 */
#include "checks.h"

static void exemplar_leak_error_return(struct check_ctx *ctx, struct ir_loc where)
{
	report_leaks(ctx, where, PAIR_EXEMPLAR, check_exemplar_leak.name);
}

const struct checker check_exemplar_leak = {
	.name = "exemplar-leak",
	.off_by_default = true,
	.summary = "an error return skips an undo that another path does",
	.help = "No rule names this pair: ladder inferred it from the "
		"function itself, which undoes the acquire on another path, "
		"with a call whose name mirrors it (start/stop, "
		"register/unregister, ...).  This error return does not.  Undo "
		"it here as the other path does; if the pair is wrong, add a "
		"rule for it (docs/rules.md).",
	.error_return = exemplar_leak_error_return,
};
