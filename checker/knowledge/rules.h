/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The resource-pair database, loaded from YAML files in rules/.
 *
 * Everything ladder knows about kernel APIs lives in those files: which
 * calls acquire and release, how an acquire reports failure, where the
 * handle is, what an acquire pins, which calls just pass a value through,
 * and which calls test a value.  The engine only asks this module about a
 * callee's name.
 */
#ifndef LADDER_RULES_H
#define LADDER_RULES_H

#include <stdbool.h>

/*
 * Values are tracked as a set of sign classes.  An ERR_PTR is a small
 * negative number when read as a long, so one set serves integers and
 * pointers: NULL is ZERO, a valid pointer POS, an error pointer NEG.
 */
#define VAL_NEG		0x1
#define VAL_ZERO	0x2
#define VAL_POS		0x4
#define VAL_ANY		(VAL_NEG | VAL_ZERO | VAL_POS)

enum success_kind {
	SUCCESS_NONNULL,	/* NULL (0) on failure */
	SUCCESS_ERRPTR,		/* ERR_PTR on failure */
	SUCCESS_ERRPTR_OR_NULL,	/* ERR_PTR or NULL on failure */
	SUCCESS_ZERO,		/* 0 on success, -errno on failure */
	SUCCESS_NONNEG,		/* >= 0 on success, -errno on failure */
	SUCCESS_POSITIVE,	/* > 0 on success (a count), <= 0 on failure */
	SUCCESS_ALWAYS,		/* acquired even when it reports failure */
};

enum handle_kind {
	HANDLE_NONE,		/* the pair alone: ffa_rxtx_unmap() */
	HANDLE_RETURN,		/* p = kmalloc(...) */
	HANDLE_ARG,		/* clk_prepare_enable(clk) */
	HANDLE_ARG_OUT,		/* request_firmware(&fw, ...) */
	HANDLE_ARG_MEMBER,	/* priv->rings of foo_alloc_rings(priv); args.np of
				   of_parse_phandle_with_args(..., &args) */
};

struct handle_spec {
	enum handle_kind kind;
	int arg;
	const char *member;	/* HANDLE_ARG_MEMBER: of what arg points to; interned */
};

enum rule_role {
	ROLE_ACQUIRE,
	ROLE_RELEASE,
	ROLE_TRANSPARENT,	/* returns argument .arg unchanged */
	ROLE_ERROR_VALUE,	/* returns argument .arg, which is an error */
	ROLE_PREDICATE,		/* true exactly for values in .mask */
	ROLE_TAKES,		/* only takes ownership of arguments (.takes) */
	ROLE_STABLE,		/* the same result for the same arguments */
	ROLE_QUERY,		/* true while .pair is held on .handle */
	ROLE_STORES,		/* keeps argument .arg in argument .into's .member */
	ROLE_BORROWS,		/* uses the pointers it is given, keeps none */
};

struct pair;

/* Where a pair comes from: a rules file, or inference over the TU. */
enum pair_origin {
	PAIR_RULE,
	PAIR_MIRROR,	/* init/probe's call undone by exit/remove */
	PAIR_EXEMPLAR,	/* one error path of the function undoes it */
};

