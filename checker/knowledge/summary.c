// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - which rule pairs each function of the TU may release.
 *
 * Computed once per TU: the pairs a function releases by direct calls,
 * then grown along calls between the TU's functions until nothing
 * changes (helpers calling helpers).  The sets are bitmaps over pairs.
 *
 * Also which functions are stable: they return a value, write nothing
 * but their own locals, and call only stable functions (the rules'
 * "stable:" list or other stable functions of the TU), so two calls with
 * the same arguments agree: mmc_card_is_removable(),
 * efi_rt_services_supported().
 *
 * How an int function can fail, read from its returns (never; only for
 * a NULL parameter; only in a switch's default), and, learnt from the
 * engine as it explores the TU callees first, which functions wrap an
 * acquire for their callers.
 */
#include "summary.h"
#include "summary_impl.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

void summary_index_names(struct summaries *s)
{
	unsigned i, slot;

	free(s->slots);
	for (s->nslots = 16; s->nslots < 2 * s->n; s->nslots *= 2)
		;
	s->slots = xcalloc(s->nslots, sizeof(*s->slots));
	for (i = 0; i < s->n; i++) {
		if (find(s, s->fns[i].name))
			continue;	/* the first definition answers */
		for (slot = name_slot(s, s->fns[i].name); s->slots[slot];
		     slot = (slot + 1) & (s->nslots - 1))
			;
		s->slots[slot] = i + 1;
	}
}

/* kobject_put(efi_kobj): a global the TU releases somewhere. */
static void note_released_global(struct summaries *s, const struct ir *call,
				 const struct rule_fn *rule)
{
	const struct ir *arg;
	unsigned n = (unsigned)rule->handle.arg;

	if (rule->handle.kind != HANDLE_ARG || n >= call->nkids)
		return;
	arg = call->kids[n];
	if (arg->kind == IR_VAR && (arg->flags & IR_F_GLOBAL) && arg->name)
		ptrvec_push(&s->released_globals, (void *)arg->name);
}

/*
 * The global a release's handle lies in, not through a pointer: foo_wq,
 * &foo_lock, &g.lock, THIS_MODULE (&__this_module); NULL for anything
 * else.  *@member: the member named last on the way (NULL: none).
 */
static const char *handle_global(const struct ir *handle, const char **member)
{
	*member = NULL;
	if (handle && handle->kind == IR_ADDR)
		handle = handle->kids[0];
	while (handle && ((handle->kind == IR_MEMBER && !(handle->flags & IR_F_ARROW)) ||
			  handle->kind == IR_INDEX)) {
		if (handle->kind == IR_MEMBER && !*member)
			*member = handle->name;
		handle = handle->kids[0];
	}
	if (handle && handle->kind == IR_VAR && (handle->flags & IR_F_GLOBAL))
		return handle->name;
	return NULL;
}

static bool add_global_freed(struct fn_summary *fs, const struct pair *pair,
			     const char *global, const char *member)
{
	unsigned i;

	for (i = 0; i < fs->nglobals_freed; i++)
		if (fs->globals_freed[i].pair == pair &&
		    fs->globals_freed[i].global == global &&
		    fs->globals_freed[i].member == member)
			return false;
	if (fs->nglobals_freed == fs->capglobals_freed) {
		fs->capglobals_freed = fs->capglobals_freed ? fs->capglobals_freed * 2 : 4;
		fs->globals_freed = xrealloc(fs->globals_freed, fs->capglobals_freed *
					     sizeof(*fs->globals_freed));
	}
	fs->globals_freed[fs->nglobals_freed++] =
		(struct global_freed){ pair, global, member };
	return true;
}

/* Is @e parameter N of @fn?  N, or -1. */
static int param_of(const struct ir_func *fn, const struct ir *e)
{
	if (e && e->kind == IR_VAR && !(e->flags & IR_F_GLOBAL) &&
	    e->id >= 0 && (unsigned)e->id < fn->nparams)
		return e->id;
	return -1;
}

/*
 * The parameter whose object @e is or is part of: N for p, &p->dev or
 * &p->a.b (a call given &p->dev may find p by container_of()), -1 for
 * anything else, p->parent included: that is another object.
 */
static int param_root(const struct ir_func *fn, const struct ir *e)
{
	if (e && e->kind == IR_ADDR) {
		e = e->kids[0];
		while (e && ((e->kind == IR_MEMBER && !(e->flags & IR_F_ARROW)) ||
			     e->kind == IR_INDEX))
			e = e->kids[0];
		if (e && e->kind == IR_MEMBER)
			e = e->kids[0];
	}
	return param_of(fn, e);
}

/* The parameters whose objects @call hands over, as @takes says of its arguments. */
static unsigned params_taken(const struct ir_func *fn, const struct ir *call,
			     unsigned takes)
{
	unsigned k, params = 0;
	int n;

	for (k = 0; k < call->nkids && k < 32; k++)
		if ((takes & (1u << k)) && (n = param_root(fn, call->kids[k])) >= 0 &&
		    n < 32)
			params |= 1u << n;
	return params;
}

/* "!p" or "p == NULL" with p parameter N: N, else -1. */
static int null_param_test(const struct ir_func *fn, const struct ir *cond)
{
	if (cond->kind == IR_NOT)
		return param_of(fn, cond->kids[0]);
	if (cond->kind == IR_CMP && cond->op == CMP_EQ &&
	    cond->kids[1]->kind == IR_CONST && !cond->kids[1]->value)
		return param_of(fn, cond->kids[0]);
	return -1;
}

/* What makes the returns below a point fail, as the walk reaches it. */
struct guard {
	enum fails_how how;	/* FAILS_NEVER: nothing known */
	int param;
	const struct ir *cases;	/* FAILS_UNLESS_CASE: the switch's body */
	/* Inside the body of a switch on parameter .sw_param (else -1). */
	int sw_param;
	const struct ir *sw_body;
};

/* The case values below @e, not those of a nested switch. */
static bool collect_cases(const struct ir *e, struct fails *f)
{
	unsigned i;

	if (!e || e->kind == IR_SWITCH)
		return true;
	if (e->kind == IR_CASE) {
		if ((e->flags & IR_F_RANGE) || f->ncases == FAILS_MAX_CASES)
			return false;
		f->cases[f->ncases++] = e->value;
	}
	for (i = 0; i < e->nkids; i++)
		if (!collect_cases(e->kids[i], f))
			return false;
	return true;
}

/* An error return under @g: does it agree with what @f says so far? */
static bool error_return(const struct guard *g, struct fails *f)
{
	struct fails mine = { .how = g->how, .param = g->param };

	if (g->how == FAILS_NEVER)
		return false;
	if (g->how == FAILS_UNLESS_CASE && !collect_cases(g->cases, &mine))
		return false;
	if (f->how == FAILS_NEVER) {
		mine.zero = f->zero;
		*f = mine;
		return true;
	}
	return f->how == mine.how && f->param == mine.param &&
	       f->ncases == mine.ncases &&
	       !memcmp(f->cases, mine.cases, mine.ncases * sizeof(mine.cases[0]));
}

/* Does control never fall out of the end of @e (break, return, goto)? */
static bool ends_flow(const struct ir *e)
{
	switch (e->kind) {
	case IR_BREAK:
	case IR_CONTINUE:
	case IR_RETURN:
	case IR_GOTO:
		return true;
	case IR_CASE:
	case IR_DEFAULT:
	case IR_LABEL:
		return ends_flow(e->kids[0]);
	case IR_BLOCK:
		return e->nkids && ends_flow(e->kids[e->nkids - 1]);
	default:
		return false;
	}
}

static bool returns_fail_only(const struct ir_func *fn, const struct ir *e,
			      struct guard g, struct fails *f);

/*
 * A switch's body: its "default:" is where the value is none of the
 * cases only if no case falls into it ("case A: x = 1; default: ...").
 */
static bool switch_fails_only(const struct ir_func *fn, const struct ir *body,
			      struct guard g, struct fails *f)
{
	struct guard mine;
	unsigned i;

	if (body->kind != IR_BLOCK)
		return returns_fail_only(fn, body, g, f);
	for (i = 0; i < body->nkids; i++) {
		mine = g;
		if (body->kids[i]->kind == IR_DEFAULT && i &&
		    !ends_flow(body->kids[i - 1]))
			mine.sw_param = -1;
		if (!returns_fail_only(fn, body->kids[i], mine, f))
			return false;
	}
	return true;
}

/*
 * Do the returns below @e fail only as @f says (and say it as the walk
 * goes)?  Every return must give a constant: one >= 0, or an error
 * under a guard on one parameter: "if (!domain) return -EINVAL;", or
 * "switch (dir) { ... default: return -EINVAL; }".
 */
static bool returns_fail_only(const struct ir_func *fn, const struct ir *e,
			      struct guard g, struct fails *f)
{
	struct guard inner = g;
	const struct ir *value;
	unsigned i;
	int k;

	if (!e)
		return true;
	switch (e->kind) {
	case IR_RETURN:
		value = e->nkids ? e->kids[0] : NULL;
		if (!value || value->kind != IR_CONST)
			return false;
		if (value->value > 0)
			f->zero = false;
		return value->value >= 0 || error_return(&g, f);
	case IR_IF:
		k = null_param_test(fn, e->kids[0]);
		if (k >= 0) {
			inner.how = FAILS_IF_NULL;
			inner.param = k;
		}
		return returns_fail_only(fn, e->kids[1], inner, f) &&
		       returns_fail_only(fn, e->kids[2], g, f);
	case IR_SWITCH:
		inner.sw_param = param_of(fn, e->kids[0]);
		inner.sw_body = e->kids[1];
		return !e->kids[1] || switch_fails_only(fn, e->kids[1], inner, f);
	case IR_CASE:
		/*
		 * "case A: default:" and "default: case A:" share a body a
		 * listed case reaches: no longer the default alone.
		 */
		inner.sw_param = -1;
		if (g.how == FAILS_UNLESS_CASE)
			inner.how = FAILS_NEVER;
		return returns_fail_only(fn, e->kids[0], inner, f);
	case IR_DEFAULT:
		/* "default: return -EINVAL;": the value is none of the cases. */
		if (g.sw_param >= 0) {
			inner.how = FAILS_UNLESS_CASE;
			inner.param = g.sw_param;
			inner.cases = g.sw_body;
		}
		return returns_fail_only(fn, e->kids[0], inner, f);
	default:
		for (i = 0; i < e->nkids; i++)
			if (!returns_fail_only(fn, e->kids[i], g, f))
				return false;
		return true;
	}
}

/*
 * How an int function of the TU fails, from its returns alone: never
 * (every return is a constant >= 0), only for a NULL parameter
 * ("if (!domain) return -EINVAL; ... return 0;"), or only for a value
 * of a parameter its switch does not list.
 */
static struct fails how_it_fails(const struct ir_func *fn)
{
	struct fails f = { .how = FAILS_NEVER, .zero = true };
	struct guard none = { FAILS_NEVER, -1, NULL, -1, NULL };

	if (fn->ret != RET_SIGNED || !fn->body ||
	    !returns_fail_only(fn, fn->body, none, &f))
		f.how = FAILS_UNKNOWN;
	return f;
}

/* Is @lhs the function's own variable, or a part of one? */
static bool local_lvalue(const struct ir *lhs)
{
	while ((lhs->kind == IR_MEMBER && !(lhs->flags & IR_F_ARROW)) ||
	       lhs->kind == IR_INDEX)
		lhs = lhs->kids[0];
	return lhs->kind == IR_VAR && !(lhs->flags & IR_F_GLOBAL);
}

static bool stable_callee(const struct summaries *s, const struct ir *call,
			  const struct rules *rules)
{
	const struct rule_fn *rule = call->name ? rules_lookup(rules, call->name) : NULL;

	if (rule)
		return rule->role == ROLE_STABLE || rule->role == ROLE_TRANSPARENT ||
		       rule->role == ROLE_ERROR_VALUE || rule->role == ROLE_PREDICATE ||
		       rule->role == ROLE_QUERY;
	return call->name && find(s, call->name);	/* settled by propagation */
}

/* Does @e, by itself, keep its function from being stable? */
static bool has_effect(const struct summaries *s, const struct ir *e,
		       const struct rules *rules)
{
	switch (e->kind) {
	case IR_ASSIGN:
	case IR_UPDATE:
		return !local_lvalue(e->kids[0]);
	case IR_CALL:
		return !stable_callee(s, e, rules);
	case IR_NOP:
		return e->flags & IR_F_EFFECTS;		/* asm */
	default:
		return false;
	}
}

/*
 * put_device(), kref_put(), device_unregister(): a release that also
 * takes what its argument holds is an object's last put, whose release
 * callback frees what the object holds.
 */
static bool is_last_put(const struct rule_fn *chain)
{
	const struct rule_fn *rule;
	bool releases = false, takes = false;

	for (rule = chain; rule; rule = rule->next) {
		releases |= rule->role == ROLE_RELEASE;
		takes |= rule->takes != 0;
	}
	return releases && takes;
}

static bool has_member(const struct freed_member *list, unsigned n,
		       const struct pair *pair, const char *member)
{
	unsigned i;

	for (i = 0; i < n; i++)
		if (list[i].pair == pair && list[i].member == member)
			return true;
	return false;
}

bool summary_add_member(struct freed_member **list, unsigned *n, unsigned *cap,
			const struct pair *pair, const char *member)
{
	if (has_member(*list, *n, pair, member))
		return false;
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 4;
		*list = xrealloc(*list, *cap * sizeof(**list));
	}
	(*list)[(*n)++] = (struct freed_member){ pair, member };
	return true;
}

