// SPDX-License-Identifier: GPL-2.0
/*
 * calls.c - what a call does to a path's state.
 *
 * Takes a call expression and gives its value: the rules' meaning when a
 * rule or a summary names the callee (acquires and releases are in
 * acquire_release.c), helpers of the file that release or take what they
 * are given, devm actions, calls whose result is stable or cannot fail,
 * and for any other call, what it may change through the addresses it is
 * given.
 */
#include "engine/internal.h"

static struct value call_result(struct path *p, struct ir *call)
{
	unsigned mask = (call->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;
	unsigned id;

	if (call->flags & IR_F_VOID)
		return v_unknown();
	id = sym_name(p->an->syms, SYM_SITE, call->site, 0);
	state_new_sym(p->st, id, mask, call);
	return v_sym(id);
}

/*
 * Is @r's handle held by @key or something below it, or is it the
 * address of a part of it (&priv->qos_req)?
 */
static bool held_under(const struct state *st, const struct resource *r,
		       const struct access_path *key)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++) {
		const struct binding *b = &st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    ap_within(b->key, key))
			return true;
	}
	return false;
}

/* Is @r handed to @call through argument @arg? */
static bool passed_to(struct path *p, const struct resource *r, struct ir *arg,
		      struct value v)
{
	const struct access_path *key;
	const char *display;

	if (v.kind == V_SYM && v.sym == r->handle_sym)
		return true;
	if (arg->kind == IR_ADDR)
		arg = arg->kids[0];
	key = lvalue(p->an, arg, &display);
	return key && held_under(p->st, r, key);
}


/* How many locals one embedded address may go through: pad = &usb2->base. */
#define MAX_EMBED_HOPS 4

/* The objects an embedded part's address is a part of, innermost first. */
struct owners {
	const struct access_path *key[MAX_EMBED_HOPS + 1];
	unsigned n;
};

/*
 * The objects whose embedded part @arg's value @v points to: hwdev for
 * &hwdev->dev or &hwdev->a.b, whether the argument spells the address
 * or a local carries it ("hdev = &hwdev->dev; ... put_device(hdev)").
 * A local that itself holds an embedded part's address is followed to
 * its object (model embedded-alias): after "mc_dev = &mc_bus->mc_dev",
 * &mc_dev->dev is a part of mc_dev and of mc_bus, and a release
 * callback that frees the one frees what both hold.  A helper turns the
 * address back into the object by container_of().  None for anything
 * else, nor for a part of a local struct.
 */
static void embedded_owners(struct path *p, struct ir *arg, struct value v,
			    struct owners *o)
{
	const char *display;
	const struct access_path *key = NULL, *owner;

	o->n = 0;
	if (arg->kind == IR_ADDR)
		key = lvalue(p->an, arg, &display);
	if (!key)
		key = address_of_value(p, v);
	while (key && key->kind == AP_ADDRESS && o->n < ARRAY_SIZE(o->key)) {
		owner = address_owner(key);
		if (!owner)
			return;
		o->key[o->n++] = owner;
		if (owner->kind != AP_VAR || !model_on(MODEL_EMBEDDED_ALIAS))
			return;
		key = address_of_value(p, state_get(p->st, owner));
	}
}

/* Does the path hold @r under one of @o's objects? */
static bool held_by_owner(const struct path *p, const struct resource *r,
			  const struct owners *o)
{
	unsigned i;

	for (i = 0; i < o->n; i++)
		if (held_under(p->st, r, o->key[i]))
			return true;
	return false;
}

/*
 * Does @arg pass the object @r's handle points to, or holds, by an
 * embedded part, &obj->base.base, which a helper turns back into obj by
 * container_of() (a2xx_destroy(&a2xx_gpu->base.base) frees a2xx_gpu)?
 */
static bool passed_embedded(struct path *p, const struct resource *r,
			    struct ir *arg, struct value v)
{
	struct owners o;

	embedded_owners(p, arg, v, &o);
	return held_by_owner(p, r, &o);
}

const char *display_member(const char *name)
{
	const char *arrow = name ? strrchr(name, '>') : NULL;
	const char *dot = name ? strrchr(name, '.') : NULL;
	const char *last = arrow > dot ? arrow : dot;

	return last ? last + 1 : NULL;
}

/* The last member a display name ends in, or the name itself. */
static const char *last_member(const char *name)
{
	const char *member = display_member(name);

	return member ? member : name ? name : "";
}

/*
 * May the helper @call release @r, held in a member of an object it can
 * reach?  Only if it releases that member by name, or some release of
 * the pair names none: pl330_del(pl330) frees pl330->channels, not
 * pl330->peripherals.
 */
