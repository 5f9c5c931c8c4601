// SPDX-License-Identifier: GPL-2.0
/*
 * resources.c - who owns what a path acquired.
 *
 * Takes a store of an acquired value (into a local, a member of an object,
 * a global, the caller's out parameter) and decides whether the function
 * still owes it: kept in an object it allocated, handed over to an object
 * that owns it, to the caller, to a devm action, or escaped where ladder
 * cannot follow.  Each decision that makes ladder say less is a named
 * model (models.h).
 */
#include "engine/internal.h"

/*
 * @r is not owed on this path from @where on, for @reason (enum escape:
 * a fact, or the model that decided).  The first reason stands.
 */
void escape(struct resource *r, unsigned char reason, struct ir_loc where)
{
	if (r->escaped)
		return;
	r->escaped = reason;
	r->escaped_at = where;
}

/* ---- resources ---- */

bool pair_acquired(const struct analysis *an, const struct pair *pair)
{
	unsigned i;

	for (i = 0; i < an->nacquired; i++)
		if (an->acquired[i] == pair)
			return true;
	return false;
}

void name_resources(struct path *p, unsigned sym, struct ir *lhs,
		    const char *display)
{
	bool internal = rooted_in_internal(lhs);
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (!r->has_handle || r->handle_sym != sym)
			continue;
		if (!r->name || (r->name_internal && !internal)) {
			r->name = display;
			r->name_internal = internal;
		}
	}
}

/*
 * The lvalue a resource is named after now holds something else
 * ("raw = no_free_ptr(buf)" cleared buf): the next place the handle is
 * stored names it instead.
 */
static void stale_names(struct path *p, const char *display, struct value v)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->name == display &&
		    !(v.kind == V_SYM && r->has_handle && v.sym == r->handle_sym))
			r->name_internal = true;
	}
}

/*
 * @key was written: forget what was known of it and below it, and the
 * stable calls asked of what it is part of, which may read it:
 * "dev->platform_data = pdata" makes dev_get_platdata(dev) a new question.
 */
void forget_from(struct path *p, const struct access_path *key)
{
	const struct access_path *stale[16];
	unsigned i, n = 0;

	state_forget_below(p->st, key);
	for (i = 0; i < p->st->nbinds && n < ARRAY_SIZE(stale); i++) {
		const struct access_path *memo = p->st->binds[i].key;

		if (memo->kind == AP_MEMO && ap_within(key, memo->base))
			stale[n++] = memo;
	}
	for (i = 0; i < n; i++)
		state_set(p->st, stale[i], v_unknown());
}

/* A handle stored where ladder cannot follow it is no longer owed here. */
static void escape_sym(struct path *p, unsigned sym, unsigned char reason,
		       struct ir_loc where)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle && p->st->res[i].handle_sym == sym)
			escape(&p->st->res[i], reason, where);
}

/*
 * A __free() variable declared again ("struct device_node *prev
 * __free(device_node) = np;" in a loop's body) is a new object: the
 * scope of the one before ended when the path left the body, and the
 * compiler's cleanup released what it held.
 */
void scope_ended(struct path *p, const struct access_path *key,
		 struct ir_loc where)
{
	struct value old = state_get(p->st, key);

	if (key_is_scope_managed(key) && old.kind == V_SYM)
		escape_sym(p, old.sym, ESC_SCOPE_END, where);
}

/*
 * Is @passed, the value of &x given to a call, the handle of a resource
 * that is x itself, an object embedded where it lives
 * (v4l2_ctrl_handler_init(&ctx->hdl, n))?  Then the call is given the
 * resource, as foo(p) is given p's memory: it uses it, and may change
 * what it holds, but does not take it (model embedded-handle).
 */
static bool is_embedded_handle(const struct path *p, struct value passed)
{
	unsigned i;

	if (passed.kind != V_SYM || !model_on(MODEL_EMBEDDED_HANDLE))
		return false;
	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle &&
		    p->st->res[i].handle_sym == passed.sym)
			return true;
	return false;
}

/*
 * &x was passed to a call: x and what hangs off it may have changed.
 * @passed is the address's value.
 */
void escape_lvalue(struct path *p, const struct access_path *key,
		   struct value passed, struct ir_loc where)
{
	const struct access_path *address = NULL;
	bool embedded = is_embedded_handle(p, passed);
	unsigned i;

	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM || !ap_within(b->key, key))
			continue;
		if (embedded && b->value.sym == passed.sym) {
			address = b->key;
			continue;
		}
		escape_sym(p, b->value.sym, ESC_ADDRESS_PASSED, where);
	}
	forget_from(p, key);
	state_set(p->st, key, v_unknown());
	/* What the object holds may change; where it lives does not. */
	if (address)
		state_set(p->st, address, passed);
}