/* @fs releases @pair's @member, maybe through a helper. */
static bool add_freed(struct fn_summary *fs, const struct pair *pair,
		      const char *member)
{
	return summary_add_member(&fs->freed, &fs->nfreed, &fs->capfreed,
				  pair, member);
}

bool summary_add_param_freed(struct fn_summary *fs, const struct pair *pair,
			     unsigned param)
{
	unsigned i;

	for (i = 0; i < fs->nparams_freed; i++)
		if (fs->params_freed[i].pair == pair && fs->params_freed[i].param == param)
			return false;
	if (fs->nparams_freed == fs->capparams_freed) {
		fs->capparams_freed = fs->capparams_freed ? fs->capparams_freed * 2 : 4;
		fs->params_freed = xrealloc(fs->params_freed, fs->capparams_freed *
					    sizeof(*fs->params_freed));
	}
	fs->params_freed[fs->nparams_freed++] = (struct param_freed){ pair, param };
	return true;
}

/*
 * The parameter a release's handle is or is reached from: N for t,
 * t->buf, &t->dev, t->ring[i].desc; -1 for anything else.
 */
static int handle_param(const struct ir_func *fn, const struct ir *handle)
{
	while (handle && (handle->kind == IR_ADDR || handle->kind == IR_INDEX ||
			  handle->kind == IR_MEMBER))
		handle = handle->kids[0];
	return param_of(fn, handle);
}

