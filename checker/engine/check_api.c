// SPDX-License-Identifier: GPL-2.0
/*
 * check_api.c - what the checks see of the engine.
 *
 * Gives the checks (checks/) their events, a release evaluated, an error
 * return, any other return, and the read-only services they may ask of a
 * path: names of acquires and remedies, whether a handle is NULL, and
 * check_emit() to turn an event into a finding with its path notes.
 */
#include "engine/internal.h"

void fire_release(struct path *p, const struct release_event *ev)
{
	struct check_ctx ctx = { .an = p->an, .st = p->st };
	unsigned i;

	/*
	 * A pair guessed from names is good enough to say something is
	 * owed or pins memory, not to call its own release wrong: its
	 * releases reach no check (the leak and pin checks still see it).
	 */
	if (ev->rule->pair->origin != PAIR_RULE)
		return;
	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->release && check_enabled(all_checkers[i]))
			all_checkers[i]->release(&ctx, ev);
}

void fire_other_return(struct path *p, struct ir_loc where)
{
	struct check_ctx ctx = { .an = p->an, .st = p->st };
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->other_return && check_enabled(all_checkers[i]))
			all_checkers[i]->other_return(&ctx, where);
}

void fire_error_return(struct path *p, struct ir_loc where,
		       bool errno_return)
{
	struct check_ctx ctx = { p->an, p->st, errno_return };
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->error_return && check_enabled(all_checkers[i]))
			all_checkers[i]->error_return(&ctx, where);
}

/* ---- services for checks ---- */

const struct resource *path_resource(const struct check_ctx *ctx, unsigned i)
{
	return i < ctx->st->nres ? &ctx->st->res[i] : NULL;
}

/*
 * A mapping lives with the memory it maps: whoever keeps that memory
 * can find the mapping (__arm_lpae_alloc_pages() returns the pages it
 * mapped, and the IOMMU's dma address is their physical one).  Is the
 * memory of symbol @sym this path's, and held by its locals only?
 */
static bool pinned_only_local(const struct check_ctx *ctx, unsigned sym)
{
	unsigned i;

	for (i = 0; i < ctx->st->nres; i++) {
		const struct resource *m = &ctx->st->res[i];

		if (m->has_handle && m->handle_sym == sym)
			return m->rule->pair->handle_only &&
			       !m->beyond_locals && !m->in_given_object &&
			       !m->escaped;
	}
	return false;
}

/*
 * Is @r held here by local variables only, so that returning loses it?
 * Its pair says nothing but the handle reaches it, its acquire made
 * the handle (not get_device(dev), which returns what it was given),
 * and the handle never went beyond the locals, nor is any member or
 * dereference bound to it now.
 */
bool resource_only_local(const struct check_ctx *ctx, const struct resource *r)
{
	const struct rule_fn *rule = r->rule;
	unsigned i;

	if (r->status != RES_LIVE || !r->has_handle || r->beyond_locals ||
	    r->in_given_object || !rule->pair->handle_only ||
	    rule->handle.kind != HANDLE_RETURN || rule->returns ||
	    (rule->learned && !rule->learned_local))
		return false;
	for (i = 0; i < ctx->st->nbinds; i++) {
		const struct binding *b = &ctx->st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    b->key->kind != AP_VAR)
			return false;
	}
	for (i = 0; i < r->npins; i++)
		if (!pinned_only_local(ctx, r->pins[i]))
			return false;
	return true;
}

struct lost_finding {
	struct finding *finding;
	unsigned site;			/* the acquire's call site */
};

void resource_lost_reported(struct check_ctx *ctx, const struct resource *r,
			    struct finding *f)
{
	struct lost_finding *l = xmalloc(sizeof(*l));

	l->finding = f;
	l->site = r->site;
	ptrvec_push(&ctx->an->lost, l);
}

