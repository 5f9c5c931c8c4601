/* SPDX-License-Identifier: GPL-2.0 */
/*
 * engine/internal.h - what the engine's files share, and nothing outside
 * engine/ may include: the analysis of one function, a path through it,
 * and the functions one stage of the engine calls in another.  Checks see
 * the engine only through engine.h.
 */
#ifndef LADDER_ENGINE_INTERNAL_H
#define LADDER_ENGINE_INTERNAL_H

#include "engine.h"
#include "cfg.h"
#include "checks/checks.h"
#include "engine/models.h"
#include "wrappers.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_CALL_ARGS 16
#define MAX_PARTS 4		/* the resources one acquire call makes */
#define STATUS_PART MAX_PARTS	/* member_node() of a status-in member */
#define MAX_PATH_NOTES 16
#define MAX_PATH_STEPS 256	/* trace steps read back for them */
#define NO_SYM UINT_MAX

struct seen {
	struct state *st;
	struct seen *next;
};

/* What a check sees at an event (engine.h): opaque outside the engine. */
struct check_ctx {
	struct analysis *an;
	const struct state *st;
	bool errno_return;	/* at an error return: an errno, not NULL */
};

struct work {
	unsigned block;
	struct state *st;
};

struct analysis {
	struct ir_func *fn;
	struct cfg *cfg;
	const struct rules *rules;
	struct summaries *summaries;
	const struct limits *limits;
	struct report *report;
	struct arena *arena;
	const unsigned char *managed_here;	/* engine_env's */
	unsigned nmanaged_here;
	struct strtab *strings;
	struct ap_table *paths;		/* the run's access paths */
	struct sym_names *syms;		/* this function's symbols */
	/*
	 * Symbols of values tested at two or more branches ("was_busy"):
	 * path conditions that states must agree on to be joined, so that
	 * "if (x) get(); ... if (x) put();" stays paired.
	 */
	unsigned *conditions;
	unsigned nconditions;
	/*
	 * Variables a return statement returns ("return ret;"): states
	 * where one may be an error and states where it cannot are kept
	 * apart, so a shared exit label does not blur error returns.
	 */
	const struct access_path **returned;
	unsigned nreturned;
	/*
	 * By block: the key of the value a test for a pending value
	 * ("ret == -EINPROGRESS") leads here with, or NULL.
	 */
	const struct access_path **pending_at;
	/* pairs this function acquires somewhere, on any path */
	const struct pair **acquired;
	unsigned nacquired, capacquired;
	/* release calls of the function, any path */
	struct ptrvec releases;
	/* has some path added a devm action of the file (action_marker())? */
	bool added_actions;
	/* states seen at each block */
	struct seen **seen;
	unsigned *nseen;
	struct work *queue;
	size_t qhead, qtail, qcap;
	unsigned steps;
	bool stopped;
	clock_t start;
	/* What its returns give, to learn whether it wraps an acquire. */
	struct wrapper_learner wrapper;
	/* The IR of "argument->member" at each wrapper call site, made once. */
	struct ir **member_nodes;
	/* Resources a model kept quiet, by site, part and model: counted once. */
	struct silenced { unsigned site, part; unsigned char reason; } *silenced;
	unsigned nsilenced, capsilenced;
	/*
	 * By variable: the member path a pointer local always holds the
	 * address of ("a_ctx = &ctx->a_ctx"), or NULL (model address-alias).
	 */
	struct ir **alias_of;
	/*
	 * Places stored to inside "if (!place)": the lvalue nodes of
	 * assignments and out arguments (model lazy-cache)
	 */
	struct ptrvec lazy_stores;
	/*
	 * By variable: the name of a global the function reads, or NULL;
	 * made when first asked (held_in_global()).
	 */
	const char **global_names;
	/* Does a release call of the function name a member ("p->x")? -1: not asked yet */
	signed char releases_members;
	/* May owner-frees apply to the function at all?  -1: not asked yet */
	signed char owner_may_free;
	/*
	 * By call site: has some path handed what it acquired beyond the
	 * locals?  And the lost-handle findings made, to withdraw at the
	 * end those whose site some path handed over (model
	 * handed-on-some-path).
	 */
	unsigned char *handed_sites;
	/* By call site: what the function gives away on success (handoff.c). */
	struct handoff {
		unsigned short args;	/* given away when the call succeeds */
		unsigned short always;	/* given away whatever it returns */
		unsigned short containers; /* &x->m: x given away, whatever it returns */
		unsigned char ok;	/* enum success_kind: what success is */
	} *handoffs;
	/* By call site: the stores the callee's start makes (helper_stores.c). */
	struct site_stores **site_stores;
	/*
	 * By pair, once asked: 1 if the function drops it on the way to a
	 * success return, 2 if not (releases_before_success()).
	 */
	unsigned char *unlock_memo;
	struct ptrvec lost;
	bool explain;
	bool all_paths;
};

