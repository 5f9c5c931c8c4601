// SPDX-License-Identifier: GPL-2.0
/*
 * returns.c - what a return means.
 *
 * Takes a path at a return and decides whether it is an error return (by
 * the value and the function's convention), and gives the checks their
 * events.  It also tells wrapper learning (knowledge/wrappers.h) what
 * each return gives: the resource a pointer function returns and its
 * failure values, and the resources an int function leaves in its
 * arguments' members.
 */
#include "engine/internal.h"

/* The constant @v is known to be, if it is one. */
bool known_const(const struct state *st, struct value v, long long *c)
{
	const struct sym *s = v.kind == V_SYM ? state_sym(st, v.sym) : NULL;

	if (v.kind == V_CONST)
		*c = v.c;
	else if (s && s->has_const)
		*c = s->c;
	else
		return false;
	return true;
}

/* A step below the lvalue, so that storing there forgets it. */
static const struct access_path *pending_marker(struct analysis *an,
						const struct access_path *key)
{
	return ap_step(an->paths, AP_PENDING, key, 0, NULL);
}

/*
 * "if (ret == -EINPROGRESS || (ret == -EBUSY && may_backlog)) return
 * ret;": the code takes the branch it takes for a pending value with
 * -EBUSY too, so there -EBUSY says "queued" as well.  On entering a
 * block that a test for a pending value leads to, the errno the tested
 * lvalue holds is marked pending for as long as the lvalue stands.
 */
void mark_pending_alike(struct path *p, const struct block *blk)
{
	const struct access_path *key =
		p->an->pending_at ? p->an->pending_at[blk->id] : NULL;
	const struct access_path *marker;
	struct value v;
	long long c;

	if (!key || !model_on(MODEL_PENDING_ALIKE))
		return;
	v = state_get(p->st, key);
	if (!known_const(p->st, v, &c) || c >= 0 || rules_pending_value(p->an->rules, c))
		return;
	marker = pending_marker(p->an, key);
	if (marker)
		state_set(p->st, marker, v_const(c));
}

static bool marked_pending(const struct state *st, long long c)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++) {
		if (st->binds[i].key->kind == AP_PENDING &&
		    st->binds[i].value.kind == V_CONST && st->binds[i].value.c == c)
			return true;
	}
	return false;
}

/*
 * Is @v known to be one of the rules' pending-values (-EINPROGRESS), or
 * an errno this path handled as one (mark_pending_alike())?
 */
static bool pending_value(struct path *p, struct value v)
{
	long long c;

	if (!known_const(p->st, v, &c))
		return false;
	return rules_pending_value(p->an->rules, c) || marked_pending(p->st, c);
}

/*
 * Is returning @v an error return?  A negative errno, an ERR_PTR, NULL
 * from a pointer function, or a call's result known to be non-zero
 * ("if (ret) goto err; ... return ret;").  On return, *mask is the part
 * of @v's value set that makes it an error.
 */
static bool is_error_return(struct path *p, struct value v, unsigned *mask)
{
	unsigned m = value_mask(p->st, v);

	if ((v.kind != V_CONST && v.kind != V_SYM) || pending_value(p, v))
		return false;
	switch (p->an->fn->ret) {
	case RET_POINTER:
		if (v.kind == V_CONST)
			return v.c == 0 || (v.c < 0 && v.c >= -4095);
		*mask = m;
		return !(m & VAL_POS);
	case RET_SIGNED:
		if (v.kind == V_CONST)
			return v.c < 0;
		*mask = VAL_NEG;
		return (m & VAL_NEG) && !(m & VAL_ZERO);
	default:
		return false;
	}
}

/*
 * The member of a parameter that @key names, as a function that sets up
 * its caller's object stores to it: "rings" of priv->rings, and
 * "audio.pdev" of priv->audio.pdev (a member of a struct the object
 * embeds), with the parameter's index in @param; NULL for any other path.
 * "&dev->mutex" too, where @address: a lock's handle is the member's
 * address.
 */
