// SPDX-License-Identifier: GPL-2.0
/*
 * after_failure.c - what a function's callers release when it fails.
 *
 * A function that leaves a resource in an object it was given, and then
 * fails, owes it, unless its caller cleans it.  The evidence that it
 * does is what the caller releases after the call fails: the branch that
 * tests the call's result ("if (ret)", "if (!p)", "if (foo(x))"), and
 * the unwind ladder its gotos land in, down to the function's end.  A
 * continuation that returns passes the failure on, and what the caller's
 * own callers release after that is evidence too (model caller-chain).
 *
 * Read from the IR, not from paths: it is the lexical shape every
 * kernel error path has.  A result tested further away, or not at all,
 * gives no evidence, which costs a warning, never a missed bug.  The
 * members are kept by name (kfree(priv->rings): "rings"), to be asked
 * for the member the function stored the resource in; the summary
 * database carries them to the callee's own file.
 */
#include "summary_impl.h"

#include <stdlib.h>
#include <string.h>

#define MAX_LABELS_FOLLOWED	32

struct continuation {
	const struct fn_summary *failed;	/* its own releases are no evidence */
	struct freed_member *members;
	unsigned n, cap;
	unsigned long *unnamed;			/* pairs released naming no member */
	bool unknown;				/* calls what may clean anything */
	bool returns;
	int labels[MAX_LABELS_FOLLOWED];	/* followed already */
	unsigned nlabels;
};

struct chain_edge {
	struct fn_summary *caller, *callee;
};

struct walk {
	struct summaries *s;
	const struct rules *rules;
	struct fn_summary *caller;
	struct chain_edge *edges;
	unsigned nedges, capedges;
};

/* The block in which label @id stands, and where: where a goto lands. */
static bool find_label(const struct ir *e, int id, const struct ir **block,
		       unsigned *at)
{
	unsigned i;

	if (!e)
		return false;
	for (i = 0; e->kind == IR_BLOCK && i < e->nkids; i++) {
		const struct ir *label = e->kids[i];

		for (; label && label->kind == IR_LABEL; label = label->kids[0])
			if (label->id == id) {
				*block = e;
				*at = i;
				return true;
			}
	}
	for (i = 0; i < e->nkids; i++)
		if (find_label(e->kids[i], id, block, at))
			return true;
	return false;
}

static void add(struct continuation *c, const struct pair *pair, const char *member)
{
	summary_add_member(&c->members, &c->n, &c->cap, pair, member);
}

/* A release call's member, or what a helper of the summaries releases. */
static void collect_call(const struct walk *w, const struct ir *call,
			 struct continuation *c)
{
	const struct fn_summary *helper = find(w->s, call->name);
	const struct rule_fn *rule;
	const char *member;
	unsigned i;

	/*
	 * A function of another file the rules do not describe may clean
	 * anything (rsi_91x_deinit() freeing adapter->rsi_dev): what the
	 * caller releases after the failure is then not in plain sight.
	 */
	if (!helper && !rules_lookup(w->rules, call->name) &&
	    strncmp(call->name, "__builtin_", 10))
		c->unknown = true;
	for (rule = rules_lookup(w->rules, call->name); rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE)
			continue;
		member = rule->handle.kind == HANDLE_ARG &&
			 (unsigned)rule->handle.arg < call->nkids ?
			 summary_handle_member(call->kids[rule->handle.arg]) : NULL;
		if (member)
			add(c, rule->pair, member);
		else
			set_bit_of(c->unnamed, rule->pair->index);
	}
	if (helper == w->caller || helper == c->failed)
		return;
	for (i = 0; helper && i < helper->nfreed; i++)
		add(c, helper->freed[i].pair, helper->freed[i].member);
	for (i = 0; helper && i < w->s->words; i++)
		c->unnamed[i] |= helper->frees_unnamed[i];
}

static void collect(const struct walk *w, const struct ir *e,
		    struct continuation *c);

/* A goto: the ladder from its label down to the end of the label's block. */
static void follow_goto(const struct walk *w, int id, struct continuation *c)
{
	const struct ir *block;
	unsigned i, at;

	for (i = 0; i < c->nlabels; i++)
		if (c->labels[i] == id)
			return;
	if (c->nlabels == MAX_LABELS_FOLLOWED ||
	    !find_label(w->caller->fn->body, id, &block, &at))
		return;
	c->labels[c->nlabels++] = id;
	for (i = at; i < block->nkids; i++)
		collect(w, block->kids[i], c);
}

