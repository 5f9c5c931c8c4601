// SPDX-License-Identifier: GPL-2.0
/*
 * infer.c - pairs no rule names, inferred from the translation unit.
 *
 * Names carry the pairing: the kernel spells an undo with the verb's
 * opposite and the same object words, in any order (ffa_rxtx_map and
 * ffa_rxtx_unmap, ffa_setup_partitions and ffa_partitions_cleanup).  The
 * verbs are data (mirror-verbs in rules/inference.yaml).  A name pair
 * alone is weak evidence, so it is only used where the code confirms it:
 *
 *  - mirror: the pair's release is called by the function that undoes
 *    this one (ffa_exit() for ffa_init(), a driver's remove callback for
 *    its probe), and the acquire by this one;
 *  - exemplar: this function calls both, so one of its paths undoes the
 *    acquire; the pair is owed only because of that (owed: if-released).
 *
 * Only calls no rule knows are considered: a rule always wins.
 */
#include "infer.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct call_site {
	const struct ir *call;
	const char *result;	/* the name of the lvalue the result goes to */
	bool in_loop;
	bool in_ladder;		/* after a label: the unwind ladder */
};

/* "x < 1", "foo(...) < 0": how the function tests a value by sign. */
struct sign_test {
	const struct ir *call;	/* the call tested, or */
	const char *name;	/* the name of the lvalue tested */
	enum ir_cmp op;
	long long c;
	unsigned line;
};

struct fn_calls {
	const struct ir_func *fn;
	struct call_site *sites;
	unsigned n, cap;
	struct sign_test *tests;
	unsigned ntests;
	struct rules *overlay;	/* created on the first inferred pair */
};

struct inference {
	const struct rules *rules;
	struct fn_calls *fns;
	unsigned n;
	/* the headers' inline functions the TU calls: bodies, not names */
	struct ir_func *const *inlines;
	unsigned ninlines;
};

/* ---- calls of each function ---- */

/*
 * The name an lvalue ends in: "rx_buffer" for drv_info->rx_buffer.  Not
 * a macro's own local (kfifo_free()'s __kfifo): each expansion has one.
 */
static const char *lvalue_tail(const struct ir *e)
{
	switch (e->kind) {
	case IR_VAR:
	case IR_DECL:
		return e->flags & IR_F_INTERNAL ? NULL : e->name;
	case IR_MEMBER:
		return e->name;
	case IR_DEREF:
	case IR_INDEX:
		return lvalue_tail(e->kids[0]);
	default:
		return NULL;
	}
}

/* Where a call sits: in a loop, after a label. */
struct site_context {
	bool in_loop, in_ladder;
};

static void add_site(struct fn_calls *fc, const struct ir *call, const char *result,
		     struct site_context where)
{
	if (fc->n == fc->cap) {
		fc->cap = fc->cap ? fc->cap * 2 : 32;
		fc->sites = xrealloc(fc->sites, fc->cap * sizeof(*fc->sites));
	}
	fc->sites[fc->n++] = (struct call_site){ call, result, where.in_loop,
						 where.in_ladder };
}

static void note_sign_test(struct fn_calls *fc, const struct ir *cmp)
{
	const struct ir *l = cmp->kids[0], *r = cmp->kids[1];

	if (cmp->op == CMP_EQ || cmp->op == CMP_NE || r->kind != IR_CONST)
		return;
	fc->tests = xrealloc(fc->tests, (fc->ntests + 1) * sizeof(*fc->tests));
	fc->tests[fc->ntests++] = (struct sign_test){
		.call = l->kind == IR_CALL ? l : NULL,
		.name = l->kind == IR_CALL ? NULL : lvalue_tail(l),
		.op = (enum ir_cmp)cmp->op, .c = r->value, .line = cmp->loc.line,
	};
}

static bool is_loop(const struct ir *e)
{
	return e->kind == IR_FOR || e->kind == IR_WHILE || e->kind == IR_DO;
}