static void withdraw_one(struct analysis *an, struct finding *f, bool first)
{
	const struct model *m = &models[MODEL_HANDED_ON_SOME_PATH];

	report_count_silenced(an->report, m->name);
	/* gcc's header, unless the function's other remarks gave it. */
	if (an->explain && first && !an->nsilenced)
		fprintf(stderr, "%s: In function '%s':\n", an->fn->loc.file,
			an->fn->name);
	if (an->explain)
		fprintf(stderr, "%s:%u:%u: remark: '%s' is not reported as lost "
			"at this return: model '%s': %s [ladder-explain]\n",
			f->loc.file, f->loc.line, f->loc.col,
			f->resource ? f->resource : "?", m->name, m->reason);
	report_withdraw(an->report, f);
}

/*
 * Once every path is explored: a lost-handle finding whose acquire some
 * other path handed beyond the locals is withdrawn (model
 * handed-on-some-path).  The path that kept it local went round a loop
 * no times, or took a branch ladder cannot tell is dead.
 */
void withdraw_lost(struct analysis *an)
{
	bool first = true;
	size_t i;

	for (i = 0; i < an->lost.len; i++) {
		struct lost_finding *l = an->lost.items[i];

		if (model_on(MODEL_HANDED_ON_SOME_PATH) && an->handed_sites[l->site]) {
			withdraw_one(an, l->finding, first);
			first = false;
		}
		free(l);
	}
	an->lost.len = 0;
}

bool returns_errno(const struct check_ctx *ctx)
{
	return ctx->errno_return;
}

bool resource_scope_managed(const struct check_ctx *ctx,
			    const struct resource *r)
{
	unsigned i;

	if (!r->has_handle)
		return false;
	for (i = 0; i < ctx->st->nbinds; i++) {
		const struct binding *b = &ctx->st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    key_is_scope_managed(b->key))
			return true;
	}
	return false;
}

bool resource_failed_with_known_errno(const struct check_ctx *ctx,
				      const struct resource *r)
{
	const struct sym *s = state_sym(ctx->st, r->status_sym);

	return s && s->has_const && s->c < 0;
}

void resource_silenced(const struct check_ctx *ctx, const struct resource *r,
		       unsigned char reason, struct ir_loc where)
{
	struct analysis *an = ctx->an;
	struct ir_loc at = r->escaped == reason ? r->escaped_at : where;
	const char *model = escape_reason_name(reason);
	unsigned i;

	/* Once per call: clk_prepare_enable()'s two parts are one remark. */
	for (i = 0; i < an->nsilenced; i++)
		if (an->silenced[i].site == r->site && an->silenced[i].reason == reason)
			return;
	if (an->nsilenced == an->capsilenced) {
		an->capsilenced = an->capsilenced ? 2 * an->capsilenced : 8;
		an->silenced = xrealloc(an->silenced,
					an->capsilenced * sizeof(*an->silenced));
	}
	an->silenced[an->nsilenced++] = (struct silenced){ r->site, r->part, reason };
	report_count_silenced(an->report, model);
	if (!an->explain)
		return;
	/* gcc's header, once per function, so each remark has its function. */
	if (an->nsilenced == 1)
		fprintf(stderr, "%s: In function '%s':\n", an->fn->loc.file,
			an->fn->name);
	fprintf(stderr, "%s:%u:%u: remark: %s%s%s%s() is not reported at the error "
		"return on line %u: model '%s' (line %u): %s [ladder-explain]\n",
		r->acquire->loc.file, r->acquire->loc.line, r->acquire->loc.col,
		r->name ? "'" : "", r->name ? r->name : "", r->name ? "' from " : "",
		resource_acquire_name(r), where.line, model, at.line,
		models[reason - ESC_MODEL].reason);
}

const char *analysis_function(const struct check_ctx *ctx)
{
	return ctx->an->fn->name;
}

const struct rules *analysis_rules(const struct check_ctx *ctx)
{
	return ctx->an->rules;
}

