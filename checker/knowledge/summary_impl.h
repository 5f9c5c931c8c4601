/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The inside of the summaries, shared by summary.c, which computes them
 * for a TU, and summary_link.c, which takes and gives those of other
 * files through the summary database.
 */
#ifndef LADDER_SUMMARY_IMPL_H
#define LADDER_SUMMARY_IMPL_H

#include "summary.h"
#include "util.h"

/* A member a function releases a resource of @pair from, by name. */
struct freed_member {
	const struct pair *pair;
	const char *member;		/* interned */
};

/*
 * A function releases a resource of @pair that global @global holds,
 * or its member @member (destroy_workqueue(foo_wq), mutex_unlock(&g.lock),
 * module_put(THIS_MODULE)); names interned.
 */
struct global_freed {
	const struct pair *pair;
	const char *global;
	const char *member;		/* NULL: the global itself */
};

/* A function releases a resource of @pair that its parameter @param is or holds. */
struct param_freed {
	const struct pair *pair;
	unsigned param;
};

struct fn_summary {
	const char *name;
	const char *teardown;		/* what undoes it after it fails, or NULL */
	unsigned long *releases;	/* bitmap over rule pairs */
	unsigned long *direct;		/* ... by its own calls, not its helpers' */
	unsigned long *callers_release;	/* what the TU's callers release */
	unsigned long *acquires;	/* ... acquires, by its own calls */
	/*
	 * ... whose first and last calls of the pair, in the order of the
	 * source, are releases: it is called holding it and returns without
	 * it (sparse's __releases() with no __acquires())
	 */
	unsigned long *releases_first, *releases_last;
	/*
	 * ... that it may release while its caller holds it: by its own
	 * calls, a release of a pair it never takes, or releases first
	 * and last; or through a helper of the file that may.
	 */
	unsigned long *drops_held;
	const char **callees;		/* calls to functions of this TU */
	const struct ir **callee_calls;	/* ... the calls themselves */
	unsigned ncallees, capcallees;
	const struct ir_func *fn;	/* NULL: defined in another file */
	unsigned takes;			/* bit N: hands over what parameter N holds */
	unsigned lends;			/* bit N: keeps no pointer into parameter N's object (lent.c) */
	/*
	 * The members it releases by name, maybe through a helper
	 * (kfree(priv->buf): the kmalloc pair, "buf"), and the pairs some
	 * release of which names no member (kfree(local)): any may be.
	 */
	struct freed_member *freed;
	unsigned nfreed, capfreed;
	unsigned long *frees_unnamed;
	/*
	 * The parameters whose object (or what they hold: kfree(t->buf))
	 * it releases, itself or through a helper given them: what a
	 * function of another file is known to release of what it is given.
	 */
	struct param_freed *params_freed;
	unsigned nparams_freed, capparams_freed;
	/*
	 * The globals whose resources it releases, itself or through the
	 * TU's helpers: a helper needs no argument to reach them.
	 */
	struct global_freed *globals_freed;
	unsigned nglobals_freed, capglobals_freed;
	/*
	 * The members its callers release after it fails (after_failure.c),
	 * in this file and, from the database, in others: the evidence,
	 * member by member, that they clean what it leaves in an object.
	 */
	struct freed_member *callers_freed;
	unsigned ncallers_freed, capcallers_freed;
	/*
	 * What its callers in the file do when it fails (after_failure.c,
	 * model passed-up): @after_known when every call of it in the file
	 * tests its result and then either returns or ends in a return,
	 * and it is static; @cleaned_after, the pairs released there
	 * naming no member, and up the chain of callers that pass the
	 * failure on (the members are ->callers_freed).
	 */
	unsigned long *cleaned_after;
	unsigned nsites, nrecorded;	/* its calls in the file; tested ones */
	bool after_open;		/* a tested call goes on after failing, or
				 * calls what may clean anything */
	bool after_known;
	bool called;			/* a function of the TU calls it */
	bool tabled;			/* a file-scope initialiser names it */
	bool puts;			/* gives an object its last put, maybe by a helper */
	bool puts_direct;		/* ... by its own calls */
	bool callers_put;		/* a TU caller does, not through this function */
	bool stable;			/* cleared by any effect seen */
	struct rule_fn *wraps;		/* an acquire, if it is a wrapper */
	struct fails fails;		/* how it reports failure */
};