bool frees_member(const struct path *p, const struct ir *call,
		  const struct resource *r)
{
	const struct summaries *s = p->an->summaries;
	unsigned i;

	if (summary_may_free_member(s, call->name, r->rule->pair, last_member(r->name)))
		return true;
	/* Known by a local's name, kept in a member: "cpu_addr" in ->virt_addr. */
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    ap_last_member(b->key) &&
		    summary_may_free_member(s, call->name, r->rule->pair,
					    ap_last_member(b->key)))
			return true;
	}
	return false;
}

/* Does @call's callee release @r's pair from some argument it is given? */
static bool frees_an_argument(const struct path *p, const struct ir *call,
			      unsigned nargs, const struct resource *r)
{
	unsigned k;

	for (k = 0; k < nargs; k++)
		if (summary_frees_param(p->an->summaries, call->name, r->rule->pair, k))
			return true;
	return false;
}

static void note_globals(const char **names, int nvars, const struct ir *e)
{
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_VAR && (e->flags & IR_F_GLOBAL) && e->id >= 0 &&
	    e->id < nvars)
		names[e->id] = e->name;
	for (i = 0; i < e->nkids; i++)
		note_globals(names, nvars, e->kids[i]);
}

/*
 * The global @r lives in, not through a pointer (foo_wq, &foo_lock,
 * &g.lock), or NULL; *@member: the member named last on the way.
 */
static const char *held_in_global(struct path *p, const struct resource *r,
				  const char **member)
{
	struct analysis *an = p->an;
	unsigned i;

	if (!an->global_names) {
		an->global_names = xcalloc(an->fn->nvars + 1, sizeof(*an->global_names));
		note_globals(an->global_names, an->fn->nvars, an->fn->body);
	}
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];
		const struct access_path *k = b->key;

		if (b->value.kind != V_SYM || b->value.sym != r->handle_sym)
			continue;
		*member = NULL;
		for (; k->kind == AP_FIELD || k->kind == AP_INDEX ||
		       k->kind == AP_ADDRESS; k = k->base)
			if (k->kind == AP_FIELD && !*member)
				*member = k->name;
		if (k->kind == AP_VAR && k->var >= 0 && k->var < an->fn->nvars &&
		    an->global_names[k->var])
			return an->global_names[k->var];
	}
	return NULL;
}

/*
 * A helper of the file that releases what a global holds
 * (tegra194_cpufreq_free_resources() destroying read_counters_wq) needs
 * no argument to reach it: a global is the same object in every
 * function of the file.
 */
static bool frees_its_global(struct path *p, const struct ir *call,
			     const struct resource *r)
{
	const char *member, *global;

	if (!r->has_handle)
		return false;
	global = held_in_global(p, r, &member);
	return global && summary_frees_global(p->an->summaries, call->name,
					      r->rule->pair, global, member);
}

/* Is some binding of the path's state of @sym within @key? */
static bool sym_held_under(const struct state *st, unsigned sym,
			   const struct access_path *key)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++)
		if (st->binds[i].value.kind == V_SYM &&
		    st->binds[i].value.sym == sym &&
		    ap_within(st->binds[i].key, key))
			return true;
	return false;
}

/*
 * Model held-through: what a member of an object holds is reachable
 * from whatever holds the object.  After "dev_set_drvdata(&dev->dev,
 * info)", info->page is reachable from dev, and a helper given dev
 * (xenkbd_remove(dev), freeing info->page) reaches it.  One hop: the
 * object's pointer, a prefix of the member's path that the path went
 * through "->" from, held itself under the argument.
 */
static bool held_through(struct path *p, const struct resource *r,
			 struct ir *arg)
{
	const struct access_path *key, *step;
	const char *display;
	struct value object;
	unsigned i;

	if (!model_on(MODEL_HELD_THROUGH))
		return false;
	if (arg->kind == IR_ADDR)
		arg = arg->kids[0];
	key = lvalue(p->an, arg, &display);
	if (!key)
		return false;
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM || b->value.sym != r->handle_sym)
			continue;
		for (step = b->key; step->base; step = step->base) {
			if (step->kind != AP_ARROW || ap_within(step->base, key))
				continue;
			object = state_get(p->st, step->base);
			if (object.kind == V_SYM &&
			    sym_held_under(p->st, object.sym, key))
				return true;
		}
	}
	return false;
}

/*
 * A static helper of this file that may release a resource of a pair
 * ("foo_free(priv)" calling kfree(priv->buf)) takes what it is given:
 * the path no longer owes it.  Handle-less pairs need no argument.
 */