const char *summary_handle_member(const struct ir *handle)
{
	if (handle && handle->kind == IR_ADDR)
		handle = handle->kids[0];
	while (handle && handle->kind == IR_INDEX)
		handle = handle->kids[0];
	return handle && handle->kind == IR_MEMBER ? handle->name : NULL;
}

static void note_freed(struct fn_summary *fs, const struct pair *pair,
		       const struct ir *handle)
{
	const char *member = summary_handle_member(handle);
	int param = handle_param(fs->fn, handle);
	const char *global, *global_member;

	global = handle_global(handle, &global_member);
	if (global)
		add_global_freed(fs, pair, global, global_member);

	if (member)
		add_freed(fs, pair, member);
	else
		set_bit_of(fs->frees_unnamed, pair->index);
	if (param >= 0)
		summary_add_param_freed(fs, pair, (unsigned)param);
}

bool summary_named_drop(const struct summaries *s, const struct rules *rules,
			const struct ir *call)
{
	const struct fn_summary *callee = s ? find(s, call->name) : NULL;

	return call->nkids == 1 && !rules_lookup(rules, call->name) &&
	       rules_name_drops(rules, call->name) && !(callee && callee->fn);
}

static void scan(struct summaries *s, struct fn_summary *fs, const struct ir *e,
		 const struct rules *rules)
{
	const struct rule_fn *rule;
	unsigned i;

	if (!e)
		return;
	if (has_effect(s, e, rules))
		fs->stable = false;
	if (e->kind == IR_CALL && e->name) {
		if (is_last_put(rules_lookup(rules, e->name)))
			fs->puts = fs->puts_direct = true;
		/*
		 * A function making a call model drop-named takes (calls.c)
		 * takes its parameter with it: drm_framebuffer_put(), a
		 * header's inline over drm_mode_object_put(&fb->base).
		 */
		if (s->drop_named && summary_named_drop(s, rules, e))
			fs->takes |= params_taken(fs->fn, e, 1u);
		for (rule = rules_lookup(rules, e->name); rule; rule = rule->next) {
			fs->takes |= params_taken(fs->fn, e, rule->takes);
			if (rule->role == ROLE_RELEASE &&
			    !bit_of(s, fs->acquires, rule->pair->index) &&
			    !bit_of(s, fs->releases, rule->pair->index))
				set_bit_of(fs->releases_first, rule->pair->index);
			if (rule->role == ROLE_RELEASE)
				set_bit_of(fs->releases_last, rule->pair->index);
			else if (rule->role == ROLE_ACQUIRE)
				clear_bit_of(fs->releases_last, rule->pair->index);
			if (rule->role == ROLE_ACQUIRE)
				set_bit_of(fs->acquires, rule->pair->index);
			if (rule->role != ROLE_RELEASE)
				continue;
			set_bit_of(fs->releases, rule->pair->index);
			if (rule->handle.kind == HANDLE_ARG &&
			    (unsigned)rule->handle.arg < e->nkids)
				note_freed(fs, rule->pair, e->kids[rule->handle.arg]);
			note_released_global(s, e, rule);
		}
		if (find(s, e->name)) {
			((struct fn_summary *)find(s, e->name))->called = true;
			if (fs->ncallees == fs->capcallees) {
				fs->capcallees = fs->capcallees ? fs->capcallees * 2 : 8;
				fs->callees = xrealloc(fs->callees,
					fs->capcallees * sizeof(*fs->callees));
				fs->callee_calls = xrealloc(fs->callee_calls,
					fs->capcallees * sizeof(*fs->callee_calls));
			}
			fs->callee_calls[fs->ncallees] = e;
			fs->callees[fs->ncallees++] = e->name;
		}
	}
	for (i = 0; i < e->nkids; i++)
		scan(s, fs, e->kids[i], rules);
}