/*
 * Is @sym the handle of a resource this function acquired and still
 * owns?  Once handed over (device_initialize(&gdev->dev) gives gdev to
 * its release callback), what is stored in it afterwards goes with it.
 */
/*
 * A devm object (priv = devm_kzalloc(...)) counts as the device's, as
 * before devm pairs had rules: what is stored in it is handed over.
 * Strictly, a failed probe frees it and loses what it holds; but
 * reporting its members today would mostly repeat one imprecision, a
 * clk_prepare_enable() undone by clk_disable() and clk_unprepare()
 * (one pair in the rules), so that waits for split clock pairs.
 */
static bool owned_object(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == sym &&
		    !st->res[i].escaped && !st->res[i].rule->pair->managed)
			return true;
	return false;
}

/*
 * An object this function acquired and then handed over
 * (device_initialize(&gdev->dev) gives gdev to its release callback):
 * what is stored in it afterwards goes with it.
 */
static bool handed_object(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == sym &&
		    st->res[i].escaped == ESC_HAND_OFF)
			return true;
	return false;
}

enum holder {
	HOLDER_OWN,		/* a local, or an object allocated here */
	HOLDER_GIVEN,		/* an object the function was given, or a devm one */
	HOLDER_HANDED,		/* an object of this path, handed over */
};

/*
 * Who holds @lhs: is it a member of an object this function did not
 * allocate, a field of the device or structure it was given, of a global
 * driver structure, or the caller's out pointer (*out)?  A field of a
 * local struct variable, or of an object allocated here, is the
 * function's own.
 */
static enum holder member_holder(struct path *p, struct ir *lhs)
{
	const struct access_path *key;
	const char *display;
	struct value holder;
	bool embedded = false;

	/*
	 * pdev->dev.platform_data and unmap->addr[0] are held by what
	 * pdev and unmap point to, and so is the object embedded at
	 * &priv->notifier (model embedded-holder).  Not handed over with
	 * its container, though: device_register(&w->dev) gave w to the
	 * device core, but the registration is still the path's.
	 */
	if (lhs->kind == IR_ADDR && model_on(MODEL_EMBEDDED_HOLDER)) {
		lhs = lhs->kids[0];
		embedded = true;
	}
	while ((lhs->kind == IR_MEMBER && !(lhs->flags & IR_F_ARROW)) ||
	       lhs->kind == IR_INDEX)
		lhs = lhs->kids[0];
	if (lhs->kind != IR_DEREF && !(lhs->kind == IR_MEMBER && (lhs->flags & IR_F_ARROW)))
		return HOLDER_OWN;
	key = lvalue(p->an, lhs->kids[0], &display);
	if (!key)
		return HOLDER_GIVEN;
	holder = state_get(p->st, key);
	if (holder.kind != V_SYM)
		return HOLDER_GIVEN;
	if (owned_object(p->st, holder.sym))
		return HOLDER_OWN;
	if (handed_object(p->st, holder.sym))
		return embedded ? HOLDER_OWN : HOLDER_HANDED;
	return HOLDER_GIVEN;
}

/* Does the function release a resource of @pair through @key somewhere? */
static bool releases_through(struct analysis *an, const struct pair *pair,
			     const struct access_path *key)
{
	const char *display;
	size_t i;

	for (i = 0; key && i < an->releases.len; i++) {
		struct ir *call = an->releases.items[i];
		const struct rule_fn *rule;

		for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next)
			if (rule->role == ROLE_RELEASE && rule->pair == pair &&
			    rule->handle.kind == HANDLE_ARG &&
			    (unsigned)rule->handle.arg < call->nkids &&
			    lvalue(an, call->kids[rule->handle.arg], &display) == key)
				return true;
	}
	return false;
}

/*
 * A function that fails undoes what it did: a resource it left in an
 * object it was given is still its debt on an error return.  Unless
 * another party is seen to clean it: a caller in the file that releases
 * that pair (itself or through another helper), as foo_alloc_rings(priv)'s
 * caller frees priv->rings when it fails.  The function's own releases,
 * reached through the caller, are no such evidence.  (Asking for the
 * same member measured worse: callers reached through ops tables and
 * teardown helpers that free a whole object are not seen.)  A callback
 * the driver core or a subsystem calls (probe, open, init) has no such
 * caller here.  Callers in other files (model cross-file) are asked for
 * that member, @member: across a tree some caller of a library function
 * releases every common pair, so the pair alone says nothing there.
 */
static bool caller_cleans(const struct analysis *an, const struct pair *pair,
			  const char *member, bool embedded)
{
	bool cleaned;

	if (model_on(MODEL_PASSED_UP) &&
	    summary_failure_passed_up(an->summaries, an->fn->name, pair, member,
				      &cleaned))
		return cleaned;
	/*
	 * An object embedded in the given one (&chip->dev) is asked for by
	 * member: a caller's put_device() of some other device is no
	 * evidence that anyone undoes get_device(&chip->dev).
	 */
	if (!embedded && summary_caller_releases(an->summaries, an->fn->name, pair))
		return true;
	return summary_callers_free_member(an->summaries, an->fn->name, pair,
					   member);
}