static void release_through_helper(struct path *p, struct ir *call,
				   const struct value *args, unsigned nargs)
{
	unsigned char why;
	unsigned i, k;
	bool linked;

	if (!model_on(MODEL_HELPER_RELEASES) ||
	    !summary_releases_any(p->an->summaries, call->name))
		return;
	/*
	 * Another file's, it is known by the summary database's word, and
	 * takes only what it is seen to release of its arguments: most
	 * functions free something of their own (a scratch buffer), which
	 * says nothing of what their caller gives them.
	 */
	linked = summary_is_linked(p->an->summaries, call->name);
	why = model_escape(linked ? MODEL_CROSS_FILE : MODEL_HELPER_RELEASES);
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->escaped || r->status == RES_RELEASED || r->status == RES_FAILED ||
		    !summary_may_release(p->an->summaries, call->name, r->rule->pair))
			continue;
		/*
		 * A helper that takes the lock itself does not drop the
		 * caller's hold of it: it would deadlock on it first
		 * (mhi_unprepare_channel() locks and unlocks the channel).
		 * Unless it drops it first and last, taking it again only for
		 * its own work: it is called holding it and returns without it
		 * (mwifiex_send_processed_packet(), not rpm_idle(), which
		 * drops the caller's hold and takes it back).
		 */
		if (r->rule->pair->every_return &&
		    !summary_drops_held(p->an->summaries, call->name, r->rule->pair))
			continue;
		/*
		 * Kept in an object the function was given, it is reachable
		 * from the helper's arguments by paths ladder does not follow
		 * (ath11k_thermal_unregister(ab) walks ab->pdevs[i].ar), if
		 * the helper may release that member (frees_member()).
		 */
		if (!r->has_handle || (r->in_given_object && frees_member(p, call, r) &&
				       (!linked || frees_an_argument(p, call, nargs, r))) ||
		    (!linked && frees_its_global(p, call, r))) {
			escape(r, why, call->loc);
			continue;
		}
		for (k = 0; k < nargs && !r->escaped; k++) {
			bool itself = args[k].kind == V_SYM &&
				      args[k].sym == r->handle_sym;
			bool holder = passed_to(p, r, call->kids[k], args[k]) ||
				      passed_embedded(p, r, call->kids[k], args[k]) ||
				      held_through(p, r, call->kids[k]);

			if (linked && !summary_frees_param(p->an->summaries,
						call->name, r->rule->pair, k))
				continue;
			if (itself || (holder && frees_member(p, call, r)))
				escape(r, why, call->loc);
		}
	}
}

const struct rule_fn *find_role(const struct rule_fn *chain,
				enum rule_role role)
{
	for (; chain; chain = chain->next)
		if (chain->role == role)
			return chain;
	return NULL;
}

/*
 * Whether a call taking argument @k takes @r: the argument itself, or
 * what the object it names holds (@key, the argument's owner: x for
 * &x->dev).  A call that is itself a release (put_device()) takes only
 * what the object holds, for its release callback to free: the
 * argument's own resources of other pairs (the device still added) it
 * does not end.  An acquire's take (device_initialize(dev) of a
 * kzalloc()ed dev, of_get_next_child() of the node it was given) takes
 * the argument itself.  A lock held in the object is not the object's
 * to drop: whoever took it still owes the unlock.  Nor is what survives
 * a put (rules' survives-put): kref_put(&shost->tagset_refcnt, ...) does
 * not delete shost->shost_dev, whose registration keeps shost alive.
 */
static bool takes_resource(struct path *p, const struct resource *r,
			   struct ir *call, unsigned k, struct value arg,
			   const struct owners *owners,
			   const struct rule_fn *chain)
{
	if (!r->has_handle || r->rule->pair->every_return)
		return false;
	if (arg.kind == V_SYM && arg.sym == r->handle_sym)
		return !find_role(chain, ROLE_RELEASE);
	return passed_to(p, r, call->kids[k], arg) ||
	       (!r->rule->pair->survives_put && held_by_owner(p, r, owners));
}

/*
 * idr_alloc(&idr, obj, ...) keeps obj only when it succeeds: @r goes
 * with the call unless its result says failure (state_update_take()).
 */
static void take_on_success(struct path *p, struct resource *r, struct ir *call,
			    const struct rule_fn *rule)
{
	if (r->escaped || (call->flags & IR_F_VOID))
		return;
	r->take_sym = sym_name(p->an->syms, SYM_SITE, call->site, 0);
	r->take_ok = success_ok_mask(rule->takes_if);
}

/*
 * The callee takes what argument @k holds: devm_add_action_or_reset()
 * its data, device_register(&x->dev) all of x, krealloc() the old block.
 * @rule, if given, is the takes-ownership rule of the call, which may
 * take only when the call succeeds.
 */
