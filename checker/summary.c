// SPDX-License-Identifier: GPL-2.0
/*
 * summary.c - which rule pairs each function of the TU may release.
 *
 * Computed once per TU: the pairs a function releases by direct calls,
 * then grown along calls between the TU's functions until nothing
 * changes (helpers calling helpers).  The sets are bitmaps over pairs.
 *
 * Also which functions are stable: they return a value, write nothing
 * but their own locals, and call only stable functions (the rules'
 * "stable:" list or other stable functions of the TU), so two calls with
 * the same arguments agree: mmc_card_is_removable(),
 * efi_rt_services_supported().
 */
#include "summary.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

struct fn_summary {
	const char *name;
	unsigned long *releases;	/* bitmap over rule pairs */
	const char **callees;		/* calls to functions of this TU */
	unsigned ncallees, capcallees;
	bool stable;			/* cleared by any effect seen */
};

struct summaries {
	struct fn_summary *fns;
	unsigned n, words;
	struct ptrvec released_globals;	/* names, interned */
};

static const struct fn_summary *find(const struct summaries *s, const char *name)
{
	unsigned i;

	for (i = 0; name && i < s->n; i++)
		if (s->fns[i].name == name)
			return &s->fns[i];
	return NULL;
}

static void set_bit_of(unsigned long *map, unsigned bit)
{
	map[bit / (8 * sizeof(long))] |= 1UL << (bit % (8 * sizeof(long)));
}

/* kobject_put(efi_kobj): a global the TU releases somewhere. */
static void note_released_global(struct summaries *s, const struct ir *call,
				 const struct rule_fn *rule)
{
	const struct ir *arg;
	unsigned n = (unsigned)rule->handle.arg;

	if (rule->handle.kind != HANDLE_ARG || n >= call->nkids)
		return;
	arg = call->kids[n];
	if (arg->kind == IR_VAR && (arg->flags & IR_F_GLOBAL) && arg->name)
		ptrvec_push(&s->released_globals, (void *)arg->name);
}

/* Is @lhs the function's own variable, or a part of one? */
static bool local_lvalue(const struct ir *lhs)
{
	while ((lhs->kind == IR_MEMBER && !(lhs->flags & IR_F_ARROW)) ||
	       lhs->kind == IR_INDEX)
		lhs = lhs->kids[0];
	return lhs->kind == IR_VAR && !(lhs->flags & IR_F_GLOBAL);
}

static bool stable_callee(const struct summaries *s, const struct ir *call,
			  const struct rules *rules)
{
	const struct rule_fn *rule = call->name ? rules_lookup(rules, call->name) : NULL;

	if (rule)
		return rule->role == ROLE_STABLE || rule->role == ROLE_TRANSPARENT ||
		       rule->role == ROLE_ERROR_VALUE || rule->role == ROLE_PREDICATE;
	return call->name && find(s, call->name);	/* settled by propagation */
}

/* Does @e, by itself, keep its function from being stable? */
static bool has_effect(const struct summaries *s, const struct ir *e,
		       const struct rules *rules)
{
	switch (e->kind) {
	case IR_ASSIGN:
	case IR_UPDATE:
		return !local_lvalue(e->kids[0]);
	case IR_CALL:
		return !stable_callee(s, e, rules);
	case IR_NOP:
		return e->flags & IR_F_EFFECTS;		/* asm */
	default:
		return false;
	}
}

static void scan(struct summaries *s, struct fn_summary *fs, const struct ir *e,
		 const struct rules *rules)
{
	const struct rule_fn *rule;
	unsigned i;

	if (!e)
		return;
	if (has_effect(s, e, rules))
		fs->stable = false;
	if (e->kind == IR_CALL && e->name) {
		for (rule = rules_lookup(rules, e->name); rule; rule = rule->next) {
			if (rule->role != ROLE_RELEASE)
				continue;
			set_bit_of(fs->releases, rule->pair->index);
			note_released_global(s, e, rule);
		}
		if (find(s, e->name)) {
			if (fs->ncallees == fs->capcallees) {
				fs->capcallees = fs->capcallees ? fs->capcallees * 2 : 8;
				fs->callees = xrealloc(fs->callees,
					fs->capcallees * sizeof(*fs->callees));
			}
			fs->callees[fs->ncallees++] = e->name;
		}
	}
	for (i = 0; i < e->nkids; i++)
		scan(s, fs, e->kids[i], rules);
}

/*
 * One round of releases(f) |= releases(g) for every call f -> g, and of
 * f unstable when g is.
 */
static bool propagate(struct summaries *s)
{
	bool changed = false;
	unsigned i, k, w;

	for (i = 0; i < s->n; i++) {
		struct fn_summary *fs = &s->fns[i];

		for (k = 0; k < fs->ncallees; k++) {
			const struct fn_summary *callee = find(s, fs->callees[k]);

			if (fs->stable && !callee->stable) {
				fs->stable = false;
				changed = true;
			}
			for (w = 0; w < s->words; w++) {
				unsigned long add = callee->releases[w] & ~fs->releases[w];

				if (add) {
					fs->releases[w] |= add;
					changed = true;
				}
			}
		}
	}
	return changed;
}

struct summaries *summaries_build(struct ir_func *const *fns, unsigned n,
				  const struct rules *rules)
{
	struct summaries *s = xcalloc(1, sizeof(*s));
	unsigned i;

	s->n = n;
	s->words = (rules_pair_count(rules) + 8 * sizeof(long) - 1) / (8 * sizeof(long));
	s->fns = xcalloc(n, sizeof(*s->fns));
	for (i = 0; i < n; i++) {
		s->fns[i].name = fns[i]->name;
		s->fns[i].releases = xcalloc(s->words ? s->words : 1, sizeof(long));
		s->fns[i].stable = fns[i]->ret != RET_VOID && fns[i]->body;
	}
	for (i = 0; i < n; i++)
		scan(s, &s->fns[i], fns[i]->body, rules);
	while (propagate(s))
		;
	return s;
}

void summaries_free(struct summaries *s)
{
	unsigned i;

	if (!s)
		return;
	for (i = 0; i < s->n; i++) {
		free(s->fns[i].releases);
		free(s->fns[i].callees);
	}
	free(s->fns);
	ptrvec_free(&s->released_globals);
	free(s);
}

bool summary_may_release(const struct summaries *s, const char *name,
			 const struct pair *pair)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned bit = pair->index;

	/* Inferred pairs (an overlay's) are numbered past the summaries. */
	if (!fs || bit >= s->words * 8 * sizeof(long))
		return false;
	return (fs->releases[bit / (8 * sizeof(long))] >>
		      (bit % (8 * sizeof(long)))) & 1;
}

bool summary_releases_any(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;
	unsigned w;

	for (w = 0; fs && w < s->words; w++)
		if (fs->releases[w])
			return true;
	return false;
}

bool summary_global_released(const struct summaries *s, const char *name)
{
	size_t i;

	for (i = 0; s && name && i < s->released_globals.len; i++)
		if (!strcmp(s->released_globals.items[i], name))
			return true;
	return false;
}

bool summary_is_stable(const struct summaries *s, const char *name)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs->stable;
}
