// SPDX-License-Identifier: GPL-2.0
/*
 * explore.c - exploring a function's paths.
 *
 * A worklist of (block, state) pairs, taken in FIFO order so the first
 * path to reach a bug is a short one.  A state that reaches a block
 * already seen with an equal state is dropped: that is what makes loops
 * terminate and keeps the work close to linear on kernel error ladders.
 * Everything is bounded (limits in engine.h), and a function that hits a
 * bound is reported as such.
 */
#include "engine/internal.h"

static void bound_hit(struct analysis *an, const char *reason)
{
	if (an->stopped)
		return;
	an->stopped = true;
	report_bound(an->report, an->fn->name, an->fn->loc, reason);
}

static void push(struct analysis *an, unsigned block, struct state *st)
{
	if (an->qtail == an->qcap) {
		if (an->qhead) {
			memmove(an->queue, an->queue + an->qhead,
				(an->qtail - an->qhead) * sizeof(*an->queue));
			an->qtail -= an->qhead;
			an->qhead = 0;
		}
		if (an->qtail == an->qcap) {
			an->qcap = an->qcap ? an->qcap * 2 : 64;
			an->queue = xrealloc(an->queue, an->qcap * sizeof(*an->queue));
		}
	}
	state_gc(st);
	an->queue[an->qtail].block = block;
	an->queue[an->qtail].st = st;
	an->qtail++;
}

/*
 * Whether @key's value may be negative (1), and whether it may be
 * anything else (2); 4 for a known pending value.
 */
static unsigned error_class(const struct analysis *an, const struct state *st,
			    const struct access_path *key)
{
	struct value v = state_get(st, key);
	unsigned mask = v.kind == V_UNKNOWN || v.kind == V_UNINIT ? VAL_ANY :
			value_mask(st, v);
	long long c;

	/* -EINPROGRESS says "queued": no error return to blur with one. */
	if (known_const(st, v, &c) && rules_pending_value(an->rules, c))
		return 4;
	return (mask & VAL_NEG ? 1 : 0) | (mask & (VAL_ZERO | VAL_POS) ? 2 : 0);
}

static bool same_conditions(const struct analysis *an, const struct state *a,
			    const struct state *b)
{
	unsigned i;

	for (i = 0; i < an->nconditions; i++) {
		const struct sym *sa = state_sym(a, an->conditions[i]);
		const struct sym *sb = state_sym(b, an->conditions[i]);

		if ((sa ? sa->mask : VAL_ANY) != (sb ? sb->mask : VAL_ANY))
			return false;
	}
	for (i = 0; i < an->nreturned; i++)
		if (error_class(an, a, an->returned[i]) != error_class(an, b, an->returned[i]))
			return false;
	return true;
}

/*
 * The state to explore at @block, or NULL if what @st knows was seen
 * there already.  A state holding the same resources as one seen is
 * joined with it (state_join()), so each point keeps one state per
 * resource configuration.
 */
static struct state *visit(struct analysis *an, unsigned block, struct state *st)
{
	struct seen *s;
	struct state *joined;
	char reason[128];

	for (s = an->seen[block]; s; s = s->next) {
		if (!state_same_resources(s->st, st) || !same_conditions(an, s->st, st))
			continue;
		/*
		 * Go on with the newer path's notes: the joined values may
		 * hold only after its later passes ('i' non-zero), which the
		 * first path's notes would contradict.
		 */
		joined = state_join(an->syms, s->st, st, block);
		joined->trace = st->trace;
		state_free(st);
		if (state_equal(joined, s->st)) {
			state_free(joined);
			return NULL;
		}
		state_free(s->st);
		s->st = joined;
		return state_clone(joined);
	}
	if (an->nseen[block] >= an->limits->max_block_states) {
		snprintf(reason, sizeof(reason),
			 "more than %u resource states at one point",
			 an->limits->max_block_states);
		bound_hit(an, reason);
		state_free(st);
		return NULL;
	}
	s = arena_alloc(an->arena, sizeof(*s));
	s->st = st;
	s->next = an->seen[block];
	an->seen[block] = s;
	an->nseen[block]++;
	return state_clone(st);
}

