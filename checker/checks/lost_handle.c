// SPDX-License-Identifier: GPL-2.0
/*
 * lost-handle: a resource that only its handle reaches (memory, a
 * mapping, a reference a lookup took) is still held where the function
 * returns something other than an error, and only local variables hold
 * the handle: it went into no member, no global, no call that may keep
 * it, and it is not what the function returns.  When the locals go, so
 * does the last way to release it, whatever the return value says.
 *
 * This is the leak a shared exit loses ("out: kfree(buf); return ret;"
 * with the kfree() gone, after a call whose result says nothing), and
 * the one in a void function, where no return is an error return.
 */
#include "checks.h"

static char *lost_message(const struct resource *r, const char *release)
{
	if (r->name)
		return xasprintf("'%s' from %s() is still held at this return, "
				 "and nothing but a local variable holds it; "
				 "%s() is missing", r->name,
				 resource_acquire_name(r), release);
	return xasprintf("what %s() returned is still held at this return, "
			 "and nothing holds it; %s() is missing",
			 resource_acquire_name(r), release);
}

static void lost_handle_return(struct check_ctx *ctx, struct ir_loc where)
{
	const struct resource *r;
	unsigned i;

	for_each_path_resource(ctx, i, r) {
		const char *release;
		struct finding *f;
		char *key;

		if (r->rule->pair->origin != PAIR_RULE ||
		    r->rule->pair->every_return || !resource_only_local(ctx, r) ||
		    !owed_at_return(ctx, r, where))
			continue;
		release = resource_release_name(r);
		key = xasprintf("%s|%s", release, r->name ? r->name : "");
		f = check_emit_return(ctx, check_lost_handle.name, where, r, key,
				      lost_message(r, release),
				      "also lost at this return");
		if (f)
			resource_lost_reported(ctx, r, f);
		free(key);
	}
}

const struct checker check_lost_handle = {
	.name = "lost-handle",
	.summary = "what only a local holds is still held at a return that is no error",
	.help = "The function acquired something that nothing but its handle "
		"reaches (memory, a mapping, a reference), kept the handle in "
		"local variables only, and returns without releasing it, on a "
		"path that is not an error return (a success return, a void "
		"function's end, a shared exit whose value ladder cannot "
		"tell).  Once the function returns, nothing can release it.  "
		"Release it on that path, or store it where its owner will.",
	.other_return = lost_handle_return,
};
