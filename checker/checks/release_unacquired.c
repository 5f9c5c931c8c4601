// SPDX-License-Identifier: GPL-2.0
/*
 * release-unacquired: a release of something this path never acquired,
 * the mark of a goto to the wrong rung of an error ladder.  Releasing
 * NULL through a NULL-safe release (kfree(NULL)) is fine and is the
 * usual way ladders are written, so only releases that are not
 * NULL-safe, or that are handed an error pointer, are reported.
 */
#include "checks.h"
#include "engine/models.h"

/*
 * Did the code test the acquire's failure for one exact errno and carry
 * on?  "if (ret < 0 && ret != -ENOTCONN) goto err;" accepts a request_irq()
 * on IRQ_NOTCONNECTED, whose free_irq() is a no-op: the author knows that
 * failure leaves nothing to undo.
 */
static bool failure_anticipated(const struct check_ctx *ctx,
				const struct release_event *ev)
{
	return resource_failed_with_known_errno(ctx, ev->res);
}

/* A handle-less release by name, of what is not there: it finds nothing. */
static bool finds_nothing(const struct release_event *ev)
{
	return ev->rule->pair->absent_safe && ev->rule->handle.kind == HANDLE_NONE;
}

/* Is this release of a failed acquire harmless? */
static bool harmless(const struct check_ctx *ctx, const struct release_event *ev)
{
	if (failure_anticipated(ctx, ev))
		return true;
	/* v4l2_ctrl_handler_free() of a handler whose init failed: no buckets. */
	if (ev->rule->failed_safe)
		return true;
	/* platform_device_unregister(ERR_PTR(-ENOMEM)) tests IS_ERR_OR_NULL(). */
	if (ev->rule->err_safe && !(ev->handle_mask & VAL_POS))
		return true;
	/*
	 * Model member-kept: a call that fails leaves the member it would
	 * fill as it was (phylink_parse_fixedlink(pl, ...) and
	 * pl->link_gpio), so a release of that member after the failure
	 * releases what it held before, which the path does not know.
	 */
	if (model_on(MODEL_MEMBER_KEPT) &&
	    ev->res->rule->handle.kind == HANDLE_ARG_MEMBER)
		return true;
	/*
	 * Null-safe: a release given NULL, or for a pair without a handle
	 * one that finds nothing to undo (of_dma_controller_free()).
	 */
	if (finds_nothing(ev))
		return true;
	if (!release_null_safe(ev->rule))
		return false;
	if (ev->rule->handle.kind == HANDLE_NONE || !(ev->handle_mask & ~VAL_ZERO))
		return true;
	/*
	 * request_firmware(&fw, ...) leaves fw NULL when it fails, and
	 * the code that sets fw = NULL first expects no less: the
	 * NULL-safe release_firmware(fw) after a failure does nothing.
	 */
	return model_on(MODEL_OUT_NULL_ON_FAILURE) &&
	       ev->res->rule->handle.kind == HANDLE_ARG_OUT;
}

static char *failed_message(const struct release_event *ev)
{
	const struct resource *r = ev->res;
	const char *name = r->name ? r->name : ev->handle;

	if (name && (ev->handle_mask & VAL_NEG) && !(ev->handle_mask & VAL_POS))
		return xasprintf("%s() releases '%s', which holds an error "
				 "pointer: %s() failed on this path",
				 ev->call->name, name, resource_acquire_name(r));
	if (name)
		return xasprintf("%s() releases '%s', but %s() failed on this path",
				 ev->call->name, name, resource_acquire_name(r));
	return xasprintf("%s() undoes %s(), which failed on this path",
			 ev->call->name, resource_acquire_name(r));
}

static void release_unacquired(struct check_ctx *ctx, const struct release_event *ev)
{
	struct finding *f;
	char *msg;

	if (ev->kind == REL_FAILED && !harmless(ctx, ev)) {
		msg = failed_message(ev);
	} else if (ev->kind == REL_NEVER && !release_null_safe(ev->rule) &&
		   !finds_nothing(ev) &&
		   (ev->handle || path_entered_label(ctx)) &&
		   !release_bracketed(ctx, ev->call, ev->rule)) {
		if (ev->handle)
			msg = xasprintf("%s() releases '%s', which this path "
					"never acquired", ev->call->name, ev->handle);
		else
			msg = xasprintf("%s() on a path that never acquired "
					"what it releases", ev->call->name);
	} else {
		return;
	}
	f = check_emit_release(ctx, check_release_unacquired.name, ev->call->loc,
			       ev->kind == REL_FAILED ? ev->res : NULL, msg);
	if (!f)
		return;
	f->release.call = ev->call->name;
	f->release.loc = ev->call->loc;
}

const struct checker check_release_unacquired = {
	.name = "release-unacquired",
	.summary = "a release of what this path never acquired",
	.help = "This path releases a resource it never acquired, or whose "
		"acquire failed: typically a goto to a rung of the unwind "
		"ladder above the one that matches what was acquired so far.",
	.release = release_unacquired,
};
