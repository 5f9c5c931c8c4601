// SPDX-License-Identifier: GPL-2.0
/*
 * cfg.c - build a control-flow graph from a function's IR.
 *
 * The builder keeps a "current" block that statements append to.  A
 * terminator (goto, return, break, a branch) closes it; the next
 * statement then starts a block no edge reaches, which the path engine
 * never visits.  That is how code after a return stays dead.
 */
#include "cfg.h"

#include <stdio.h>
#include <stdlib.h>

struct jump_targets {
	unsigned brk, cont;
	bool has_cont;
};

struct switch_ctx {
	const struct ir **cases;	/* IR_CASE / IR_DEFAULT nodes */
	unsigned *blocks;
	unsigned ncases;
	struct switch_ctx *outer;
};

struct builder {
	struct cfg *cfg;
	struct arena *arena;
	struct ir_func *fn;
	struct block *cur;		/* NULL after a terminator */
	unsigned *label_blocks;		/* by label number, 0 = none yet */
	struct jump_targets *loops;
	unsigned nloops, caploops;
	struct switch_ctx *sw;
	bool in_macro;			/* lowering a macro's own test */
};

static void lower_stmt(struct builder *b, struct ir *s);
static struct ir *lower_expr(struct builder *b, struct ir *e);
static void lower_cond(struct builder *b, struct ir *e, unsigned t, unsigned f);

static struct block *new_block(struct builder *b)
{
	struct cfg *cfg = b->cfg;
	struct block *blk = xcalloc(1, sizeof(*blk));

	if (cfg->nblocks == cfg->capblocks) {
		cfg->capblocks = cfg->capblocks ? cfg->capblocks * 2 : 32;
		cfg->blocks = xrealloc(cfg->blocks,
				       cfg->capblocks * sizeof(*cfg->blocks));
	}
	blk->id = cfg->nblocks;
	cfg->blocks[cfg->nblocks++] = blk;
	return blk;
}

static unsigned new_block_id(struct builder *b)
{
	return new_block(b)->id;
}

static struct block *current(struct builder *b)
{
	if (!b->cur)
		b->cur = new_block(b);
	return b->cur;
}

static void set_current(struct builder *b, unsigned id)
{
	b->cur = b->cfg->blocks[id];
}

static void emit(struct builder *b, struct ir *e)
{
	struct block *blk = current(b);

	if (blk->nelems == blk->capelems) {
		blk->capelems = blk->capelems ? blk->capelems * 2 : 8;
		blk->elems = xrealloc(blk->elems,
				      blk->capelems * sizeof(*blk->elems));
	}
	blk->elems[blk->nelems++] = e;
}

static void jump(struct builder *b, unsigned target)
{
	struct block *blk = current(b);

	blk->term = TERM_JUMP;
	blk->succ[0] = target;
	b->cur = NULL;
}

static void branch(struct builder *b, struct ir *cond, unsigned t, unsigned f)
{
	struct block *blk = current(b);

	blk->term = TERM_BRANCH;
	blk->cond = cond;
	blk->where = cond->loc;
	blk->in_macro = b->in_macro;
	blk->succ[0] = t;
	blk->succ[1] = f;
	b->cur = NULL;
}

static unsigned label_block(struct builder *b, int label)
{
	if (!b->label_blocks[label])
		b->label_blocks[label] = new_block_id(b);
	return b->label_blocks[label];
}

/* ---- synthetic nodes ---- */

static struct ir *synth(struct builder *b, enum ir_kind kind, struct ir_loc loc,
			unsigned nkids)
{
	struct ir *n = arena_alloc(b->arena, sizeof(*n));

	n->kind = kind;
	n->loc = loc;
	n->nkids = nkids;
	if (nkids)
		n->kids = arena_alloc(b->arena, nkids * sizeof(*n->kids));
	return n;
}

static struct ir *new_temp(struct builder *b, const struct ir *like)
{
	struct ir *t = synth(b, IR_VAR, like->loc, 0);

	t->name = "<tmp>";
	t->id = b->fn->nvars++;
	t->flags = IR_F_INTERNAL | IR_F_TEMP |
		   (like->flags & (IR_F_POINTER | IR_F_UNSIGNED));
	return t;
}