static const char *take_ownership(struct path *p, struct ir *call, unsigned takes,
				  const struct rule_fn *chain,
				  const struct rule_fn *rule,
				  const struct value *args, unsigned nargs,
				  unsigned char reason)
{
	struct owners owners;
	const char *taken = NULL;
	unsigned i, k;

	for (k = 0; k < nargs; k++) {
		if (!(takes & (1u << k)))
			continue;
		embedded_owners(p, call->kids[k], args[k], &owners);
		for (i = 0; i < p->st->nres; i++) {
			struct resource *r = &p->st->res[i];

			if (!takes_resource(p, r, call, k, args[k], &owners, chain))
				continue;
			if (!r->escaped && !taken)
				taken = r->name;
			if (rule && rule->takes_on_success)
				take_on_success(p, r, call, rule);
			escape(r, reason, call->loc);
		}
	}
	return taken;
}

/*
 * devm_add_action_or_reset(dev, foo_pm_disable, foo) runs foo_pm_disable()
 * when the device goes, or at once if it fails: what a helper of the file
 * given as the action releases is the action's.  A resource with a handle
 * goes with the action's data (takes:), or, kept in an object the action
 * can reach, when the action releases its pair (rz_mtu3_pwm_probe():
 * priv->clk's exclusive rate, put by rz_mtu3_pwm_pm_disable(chip)); one
 * without (pm_runtime_enable()) goes when the action releases its pair.
 * What the path stores in objects later goes the same way
 * (stored_for_action()).  A lock never: an action does not unlock.
 */
static void run_action(struct path *p, struct ir *call, unsigned arg)
{
	const struct ir *action = arg < call->nkids ? call->kids[arg] : NULL;
	const struct access_path *marker;
	unsigned i;

	if (!action || !(action->flags & IR_F_FUNCTION) || !action->name ||
	    !model_on(MODEL_ACTION_RELEASES))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->escaped || r->status == RES_RELEASED ||
		    r->rule->pair->every_return ||
		    (r->has_handle && !kept_in_object(p, r)) ||
		    !summary_may_release(p->an->summaries, action->name, r->rule->pair))
			continue;
		escape(r, model_escape(MODEL_ACTION_RELEASES), call->loc);
	}
	marker = action_marker(p->an, action->name);
	state_set(p->st, marker, v_const(1));
}

/*
 * krealloc() takes the old block and returns its continuation: the new
 * resource goes by the old one's name ("name", not the temporary
 * "name_tmp" it passes through), so one leak is one warning.
 */
static void inherit_name(struct path *p, const struct ir *call, const char *name)
{
	unsigned i;

	for (i = 0; name && i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->site == call->site && !r->escaped) {
			r->name = name;
			r->name_internal = false;
		}
	}
}

/*
 * Model drop-named: the kernel names the call that drops an object for
 * it, foo_put(), foo_free(), foo_destroy() (rules' drop-words), and the
 * last put of a counted object runs its release callback, which frees
 * it and what it holds.  A call so named, of another file and known to
 * no rule, takes its first argument as put_device() does:
 * ata_host_put(host) after host = kzalloc() and ata_host_init(host);
 * display_timings_release(disp) with disp->timings.  A helper of the
 * file is read, not named: its summary says what it releases.
 *
 * Only a call given one object is named for dropping it.  Given more,
 * the first is the context the others are dropped from or put into:
 * kmem_cache_free(cache, obj), devres_release(dev, ...), and the
 * appends skb_put(skb, len) and nla_put(skb, type, len, data).
 */
static void drop_named(struct path *p, struct ir *call,
		       const struct value *args, unsigned nargs)
{
	if (!model_on(MODEL_DROP_NAMED) || nargs != 1 ||
	    !summary_named_drop(p->an->summaries, p->an->rules, call))
		return;
	take_ownership(p, call, 1u, NULL, NULL, args, nargs,
		       model_escape(MODEL_DROP_NAMED));
}

/*
 * Does a call to @call keep none of the pointers it is given?  The
 * compiler's builtins never do (__builtin_memcpy()), nor do the rules'
 * borrows (strlen(), _dev_err()).
 */
static bool keeps_nothing(const struct rule_fn *chain, const struct ir *call)
{
	if (chain)
		return chain->role == ROLE_BORROWS && !chain->next;
	return call->name && !strncmp(call->name, "__builtin_", 10);
}

/*
 * Model sized-buffer.  Is argument @k of @call, a function of another
 * file, a buffer given with its length ("void *data, u32 len")?  Such a
 * function reads or fills the buffer for its caller, and does not keep
 * it: brcmf_fil_cmd_data_get(ifp, cmd, buf, len), i2c_master_send().
 * Which integer is a length its parameter's name says (the rules'
 * length-words): virtqueue_add_outbuf()'s "void *data, gfp_t gfp"
 * keeps data.
 */