bool mirror_function_releases(const struct check_ctx *ctx, const struct pair *pair)
{
	const struct analysis *an = ctx->an;

	return summary_mirror_releases(an->summaries, an->rules, an->fn->name, pair);
}

/* Does @call release @pair by name (not implicitly)? */
static bool releases_pair(const struct analysis *an, const struct ir *call,
			  const struct pair *pair)
{
	const struct rule_fn *rule;

	for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next)
		if (rule->role == ROLE_RELEASE && rule->pair == pair &&
		    !rule->implicit)
			return true;
	return false;
}

bool function_releases_pair(const struct check_ctx *ctx, const struct pair *pair)
{
	const struct analysis *an = ctx->an;
	size_t i;

	for (i = 0; i < an->releases.len; i++)
		if (releases_pair(an, an->releases.items[i], pair))
			return true;
	return false;
}

bool file_undoes_member(const struct check_ctx *ctx, const struct resource *r)
{
	const struct analysis *an = ctx->an;
	const char *member = display_member(r->name);

	return model_on(MODEL_UNDONE_IN_FILE) && member &&
	       summary_destructor_frees(an->summaries, an->rules, an->fn,
					r->rule->pair, member, false);
}

/* Is the call @call somewhere in @e? */
static bool ir_contains(const struct ir *e, const struct ir *call)
{
	unsigned k;

	if (e == call)
		return true;
	for (k = 0; e && k < e->nkids; k++)
		if (ir_contains(e->kids[k], call))
			return true;
	return false;
}

/* Which element of @blk holds the call @call: its index, or -1. */
static int element_of(const struct block *blk, const struct ir *call)
{
	unsigned i;

	for (i = 0; i < blk->nelems; i++)
		if (ir_contains(blk->elems[i], call))
			return (int)i;
	return -1;
}

/* Does @e call an acquire of @pair? */
static bool acquires_pair(const struct analysis *an, const struct ir *e,
			  const struct pair *pair)
{
	const struct rule_fn *rule;
	unsigned k;

	if (!e)
		return false;
	if (e->kind == IR_CALL && e->name)
		for (rule = rules_lookup(an->rules, e->name); rule; rule = rule->next)
			if (rule->role == ROLE_ACQUIRE && rule->pair == pair)
				return true;
	for (k = 0; k < e->nkids; k++)
		if (acquires_pair(an, e->kids[k], pair))
			return true;
	return false;
}

/*
 * A return that says success: a void function's, or "return 0;" (not
 * any constant: a trylock helper's "return 1;" says busy).
 */
static bool success_exit(const struct ir_func *fn, const struct block *blk)
{
	const struct ir *ret = blk->ret;

	if (fn->ret == RET_VOID)
		return blk->term == TERM_EXIT || blk->term == TERM_RETURN;
	return fn->ret == RET_SIGNED && blk->term == TERM_RETURN && ret &&
	       ret->kind == IR_CONST && ret->value == 0;
}

struct unlock_walk {
	const struct analysis *an;
	const struct pair *pair;
	unsigned char *seen;		/* per block */
};

/*
 * From element @first of block @id on, is a success exit reachable
 * without taking the pair again?  A loop that drops the lock, waits and
 * takes it again (nand_get_device()) still returns holding it.
 */
static bool reaches_success(struct unlock_walk *w, unsigned id, unsigned first)
{
	const struct block *blk = w->an->cfg->blocks[id];
	unsigned i;

	if (w->seen[id])
		return false;
	w->seen[id] = 1;
	for (i = first; i < blk->nelems; i++)
		if (acquires_pair(w->an, blk->elems[i], w->pair))
			return false;
	if (acquires_pair(w->an, blk->cond, w->pair))
		return false;
	if (success_exit(w->an->fn, blk))
		return true;
	if ((blk->term == TERM_JUMP || blk->term == TERM_BRANCH) &&
	    reaches_success(w, blk->succ[0], 0))
		return true;
	return blk->term == TERM_BRANCH && reaches_success(w, blk->succ[1], 0);
}

