// SPDX-License-Identifier: GPL-2.0
/*
 * devm-release: a managed (devm_*, drmm_*) resource released by the
 * plain release, kfree() of devm_kzalloc() memory, clk_put() of a
 * devm_clk_get() clock.  The driver core (or the drm_device) releases
 * it again when the device goes away: a double free or put, long after
 * the code that caused it.  The managed release (devm_kfree()) is fine, and a managed
 * resource is never a leak.
 */
#include "checks.h"

static void devm_release(struct check_ctx *ctx, const struct release_event *ev)
{
	const struct resource *r = ev->res;
	const char *name;
	struct finding *f;
	char *key, *msg, *advice;

	if (ev->kind != REL_MANAGED)
		return;
	name = r->name ? r->name : ev->handle;
	/* pcim_enable_device() has no managed undo to suggest. */
	if (r->rule->pair->first_release)
		advice = xasprintf("use %s() or drop the release",
				   resource_release_name(r));
	else
		advice = xstrdup("drop the release");
	msg = xasprintf("%s() releases %s%s%sfrom %s(), which is managed and "
			"released again when its device goes away; %s",
			ev->call->name, name ? "'" : "", name ? name : "",
			name ? "' " : "", resource_acquire_name(r), advice);
	free(advice);
	key = xasprintf("%u:%u", ev->call->loc.line, ev->call->loc.col);
	f = check_emit(ctx, check_devm_release.name, ev->call->loc, r, key, msg);
	free(key);
	if (!f)
		return;
	f->release.call = ev->call->name;
	f->release.loc = ev->call->loc;
}

const struct checker check_devm_release = {
	.name = "devm-release",
	.summary = "a managed (devm) resource released by hand",
	.help = "This resource came from a devm_* (or drmm_*) function: it is "
		"released automatically when its device goes away.  Releasing "
		"it with the plain function (kfree, clk_put, iounmap, free_irq) "
		"makes that a double release.  Use the managed release "
		"(devm_kfree) if it must go early, or acquire it unmanaged.",
	.release = devm_release,
};