/*
 * f(p) calling g(p->x): what g releases of its argument, f releases of
 * p.  Of a function of another file (@linked), that is all f learns of
 * what g releases: f then releases that pair, as if by its own call.
 */
static bool pass_params_freed(struct fn_summary *fs, const struct ir *call,
			      const struct fn_summary *callee, bool linked)
{
	bool changed = false;
	unsigned i;
	int param;

	for (i = 0; i < callee->nparams_freed; i++) {
		const struct pair *pair = callee->params_freed[i].pair;
		unsigned arg = callee->params_freed[i].param;

		if (arg >= call->nkids ||
		    (param = handle_param(fs->fn, call->kids[arg])) < 0 ||
		    !summary_add_param_freed(fs, pair, (unsigned)param))
			continue;
		changed = true;
		if (linked) {
			set_bit_of(fs->releases, pair->index);
			set_bit_of(fs->frees_unnamed, pair->index);
		}
	}
	return changed;
}

static bool or_bits(const struct summaries *s, unsigned long *into,
		    const unsigned long *from)
{
	bool changed = false;
	unsigned w;

	for (w = 0; w < s->words; w++)
		if (from[w] & ~into[w]) {
			into[w] |= from[w];
			changed = true;
		}
	return changed;
}

/*
 * The pairs @fs's own calls may drop while its caller holds them: it
 * releases the pair and never takes it, or its first and last calls of
 * the pair are releases.  A function that takes a lock and drops it again
 * (free_buf() queueing a buffer under dma_bufs_lock) drops nothing of
 * its caller's, and neither do the helpers that call only it.
 */