/*
 * A function that returns holding a lock on purpose (foo_lock(), a
 * seq_file's start) drops it only where it fails.  One that drops it
 * and goes on to "return 0;" without taking it again is not such a
 * function, whatever its name says: its other success returns that keep
 * it are imbalances (ath11k_mac_op_get_txpower() unlocks before one
 * "return 0;" and not before another).
 */
static bool walk_unlocks(const struct analysis *an, const struct pair *pair)
{
	struct unlock_walk w = { .an = an, .pair = pair };
	bool found = false;
	size_t i;
	unsigned b;
	int at;

	w.seen = xcalloc(an->cfg->nblocks + 1, 1);
	for (i = 0; i < an->releases.len && !found; i++) {
		const struct ir *call = an->releases.items[i];

		if (!releases_pair(an, call, pair))
			continue;
		for (b = 0; b < an->cfg->nblocks && !found; b++) {
			at = element_of(an->cfg->blocks[b], call);
			if (at < 0)
				continue;
			memset(w.seen, 0, an->cfg->nblocks + 1);
			found = reaches_success(&w, b, (unsigned)at + 1);
		}
	}
	free(w.seen);
	return found;
}

/* Asked at every return of every path that holds the lock: walked once. */
bool releases_before_success(const struct check_ctx *ctx, const struct pair *pair)
{
	struct analysis *an = ctx->an;
	unsigned npairs = rules_pair_count(an->rules);

	if (pair->index >= npairs)
		return walk_unlocks(an, pair);
	if (!an->unlock_memo) {
		an->unlock_memo = arena_alloc(an->arena, npairs);
		memset(an->unlock_memo, 0, npairs);
	}
	if (!an->unlock_memo[pair->index])
		an->unlock_memo[pair->index] = walk_unlocks(an, pair) ? 1 : 2;
	return an->unlock_memo[pair->index] == 1;
}

bool resource_handle_is_null(const struct check_ctx *ctx, const struct resource *r)
{
	const struct sym *s;

	/* of_get_parent(np) with np found NULL later on the path. */
	if (r->has_null_arg) {
		s = state_sym(ctx->st, r->null_arg_sym);
		if (s && s->mask == VAL_ZERO)
			return true;
	}
	if (!r->has_handle || r->rule->handle.kind != HANDLE_ARG)
		return false;
	s = state_sym(ctx->st, r->handle_sym);
	return s && s->mask == VAL_ZERO;
}

/* The argument a rule's call keeps its handle in, or its first one. */
static struct ir *handle_arg(const struct rule_fn *rule, const struct ir *call)
{
	unsigned k = rule->handle.kind == HANDLE_ARG ? (unsigned)rule->handle.arg : 0;

	return k < call->nkids ? call->kids[k] : NULL;
}

/* The call statement @e makes, itself or assigned: "ret = foo(...)". */
static const struct ir *statement_call(const struct ir *e)
{
	if (e && e->kind == IR_ASSIGN && e->nkids > 1)
		e = e->kids[1];
	return e && e->kind == IR_CALL ? e : NULL;
}

/*
 * Is the call @e an acquire or a release (@role) of @pair
 * through the same place @key names?
 */
static bool same_place(struct analysis *an, const struct ir *e,
		       enum rule_role role, const struct pair *pair,
		       const struct access_path *key)
{
	const struct rule_fn *rule;
	const char *display;
	struct ir *arg;

	if (!e || !e->name)
		return false;
	for (rule = rules_lookup(an->rules, e->name); rule; rule = rule->next) {
		if (rule->role != role || rule->pair != pair)
			continue;
		arg = handle_arg(rule, e);
		if (arg && lvalue(an, arg, &display) == key)
			return true;
	}
	return false;
}

