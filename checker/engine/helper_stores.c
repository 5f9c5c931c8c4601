// SPDX-License-Identifier: GPL-2.0
/*
 * helper_stores.c - the stores a called function makes, made at its call.
 *
 * dev_set_drvdata(dev, data) is "dev->driver_data = data", and
 * platform_set_drvdata(pdev, data) is dev_set_drvdata(&pdev->dev, data):
 * inlines of the headers that the compiler turns into one store.  A
 * function whose body the TU holds (its own, or a header's inline) and
 * that does nothing but store its parameters into members of others,
 * directly or through another such function, is those stores: at every
 * call the caller's state binds the value under the member of its own
 * argument, as if the store were written there (model helper-stores).
 * What the caller then hands to a helper given that object
 * (xenkbd_remove(dev) reading the drvdata back and freeing it) is
 * reachable from it, and a setter is not an unknown call that may
 * keep or free what its arguments lead to.
 *
 * A body that does anything else (a test, a return, a call no such
 * body explains) is not a setter: its call stays unknown.
 */
#include "engine/internal.h"

/* How deep one setter may call another: platform_set_drvdata() -> dev_set_drvdata(). */
#define STORE_DEPTH	3
/* The stores one call site makes, at most. */
#define MAX_SITE_STORES	8

/*
 * What one call site stores: lvalue @lhs[i] gets the value of argument
 * @arg[i].  @setter: the callee does nothing else.
 */
struct site_stores {
	unsigned n;
	bool setter;
	struct ir *lhs[MAX_SITE_STORES];
	unsigned arg[MAX_SITE_STORES];
};

/* What the callee's parameters are, in the caller's terms. */
struct actuals {
	struct ir *expr[MAX_CALL_ARGS];	/* the caller's expression, or NULL */
	int arg[MAX_CALL_ARGS];		/* the caller's argument it is, or -1 */
	unsigned n;
	struct ir_loc loc;		/* the caller's call: where the stores are */
};

static struct ir *new_node(struct analysis *an, const struct ir *like,
			   unsigned nkids, struct ir_loc loc)
{
	struct ir *n = arena_alloc(an->arena, sizeof(*n));

	*n = *like;
	n->flags &= ~IR_F_KEYED;
	n->key = NULL;
	n->display = NULL;
	n->loc = loc;
	n->nkids = nkids;
	n->kids = nkids ? arena_alloc(an->arena, nkids * sizeof(*n->kids)) : NULL;
	return n;
}

/*
 * @e, an lvalue of the callee @fn, spelled in the caller's terms: its
 * parameters replaced by what @act says they are.  NULL for what has no
 * such spelling (the callee's locals, calls, a variable index).
 */
static struct ir *substitute(struct analysis *an, const struct ir_func *fn,
			     const struct ir *e, const struct actuals *act)
{
	struct ir *kid, *n;

	switch (e->kind) {
	case IR_VAR:
		if ((e->flags & IR_F_GLOBAL) || e->id < 0 ||
		    (unsigned)e->id >= fn->nparams || (unsigned)e->id >= act->n)
			return NULL;
		return act->expr[e->id];
	case IR_CONST:
		return (struct ir *)e;
	case IR_MEMBER:
	case IR_DEREF:
	case IR_ADDR:
	case IR_INDEX:
		if (e->kind == IR_INDEX && e->kids[1]->kind != IR_CONST)
			return NULL;
		kid = substitute(an, fn, e->kids[0], act);
		if (!kid)
			return NULL;
		n = new_node(an, e, e->nkids, act->loc);
		/* (&x)->m is x.m, and *&x is x: as the caller would spell it. */
		if (e->kind == IR_MEMBER && (e->flags & IR_F_ARROW) &&
		    kid->kind == IR_ADDR) {
			n->flags &= ~IR_F_ARROW;
			kid = kid->kids[0];
		} else if (e->kind == IR_DEREF && kid->kind == IR_ADDR) {
			return kid->kids[0];
		}
		n->kids[0] = kid;
		if (e->nkids > 1)
			n->kids[1] = e->kids[1];
		return n;
	default:
		return NULL;
	}
}

/* Is @e a parameter of @fn the caller passed as its argument?  Which, or -1. */
static int passed_param(const struct ir_func *fn, const struct ir *e,
			const struct actuals *act)
{
	if (e->kind != IR_VAR || (e->flags & IR_F_GLOBAL) || e->id < 0 ||
	    (unsigned)e->id >= fn->nparams || (unsigned)e->id >= act->n)
		return -1;
	return act->arg[e->id];
}