static bool sized_buffer(const struct path *p, const struct ir *call, unsigned k)
{
	return model_on(MODEL_SIZED_BUFFER) && k < 31 &&
	       (call->buf_args & (1u << k)) &&
	       rules_names_length(p->an->rules, call->param_names[k + 1]) &&
	       !summary_has_body(p->an->summaries, call->name);
}

/*
 * Model lent-params.  Is argument @k of @call, a helper of the file,
 * one its body only reads, writes, tests and lends on (lent.c)?  Not
 * for a helper returning a pointer: what it reads from the object may
 * lead back to it (platform_get_drvdata(pdev)).
 */
static bool lent_param(const struct path *p, const struct ir *call, unsigned k)
{
	return model_on(MODEL_LENT_PARAMS) && !(call->flags & IR_F_POINTER) &&
	       summary_lends(p->an->summaries, call->name, k);
}

/* @call may keep what its arguments hold or lead to. */
static void carry_args(struct path *p, struct ir *call,
		       const struct value *args, unsigned nargs)
{
	unsigned i;

	for (i = 0; i < call->nkids; i++)
		if (!sized_buffer(p, call, i) && !lent_param(p, call, i))
			mark_carried(p, call->kids[i], i < nargs ? args[i] : v_unknown());
}

static struct value unknown_call(struct path *p, struct ir *call,
				 const struct rule_fn *chain,
				 const struct value *args, unsigned nargs)
{
	const struct access_path *key;
	const char *display;
	unsigned i;

	release_through_helper(p, call, args, nargs);
	if (!keeps_nothing(chain, call))
		carry_args(p, call, args, nargs);

	for (i = 0; i < call->nkids; i++) {
		struct ir *arg = call->kids[i];

		if (arg->kind != IR_ADDR)
			continue;
		key = lvalue(p->an, arg->kids[0], &display);
		if (key)
			escape_lvalue(p, key, i < nargs ? args[i] : v_unknown(),
				      call->loc);
	}
	return call_result(p, call);
}

/*
 * The marker that says "this path released what @key holds without
 * having acquired it": reset_control_assert() before
 * reset_control_deassert(), clk_disable_unprepare() before
 * clk_prepare_enable().  An acquire through the same place afterwards
 * puts back the state the function found, and is not owed.  A marker,
 * not a step: storing to @key does not forget it.
 */
const struct access_path *restore_marker(struct analysis *an,
					 const struct access_path *key)
{
	return ap_marker(an->paths, AP_RESTORE, key, NULL);
}

/* The same for a pair known by no handle: the path released it first. */
const struct access_path *pair_restore_marker(struct analysis *an,
					      const struct pair *pair)
{
	return ap_marker(an->paths, AP_PAIR_RESTORE, NULL, pair->name);
}

/*
 * The expression a transparent call passes through: spin_lock_irqsave()
 * locks spinlock_check(&ap->lock), which is &ap->lock.
 */
struct ir *through_transparent(struct analysis *an, struct ir *e)
{
	const struct rule_fn *rule;

	while (e && e->kind == IR_CALL &&
	       (rule = rules_lookup(an->rules, e->name)) &&
	       rule->role == ROLE_TRANSPARENT && (unsigned)rule->arg < e->nkids)
		e = e->kids[rule->arg];
	return e;
}

/*
 * The values of @call's arguments, into @args (at most MAX_CALL_ARGS),
 * their side effects applied.  @chain, the call's rules: an argument a
 * call keeps nothing of (a borrow, a sized buffer, a lent parameter) is
 * lent, so p + 12 there does not carry p (eval_lent()).
 */
unsigned eval_args(struct path *p, struct ir *call, const struct rule_fn *chain,
		   struct value *args)
{
	bool lent = keeps_nothing(chain, call);
	unsigned i;

	for (i = 0; i < call->nkids; i++) {
		struct value v = lent || sized_buffer(p, call, i) ||
				 lent_param(p, call, i) ?
				 eval_lent(p, call->kids[i]) : eval(p, call->kids[i]);

		if (i < MAX_CALL_ARGS)
			args[i] = v;
	}
	return call->nkids < MAX_CALL_ARGS ? call->nkids : MAX_CALL_ARGS;
}

/*
 * One argument of a stable call, as its memo spells it: a string by its
 * spelling, any other by its value (@v, or the constant the code
 * writes).  The argument it is kept below is spelled by its path.
 */
static bool memo_arg(struct ir *arg, struct value v, char *buf, size_t size)
{
	int n;

	if (arg->kind == IR_CONST)
		v = v_const(arg->value);
	if (arg->kind == IR_OPAQUE && arg->name)
		n = snprintf(buf, size, "%s", arg->name);	/* "a string" */
	else if (v.kind == V_CONST)
		n = snprintf(buf, size, "%lld", v.c);
	else if (v.kind == V_SYM)
		n = snprintf(buf, size, "$%u", v.sym);
	else
		return false;
	return n >= 0 && (size_t)n < size;
}

