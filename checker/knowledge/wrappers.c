// SPDX-License-Identifier: GPL-2.0
/*
 * wrappers.c - whether a function wraps an acquire, from its returns.
 *
 * Takes what the engine saw at each return of one function; gives the
 * summaries a wrapper rule for it (summary_set_wrapper()), or nothing.
 */
#include "wrappers.h"

#include <string.h>

void wrapper_not(struct wrapper_learner *w)
{
	w->no_wrapper = true;
}

void wrapper_error_return(struct wrapper_learner *w, unsigned values)
{
	w->fails_with |= values;
}

/* The failures an acquire of @kind reports, as value classes. */
static unsigned failure_mask(enum success_kind kind)
{
	return success_initial_mask(kind) & ~success_ok_mask(kind);
}

void wrapper_gives_handle(struct wrapper_learner *w, const struct pair *pair,
			  bool untested, enum success_kind success, bool shared)
{
	w->shared |= shared;
	if (w->gives && w->gives != pair) {
		w->no_wrapper = true;
		return;
	}
	w->gives = pair;
	/* Returned untested: its own failures are the wrapper's. */
	if (untested)
		w->fails_with |= failure_mask(success);
}

static bool has_gift(const struct wrapper_learner *w, const struct gift *g)
{
	unsigned i;

	for (i = 0; i < w->ngifts; i++)
		if (w->gifts[i].pair == g->pair && w->gifts[i].arg == g->arg &&
		    w->gifts[i].member == g->member)
			return true;
	return false;
}

/*
 * Every success return that leaves resources must leave the same ones;
 * one that leaves none set up nothing (an optional part, or no wrapper:
 * wrapper_publish() decides).
 */
void wrapper_leaves_in_members(struct wrapper_learner *w,
			       const struct gift *found, unsigned n)
{
	unsigned i;

	if (!n) {
		w->bare_success = true;
		return;
	}
	if (n > MAX_GIFTS || (w->ngifts && w->ngifts != n)) {
		w->no_wrapper = true;
		return;
	}
	for (i = 0; w->ngifts && i < n; i++) {
		if (!has_gift(w, &found[i])) {
			w->no_wrapper = true;
			return;
		}
	}
	memcpy(w->gifts, found, n * sizeof(*found));
	w->ngifts = n;
	w->gives = found[0].pair;
}

void wrapper_found_set(struct wrapper_learner *w, int arg, const char *member)
{
	if (w->nfound_set == MAX_FOUND_SET) {
		w->no_wrapper = true;	/* too many to tell */
		return;
	}
	w->found_set[w->nfound_set++] = (struct gift){ NULL, arg, member };
}

/* Did a return that gave nothing find @g's member set already? */
static bool gift_found_set(const struct wrapper_learner *w, const struct gift *g)
{
	unsigned i;

	for (i = 0; i < w->nfound_set; i++)
		if (w->found_set[i].arg == g->arg && w->found_set[i].member == g->member)
			return true;
	return false;
}

static enum success_kind success_of_failures(unsigned fails)
{
	switch (fails & (VAL_NEG | VAL_ZERO)) {
	case VAL_ZERO:
		return SUCCESS_NONNULL;
	case VAL_NEG:
		return SUCCESS_ERRPTR;
	case VAL_NEG | VAL_ZERO:
		return SUCCESS_ERRPTR_OR_NULL;
	default:
		return SUCCESS_ALWAYS;
	}
}

/*
 * A function whose every success return gives a resource of one pair is
 * a wrapper of that pair's acquire for its callers, whose exploration
 * comes later (summary_bottom_up()).  A function cut short by a bound
 * is not.
 */
void wrapper_publish(const struct wrapper_learner *w, struct summaries *s,
		     const char *name, bool complete, bool optional)
{
	struct handle_spec ret = { .kind = HANDLE_RETURN };
	const struct pair *pairs[MAX_GIFTS];
	const char *members[MAX_GIFTS];
	int args[MAX_GIFTS];
	unsigned i;

	if (!w->gives || w->no_wrapper || !complete)
		return;
	if (!w->ngifts) {
		summary_set_wrapper(s, name, w->gives,
				    success_of_failures(w->fails_with), ret,
				    !w->shared);
		return;
	}
	/* A void function tells its callers nothing: no optional part. */
	if (w->bare_success && (!optional || w->always))
		return;
	for (i = 0; i < w->ngifts; i++) {
		/* "if (priv->rings) return 0;": set up before, not by it. */
		if (gift_found_set(w, &w->gifts[i]))
			return;
		pairs[i] = w->gifts[i].pair;
		args[i] = w->gifts[i].arg;
		members[i] = w->gifts[i].member;
	}
	summary_set_member_wrapper(s, name, pairs, args, members, w->ngifts,
				   w->always ? SUCCESS_ALWAYS : SUCCESS_ZERO);
}
