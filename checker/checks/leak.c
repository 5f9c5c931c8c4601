// SPDX-License-Identifier: GPL-2.0
/*
 * leak: a resource acquired in this function is still held when the
 * function returns an error.  What was handed over (stored in an object
 * the function does not own, passed to a call that takes it) escaped in
 * the engine and is not reported.  The caller sees the failure and will not
 * clean up after us, so whatever is still held here is lost: memory,
 * a mapping the firmware keeps using, a reference, an irq.
 */
#include "checks.h"
#include "engine/models.h"

unsigned char why_not_owed(struct check_ctx *ctx, const struct resource *r)
{
	if (r->status != RES_LIVE && r->status != RES_UNDECIDED)
		return NOT_HELD;
	/* devm: the driver core releases it when the device goes away. */
	if (r->rule->pair->managed)
		return NOT_HELD;
	if (resource_scope_managed(ctx, r) || resource_handle_is_null(ctx, r))
		return NOT_HELD;
	if (r->escaped)
		return r->escaped;
	/*
	 * A function named for taking a lock (foo_lock(), foo_seq_start())
	 * returns holding it, as sparse's __acquires() would say.  Not
	 * when it fails with an errno: its caller sees the failure and
	 * does not unlock (a seq_file ->start()'s NULL is no failure).
	 * Nor when it drops the lock itself before a success return: then
	 * it is no such function, whatever its name says.
	 */
	if (r->rule->pair->every_return && model_on(MODEL_HELD_BY_NAME) &&
	    !returns_errno(ctx) &&
	    rules_name_says_held(analysis_rules(ctx), analysis_function(ctx)) &&
	    !releases_before_success(ctx, r->rule->pair))
		return model_escape(MODEL_HELD_BY_NAME);
	/*
	 * ufshcd_clock_scaling_prepare() returns holding the locks that
	 * ufshcd_clock_scaling_unprepare() drops: its undo, named so.
	 */
	if (r->rule->pair->every_return && model_on(MODEL_HELD_BY_MIRROR) &&
	    !returns_errno(ctx) && mirror_function_releases(ctx, r->rule->pair))
		return model_escape(MODEL_HELD_BY_MIRROR);
	/*
	 * A shared reset deasserted for good is not a leak; one the file
	 * asserts again elsewhere (its deinit) is not kept for good.
	 */
	if (model_on(MODEL_OWED_IF_RELEASED) && r->rule->pair->owed_if_released &&
	    !function_releases_pair(ctx, r->rule->pair) &&
	    !file_undoes_member(ctx, r))
		return model_escape(MODEL_OWED_IF_RELEASED);
	return ESC_NONE;
}

bool owed_at_return(struct check_ctx *ctx, const struct resource *r,
		    struct ir_loc where)
{
	unsigned char why = why_not_owed(ctx, r);

	if (why >= ESC_MODEL && why != NOT_HELD)
		resource_silenced(ctx, r, why, where);
	return why == ESC_NONE;
}

static bool owed(struct check_ctx *ctx, const struct resource *r)
{
	return why_not_owed(ctx, r) == ESC_NONE;
}

/* "...; inferred: ffa_exit() undoes it" for a pair no rule names. */
static char *leak_message(const struct resource *r, const char *release)
{
	const char *acquire = resource_acquire_name(r);
	const struct pair *pair = r->rule->pair;
	char *msg, *why;

	if (r->name)
		msg = xasprintf("'%s' from %s() is not released on this error "
				"path; %s() is missing", r->name, acquire, release);
	else
		msg = xasprintf("%s() is not undone on this error path; %s() is "
				"missing", acquire, release);
	if (pair->origin == PAIR_RULE && !pair->support)
		return msg;
	if (pair->support) {
		why = xasprintf("%s (%s)", msg, pair->description);
		free(msg);
		return why;
	}
	why = xasprintf("%s (inferred: %s)", msg, pair->description);
	free(msg);
	return why;
}

/*
 * Another owed resource of @r's call: clk_prepare_enable() leaves a
 * prepared and an enabled clock.  Both owed are one leak, reported with
 * the first part, and the call that undoes both is what is missing.
 */
static const struct resource *owed_sibling(struct check_ctx *ctx,
					   const struct resource *r)
{
	const struct resource *o;
	unsigned i;

	for_each_path_resource(ctx, i, o) {
		if (o != r && o->site == r->site && owed(ctx, o))
			return o;
	}
	return NULL;
}

/* The call missing at a leak of @r: the one undoing its sibling too. */
static const char *missing_release(struct check_ctx *ctx,
				   const struct resource *r,
				   const struct resource *sibling)
{
	const char *both = NULL;

	if (sibling)
		both = resources_release_name(ctx, r, sibling);
	return both ? both : resource_release_name(r);
}

void report_leaks(struct check_ctx *ctx, struct ir_loc where,
		  enum pair_origin origin, const char *check)
{
	const struct resource *r, *sibling;
	unsigned i;

	for_each_path_resource(ctx, i, r) {
		const char *release;
		struct finding *f;
		char *key, *msg;

		if (r->rule->pair->origin != origin || !owed_at_return(ctx, r, where))
			continue;
		sibling = owed_sibling(ctx, r);
		if (sibling && sibling->part < r->part)
			continue;
		release = missing_release(ctx, r, sibling);
		msg = leak_message(r, release);
		/*
		 * One warning per resource and return, whatever the path: a
		 * named one by what it is missing, so 'name' from kzalloc()
		 * and from the krealloc() that took it over are one leak.
		 */
		key = xasprintf("%s|%s", r->name ? release : r->rule->pair->name,
				r->name ? r->name : "");
		f = check_emit_return(ctx, check, where, r, key, msg,
				      "also not released at this error return");
		if (f)
			f->missing = release;
		free(key);
	}
}

static void leak_error_return(struct check_ctx *ctx, struct ir_loc where)
{
	report_leaks(ctx, where, PAIR_RULE, check_leak.name);
}

const struct checker check_leak = {
	.name = "leak",
	.summary = "a resource is not released on an error return",
	.help = "A resource acquired in this function is still held where the "
		"function returns an error.  The path in the notes shows the "
		"acquire, each branch taken, and each unwind label entered.  "
		"Release it on that path: usually by jumping to the unwind "
		"label that releases it, or by adding the missing release to "
		"the ladder.",
	.error_return = leak_error_return,
};