/* How many calls to @name does @e make? */
static unsigned calls_named(const struct ir *e, const char *name)
{
	unsigned i, n;

	if (!e)
		return 0;
	n = e->kind == IR_CALL && e->name == name;
	for (i = 0; i < e->nkids; i++)
		n += calls_named(e->kids[i], name);
	return n;
}

static bool contains(const struct ir *e, const struct ir *part)
{
	unsigned i;

	if (!e || e == part)
		return e == part;
	for (i = 0; i < e->nkids; i++)
		if (contains(e->kids[i], part))
			return true;
	return false;
}

/* Does @call, a release, undo @r as the path in @st holds it? */
static bool releases_resource(struct analysis *an, struct state *st,
			      struct ir *call, const struct resource *r)
{
	const struct rule_fn *rule;
	const struct access_path *key;
	const char *display;
	struct value v;

	for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->pair != r->rule->pair ||
		    rule->implicit)
			continue;
		if (rule->handle.kind == HANDLE_NONE)
			return true;
		if ((unsigned)rule->handle.arg >= call->nkids || !r->has_handle)
			continue;
		key = lvalue(an, call->kids[rule->handle.arg], &display);
		v = key ? state_get(st, key) : v_unknown();
		if (v.kind == V_SYM && v.sym == r->handle_sym)
			return true;
	}
	return false;
}

/*
 * "if (pm_runtime_get_sync(dev) >= 0) clk_disable_unprepare(clk);" and
 * "if (atomic_dec_and_test(&o->refs)) kfree(o);": a release guarded by
 * what a call answers right there, and nowhere else in the function,
 * rejoining the path after.  Where the answer skips it, the author chose
 * to keep the resource (the clock is runtime PM's, another reference
 * holds the object): not a leak of this path.  A call the function also
 * makes elsewhere ("if (can_cd(mmc)) enable ... if (can_cd(mmc))
 * disable") asks again what decided the acquire, and is left to path
 * conditions.  @skip is the state taking the false edge.
 */
static void keep_when_skipped(struct path *p, const struct block *blk,
			      const struct test *t, struct state *skip)
{
	const struct block *then = p->an->cfg->blocks[blk->succ[0]];
	const struct sym *s = state_sym(skip, t->sym);
	unsigned i, k;

	if (!model_on(MODEL_KEEP_WHEN_SKIPPED) ||
	    !s || !s->origin || s->origin->kind != IR_CALL ||
	    !contains(blk->cond, s->origin) || then->label ||
	    then->term != TERM_JUMP || then->succ[0] != blk->succ[1] ||
	    calls_named(p->an->fn->body, s->origin->name) != 1)
		return;
	for (i = 0; i < then->nelems; i++) {
		struct ir *e = then->elems[i];

		if (e->kind != IR_CALL || !e->name)
			continue;
		for (k = 0; k < skip->nres; k++) {
			struct resource *r = &skip->res[k];

			if (r->status == RES_LIVE &&
			    releases_resource(p->an, skip, e, r))
				escape(r, model_escape(MODEL_KEEP_WHEN_SKIPPED),
				       e->loc);
		}
	}
}