/*
 * Which argument a stable call's result is kept below: the first that
 * is an lvalue or an lvalue's address, so that test_bit(F, &x->flags)
 * is forgotten when x->flags is stored or its address passed on
 * (set_bit()).  The first argument when none is.
 */
static unsigned memo_anchor(struct analysis *an, struct ir *call)
{
	const char *display;
	unsigned i;

	for (i = 0; i < call->nkids; i++)
		if (lvalue(an, call->kids[i], &display))
			return i;
	return 0;
}

/* Append ",@part" (or "@part" first) to the memo text @text of @len. */
static bool memo_append(char *text, size_t size, size_t *len, const char *part)
{
	int n = snprintf(text + *len, size - *len, "%s%s",
			 text[*len - 1] == '(' ? "" : ",", part);

	if (n < 0 || (size_t)n >= size - *len - 1)
		return false;
	*len += (size_t)n;
	return true;
}

/*
 * A stable call without arguments that the rules list (get_current(),
 * the task the function runs in) answers one thing for the whole
 * function: its result is a root of its own, "f()".  One the summaries
 * find stable may read a global that another call changes, which only
 * an argument's lvalue would tell, so it is left alone.
 */
static const struct access_path *listed_stable_root(struct analysis *an,
						    const struct ir *call)
{
	const struct rule_fn *rule = rules_lookup(an->rules, call->name);
	char text[256];

	if (!rule || rule->role != ROLE_STABLE ||
	    (size_t)snprintf(text, sizeof(text), "%s()", call->name) >= sizeof(text))
		return NULL;
	return ap_intern(an->paths, AP_MEMO_ROOT, NULL, 0, 0,
			 strtab_intern(an->strings, text));
}

/*
 * The access path of a stable call's result: "f(1)" below the path of
 * its anchor argument (host->slot->mmc), from the arguments' values
 * @args; without them (NULL) from what the code writes, as
 * find_conditions() needs.  A root when no argument is an lvalue.  NULL
 * when an argument has no name.
 */
const struct access_path *stable_key(struct analysis *an, struct ir *call,
				     const struct value *args)
{
	const struct access_path *base;
	const char *display, *name;
	char text[600], part[256];
	unsigned i, anchor;
	size_t len = 0;

	if (!call->nkids)
		return listed_stable_root(an, call);
	if (call->nkids > MAX_CALL_ARGS)
		return NULL;
	anchor = memo_anchor(an, call);
	base = lvalue(an, call->kids[anchor], &display);
	if (!base) {
		if (!memo_arg(call->kids[anchor], args ? args[anchor] : v_unknown(),
			      part, sizeof(part)))
			return NULL;
		len = (size_t)snprintf(text, sizeof(text), "%s&", part);
	}
	len += (size_t)snprintf(text + len, sizeof(text) - len, "%s(", call->name);
	if (len >= sizeof(text) - 1)
		return NULL;
	for (i = 0; i < call->nkids; i++) {
		if (i == anchor)
			continue;
		if (!memo_arg(call->kids[i], args ? args[i] : v_unknown(),
			      part, sizeof(part)) ||
		    !memo_append(text, sizeof(text), &len, part))
			return NULL;
	}
	snprintf(text + len, sizeof(text) - len, ")");
	name = strtab_intern(an->strings, text);
	if (!base)
		return ap_intern(an->paths, AP_MEMO_ROOT, NULL, 0, 0, name);
	return ap_step(an->paths, AP_MEMO, base, 0, name);
}

/*
 * mmc_can_gpio_cd(host->slot->mmc) tested on the way in and again on
 * the error path: a stable call gives the same value for the same
 * arguments, as long as its first argument's lvalue stands.  Kept as a
 * binding below that lvalue, and named like one (path_symbol()).
 */