static void note_drops_held(const struct summaries *s, struct fn_summary *fs)
{
	unsigned w;

	for (w = 0; w < s->words; w++)
		fs->drops_held[w] = fs->direct[w] &
				    (~fs->acquires[w] |
				     (fs->releases_first[w] & fs->releases_last[w]));
}

/*
 * A helper's drops are its caller's, for the pairs the caller does not
 * take itself: one that takes the lock and calls what drops it
 * (rpm_idle() around its callback) drops and takes back its own hold,
 * as its own calls say (note_drops_held()).
 */
static bool inherit_drops(const struct summaries *s, struct fn_summary *fs,
			  const struct fn_summary *callee)
{
	bool changed = false;
	unsigned w;

	for (w = 0; w < s->words; w++) {
		unsigned long add = callee->drops_held[w] & ~fs->acquires[w] &
				    ~fs->drops_held[w];

		if (add) {
			fs->drops_held[w] |= add;
			changed = true;
		}
	}
	return changed;
}

/*
 * What @fs learns of its call @k: it is unstable when the callee is, and
 * hands over the parameters it gives a callee that hands them over.  A
 * helper of the file also gives it what it may release, and its last
 * puts; a function of another file only what it releases of the
 * parameters @fs gives it (pass_params_freed()): the rest is its own
 * business, a scratch buffer it frees, not its caller's.
 */
static bool inherit(struct summaries *s, struct fn_summary *fs, unsigned k)
{
	const struct fn_summary *callee = find(s, fs->callees[k]);
	bool linked = callee - s->fns >= s->nlocal, changed = false;
	unsigned w, takes;

	if (fs->stable && !callee->stable) {
		fs->stable = false;
		changed = true;
	}
	changed |= pass_params_freed(fs, fs->callee_calls[k], callee, linked);
	takes = params_taken(fs->fn, fs->callee_calls[k], callee->takes);
	if (takes & ~fs->takes) {
		fs->takes |= takes;
		changed = true;
	}
	if (linked)
		return changed;
	if (callee->puts && !fs->puts) {
		fs->puts = true;
		changed = true;
	}
	for (w = 0; w < callee->nfreed; w++)
		changed |= add_freed(fs, callee->freed[w].pair, callee->freed[w].member);
	for (w = 0; w < callee->nglobals_freed; w++)
		changed |= add_global_freed(fs, callee->globals_freed[w].pair,
					    callee->globals_freed[w].global,
					    callee->globals_freed[w].member);
	changed |= or_bits(s, fs->releases, callee->releases);
	changed |= inherit_drops(s, fs, callee);
	changed |= or_bits(s, fs->frees_unnamed, callee->frees_unnamed);
	return changed;
}

/* One round of inherit() for every call between functions of the summaries. */
static bool propagate(struct summaries *s)
{
	bool changed = false;
	unsigned i, k;

	for (i = 0; i < s->n; i++)
		for (k = 0; k < s->fns[i].ncallees; k++)
			changed |= inherit(s, &s->fns[i], k);
	return changed;
}

/*
 * callers_release(g) |= what f releases other than through g, for every
 * call f -> g: its own releases and its other helpers'.  What g releases
 * itself is no caller's cleaning after g fails.  Asked at every store
 * into a member of an object a function was given, on every path, so it
 * is made once.
 */
static void note_caller(struct summaries *s, const struct fn_summary *fs,
			struct fn_summary *callee)
{
	unsigned k, w;

	for (w = 0; w < s->words; w++)
		callee->callers_release[w] |= fs->direct[w];
	callee->callers_put |= fs->puts_direct;
	for (k = 0; k < fs->ncallees; k++) {
		const struct fn_summary *other = find(s, fs->callees[k]);

		if (other == callee || other->name == fs->name)
			continue;
		for (w = 0; w < s->words; w++)
			callee->callers_release[w] |= other->releases[w];
		callee->callers_put |= other->puts;
	}
}

/*
 * A failure goes up the calls: what cleans after the caller's failure
 * cleans after the callee's too, when the caller passes it on
 * (spu_aead_rx_sg_create() fails through handle_aead_req() to
 * aead_enqueue(), whose spu_chunk_cleanup() frees what it left).
 */
