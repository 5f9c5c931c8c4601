/* SPDX-License-Identifier: GPL-2.0 */
/*
 * models.h - the named modelling decisions of the engine.
 *
 * Each lesson learnt from real code that makes ladder say less (a
 * resource is not owed, a path is not taken) is a model with a name, a
 * one-line reason (ladder --help=models), a switch (--model=-NAME) and
 * lit tests (test/models/, and the corpus lessons that first needed it).  A resource a model
 * silences carries the model as its escape reason, so --stats counts
 * what each model silenced and --explain says which one and where.
 */
#ifndef LADDER_MODELS_H
#define LADDER_MODELS_H

#include <stdbool.h>
#include <stdio.h>

enum model_id {
	MODEL_CALLER_CLEANS,
	MODEL_PERMANENT_GLOBAL,
	MODEL_HELPER_RELEASES,
	MODEL_RESTORE_MARKER,
	MODEL_KEEP_WHEN_SKIPPED,
	MODEL_DISCARDED_RESULT,
	MODEL_OWED_IF_RELEASED,
	MODEL_STABLE_CALLS,
	MODEL_CANNOT_FAIL,
	MODEL_OLDER_GLOBAL,
	MODEL_HELD_BY_NAME,
	MODEL_SAME_RELATION,
	MODEL_KNOWN_SIDE,
	MODEL_JOINED_EXCLUSIONS,
	MODEL_VOID_SETUP,
	MODEL_LOCK_SETUP,
	MODEL_LENT_PARAMS,
	MODEL_CLEARED_HOLDER,
	MODEL_EMBEDDED_HOLDER,
	MODEL_PASSED_UP,
	MODEL_LOOP_ELEMENTS,
	MODEL_PENDING_ALIKE,
	MODEL_HELPER_TAKES,
	MODEL_HELD_BY_MIRROR,
	MODEL_HEADER_INLINES,
	MODEL_CALLER_CHAIN,
	MODEL_OUT_NULL_ON_FAILURE,
	MODEL_ACTION_RELEASES,
	MODEL_CALLER_PUTS,
	MODEL_HELD_QUERY,
	MODEL_ADDRESS_ALIAS,
	MODEL_RELEASED_RESULT,
	MODEL_OWNER_FREES,
	MODEL_LAZY_CACHE,
	MODEL_VALUE_RANGES,
	MODEL_CROSS_FILE,
	MODEL_MANAGED_NAMES,
	MODEL_LOOP_CARRIED,
	MODEL_EMBEDDED_ALIAS,
	MODEL_EMBEDDED_HANDLE,
	MODEL_TEARDOWN_UNDOES,
	MODEL_DROP_NAMED,
	MODEL_HANDED_ON_SOME_PATH,
	MODEL_COPIED_MEMBER,
	MODEL_HELPER_STORES,
	MODEL_HELD_THROUGH,
	MODEL_RESIZED_MEMBER,
	MODEL_ERROR_LABEL,
	MODEL_INLINE_WRAPPERS,
	MODEL_HANDED_ON_SUCCESS,
	MODEL_FLAG_BITS,
	MODEL_CLEARED_AFTER_CALL,
	MODEL_CONTENTS_FOLLOW,
	MODEL_TABLED_CALLERS,
	MODEL_BRACKETED_RELEASE,
	MODEL_SIZED_BUFFER,
	MODEL_OFFSET_NONNULL,
	MODEL_UNDONE_IN_FILE,
	MODEL_OPTIONAL_SETUP,
	MODEL_TESTED_RETURN,
	MODEL_MEMBER_KEPT,
	MODEL_CLEARED_AFTER_MEMBER,
	MODEL_MANAGED_WITH,
	NR_MODELS
};

/*
 * Why a resource is not owed on this path.  ESC_NONE: it is.  The
 * reasons below ESC_MODEL are facts of C or of the rules; from
 * ESC_MODEL on, ESC_MODEL + id names the model that decided.
 */
enum escape {
	ESC_NONE,
	ESC_UNTRACKED,		/* stored where ladder cannot follow it */
	ESC_ADDRESS_PASSED,	/* &x went to a call that may change x */
	ESC_HAND_OFF,		/* a rule says the callee takes it */
	ESC_IMPLICIT,		/* a rule's call released it on its way */
	ESC_SCOPE_END,		/* the __free() variable holding it went out of scope */
	ESC_MODEL,
};

struct model {
	const char *name;
	const char *reason;
};

extern const struct model models[NR_MODELS];

bool model_on(enum model_id id);
/* "-NAME" switches a model off, "NAME" or "+NAME" on; comma lists too. */
bool models_configure(const char *spec, char **err);
/* --model=... options that reproduce the current switches, or NULL. */
char *models_options(void);
void models_print(FILE *out);

/* The escape reason of a model, and back. */
static inline unsigned char model_escape(enum model_id id)
{
	return (unsigned char)(ESC_MODEL + id);
}

const char *escape_reason_name(unsigned char reason);
/* Model @id silenced one owed resource. */
void model_count_silenced(unsigned char reason);
unsigned long model_silenced(enum model_id id);

#endif