/* One path being stepped through a block. */
struct path {
	struct analysis *an;
	struct state *st;
};

struct value eval(struct path *p, struct ir *e);
struct value eval_lent(struct path *p, struct ir *e);
const char *call_name(const struct analysis *an, const struct ir *call);

static inline struct value v_unknown(void)
{
	return (struct value){ V_UNKNOWN, 0, 0 };
}

static inline struct value v_const(long long c)
{
	return (struct value){ V_CONST, 0, c };
}

static inline struct value v_sym(unsigned id)
{
	return (struct value){ V_SYM, id, 0 };
}

/* What a branch's test tells of the value it tests, either way. */
enum test_kind { TEST_UNKNOWN, TEST_CONST, TEST_SYM };

struct test {
	enum test_kind kind;
	bool truth;			/* TEST_CONST */
	unsigned sym;			/* TEST_SYM */
	unsigned mask[2];		/* [0] if false, [1] if true */
	bool exact[2];			/* the value is then exactly .c */
	bool differs[2];		/* the value is then not .c */
	long long c;
	bool ranged;			/* "x op c": narrow x's range (value-ranges) */
	enum ir_cmp op;			/* the op when true */
	const char *subject;		/* display name of what is tested */
	bool pointer, is_call;
};

/* lvalues: binding keys and display names of C lvalues (lvalues.c) */
const struct access_path *lvalue(struct analysis *an, struct ir *e,
				 const char **display);
bool rooted_in_internal(const struct ir *e);
/* The last member a display name ends in: "buf" of "priv->ring.buf", or NULL. */
const char *display_member(const char *name);
bool reads_macro_local(const struct ir *e);
unsigned path_symbol(struct analysis *an, const struct access_path *key);
struct value lvalue_symbol(struct path *p, struct ir *e,
			   const struct access_path *key);
void find_address_aliases(struct analysis *an);

/* resources: who owns what a path acquired (resources.c) */
void escape(struct resource *r, unsigned char reason, struct ir_loc where);
bool pair_acquired(const struct analysis *an, const struct pair *pair);
void name_resources(struct path *p, unsigned sym, struct ir *lhs,
		    const char *display);
void forget_from(struct path *p, const struct access_path *key);
void escape_lvalue(struct path *p, const struct access_path *key,
		   struct value passed,
		   struct ir_loc where);
bool left_for_caller(const struct resource *r);
bool kept_in_object(const struct path *p, const struct resource *r);
const struct access_path *address_of_value(const struct path *p, struct value v);
const struct access_path *address_owner(const struct access_path *key);
unsigned embedded_in(const struct path *p, struct value v);
const struct access_path *action_marker(struct analysis *an, const char *name);
void stored_for_action(struct path *p, unsigned sym, struct ir_loc where);
void stored_in_member(struct path *p, struct ir *lhs, unsigned sym,
		      struct ir_loc where);
void store(struct path *p, struct ir *lhs, struct value v);
/* A setter's stores, made at its call @call (model helper-stores): made? */
bool make_helper_stores(struct path *p, struct ir *call,
			const struct value *args, unsigned nargs);
void scope_ended(struct path *p, const struct access_path *key,
		 struct ir_loc where);
void mark_beyond_locals(struct path *p, unsigned sym);
void mark_resource_beyond(struct path *p, struct resource *r);
void mark_carried(struct path *p, struct ir *e, struct value v);
bool found_null(const struct path *p, const struct access_path *key);
void find_lazy_stores(struct analysis *an);