static void do_branch(struct path *p, const struct block *blk)
{
	struct test t = { .kind = TEST_UNKNOWN };
	struct state *out[2] = { NULL, NULL };
	struct sym *s;
	int i;

	eval_test(p, blk->cond, &t);
	for (i = 1; i >= 0; i--) {
		if (t.kind == TEST_CONST && t.truth != (i == 1))
			continue;
		out[i] = state_clone(p->st);
		if (t.kind != TEST_SYM)
			continue;
		if (!state_refine(out[i], t.sym, t.mask[i]) ||
		    !narrow_by_test(out[i], &t, i == 1)) {
			state_free(out[i]);
			out[i] = NULL;
			continue;
		}
		s = state_sym(out[i], t.sym);
		if (t.differs[i] && s)
			sym_exclude(s, t.c);
		if (t.exact[i] && s) {
			s->has_const = true;
			s->c = t.c;
			if (!state_refine(out[i], t.sym, s->mask)) {
				state_free(out[i]);
				out[i] = NULL;
			}
		}
	}
	if (t.kind == TEST_SYM && out[0] && out[1])
		keep_when_skipped(p, blk, &t, out[0]);
	for (i = 1; i >= 0; i--) {
		struct path q = { p->an, out[i] };

		if (!out[i])
			continue;
		/*
		 * Only a real decision is worth a note, and a loop's test
		 * going in is the loop's own note ("entering the loop").
		 */
		if (out[0] && out[1] && !enters_loop(p->an, blk, i) &&
		    !branch_note(&q, blk, &t, i))
			assume_note(&q, blk, i);
		push(p->an, blk->succ[i == 1 ? 0 : 1], out[i]);
	}
}

/*
 * The path runs off the end of the body: a void function's return, at
 * its closing brace (column 1, as kernel style puts it).
 */
static void fall_off_end(struct path *p)
{
	struct ir_loc end = { p->an->fn->loc.file, p->an->fn->last_line, 1 };

	void_return(p, end);
}

static void step_block(struct analysis *an, const struct block *blk, struct state *st)
{
	struct path p = { an, st };
	unsigned i;
	char text[160];

	if (blk->label) {
		snprintf(text, sizeof(text), "path continues at label '%s'",
			 blk->label->name);
		/* A macro's own label is no step the reader sees. */
		trace_step(&p, blk->label->loc,
			   blk->label->flags & IR_F_INTERNAL ? NULL : text);
		((struct trace *)st->trace)->label = true;
		enter_label(&p, blk);
	}
	if (blk->loop_leave)
		trace_loop(&p, TRACE_LOOP_LEAVE, blk->loop_leave);
	if (blk->loop_pass)
		trace_loop(&p, TRACE_LOOP_PASS, blk->loop_pass);
	mark_pending_alike(&p, blk);
	for (i = 0; i < blk->nelems; i++)
		eval(&p, blk->elems[i]);
	switch (blk->term) {
	case TERM_JUMP:
		if (blk->loop_enter)
			trace_loop(&p, TRACE_LOOP_ENTER, blk->loop_enter);
		push(an, blk->succ[0], st);
		return;
	case TERM_BRANCH:
		do_branch(&p, blk);
		break;
	case TERM_RETURN:
		do_return(&p, blk);
		break;
	case TERM_EXIT:
		fall_off_end(&p);
		break;
	}
	state_free(st);
}

static bool out_of_time(struct analysis *an)
{
	double spent = (double)(clock() - an->start) / CLOCKS_PER_SEC;
	char reason[128];

	if (spent <= an->limits->max_seconds)
		return false;
	snprintf(reason, sizeof(reason), "time limit of %.0f s reached",
		 an->limits->max_seconds);
	bound_hit(an, reason);
	return true;
}

void explore(struct analysis *an)
{
	char reason[128];

	push(an, an->cfg->entry, state_new());
	while (an->qhead < an->qtail && !an->stopped) {
		struct work w = an->queue[an->qhead++];
		struct state *st = visit(an, w.block, w.st);

		if (!st)
			continue;
		if (++an->steps > an->limits->max_steps) {
			snprintf(reason, sizeof(reason), "path limit of %u steps reached",
				 an->limits->max_steps);
			bound_hit(an, reason);
			state_free(st);
			break;
		}
		if (!(an->steps & 255) && out_of_time(an)) {
			state_free(st);
			break;
		}
		step_block(an, an->cfg->blocks[w.block], st);
	}
	while (an->qhead < an->qtail)
		state_free(an->queue[an->qhead++].st);
}
