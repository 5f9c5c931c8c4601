// SPDX-License-Identifier: GPL-2.0
/*
 * acquire_release.c - the rules applied at an acquire or a release call.
 *
 * Takes a call a rule names and the path's state, and gives the resources
 * an acquire makes (one per part, with its handle, failure convention and
 * remedy) and what a release ends: a live resource, one already released,
 * one whose acquire failed, one never acquired, or one the driver core
 * manages.  Release events go to the checks (check_api.c).
 */
#include "engine/internal.h"

/* The symbol of the handle an acquire's @part keeps in an argument. */
static unsigned part_handle_sym(const struct analysis *an, const struct ir *call,
				unsigned part)
{
	return sym_name(an->syms, SYM_HANDLE, call->site, part);
}

/*
 * Where an argument-held handle lives: an existing symbol or a new one.
 * @written: the call stores the handle there (request_firmware(&fw, ...));
 * otherwise it only reads it, and naming its value must not forget what
 * is known below it (pci_enable_device(pdev) leaves pdev->irq alone).
 */
static bool bind_handle_arg(struct path *p, struct ir *call, struct value arg,
			    struct ir *lv, struct resource *r, bool written)
{
	const char *display = NULL;
	const struct access_path *key = lv ? lvalue(p->an, lv, &display) : NULL;

	/* A member found NULL that the call fills holds a new handle. */
	if (arg.kind == V_SYM && written && key && found_null(p, key))
		arg = v_unknown();
	if (arg.kind == V_SYM) {
		r->handle_sym = arg.sym;
	} else if (key) {
		r->handle_sym = part_handle_sym(p->an, call, r->part);
		state_new_sym(p->st, r->handle_sym, VAL_POS, call);
		r->into_null = written && found_null(p, key);
		if (written)
			store(p, lv, v_sym(r->handle_sym));
		else
			state_set(p->st, key, v_sym(r->handle_sym));
	} else {
		return false;	/* nothing to follow the handle by */
	}
	r->has_handle = true;
	/*
	 * A macro's temporary holding the handle (kfifo_alloc()'s __kfifo)
	 * is no name for it: the user never wrote it.
	 */
	if (display && !(arg.kind == V_SYM && rooted_in_internal(lv))) {
		r->name = display;
		r->name_internal = rooted_in_internal(lv);
	}
	return true;
}

/*
 * What the member a helper's acquire names holds already, if the path
 * knows it: v3d_lock_bo_reservations(&job->base) locks the array
 * job->base.bo holds, which the caller allocated; it makes no new one.
 * A member the path knows nothing of (args.np before
 * of_parse_phandle_with_args()) gets a new handle.
 */
static struct value member_held(struct path *p, struct ir *member)
{
	const char *display;
	const struct access_path *key = lvalue(p->an, member, &display);
	struct value held = key ? state_get(p->st, key) : v_unknown();

	return held.kind == V_SYM ? held : v_unknown();
}

/* A node of one kid the code does not spell out, placed at @call. */
static struct ir *made_node(struct analysis *an, const struct ir *call,
			    enum ir_kind kind, unsigned short flags, const char *name,
			    struct ir *kid)
{
	struct ir *n = arena_alloc(an->arena, sizeof(*n));

	n->kind = kind;
	n->flags = flags;
	n->name = name;
	n->loc = call->loc;
	n->nkids = 1;
	n->kids = arena_alloc(an->arena, sizeof(*n->kids));
	n->kids[0] = kid;
	return n;
}

/* One IR_MEMBER of @object: "->name" when @arrow, else ".name". */
static struct ir *member_of(struct analysis *an, const struct ir *call,
			    struct ir *object, const char *name, bool arrow)
{
	return made_node(an, call, IR_MEMBER,
			 (arrow ? IR_F_ARROW : 0) | IR_F_POINTER, name, object);
}

/* @object's member @member, which may name one embedded ("audio.pdev"). */
static struct ir *member_chain(struct analysis *an, const struct ir *call,
			       struct ir *object, const char *member, bool arrow)
{
	const char *dot;
	char part[128];
	size_t len;