static const char *param_member(struct analysis *an,
				const struct access_path *key, int *param,
				bool address)
{
	const struct access_path *arrow = key, *k;
	const char *member;
	char text[256];
	size_t len = 0, n;

	if (key->kind == AP_ADDRESS && key->base) {
		if (!address ||
		    !(member = param_member(an, key->base, param, false)) ||
		    snprintf(text, sizeof(text), "&%s", member) >= (int)sizeof(text))
			return NULL;
		return strtab_intern(an->strings, text);
	}

	while (arrow->kind == AP_FIELD)
		arrow = arrow->base;
	if (arrow->kind != AP_ARROW || arrow->base->kind != AP_VAR ||
	    arrow->base->var < 0 || (unsigned)arrow->base->var >= an->fn->nparams)
		return NULL;
	*param = arrow->base->var;
	if (arrow == key)
		return key->name;
	/* The names from the outermost member in: written back to front. */
	text[sizeof(text) - 1] = '\0';
	len = sizeof(text) - 1;
	for (k = key; ; k = k->base) {
		n = strlen(k->name) + (k != key);
		if (n > len)
			return NULL;
		len -= n;
		memcpy(text + len, k->name, strlen(k->name));
		if (k != key)
			text[len + n - 1] = '.';
		if (k == arrow)
			break;
	}
	return strtab_intern(an->strings, text + len);
}

/*
 * Is @member where the acquire put @r ("areq_ctx->buff_sg" for
 * dma_map_sg(dev, areq_ctx->buff_sg, ...)), not a copy made after
 * ("areq_ctx->curr_sg = areq_ctx->buff_sg")?  Its callers release it
 * where it was made.
 */
static bool named_member(const struct resource *r, const char *member)
{
	size_t len = r->name ? strlen(r->name) : 0, mlen = strlen(member);

	return len > mlen + 2 && !strcmp(r->name + len - mlen, member) &&
	       !strncmp(r->name + len - mlen - 2, "->", 2);
}

/*
 * A success return that leaves nothing: which members of its arguments
 * did it find set ("if (priv->rings) return 0;")?  What a member the
 * other returns fill held then was there before the call.
 */
static void note_found_set(struct path *p)
{
	const struct sym *s;
	const char *member;
	unsigned i;
	int param;

	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM ||
		    !(member = param_member(p->an, b->key, &param,
					    p->an->wrapper.always)))
			continue;
		s = state_sym(p->st, b->value.sym);
		if (s && !(s->mask & VAL_ZERO))
			wrapper_found_set(&p->an->wrapper, param, member);
	}
}

static void note_gifts(struct path *p);

/*
 * May @r, whose handle is the address of a member of an argument
 * ("&dev->mutex"), be a gift to the callers?  A void function's (model
 * void-setup).  An int function's only for a lock (model lock-setup):
 * one that leaves an embedded device added (&dimm->dev) has callers
 * that tear the whole object down, through paths ladder does not
 * follow, but a lock taken is dropped by name.
 */
static bool address_gift(const struct analysis *an, const struct resource *r)
{
	if (an->wrapper.always)
		return true;
	return r->rule->pair->every_return && model_on(MODEL_LOCK_SETUP);
}

/*
 * An int function's success return (0), for wrapper learning: what it
 * acquired and left in members of its arguments.  "priv->rings =
 * kcalloc(...); if (!priv->rings) return -ENOMEM; return 0;"
 */
static void note_left_in_member(struct path *p, struct value v)
{
	if (value_mask(p->st, v) != VAL_ZERO) {
		wrapper_not(&p->an->wrapper);
		return;
	}
	note_gifts(p);
}

/* What this success return leaves in members of the arguments. */
static void note_gifts(struct path *p)
{
	struct wrapper_learner *w = &p->an->wrapper;
	struct gift found[MAX_GIFTS];
	unsigned handles[MAX_GIFTS] = { 0 };
	const struct resource *r;
	const char *member;
	unsigned i, k, j, n = 0;
	int param;

	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM ||
		    !(member = param_member(p->an, b->key, &param, true)))
			continue;
		for (k = 0; k < p->st->nres; k++) {
			r = &p->st->res[k];
			if (b->key->kind == AP_ADDRESS && !address_gift(p->an, r))
				continue;
			/*
			 * Handed over (device_register()), it is not the
			 * caller's; left for the caller to clean, it is.
			 * Managed (a devm regmap beside the client it maps),
			 * nobody cleans it by hand.
			 */
			if (!r->has_handle || r->handle_sym != b->value.sym ||
			    r->status != RES_LIVE || r->rule->pair->managed ||
			    (r->escaped && !left_for_caller(r)))
				continue;
			/*
			 * Resized (node->links = krealloc(node->links, ...),
			 * icc_link_create()), it is the array the object
			 * already held, grown: the object's, no new debt of
			 * the caller's.
			 */
			if (r->rule->takes)
				continue;
			for (j = 0; j < n && handles[j] != r->handle_sym; j++)
				;
			if (j < n) {
				/* One resource in two members: the acquire's own. */
				if (named_member(r, member))
					found[j].member = member;
				continue;
			}
			if (n == MAX_GIFTS) {
				wrapper_not(w);	/* too many */
				return;
			}
			handles[n] = r->handle_sym;
			found[n++] = (struct gift){ r->rule->pair, param, member };
		}
	}
	if (!n)
		note_found_set(p);
	wrapper_leaves_in_members(w, found, n);
}