/*
 * Does a statement after @i in @block acquire @pair through @key again?
 * The release may be the statement, or its value assigned or dropped.
 */
static bool reacquired_in(struct analysis *an, const struct ir *block, unsigned i,
			  const struct pair *pair, const struct access_path *key)
{
	for (i++; i < block->nkids; i++)
		if (same_place(an, statement_call(block->kids[i]), ROLE_ACQUIRE,
			       pair, key))
			return true;
	return false;
}

const struct ir *restoring_acquire(struct analysis *an, const struct ir *block,
				   unsigned i)
{
	const struct ir *call;
	const struct rule_fn *acquire;
	const struct access_path *key;
	const char *display;
	struct ir *arg;
	unsigned k;

	if (!model_on(MODEL_BRACKETED_RELEASE) || block->kind != IR_BLOCK ||
	    !(call = statement_call(block->kids[i])) ||
	    !(acquire = find_role(lookup_call(an, call->name), ROLE_ACQUIRE)) ||
	    !(arg = handle_arg(acquire, call)) ||
	    !(key = lvalue(an, arg, &display)))
		return NULL;
	for (k = 0; k < i; k++)
		if (same_place(an, statement_call(block->kids[k]), ROLE_RELEASE,
			       acquire->pair, key))
			return call;
	return NULL;
}

static bool bracket_in(struct analysis *an, const struct ir *e, const struct ir *call,
		       const struct pair *pair, const struct access_path *key,
		       bool *found)
{
	unsigned i;

	for (i = 0; e && !*found && i < e->nkids; i++) {
		const struct ir *kid = e->kids[i];

		if (!kid)
			continue;
		if (statement_call(kid) == call) {
			*found = true;
			return e->kind == IR_BLOCK &&
			       reacquired_in(an, e, i, pair, key);
		}
		if (bracket_in(an, kid, call, pair, key, found))
			return true;
	}
	return false;
}

/*
 * Model bracketed-release.  A release that a later statement of its own
 * block undoes, acquiring the same pair through the same place,
 * brackets something the function does while it is released
 * ("pm_runtime_disable(dev); pm_runtime_set_active(dev);
 * pm_runtime_enable(dev);", the runtime PM core's way to change a
 * device's status): it puts back what it found, and releases nothing
 * of the path's own.
 */
bool release_bracketed(const struct check_ctx *ctx, const struct ir *call,
		       const struct rule_fn *rule)
{
	struct analysis *an = ctx->an;
	const struct access_path *key;
	const char *display;
	struct ir *arg;
	bool found = false;

	if (!model_on(MODEL_BRACKETED_RELEASE))
		return false;
	arg = handle_arg(rule, call);
	key = arg ? lvalue(an, arg, &display) : NULL;
	return key && bracket_in(an, an->fn->body, call, rule->pair, key, &found);
}

bool path_entered_label(const struct check_ctx *ctx)
{
	const struct trace *t;

	for (t = ctx->st->trace; t; t = t->prev)
		if (t->label)
			return true;
	return false;
}

const char *resource_release_name(const struct resource *r)
{
	const struct rule_fn *rel = rules_remedy(r->rule);

	if (r->remedy_name)
		return r->remedy_name;
	return rel ? rel->name : "its release";
}

const char *resources_release_name(const struct check_ctx *ctx,
				   const struct resource *a,
				   const struct resource *b)
{
	return rules_common_release(ctx->an->rules, a->rule->pair, b->rule->pair);
}

const char *resource_acquire_name(const struct resource *r)
{
	return r->acquire_name ? r->acquire_name : r->rule->name;
}

