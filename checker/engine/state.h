/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Path state: what one path through a function knows at one point.
 *
 *  - bindings: which lvalue ("ret", "drv_info->tx_buffer") holds which value;
 *  - symbols: the results of calls, each with the set of sign classes it
 *    may still have (see VAL_* in rules.h) after the branches taken;
 *  - resources: what this path acquired, and whether each acquire is
 *    known to have succeeded, failed, or been released since.
 *
 * A resource's fate follows its status symbol: when a branch narrows
 * "ret" to zero, the ffa_rxtx_map() that produced it is known to have
 * succeeded.  That is how the error branch right after a failed acquire
 * owes no release.
 */
#ifndef LADDER_STATE_H
#define LADDER_STATE_H

#include <stdbool.h>
#include "access_path.h"
#include "ir.h"
#include "rules.h"

/*
 * Where a symbol's value comes from.  The same origin names the same
 * symbol on every path through a function, so states that met the same
 * values compare equal and a loop's states converge.
 */
enum sym_origin {
	SYM_SITE,	/* the value of site .a: slot 0, or slot 1 for an
			 * update whose old value still holds slot 0 */
	SYM_HANDLE,	/* the handle part .b of the acquire at site .a */
	SYM_PATH,	/* what access path .a (its id) held when first read */
	SYM_JOIN,	/* path .a's values merged at join point .b */
};

/* One function's symbols, numbered from 1 as they are first named. */
struct sym_names;
struct sym_names *sym_names_new(void);
void sym_names_free(struct sym_names *names);
unsigned sym_name(struct sym_names *names, enum sym_origin origin,
		  unsigned a, unsigned b);

/* How many constants a symbol can be known to differ from. */
#define SYM_MAX_NE 4

enum value_kind { V_UNKNOWN, V_CONST, V_SYM, V_UNINIT };

struct value {
	enum value_kind kind;
	unsigned sym;
	long long c;
};

struct sym {
	unsigned id;
	unsigned mask;
	const struct ir *origin;	/* the call that produced it, if any */
	bool has_const;			/* the value is exactly .c */
	unsigned char nne;		/* it is none of ne[]: "op != 1 && op != 2" */
	bool has_tests;			/* it tests symbol .tests: non-zero exactly */
	unsigned tests, tests_mask;	/* when that is in .tests_mask ("x = !p",
					 * "err = dma_mapping_error(dev, addr)") */
	long long c, ne[SYM_MAX_NE];	/* ne[] sorted */
	bool has_range;			/* it lies in [lo, hi] (value-ranges) */
	long long lo, hi;
	bool has_offset;		/* it is symbol .offset_base moved by */
	unsigned offset_base;		/* .offset bytes (offset-nonnull) */
	long long offset;
};

/* The values a symbol may still have, as one range: [lo, hi]. */
struct interval {
	long long lo, hi;
};

struct state;
struct interval sym_interval(const struct sym *s);
/* Narrow symbol @id to @r; false when no value is left. */
bool state_narrow(struct state *st, unsigned id, struct interval r);

/* Is @s known to differ from @c?  Record that it does. */
bool sym_excludes(const struct sym *s, long long c);
void sym_exclude(struct sym *s, long long c);

enum res_status {
	RES_UNDECIDED,	/* acquired unless it failed: not tested yet */
	RES_LIVE,
	RES_FAILED,
	RES_RELEASED,
};

#define MAX_PINS 4

struct resource {
	unsigned site;			/* acquire call site: identity */
	unsigned part;			/* which of the call's acquires */
	const struct rule_fn *rule;	/* the acquire's rule */
	enum res_status status;
	bool has_handle;
	/*
	 * Not owed on this path, and why: enum escape in engine/models.h
	 * (a fact, or the model that decided).  Only whether it escaped
	 * is part of a state's identity; why and where are for --explain.
	 */
	unsigned char escaped;
	struct ir_loc escaped_at;
	/* stored in a member of an object the function was given */
	bool in_given_object;
	/* its acquire wrote it into a place the path had found NULL */
	bool into_null;
	/*
	 * Its handle went beyond the function's local variables: into a
	 * member, a global, an aggregate, or a call that may keep it.
	 * Until it does, a return that still holds it loses it (check
	 * lost-handle).  Kept for handle-only pairs only.
	 */
	bool beyond_locals;
	/*
	 * A loop's earlier passes acquired here what was still held: held
	 * whatever this pass's acquire does, and released more than once
	 * (model loop-elements).
	 */
	bool elements_before;
	unsigned handle_sym, status_sym;
	/*
	 * Handed to a call that takes it only if it succeeds: the call's
	 * result, and the classes that mean success.  Escaped meanwhile;
	 * owed again when the result is known to say failure.  0: none.
	 */
	unsigned take_sym, take_ok;
	const char *name;		/* interned; NULL for handle-less pairs */
	bool name_internal;
	unsigned pins[MAX_PINS], npins;	/* symbols of pinned memory */
	bool has_null_arg;		/* NULL if null_arg_sym is NULL */
	unsigned null_arg_sym;
	const struct ir *acquire, *release;
	const char *acquire_name;	/* as the source spells the acquire */
	const char *remedy_name;	/* the release that undoes it, spelled alike */
	unsigned acquire_seq;		/* trace position, for path notes */
};