/*
 * A pointer function's return, for wrapper learning: does a success
 * return give the handle of what this path acquired, and what do error
 * returns give?  "p = kzalloc(...); if (!p) return NULL; ...; return p;"
 * is a wrapper of kzalloc() reporting failure by NULL.
 */
static void note_given(struct path *p, struct value v, bool error,
		       unsigned error_mask)
{
	struct wrapper_learner *w = &p->an->wrapper;
	unsigned i;

	if (p->an->fn->ret == RET_SIGNED && !error) {
		note_left_in_member(p, v);
		return;
	}
	if (p->an->fn->ret != RET_POINTER)
		return;
	if (error) {
		wrapper_error_return(w, v.kind == V_CONST ?
				     (v.c ? VAL_NEG : VAL_ZERO) : error_mask);
		return;
	}
	for (i = 0; v.kind == V_SYM && i < p->st->nres; i++) {
		const struct resource *r = &p->st->res[i];

		if (!r->has_handle || r->handle_sym != v.sym || r->escaped ||
		    r->rule->handle.kind != HANDLE_RETURN ||
		    (r->status != RES_LIVE && r->status != RES_UNDECIDED))
			continue;
		wrapper_gives_handle(w, r->rule->pair, r->status == RES_UNDECIDED,
				     r->rule->success,
				     r->beyond_locals || r->in_given_object ||
				     (r->rule->learned && !r->rule->learned_local));
		return;
	}
	wrapper_not(w);
}

/*
 * Once explored: publish what the function wraps, if anything.  A
 * managed function (devm_devfreq_add_device()) registers the undo of
 * what it returns with devres: its callers owe nothing.
 */
/* Does a release call of the function take parameter @param's @member? */
static bool releases_param_member(const struct analysis *an, int param,
				  const char *member)
{
	/* "pdev" of a member chain "audio.pdev". */
	const char *last = display_member(member) ? display_member(member) : member;
	const struct rule_fn *rule;
	const struct ir *call, *arg;
	size_t i;

	for (i = 0; i < an->releases.len; i++) {
		call = an->releases.items[i];
		for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next) {
			if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
			    (unsigned)rule->handle.arg >= call->nkids)
				continue;
			arg = call->kids[rule->handle.arg];
			if (arg->kind == IR_MEMBER && arg->name &&
			    !strcmp(arg->name, last) &&
			    arg->kids[0]->kind == IR_VAR && arg->kids[0]->id == param)
				return true;
		}
	}
	return false;
}

/*
 * Model optional-setup, for a function whose success returns leave its
 * gifts on some paths only.  One that releases what a gift's member
 * held first (vfree(wl->fw) before wl->fw = vmalloc(...),
 * of_phandle_iterator_next()'s of_node_put(it->node)) replaces it: a
 * cache or an iterator, whose bare returns keep the old one.  A lock is
 * never optional: a caller cannot tell whether a 0 left it held.
 */
static bool optional_setup(const struct analysis *an)
{
	const struct wrapper_learner *w = &an->wrapper;
	unsigned i;

	if (!model_on(MODEL_OPTIONAL_SETUP))
		return false;
	for (i = 0; i < w->ngifts; i++)
		if (w->gifts[i].pair->every_return ||
		    releases_param_member(an, w->gifts[i].arg, w->gifts[i].member))
			return false;
	return true;
}

void publish_wrapper(struct analysis *an)
{
	if (!model_on(MODEL_MANAGED_NAMES) ||
	    !rules_name_managed(an->rules, an->fn->name))
		wrapper_publish(&an->wrapper, an->summaries, an->fn->name,
				!an->stopped, optional_setup(an));
}

/*
 * An error return that leaves a live resource behind, owed here or left
 * for its caller to clean (model caller-cleans), makes the function no
 * wrapper: a failed call to it may still hold what it acquired, so its
 * callers' releases after a failure are no release of nothing.  A managed
 * one (devm) is nobody's to release.
 */