/*
 * Or a caller in the file gives an object its last put (put_device(),
 * itself or through a helper): the object's release callback frees what
 * it holds, as edac_mc_alloc()'s _edac_mc_free() frees what
 * edac_mc_alloc_csrows() left in mci through mci_release().  Which
 * object is not asked, as caller_cleans() does not ask which member.
 * Only what an acquire made and the object keeps (kmalloc()'s block, a
 * reference returned): a release callback frees, it does not undo what
 * was done to an object the container points to (try_module_get(
 * bus->owner), clk_prepare_enable(priv->clk)), nor unlock.
 */
static bool caller_puts(const struct analysis *an, const struct resource *r)
{
	enum handle_kind handle = r->rule->handle.kind;
	bool cleaned;

	if (model_on(MODEL_PASSED_UP) &&
	    summary_failure_passed_up(an->summaries, an->fn->name, r->rule->pair,
				      NULL, &cleaned) && !cleaned)
		return false;
	return model_on(MODEL_CALLER_PUTS) && !r->rule->pair->every_return &&
	       (handle == HANDLE_RETURN || handle == HANDLE_ARG_OUT) &&
	       summary_callers_put(an->summaries, an->fn->name);
}

/* Which model, if any, leaves to a caller what is stored in a given object. */
static enum model_id caller_owes(const struct analysis *an, const struct resource *r,
				 const struct ir *lhs)
{
	bool embedded = lhs->kind == IR_ADDR && model_on(MODEL_EMBEDDED_HOLDER);
	const char *member;

	/* &priv->notifier is the member "notifier" (model embedded-holder). */
	if (embedded)
		lhs = lhs->kids[0];
	member = lhs->kind == IR_MEMBER ? lhs->name : NULL;
	if (model_on(MODEL_CALLER_CLEANS) &&
	    caller_cleans(an, r->rule->pair, member, embedded))
		return MODEL_CALLER_CLEANS;
	if (caller_puts(an, r))
		return MODEL_CALLER_PUTS;
	return NR_MODELS;
}

/* Left for a caller to clean, it is still what the function gives. */
bool left_for_caller(const struct resource *r)
{
	return r->escaped == model_escape(MODEL_CALLER_CLEANS) ||
	       r->escaped == model_escape(MODEL_CALLER_PUTS);
}

/*
 * A resource held in a global this function does not own was handed
 * over, unless the function itself releases it from there on some path:
 * then it took the job, and every error path owes it.
 */
static void hand_over_global(struct path *p, const struct access_path *key,
			     unsigned sym, struct ir_loc where)
{
	unsigned i;

	if (!model_on(MODEL_PERMANENT_GLOBAL))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == sym &&
		    !releases_through(p->an, r->rule->pair, key))
			escape(r, model_escape(MODEL_PERMANENT_GLOBAL), where);
	}
}

static bool is_release_call(const struct analysis *an, const struct ir *e)
{
	size_t i;

	for (i = 0; e->kind == IR_CALL && i < an->releases.len; i++)
		if (an->releases.items[i] == e)
			return true;
	return false;
}

/* The path of the member of an object ("p->x") release call @call frees, or NULL. */
static const struct access_path *released_member(struct analysis *an,
						 struct ir *call)
{
	const struct access_path *key;
	const char *display;
	unsigned k;

	for (k = 0; k < call->nkids; k++) {
		key = lvalue(an, call->kids[k], &display);
		if (key && ap_through_pointer(key))
			return key;
	}
	return NULL;
}

/*
 * Does @e hold a release of a member of an object, other than the free
 * of an old value the next statement replaces ("kfree(entry->data);
 * entry->data = kmemdup(...)"), which is no undo?
 */
static bool undoes_member(struct analysis *an, struct ir *e)
{
	const struct access_path *key;
	const char *display;
	unsigned i;

	if (!e)
		return false;
	for (i = 0; i < e->nkids; i++) {
		struct ir *kid = e->kids[i], *next;

		if (!kid)
			continue;
		if (e->kind == IR_BLOCK && is_release_call(an, kid) &&
		    (key = released_member(an, kid))) {
			next = i + 1 < e->nkids ? e->kids[i + 1] : NULL;
			if (!next || next->kind != IR_ASSIGN ||
			    lvalue(an, next->kids[0], &display) != key)
				return true;
			continue;
		}
		if (kid->kind == IR_CALL && is_release_call(an, kid) &&
		    released_member(an, kid))
			return true;
		if (undoes_member(an, kid))
			return true;
	}
	return false;
}