static struct value stable_call(struct path *p, struct ir *call,
				const struct value *args)
{
	const struct access_path *memo;
	unsigned id, mask;
	struct value v;

	if (call->flags & IR_F_VOID)
		return v_unknown();
	memo = stable_key(p->an, call, args);
	if (!memo)
		return call_result(p, call);
	v = state_get(p->st, memo);
	if (v.kind == V_SYM || v.kind == V_CONST)
		return v;
	id = path_symbol(p->an, memo);
	if (state_sym(p->st, id))
		return call_result(p, call);
	mask = (call->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;
	state_new_sym(p->st, id, mask, call);
	state_set(p->st, memo, v_sym(id));
	return v_sym(id);
}

bool is_stable(const struct analysis *an, const struct ir *call,
	       const struct rule_fn *chain)
{
	if (!model_on(MODEL_STABLE_CALLS))
		return false;
	if (chain)
		return chain->role == ROLE_STABLE;
	return summary_is_stable(an->summaries, call->name);
}

/* Is @v one of the constants @f's switch lists? */
static bool listed_case(const struct fails *f, struct value v)
{
	unsigned i;

	for (i = 0; v.kind == V_CONST && i < f->ncases; i++)
		if (f->cases[i] == v.c)
			return true;
	return false;
}

/*
 * A function of the file that cannot fail here: it never returns an
 * error, or only for a NULL argument this call's is known not to be
 * (gpiochip_irqchip_add_allocated_domain(gc, domain, false) after
 * IS_ERR(domain) was ruled out), or only in the default of a switch
 * this call's constant has a case in (owl_dma_cfg_lli(..., DMA_MEM_TO_MEM,
 * ...)).  Its result is then not negative, and 0 if 0 is all it
 * otherwise returns.
 */
static void cannot_fail(struct path *p, const struct ir *call,
			const struct value *args, unsigned nargs, struct value v)
{
	const struct fails *f = summary_fails(p->an->summaries, call->name);
	unsigned k = (unsigned)f->param;

	if (v.kind != V_SYM || !model_on(MODEL_CANNOT_FAIL))
		return;
	switch (f->how) {
	case FAILS_NEVER:
		break;
	case FAILS_IF_NULL:
		if (k >= nargs || value_mask(p->st, args[k]) != VAL_POS)
			return;
		break;
	case FAILS_UNLESS_CASE:
		if (k >= nargs || !listed_case(f, args[k]))
			return;
		break;
	default:
		return;
	}
	state_refine(p->st, v.sym, f->zero ? VAL_ZERO : VAL_ZERO | VAL_POS);
}

/* The rules of a call: the rules files', or a wrapper's of this file. */
const struct rule_fn *lookup_call(const struct analysis *an,
				  const char *name)
{
	const struct rule_fn *chain = rules_lookup(an->rules, name);

	return chain ? chain : summary_wrapper(an->summaries, name);
}

/*
 * The value of a test of symbol @target, true exactly for values in
 * @mask: known when the target's class is, otherwise a 0-or-1 symbol tied
 * to it, so "int __ret_warn_on = !!(!res); if (__ret_warn_on)" learns
 * whether res is NULL, and "err = dma_mapping_error(dev, addr); if (err)"
 * whether the mapping failed.  Its id is the expression's own site, as a
 * call's result is its site's.
 */
struct value test_of(struct path *p, const struct ir *e, unsigned target,
		     unsigned mask, bool errno_result)
{
	const struct sym *t = state_sym(p->st, target);
	unsigned id = sym_name(p->an->syms, SYM_SITE, e->site, 0);
	unsigned truth = errno_result ? VAL_NEG : VAL_POS;
	struct sym *s;

	if (t && !(t->mask & mask))
		return v_const(0);
	if (t && !(t->mask & ~mask) && !errno_result)
		return v_const(1);
	/* True is non-zero either way: an errno is negative, a yes positive. */
	s = state_new_sym(p->st, id, t && !(t->mask & ~mask) ? truth :
			  VAL_ZERO | truth, NULL);
	s->has_tests = true;
	s->tests = target;
	s->tests_mask = mask;
	return v_sym(id);
}

/*
 * pm_runtime_enabled(dev) after the path's pm_runtime_enable(dev), or
 * regulator_is_enabled(reg) after its regulator_enable(reg): yes.  Any
 * other time the answer is the world's, not the path's (a shared
 * regulator another consumer enabled), so it stays unknown.
 */
static struct value held_query(struct path *p, struct ir *call,
			       const struct rule_fn *rule,
			       const struct value *args, unsigned nargs)
{
	unsigned arg = (unsigned)rule->handle.arg;
	struct resource *r = NULL;

	if (!model_on(MODEL_HELD_QUERY))
		return call_result(p, call);
	if (rule->handle.kind == HANDLE_NONE)
		r = state_find_pair(p->st, rule->pair);
	else if (arg < nargs && args[arg].kind == V_SYM)
		r = state_find_handle(p->st, args[arg].sym, rule->pair);
	if (r && r->status == RES_LIVE)
		return v_const(1);
	return call_result(p, call);
}

/*
 * usb_fill_bulk_urb(urb, dev, pipe, buf, ...) keeps buf in
 * urb->transfer_buffer: the rules' stores-in-member, an inline of the
 * headers whose store the path makes as if it were written here.
 */
static void store_in_member(struct path *p, struct ir *call,
			    const struct rule_fn *rule, const struct value *args,
			    unsigned nargs)
{
	struct ir *member;

	if ((unsigned)rule->arg >= nargs || (unsigned)rule->into >= nargs)
		return;
	member = member_node(p->an, call, (unsigned)rule->into, rule->member, 0);
	if (member)
		store(p, member, args[rule->arg]);
}

/*
 * dma_alloc_coherent(dev, size, &dma, gfp) also writes a second handle
 * to what it acquired, the device's address, into a local ladder does
 * not follow: where that goes, the memory goes too.
 */
static void second_handle_out(struct path *p, const struct ir *call)
{
	unsigned i;

	for (i = 0; i < call->nkids && call->kids[i]->kind != IR_ADDR; i++)
		;
	if (i == call->nkids)
		return;
	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].site == call->site &&
		    p->st->res[i].rule->handle.kind == HANDLE_RETURN)
			mark_resource_beyond(p, &p->st->res[i]);
}