/*
 * The calls of @e, with where each result goes.  A statement at or
 * after a label of its block is in the unwind ladder: "err: kfree(p);".
 */
static void collect_calls(struct fn_calls *fc, const struct ir *e, const char *result,
			  struct site_context where)
{
	struct site_context inner = where;
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e->name)
		add_site(fc, e, result, where);
	if (e->kind == IR_CMP)
		note_sign_test(fc, e);
	inner.in_loop |= is_loop(e);
	for (i = 0; i < e->nkids; i++) {
		const char *to = NULL;

		/* x = call(...), type x = call(...): the result has a home. */
		if (e->kind == IR_ASSIGN && i == 1)
			to = lvalue_tail(e->kids[0]);
		else if (e->kind == IR_DECL && i == 0)
			to = e->name;
		if (e->kind == IR_BLOCK && e->kids[i] && e->kids[i]->kind == IR_LABEL)
			inner.in_ladder = true;
		collect_calls(fc, e->kids[i], to, inner);
	}
}

/* ---- the inferred pair ---- */

/*
 * How the acquire reports failure, judged from its type and from how the
 * function tests it: "if (foo_alloc_chan_resources(c) < 1)" means a
 * count, "if (ret < 0)" an errno or a count, a plain "if (ret)" 0 on
 * success.  A handle returned as an integer is nonzero when valid.
 */
static enum success_kind success_of(const struct fn_calls *fc,
				    const struct call_site *site,
				    const struct inferred_pair *ip)
{
	unsigned i;

	if (site->call->flags & IR_F_VOID)
		return SUCCESS_ALWAYS;
	if (site->call->flags & IR_F_POINTER)
		return SUCCESS_ERRPTR_OR_NULL;
	if (ip->handle.kind == HANDLE_RETURN)
		return SUCCESS_NONNULL;
	for (i = 0; i < fc->ntests; i++) {
		const struct sign_test *t = &fc->tests[i];

		/* ret is reused: only the test right after this call counts. */
		if (t->call != site->call &&
		    !(site->result && t->name && !strcmp(t->name, site->result) &&
		      t->line >= site->call->loc.line &&
		      t->line <= site->call->loc.line + 3))
			continue;
		if ((t->op == CMP_LT && t->c == 1) || (t->op == CMP_LE && t->c == 0) ||
		    (t->op == CMP_GT && t->c == 0) || (t->op == CMP_GE && t->c == 1))
			return SUCCESS_POSITIVE;
		if ((t->op == CMP_LT || t->op == CMP_GE) && t->c == 0)
			return SUCCESS_NONNEG;
	}
	return SUCCESS_ZERO;
}

/* The first argument of @call kept under @name, or -1. */
static int arg_named(const struct ir *call, const char *name)
{
	unsigned i;

	for (i = 0; i < call->nkids; i++) {
		const char *have = lvalue_tail(call->kids[i]);

		if (have && !strcmp(have, name))
			return (int)i;
	}
	return -1;
}

/*
 * Where the resource is found, judged from one acquire and one release
 * call: the acquire's result or one of its arguments is what the release
 * is given (by the name it is kept under).  Otherwise the pair alone
 * identifies it, like ffa_rxtx_map()/ffa_rxtx_unmap().
 */
static void infer_handles(const struct call_site *acq, const struct ir *rel,
			  struct inferred_pair *ip)
{
	unsigned k;
	int i;

