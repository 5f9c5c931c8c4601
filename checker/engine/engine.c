// SPDX-License-Identifier: GPL-2.0
/*
 * engine.c - explore the paths of one function.
 *
 * engine_run() takes a function's IR and the knowledge (rules, summaries),
 * builds its CFG, finds what the exploration needs to know beforehand
 * (conditions tested twice, returned variables, pending-value tests, the
 * function's release calls), explores (explore.c), and leaves the findings
 * in the report.
 */
#include "engine/internal.h"

static void note_acquired(struct analysis *an, const struct pair *pair)
{
	if (pair_acquired(an, pair))
		return;
	if (an->nacquired == an->capacquired) {
		an->capacquired = an->capacquired ? an->capacquired * 2 : 8;
		an->acquired = xrealloc(an->acquired,
					an->capacquired * sizeof(*an->acquired));
	}
	an->acquired[an->nacquired++] = pair;
}

/* Does @e contain a call ladder has a rule for?  Records acquired pairs. */
static bool scan_calls(struct analysis *an, struct ir *e)
{
	const struct rule_fn *rule;
	bool found = false;
	unsigned i;

	if (!e)
		return false;
	if (e->kind == IR_CALL && (rule = lookup_call(an, e->name))) {
		const struct rule_fn *acq = find_role(rule, ROLE_ACQUIRE);

		if (acq)
			note_acquired(an, acq->pair);
		if (find_role(rule, ROLE_RELEASE))
			ptrvec_push(&an->releases, (void *)e);
		found = acq || find_role(rule, ROLE_RELEASE);
	}
	for (i = 0; i < e->nkids; i++)
		found |= scan_calls(an, e->kids[i]);
	return found;
}

/*
 * The pairs the function acquires, again, once lvalues have their keys
 * (find_address_aliases()): not by an acquire that puts back what its
 * block released first (@restore, restoring_acquire()).
 */
static void rescan_acquired(struct analysis *an, const struct ir *e,
			    const struct ir *restore)
{
	const struct rule_fn *acq;
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e != restore &&
	    (acq = find_role(lookup_call(an, e->name), ROLE_ACQUIRE)))
		note_acquired(an, acq->pair);
	for (i = 0; i < e->nkids; i++)
		rescan_acquired(an, e->kids[i], restoring_acquire(an, e, i));
}

/* The lvalue a branch condition tests, if it tests one. */
static struct ir *tested_lvalue(struct analysis *an, struct ir *c)
{
	const struct rule_fn *rule;

	switch (c->kind) {
	case IR_NOT:
		return tested_lvalue(an, c->kids[0]);
	case IR_CMP:
		if (c->kids[1]->kind == IR_CONST)
			return c->kids[0];
		if (c->kids[0]->kind == IR_CONST)
			return c->kids[1];
		return NULL;
	case IR_CALL:
		rule = rules_lookup(an->rules, c->name);
		if (rule && rule->role == ROLE_PREDICATE && (unsigned)rule->arg < c->nkids)
			return c->kids[rule->arg];
		return is_stable(an, c, rule) ? c : NULL;
	default:
		return c;
	}
}

/* The access path of what @lv names: an lvalue, or a stable call's result. */
static const struct access_path *tested_key(struct analysis *an, struct ir *lv)
{
	const char *display;

	if (lv->kind == IR_CALL)
		return stable_key(an, lv, NULL);
	return lvalue(an, lv, &display);
}

static int compare_paths(const void *a, const void *b)
{
	const struct access_path *x = *(const struct access_path *const *)a;
	const struct access_path *y = *(const struct access_path *const *)b;

	return x->id < y->id ? -1 : x->id > y->id;
}

void find_conditions(struct analysis *an)
{
	const struct access_path **keys = xcalloc(an->cfg->nblocks + 1,
						  sizeof(*keys));
	unsigned i, n = 0;

	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];
		struct ir *lv;

		if (blk->term != TERM_BRANCH || !(lv = tested_lvalue(an, blk->cond)))
			continue;
		if ((keys[n] = tested_key(an, lv)))
			n++;
	}
	qsort(keys, n, sizeof(*keys), compare_paths);
	an->conditions = xcalloc(n + 1, sizeof(*an->conditions));
	for (i = 1; i < n; i++)
		if (keys[i] == keys[i - 1] && (i == 1 || keys[i - 2] != keys[i]))
			an->conditions[an->nconditions++] = path_symbol(an, keys[i]);
	free(keys);
}

