/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Control-flow graph of one function, built from the IR.
 *
 * Each block holds straight-line expressions ("elements") with no control
 * flow left inside them: &&, ||, ?: with side effects and GNU statement
 * expressions are split into blocks, and switch becomes a chain of
 * equality tests, so the path engine only ever sees branches on a plain
 * condition.
 */
#ifndef LADDER_CFG_H
#define LADDER_CFG_H

#include "ir.h"
#include "util.h"

enum term_kind {
	TERM_EXIT,	/* path ends without a return value */
	TERM_JUMP,	/* succ[0] */
	TERM_BRANCH,	/* cond true: succ[0], false: succ[1] */
	TERM_RETURN,	/* ret (may be NULL) */
};

struct block {
	unsigned id;
	struct ir **elems;
	unsigned nelems, capelems;
	enum term_kind term;
	struct ir *cond;		/* TERM_BRANCH */
	struct ir *ret;			/* TERM_RETURN */
	struct ir_loc where;		/* the branch or return statement */
	unsigned succ[2];
	const struct ir *label;		/* the block starts at this label */
	bool in_macro;			/* the branch is a macro's own (WARN_ON()) */
	/*
	 * Loop numbers (1-based, into cfg->loops) for the path notes that
	 * count passes: a path enters a loop, passes through its body, and
	 * leaves it (by its test or a break).
	 */
	unsigned loop_enter;		/* the block jumps into the loop */
	unsigned loop_pass;		/* a pass through the body starts here */
	unsigned loop_leave;		/* the loop goes on here when it ends */
};

struct cfg_loop {
	struct ir_loc loc;		/* the for, while or do statement */
	bool is_do;			/* do { } while: the first pass is no choice */
};

struct cfg {
	struct block **blocks;
	unsigned nblocks, capblocks;
	unsigned entry;
	struct cfg_loop *loops;		/* [0] unused, so that 0 means none */
	unsigned nloops;
};

struct cfg *cfg_build(struct ir_func *fn, struct arena *arena);
void cfg_free(struct cfg *cfg);
void cfg_dump(const struct cfg *cfg, const struct ir_func *fn);

#endif