enum trace_kind {
	TRACE_STEP,			/* .text, if any, is a note */
	TRACE_BRANCH,			/* .text says which way a branch went */
	TRACE_MACRO_BRANCH,		/* the same, for a macro's own branch */
	TRACE_LOOP_ENTER,		/* the path comes to loop .loop from before it */
	TRACE_LOOP_PASS,		/* and starts a pass through its body */
	TRACE_LOOP_LEAVE,		/* and goes on after it */
};

/* One step of a path, for the notes of a finding.  Not part of equality. */
struct trace {
	const struct trace *prev;
	unsigned seq;
	unsigned char kind;		/* enum trace_kind */
	bool label;			/* the path entered a label here */
	unsigned loop;			/* TRACE_LOOP_*: cfg->loops[] */
	struct ir_loc loc;
	const char *text;
	/*
	 * A branch with no value to name: its note is spelled from the
	 * condition only when a finding needs it (@truth: which way).
	 */
	const struct block *assumed;
	bool truth;
};

struct binding {
	const struct access_path *key;
	struct value value;
};

struct state {
	struct binding *binds;
	unsigned nbinds, capbinds;
	struct sym *syms;
	unsigned nsyms, capsyms;
	struct resource *res;
	unsigned nres, capres;
	const struct trace *trace;
};

/*
 * Bindings are keyed by access path (ir/access_path.h).  A variable with
 * a scope cleanup (__free(kfree)) is its own root kind: whatever it holds
 * when the scope ends is released by the compiler.
 */
static inline bool key_is_scope_managed(const struct access_path *key)
{
	return key->kind == AP_SCOPED_VAR;
}

struct state *state_new(void);
struct state *state_clone(const struct state *st);
void state_free(struct state *st);

struct value state_get(const struct state *st, const struct access_path *key);
void state_set(struct state *st, const struct access_path *key, struct value v);
/* Forget what is known below @key: "p->x" after "p = ...". */
void state_forget_below(struct state *st, const struct access_path *key);

struct sym *state_sym(const struct state *st, unsigned id);
struct sym *state_new_sym(struct state *st, unsigned id, unsigned mask,
			  const struct ir *origin);
/* Mask of what @v may be: for a constant, its sign class. */
unsigned value_mask(const struct state *st, struct value v);

/*
 * Narrow symbol @id to @mask.  Returns false when nothing is left: the
 * path is infeasible.  Resources whose status is that symbol learn
 * whether their acquire succeeded.
 */
bool state_refine(struct state *st, unsigned id, unsigned mask);

struct resource *state_add_resource(struct state *st, const struct resource *r);
/* A live resource of a managed (devm) pair whose handle is @sym. */
struct resource *state_find_managed(struct state *st, unsigned sym);
/* The resource a release of @pair with handle symbol @sym refers to. */
struct resource *state_find_handle(struct state *st, unsigned sym,
				   const struct pair *pair);
/* Most recent resource of a handle-less @pair, preferring live ones. */
struct resource *state_find_pair(struct state *st, const struct pair *pair);
/*
 * The same, handles or not: what a release that names no handle ends
 * (remove_proc_entry() takes a name, proc_create() returned a pointer).
 */
struct resource *state_find_pair_any(struct state *st, const struct pair *pair);
/* Re-derive @r's status from its status symbol. */
void state_update_status(struct state *st, struct resource *r);
void state_update_take(struct state *st, struct resource *r);

/*
 * Do @a and @b hold the same resources in the same condition?  Such
 * states are joined: what they know of other values is merged into value
 * sets (a "ret" that is -ENOMEM on one path and -EIO on the other is
 * still negative), which keeps the paths that matter and stops the
 * doubling at every unrelated branch.
 */
bool state_same_resources(const struct state *a, const struct state *b);
/* A state that covers both @a and @b, at join point @point. */
struct state *state_join(struct sym_names *names, const struct state *a,
			 const struct state *b, unsigned point);

/* Drop symbols nothing refers to, so equal states compare equal. */
void state_gc(struct state *st);
unsigned long state_hash(const struct state *st);
bool state_equal(const struct state *a, const struct state *b);

#endif
