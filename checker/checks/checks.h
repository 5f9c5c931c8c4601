/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The checks.  Each lives in its own file, registers the events it cares
 * about, and owns one stable name that appears in every warning it makes
 * ("[ladder-leak]") so users can filter and suppress by it.
 */
#ifndef LADDER_CHECKS_H
#define LADDER_CHECKS_H

#include <stdlib.h>

#include "engine.h"

struct checker {
	const char *name;
	const char *summary;		/* one line */
	const char *help;		/* what it means and how to fix it */
	/* Off unless --enable names it: not yet precise enough (docs/quality.md). */
	bool off_by_default;
	/* A release call was evaluated (before it takes effect). */
	void (*release)(struct check_ctx *ctx, const struct release_event *ev);
	/* The path returns something other than an error at @where. */
	void (*other_return)(struct check_ctx *ctx, struct ir_loc where);
	/* The path returns an error at @where. */
	void (*error_return)(struct check_ctx *ctx, struct ir_loc where);
};

extern const struct checker check_leak;
extern const struct checker check_pinned_release;
extern const struct checker check_double_release;
extern const struct checker check_release_unacquired;
extern const struct checker check_devm_release;
extern const struct checker check_mirror_leak;
extern const struct checker check_mirror_pinned_release;
extern const struct checker check_exemplar_leak;
extern const struct checker check_lock_held;
extern const struct checker check_lost_handle;

/*
 * leak.c: why @r is not owed at a return: ESC_NONE when it is, the
 * engine's escape reason or a model (engine/models.h), or NOT_HELD for
 * what is not held at all (failed, released, managed, NULL).
 */
#define NOT_HELD 0xff
unsigned char why_not_owed(struct check_ctx *ctx, const struct resource *r);
/*
 * Is @r owed at the return @where?  When a model is why not, it is
 * counted for --stats and said with --explain.
 */
bool owed_at_return(struct check_ctx *ctx, const struct resource *r,
		    struct ir_loc where);

/* leak.c: warn, as @check, of what pairs of @origin still owe at @where. */
void report_leaks(struct check_ctx *ctx, struct ir_loc where,
		  enum pair_origin origin, const char *check);

extern const struct checker *const all_checkers[];
extern const unsigned nr_checkers;

/* Does this run use @c (--enable, --disable, or its default)? */
bool check_enabled(const struct checker *c);
/* --enable=NAME,... (@on) or --disable=NAME,...; false with *err for a name no check has. */
bool checks_configure(const char *names, bool on, char **err);
/* The --enable= (@on) or --disable= option this run was given, or NULL. */
char *checks_option(bool on);

#endif
