/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the functions of the translation unit do, for their callers: what
 * each may release, directly or through the static helpers it calls (a
 * resource handed to "linehandle_free(lh)" may be released there, so it
 * is no longer owed on that path); which globals some function releases;
 * which are stable; how each can fail; which wrap an acquire; and an
 * order to explore them in, callees first.
 */
#ifndef LADDER_SUMMARY_H
#define LADDER_SUMMARY_H

#include <stdbool.h>
#include "ir.h"
#include "rules.h"

struct summaries;
struct summary_db;
struct strtab;

/*
 * The summary database a TU's summaries take other files' from, and give
 * its own to (summary_link.c): @db (NULL: none), the TU's name in it,
 * and the string table the TU's names are interned in.
 */
struct summary_link {
	struct summary_db *db;
	const char *file;
	struct strtab *strings;
};

/*
 * @caller_chain: what cleans after a caller's failure cleans after the
 * callees whose failure it passes on (model caller-chain).  @drop_named:
 * a call of another file no rule knows, given one object and named for
 * dropping it, takes it (model drop-named), so a function making that
 * call takes its parameter too.  @link, or NULL: the functions of other
 * files the TU calls, as the database says.
 */
struct summaries *summaries_build(struct ir_func *const *fns, unsigned n,
				  const struct rules *rules, bool caller_chain,
				  bool drop_named, const struct summary_link *link);
void summaries_free(struct summaries *s);

/* May a call to @name release a resource of @pair? */
bool summary_may_release(const struct summaries *s, const char *name,
			 const struct pair *pair);
/*
 * @setup and @teardown are callbacks of one ops structure whose framework
 * runs @teardown after @setup fails, or counts @setup done regardless
 * (rules' undone-after-failure): what a failed @setup leaves, @teardown
 * undoes.  summary_teardown_of() gives @teardown back, or NULL.
 */
void summaries_note_teardown(struct summaries *s, const char *setup,
			     const char *teardown);
/*
 * A file-scope initialiser names @name (an ops table's callback): it is
 * called through the table, from other files.
 */
void summaries_note_tabled(struct summaries *s, const char *name);
/* Named by a table and never called by the TU: its callers are elsewhere. */
bool summary_called_elsewhere(const struct summaries *s, const char *name);
const char *summary_teardown_of(const struct summaries *s, const char *name);
/*
 * Does a function of the TU that calls @callee give an object its last
 * put (put_device()), itself or through its other helpers?  Its release
 * callback frees what the object holds, whatever @callee left there.
 */
bool summary_callers_put(const struct summaries *s, const char *callee);
/*
 * May a call to @name release a resource of @pair that a member named
 * @member holds?  It releases that member by name (kfree(priv->buf)),
 * maybe through a helper, or some release of the pair names no member.
 */
bool summary_may_free_member(const struct summaries *s, const char *name,
			     const struct pair *pair, const char *member);
/*
 * May a call to @name drop a hold of @pair its caller has: does it, or
 * a helper of the file it calls, release the pair and never take it, or
 * drop it first and last (sparse's __releases() with no __acquires())?
 * A function that only takes and drops a lock for its own work, itself
 * or in its helpers, does not.
 */
bool summary_drops_held(const struct summaries *s, const char *name,
			const struct pair *pair);
/*
 * Does a function of the TU that calls @callee release a resource of
 * @pair, itself or through its other helpers (not through @callee)?  The
 * evidence that a caller cleans up what @callee leaves in the objects it
 * is given.
 */
bool summary_caller_releases(const struct summaries *s, const char *callee,
			     const struct pair *pair);
/*
 * Which of @name's parameters it hands over, itself or through its
 * helpers, to a call that takes ownership (rules' takes-ownership):
 * bit N for parameter N.  foo_remove_device(foo) calling
 * device_unregister(&foo->dev) takes foo and what it holds.
 */
unsigned summary_takes(const struct summaries *s, const char *name);
/*
 * Is there a function of the TU named as @name's undo (mirror-verbs:
 * foo_prepare() and foo_unprepare()) that releases a resource of @pair
 * and acquires none by its own calls?
 */
bool summary_mirror_releases(const struct summaries *s, const struct rules *rules,
			     const char *name, const struct pair *pair);
/* That function's name (the first one), or NULL. */
const char *summary_mirror_release(const struct summaries *s,
				   const struct rules *rules,
				   const char *name, const struct pair *pair);
/*
 * Is @call one of another file, known to no rule, given one object and
 * named for dropping it (rules' drop-words: foo_put(), foo_free())?
 * Model drop-named says it takes that object.
 */
bool summary_named_drop(const struct summaries *s, const struct rules *rules,
			const struct ir *call);
/* Does a function of the TU call @name directly? */
bool summary_called_here(const struct summaries *s, const char *name);
/*
 * Is there a function of @self's file, other than @self, that acquires
 * none of @pair by its own calls and frees a resource of @pair kept in a
 * member named @member by a statement of its body before any label: the
 * destructor of an object keeping it?  @whole: only one that frees the
 * object itself too (kfree(bus)), not a counterpart callback that takes
 * down part of it (a suspend disabling what resume enabled).
 */
bool summary_destructor_frees(const struct summaries *s, const struct rules *rules,
			      const struct ir_func *self, const struct pair *pair,
			      const char *member, bool whole);