	ip->handle = (struct handle_spec){ .kind = HANDLE_NONE, .arg = 0 };
	ip->release_handle = (struct handle_spec){ .kind = HANDLE_NONE, .arg = 0 };
	/* The result first: gen_pool_free(pool->genpool, vaddr, ...). */
	for (k = 0; k < rel->nkids; k++) {
		const char *want = lvalue_tail(rel->kids[k]);

		if (!want || !acq->result || strcmp(acq->result, want) ||
		    (acq->call->flags & IR_F_VOID))
			continue;
		/* x->gdev = gpio_device_get(gdev): the argument is the object. */
		i = arg_named(acq->call, want);
		ip->handle = i < 0 ? (struct handle_spec){ .kind = HANDLE_RETURN, .arg = 0 } :
				     (struct handle_spec){ .kind = HANDLE_ARG, .arg = i };
		ip->release_handle = (struct handle_spec){ .kind = HANDLE_ARG, .arg = (int)k };
		return;
	}
	/*
	 * An acquire that returns a pointer into a variable made the object
	 * it returns: an argument the undoing function happens to name alike
	 * (its "trans" is the result, the acquiring function's "trans" its
	 * config) is no evidence.  The pair alone identifies it.
	 */
	if (acq->result && (acq->call->flags & IR_F_POINTER))
		return;
	for (k = 0; k < rel->nkids; k++) {
		const char *want = lvalue_tail(rel->kids[k]);

		i = want ? arg_named(acq->call, want) : -1;
		if (i >= 0) {
			ip->handle = (struct handle_spec){ .kind = HANDLE_ARG, .arg = i };
			ip->release_handle = (struct handle_spec){ .kind = HANDLE_ARG, .arg = (int)k };
			return;
		}
	}
}

/*
 * Names are the acquiring function's own first: where it gives the
 * release the acquire's result itself ("iwl_trans = iwl_trans_pcie_alloc(
 * pdev, ent, trans); ... iwl_trans_pcie_free(iwl_trans)"), that is the
 * handle, whatever the undoing function calls its variables (there,
 * "trans" is the result; in the acquiring function, another argument).
 */
static bool own_release_handle(const struct fn_calls *fc,
			       const struct call_site *acq, const char *release,
			       struct inferred_pair *ip)
{
	unsigned i, k;

	if (!acq->result || (acq->call->flags & IR_F_VOID))
		return false;
	for (i = 0; i < fc->n; i++) {
		const struct ir *call = fc->sites[i].call;

		if (call->name != release)
			continue;
		for (k = 0; k < call->nkids; k++) {
			const char *arg = lvalue_tail(call->kids[k]);

			if (!arg || strcmp(arg, acq->result) ||
			    arg_named(acq->call, arg) >= 0)
				continue;
			ip->handle = (struct handle_spec){ .kind = HANDLE_RETURN, .arg = 0 };
			ip->release_handle = (struct handle_spec){ .kind = HANDLE_ARG, .arg = (int)k };
			return true;
		}
	}
	return false;
}

static bool known(const struct inference *inf, const struct fn_calls *fc,
		  const char *name)
{
	return rules_lookup(fc->overlay ? fc->overlay : inf->rules, name) != NULL;
}

static bool calls(const struct fn_calls *fc, const char *name)
{
	unsigned i;

	for (i = 0; i < fc->n; i++)
		if (fc->sites[i].call->name == name)
			return true;
	return false;
}

/*
 * The TU's functions that call @release, directly or through each other,
 * release too (tmio_mmc_host_remove() calls tmio_mmc_release_dma()): each
 * is added to @pair, for whatever it is given.  Not @fc itself, and not
 * one that also acquires (a reset that stops and starts again).
 */
static void add_wrappers(struct inference *inf, struct fn_calls *fc,
			 const struct pair *pair, const char *acquire,
			 const char *release)
{
	bool *wraps = xcalloc(inf->n, sizeof(*wraps));
	bool grew = true;
	unsigned i, k;

	while (grew) {
		grew = false;
		for (i = 0; i < inf->n; i++) {
			const struct fn_calls *w = &inf->fns[i];

			if (wraps[i] || w == fc || calls(w, acquire))
				continue;
			wraps[i] = calls(w, release);
			for (k = 0; k < inf->n && !wraps[i]; k++)
				wraps[i] = wraps[k] && calls(w, inf->fns[k].fn->name);
			grew |= wraps[i];
		}
	}
	for (i = 0; i < inf->n; i++)
		if (wraps[i] && !rules_lookup(fc->overlay, inf->fns[i].fn->name))
			rules_add_release(fc->overlay, pair, inf->fns[i].fn->name);
	free(wraps);
}

