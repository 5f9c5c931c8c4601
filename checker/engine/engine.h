/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The path engine: walks a function's CFG path by path, keeping a state
 * (state.h), applying each call's meaning from the rules, and handing
 * events to the checks (checks/).  The engine decides what happened; the
 * checks decide what is worth a warning.
 */
#ifndef LADDER_ENGINE_H
#define LADDER_ENGINE_H

#include <stdbool.h>
#include "ir.h"
#include "report.h"
#include "rules.h"
#include "state.h"
#include "summary.h"
#include "util.h"

struct limits {
	unsigned max_steps;		/* block visits per function */
	unsigned max_block_states;	/* distinct states kept per block */
	double max_seconds;		/* per function */
	double max_tu_seconds;		/* per translation unit, 0: none */
};

/*
 * What a check sees at an event: one path at one point, read through the
 * services below, never through the state's arrays.
 */
struct check_ctx;

enum release_kind {
	REL_LIVE,	/* releases a resource this path holds */
	REL_RELEASED,	/* ... that this path already released */
	REL_FAILED,	/* ... whose acquire failed on this path */
	REL_NEVER,	/* ... that this path never acquired */
	REL_MANAGED,	/* by hand, what the driver core releases (devm) */
};

struct release_event {
	const struct ir *call;
	const struct rule_fn *rule;	/* the release's rule */
	enum release_kind kind;
	struct resource *res;		/* NULL for REL_NEVER */
	const char *handle;		/* the argument as written, or NULL */
	unsigned handle_mask;		/* what the handle may be */
};

/* The context one function is analysed in. */
struct engine_env {
	const struct rules *rules;
	struct summaries *summaries;	/* of the function's TU; learns wrappers */
	const struct limits *limits;
	struct report *report;
	struct strtab *strings;			/* outlives the report */
	struct ap_table *paths;			/* the run's access paths */
	bool explain;				/* say what models silenced */
	bool all_paths;				/* a warning per return, not per cause */
	/*
	 * By pair index, base rules only: 1 where the file calls one of
	 * the pair's managed-with functions (model managed-with).
	 */
	const unsigned char *managed_here;
	unsigned nmanaged_here;
};

/* Analyse one function; findings go to env->report. */
void engine_run(struct ir_func *fn, const struct engine_env *env,
		struct arena *arena);

/* ---- services for checks ---- */

/* The path's resources, @i from 0 up; NULL past the last. */
const struct resource *path_resource(const struct check_ctx *ctx, unsigned i);
#define for_each_path_resource(ctx, i, r) \
	for ((i) = 0; ((r) = path_resource((ctx), (i))); (i)++)
/*
 * Is @r, live, held by local variables only: a pair whose handle is the
 * only way to it, a handle that never went into a member, a global or
 * a call that may keep it?  Returning then loses it.
 */
bool resource_only_local(const struct check_ctx *ctx, const struct resource *r);
/*
 * The lost-handle finding @f about @r was made: withdrawn once the
 * function is explored if another path handed @r beyond its locals.
 */
void resource_lost_reported(struct check_ctx *ctx, const struct resource *r,
			    struct finding *f);
/* At an error return: is the value returned an errno (not NULL)? */
bool returns_errno(const struct check_ctx *ctx);
/*
 * Is @r's handle held by a __free() variable, released when its scope
 * ends?  Not once ownership left it (no_free_ptr() sets it to NULL).
 */
bool resource_scope_managed(const struct check_ctx *ctx,
			    const struct resource *r);
/*
 * Did the code test @r's acquire for one exact errno and carry on?
 * "if (ret < 0 && ret != -ENOTCONN) goto err;"
 */
bool resource_failed_with_known_errno(const struct check_ctx *ctx,
				      const struct resource *r);

/*
 * Model @reason (enum escape, engine/models.h) kept @r, owed otherwise,
 * from being reported at the error return @where: counted once per
 * function, resource and model for --stats, and said with --explain.
 */
void resource_silenced(const struct check_ctx *ctx, const struct resource *r,
		       unsigned char reason, struct ir_loc where);

/* The acquire as the source names it: "kzalloc", not "kzalloc_noprof". */
const char *resource_acquire_name(const struct resource *r);
/* The call that undoes @r: "free_pages_exact". */
const char *resource_release_name(const struct resource *r);
/* One call that undoes both: "clk_disable_unprepare", or NULL. */
const char *resources_release_name(const struct check_ctx *ctx,
				   const struct resource *a,
				   const struct resource *b);
const char *analysis_function(const struct check_ctx *ctx);
/* The rules the function is analysed with. */
const struct rules *analysis_rules(const struct check_ctx *ctx);
/* Does the function call a release of @pair anywhere (not implicitly)? */
bool function_releases_pair(const struct check_ctx *ctx, const struct pair *pair);
/*
 * Does another function of the file release @r's pair from the member
 * @r is kept in, by its name, without acquiring the pair: an undo
 * (sun8i_hdmi_phy_deinit() asserting phy->rst_phy)?  Model
 * undone-in-file.
 */
bool file_undoes_member(const struct check_ctx *ctx, const struct resource *r);
/*
 * Does the function release @pair on a way to a return that says
 * success (a void function's, or "return 0;")?
 */
bool releases_before_success(const struct check_ctx *ctx, const struct pair *pair);
/* Does the function's mirror-named undo in the TU release @pair? */
bool mirror_function_releases(const struct check_ctx *ctx, const struct pair *pair);
/*
 * Is @r's handle an argument known to be NULL here?  Then the acquire had
 * nothing to act on: clk_prepare_enable(NULL) and reset_control_deassert(NULL)
 * are no-ops for optional clocks and resets.
 */
bool resource_handle_is_null(const struct check_ctx *ctx, const struct resource *r);
/* Did this path get here through a label (an error ladder)? */
bool path_entered_label(const struct check_ctx *ctx);
/*
 * Does a later statement of @call's block acquire @rule's pair through
 * the same place again, so that the release only brackets what comes
 * between (model bracketed-release)?
 */
bool release_bracketed(const struct check_ctx *ctx, const struct ir *call,
		       const struct rule_fn *rule);

/*
 * Report a finding of @check at @at about @r (may be NULL), identified by
 * @key for de-duplication; takes @message.  Path notes from @r's acquire
 * to here are attached.  Returns NULL if it duplicates an earlier one.
 */
struct finding *check_emit(struct check_ctx *ctx, const char *check,
			   struct ir_loc at, const struct resource *r,
			   const char *key, char *message);
/*
 * The same for a release call at @at: one finding per call, whichever
 * release check meets it first, so a call is never both released twice
 * and released unacquired.
 */
struct finding *check_emit_release(struct check_ctx *ctx, const char *check,
				   struct ir_loc at, const struct resource *r,
				   char *message);
/*
 * The same for a resource owed at the return @where: one finding per
 * @cause (the resource and what is missing), the other returns noted on
 * it with the text @also; with --all-paths, one per return.
 */
struct finding *check_emit_return(struct check_ctx *ctx, const char *check,
				  struct ir_loc where, const struct resource *r,
				  const char *cause, char *message, const char *also);

#endif