struct rule_fn {
	const char *name;
	enum rule_role role;
	/*
	 * acquire: learned from code (a wrapper, a call whose result an
	 * unwind releases), not written in the rules; and then whether
	 * what it returns is only its caller's (the wrapper kept the
	 * handle in locals until it returned it), which a handle-only
	 * pair's acquire from the rules always is.
	 */
	bool learned, learned_local;
	const struct pair *pair;	/* acquire and release */
	enum success_kind success;	/* acquire */
	struct handle_spec handle;	/* acquire and release */
	unsigned pins;			/* acquire: bit N pins argument N */
	unsigned takes;			/* bit N: takes what argument N holds */
	/*
	 * takes-ownership: takes it only when the call succeeds, as
	 * .takes_if says (idr_alloc() stores nothing when it fails);
	 * otherwise whatever the call returns.
	 */
	bool takes_on_success;
	enum success_kind takes_if;
	/*
	 * 1 + N: argument N is a function the call runs, now or later (a
	 * devm action): what that function releases is the call's; 0: none.
	 */
	unsigned runs;
	/* acquire: 1 + N: returns argument N itself (get_device()); 0: no */
	unsigned returns;
	bool implicit;			/* release: undoes it as a side effect */
	/*
	 * release: its own "null-safe:" (1 or 0) where it differs from the
	 * pair's (device_unregister(NULL) oopses, put_device(NULL) does
	 * nothing), or -1; and whether it does nothing with NULL or an
	 * error pointer (platform_device_unregister() tests
	 * IS_ERR_OR_NULL()).
	 */
	signed char null_safe;
	bool err_safe;
	/* release: does nothing with what a failed acquire left in place */
	bool failed_safe;
	int null_arg;			/* acquire: NULL when this argument is, or -1 */
	/*
	 * acquire: the member of its handle's object that also holds its
	 * result, until the object is passed on ("status-in: error":
	 * v4l2_ctrl_handler_init(&hdl, n) leaves it in hdl.error); or NULL
	 */
	const char *status_member;
	const char *member;		/* stores: the member's name */
	int arg;			/* transparent, error value, predicate, stores */
	int into;			/* stores: the object's argument */
	unsigned mask;			/* predicate */
	bool errno_result;		/* predicate: true is an errno, not 1 */
	/*
	 * acquire: the release that undoes this acquire, for messages
	 * (spin_unlock_irq() for spin_lock_irq()): "remedy:" in the rules,
	 * else the pair's release whose name mirrors this one, else NULL
	 * (the pair's first release).
	 */
	const struct rule_fn *remedy;
	const char *remedy_name;	/* as written, until resolved */
	/* acquire inferred from the file (rules_add_acquire()): its evidence */
	const char *why;
	unsigned remedy_line;
	struct rule_fn *next;		/* same name, other pair */
};

/*
 * The pair's release frees what the object keeps in .member too, when
 * its .flag member has .bits set: usb_free_urb() and URB_FREE_BUFFER.
 */
struct member_freed {
	const char *member, *flag;
	unsigned long long bits;
};

struct pair {
	const char *name;
	const char *description;	/* optional, for people */
	const char *file;		/* where it is defined */
	unsigned line;
	bool null_safe;			/* release(NULL) is a no-op */
	bool owed_if_released;		/* owed only where the function releases it */
	bool every_return;		/* owed on every return, not only on errors */
	bool managed;			/* devm: the driver core releases it */
	/*
	 * Managed in a file that calls one of these: the kernel's "hybrid"
	 * functions, plain unless the device was enabled managed
	 * (pci_request_regions() after pcim_enable_device()).
	 */
	const char **managed_with;
	unsigned nmanaged_with;
	/*
	 * A put of the object it is part of does not end it: the acquire
	 * holds a reference of its own (device_add()), so the object is not
	 * freed while it lasts.
	 */
	bool survives_put;
	/*
	 * Its release finds by name what it undoes, and does nothing when
	 * that is not there (sysfs_remove_link() of a link never made):
	 * a handle-less release of what the path does not hold is harmless.
	 */
	bool absent_safe;
	/*
	 * Nothing but its handle reaches what it acquired (memory, a
	 * mapping, a reference taken by a lookup): once neither a
	 * variable, an object nor a call holds the handle, nobody can
	 * release it, whatever the function returns (check lost-handle).
	 */
	bool handle_only;
	const struct pair *plain;	/* managed: the pair whose release is wrong on it */
	const char *plain_name;		/* as written, until resolved */
	unsigned plain_line;
	const struct rule_fn *first_release;	/* for messages */
	struct member_freed frees_member;	/* .member NULL: none */
	unsigned index;
	enum pair_origin origin;
	/* origin: mined (ladder mine): in how many functions it was seen; 0 if curated */
	unsigned support;
};

/* Two names that go together: [map, unmap], [probe, remove]. */
struct name_pair {
	const char *acquire, *release;
};

/* Does the release @fn do nothing when given NULL? */
static inline bool release_null_safe(const struct rule_fn *fn)
{
	if (fn->err_safe)
		return true;
	return fn->null_safe >= 0 ? fn->null_safe : fn->pair->null_safe;
}

struct rules;

/*
 * Load every *.yaml file in @dir.  On failure returns NULL and puts a
 * one-line message naming file:line into @err (caller frees).
 */
struct rules *rules_load(const char *dir, char **err);
/* The same, with the files @extra (--extra-rules: mined pairs) loaded after @dir's. */
struct rules *rules_load_extra(const char *dir, const char *const *extra,
			       unsigned nextra, char **err);
void rules_free(struct rules *rules);

