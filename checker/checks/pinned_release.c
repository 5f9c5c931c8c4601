// SPDX-License-Identifier: GPL-2.0
/*
 * pinned-release: memory is released while something still pins it.
 * ffa_rxtx_map(virt_to_phys(buf), ...) hands buf to the firmware; freeing
 * buf before ffa_rxtx_unmap() gives the page allocator memory that the
 * firmware still writes to.  Undoing the mapping later does not help.
 * Mappings inferred from an exit function (infer.c) are reported as
 * mirror-pinned-release.
 */
#include "checks.h"

static bool pins(const struct resource *holder, unsigned sym)
{
	unsigned i;

	for (i = 0; i < holder->npins; i++)
		if (holder->pins[i] == sym)
			return true;
	return false;
}

static void pinned_release(struct check_ctx *ctx, const struct release_event *ev)
{
	const struct resource *r = ev->res, *holder;
	unsigned i;

	if (ev->kind != REL_LIVE || !r->has_handle)
		return;
	for_each_path_resource(ctx, i, holder) {
		const char *name = r->name ? r->name : ev->handle;
		bool inferred = holder->rule->pair->origin != PAIR_RULE;
		struct finding *f;
		char *key, *msg;

		if (holder == r || holder->escaped || !pins(holder, r->handle_sym) ||
		    (holder->status != RES_LIVE && holder->status != RES_UNDECIDED))
			continue;
		msg = xasprintf("%s() releases '%s' while %s() still pins it; "
				"%s() must come first%s%s%s", ev->call->name,
				name ? name : "memory", resource_acquire_name(holder),
				resource_release_name(holder), inferred ? " (inferred: " : "",
				inferred ? holder->rule->pair->description : "",
				inferred ? ")" : "");
		key = xasprintf("%u:%u|%s", ev->call->loc.line, ev->call->loc.col,
				name ? name : "");
		f = check_emit(ctx, inferred ? check_mirror_pinned_release.name :
				    check_pinned_release.name, ev->call->loc, r, key, msg);
		free(key);
		if (!f)
			continue;
		f->release.call = ev->call->name;
		f->release.loc = ev->call->loc;
		finding_note(f, holder->acquire->loc, "pinned here by %s()",
			     resource_acquire_name(holder));
	}
}

const struct checker check_pinned_release = {
	.name = "pinned-release",
	.summary = "memory is released while a live mapping still pins it",
	.help = "A mapping (a firmware or DMA mapping) was made of this "
		"memory and is still live where the memory is released, so "
		"the device or firmware keeps access to freed pages.  Undo "
		"the mapping first, even when it is undone later anyway.",
	.release = pinned_release,
};

/*
 * The same, for a mapping no rule names: infer.c found that the exit
 * function undoes it before releasing the memory passed to it.
 * Reported by pinned_release() above, under this name.
 */
const struct checker check_mirror_pinned_release = {
	.name = "mirror-pinned-release",
	.summary = "memory is released while an inferred mapping still pins it",
	.help = "No rule names this mapping: ladder inferred it from the "
		"module's exit function or the driver's remove callback, which "
		"undoes it before releasing the memory it was given.  This path "
		"releases the memory while the mapping is live.  Undo the "
		"mapping first, in the exit function's order; if the inference "
		"is wrong, add a rule for the pair (docs/rules.md).",
};