static bool note_grand_callers(struct summaries *s)
{
	bool changed = false;
	unsigned i, k, w;

	for (i = 0; i < s->n; i++) {
		const struct fn_summary *fs = &s->fns[i];

		for (k = 0; k < fs->ncallees; k++) {
			struct fn_summary *callee = (struct fn_summary *)find(s, fs->callees[k]);

			for (w = 0; callee && callee != fs && w < s->words; w++) {
				unsigned long add = fs->callers_release[w] &
						    ~callee->callers_release[w];

				if (add) {
					callee->callers_release[w] |= add;
					changed = true;
				}
			}
			if (callee && callee != fs && fs->callers_put &&
			    !callee->callers_put) {
				callee->callers_put = true;
				changed = true;
			}
		}
	}
	return changed;
}

static void note_callers(struct summaries *s)
{
	unsigned i, k;

	for (i = 0; i < s->n; i++) {
		const struct fn_summary *fs = &s->fns[i];

		for (k = 0; k < fs->ncallees; k++) {
			struct fn_summary *callee = (struct fn_summary *)find(s, fs->callees[k]);

			if (callee && callee->name != fs->name)
				note_caller(s, fs, callee);
		}
	}
}

void summary_init_entry(const struct summaries *s, struct fn_summary *fs,
			const char *name)
{
	size_t words = s->words ? s->words : 1;

	memset(fs, 0, sizeof(*fs));
	fs->name = name;
	fs->releases = xcalloc(words, sizeof(long));
	fs->direct = xcalloc(words, sizeof(long));
	fs->callers_release = xcalloc(words, sizeof(long));
	fs->acquires = xcalloc(words, sizeof(long));
	fs->releases_first = xcalloc(words, sizeof(long));
	fs->releases_last = xcalloc(words, sizeof(long));
	fs->drops_held = xcalloc(words, sizeof(long));
	fs->cleaned_after = xcalloc(words, sizeof(long));
	fs->frees_unnamed = xcalloc(words, sizeof(long));
}

struct summaries *summaries_build(struct ir_func *const *fns, unsigned n,
				  const struct rules *rules, bool caller_chain,
				  bool drop_named, const struct summary_link *link)
{
	struct summaries *s = xcalloc(1, sizeof(*s));
	unsigned i;

	s->drop_named = drop_named;

	s->n = s->nlocal = n;
	s->words = (rules_pair_count(rules) + 8 * sizeof(long) - 1) / (8 * sizeof(long));
	s->fns = xcalloc(n ? n : 1, sizeof(*s->fns));
	for (i = 0; i < n; i++) {
		summary_init_entry(s, &s->fns[i], fns[i]->name);
		s->fns[i].fn = fns[i];
		s->fns[i].stable = fns[i]->ret != RET_VOID && fns[i]->body;
		s->fns[i].fails = how_it_fails(fns[i]);
	}
	summary_index_names(s);
	if (link)
		summary_link_functions(s, rules, link);
	for (i = 0; i < n; i++) {
		struct fn_summary *fs = &s->fns[i];

		scan(s, fs, fns[i]->body, rules);
		memcpy(fs->direct, fs->releases, (s->words ? s->words : 1) * sizeof(long));
		note_drops_held(s, fs);
	}
	while (propagate(s))
		;
	summary_note_lent(s, rules);
	note_callers(s);
	if (link)
		summary_link_callers(s, rules, link);
	summary_note_after_failure(s, rules, caller_chain);
	while (caller_chain && note_grand_callers(s))
		;
	return s;
}

void summaries_free(struct summaries *s)
{
	unsigned i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->fns[i].releases);
		free(s->fns[i].direct);
		free(s->fns[i].callers_release);
		free(s->fns[i].acquires);
		free(s->fns[i].releases_first);
		free(s->fns[i].releases_last);
		free(s->fns[i].drops_held);
		free(s->fns[i].cleaned_after);
		free(s->fns[i].freed);
		free(s->fns[i].params_freed);
		free(s->fns[i].globals_freed);
		free(s->fns[i].callers_freed);
		free(s->fns[i].frees_unnamed);
		free(s->fns[i].callees);
		free(s->fns[i].callee_calls);
		free(s->fns[i].wraps);
	}
	free(s->fns);
	free(s->slots);
	ptrvec_free(&s->released_globals);
	free(s);
}

void summaries_note_teardown(struct summaries *s, const char *setup,
			     const char *teardown)
{
	struct fn_summary *fs = s ? (struct fn_summary *)find(s, setup) : NULL;

	if (fs && find(s, teardown))
		fs->teardown = teardown;
}

void summaries_note_tabled(struct summaries *s, const char *name)
{
	struct fn_summary *fs = s ? (struct fn_summary *)find(s, name) : NULL;

	if (fs)
		fs->tabled = true;
}

bool summary_called_elsewhere(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs->tabled && !fs->called;
}

const char *summary_teardown_of(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs ? fs->teardown : NULL;
}

bool summary_has_body(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs->fn;
}

const struct ir_func *summary_body(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs ? fs->fn : NULL;
}

bool summary_may_release(const struct summaries *s, const char *name,
			 const struct pair *pair)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && bit_of(s, fs->releases, pair->index);
}