	while ((dot = strchr(member, '.'))) {
		len = (size_t)(dot - member);
		if (len >= sizeof(part))
			return NULL;
		memcpy(part, member, len);
		part[len] = '\0';
		object = member_of(an, call, object, strtab_intern(an->strings, part),
				   arrow);
		object->flags &= ~IR_F_POINTER;	/* an embedded struct */
		arrow = false;
		member = dot + 1;
	}
	return member_of(an, call, object, strtab_intern(an->strings, member), arrow);
}

/* "&@lv", for a member whose address is the handle (a lock's). */
static struct ir *address_of(struct analysis *an, const struct ir *call,
			     struct ir *lv)
{
	return made_node(an, call, IR_ADDR, IR_F_POINTER, NULL, lv);
}

/*
 * "priv->rings" for foo_alloc_rings(priv), a wrapper that leaves what it
 * acquired in that member, and "args.np" for of_parse_phandle_with_args(
 * ..., &args): an lvalue the call's argument @arg does not spell out,
 * made once per call site.  NULL if the argument is no pointer the key
 * can follow.
 */
struct ir *member_node(struct analysis *an, struct ir *call,
		       unsigned arg, const char *member, unsigned part)
{
	unsigned slot = call->site * (MAX_PARTS + 1) + part;
	bool cached = call->site <= an->fn->nsites && part <= MAX_PARTS;
	const char *display;
	struct ir *n, *object;
	bool through_address;

	if (!an->member_nodes)
		an->member_nodes = arena_alloc(an->arena, (an->fn->nsites + 1) *
					       (MAX_PARTS + 1) * sizeof(*an->member_nodes));
	if (cached && an->member_nodes[slot])
		return an->member_nodes[slot];
	object = call->kids[arg];
	through_address = object->kind == IR_ADDR && object->nkids == 1;
	if (through_address)
		object = object->kids[0];	/* &args: args.np */
	if (!lvalue(an, object, &display))
		return NULL;
	if (member[0] == '&')
		n = address_of(an, call, member_chain(an, call, object, member + 1,
						      !through_address));
	else
		n = member_chain(an, call, object, member, !through_address);
	if (cached)
		an->member_nodes[slot] = n;
	return n;
}

/*
 * A call as the source line spells it: the macro used there when the
 * callee's name has it (kzalloc() for kzalloc_noprof(), spin_lock_irqsave()
 * for _raw_spin_lock_irqsave()) or the rules know it for the same @pair
 * (kcalloc() for the kmalloc_array_noprof() the compiler sees); else
 * @known, the name the rules give it.
 */
const char *source_name(const struct analysis *an, const struct ir *call,
			const char *known, const struct pair *pair)
{
	const struct rule_fn *rule;

	if (!call->spelled || call->spelled == known)
		return known;
	if (strstr(known, call->spelled) || strstr(call->name, call->spelled))
		return call->spelled;
	for (rule = rules_lookup(an->rules, call->spelled); pair && rule; rule = rule->next)
		if (rule->pair == pair)
			return call->spelled;
	return known;
}

/*
 * The remedy spelled as the acquire is: kfifo_alloc() is the source's
 * name for __kfifo_alloc(), so __kfifo_free() is kfifo_free() to it.
 * The prefix and suffix the source's name drops, dropped from the
 * remedy when it has both.
 */
static const char *spelled_remedy(const struct analysis *an,
				  const struct rule_fn *rule, const char *spelled)
{
	const struct rule_fn *remedy = rules_remedy(rule);
	const char *at = spelled ? strstr(rule->name, spelled) : NULL;
	size_t pre, post, len;
	char buf[256];

	if (!remedy || !at || spelled == rule->name)
		return remedy ? remedy->name : NULL;
	pre = (size_t)(at - rule->name);
	post = strlen(at) - strlen(spelled);
	len = strlen(remedy->name);
	if (len <= pre + post || len - pre - post >= sizeof(buf) ||
	    strncmp(remedy->name, rule->name, pre) ||
	    strcmp(remedy->name + len - post, at + strlen(spelled)))
		return remedy->name;
	memcpy(buf, remedy->name + pre, len - pre - post);
	buf[len - pre - post] = '\0';
	return strtab_intern(an->strings, buf);
}

