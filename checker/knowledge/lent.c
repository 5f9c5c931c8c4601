// SPDX-License-Identifier: GPL-2.0
/*
 * lent.c - which pointer parameters a function of the file only borrows.
 *
 * A function that reads and writes through a pointer parameter, tests
 * it, or lends it on to calls that keep nothing (memcpy(), the rules'
 * borrows, another such helper of the file) keeps no copy of it: when it
 * returns, the object is still only its caller's.
 * sas_host_smp_discover(sas_ha, resp_data, phy) fills resp_data and
 * keeps nothing, so a caller whose locals alone hold resp_data loses it
 * at a return that does not free it (model lent-params, in calls.c).
 *
 * Anything else keeps it: a store of the pointer, or of a pointer into
 * its object, anywhere (a local alias included); a return of it; a call
 * that may keep it; arithmetic that is not an offset; a ?: choosing it.
 * Computed from above: every parameter lent, until a body keeps one,
 * round after round (a helper calling itself lends what it lends on).
 */
#include <stdlib.h>
#include <string.h>

#include "knowledge/summary_impl.h"

struct lend_ctx {
	const struct summaries *s;
	const struct rules *rules;
	const struct ir_func *fn;
	/* by variable: does it point into the parameter's object? */
	bool *alias;
	bool grew;		/* a local became one this round */
};

/* Is @e a variable that points into the parameter's object? */
static bool is_alias(const struct lend_ctx *c, const struct ir *e)
{
	return e->kind == IR_VAR && !(e->flags & IR_F_GLOBAL) && e->id >= 0 &&
	       e->id < c->fn->nvars && c->alias[e->id];
}

/*
 * A plain local (or the parameter itself, reassigned) made to point into
 * the object: "u8 *dst = resp_data + 24 + i".  Its uses are the
 * parameter's.  One with a cleanup (__free(kfree)) releases it: no.
 */
static bool make_alias(struct lend_ctx *c, int id, unsigned flags)
{
	if (id < 0 || id >= c->fn->nvars || (flags & (IR_F_GLOBAL | IR_F_CLEANUP)))
		return false;
	if (!c->alias[id])
		c->grew = true;
	c->alias[id] = true;
	return true;
}

/* Does @e read the parameter anywhere? */
static bool mentions(const struct lend_ctx *c, const struct ir *e)
{
	unsigned i;

	if (!e)
		return false;
	if (is_alias(c, e))
		return true;
	for (i = 0; i < e->nkids; i++)
		if (mentions(c, e->kids[i]))
			return true;
	return false;
}

/*
 * Is @e a pointer into the object of the parameter: p, p + n, &p->m,
 * &p[i], p->array (decaying to its first element's address)?
 */
static bool points_into(const struct lend_ctx *c, const struct ir *e)
{
	const struct ir *base;

	if (!e)
		return false;
	if (e->kind == IR_VAR)
		return is_alias(c, e);
	/* A macro's ({ }) may give it back (container_of()): it may. */
	if (e->kind == IR_STMTEXPR)
		return mentions(c, e);
	if (e->kind == IR_OTHER && (e->flags & IR_F_OFFSET))
		return points_into(c, e->kids[0]);
	if (e->kind == IR_ADDR)
		base = e->kids[0];
	else if (e->kind == IR_MEMBER && (e->flags & IR_F_ARRAY))
		base = e;
	else
		return false;
	/* Down to the pointer an access goes through: p of p->a.b[2]. */
	while (base && ((base->kind == IR_MEMBER && !(base->flags & IR_F_ARROW)) ||
			(base->kind == IR_INDEX && (base->kids[0]->flags & IR_F_ARRAY))))
		base = base->kids[0];
	if (!base || (base->kind != IR_MEMBER && base->kind != IR_INDEX &&
		      base->kind != IR_DEREF))
		return false;
	return points_into(c, base->kids[0]);
}