static void collect(const struct walk *w, const struct ir *e,
		    struct continuation *c)
{
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e->name)
		collect_call(w, e, c);
	else if (e->kind == IR_RETURN)
		c->returns = true;
	else if (e->kind == IR_GOTO && e->id >= 0)
		follow_goto(w, e->id, c);
	for (i = 0; i < e->nkids; i++)
		collect(w, e->kids[i], c);
}

/* Does @e read variable @id? */
static bool reads_var(const struct ir *e, int id)
{
	unsigned i;

	if (!e)
		return false;
	if (e->kind == IR_VAR && !(e->flags & IR_F_GLOBAL) && e->id == id)
		return true;
	for (i = 0; i < e->nkids; i++)
		if (reads_var(e->kids[i], id))
			return true;
	return false;
}

static void add_edge(struct walk *w, struct fn_summary *callee)
{
	if (w->nedges == w->capedges) {
		w->capedges = w->capedges ? w->capedges * 2 : 16;
		w->edges = xrealloc(w->edges, w->capedges * sizeof(*w->edges));
	}
	w->edges[w->nedges++] = (struct chain_edge){ w->caller, callee };
}

/* @cont is where a failure of the calls in @e goes: tell their callees. */
static void record(struct walk *w, const struct ir *e, const struct ir *cont)
{
	struct fn_summary *callee;
	struct continuation c = { 0 };
	unsigned i;

	if (!e)
		return;
	callee = e->kind == IR_CALL ? (struct fn_summary *)find(w->s, e->name) : NULL;
	if (callee && callee != w->caller) {
		c.failed = callee;
		c.unnamed = xcalloc(w->s->words ? w->s->words : 1, sizeof(long));
		collect(w, cont, &c);
		for (i = 0; i < c.n; i++)
			summary_add_member(&callee->callers_freed, &callee->ncallers_freed,
					   &callee->capcallers_freed,
					   c.members[i].pair, c.members[i].member);
		for (i = 0; i < w->s->words; i++)
			callee->cleaned_after[i] |= c.unnamed[i];
		callee->nrecorded++;
		if (c.returns)
			add_edge(w, callee);
		if (!c.returns || c.unknown)
			callee->after_open = true;
		free(c.members);
		free(c.unnamed);
	}
	for (i = 0; i < e->nkids; i++)
		record(w, e->kids[i], cont);
}

/* "ret = foo(x);" or "p = foo(x);": the call, and the variable it sets. */
static const struct ir *assigned_call(const struct ir *stmt, int *var)
{
	const struct ir *lhs = NULL, *rhs = NULL;

	if (stmt->kind == IR_ASSIGN) {
		lhs = stmt->kids[0];
		rhs = stmt->kids[1];
	} else if (stmt->kind == IR_DECL && stmt->nkids) {
		*var = stmt->id;
		return stmt->kids[0] && stmt->kids[0]->kind == IR_CALL ? stmt->kids[0] : NULL;
	}
	if (!lhs || lhs->kind != IR_VAR || (lhs->flags & IR_F_GLOBAL) ||
	    !rhs || rhs->kind != IR_CALL)
		return NULL;
	*var = lhs->id;
	return rhs;
}

/* Statement @i of @block: a call whose failure its next statement tests. */
static void visit_statement(struct walk *w, const struct ir *block, unsigned i)
{
	const struct ir *stmt = block->kids[i], *next, *call;
	int var;

	/* "out: if (foo(x))", "case 1: if (foo(x))": the statement labelled. */
	while (stmt && (stmt->kind == IR_LABEL || stmt->kind == IR_CASE ||
			stmt->kind == IR_DEFAULT) && stmt->nkids)
		stmt = stmt->kids[0];
	if (!stmt)
		return;
	if (stmt->kind == IR_IF) {
		record(w, stmt->kids[0], stmt->kids[1]);
		return;
	}
	next = i + 1 < block->nkids ? block->kids[i + 1] : NULL;
	if ((call = assigned_call(stmt, &var)) && next && next->kind == IR_IF &&
	    reads_var(next->kids[0], var))
		record(w, call, next->kids[1]);
}