static bool collect_stores(struct analysis *an, const struct ir_func *fn,
			   const struct actuals *act, unsigned depth,
			   struct site_stores *out);

/* A store "param->m = param2" of @fn: made by the call.  Is it one? */
static bool collect_store(struct analysis *an, const struct ir_func *fn,
			  const struct ir *assign, const struct actuals *act,
			  struct site_stores *out)
{
	const struct ir *lhs = assign->kids[0];
	int arg = passed_param(fn, assign->kids[1], act);
	struct ir *spelled;

	if (arg < 0 || lhs->kind == IR_VAR || out->n == MAX_SITE_STORES)
		return false;
	spelled = substitute(an, fn, lhs, act);
	if (!spelled || spelled->kind == IR_VAR)
		return false;
	out->lhs[out->n] = spelled;
	out->arg[out->n++] = (unsigned)arg;
	return true;
}

/* A call of @fn to another setter of the TU: its stores too.  Is it one? */
static bool collect_call(struct analysis *an, const struct ir_func *fn,
			 const struct ir *call, const struct actuals *act,
			 unsigned depth, struct site_stores *out)
{
	const struct ir_func *callee;
	struct actuals inner = { .n = 0, .loc = act->loc };
	unsigned i;

	if (depth >= STORE_DEPTH || !call->name ||
	    rules_lookup(an->rules, call->name) ||
	    !(callee = summary_body(an->summaries, call->name)) ||
	    call->nkids > MAX_CALL_ARGS)
		return false;
	for (i = 0; i < call->nkids; i++) {
		inner.expr[i] = substitute(an, fn, call->kids[i], act);
		inner.arg[i] = passed_param(fn, call->kids[i], act);
	}
	inner.n = call->nkids;
	return collect_stores(an, callee, &inner, depth + 1, out);
}

/* The stores @fn's body makes: is that all it does? */
static bool collect_stores(struct analysis *an, const struct ir_func *fn,
			   const struct actuals *act, unsigned depth,
			   struct site_stores *out)
{
	const struct ir *body = fn->body;
	unsigned i;

	if (!body || body->kind != IR_BLOCK)
		return false;
	for (i = 0; i < body->nkids; i++) {
		const struct ir *s = body->kids[i];
		bool stores;

		if (s->kind == IR_ASSIGN)
			stores = collect_store(an, fn, s, act, out);
		else if (s->kind == IR_CALL)
			stores = collect_call(an, fn, s, act, depth, out);
		else	/* nothing, or a local declared without a value */
			stores = s->kind == IR_NOP ||
				 (s->kind == IR_DECL && !s->nkids);
		if (!stores)
			return false;
	}
	return true;
}

/* What a call at @call's site stores, found once per site. */
static const struct site_stores *stores_of(struct analysis *an,
					   struct ir *call)
{
	struct site_stores **slot, *found;
	const struct ir_func *callee;
	struct actuals act = { .n = 0, .loc = call->loc };
	unsigned i;

	if (call->site >= an->fn->nsites)
		return NULL;
	if (!an->site_stores)
		an->site_stores = arena_alloc(an->arena, an->fn->nsites *
					      sizeof(*an->site_stores));
	slot = &an->site_stores[call->site];
	if (*slot)
		return (*slot)->n ? *slot : NULL;
	found = arena_alloc(an->arena, sizeof(*found));
	*slot = found;
	callee = summary_body(an->summaries, call->name);
	if (!callee || call->nkids > MAX_CALL_ARGS)
		return NULL;
	for (i = 0; i < call->nkids; i++) {
		act.expr[i] = call->kids[i];
		act.arg[i] = (int)i;
	}
	act.n = call->nkids;
	found->setter = collect_stores(an, callee, &act, 0, found) && found->n;
	return found->setter ? found : NULL;
}

bool make_helper_stores(struct path *p, struct ir *call,
			const struct value *args, unsigned nargs)
{
	const struct site_stores *stores;
	const char *display;
	unsigned i;

	if (!model_on(MODEL_HELPER_STORES) || !call->name ||
	    !(stores = stores_of(p->an, call)))
		return false;
	/*
	 * Into places ladder can name only: a store it cannot follow
	 * would let what is stored go, where the unknown call keeps it.
	 */
	for (i = 0; i < stores->n; i++)
		if (stores->arg[i] >= nargs ||
		    !lvalue(p->an, stores->lhs[i], &display))
			return false;
	for (i = 0; i < stores->n; i++)
		store(p, stores->lhs[i], args[stores->arg[i]]);
	return true;
}