/* Does the function undo, on some path, what a member of an object holds? */
static bool releases_members(struct analysis *an)
{
	if (an->releases_members < 0)
		an->releases_members = undoes_member(an, an->fn->body);
	return an->releases_members;
}

/*
 * Is @name spelled as a callback that sets up (foo_probe, foo_open,
 * foo_init): its last word is a setup field of mirror-callbacks?
 */
static bool named_as_callback(const struct rules *rules, const char *name)
{
	const struct name_pair *fields;
	const char *word = strrchr(name, '_');
	unsigned n, i;

	word = word ? word + 1 : name;
	fields = rules_mirror_callbacks(rules, &n);
	for (i = 0; i < n; i++)
		if (!strcmp(word, fields[i].acquire))
			return true;
	return false;
}

/*
 * Are the function's callers in other files?  An external function's
 * may be; a static one's are where the ops table naming it goes (model
 * tabled-callers: ".preinit = brcmf_sdio_bus_preinit" in the bus ops).
 */
static bool called_from_elsewhere(const struct analysis *an)
{
	return an->fn->external ||
	       (model_on(MODEL_TABLED_CALLERS) &&
		summary_called_elsewhere(an->summaries, an->fn->name));
}

/*
 * Model owner-frees.  A function called from other files that fails
 * leaves to the owner of an object what it stored there, when its
 * error paths undo no member of any object (it cleans nothing up, by
 * design) and a function of the file frees that member, on every path
 * and without acquiring its pair: the object's destructor
 * (iwl_phy_db_set_section() and iwl_phy_db_free()).  Its callers are
 * not in the file, so caller-cleans cannot see them.  Not a function
 * the file calls (its callers there are the evidence, caller-cleans),
 * nor a callback (foo_probe(), foo_open(): no owner cleans after their
 * failure), nor one whose name-mirrored undo releases the pair
 * (foo_alloc_rings() and foo_free_rings()), which runs only after it
 * succeeded.
 */
static bool owner_may_free(struct analysis *an)
{
	if (an->owner_may_free < 0)
		an->owner_may_free = model_on(MODEL_OWNER_FREES) &&
				     called_from_elsewhere(an) &&
				     !summary_called_here(an->summaries, an->fn->name) &&
				     !named_as_callback(an->rules, an->fn->name) &&
				     !releases_members(an);
	return an->owner_may_free;
}

static bool owner_frees(struct path *p, const struct resource *r, const struct ir *lhs)
{
	struct analysis *an = p->an;
	const struct pair *pair = r->rule->pair;

	if (lhs->kind != IR_MEMBER || !lhs->name || pair->every_return ||
	    pair->managed || !owner_may_free(an))
		return false;
	/*
	 * A tabled callback's table usually names its counterpart too
	 * (.runtime_resume and .runtime_suspend), which looks like a
	 * destructor and runs only after it succeeded: only a function
	 * that frees the object as well is its destructor.
	 */
	return !summary_mirror_releases(an->summaries, an->rules, an->fn->name, pair) &&
	       summary_destructor_frees(an->summaries, an->rules, an->fn, pair,
					lhs->name, !an->fn->external);
}

/*
 * Does the path hold @key as a value it read there and then found NULL
 * by a test ("if (!wcn->nv)"), not one it stored itself?
 */
bool found_null(const struct path *p, const struct access_path *key)
{
	struct value old = state_get(p->st, key);
	const struct sym *s = old.kind == V_SYM ? state_sym(p->st, old.sym) : NULL;

	return s && !s->origin && s->mask == VAL_ZERO;
}

/* The keys @cond is true only when NULL: !x, x == NULL, a && !x. */
static unsigned null_tested(struct analysis *an, struct ir *cond,
			    const struct access_path **keys, unsigned n,
			    unsigned max)
{
	const char *display;
	const struct access_path *key = NULL;

	if (cond->kind == IR_LAND) {
		n = null_tested(an, cond->kids[0], keys, n, max);
		return null_tested(an, cond->kids[1], keys, n, max);
	}
	if (cond->kind == IR_NOT)
		key = lvalue(an, cond->kids[0], &display);
	else if (cond->kind == IR_CMP && cond->op == CMP_EQ &&
		 cond->kids[1]->kind == IR_CONST && cond->kids[1]->value == 0)
		key = lvalue(an, cond->kids[0], &display);
	if (key && n < max)
		keys[n++] = key;
	return n;
}

static bool among(const struct access_path *key,
		  const struct access_path *const *keys, unsigned n)
{
	while (key && n--)
		if (keys[n] == key)
			return true;
	return false;
}

#define MAX_LAZY_KEYS 8

/*
 * A call that fills a member of its argument (a wrapper of the file,
 * dev_pm_qos_constraints_allocate(dev) filling dev->power.qos) stores
 * there as an assignment would: inside "if (!dev->power.qos)" it fills
 * a cache.  The member's node is the one the acquire will name.
 */