/*
 * Does @name release a resource of @pair that global @global holds (its
 * member @member, or NULL: the global itself), itself or through the
 * TU's helpers?  tegra194_cpufreq_free_resources() destroying the
 * global read_counters_wq needs no argument to reach it.
 */
bool summary_frees_global(const struct summaries *s, const char *name,
			  const struct pair *pair, const char *global,
			  const char *member);
/*
 * Does @name release a resource of @pair (any pair: NULL) that its
 * parameter @param is or holds (kfree(t), kfree(t->buf) for t), itself
 * or through a helper?
 */
bool summary_frees_param(const struct summaries *s, const char *name,
			 const struct pair *pair, unsigned param);
/*
 * Do callers of @name, in this file or (from the database) in others,
 * release a resource of @pair from a member named @member, by their own
 * calls or through their other helpers?  The member-by-member evidence
 * that they clean what @name leaves in an object when it fails.
 */
bool summary_callers_free_member(const struct summaries *s, const char *name,
				 const struct pair *pair, const char *member);
/* Is @name's body in the TU: its own function, or a header's inline? */
bool summary_has_body(const struct summaries *s, const char *name);
/* @name's body, translated, or NULL for what is not in the TU. */
const struct ir_func *summary_body(const struct summaries *s, const char *name);
/*
 * Are the callers of @name, a static function of the TU, seen in full
 * when it fails (model passed-up: every call tests its result and the
 * failure ends in returns, up to a framework's callback)?  Then
 * *@cleaned says whether they release a resource of @pair on the way,
 * from @member or naming none.
 */
bool summary_failure_passed_up(const struct summaries *s, const char *name,
			       const struct pair *pair, const char *member,
			       bool *cleaned);
/* Is @name a function of another file, known from the summary database? */
bool summary_is_linked(const struct summaries *s, const char *name);
/*
 * Does @name, a function of the TU, keep no pointer into the object
 * its argument @k points to: does it only read, write, test and lend
 * it on to calls that keep nothing (lent.c)?
 */
bool summary_lends(const struct summaries *s, const char *name, unsigned k);
/* Does @name, of this TU or linked from the database, release anything? */
bool summary_releases_any(const struct summaries *s, const char *name);
/*
 * Does a function of the TU release what the global variable @name
 * holds, by a call naming it as the handle (destroy_workqueue(foo_wq),
 * kobject_put(efi_kobj))?
 */
bool summary_global_released(const struct summaries *s, const char *name);
/* How an int function of this TU can fail, read from its returns. */
enum fails_how {
	FAILS_UNKNOWN,		/* any way */
	FAILS_NEVER,		/* every return is a constant >= 0 */
	FAILS_IF_NULL,		/* only where parameter .param is NULL */
	FAILS_UNLESS_CASE,	/* only in "default:" of a switch on .param */
};

#define FAILS_MAX_CASES	16

struct fails {
	enum fails_how how;
	bool zero;			/* what it returns otherwise is 0 */
	int param;
	unsigned ncases;			/* FAILS_UNLESS_CASE */
	long long cases[FAILS_MAX_CASES];
};

/* How @name fails; FAILS_UNKNOWN for what is not a function of the TU. */
const struct fails *summary_fails(const struct summaries *s, const char *name);

/* Does @name, of this TU, give the same result for the same arguments? */
bool summary_is_stable(const struct summaries *s, const char *name);

/*
 * Wrappers: a function of the TU that returns, on success, what it
 * acquired (foo_alloc_desc() returning its kzalloc()), or leaves it in a
 * member of an argument and returns 0 (foo_alloc_rings(priv) setting
 * priv->rings).  The engine says so once it has explored the function;
 * calls to it are then acquires of the same pair, reporting failure as
 * @success says, with the handle @handle.
 */
void summary_set_wrapper(struct summaries *s, const char *name,
			 const struct pair *pair, enum success_kind success,
			 struct handle_spec handle, bool local);
/* The acquire rule a call to the wrapper @name stands for, or NULL. */
/*
 * The same for an int function that, at every success return (0), leaves
 * a resource of @pairs[i] in member @members[i] of its argument @args[i],
 * for i < @n: one acquire of @n parts for its callers, reporting failure
 * as @success says (SUCCESS_ALWAYS for a void function's).
 */
void summary_set_member_wrapper(struct summaries *s, const char *name,
				 const struct pair *const *pairs, const int *args,
				 const char *const *members, unsigned n,
				 enum success_kind success);
const struct rule_fn *summary_wrapper(const struct summaries *s, const char *name);
/*
 * The TU's functions in an order to explore them: each after the
 * functions of the TU it calls (cycles broken anywhere).  @order gets a
 * permutation of 0..n-1 of the functions summaries_build() was given.
 */
void summary_bottom_up(const struct summaries *s, unsigned *order);

/*
 * Give @link's database what the TU's first @nown functions (its own,
 * not the headers') do, for callers in other files, and what the TU's
 * functions clean after the functions of other files they call.
 * *@changed: whether that differs from what the file said before.
 */
bool summary_link_export(const struct summaries *s, const struct rules *rules,
			 const struct summary_link *link, unsigned nown,
			 bool *changed, char **err);

#endif