bool summary_may_free_member(const struct summaries *s, const char *name,
			     const struct pair *pair, const char *member)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned i;

	if (!fs || bit_of(s, fs->frees_unnamed, pair->index))
		return fs != NULL;
	for (i = 0; i < fs->nfreed; i++)
		if (fs->freed[i].pair == pair && !strcmp(fs->freed[i].member, member))
			return true;
	return false;
}

bool summary_frees_global(const struct summaries *s, const char *name,
			  const struct pair *pair, const char *global,
			  const char *member)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned i;

	for (i = 0; fs && i < fs->nglobals_freed; i++)
		if (fs->globals_freed[i].pair == pair &&
		    !strcmp(fs->globals_freed[i].global, global) &&
		    (fs->globals_freed[i].member == member ||
		     (member && fs->globals_freed[i].member &&
		      !strcmp(fs->globals_freed[i].member, member))))
			return true;
	return false;
}

bool summary_frees_param(const struct summaries *s, const char *name,
			 const struct pair *pair, unsigned param)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned i;

	for (i = 0; fs && i < fs->nparams_freed; i++)
		if ((!pair || fs->params_freed[i].pair == pair) &&
		    fs->params_freed[i].param == param)
			return true;
	return false;
}

bool summary_callers_free_member(const struct summaries *s, const char *name,
				 const struct pair *pair, const char *member)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned i;

	for (i = 0; fs && member && i < fs->ncallers_freed; i++)
		if (fs->callers_freed[i].pair == pair &&
		    !strcmp(fs->callers_freed[i].member, member))
			return true;
	return false;
}

bool summary_callers_put(const struct summaries *s, const char *callee)
{
	const struct fn_summary *fs = s ? find(s, callee) : NULL;

	return fs && fs->callers_put;
}

bool summary_drops_held(const struct summaries *s, const char *name,
			const struct pair *pair)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	if (!fs)
		return false;
	if (fs - s->fns < s->nlocal)
		return bit_of(s, fs->drops_held, pair->index);
	/* Another file's: what its own calls do, as the database says. */
	return !bit_of(s, fs->acquires, pair->index) ||
	       (bit_of(s, fs->releases_first, pair->index) &&
		bit_of(s, fs->releases_last, pair->index));
}

bool summary_caller_releases(const struct summaries *s, const char *callee,
			     const struct pair *pair)
{
	const struct fn_summary *fs = s ? find(s, callee) : NULL;

	return fs && bit_of(s, fs->callers_release, pair->index);
}

bool summary_is_linked(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs - s->fns >= s->nlocal;
}

bool summary_releases_any(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned w;

	for (w = 0; fs && w < s->words; w++)
		if (fs->releases[w])
			return true;
	return false;
}

bool summary_global_released(const struct summaries *s, const char *name)
{
	size_t i;

	for (i = 0; s && name && i < s->released_globals.len; i++)
		if (!strcmp(s->released_globals.items[i], name))
			return true;
	return false;
}

const char *summary_mirror_release(const struct summaries *s,
				   const struct rules *rules,
				   const char *name, const struct pair *pair)
{
	unsigned i;

	/* Releases without taking: an undo, not a function that locks for itself. */
	for (i = 0; s && i < s->n; i++)
		if (bit_of(s, s->fns[i].releases, pair->index) &&
		    !bit_of(s, s->fns[i].acquires, pair->index) &&
		    rules_names_mirror(rules, name, s->fns[i].name))
			return s->fns[i].name;
	return NULL;
}

bool summary_mirror_releases(const struct summaries *s, const struct rules *rules,
			     const char *name, const struct pair *pair)
{
	return summary_mirror_release(s, rules, name, pair) != NULL;
}

bool summary_called_here(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs->called;
}

/*
 * What a destructor is asked for: a release of @pair's @member, or,
 * with no @pair, a release of the object its parameter points to
 * (kfree(bus)).
 */
struct destructor_test {
	const struct ir_func *fn;
	const struct rules *rules;
	const struct pair *pair;
	const char *member;
};

static bool is_param(const struct ir_func *fn, const struct ir *e)
{
	return e->kind == IR_VAR && !(e->flags & IR_F_GLOBAL) && e->id >= 0 &&
	       (unsigned)e->id < fn->nparams;
}

static bool statement_releases(const struct destructor_test *t, const struct ir *e)
{
	const struct rule_fn *rule;
	const struct ir *arg;
	const char *freed;

	if (e->kind != IR_CALL || !e->name)
		return false;
	for (rule = rules_lookup(t->rules, e->name); rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= e->nkids)
			continue;
		arg = e->kids[rule->handle.arg];
		if (!t->pair ? is_param(t->fn, arg) :
		    rule->pair == t->pair &&
		    (freed = summary_handle_member(arg)) && !strcmp(freed, t->member))
			return true;
	}
	return false;
}

/*
 * "if (bus) { ... }" with no else, of a parameter: a destructor's guard
 * against being given no object.  Its body runs whenever there is one
 * to destroy.
 */
