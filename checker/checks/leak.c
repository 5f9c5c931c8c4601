// SPDX-License-Identifier: GPL-2.0
/*
 * leak: a resource acquired in this function is still held when the
 * function returns an error.  The caller sees the failure and will not
 * clean up after us, so whatever is still held here is lost: memory,
 * a mapping the firmware keeps using, a reference, an irq.
 */
#include "checks.h"

#include <string.h>

/* Is @id the handle of a resource this function acquired? */
static bool owned_object(const struct state *st, unsigned id)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == id)
			return true;
	return false;
}

/*
 * Length of the pointer that holds @key: "v3->ring->buf" is held by
 * "v3->ring", "v3->*" (a store through an out pointer) by "v3".  Zero
 * for a plain variable or a field of a struct variable.
 */
static size_t holder_len(const char *key)
{
	const char *arrow = NULL, *p;

	for (p = strstr(key, "->"); p; p = strstr(p + 2, "->"))
		arrow = p;
	return arrow ? (size_t)(arrow - key) : 0;
}

static bool stored_in_foreign_object(const struct state *st, const char *key)
{
	size_t len = holder_len(key);
	unsigned i;

	if (!len)
		return false;
	for (i = 0; i < st->nbinds; i++) {
		const struct binding *b = &st->binds[i];

		if (strlen(b->key) == len && !strncmp(b->key, key, len))
			return !(b->value.kind == V_SYM && owned_object(st, b->value.sym));
	}
	return true;	/* held by an object nobody here allocated */
}

/*
 * A handle stored in an object this function did not allocate (a global
 * driver structure, the device it was given, the caller's out pointer)
 * was handed over: the caller's cleanup reaches it from there.  One held
 * by a __free() variable is released when its scope ends.
 */
static bool handed_off(const struct state *st, const struct resource *r)
{
	unsigned i;

	if (!r->has_handle)
		return false;
	for (i = 0; i < st->nbinds; i++) {
		const struct binding *b = &st->binds[i];

		if (b->value.kind != V_SYM || b->value.sym != r->handle_sym)
			continue;
		if (key_is_scope_managed(b->key) ||
		    stored_in_foreign_object(st, b->key))
			return true;
	}
	return false;
}

static void leak_error_return(struct check_ctx *ctx, struct ir_loc where)
{
	unsigned i;

	for (i = 0; i < ctx->st->nres; i++) {
		const struct resource *r = &ctx->st->res[i];
		const char *release = resource_release_name(r);
		const char *acquire = resource_acquire_name(r);
		char *key, *msg;

		if (r->escaped || (r->status != RES_LIVE && r->status != RES_UNDECIDED) ||
		    handed_off(ctx->st, r))
			continue;
		if (r->name)
			msg = xasprintf("'%s' from %s() is not released on this "
					"error path; %s() is missing", r->name,
					acquire, release);
		else
			msg = xasprintf("%s() is not undone on this error path; "
					"%s() is missing", acquire, release);
		/* One warning per resource and return, whatever the path. */
		key = xasprintf("%s|%s|%u:%u", r->rule->pair->name,
				r->name ? r->name : "", where.line, where.col);
		struct finding *f = check_emit(ctx, check_leak.name, where, r, key, msg);
		if (f)
			f->missing = release;
		free(key);
	}
}

const struct checker check_leak = {
	.name = "leak",
	.summary = "a resource is not released on an error return",
	.error_return = leak_error_return,
};