static struct ir *assign(struct builder *b, struct ir *lhs, struct ir *rhs)
{
	struct ir *n = synth(b, IR_ASSIGN, rhs->loc, 2);

	n->kids[0] = lhs;
	n->kids[1] = rhs;
	n->flags = IR_F_EFFECTS | (lhs->flags & (IR_F_POINTER | IR_F_UNSIGNED));
	return n;
}

static struct ir *constant(struct builder *b, struct ir_loc loc, long long v)
{
	struct ir *n = synth(b, IR_CONST, loc, 0);

	n->value = v;
	return n;
}

/* ---- expressions ---- */

/* ({ stmt; stmt; expr; }): run the statements, the value is expr. */
static struct ir *lower_stmtexpr(struct builder *b, struct ir *e)
{
	struct ir *body = e->kids[0], *last;
	unsigned i;

	if (!body || body->kind != IR_BLOCK || !body->nkids) {
		if (body)
			lower_stmt(b, body);
		return synth(b, IR_OPAQUE, e->loc, 0);
	}
	for (i = 0; i + 1 < body->nkids; i++)
		lower_stmt(b, body->kids[i]);
	last = body->kids[body->nkids - 1];
	if (last->kind < IR_BLOCK)
		return lower_expr(b, last);
	lower_stmt(b, last);
	return synth(b, IR_OPAQUE, e->loc, 0);
}

/*
 * a && b, a || b, c ? x : y with side effects: only one side runs, so
 * they become branches that store the value in a temporary.
 */
static struct ir *lower_split(struct builder *b, struct ir *e)
{
	unsigned yes = new_block_id(b), no = new_block_id(b);
	unsigned join = new_block_id(b);
	struct ir *tmp = new_temp(b, e);

	lower_cond(b, e->kind == IR_COND ? e->kids[0] : e, yes, no);
	set_current(b, yes);
	emit(b, assign(b, tmp, e->kind == IR_COND ? lower_expr(b, e->kids[1]) :
						    constant(b, e->loc, 1)));
	jump(b, join);
	set_current(b, no);
	emit(b, assign(b, tmp, e->kind == IR_COND ? lower_expr(b, e->kids[2]) :
						    constant(b, e->loc, 0)));
	jump(b, join);
	set_current(b, join);
	return tmp;
}

static struct ir *lower_expr(struct builder *b, struct ir *e)
{
	struct ir *copy = NULL, *kid;
	unsigned i;

	if (!e || !(e->flags & IR_F_EFFECTS))
		return e;
	switch (e->kind) {
	case IR_STMTEXPR:
		return lower_stmtexpr(b, e);
	case IR_LAND:
	case IR_LOR:
	case IR_COND:
		return lower_split(b, e);
	default:
		break;
	}
	/* Copy the node only when a child changed. */
	for (i = 0; i < e->nkids; i++) {
		kid = lower_expr(b, e->kids[i]);
		if (kid == e->kids[i])
			continue;
		if (!copy) {
			copy = synth(b, e->kind, e->loc, 0);
			*copy = *e;
			copy->kids = arena_alloc(b->arena, e->nkids * sizeof(*e->kids));
			for (unsigned j = 0; j < e->nkids; j++)
				copy->kids[j] = e->kids[j];
		}
		copy->kids[i] = kid;
	}
	return copy ? copy : e;
}

static void lower_cond(struct builder *b, struct ir *e, unsigned t, unsigned f)
{
	unsigned mid, other;

	switch (e->kind) {
	case IR_NOT:
		lower_cond(b, e->kids[0], f, t);
		return;
	case IR_LAND:
		mid = new_block_id(b);
		lower_cond(b, e->kids[0], mid, f);
		set_current(b, mid);
		lower_cond(b, e->kids[1], t, f);
		return;
	case IR_LOR:
		mid = new_block_id(b);
		lower_cond(b, e->kids[0], t, mid);
		set_current(b, mid);
		lower_cond(b, e->kids[1], t, f);
		return;
	case IR_COND:
		mid = new_block_id(b);
		other = new_block_id(b);
		lower_cond(b, e->kids[0], mid, other);
		set_current(b, mid);
		lower_cond(b, e->kids[1], t, f);
		set_current(b, other);
		lower_cond(b, e->kids[2], t, f);
		return;
	case IR_COMMA:
		emit(b, lower_expr(b, e->kids[0]));
		lower_cond(b, e->kids[1], t, f);
		return;
	case IR_STMTEXPR:
		e = lower_stmtexpr(b, e);
		if (e->kind == IR_STMTEXPR || e->kind == IR_NOT ||
		    e->kind == IR_LAND || e->kind == IR_LOR)
			break;
		lower_cond(b, e, t, f);
		return;
	case IR_CONST:
		jump(b, e->value ? t : f);
		return;
	default:
		break;
	}
	branch(b, lower_expr(b, e), t, f);
}

