/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pairs no rule names, inferred from the translation unit itself:
 *
 *  - mirror: what a module's exit function or a driver's remove callback
 *    undoes is what its init or probe function set up.  A call of init
 *    whose name mirrors a call of exit (ffa_rxtx_map / ffa_rxtx_unmap)
 *    is an acquire that init's error paths owe.
 *  - exemplar: a call one error path of a function undoes (it calls
 *    foo_destroy(x) after x = foo_create()) is owed by the function's
 *    other error paths too.
 *
 * The result is one rules overlay per function that has inferred pairs;
 * the leak checks report them under their own names (mirror-leak,
 * exemplar-leak) so users can filter them.
 */
#ifndef LADDER_INFER_H
#define LADDER_INFER_H

#include "ir.h"
#include "rules.h"

struct inference;

/*
 * Two functions of the TU: @teardown undoes what @setup does (a driver's
 * .probe and .remove).  @setup is NULL for a module's exit function: its
 * init function is the one whose name mirrors it.
 */
struct callback_pair {
	const char *setup, *teardown;
};

/*
 * @fns: the TU's @n functions, then the @ninlines inline functions of
 * its headers that it calls (bodies known: never taken by name).
 */
struct inference *infer_build(const struct rules *rules, struct ir_func *const *fns,
			      unsigned n, unsigned ninlines,
			      const struct callback_pair *callbacks,
			      unsigned ncallbacks, bool released_results);
void infer_free(struct inference *inf);

/*
 * Evidence for ladder mine, one record per function that shows a pair:
 *  - a pair inferred by name (mirror or exemplar), @known NULL;
 *  - the result of a call no rule knows, given to a known release later
 *    in the same function (skb = ieee80211_nullfunc_get(); ...
 *    consume_skb(skb)): the call acquires for @known.
 * Only calls the file does not define: a static function's name means
 * nothing in another file.
 */
struct mined {
	const char *acquire, *release;
	const struct pair *known;
	struct handle_spec handle, release_handle;
	enum success_kind success;
	const char *function;
	struct ir_loc loc;		/* the acquire */
	bool in_ladder;			/* the release is after a label */
};

void infer_evidence(const struct inference *inf,
		    void (*found)(void *ctx, const struct mined *m), void *ctx);

/* The rules to analyse @fn with: an overlay, or NULL for the plain rules. */
const struct rules *infer_rules_for(const struct inference *inf,
				    const struct ir_func *fn);

#endif
