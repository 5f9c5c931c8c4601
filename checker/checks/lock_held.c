// SPDX-License-Identifier: GPL-2.0
/*
 * lock-held: a lock (a pair the rules mark "owed: every-return") taken in
 * this function is still held where it returns, and the return is not an
 * error (error returns are the leak check's).  Like sparse's context
 * imbalance: a work function that returns with the mutex held deadlocks
 * the next caller, whatever it returned.
 *
 * A function whose name says it takes the lock ("foo_lock()",
 * "bar_begin()", "foo_seq_start()") returns holding it on purpose, where
 * sparse reads __acquires(), which the preprocessor has removed (model
 * held-by-name).
 */
#include "checks.h"

static void lock_held_return(struct check_ctx *ctx, struct ir_loc where)
{
	const struct resource *r;
	unsigned i;

	for_each_path_resource(ctx, i, r) {
		const char *release;
		char *key, *msg;

		if (!r->rule->pair->every_return || r->rule->pair->origin != PAIR_RULE ||
		    !owed_at_return(ctx, r, where))
			continue;
		release = resource_release_name(r);
		if (r->name)
			msg = xasprintf("'%s' from %s() is still held at this return; "
					"%s() is missing", r->name,
					resource_acquire_name(r), release);
		else
			msg = xasprintf("%s() is still held at this return; %s() is "
					"missing", resource_acquire_name(r), release);
		key = xasprintf("%s|%s", release, r->name ? r->name : "");
		check_emit_return(ctx, check_lock_held.name, where, r, key, msg,
				  "also still held at this return");
		free(key);
	}
}

const struct checker check_lock_held = {
	.name = "lock-held",
	.summary = "a lock taken here is still held at a return that is no error",
	.help = "The function took the lock and returns without releasing it, "
		"on a path that is not an error return (a void function's "
		"end, a success return).  The next caller that takes the lock "
		"waits forever.  Release it on that path; if the function is "
		"meant to return holding it, name it so (foo_lock(), "
		"foo_begin(): rules/locks.yaml's held-on-return-words).",
	.other_return = lock_held_return,
};