/*
 * What a maintainer calls to undo a wrapper of the file: its mirror-named
 * undo there (device_unlock() for device_lock(), foo_free_rings() for
 * foo_alloc_rings()), which releases the pair, rather than the call the
 * wrapper wraps.
 */
static const char *learned_remedy(const struct analysis *an, const struct ir *call,
				  const struct rule_fn *rule)
{
	if (!rule->learned || !call->name)
		return NULL;
	return summary_mirror_release(an->summaries, an->rules, call->name,
				      rule->pair);
}

/*
 * sg_alloc_table() in a loop that failed on its third pass leaves the
 * tables of the first two held, and the unwind's "while (i--)
 * sg_free_table(...)" frees them.  Where no handle tells the elements
 * apart, an acquire made again while the earlier pass's is held owes
 * those whatever it does itself (model loop-elements).  Ladder does not
 * count elements: a release of them is taken to release them all, the
 * loop's or the failing pass's own first, and the other as another
 * element (checks/double_release.c).
 */
static bool earlier_pass_held(const struct state *st, const struct resource *r)
{
	unsigned i;

	if (r->rule->handle.kind != HANDLE_NONE || !model_on(MODEL_LOOP_ELEMENTS))
		return false;
	for (i = 0; i < st->nres; i++) {
		const struct resource *old = &st->res[i];

		if (old->site == r->site && old->part == r->part)
			return old->status == RES_LIVE && !old->escaped;
	}
	return false;
}

/* Does a variable of the path hold @sym? */
static bool sym_held(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++)
		if (st->binds[i].value.kind == V_SYM && st->binds[i].value.sym == sym)
			return true;
	return false;
}

/*
 * Is @sym an object the path must keep apart from a new one: the handle
 * of a resource it still holds, not handed to a call that takes it
 * (list_add_tail(&dst->list, ...)), or of none at all, because a later
 * pass's acquire took the place of its resource?  One only stored
 * somewhere (out_args->np = new) may still be put through the variable.
 */
static bool sym_apart(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == sym)
			return st->res[i].status == RES_LIVE &&
			       st->res[i].escaped != ESC_HAND_OFF;
	return true;
}

/*
 * The symbol of what @call returns, the handle @rule acquires.  Going
 * round a loop, a variable may still hold what the call returned last
 * time: "tnode = ipar; ipar = of_irq_find_parent(ipar);
 * of_node_put(tnode);" walks up a tree, and tnode is the earlier node,
 * not the new one.  The call then takes the other of its two symbols
 * (model loop-carried), as x++ does (expressions.c).  One freed or
 * handed over last time is no matter: the symbol is reused, and loops
 * keep the states they had.
 */
static unsigned result_symbol(const struct path *p, const struct ir *call,
			      const struct rule_fn *rule)
{
	unsigned id = sym_name(p->an->syms, SYM_SITE, call->site, 0);

	if (model_on(MODEL_LOOP_CARRIED) && rule->handle.kind == HANDLE_RETURN &&
	    sym_held(p->st, id) && sym_apart(p->st, id))
		id = sym_name(p->an->syms, SYM_SITE, call->site, 1);
	return id;
}

/*
 * The member of the handle's object where @rule's acquire also keeps its
 * result ("status-in: error"): v4l2_ctrl_handler_init(&hdl, n) fails by
 * leaving -ENOMEM in hdl.error as well, and "if (hdl.error) return
 * hdl.error;" right after it tests the acquire.  The member holds the
 * result until something else may write it: a call given the object
 * forgets it (escape_lvalue()), so a test after v4l2_ctrl_new_std()
 * tests whatever that call left there.
 */
static void keep_status(struct path *p, struct ir *call,
			const struct rule_fn *rule, struct value result)
{
	const char *display;
	const struct access_path *key;
	struct ir *member;

	if (!rule->status_member || result.kind != V_SYM ||
	    rule->handle.kind != HANDLE_ARG ||
	    (unsigned)rule->handle.arg >= call->nkids)
		return;
	member = member_node(p->an, call, (unsigned)rule->handle.arg,
			     rule->status_member, STATUS_PART);
	key = member ? lvalue(p->an, member, &display) : NULL;
	if (key)
		state_set(p->st, key, result);
}