/* ---- statements ---- */

static void push_loop(struct builder *b, unsigned brk, unsigned cont, bool has_cont)
{
	if (b->nloops == b->caploops) {
		b->caploops = b->caploops ? b->caploops * 2 : 8;
		b->loops = xrealloc(b->loops, b->caploops * sizeof(*b->loops));
	}
	b->loops[b->nloops].brk = brk;
	b->loops[b->nloops].cont = cont;
	b->loops[b->nloops].has_cont = has_cont;
	b->nloops++;
}

static void lower_break(struct builder *b)
{
	if (b->nloops)
		jump(b, b->loops[b->nloops - 1].brk);
}

static void lower_continue(struct builder *b)
{
	unsigned i = b->nloops;

	/* A switch inside a loop passes continue through to the loop. */
	while (i--) {
		if (b->loops[i].has_cont) {
			jump(b, b->loops[i].cont);
			return;
		}
	}
}

static void lower_if(struct builder *b, struct ir *s)
{
	unsigned then = new_block_id(b), join = new_block_id(b);
	unsigned other = s->kids[2] ? new_block_id(b) : join;
	bool outer = b->in_macro;

	b->in_macro = s->flags & IR_F_INTERNAL;
	lower_cond(b, s->kids[0], then, other);
	b->in_macro = outer;
	set_current(b, then);
	lower_stmt(b, s->kids[1]);
	jump(b, join);
	if (s->kids[2]) {
		set_current(b, other);
		lower_stmt(b, s->kids[2]);
		jump(b, join);
	}
	set_current(b, join);
}

/*
 * Number a loop for the path notes and mark its blocks: the one that
 * jumps in (the current one, now), the start of its body and its exit.
 */
static void number_loop(struct builder *b, const struct ir *s, bool is_do,
			unsigned start, unsigned exit)
{
	struct cfg *cfg = b->cfg;
	unsigned n;

	/* A macro's own loop (readx_poll_timeout()) is no step a reader sees. */
	if (s->flags & IR_F_INTERNAL)
		return;
	n = ++cfg->nloops;
	cfg->loops = xrealloc(cfg->loops, (n + 1) * sizeof(*cfg->loops));
	cfg->loops[n].loc = s->loc;
	cfg->loops[n].is_do = is_do;
	current(b)->loop_enter = n;
	cfg->blocks[start]->loop_pass = n;
	cfg->blocks[exit]->loop_leave = n;
}

/* while (cond) body; for (init; cond; inc) body */
static void lower_loop(struct builder *b, const struct ir *s, struct ir *init,
		       struct ir *cond, struct ir *inc, struct ir *body)
{
	unsigned head = new_block_id(b), start = new_block_id(b);
	unsigned next = new_block_id(b), exit = new_block_id(b);

	if (init)
		lower_stmt(b, init);
	number_loop(b, s, false, start, exit);
	jump(b, head);
	set_current(b, head);
	if (cond)
		lower_cond(b, cond, start, exit);
	else
		jump(b, start);
	set_current(b, start);
	push_loop(b, exit, next, true);
	lower_stmt(b, body);
	b->nloops--;
	jump(b, next);
	set_current(b, next);
	if (inc)
		emit(b, lower_expr(b, inc));
	jump(b, head);
	set_current(b, exit);
}

static void lower_do(struct builder *b, struct ir *s)
{
	unsigned start = new_block_id(b), test = new_block_id(b);
	unsigned exit = new_block_id(b);

	number_loop(b, s, true, start, exit);
	jump(b, start);
	set_current(b, start);
	push_loop(b, exit, test, true);
	lower_stmt(b, s->kids[0]);
	b->nloops--;
	jump(b, test);
	set_current(b, test);
	lower_cond(b, s->kids[1], start, exit);
	set_current(b, exit);
}