static const struct ir *object_guarded(const struct ir_func *fn, const struct ir *e)
{
	const struct ir *cond;

	if (e->kind != IR_IF || (e->nkids > 2 && e->kids[2]))
		return NULL;
	cond = e->kids[0];
	if (cond->kind == IR_CMP && cond->op == CMP_NE &&
	    cond->kids[1]->kind == IR_CONST && cond->kids[1]->value == 0)
		cond = cond->kids[0];
	return is_param(fn, cond) ? e->kids[1] : NULL;
}

/*
 * Does @block, before any label (inside a NULL guard of a parameter,
 * "if (bus)", too), make the release @t asks for by a statement of its
 * own: what it does on every path, as a destructor does, not what an
 * error branch or an unwind ladder does?
 */
static bool releases_every_path(const struct destructor_test *t,
				const struct ir *block)
{
	const struct ir *guarded;
	unsigned i;

	if (block && block->kind != IR_BLOCK)
		return statement_releases(t, block);
	for (i = 0; block && i < block->nkids; i++) {
		const struct ir *e = block->kids[i];

		if (!e || e->kind == IR_LABEL)
			break;
		guarded = object_guarded(t->fn, e);
		if ((guarded && releases_every_path(t, guarded)) ||
		    statement_releases(t, e))
			return true;
	}
	return false;
}

bool summary_destructor_frees(const struct summaries *s, const struct rules *rules,
			      const struct ir_func *self, const struct pair *pair,
			      const char *member, bool whole)
{
	unsigned i;

	for (i = 0; s && i < s->nlocal; i++) {
		const struct fn_summary *fs = &s->fns[i];
		struct destructor_test frees = { fs->fn, rules, pair, member };
		struct destructor_test destroys = { fs->fn, rules, NULL, NULL };

		if (fs->fn == self || fs->fn->loc.file != self->loc.file ||
		    bit_of(s, fs->acquires, pair->index))
			continue;
		if (releases_every_path(&frees, fs->fn->body) &&
		    (!whole || releases_every_path(&destroys, fs->fn->body)))
			return true;
	}
	return false;
}

unsigned summary_takes(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs ? fs->takes : 0;
}

bool summary_is_stable(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs->stable;
}

void summary_set_wrapper(struct summaries *s, const char *name,
			 const struct pair *pair, enum success_kind success,
			 struct handle_spec handle, bool local)
{
	struct fn_summary *fs = (struct fn_summary *)find(s, name);
	struct rule_fn *rule;

	if (!fs || fs->wraps)
		return;
	rule = xcalloc(1, sizeof(*rule));
	*rule = (struct rule_fn){ .name = fs->name, .role = ROLE_ACQUIRE,
				  .learned = true, .learned_local = local,
				  .pair = pair, .success = success,
				  .handle = handle,
				  .null_arg = -1 };
	fs->wraps = rule;
}

void summary_set_member_wrapper(struct summaries *s, const char *name,
				 const struct pair *const *pairs, const int *args,
				 const char *const *members, unsigned n,
				 enum success_kind success)
{
	struct fn_summary *fs = (struct fn_summary *)find(s, name);
	struct rule_fn *rules;
	unsigned i;

	if (!fs || fs->wraps || !n)
		return;
	/* One block, so that freeing the first frees the chain. */
	rules = xcalloc(n, sizeof(*rules));
	for (i = 0; i < n; i++)
		rules[i] = (struct rule_fn){ .name = fs->name, .role = ROLE_ACQUIRE,
					     .learned = true,
					     .pair = pairs[i], .success = success,
					     .handle = { HANDLE_ARG_MEMBER, args[i],
							 members[i] },
					     .null_arg = -1,
					     .next = i + 1 < n ? &rules[i + 1] : NULL };
	fs->wraps = rules;
}

const struct rule_fn *summary_wrapper(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs ? fs->wraps : NULL;
}

/* Depth first along calls: a function's callees of the TU go before it. */
static void visit_callees(const struct summaries *s, unsigned i, bool *seen,
			  unsigned *order, unsigned *n)
{
	const struct fn_summary *fs = &s->fns[i];
	unsigned k;

	seen[i] = true;
	for (k = 0; k < fs->ncallees; k++) {
		const struct fn_summary *callee = find(s, fs->callees[k]);
		unsigned j = (unsigned)(callee - s->fns);

		if (j < s->nlocal && !seen[j])
			visit_callees(s, j, seen, order, n);
	}
	order[(*n)++] = i;
}

void summary_bottom_up(const struct summaries *s, unsigned *order)
{
	bool *seen = xcalloc(s->nlocal ? s->nlocal : 1, sizeof(*seen));
	unsigned i, n = 0;

	for (i = 0; i < s->nlocal; i++)
		if (!seen[i])
			visit_callees(s, i, seen, order, &n);
	free(seen);
}

const struct fails *summary_fails(const struct summaries *s, const char *name)
{
	static const struct fails unknown = { .how = FAILS_UNKNOWN };
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs ? &fs->fails : &unknown;
}