/*
 * A "hybrid" acquire in a file that makes its device managed
 * (pci_alloc_irq_vectors() where the file calls pcim_enable_device()):
 * devres releases it (model managed-with).
 */
static bool managed_here(const struct analysis *an, const struct pair *pair)
{
	return pair->index < an->nmanaged_here && an->managed_here[pair->index] &&
	       model_on(MODEL_MANAGED_WITH);
}

/*
 * One resource from @call for @rule's pair.  @part numbers the pairs one
 * call acquires for; a later part finds in @args the handle an earlier
 * one named.
 */
static struct value do_acquire(struct path *p, struct ir *call,
			       const struct rule_fn *rule, unsigned part,
			       struct value *args, unsigned nargs)
{
	struct resource r = { .site = call->site, .part = part, .rule = rule,
			      .acquire = call,
			      .acquire_name = source_name(p->an, call, rule->name,
							  rule->pair) };
	struct value result = v_unknown();
	unsigned i, arg = (unsigned)rule->handle.arg;
	struct ir *lv, *handle_place = NULL;
	/*
	 * get_device(dev) returns dev itself: the result is the handle,
	 * and testing it ("if (!get_device(dev))") tests the acquire.
	 */
	bool returns_handle = rule->handle.kind == HANDLE_ARG &&
			      rule->returns == arg + 1 && arg < nargs;

	r.remedy_name = learned_remedy(p->an, call, rule);
	if (!r.remedy_name)
		r.remedy_name = spelled_remedy(p->an, rule, r.acquire_name);
	r.status_sym = NO_SYM;
	r.status = RES_LIVE;
	if (rule->null_arg >= 0 && (unsigned)rule->null_arg < nargs) {
		struct ir *kid = call->kids[rule->null_arg];
		struct value a = args[rule->null_arg];
		const char *display;
		const struct access_path *key = lvalue(p->an, kid, &display);

		/* Name the node's value, so that a later "!np" decides it. */
		if (key && (a.kind == V_UNKNOWN || a.kind == V_UNINIT))
			a = lvalue_symbol(p, kid, key);
		if (a.kind == V_CONST && a.c == 0)
			return v_const(0);	/* of_get_parent(NULL): NULL */
		if (a.kind == V_SYM) {
			r.has_null_arg = true;
			r.null_arg_sym = a.sym;
		}
		if (returns_handle && (unsigned)rule->null_arg == arg)
			args[arg] = a;
	}
	if (!(call->flags & IR_F_VOID) && !returns_handle) {
		r.status_sym = result_symbol(p, call, rule);
		state_new_sym(p->st, r.status_sym,
			      success_initial_mask(rule->success), call);
		result = v_sym(r.status_sym);
	}
	switch (rule->handle.kind) {
	case HANDLE_RETURN:
		/*
		 * platform_device_register_simple("efivars", ...) as a
		 * statement: the caller kept no handle, so it can never
		 * release it; the object is meant to live on.
		 */
		if (r.status_sym == NO_SYM ||
		    ((call->flags & IR_F_DISCARDED) && model_on(MODEL_DISCARDED_RESULT)))
			return result;
		r.has_handle = true;
		r.handle_sym = r.status_sym;
		break;
	case HANDLE_ARG:
		if (arg >= nargs)
			return result;
		lv = through_transparent(p->an, call->kids[arg]);
		if (!bind_handle_arg(p, call, args[arg], lv, &r, false))
			return result;
		args[arg] = v_sym(r.handle_sym);
		handle_place = lv;
		keep_status(p, call, rule, result);
		if (returns_handle) {
			r.status_sym = r.handle_sym;
			state_refine(p->st, r.status_sym,
				     success_initial_mask(rule->success));
			result = v_sym(r.status_sym);
		}
		break;
	case HANDLE_ARG_OUT:
		if (arg >= nargs || call->kids[arg]->kind != IR_ADDR)
			return result;
		lv = call->kids[arg]->kids[0];
		if (!bind_handle_arg(p, call, v_unknown(), lv, &r, true))
			return result;
		/* request_firmware(&wcn->nv, ...): whose is wcn->nv? */
		handle_place = lv;
		break;
	case HANDLE_ARG_MEMBER:
		if (arg >= nargs ||
		    !(lv = member_node(p->an, call, arg, rule->handle.member, part)))
			return result;
		/* "&dev->mutex" of device_lock(dev): known by that address. */
		if (lv->kind == IR_ADDR ?
		    !bind_handle_arg(p, call, eval(p, lv), lv, &r, false) :
		    !bind_handle_arg(p, call, member_held(p, lv), lv, &r, true))
			return result;
		handle_place = lv;
		break;
	case HANDLE_NONE:
		break;
	}
	for (i = 0; i < nargs && i < MAX_CALL_ARGS; i++)
		if ((rule->pins & (1u << i)) && args[i].kind == V_SYM &&
		    r.npins < MAX_PINS)
			r.pins[r.npins++] = args[i].sym;
	if (!part)
		trace_step(p, call->loc, NULL);
	r.acquire_seq = p->st->trace->seq;
	r.elements_before = earlier_pass_held(p->st, &r);
	state_update_status(p->st, &r);
	state_add_resource(p->st, &r);
	if (managed_here(p->an, rule->pair))
		escape(state_add_resource(p->st, &r),
		       model_escape(MODEL_MANAGED_WITH), call->loc);
	if (rule->handle.kind == HANDLE_NONE && model_on(MODEL_RESTORE_MARKER) &&
	    state_get(p->st, pair_restore_marker(p->an, rule->pair)).kind == V_CONST)
		escape(state_add_resource(p->st, &r),
		       model_escape(MODEL_RESTORE_MARKER), call->loc);
	if (handle_place) {
		const char *display;
		const struct access_path *key = lvalue(p->an, handle_place, &display);

		/* clk_prepare_enable(priv->clk): the handle lives in priv already. */
		stored_in_member(p, handle_place, r.handle_sym, call->loc);
		if (key && model_on(MODEL_RESTORE_MARKER) &&
		    state_get(p->st, restore_marker(p->an, key)).kind == V_CONST)
			escape(state_add_resource(p->st, &r),
			       model_escape(MODEL_RESTORE_MARKER), call->loc);
	}
	return result;
}

