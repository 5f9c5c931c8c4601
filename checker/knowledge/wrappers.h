/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Wrapper learning: what a function's returns make it for its callers.
 *
 * The engine explores a function and says, at each return, what that
 * return gives: an errno or NULL, the handle of a resource it acquired,
 * or 0 with resources left in members of its arguments.  From all of
 * them this decides whether the function wraps one acquire (every
 * success return gives a resource of one pair, and the failures say
 * how it reports failure) and publishes that in the summaries, where
 * its callers, explored later, find it as a rule.
 */
#ifndef LADDER_WRAPPERS_H
#define LADDER_WRAPPERS_H

#include <stdbool.h>
#include "rules.h"
#include "summary.h"

/*
 * Members a helper may leave resources in, for its callers.  More than
 * one (foo_parse_dt() setting two nodes) was tried: it killed no mutant
 * on either part of the development corpus and added three warnings on
 * ../shared/corpus, two of them false (docs/quality.md).
 */
#define MAX_GIFTS 1
#define MAX_FOUND_SET 4

/* A resource of @pair a success return leaves in @member of argument @arg. */
struct gift {
	const struct pair *pair;
	int arg;
	const char *member;	/* interned */
};

/* What one function's returns so far give. */
struct wrapper_learner {
	const struct pair *gives;	/* the pair success returns give */
	bool no_wrapper;		/* a return gave something else */
	bool shared;			/* a success return gave a handle that
					 * had gone beyond the locals too */
	unsigned fails_with;		/* value classes error returns give */
	struct gift gifts[MAX_GIFTS];	/* an int function's, at every success */
	unsigned ngifts;		/* that gives any */
	bool bare_success;		/* a success return gave none */
	bool always;			/* a void function's: it cannot fail */
	/*
	 * Members such a return found already set ("if (priv->rings)
	 * return 0;"): what a gift there holds is not the call's own.
	 */
	struct gift found_set[MAX_FOUND_SET];
	unsigned nfound_set;
};

/* A return gave something a wrapper does not: it is none. */
void wrapper_not(struct wrapper_learner *w);
/* An error return gives a value of the classes @values (VAL_*). */
void wrapper_error_return(struct wrapper_learner *w, unsigned values);
/*
 * A success return gives the handle of a resource of @pair; @untested:
 * the path never tested its acquire, whose failures (@success) are then
 * the wrapper's.
 */
void wrapper_gives_handle(struct wrapper_learner *w, const struct pair *pair,
			  bool untested, enum success_kind success, bool shared);
/* A success return (0) leaves @n resources in members: @found. */
void wrapper_leaves_in_members(struct wrapper_learner *w,
			       const struct gift *found, unsigned n);
/* A success return that left none found @member of argument @arg set. */
void wrapper_found_set(struct wrapper_learner *w, int arg, const char *member);
/*
 * The function @name was explored (@complete: no bound cut it short):
 * publish what it wraps, if anything, in @s.  @optional: an int
 * function whose other success returns leave nothing in members still
 * wraps what the ones that do leave (model optional-setup).
 */
void wrapper_publish(const struct wrapper_learner *w, struct summaries *s,
		     const char *name, bool complete, bool optional);

#endif