/* handoff: calls that take what they are given on success (handoff.c) */
void find_handoffs(struct analysis *an);
void handed_on_success(struct path *p, struct ir *call,
		       const struct value *args, unsigned nargs);

/* calls: what a call does to the state (calls.c) */
bool frees_member(const struct path *p, const struct ir *call,
		  const struct resource *r);
const struct rule_fn *find_role(const struct rule_fn *chain,
				enum rule_role role);
const struct access_path *restore_marker(struct analysis *an,
					 const struct access_path *key);
const struct access_path *pair_restore_marker(struct analysis *an,
					      const struct pair *pair);
struct ir *through_transparent(struct analysis *an, struct ir *e);
unsigned eval_args(struct path *p, struct ir *call, const struct rule_fn *chain,
		   struct value *args);
/*
 * Model bracketed-release, the other end: the call of statement @i of
 * @block if it acquires what an earlier statement of the block released
 * through the same place ("pm_runtime_disable(dev);
 * pm_runtime_set_active(dev); pm_runtime_enable(dev);"), else NULL.  It
 * puts back what it found: the function acquires nothing of its own
 * there.  Asks lvalue(): only once address aliases are known.
 */
const struct ir *restoring_acquire(struct analysis *an, const struct ir *block,
				   unsigned i);
const struct access_path *stable_key(struct analysis *an, struct ir *call,
				     const struct value *args);
bool is_stable(const struct analysis *an, const struct ir *call,
	       const struct rule_fn *chain);
const struct rule_fn *lookup_call(const struct analysis *an,
				  const char *name);
struct value test_of(struct path *p, const struct ir *e, unsigned target,
		     unsigned mask, bool errno_result);
struct value eval_call(struct path *p, struct ir *call);

/* acquires and releases: the rules applied at a call (acquire_release.c) */
struct ir *member_node(struct analysis *an, struct ir *call,
		       unsigned arg, const char *member, unsigned part);
const char *source_name(const struct analysis *an, const struct ir *call,
			const char *known, const struct pair *pair);
const struct access_path *flag_key(struct analysis *an,
				   const struct access_path *base,
				   unsigned long long mask);
bool flag_mask(const struct access_path *key, const struct access_path *base,
	       unsigned long long *mask);
void do_release(struct path *p, struct ir *call, const struct rule_fn *chain,
		struct value *args, unsigned nargs);
struct value do_acquires(struct path *p, struct ir *call,
			 const struct rule_fn *chain, struct value *args,
			 unsigned nargs);

/* branches: what a test tells of its values (branches.c) */
bool holds(long long x, enum ir_cmp op, long long c);
void eval_test(struct path *p, struct ir *c, struct test *t);
bool narrow_by_test(struct state *st, const struct test *t, bool outcome);

/* returns: error returns, and what a function leaves its callers (returns.c) */
bool known_const(const struct state *st, struct value v, long long *c);
void mark_pending_alike(struct path *p, const struct block *blk);
void publish_wrapper(struct analysis *an);
void enter_label(struct path *p, const struct block *blk);
void void_return(struct path *p, struct ir_loc where);
void do_return(struct path *p, const struct block *blk);

/* exploration: the worklist and its bounds (explore.c) */
void explore(struct analysis *an);

/* setup (engine.c) */
void find_conditions(struct analysis *an);

/* the checks' API: events and services (check_api.c) */
void fire_release(struct path *p, const struct release_event *ev);
void fire_other_return(struct path *p, struct ir_loc where);
void withdraw_lost(struct analysis *an);
void fire_error_return(struct path *p, struct ir_loc where,
		       bool errno_return);

/* path notes (notes.c) */
void trace_step(struct path *p, struct ir_loc loc, const char *text);
void trace_loop(struct path *p, enum trace_kind kind, unsigned loop);
bool enters_loop(const struct analysis *an, const struct block *blk,
		 int outcome);
bool branch_note(struct path *p, const struct block *blk,
		 const struct test *t, int outcome);
void assume_note(struct path *p, const struct block *blk, int outcome);
bool has_note_at(const struct finding *f, struct ir_loc loc);
void add_acquire_note(struct finding *f, const struct resource *r,
		      bool another);
void add_path_notes(struct finding *f, struct analysis *an,
		    const struct trace *t, unsigned since);

#endif /* LADDER_ENGINE_INTERNAL_H */