/* Cases of this switch, not of switches nested in it. */
static void collect_cases(struct ir *s, struct ptrvec *out)
{
	unsigned i;

	if (!s || s->kind == IR_SWITCH || s->kind < IR_BLOCK)
		return;
	if (s->kind == IR_CASE || s->kind == IR_DEFAULT)
		ptrvec_push(out, s);
	for (i = 0; i < s->nkids; i++)
		collect_cases(s->kids[i], out);
}

static void lower_switch(struct builder *b, struct ir *s)
{
	struct switch_ctx ctx = { .outer = b->sw };
	struct ptrvec cases = { 0 };
	struct ir *value = lower_expr(b, s->kids[0]), *test;
	unsigned exit = new_block_id(b), fallback = exit, i, next;

	if (value->kind != IR_VAR && value->kind != IR_CONST) {
		struct ir *tmp = new_temp(b, value);

		emit(b, assign(b, tmp, value));
		value = tmp;
	}
	collect_cases(s->kids[1], &cases);
	ctx.ncases = (unsigned)cases.len;
	ctx.cases = (const struct ir **)cases.items;
	ctx.blocks = xcalloc(cases.len, sizeof(*ctx.blocks));
	for (i = 0; i < cases.len; i++) {
		const struct ir *c = cases.items[i];

		ctx.blocks[i] = new_block_id(b);
		if (c->kind == IR_DEFAULT) {
			fallback = ctx.blocks[i];
			continue;
		}
		next = new_block_id(b);
		if (c->flags & IR_F_RANGE) {
			test = synth(b, IR_OPAQUE, c->loc, 0);
		} else {
			test = synth(b, IR_CMP, c->loc, 2);
			test->op = CMP_EQ;
			test->kids[0] = value;
			test->kids[1] = constant(b, c->loc, c->value);
		}
		branch(b, test, ctx.blocks[i], next);
		set_current(b, next);
	}
	jump(b, fallback);
	b->sw = &ctx;
	push_loop(b, exit, 0, false);
	lower_stmt(b, s->kids[1]);
	b->nloops--;
	b->sw = ctx.outer;
	jump(b, exit);
	set_current(b, exit);
	free(ctx.blocks);
	ptrvec_free(&cases);
}

static void lower_case(struct builder *b, struct ir *s)
{
	unsigned i;

	for (i = 0; b->sw && i < b->sw->ncases; i++) {
		if (b->sw->cases[i] == s) {
			jump(b, b->sw->blocks[i]);
			set_current(b, b->sw->blocks[i]);
			break;
		}
	}
	lower_stmt(b, s->kids[0]);
}

static void lower_label(struct builder *b, struct ir *s)
{
	unsigned blk = label_block(b, s->id);

	jump(b, blk);
	set_current(b, blk);
	b->cur->label = s;
	lower_stmt(b, s->kids[0]);
}

/*
 * "return ret < 0 ? ret : 0;": the value is chosen by a branch, so each
 * arm's path returns its own value (an error on one, 0 on the other)
 * rather than a blend of both that is no error return.
 */
static struct ir *lower_return_value(struct builder *b, struct ir *value)
{
	if (value && value->kind == IR_COND)
		return lower_split(b, value);
	return value ? lower_expr(b, value) : NULL;
}

static void lower_return(struct builder *b, struct ir *s)
{
	struct ir *value = lower_return_value(b, s->kids[0]);
	struct block *blk = current(b);

	blk->term = TERM_RETURN;
	blk->ret = value;
	blk->where = s->loc;
	b->cur = NULL;
}

static void lower_decl(struct builder *b, struct ir *s)
{
	struct ir *init = s->nkids ? lower_expr(b, s->kids[0]) : NULL;

	if (s->nkids && init != s->kids[0]) {
		struct ir *copy = synth(b, IR_DECL, s->loc, 0);

		*copy = *s;
		copy->kids = arena_alloc(b->arena, sizeof(*copy->kids));
		copy->kids[0] = init;
		s = copy;
	}
	emit(b, s);
}