static void scan_lazy_fills(struct analysis *an, struct ir *call,
			    const struct access_path **keys, unsigned n)
{
	const struct rule_fn *rule = call->name ? lookup_call(an, call->name) : NULL;
	const char *display;
	unsigned part = 0;
	struct ir *member;

	for (; rule; rule = rule->next) {
		if (rule->role != ROLE_ACQUIRE)
			continue;
		if (rule->handle.kind == HANDLE_ARG_MEMBER &&
		    (unsigned)rule->handle.arg < call->nkids &&
		    (member = member_node(an, call, (unsigned)rule->handle.arg,
					  rule->handle.member, part)) &&
		    among(lvalue(an, member, &display), keys, n))
			ptrvec_push(&an->lazy_stores, member);
		part++;
	}
}

static void scan_lazy(struct analysis *an, struct ir *e,
		      const struct access_path **keys, unsigned n)
{
	const struct access_path *inner[MAX_LAZY_KEYS];
	const char *display;
	unsigned i, m;

	if (!e)
		return;
	if (e->kind == IR_IF) {
		for (i = 0; i < n; i++)
			inner[i] = keys[i];
		m = null_tested(an, e->kids[0], inner, n, MAX_LAZY_KEYS);
		scan_lazy(an, e->kids[0], keys, n);
		scan_lazy(an, e->kids[1], inner, m);
		scan_lazy(an, e->nkids > 2 ? e->kids[2] : NULL, keys, n);
		return;
	}
	if (e->kind == IR_ASSIGN && among(lvalue(an, e->kids[0], &display), keys, n))
		ptrvec_push(&an->lazy_stores, e->kids[0]);
	for (i = 0; e->kind == IR_CALL && i < e->nkids; i++)
		if (e->kids[i]->kind == IR_ADDR &&
		    among(lvalue(an, e->kids[i]->kids[0], &display), keys, n))
			ptrvec_push(&an->lazy_stores, e->kids[i]->kids[0]);
	if (e->kind == IR_CALL && n)
		scan_lazy_fills(an, e, keys, n);
	for (i = 0; i < e->nkids; i++)
		scan_lazy(an, e->kids[i], keys, n);
}

/* The stores made inside "if (!place)" to that place (model lazy-cache). */
void find_lazy_stores(struct analysis *an)
{
	if (model_on(MODEL_LAZY_CACHE))
		scan_lazy(an, an->fn->body, NULL, 0);
}

static bool lazy_store(const struct analysis *an, const struct ir *lhs)
{
	size_t i;

	for (i = 0; i < an->lazy_stores.len; i++)
		if (an->lazy_stores.items[i] == lhs)
			return true;
	return false;
}

/*
 * Model lazy-cache.  "if (!wcn->nv) request_firmware(&wcn->nv, ...)": a
 * store made only when the place was found NULL, into a member of an
 * object the function was given, fills a cache the object keeps for the
 * next call; a later failure leaves it there by design.  The store must
 * sit inside the test (a guard that returns early, "if (sched->sched_rq)
 * return 0;", sets up nothing to keep), and the path must have found
 * the member NULL.  Not where the function itself releases the pair from
 * that member on some path: then it undoes it.
 */
static bool lazy_cache(struct path *p, const struct resource *r, struct ir *lhs)
{
	const char *display;
	const struct access_path *key = lvalue(p->an, lhs, &display);

	return model_on(MODEL_LAZY_CACHE) && key && lazy_store(p->an, lhs) &&
	       (r->into_null || found_null(p, key)) &&
	       !r->rule->pair->every_return &&
	       !releases_through(p->an, r->rule->pair, key);
}

/*
 * Model resized-member.  "ioc->pd_handles = krealloc(ioc->pd_handles,
 * ...)": an acquire that takes over what a member held (the rules'
 * takes) and whose result goes back into that member resizes what the
 * object already owned.  The object owns the new block as it owned the
 * old one, so a later failure of the function owes nothing for it.
 */
static bool resized_member(struct analysis *an, const struct resource *r,
			   struct ir *lhs)
{
	const char *display;
	const struct access_path *key = lvalue(an, lhs, &display);
	/* lvalue() only caches its answer on the node. */
	struct ir *acquire = (struct ir *)r->acquire;
	unsigned k;

	if (!model_on(MODEL_RESIZED_MEMBER) || !key || !acquire ||
	    acquire->kind != IR_CALL)
		return false;
	for (k = 0; k < acquire->nkids && k < 32; k++)
		if ((r->rule->takes & (1u << k)) &&
		    lvalue(an, acquire->kids[k], &display) == key)
			return true;
	return false;
}