/*
 * Is @value an errno that says the work was queued, not that it failed
 * (pending-values: -EINPROGRESS from an asynchronous request)?
 */
bool rules_pending_value(const struct rules *r, long long value);
/* Does the function @name say, by a word of its name, it returns holding a lock? */
bool rules_name_says_held(const struct rules *r, const char *name);
/* Is @name foo_put(), foo_free(), ...: a drop-word last (model drop-named)? */
bool rules_name_drops(const struct rules *r, const char *name);
/* Is a parameter named @name a length (length-words)? */
bool rules_names_length(const struct rules *r, const char *name);
/*
 * Does the goto label @label say it handles a failure: one of its words,
 * split at '_', is one of error-label-words ("err_put_pm", "out_err")?
 */
bool rules_label_says_error(const struct rules *r, const char *label);
/*
 * Does @name begin, past any '_', with one of managed-prefixes (devm_,
 * pcim_): a function whose acquires the driver core undoes, never a
 * wrapper that leaves its caller a release to make?
 */
bool rules_name_managed(const struct rules *r, const char *name);
/* The rules for calls to @name (first of a chain), or NULL. */
const struct rule_fn *rules_lookup(const struct rules *rules, const char *name);

/*
 * Does @release undo @acquire by its name: one word a mirror verb of
 * the other's (rules/inference.yaml), the other words equal in any
 * order?  ffa_rxtx_map / ffa_rxtx_unmap, spin_lock_irq / spin_unlock_irq.
 */
bool rules_names_mirror(const struct rules *rules, const char *acquire,
			const char *release);

/* The release named in messages as what undoes the acquire @acq. */
const struct rule_fn *rules_remedy(const struct rule_fn *acq);

/* The first release of @a that releases @b too, or NULL. */
const char *rules_common_release(const struct rules *rules,
				 const struct pair *a, const struct pair *b);

unsigned rules_pair_count(const struct rules *rules);
const struct pair *rules_pair_at(const struct rules *rules, unsigned i);

/* Every function rule, in the order the files define them. */
const struct rule_fn *const *rules_functions(const struct rules *rules,
					     unsigned *n);
unsigned rules_function_count(const struct rules *rules);

/*
 * Naming conventions for inference (rules/inference.yaml): verbs that
 * undo each other in function names, and driver callbacks that undo
 * each other.
 */
const struct name_pair *rules_mirror_verbs(const struct rules *rules, unsigned *n);
const struct name_pair *rules_mirror_callbacks(const struct rules *rules,
					       unsigned *n);
/*
 * [teardown, setup] fields of an ops structure whose framework has the
 * teardown callback undo what a failed setup left: the PM core counts a
 * device resumed when its resume fails and suspends it next; ALSA calls
 * .hw_free after a failed .hw_params (rules/inference.yaml).
 */
const struct name_pair *rules_undone_after_failure(const struct rules *rules,
						   unsigned *n);
/* Prefixes of names inference never pairs (tracepoints). */
const char *const *rules_mirror_ignore(const struct rules *rules, unsigned *n);

/*
 * An overlay: rules of its own (inferred pairs) over @base, which must
 * outlive it.  Lookups try the overlay first.  Free with rules_free().
 */
struct rules *rules_overlay(const struct rules *base);

struct inferred_pair {
	const char *name, *why;		/* copied */
	const char *acquire, *release;	/* must outlive the overlay */
	enum pair_origin origin;
	enum success_kind success;
	struct handle_spec handle, release_handle;
	unsigned pins;			/* bit N: the acquire pins argument N */
};

struct pair *rules_add_inferred(struct rules *overlay,
				const struct inferred_pair *ip);
/* @name (outliving the overlay) releases @pair too, whatever it is given. */
void rules_add_release(struct rules *overlay, const struct pair *pair,
		       const char *name);

/*
 * @name (outliving the overlay) acquires @pair, returning the handle,
 * with @remedy as the release named in messages; @why (copied) says
 * what in the file showed it.
 */
void rules_add_acquire(struct rules *overlay, const struct pair *pair,
		       const char *name, enum success_kind success,
		       const struct rule_fn *remedy, const char *why);
/* The rules' word for @kind: "nonnull", "errptr", ... */
const char *success_name(enum success_kind kind);

/* Masks of values an acquire may return, and of those meaning success. */
unsigned success_initial_mask(enum success_kind kind);
unsigned success_ok_mask(enum success_kind kind);

#endif