static void lower_stmt(struct builder *b, struct ir *s)
{
	unsigned i;

	if (!s)
		return;
	switch (s->kind) {
	case IR_BLOCK:
		for (i = 0; i < s->nkids; i++)
			lower_stmt(b, s->kids[i]);
		return;
	case IR_DECL:
		lower_decl(b, s);
		return;
	case IR_IF:
		lower_if(b, s);
		return;
	case IR_WHILE:
		lower_loop(b, s, NULL, s->kids[0], NULL, s->kids[1]);
		return;
	case IR_FOR:
		lower_loop(b, s, s->kids[0], s->kids[1], s->kids[2], s->kids[3]);
		return;
	case IR_DO:
		lower_do(b, s);
		return;
	case IR_SWITCH:
		lower_switch(b, s);
		return;
	case IR_CASE:
	case IR_DEFAULT:
		lower_case(b, s);
		return;
	case IR_LABEL:
		lower_label(b, s);
		return;
	case IR_GOTO:
		if (s->id >= 0)
			jump(b, label_block(b, s->id));
		else
			b->cur = NULL;	/* computed goto: the path ends */
		return;
	case IR_RETURN:
		lower_return(b, s);
		return;
	case IR_BREAK:
		lower_break(b);
		return;
	case IR_CONTINUE:
		lower_continue(b);
		return;
	case IR_NOP:
		return;
	default:
		break;
	}
	/* An expression statement: keep it only if it does something. */
	s = lower_expr(b, s);
	if (s->flags & IR_F_EFFECTS)
		emit(b, s);
}

struct cfg *cfg_build(struct ir_func *fn, struct arena *arena)
{
	struct builder b = { .arena = arena, .fn = fn };

	b.cfg = xcalloc(1, sizeof(*b.cfg));
	b.label_blocks = xcalloc((size_t)fn->nlabels + 1, sizeof(*b.label_blocks));
	b.cfg->entry = new_block_id(&b);
	set_current(&b, b.cfg->entry);
	lower_stmt(&b, fn->body);
	if (b.cur)
		b.cur->term = TERM_EXIT;
	free(b.label_blocks);
	free(b.loops);
	return b.cfg;
}

void cfg_free(struct cfg *cfg)
{
	unsigned i;

	if (!cfg)
		return;
	for (i = 0; i < cfg->nblocks; i++) {
		free(cfg->blocks[i]->elems);
		free(cfg->blocks[i]);
	}
	free(cfg->blocks);
	free(cfg->loops);
	free(cfg);
}

static const char *const term_names[] = {
	[TERM_EXIT] = "exit",
	[TERM_JUMP] = "jump",
	[TERM_BRANCH] = "branch",
	[TERM_RETURN] = "return",
};

/* In the order a path meets them: a block starts, then jumps on. */
static void dump_loop_marks(const struct cfg *cfg, const struct block *blk)
{
	if (blk->loop_leave)
		printf(", leaves L%u", blk->loop_leave);
	if (blk->loop_pass)
		printf(", pass of L%u", blk->loop_pass);
	if (blk->loop_enter)
		printf(", enters %s L%u", cfg->loops[blk->loop_enter].is_do ?
		       "do" : "loop", blk->loop_enter);
}

/* For --dump-cfg: one line per block, used by the CFG tests. */
void cfg_dump(const struct cfg *cfg, const struct ir_func *fn)
{
	unsigned i;

	printf("cfg %s: %u blocks, entry B%u\n", fn->name, cfg->nblocks, cfg->entry);
	for (i = 0; i < cfg->nblocks; i++) {
		const struct block *blk = cfg->blocks[i];

		printf("  B%u:", blk->id);
		if (blk->label)
			printf(" label %s", blk->label->name);
		printf(" %u elems, %s", blk->nelems, term_names[blk->term]);
		if (blk->term == TERM_JUMP)
			printf(" B%u", blk->succ[0]);
		else if (blk->term == TERM_BRANCH)
			printf(" line %u B%u B%u", blk->where.line, blk->succ[0], blk->succ[1]);
		else if (blk->term == TERM_RETURN)
			printf(" line %u", blk->where.line);
		dump_loop_marks(cfg, blk);
		printf("\n");
	}
}