/*
 * Model teardown-undoes.  Some frameworks have a callback's
 * teardown undo what the callback left when it failed (the rules'
 * undone-after-failure).  The PM core counts a device resumed even when
 * its system-sleep resume fails (drivers/base/power/main.c,
 * device_resume()) and runs its suspend callback at the next suspend;
 * ALSA calls .hw_free after a failed .hw_params (sound/core/
 * pcm_native.c, snd_pcm_hw_params()), as ASoC does (soc_pcm_hw_clean()).
 * What such a callback stores in a given object, and its teardown
 * releases (regulator_enable(info->vdd) and regulator_disable(
 * info->vdd)), is the teardown's; undoing it on the error path too
 * would unbalance it.  Runtime PM is not so: a failed runtime resume
 * leaves the device suspended.
 */
static bool teardown_undoes(const struct analysis *an, const struct resource *r)
{
	const char *teardown = summary_teardown_of(an->summaries, an->fn->name);

	return model_on(MODEL_TEARDOWN_UNDOES) && teardown &&
	       !r->rule->pair->every_return &&
	       summary_may_release(an->summaries, teardown, r->rule->pair);
}

/*
 * Model contents-follow.  An object the path let go of (left to a
 * caller who cleans it, handed over) takes what its members hold:
 * whoever frees the band frees band->channels, as the caller's
 * brcmf_free_wiphy() does after brcmf_setup_wiphy() fails.  Every
 * member below the object, through any number of "->"
 * (band->chan->buf), goes with it.  Not a release: kfree(band) frees
 * no member, and what they hold is still owed.
 */
static void follow_object(struct path *p, unsigned sym, struct ir_loc where)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		/* A lock is dropped, never carried off by its holder. */
		if (r->has_handle && r->handle_sym == sym &&
		    !r->rule->pair->every_return)
			escape(r, model_escape(MODEL_CONTENTS_FOLLOW), where);
	}
}

static void contents_follow(struct path *p, unsigned sym, struct ir_loc where)
{
	const struct access_path *step;
	struct value object;
	unsigned i;

	if (!model_on(MODEL_CONTENTS_FOLLOW))
		return;
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM || b->value.sym == sym)
			continue;
		for (step = b->key; step->base; step = step->base) {
			if (step->kind != AP_ARROW && step->kind != AP_DEREF)
				continue;
			object = state_get(p->st, step->base);
			if (object.kind == V_SYM && object.sym == sym) {
				follow_object(p, b->value.sym, where);
				break;
			}
		}
	}
}

/*
 * Stored in a member of an object the function was given, it is handed
 * over exactly when a caller is seen to clean it (caller_owes()), even
 * where the function also releases it on some path (a retry), when the
 * object's owner frees it (owner_frees()), when it is a cache the
 * object keeps (lazy_cache()), or when it is what the object held,
 * resized (resized_member()).
 */
static void hand_over_to_caller(struct path *p, struct ir *lhs, unsigned sym,
				struct ir_loc where)
{
	enum model_id model;
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		/*
		 * A lock is not left in an object for a caller to drop: it
		 * is owed on every return, unless the function says it
		 * returns holding it (lock-held's own models).
		 */
		if (!r->has_handle || r->handle_sym != sym ||
		    r->rule->pair->every_return)
			continue;
		model = NR_MODELS;
		if (resized_member(p->an, r, lhs))
			model = MODEL_RESIZED_MEMBER;
		if (model == NR_MODELS)
			model = caller_owes(p->an, r, lhs);
		if (model == NR_MODELS && owner_frees(p, r, lhs))
			model = MODEL_OWNER_FREES;
		if (model == NR_MODELS && lazy_cache(p, r, lhs))
			model = MODEL_LAZY_CACHE;
		if (model == NR_MODELS && teardown_undoes(p->an, r))
			model = MODEL_TEARDOWN_UNDOES;
		if (model != NR_MODELS) {
			escape(r, model_escape(model), where);
			contents_follow(p, sym, where);
		}
	}
}

/*
 * dmi_kobj = kobject_create_and_add(...): a global that no function of
 * the file ever releases holds an object meant to outlive any failure.
 * One the file does release (a module's exit destroys foo_wq) is still
 * owed by an init that fails.
 */
static bool permanent_global(struct path *p, const struct ir *lhs)
{
	return model_on(MODEL_PERMANENT_GLOBAL) &&
	       lhs->kind == IR_VAR && (lhs->flags & IR_F_GLOBAL) &&
	       !summary_global_released(p->an->summaries, lhs->name);
}

static void mark_in_given_object(struct path *p, unsigned sym)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle && p->st->res[i].handle_sym == sym)
			p->st->res[i].in_given_object = true;
}

/*
 * Is @r's handle kept in an object, a member some path of the function
 * stored it in ("priv->clk"), where a helper given that object can reach it?
 */