static void visit(struct walk *w, const struct ir *e)
{
	unsigned i;

	if (!e)
		return;
	for (i = 0; e->kind == IR_BLOCK && i < e->nkids; i++)
		visit_statement(w, e, i);
	for (i = 0; i < e->nkids; i++)
		visit(w, e->kids[i]);
}

/* What cleans after the caller's failure cleans after its callee's. */
static bool pass_chain(struct walk *w)
{
	bool changed = false;
	unsigned i, k;

	for (i = 0; i < w->nedges; i++) {
		const struct fn_summary *caller = w->edges[i].caller;
		struct fn_summary *callee = w->edges[i].callee;

		for (k = 0; k < caller->ncallers_freed; k++)
			changed |= summary_add_member(&callee->callers_freed,
						      &callee->ncallers_freed,
						      &callee->capcallers_freed,
						      caller->callers_freed[k].pair,
						      caller->callers_freed[k].member);
	}
	return changed;
}

/* Its calls in the file, by other functions of the file. */
static void count_sites(struct summaries *s)
{
	unsigned i, k;

	for (i = 0; i < s->nlocal; i++)
		for (k = 0; k < s->fns[i].ncallees; k++) {
			struct fn_summary *callee =
				(struct fn_summary *)find(s, s->fns[i].callees[k]);

			if (callee && callee != &s->fns[i])
				callee->nsites++;
		}
}

/*
 * Does a failure passed on by @caller reach code the file can see?  A
 * static function no function of the file calls is called by a
 * framework through an ops table (or not at all), which does not clean
 * a driver's objects after a callback fails (teardown-undoes names the
 * ones that do); an external one may have callers anywhere.
 */
static bool chain_known(const struct fn_summary *caller)
{
	if (!caller->nsites)
		return !caller->fn->external;
	return caller->after_known;
}

/*
 * Model passed-up.  A static function whose every call in the file tests
 * its result, and whose callers then return (through their unwind
 * ladders) rather than go on, has its callers' cleaning after its
 * failure in plain sight: the members those continuations release
 * (->callers_freed, as for the summary database), the pairs they
 * release naming no member (kfree(local), a helper's), and up the chain.
 * Round after round, from "known" down, and the pairs up.
 */
static void note_passed_up(struct walk *w)
{
	struct summaries *s = w->s;
	bool changed = true;
	unsigned i;

	for (i = 0; i < s->nlocal; i++) {
		struct fn_summary *fs = &s->fns[i];

		fs->after_known = fs->nsites && fs->nrecorded == fs->nsites &&
				  !fs->after_open && !fs->fn->external;
	}
	while (changed) {
		changed = false;
		for (i = 0; i < w->nedges; i++) {
			const struct fn_summary *caller = w->edges[i].caller;
			struct fn_summary *callee = w->edges[i].callee;
			unsigned k;

			if (callee->after_known && !chain_known(caller)) {
				callee->after_known = false;
				changed = true;
			}
			for (k = 0; k < s->words; k++)
				if (caller->cleaned_after[k] & ~callee->cleaned_after[k]) {
					callee->cleaned_after[k] |= caller->cleaned_after[k];
					changed = true;
				}
		}
	}
}

void summary_note_after_failure(struct summaries *s, const struct rules *rules,
				bool chain)
{
	struct walk w = { .s = s, .rules = rules };
	unsigned i;

	count_sites(s);
	for (i = 0; i < s->nlocal; i++) {
		w.caller = &s->fns[i];
		visit(&w, s->fns[i].fn->body);
	}
	note_passed_up(&w);
	while (chain && pass_chain(&w))
		;
	free(w.edges);
}

bool summary_failure_passed_up(const struct summaries *s, const char *name,
			       const struct pair *pair, const char *member,
			       bool *cleaned)
{
	const struct fn_summary *fs = s ? find(s, name) : NULL;

	if (!fs || fs - s->fns >= s->nlocal || !fs->after_known)
		return false;
	*cleaned = bit_of(s, fs->cleaned_after, pair->index) ||
		   summary_callers_free_member(s, name, pair, member);
	return true;
}
