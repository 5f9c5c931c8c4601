// SPDX-License-Identifier: GPL-2.0
/*
 * double-release: this path releases something it already released,
 * typically an error ladder whose labels both free the same object, or a
 * helper that frees and a caller that frees again.
 */
#include "checks.h"
#include "engine/models.h"

static bool variable_index(const struct ir *e)
{
	unsigned i;

	if (!e)
		return false;
	if (e->kind == IR_INDEX && e->kids[1]->kind != IR_CONST)
		return true;
	for (i = 0; i < e->nkids; i++)
		if (variable_index(e->kids[i]))
			return true;
	return false;
}

/* Does the release name its handle through x[i], i a variable? */
static bool indexed_handle(const struct release_event *ev)
{
	unsigned arg = (unsigned)ev->rule->handle.arg;

	return ev->rule->handle.kind == HANDLE_ARG && arg < ev->call->nkids &&
	       variable_index(ev->call->kids[arg]);
}

static void double_release(struct check_ctx *ctx, const struct release_event *ev)
{
	const struct resource *r = ev->res;
	const char *name;
	struct finding *f;
	char *msg;

	if (ev->kind != REL_RELEASED)
		return;
	/*
	 * A NULL-safe release given what the path knows is NULL releases
	 * nothing: the acquire that last set the handle failed.  A lookup
	 * loop ends so, "do { dev = bus_find_device(bus, dev, ...); ...
	 * put_device(dev); } while (dev); put_device(dev);".
	 */
	if (release_null_safe(ev->rule) && ev->handle_mask == VAL_ZERO)
		return;
	/*
	 * A handle-less pair counts references (runtime PM): a second put
	 * may balance a get made in another call.  Only on an error ladder
	 * is it a rung too many.
	 */
	if (!r->has_handle && !path_entered_label(ctx))
		return;
	/*
	 * Removed by name, what is gone already is not found again:
	 * sysfs_remove_link() of the same name twice does nothing the
	 * second time, and two names are two links ladder cannot tell
	 * apart without a handle.
	 */
	if (!r->has_handle && r->rule->pair->absent_safe)
		return;
	/*
	 * The call that released it before is this one: the path went
	 * round a loop.  A counted reference (no handle) or an element
	 * picked by a variable index is one of many, which ladder does not
	 * tell apart: "while (i--) pm_runtime_put_noidle(dev);".
	 */
	if (r->release == ev->call && model_on(MODEL_LOOP_ELEMENTS) &&
	    (!r->has_handle || indexed_handle(ev)))
		return;
	/*
	 * Several elements of a counted pair, acquired by a loop: the
	 * failing pass's own release and the unwind's are two of them.
	 */
	if (r->elements_before && model_on(MODEL_LOOP_ELEMENTS))
		return;
	name = r->name ? r->name : ev->handle;
	/* The same call again: not "after free() at line N" on line N. */
	if (r->release == ev->call && name)
		msg = xasprintf("'%s' is released twice: %s() here releases it "
				"again the next time round the loop", name,
				ev->call->name);
	else if (r->release == ev->call)
		msg = xasprintf("%s() undoes %s() again the next time round the "
				"loop", ev->call->name, resource_acquire_name(r));
	else if (name)
		msg = xasprintf("'%s' is released twice: %s() here, after %s() "
				"at line %u", name, ev->call->name,
				r->release->name, r->release->loc.line);
	else
		msg = xasprintf("%s() undoes %s() a second time; the first was "
				"at line %u", ev->call->name, resource_acquire_name(r),
				r->release->loc.line);
	f = check_emit_release(ctx, check_double_release.name, ev->call->loc, r, msg);
	if (!f)
		return;
	f->release.call = ev->call->name;
	f->release.loc = ev->call->loc;
	finding_note(f, r->release->loc, "first released here by %s()",
		     r->release->name);
}

const struct checker check_double_release = {
	.name = "double-release",
	.summary = "a resource is released twice on one path",
	.help = "Along the path in the notes, this resource was already "
		"released.  Often two unwind rungs release the same thing, "
		"or a helper called earlier released it.",
	.release = double_release,
};