/*
 * The blocks a test of an lvalue for a pending value leads to: the true
 * side of "ret == -EINPROGRESS", the false side of "ret != -EINPROGRESS".
 */
static void find_pending_tests(struct analysis *an)
{
	const struct access_path *key;
	const char *display;
	unsigned i;

	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];
		struct ir *c = blk->cond;

		if (blk->term != TERM_BRANCH || c->kind != IR_CMP ||
		    (c->op != CMP_EQ && c->op != CMP_NE) ||
		    c->kids[1]->kind != IR_CONST ||
		    !rules_pending_value(an->rules, c->kids[1]->value) ||
		    !(key = lvalue(an, c->kids[0], &display)))
			continue;
		if (!an->pending_at)
			an->pending_at = xcalloc(an->cfg->nblocks, sizeof(*an->pending_at));
		an->pending_at[blk->succ[c->op == CMP_EQ ? 0 : 1]] = key;
	}
}

/* The local variables "return x;" statements return. */
static void find_returned(struct analysis *an)
{
	const struct access_path *key;
	const char *display;
	unsigned i, k;

	an->returned = xcalloc(an->cfg->nblocks + 1, sizeof(*an->returned));
	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];

		if (blk->term != TERM_RETURN || !blk->ret || blk->ret->kind != IR_VAR ||
		    (blk->ret->flags & IR_F_GLOBAL))
			continue;
		if (!(key = lvalue(an, blk->ret, &display)))
			continue;
		for (k = 0; k < an->nreturned && an->returned[k] != key; k++)
			;
		if (k == an->nreturned)
			an->returned[an->nreturned++] = key;
	}
}

static void free_seen(struct analysis *an)
{
	unsigned i;
	struct seen *s;

	for (i = 0; i < an->cfg->nblocks; i++)
		for (s = an->seen[i]; s; s = s->next)
			state_free(s->st);
	free(an->seen);
	free(an->nseen);
}

void engine_run(struct ir_func *fn, const struct engine_env *env,
		struct arena *arena)
{
	struct analysis an = {
		.fn = fn, .rules = env->rules, .summaries = env->summaries,
		.limits = env->limits, .report = env->report, .arena = arena,
		.strings = env->strings, .paths = env->paths,
		.start = clock(), .explain = env->explain,
		.all_paths = env->all_paths, .releases_members = -1,
		.owner_may_free = -1, .managed_here = env->managed_here,
		.nmanaged_here = env->nmanaged_here,
	};

	/* A function that calls nothing ladder knows cannot have a finding. */
	if (!scan_calls(&an, fn->body)) {
		free(an.acquired);
		ptrvec_free(&an.releases);
		return;
	}
	an.syms = sym_names_new();
	find_address_aliases(&an);
	if (model_on(MODEL_BRACKETED_RELEASE)) {
		an.nacquired = 0;
		rescan_acquired(&an, fn->body, NULL);
	}
	find_lazy_stores(&an);
	an.cfg = cfg_build(fn, arena);
	find_conditions(&an);
	find_returned(&an);
	find_pending_tests(&an);
	an.handed_sites = xcalloc(fn->nsites + 1, 1);
	an.handoffs = xcalloc(fn->nsites + 1, sizeof(*an.handoffs));
	find_handoffs(&an);
	an.seen = xcalloc(an.cfg->nblocks, sizeof(*an.seen));
	an.nseen = xcalloc(an.cfg->nblocks, sizeof(*an.nseen));
	explore(&an);
	withdraw_lost(&an);
	publish_wrapper(&an);
	free_seen(&an);
	free(an.queue);
	free(an.acquired);
	ptrvec_free(&an.releases);
	free(an.conditions);
	free(an.returned);
	free(an.pending_at);
	free(an.silenced);
	free(an.handed_sites);
	free(an.handoffs);
	ptrvec_free(&an.lost);
	sym_names_free(an.syms);
	free(an.alias_of);
	free(an.global_names);
	ptrvec_free(&an.lazy_stores);
	cfg_free(an.cfg);
}