struct summaries {
	struct fn_summary *fns;
	unsigned n, words;
	/*
	 * fns[0..nlocal) are the TU's functions; those past it are called
	 * here and defined elsewhere, with what the summary database says
	 * of them (or nothing), so that what the TU's callers clean after
	 * them can be given back to the database.
	 */
	unsigned nlocal;
	struct ptrvec released_globals;	/* names, interned */
	bool drop_named;		/* model drop-named: see summaries_build() */
	/* fns by name: index + 1, open addressing; nslots a power of two */
	unsigned *slots, nslots;
};

/* Names are interned: a name's pointer is its identity. */
static inline unsigned name_slot(const struct summaries *s, const char *name)
{
	return (unsigned)hash_bytes(HASH_INIT, &name, sizeof(name)) & (s->nslots - 1);
}

/*
 * The engine asks at every call it evaluates, on every path, whether the
 * callee is a helper of the TU: a lookup by hash, not a scan.
 */
static inline const struct fn_summary *find(const struct summaries *s, const char *name)
{
	unsigned slot;

	if (!name || !s->nslots)
		return NULL;
	for (slot = name_slot(s, name); s->slots[slot];
	     slot = (slot + 1) & (s->nslots - 1))
		if (s->fns[s->slots[slot] - 1].name == name)
			return &s->fns[s->slots[slot] - 1];
	return NULL;
}

/* Index fns[0..n) by name; the first of a name answers for it. */
void summary_index_names(struct summaries *s);

/* Inferred pairs (an overlay's) are numbered past the summaries' bitmaps. */
static inline bool bit_of(const struct summaries *s, const unsigned long *map,
			  unsigned bit)
{
	if (bit >= s->words * 8 * sizeof(long))
		return false;
	return (map[bit / (8 * sizeof(long))] >> (bit % (8 * sizeof(long)))) & 1;
}

static inline void set_bit_of(unsigned long *map, unsigned bit)
{
	map[bit / (8 * sizeof(long))] |= 1UL << (bit % (8 * sizeof(long)));
}

static inline void clear_bit_of(unsigned long *map, unsigned bit)
{
	map[bit / (8 * sizeof(long))] &= ~(1UL << (bit % (8 * sizeof(long))));
}

/* The member a release's handle names ("buf" of &priv->buf[0]), or NULL. */
const char *summary_handle_member(const struct ir *handle);
/* A function of @s's with no facts yet, named @name (interned). */
void summary_init_entry(const struct summaries *s, struct fn_summary *fs,
			const char *name);
/* Add (@pair, @member) to a list of members; false if it was there. */
bool summary_add_member(struct freed_member **list, unsigned *n, unsigned *cap,
			const struct pair *pair, const char *member);
/* @fs releases what its parameter @param holds of @pair; false if known. */
bool summary_add_param_freed(struct fn_summary *fs, const struct pair *pair,
			     unsigned param);
/*
 * Add to @s the functions of other files its functions call (past
 * ->nlocal), with what @link's database says they do; then, once the
 * TU's callers are noted, what callers in other files clean after the
 * TU's functions.
 */
void summary_link_functions(struct summaries *s, const struct rules *rules,
			    const struct summary_link *link);
void summary_link_callers(struct summaries *s, const struct rules *rules,
			  const struct summary_link *link);
/*
 * Note in ->callers_freed of every function of @s what its callers in the
 * TU release after it fails (after_failure.c); with @chain, also what
 * their callers release after the failure they pass on.
 */
/* Which pointer parameters each function of the TU only lends (lent.c). */
void summary_note_lent(struct summaries *s, const struct rules *rules);
void summary_note_after_failure(struct summaries *s, const struct rules *rules,
				bool chain);

#endif