/* Calls no pairing is drawn from (mirror-ignore: tracepoints). */
static bool ignored(const struct rules *rules, const char *name)
{
	const char *const *prefixes;
	unsigned n, i;

	prefixes = rules_mirror_ignore(rules, &n);
	for (i = 0; i < n; i++)
		if (!strncmp(name, prefixes[i], strlen(prefixes[i])))
			return true;
	return false;
}

/*
 * An acquire and its undo both in loops is an array of resources (one
 * per channel): a path cannot count them, so no pair is drawn.
 */
static bool in_loops(const struct fn_calls *fc, const struct call_site *acq,
		     const char *release)
{
	unsigned i;

	if (!acq->in_loop)
		return false;
	for (i = 0; i < fc->n; i++)
		if (fc->sites[i].call->name == release && fc->sites[i].in_loop)
			return true;
	return false;
}

static void add_pair(struct inference *inf, struct fn_calls *fc,
		     const struct call_site *acq, const struct call_site *rel,
		     enum pair_origin origin, const char *why, unsigned pins)
{
	const struct pair *pair;
	struct inferred_pair ip = {
		.acquire = acq->call->name,
		.release = rel->call->name,
		.origin = origin,
		.why = why,
		.pins = pins,
	};
	char *name;

	if (in_loops(fc, acq, rel->call->name) || (acq->in_loop && rel->in_loop))
		return;
	if (!own_release_handle(fc, acq, rel->call->name, &ip))
		infer_handles(acq, rel->call, &ip);
	/*
	 * Within one function a name pair is weak evidence unless the two
	 * calls share the object: foo_start(x) ... foo_stop(x).
	 */
	if (origin == PAIR_EXEMPLAR && ip.handle.kind == HANDLE_NONE)
		return;
	ip.success = success_of(fc, acq, &ip);
	name = xasprintf("%s:%s", origin == PAIR_MIRROR ? "mirror" : "exemplar",
			 acq->call->name);
	ip.name = name;
	if (!fc->overlay)
		fc->overlay = rules_overlay(inf->rules);
	pair = rules_add_inferred(fc->overlay, &ip);
	add_wrappers(inf, fc, pair, acq->call->name, rel->call->name);
	free(name);
}

/* A call of @fc that @rel undoes by name, if no rule knows either. */
static const struct call_site *mirrored_acquire(const struct inference *inf,
						const struct fn_calls *fc,
						const struct ir *rel)
{
	unsigned i;

	for (i = 0; i < fc->n; i++) {
		const struct call_site *s = &fc->sites[i];

		if (s->call->name != rel->name && !known(inf, fc, s->call->name) &&
		    !ignored(inf->rules, s->call->name) &&
		    rules_names_mirror(inf->rules, s->call->name, rel->name))
			return s;
	}
	return NULL;
}

/* The name an argument is kept under, through virt_to_phys() and friends. */
static const char *arg_tail(const struct inference *inf, const struct ir *arg)
{
	const struct rule_fn *rule;

	while (arg->kind == IR_CALL && arg->name) {
		rule = rules_lookup(inf->rules, arg->name);
		if (!rule || rule->role != ROLE_TRANSPARENT ||
		    (unsigned)rule->arg >= arg->nkids)
			return NULL;
		arg = arg->kids[rule->arg];
	}
	return lvalue_tail(arg);
}

/*
 * The teardown's order says what a mapping pins: ffa_exit() unmaps
 * before free_pages_exact(drv_info->tx_buffer), and ffa_init() passed
 * virt_to_phys(drv_info->tx_buffer) to the map: the map pins argument 0.
 * Only memory a rule releases later in the teardown counts.
 */