/* Does a call to @call keep nothing of its argument @k? */
static bool call_lends(const struct lend_ctx *c, const struct ir *call,
		       unsigned k)
{
	const struct rule_fn *rule;
	const struct fn_summary *callee;

	if (!call->name)
		return false;
	if (!strncmp(call->name, "__builtin_", 10))
		return true;
	rule = rules_lookup(c->rules, call->name);
	if (rule)
		return rule->role == ROLE_BORROWS && !rule->next;
	callee = find(c->s, call->name);
	return callee && callee - c->s->fns < c->s->nlocal && k < 32 &&
	       (callee->lends & (1u << k));
}

static bool keeps(struct lend_ctx *c, const struct ir *e);

static bool call_keeps(struct lend_ctx *c, const struct ir *call)
{
	unsigned k;

	for (k = 0; k < call->nkids; k++) {
		if (points_into(c, call->kids[k]) && !call_lends(c, call, k))
			return true;
		if (keeps(c, call->kids[k]))
			return true;
	}
	return false;
}

/* Does @e, as it uses its kids, keep a pointer into the object? */
static bool keeps(struct lend_ctx *c, const struct ir *e)
{
	unsigned i;

	if (!e)
		return false;
	switch (e->kind) {
	case IR_CALL:
		return call_keeps(c, e);
	case IR_ASSIGN:
		if (points_into(c, e->kids[1]) &&
		    (e->kids[0]->kind != IR_VAR ||
		     !make_alias(c, e->kids[0]->id, e->kids[0]->flags)))
			return true;
		return keeps(c, e->kids[0]) || keeps(c, e->kids[1]);
	case IR_DECL:
		if (e->nkids && points_into(c, e->kids[0]) &&
		    !make_alias(c, e->id, e->flags))
			return true;
		break;
	case IR_RETURN:
		if (e->nkids && points_into(c, e->kids[0]))
			return true;
		break;
	case IR_UPDATE:
	case IR_COND:
	case IR_COMMA:
		for (i = 1; i < e->nkids; i++)
			if (points_into(c, e->kids[i]))
				return true;
		break;
	case IR_OTHER:
		if (e->flags & IR_F_OFFSET)
			break;
		for (i = 0; i < e->nkids; i++)
			if (points_into(c, e->kids[i]))
				return true;
		break;
	default:
		break;
	}
	for (i = 0; i < e->nkids; i++)
		if (keeps(c, e->kids[i]))
			return true;
	return false;
}

/* The pointer parameters of @fs's function that its body only lends. */
static unsigned lent_params(const struct summaries *s, const struct rules *rules,
			    const struct fn_summary *fs)
{
	struct lend_ctx c = { s, rules, fs->fn, NULL, false };
	unsigned param, lends = 0;
	bool kept;

	c.alias = xcalloc(fs->fn->nvars ? fs->fn->nvars : 1, sizeof(*c.alias));
	for (param = 0; param < fs->fn->nparams && param < 32; param++) {
		if (!(fs->lends & (1u << param)))
			continue;
		memset(c.alias, 0, fs->fn->nvars * sizeof(*c.alias));
		c.alias[param] = true;
		/* Again while locals become aliases: a use may come first. */
		do {
			c.grew = false;
			kept = keeps(&c, fs->fn->body);
		} while (!kept && c.grew);
		if (!kept)
			lends |= 1u << param;
	}
	free(c.alias);
	return lends;
}

void summary_note_lent(struct summaries *s, const struct rules *rules)
{
	bool changed = true;
	unsigned i, lends;

	for (i = 0; i < s->nlocal; i++)
		s->fns[i].lends = s->fns[i].fn && s->fns[i].fn->body ? ~0u : 0;
	while (changed) {
		changed = false;
		for (i = 0; i < s->nlocal; i++) {
			if (!s->fns[i].lends)
				continue;
			lends = lent_params(s, rules, &s->fns[i]);

			if (lends != s->fns[i].lends) {
				s->fns[i].lends = lends;
				changed = true;
			}
		}
	}
}

bool summary_lends(const struct summaries *s, const char *name, unsigned k)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	return fs && fs - s->fns < s->nlocal && k < 32 && (fs->lends & (1u << k));
}