struct value eval_call(struct path *p, struct ir *call)
{
	const struct rule_fn *chain = lookup_call(p->an, call->name);
	struct value args[MAX_CALL_ARGS], v;
	const struct rule_fn *rule;
	const char *taken = NULL;
	unsigned nargs = eval_args(p, call, chain, args);

	if (is_stable(p->an, call, chain)) {
		/*
		 * platform_get_drvdata(pdev): a pointer an accessor finds
		 * from an object may lead back to it.
		 */
		if (call->flags & IR_F_POINTER)
			carry_args(p, call, args, nargs);
		return stable_call(p, call, args);
	}
	if (model_on(MODEL_HELPER_TAKES))
		take_ownership(p, call, summary_takes(p->an->summaries, call->name),
			       NULL, NULL, args, nargs, model_escape(MODEL_HELPER_TAKES));
	handed_on_success(p, call, args, nargs);
	if (!chain) {
		if (make_helper_stores(p, call, args, nargs))
			return call_result(p, call);
		drop_named(p, call, args, nargs);
		v = unknown_call(p, call, NULL, args, nargs);
		cannot_fail(p, call, args, nargs, v);
		return v;
	}
	for (rule = chain; rule; rule = rule->next) {
		if (rule->takes)
			taken = take_ownership(p, call, rule->takes, chain, rule,
					       args, nargs, ESC_HAND_OFF);
		if (rule->runs)
			run_action(p, call, rule->runs - 1);
	}
	if ((chain->role == ROLE_TAKES || chain->role == ROLE_BORROWS) &&
	    !chain->next)
		return unknown_call(p, call, chain, args, nargs);
	if (find_role(chain, ROLE_ACQUIRE)) {
		/* request_irq(..., priv), regmap_init(..., ctx) keep them. */
		carry_args(p, call, args, nargs);
		v = do_acquires(p, call, chain, args, nargs);
		inherit_name(p, call, taken);
		second_handle_out(p, call);
		return v;
	}
	if (find_role(chain, ROLE_RELEASE)) {
		do_release(p, call, chain, args, nargs);
		/*
		 * A helper of the file that is also a release by rule (a
		 * pair inferred from its name, devfreq_remove_device())
		 * still releases what its body releases.
		 */
		release_through_helper(p, call, args, nargs);
		return call_result(p, call);
	}
	if (chain->role == ROLE_QUERY)
		return held_query(p, call, chain, args, nargs);
	if (chain->role == ROLE_STORES) {
		store_in_member(p, call, chain, args, nargs);
		return unknown_call(p, call, chain, args, nargs);
	}
	if ((unsigned)chain->arg >= nargs)
		return call_result(p, call);
	switch (chain->role) {
	case ROLE_TRANSPARENT:
		return args[chain->arg];
	case ROLE_PREDICATE:
		/* err = dma_mapping_error(dev, addr): a test kept for later. */
		v = args[chain->arg];
		if (v.kind == V_CONST && chain->errno_result)
			return (value_mask(p->st, v) & chain->mask) ? v : v_const(0);
		if (v.kind == V_CONST)
			return v_const((value_mask(p->st, v) & chain->mask) != 0);
		if (v.kind == V_SYM)
			return test_of(p, call, v.sym, chain->mask,
				       chain->errno_result);
		return call_result(p, call);
	case ROLE_ERROR_VALUE:
		/* ERR_PTR(x): whatever x is, the result is an error. */
		v = args[chain->arg];
		if (v.kind == V_SYM) {
			state_refine(p->st, v.sym, VAL_NEG);
			return v;
		}
		if (v.kind == V_CONST)
			return v;
		v = call_result(p, call);
		state_refine(p->st, v.sym, VAL_NEG);
		return v;
	default:
		return call_result(p, call);
	}
}