bool kept_in_object(const struct path *p, const struct resource *r)
{
	unsigned i;

	for (i = 0; r->has_handle && i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind == V_SYM && ap_through_member(b->key) &&
		    (b->value.sym == r->handle_sym ||
		     embedded_in(p, b->value) == r->handle_sym))
			return true;
	}
	return false;
}

/* The address key a value was taken from ("hdev = &hwdev->dev"), or NULL. */
const struct access_path *address_of_value(const struct path *p, struct value v)
{
	unsigned i;

	for (i = 0; v.kind == V_SYM && i < p->st->nbinds; i++)
		if (p->st->binds[i].value.kind == V_SYM &&
		    p->st->binds[i].value.sym == v.sym &&
		    p->st->binds[i].key->kind == AP_ADDRESS)
			return p->st->binds[i].key;
	return NULL;
}

/*
 * The pointer whose object the address @key is a part of: pdev for
 * &pdev->dev or &pdev->a.b, what the last "->" goes through (what
 * follows it is parts: ".b", "[2]").  NULL for a part of a local struct.
 */
const struct access_path *address_owner(const struct access_path *key)
{
	const struct access_path *step;

	for (step = key->base; ap_is_step(step); step = step->base)
		if (step->kind == AP_ARROW || step->kind == AP_DEREF)
			return step->base;
	return NULL;
}

/*
 * The symbol of the object a part's address @v points into, as the path
 * holds it: pdev's for &pdev->dev, or NO_SYM.  An embedded part's
 * address names its object wherever it goes (model embedded-alias):
 * "vsp->vsp = &pdev->dev" keeps pdev in vsp.
 */
unsigned embedded_in(const struct path *p, struct value v)
{
	const struct access_path *key = address_of_value(p, v), *owner;
	struct value held;

	if (!key || !model_on(MODEL_EMBEDDED_ALIAS))
		return NO_SYM;
	owner = address_owner(key);
	if (!owner)
		return NO_SYM;
	held = state_get(p->st, owner);
	return held.kind == V_SYM ? held.sym : NO_SYM;
}

/*
 * The marker that says the path added the devm action @name, a function
 * of the file (interned: its pointer is its identity).
 */
const struct access_path *action_marker(struct analysis *an, const char *name)
{
	an->added_actions = true;
	return ap_marker(an->paths, AP_ACTION, NULL, name);
}

/* Is @r released by a devm action the path added? */
static bool released_by_action(const struct path *p, const struct resource *r)
{
	unsigned i;

	for (i = 0; i < p->st->nbinds; i++) {
		const struct access_path *key = p->st->binds[i].key;

		if (key->kind == AP_ACTION &&
		    summary_may_release(p->an->summaries, key->name, r->rule->pair))
			return true;
	}
	return false;
}

/*
 * A resource the path stores in an object after adding a devm action
 * that releases its pair is the action's as well (rcar_du_vsp_init():
 * vsp->planes, freed by the rcar_du_vsp_cleanup() added before).
 */
void stored_for_action(struct path *p, unsigned sym, struct ir_loc where)
{
	unsigned i;

	/* Every store into a member asks: most functions add no action. */
	if (!p->an->added_actions || !model_on(MODEL_ACTION_RELEASES))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == sym && !r->escaped &&
		    r->status != RES_RELEASED && !r->rule->pair->every_return &&
		    released_by_action(p, r))
			escape(r, model_escape(MODEL_ACTION_RELEASES), where);
	}
}

/* A resource stored in @lhs: whose is it now? */
void stored_in_member(struct path *p, struct ir *lhs, unsigned sym,
		      struct ir_loc where)
{
	switch (member_holder(p, lhs)) {
	case HOLDER_OWN:
		stored_for_action(p, sym, where);
		break;
	case HOLDER_GIVEN:
		hand_over_to_caller(p, lhs, sym, where);
		mark_in_given_object(p, sym);
		stored_for_action(p, sym, where);
		break;
	case HOLDER_HANDED:
		escape_sym(p, sym, ESC_HAND_OFF, where);
		contents_follow(p, sym, where);
		break;
	}
}

/*
 * The handle @sym went beyond the function's local variables.  What a
 * member, a global or a call may keep, some other code may release.
 */
void mark_beyond_locals(struct path *p, unsigned sym)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle && p->st->res[i].handle_sym == sym)
			mark_resource_beyond(p, &p->st->res[i]);
}

/*
 * Only lost-handle asks, and only of handle-only pairs: other resources
 * keep no flag, so their states do not split on it.
 */
void mark_resource_beyond(struct path *p, struct resource *r)
{
	if (!r->rule->pair->handle_only)
		return;
	r->beyond_locals = true;
	if (r->site < p->an->fn->nsites)
		p->an->handed_sites[r->site] = 1;
}

/* What the lvalue @e holds, without evaluating anything. */
static struct value peek(struct path *p, struct ir *e)
{
	const struct access_path *key;
	const char *display;