static enum release_kind release_kind_of(const struct resource *r)
{
	switch (r->status) {
	case RES_RELEASED:
		return REL_RELEASED;
	case RES_FAILED:
		return REL_FAILED;
	default:
		return REL_LIVE;
	}
}

/*
 * With nothing of a counted pair left, a release call that released one
 * of its resources before went round a loop: that one is what it meets
 * again, whichever acquire site the path used last.
 */
static struct resource *released_by(struct state *st, const struct pair *pair,
				    const struct ir *call, struct resource *found)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].rule->pair == pair && !st->res[i].has_handle &&
		    st->res[i].release == call)
			return &st->res[i];
	return found;
}

/* Which resource does this release refer to, if any ladder knows of? */
static bool match_release(struct path *p, const struct rule_fn *rule,
			  struct value *args, unsigned nargs,
			  struct release_event *ev)
{
	const struct pair *pair = rule->pair;
	unsigned arg = (unsigned)rule->handle.arg;
	struct resource *r = NULL;

	if (rule->handle.kind == HANDLE_NONE) {
		r = state_find_pair(p->st, pair);
		if (!r)
			r = state_find_pair_any(p->st, pair);
		if (r && r->status == RES_RELEASED)
			r = released_by(p->st, pair, ev->call, r);
	} else if (arg < nargs && args[arg].kind == V_SYM) {
		r = state_find_handle(p->st, args[arg].sym, pair);
	} else if (arg < nargs && args[arg].kind == V_UNINIT &&
		   pair_acquired(p->an, pair)) {
		ev->kind = REL_NEVER;
		ev->rule = rule;
		return true;
	}
	if (!r && rule->handle.kind == HANDLE_NONE && pair_acquired(p->an, pair)) {
		ev->kind = REL_NEVER;
		ev->rule = rule;
		return true;
	}
	if (!r)
		return false;
	ev->res = r;
	ev->kind = release_kind_of(r);
	ev->rule = rule;
	return true;
}