static struct finding *emit(struct check_ctx *ctx, const char *check,
			    const char *space, struct ir_loc at,
			    const struct resource *r, const char *key,
			    char *message, struct finding **dup)
{
	struct analysis *an = ctx->an;
	struct finding *f;
	char *full_key = xasprintf("%s|%s|%s", space, an->fn->name, key);

	f = report_add(an->report, full_key, dup);
	free(full_key);
	if (!f) {
		/* Same bug along another path: name the other acquire too. */
		if (*dup && r && !has_note_at(*dup, r->acquire->loc))
			add_acquire_note(*dup, r, true);
		free(message);
		return NULL;
	}
	f->check = check;
	f->function = an->fn->name;
	f->function_first = an->fn->first_line;
	f->function_last = an->fn->last_line;
	f->loc = at;
	f->message = message;
	f->resource = r ? (r->name ? r->name :
			   strtab_intern(an->strings, resource_acquire_name(r))) : NULL;
	if (r) {
		f->acquire.call = strtab_intern(an->strings, resource_acquire_name(r));
		f->acquire.loc = r->acquire->loc;
		add_acquire_note(f, r, false);
		add_path_notes(f, an, ctx->st->trace, r->acquire_seq);
	} else {
		add_path_notes(f, an, ctx->st->trace, 0);
	}
	return f;
}

struct finding *check_emit(struct check_ctx *ctx, const char *check,
			   struct ir_loc at, const struct resource *r,
			   const char *key, char *message)
{
	struct finding *dup;

	return emit(ctx, check, check, at, r, key, message, &dup);
}

struct finding *check_emit_release(struct check_ctx *ctx, const char *check,
				   struct ir_loc at, const struct resource *r,
				   char *message)
{
	struct finding *f, *dup;
	char *key = xasprintf("%u:%u", at.line, at.col);

	f = emit(ctx, check, "release", at, r, key, message, &dup);
	free(key);
	return f;
}

/*
 * A check whose finding is an earlier one's seen from another return:
 * a buffer lost at a merged "return ret < 0 ? ret : 0;" that the leak
 * check already reported at an error return is that warning's note, not
 * a second warning.  Only that way round: a lost-handle finding may be
 * withdrawn later (model handed-on-some-path), and must not take a
 * leak with it.
 */
static const struct {
	const char *check, *into;
} folds[] = {
	{ "lost-handle", "leak" },
};

static struct finding *folded_into(struct check_ctx *ctx, const char *check,
				   const char *cause)
{
	struct finding *f = NULL;
	unsigned i;
	char *key;

	for (i = 0; !f && i < ARRAY_SIZE(folds); i++) {
		if (strcmp(check, folds[i].check))
			continue;
		key = xasprintf("%s|%s|%s", folds[i].into, ctx->an->fn->name, cause);
		f = report_find(ctx->an->report, key);
		free(key);
	}
	return f;
}

/*
 * One warning per root cause: the same resource owed at several returns
 * is reported at the first return the exploration reaches, and each
 * other return becomes a note on it.  --all-paths keeps one warning per
 * return.  A lock (owed on every return) held at an error return and at
 * a success one is one cause too, whichever check sees it first: leak
 * at the one, lock-held at the other.
 */
struct finding *check_emit_return(struct check_ctx *ctx, const char *check,
				  struct ir_loc where, const struct resource *r,
				  const char *cause, char *message, const char *also)
{
	const char *space = r && r->rule->pair->every_return ? "held" : check;
	struct finding *f, *dup;
	char *key;

	dup = ctx->an->all_paths ? NULL : folded_into(ctx, check, cause);
	if (dup) {
		if (dup->loc.line != where.line && !has_note_at(dup, where))
			finding_note(dup, where, "%s", also);
		free(message);
		return NULL;
	}

	if (ctx->an->all_paths) {
		key = xasprintf("%s|%u:%u", cause, where.line, where.col);
		f = emit(ctx, check, space, where, r, key, message, &dup);
		free(key);
		return f;
	}
	f = emit(ctx, check, space, where, r, cause, message, &dup);
	if (!f && dup && dup->loc.line != where.line && !has_note_at(dup, where))
		finding_note(dup, where, "%s", also);
	return f;
}