	key = lvalue(p->an, e, &display);
	return key ? state_get(p->st, key) : v_unknown();
}

/*
 * The object an address inside it leads to: &p->node, &p[2] and
 * p->array (which decays to &p->array[0]) lead to *p, whoever is given
 * them can reach p by container_of().  &p itself leads to what p holds
 * (no_free_ptr(p) reads it through __ptr = &(p)).
 */
static void mark_objects_under(struct path *p, struct ir *lv)
{
	struct value v;

	while (lv->kind == IR_MEMBER || lv->kind == IR_INDEX ||
	       lv->kind == IR_DEREF) {
		struct ir *base = lv->kids[0];

		if (lv->kind != IR_MEMBER || (lv->flags & IR_F_ARROW)) {
			v = peek(p, base);
			if (v.kind == V_SYM)
				mark_beyond_locals(p, v.sym);
		}
		lv = base;
	}
	if (lv->kind == IR_VAR) {
		v = peek(p, lv);
		if (v.kind == V_SYM)
			mark_beyond_locals(p, v.sym);
	}
}

/*
 * @e, whose value is @v, is given to a call that may keep it: the
 * handle it is, or the object an address it holds points into.
 */
void mark_carried(struct path *p, struct ir *e, struct value v)
{
	unsigned i;

	if (!p->st->nres)
		return;
	if (v.kind == V_SYM)
		mark_beyond_locals(p, v.sym);
	if (!e)
		return;
	switch (e->kind) {
	case IR_ADDR:
		mark_objects_under(p, e->kids[0]);
		break;
	case IR_MEMBER:
		if (e->flags & IR_F_ARRAY)
			mark_objects_under(p, e);
		break;
	case IR_VAR:
		mark_carried(p, NULL, peek(p, e));
		break;
	case IR_BITAND:		/* lower_32_bits(dma), and shifts */
	case IR_OTHER:
	case IR_COND:
	case IR_COMMA:
		for (i = 0; i < e->nkids; i++)
			if (e->kids[i])
				mark_carried(p, e->kids[i], v_unknown());
		break;
	default:
		break;
	}
}

/* Was @r left in a given object for its owner to clean (hand_over_to_caller())? */
static bool left_for_owner(const struct resource *r)
{
	static const enum model_id owners[] = {
		MODEL_CALLER_CLEANS, MODEL_CALLER_PUTS, MODEL_OWNER_FREES,
		MODEL_LAZY_CACHE, MODEL_TEARDOWN_UNDOES, MODEL_RESIZED_MEMBER,
	};
	unsigned i;

	for (i = 0; i < sizeof(owners) / sizeof(owners[0]); i++)
		if (r->escaped == model_escape(owners[i]))
			return true;
	return false;
}

/* Does some binding of the path's state hold @sym? */
static bool sym_bound(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++)
		if (st->binds[i].value.kind == V_SYM && st->binds[i].value.sym == sym)
			return true;
	return false;
}

/*
 * Model cleared-holder.  "ctx->rsa.crt_prikey = NULL" where that member
 * alone held a live key the function left there for the object's owner
 * (a caller that cleans after it fails, a release callback): the owner
 * finds NULL and cleans nothing, so the path owes the key again.  Only
 * a store of 0, the kernel's way of saying "nothing held here", and
 * only when no variable or member the path knows still holds it.
 */
static void cleared_holder(struct path *p, struct value old, struct value v)
{
	unsigned i;

	if (!model_on(MODEL_CLEARED_HOLDER) || old.kind != V_SYM ||
	    v.kind != V_CONST || v.c != 0 || sym_bound(p->st, old.sym))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == old.sym &&
		    r->status == RES_LIVE && left_for_owner(r))
			r->escaped = ESC_NONE;
	}
}

void store(struct path *p, struct ir *lhs, struct value v)
{
	const char *display;
	const struct access_path *key = lvalue(p->an, lhs, &display);
	struct value old;

	if (v.kind == V_SYM &&
	    (lhs->kind != IR_VAR || (lhs->flags & IR_F_GLOBAL)))
		mark_beyond_locals(p, v.sym);

	if (v.kind == V_SYM && !key)
		escape_sym(p, v.sym, ESC_UNTRACKED, lhs->loc);
	else if (v.kind == V_SYM && permanent_global(p, lhs))
		hand_over_global(p, key, v.sym, lhs->loc);
	else if (v.kind == V_SYM)
		stored_in_member(p, lhs, v.sym, lhs->loc);
	if (!key)
		return;
	stale_names(p, display, v);
	old = state_get(p->st, key);
	forget_from(p, key);
	state_set(p->st, key, v);
	cleared_holder(p, old, v);
	if (v.kind == V_SYM)
		name_resources(p, v.sym, lhs, display);
}