static void note_release_first(struct path *p, const struct rule_fn *chain,
			       struct ir *call)
{
	const struct rule_fn *rule;
	const struct access_path *key;
	const char *display;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->implicit)
			continue;
		/* pm_runtime_disable(dev) ... pm_runtime_enable(dev): by pair. */
		if (rule->handle.kind == HANDLE_NONE) {
			state_set(p->st, pair_restore_marker(p->an, rule->pair),
				  v_const(1));
			continue;
		}
		if (rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		key = lvalue(p->an, call->kids[rule->handle.arg], &display);
		if (key)
			state_set(p->st, restore_marker(p->an, key), v_const(1));
		return;
	}
}

/*
 * kfree() of what devm_kzalloc() returned: no rule of kfree matches a
 * managed resource, but the handle and the rules' "plain:" (kmalloc for
 * devm-kmalloc) say it frees it.
 */
static bool match_managed(struct path *p, const struct rule_fn *chain,
			  struct value *args, unsigned nargs,
			  struct release_event *ev)
{
	const struct rule_fn *rule;
	unsigned arg;

	for (rule = chain; rule; rule = rule->next) {
		struct resource *r;

		arg = (unsigned)rule->handle.arg;
		if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
		    arg >= nargs || args[arg].kind != V_SYM)
			continue;
		/* Only the release of its plain variant: clk_disable() of a
		 * devm clock undoes an enable, not the devm_clk_get(). */
		r = state_find_managed(p->st, args[arg].sym);
		if (r && r->rule->pair->plain == rule->pair) {
			ev->res = r;
			ev->kind = REL_MANAGED;
			ev->rule = rule;
			return true;
		}
	}
	return false;
}

/* The access path of the flag test "@base & @mask". */
const struct access_path *flag_key(struct analysis *an,
				   const struct access_path *base,
				   unsigned long long mask)
{
	return ap_step(an->paths, AP_FLAG, base, (long long)mask, NULL);
}

/* The mask of the flag test @key of @base ("priv->flags & 64"), if it is one. */
bool flag_mask(const struct access_path *key, const struct access_path *base,
	       unsigned long long *mask)
{
	if (key->kind != AP_FLAG || key->base != base)
		return false;
	*mask = (unsigned long long)key->n;
	return true;
}

/* The path of @member (a rule's spelling) of what @object points to. */
static const struct access_path *member_key(struct analysis *an,
					    const struct access_path *object,
					    const char *member)
{
	return ap_step(an->paths, AP_ARROW, object, 0,
		       strtab_intern(an->strings, member));
}

/*
 * Did the path set every bit of @bits in @flags ("x->flags |= A | B",
 * or "x->flags = A | B")?
 */
static bool flag_set(struct path *p, const struct access_path *flags,
		     unsigned long long bits)
{
	struct value whole = state_get(p->st, flags);
	unsigned long long mask;
	unsigned i;

	if (whole.kind == V_CONST)
		return ((unsigned long long)whole.c & bits) == bits;
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (flag_mask(b->key, flags, &mask) && (mask & bits) == bits &&
		    b->value.kind == V_CONST &&
		    ((unsigned long long)b->value.c & bits) == bits)
			return true;
	}
	return false;
}

/*
 * usb_free_urb(urb) frees urb->transfer_buffer too when the path set
 * URB_FREE_BUFFER in urb->transfer_flags: the pair's frees-member says
 * which member, and which flag.  What the member holds is released
 * with it; a flag the path never set, or cleared, frees nothing more.
 */
static void release_flagged_member(struct path *p, const struct release_event *ev)
{
	const struct member_freed *mf = &ev->rule->pair->frees_member;
	const struct access_path *object, *flags, *member;
	const char *display;
	unsigned arg = (unsigned)ev->rule->handle.arg;
	struct value kept;
	unsigned i;

	if (!mf->member || ev->rule->handle.kind != HANDLE_ARG ||
	    arg >= ev->call->nkids ||
	    !(object = lvalue(p->an, ev->call->kids[arg], &display)))
		return;
	flags = member_key(p->an, object, mf->flag);
	member = member_key(p->an, object, mf->member);
	if (!flags || !member || !flag_set(p, flags, mf->bits))
		return;
	kept = state_get(p->st, member);
	for (i = 0; kept.kind == V_SYM && i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == kept.sym &&
		    r->status == RES_LIVE) {
			r->status = RES_RELEASED;
			r->release = ev->call;
		}
	}
}