static void leaves_on_failure(struct path *p)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		const struct resource *r = &p->st->res[i];

		if (r->status == RES_LIVE && !r->rule->pair->managed &&
		    (!r->escaped || left_for_caller(r)))
			wrapper_not(&p->an->wrapper);
	}
}

/*
 * Model error-label.  A void function has no error value, but kernel
 * style names the labels of its unwind for what they handle
 * (err_put_runtime_pm:, fail_unmap:, the rules' error-label-words): a
 * path that has entered one failed, and the return it reaches is an
 * error return.  A macro's own label says nothing.
 */
void enter_label(struct path *p, const struct block *blk)
{
	if (p->an->fn->ret != RET_VOID || !model_on(MODEL_ERROR_LABEL) ||
	    (blk->label->flags & IR_F_INTERNAL) ||
	    !rules_label_says_error(p->an->rules, blk->label->name))
		return;
	state_set(p->st, ap_marker(p->an->paths, AP_ERROR_LABEL, NULL, NULL),
		  v_const(1));
}

/*
 * Model void-setup.  A void function cannot fail, so each of its returns
 * is a success: what every one of them leaves in members of its
 * arguments (device_lock(dev) holding &dev->mutex, foo_init_rings(priv)
 * leaving priv->rings) is set up for its callers, an acquire that always
 * succeeds.  A return through an error label (model error-label) makes
 * it none.
 */
static void note_void_gifts(struct path *p, bool error)
{
	struct wrapper_learner *w = &p->an->wrapper;

	if (!model_on(MODEL_VOID_SETUP) || p->an->fn->ret != RET_VOID || error) {
		wrapper_not(w);
		return;
	}
	w->always = true;
	note_gifts(p);
}

/* A void function's return, at @where: an error one past an error label. */
void void_return(struct path *p, struct ir_loc where)
{
	const struct access_path *marker =
		ap_marker(p->an->paths, AP_ERROR_LABEL, NULL, NULL);
	bool error = state_get(p->st, marker).kind == V_CONST;

	note_void_gifts(p, error);
	if (error)
		fire_error_return(p, where, false);
	else
		fire_other_return(p, where);
}

static void finish_return(struct path *p, const struct block *blk, struct value v)
{
	unsigned mask = 0;
	bool error = is_error_return(p, v, &mask);

	note_given(p, v, error, mask);
	if (!blk->ret && p->an->fn->ret == RET_VOID) {
		void_return(p, blk->where);
		return;
	}
	if (!error) {
		/* What it returns is its caller's now. */
		if (blk->ret)
			mark_carried(p, blk->ret, v);
		fire_other_return(p, blk->where);
		return;
	}
	if (v.kind == V_SYM && !state_refine(p->st, v.sym, mask))
		return;
	leaves_on_failure(p);
	fire_error_return(p, blk->where, !(v.kind == V_CONST && v.c == 0) &&
			  !(mask & VAL_ZERO));
}

/*
 * Model tested-return.  "return PTR_ERR_OR_ZERO(p);" returns an errno
 * exactly when p is an error pointer: it is two returns, a success with
 * p valid and a failure with p an error, not one return of a value that
 * may be either.  So for any test kept as a value (a predicate's result)
 * an int function returns.
 */
static bool split_tested_return(struct path *p, const struct block *blk,
				struct value v)
{
	const struct sym *s = v.kind == V_SYM ? state_sym(p->st, v.sym) : NULL;
	unsigned outcome[2], i;

	if (!s || !s->has_tests || p->an->fn->ret != RET_SIGNED ||
	    !(s->mask & VAL_ZERO) || !(s->mask & ~VAL_ZERO) ||
	    !model_on(MODEL_TESTED_RETURN))
		return false;
	outcome[0] = VAL_ZERO;
	outcome[1] = s->mask & ~VAL_ZERO;
	for (i = 0; i < 2; i++) {
		struct path q = { p->an, state_clone(p->st) };

		if (state_refine(q.st, v.sym, outcome[i]))
			finish_return(&q, blk, v);
		state_free(q.st);
	}
	return true;
}

void do_return(struct path *p, const struct block *blk)
{
	struct value v = blk->ret ? eval(p, blk->ret) : v_unknown();

	if (!split_tested_return(p, blk, v))
		finish_return(p, blk, v);
}