static unsigned pinned_args(const struct inference *inf, const struct ir *acq,
			    const struct fn_calls *teardown, unsigned undo)
{
	unsigned pins = 0, i, a;

	for (i = undo + 1; i < teardown->n; i++) {
		const struct ir *call = teardown->sites[i].call;
		const struct rule_fn *rule = rules_lookup(inf->rules, call->name);
		const char *freed;

		for (; rule && rule->role != ROLE_RELEASE; rule = rule->next)
			;
		if (!rule || rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		freed = lvalue_tail(call->kids[rule->handle.arg]);
		for (a = 0; freed && a < acq->nkids && a < 32; a++) {
			const char *passed = arg_tail(inf, acq->kids[a]);

			if (passed && !strcmp(passed, freed))
				pins |= 1u << a;
		}
	}
	return pins;
}

/* @teardown undoes @setup: each call of it may name one of setup's acquires. */
static void infer_mirror(struct inference *inf, struct fn_calls *setup,
			 const struct fn_calls *teardown)
{
	unsigned i;

	for (i = 0; i < teardown->n; i++) {
		const struct call_site *site = &teardown->sites[i];
		const struct ir *rel = site->call;
		const struct call_site *acq;
		char *why;

		if (known(inf, setup, rel->name))
			continue;
		acq = mirrored_acquire(inf, setup, rel);
		if (!acq)
			continue;
		why = xasprintf("%s() undoes %s() with %s()", teardown->fn->name,
				acq->call->name, rel->name);
		add_pair(inf, setup, acq, site, PAIR_MIRROR, why,
			 pinned_args(inf, acq->call, teardown, i));
		free(why);
	}
}

/* One function calls both halves: its other error paths owe the undo. */
static void infer_exemplar(struct inference *inf, struct fn_calls *fc)
{
	unsigned i;

	for (i = 0; i < fc->n; i++) {
		const struct call_site *site = &fc->sites[i];
		const struct ir *rel = site->call;
		const struct call_site *acq;
		char *why;

		if (known(inf, fc, rel->name))
			continue;
		acq = mirrored_acquire(inf, fc, rel);
		if (!acq || acq->call->loc.line > rel->loc.line)
			continue;
		why = xasprintf("line %u undoes %s() with %s()", rel->loc.line,
				acq->call->name, rel->name);
		add_pair(inf, fc, acq, site, PAIR_EXEMPLAR, why, 0);
		free(why);
	}
}

/*
 * Does @teardown undo @setup: a driver's callbacks, or a module's exit
 * function (setup NULL: its init function is found by name).
 */
static bool undoes(const struct inference *inf, const char *setup,
		   const char *teardown, const struct callback_pair *callbacks,
		   unsigned ncallbacks)
{
	unsigned i;

	for (i = 0; i < ncallbacks; i++) {
		if (strcmp(callbacks[i].teardown, teardown))
			continue;
		if (callbacks[i].setup ? !strcmp(callbacks[i].setup, setup) :
		    rules_names_mirror(inf->rules, setup, teardown))
			return true;
	}
	return false;
}

static void infer_released(struct inference *inf);

struct inference *infer_build(const struct rules *rules, struct ir_func *const *fns,
			      unsigned n, unsigned ninlines,
			      const struct callback_pair *callbacks,
			      unsigned ncallbacks, bool released_results)
{
	struct inference *inf = xcalloc(1, sizeof(*inf));
	unsigned i, k;

	inf->rules = rules;
	inf->n = n;
	inf->inlines = fns + n;
	inf->ninlines = ninlines;
	inf->fns = xcalloc(n ? n : 1, sizeof(*inf->fns));
	for (i = 0; i < n; i++) {
		inf->fns[i].fn = fns[i];
		collect_calls(&inf->fns[i], fns[i]->body, NULL,
			      (struct site_context){ false, false });
	}
	/* Mirrors first: when both apply, the exit function is the stronger word. */
	for (i = 0; i < n; i++)
		for (k = 0; k < n; k++)
			if (i != k && undoes(inf, fns[i]->name, fns[k]->name,
					     callbacks, ncallbacks))
				infer_mirror(inf, &inf->fns[i], &inf->fns[k]);
	for (i = 0; i < n; i++)
		infer_exemplar(inf, &inf->fns[i]);
	if (released_results)
		infer_released(inf);
	return inf;
}

void infer_free(struct inference *inf)
{
	unsigned i;

	if (!inf)
		return;
	for (i = 0; i < inf->n; i++) {
		free(inf->fns[i].sites);
		free(inf->fns[i].tests);
		rules_free(inf->fns[i].overlay);
	}
	free(inf->fns);
	free(inf);
}

/* ---- evidence for mining ---- */

/* Has the TU a body for @name: its own function, or a header's inline? */
static bool defined_here(const struct inference *inf, const char *name)
{
	unsigned i;

	for (i = 0; i < inf->n; i++)
		if (inf->fns[i].fn->name == name || !strcmp(inf->fns[i].fn->name, name))
			return true;
	for (i = 0; i < inf->ninlines; i++)
		if (inf->inlines[i]->name == name || !strcmp(inf->inlines[i]->name, name))
			return true;
	return false;
}

static bool is_null(const struct ir *e)
{
	return e && e->kind == IR_CONST && e->value == 0;
}

/*
 * Writes to what is named @name in @e: assignments, initialisers,
 * updates, and its address taken (a call may write through it).  Not
 * NULL ("skb = NULL" first): a release is given nothing then.
 */
static unsigned writes_to(const struct ir *e, const char *name)
{
	const char *tail;
	unsigned n = 0, i;

	if (!e)
		return 0;
	switch (e->kind) {
	case IR_DECL:
		if (e->nkids && e->kids[0] && !is_null(e->kids[0]) && e->name &&
		    !strcmp(e->name, name))
			n++;
		break;
	case IR_ASSIGN:
		if (is_null(e->kids[1]))
			break;
		/* fall through */
	case IR_UPDATE:
	case IR_ADDR:
		tail = lvalue_tail(e->kids[0]);
		if (tail && !strcmp(tail, name))
			n++;
		break;
	default:
		break;
	}
	for (i = 0; i < e->nkids; i++)
		n += writes_to(e->kids[i], name);
	return n;
}

static const struct call_site *site_of(const struct fn_calls *fc, const char *name)
{
	unsigned i;

	for (i = 0; i < fc->n; i++)
		if (fc->sites[i].call->name == name)
			return &fc->sites[i];
	return NULL;
}

/* Pairs inferred by name in @fc, whose two calls the file does not define. */
static void named_evidence(const struct inference *inf, const struct fn_calls *fc,
			   void (*found)(void *, const struct mined *), void *ctx)
{
	const struct rule_fn *const *fns;
	const struct call_site *site;
	unsigned n, i;

	if (!fc->overlay)
		return;
	fns = rules_functions(fc->overlay, &n);
	for (i = 0; i < n; i++) {
		const struct rule_fn *acq = fns[i], *rel = acq->pair->first_release;
		struct mined m = { 0 };

		/* Not a known pair's acquire the file showed (infer_released()). */
		if (acq->role != ROLE_ACQUIRE || acq->pair->origin == PAIR_RULE ||
		    !rel || defined_here(inf, acq->name) ||
		    defined_here(inf, rel->name) || !(site = site_of(fc, acq->name)))
			continue;
		m.acquire = acq->name;
		m.release = rel->name;
		m.handle = acq->handle;
		m.release_handle = rel->handle;
		m.success = acq->success;
		m.function = fc->fn->name;
		m.loc = site->call->loc;
		found(ctx, &m);
	}
}

/* The release rule of @call whose handle argument is kept under @name. */
static const struct rule_fn *releases_named(const struct inference *inf,
					    const struct ir *call, const char *name)
{
	const struct rule_fn *rule;
	const char *tail;

	for (rule = rules_lookup(inf->rules, call->name); rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->implicit ||
		    rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		tail = arg_tail(inf, call->kids[rule->handle.arg]);
		if (tail && !strcmp(tail, name))
			return rule;
	}
	return NULL;
}

/*
 * Does @e test @name for failure: !name, name == NULL, IS_ERR(name)?  An
 * acquire's result is tested; what a getter returns (dev_get_drvdata()
 * in a remove callback, freed there) is not.
 */
static bool tests_failure(const struct inference *inf, const struct ir *e,
			  const char *name)
{
	const struct rule_fn *rule;
	const char *tail;
	unsigned i;

	if (!e)
		return false;
	switch (e->kind) {
	case IR_NOT:
		tail = lvalue_tail(e->kids[0]);
		if (tail && !strcmp(tail, name))
			return true;
		break;
	case IR_CMP:
		for (i = 0; i < 2; i++) {
			tail = lvalue_tail(e->kids[i]);
			if (tail && !strcmp(tail, name) && e->kids[!i]->kind == IR_CONST &&
			    e->kids[!i]->value == 0)
				return true;
		}
		break;
	case IR_CALL:
		rule = e->name ? rules_lookup(inf->rules, e->name) : NULL;
		if (rule && rule->role == ROLE_PREDICATE && (unsigned)rule->arg < e->nkids &&
		    (tail = lvalue_tail(e->kids[rule->arg])) && !strcmp(tail, name))
			return true;
		break;
	default:
		break;
	}
	for (i = 0; i < e->nkids; i++)
		if (tests_failure(inf, e->kids[i], name))
			return true;
	return false;
}

/*
 * Does @pair's own acquire make the resource (returns it, or stores it
 * through an out argument)?  Only then is another call whose result its
 * release frees an acquire of it too: kzalloc() returns what kfree()
 * frees, request_firmware(&fw) makes what release_firmware() frees, but
 * reset_control_deassert(rst) is given what reset_control_assert()
 * undoes, and the getter of rst is no deassert.
 */
static bool acquire_returns_handle(const struct inference *inf,
				   const struct pair *pair)
{
	const struct rule_fn *const *fns;
	unsigned n, i;

	fns = rules_functions(inf->rules, &n);
	for (i = 0; i < n; i++)
		if (fns[i]->role == ROLE_ACQUIRE && fns[i]->pair == pair &&
		    (fns[i]->handle.kind == HANDLE_RETURN ||
		     fns[i]->handle.kind == HANDLE_ARG_OUT))
			return true;
	return false;
}

/*
 * A pointer from a call no rule knows, tested for failure and given to a
 * known release later.
 */
static void released_results(const struct inference *inf, const struct fn_calls *fc,
			     void (*found)(void *, const struct mined *), void *ctx)
{
	unsigned i, k;

	for (i = 0; i < fc->n; i++) {
		const struct call_site *s = &fc->sites[i], *at = NULL;
		const struct rule_fn *rel = NULL;

		/* In a loop, a path cannot tell one result from the next. */
		if (!s->result || s->in_loop || !(s->call->flags & IR_F_POINTER) ||
		    rules_lookup(inf->rules, s->call->name) ||
		    ignored(inf->rules, s->call->name) ||
		    defined_here(inf, s->call->name))
			continue;
		for (k = i + 1; k < fc->n && !rel; k++) {
			/* The name is reused for the next call's result. */
			if (fc->sites[k].result && !strcmp(fc->sites[k].result, s->result))
				break;
			rel = releases_named(inf, fc->sites[k].call, s->result);
			at = &fc->sites[k];
		}
		/*
		 * Names are matched, not values: a name written anywhere
		 * else ("phead = xa_load(); ... phead = kzalloc() ...
		 * kfree(phead)") may hold something else when released.
		 */
		if (!rel || !tests_failure(inf, fc->fn->body, s->result) ||
		    !acquire_returns_handle(inf, rel->pair) ||
		    writes_to(fc->fn->body, s->result) != 1)
			continue;
		found(ctx, &(struct mined){
			.acquire = s->call->name, .release = rel->name,
			.known = rel->pair,
			.handle = { .kind = HANDLE_RETURN, .arg = 0 },
			.release_handle = rel->handle,
			.success = SUCCESS_ERRPTR_OR_NULL,
			.function = fc->fn->name, .loc = s->call->loc,
			.in_ladder = at->in_ladder,
		});
	}
}

void infer_evidence(const struct inference *inf,
		    void (*found)(void *ctx, const struct mined *m), void *ctx)
{
	unsigned i;

	for (i = 0; inf && i < inf->n; i++) {
		named_evidence(inf, &inf->fns[i], found, ctx);
		released_results(inf, &inf->fns[i], found, ctx);
	}
}

/* A call the file shows acquiring, by released_results(). */
struct released_call {
	const char *name;
	const struct pair *pair;
	const char *release, *function;
	bool conflict;		/* another pair's release frees it elsewhere */
};

struct released_calls {
	struct released_call *items;
	unsigned n, cap;
};

static void add_released(void *ctx, const struct mined *m)
{
	struct released_calls *rc = ctx;
	unsigned i;

	if (!m->in_ladder)
		return;
	for (i = 0; i < rc->n; i++) {
		if (rc->items[i].name != m->acquire)
			continue;
		rc->items[i].conflict |= rc->items[i].pair != m->known;
		return;
	}
	if (rc->n == rc->cap) {
		rc->cap = rc->cap ? rc->cap * 2 : 8;
		rc->items = xrealloc(rc->items, rc->cap * sizeof(*rc->items));
	}
	rc->items[rc->n++] = (struct released_call){
		.name = m->acquire, .pair = m->known, .release = m->release,
		.function = m->function,
	};
}

static const struct rule_fn *release_rule(const struct inference *inf,
					  const struct released_call *c)
{
	const struct rule_fn *rule;

	for (rule = rules_lookup(inf->rules, c->release); rule; rule = rule->next)
		if (rule->role == ROLE_RELEASE && rule->pair == c->pair)
			return rule;
	return NULL;
}

/*
 * Model released-result.  What a function's unwind ladder releases, it
 * owned: a call no rule knows, whose pointer result a function of the
 * file tests for failure and then gives to a known release after a
 * label (skb = ieee80211_nullfunc_get(...); ... out: consume_skb(skb)),
 * acquires for that release's pair in every function of the file.  A
 * release outside a ladder is no such evidence: a lookup's result is
 * freed once unlinked from the container that owned it (xa_load(), then
 * xa_erase() and kfree()).  Not where two pairs' releases free it, and
 * not a function the file or its headers define (a summary says what
 * it does).
 */
static void infer_released(struct inference *inf)
{
	struct released_calls rc = { 0 };
	unsigned i, k, c;
	char *why;

	for (i = 0; i < inf->n; i++)
		released_results(inf, &inf->fns[i], add_released, &rc);
	for (c = 0; c < rc.n; c++) {
		const struct released_call *call = &rc.items[c];

		if (call->conflict)
			continue;
		why = xasprintf("no rule names it, but %s() gives its result to %s()",
				call->function, call->release);
		for (i = 0; i < inf->n; i++) {
			struct fn_calls *fc = &inf->fns[i];

			for (k = 0; k < fc->n; k++) {
				if (fc->sites[k].call->name != call->name ||
				    known(inf, fc, call->name))
					continue;
				if (!fc->overlay)
					fc->overlay = rules_overlay(inf->rules);
				rules_add_acquire(fc->overlay, call->pair, call->name,
						  SUCCESS_ERRPTR_OR_NULL,
						  release_rule(inf, call), why);
			}
		}
		free(why);
	}
	free(rc.items);
}

const struct rules *infer_rules_for(const struct inference *inf,
				    const struct ir_func *fn)
{
	unsigned i;

	for (i = 0; inf && i < inf->n; i++)
		if (inf->fns[i].fn == fn)
			return inf->fns[i].overlay;
	return NULL;
}