/* What a matched release @ev does to the path, and what it reports. */
static void apply_release(struct path *p, struct release_event *ev,
			  struct value *args, unsigned nargs)
{
	const struct ir *call = ev->call;
	const char *display = NULL;
	unsigned arg = (unsigned)ev->rule->handle.arg;

	if (ev->rule->handle.kind != HANDLE_NONE && arg < nargs) {
		if (lvalue(p->an, call->kids[arg], &display))
			ev->handle = display;
		ev->handle_mask = value_mask(p->st, args[arg]);
	}
	fire_release(p, ev);
	if (ev->res && ev->kind == REL_LIVE) {
		ev->res->status = RES_RELEASED;
		ev->res->release = call;
		release_flagged_member(p, ev);
	}
}

/*
 * device_del() disables runtime PM on its way: what is live is no
 * longer owed, but it is no release of its own to double or to
 * misplace, and a pm_runtime_disable() after it is no double.
 */
static void release_matched(struct path *p, struct release_event *ev,
			    struct value *args, unsigned nargs)
{
	if (!ev->rule->implicit)
		apply_release(p, ev, args, nargs);
	else if (ev->res && ev->kind == REL_LIVE)
		escape(ev->res, ESC_IMPLICIT, ev->call->loc);
}

/*
 * A release of the pair that matched nothing the path holds: say so on
 * the path, for a reader who sees "kfree()" on it and wonders why the
 * leak of 'buf' stands ("kfree() here is given 'name', not 'buf'").
 */
static void note_other_handle(struct path *p, const struct rule_fn *chain,
			      struct ir *call)
{
	const struct rule_fn *rule;
	const char *given;
	char text[256];
	unsigned i;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		if (!lvalue(p->an, call->kids[rule->handle.arg], &given))
			given = NULL;
		for (i = 0; i < p->st->nres; i++) {
			const struct resource *r = &p->st->res[i];

			if (r->rule->pair != rule->pair || r->status != RES_LIVE ||
			    r->escaped || !r->name)
				continue;
			if (given && strcmp(given, r->name))
				snprintf(text, sizeof(text), "%s() here is given '%s', not '%s'",
					 call_name(p->an, call), given, r->name);
			else if (!given)
				snprintf(text, sizeof(text), "%s() here is not given '%s'",
					 call_name(p->an, call), r->name);
			else
				continue;
			trace_step(p, call->loc, text);
			return;
		}
	}
}

/*
 * A call releases for each pair it holds a resource of:
 * clk_disable_unprepare() undoes the enable and the prepare.  A call
 * that matches none may still release what this path never acquired
 * (REL_NEVER, as the last rule tried says), or a managed resource.
 */
void do_release(struct path *p, struct ir *call, const struct rule_fn *chain,
		struct value *args, unsigned nargs)
{
	struct release_event ev = { .call = call };
	const struct rule_fn *rule;
	bool matched = false;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE)
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.call = call;
		if (match_release(p, rule, args, nargs, &ev) &&
		    ev.kind != REL_NEVER) {
			release_matched(p, &ev, args, nargs);
			matched = true;
		}
	}
	if (matched || (ev.rule && ev.rule->implicit))
		return;
	if (!ev.rule && match_managed(p, chain, args, nargs, &ev)) {
		fire_release(p, &ev);
		ev.res->status = RES_RELEASED;
		ev.res->release = call;
		return;
	}
	note_release_first(p, chain, call);
	note_other_handle(p, chain, call);
	if (ev.rule)
		apply_release(p, &ev, args, nargs);
}

/*
 * A call acquires once for each pair it is in: clk_prepare_enable()
 * leaves a prepared clock and an enabled one, each undone on its own.
 * The rules make them share the handle and the return value.
 */
struct value do_acquires(struct path *p, struct ir *call,
			 const struct rule_fn *chain, struct value *args,
			 unsigned nargs)
{
	struct value v = v_unknown();
	unsigned part = 0;

	for (; chain; chain = chain->next)
		if (chain->role == ROLE_ACQUIRE)
			v = do_acquire(p, call, chain, part++, args, nargs);
	return v;
}
