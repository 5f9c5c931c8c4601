/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Access paths: the names a path's state binds values under.
 *
 * An access path is a root (a variable, by identity, so shadowed names
 * do not mix) followed by steps: a member through a pointer or of a
 * struct, a dereference, a constant index.  "priv->ring.buf" is
 * VAR(priv) ARROW(ring) FIELD(buf).  Three more steps name what the
 * engine keeps below an lvalue so that a store there forgets it: its
 * address (a handle: mutex_lock(&priv->lock)), a flag test
 * ("client->flags & 0x40") and a stable call's answer kept below its
 * first argument.  Markers are about a path without lying below it: a
 * store to priv->clk does not forget that the path released priv->clk
 * before acquiring it.
 *
 * Paths are interned, one table per run: equal paths are one pointer,
 * so compare them with ==, and "is p below q" walks p's bases.
 */
#ifndef LADDER_ACCESS_PATH_H
#define LADDER_ACCESS_PATH_H

#include <stdbool.h>

enum ap_kind {
	/* roots */
	AP_VAR,			/* a local or a parameter: .var */
	AP_SCOPED_VAR,		/* a __free() variable: what it holds when
				 * its scope ends is released */
	AP_MEMO_ROOT,		/* name ("f($3)"), a stable call asked of
				 * no lvalue */
	/* steps below .base */
	AP_ARROW,		/* base->name */
	AP_FIELD,		/* base.name */
	AP_DEREF,		/* *base */
	AP_INDEX,		/* base[n] */
	AP_ADDRESS,		/* &base */
	AP_FLAG,		/* base & n */
	AP_MEMO,		/* name ("f(1,$3)"), a stable call asked of base */
	AP_PENDING,		/* base holds an errno handled as pending */
	/* markers: about .base (if any), not below it */
	AP_RESTORE,		/* the path released what base holds, unacquired */
	AP_PAIR_RESTORE,	/* the path released pair .name first */
	AP_ACTION,		/* the path added devm action .name */
	AP_RELATION,		/* the relation .name ("a<b") */
	AP_ERROR_LABEL,		/* the path entered a label named for a failure */
};

struct access_path {
	unsigned id;			/* creation order: how states sort */
	unsigned char kind;		/* enum ap_kind */
	const struct access_path *base;
	int var;			/* AP_VAR, AP_SCOPED_VAR */
	long long n;			/* AP_INDEX, AP_FLAG */
	const char *name;		/* interned */
	struct access_path *next;	/* the table's hash chain */
};

struct ap_table;
struct ap_table *ap_table_new(void);
void ap_table_free(struct ap_table *t);

/*
 * The one path of @kind with these parts.  @name must be interned (its
 * pointer is its identity).
 */
const struct access_path *ap_intern(struct ap_table *t, enum ap_kind kind,
				    const struct access_path *base, int var,
				    long long n, const char *name);

static inline const struct access_path *
ap_var(struct ap_table *t, int var, bool scoped)
{
	return ap_intern(t, scoped ? AP_SCOPED_VAR : AP_VAR, 0, var, 0, 0);
}

static inline const struct access_path *
ap_step(struct ap_table *t, enum ap_kind kind, const struct access_path *base,
	long long n, const char *name)
{
	return ap_intern(t, kind, base, 0, n, name);
}

static inline const struct access_path *
ap_marker(struct ap_table *t, enum ap_kind kind, const struct access_path *of,
	  const char *name)
{
	return ap_intern(t, kind, of, 0, 0, name);
}

/* Does @p lie below its base (a step), not merely refer to it (a marker)? */
bool ap_is_step(const struct access_path *p);
/* Is @p a path strictly below @base: "p->x", "p.y", "p[1]", "p & 4"? */
bool ap_below(const struct access_path *p, const struct access_path *base);
/* @p is @base or below it. */
bool ap_within(const struct access_path *p, const struct access_path *base);
/* Does some step of @p go through a pointer ("->" or "*")? */
bool ap_through_pointer(const struct access_path *p);
/* ... or name a member ("." too)? */
bool ap_through_member(const struct access_path *p);
/* The member @p ends in ("buf" of priv->ring.buf), or NULL. */
const char *ap_last_member(const struct access_path *p);

#endif
