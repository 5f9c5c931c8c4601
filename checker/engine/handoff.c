// SPDX-License-Identifier: GPL-2.0
/*
 * handoff.c - calls that the function itself shows take what it gives
 * them when they succeed (model handed-on-success).
 *
 * The kernel's convention for a call that consumes an object (a send,
 * a queue, a submit) is that the callee owns it once the call succeeds
 * and the caller still owns it when the call fails:
 *
 *	ret = ath10k_htc_send(htc, ATH10K_HTC_EP_0, skb);
 *	if (ret) {
 *		kfree_skb(skb);
 *		return ret;
 *	}
 *	(skb is never named again)
 *
 * ladder cannot see the callee take it when the callee is in another
 * file or behind a function pointer (hdev->send(hdev, skb)).  The code
 * says it anyway: it releases the object only on the branch where the
 * call failed, and after that branch it never names the object again,
 * so on success it has given it away.  A function that still owned it
 * would have to release it, store it or return it later, and any of
 * those names it, which keeps the model off.
 *
 * The failure branch may also jump to the rung of an unwind ladder that
 * releases it ("if (iwl_trans_tx(trans, skb, cmd, q)) goto drop_cmd;"),
 * when nothing after the branch jumps there too and no statement falls
 * into the rung: the rung's statements, up to the next label, are then
 * the failure branch's.  A release is a rule's, or a helper's of the
 * file whose summary frees that parameter.
 *
 * Read from the IR before exploring, as the lexical shape it is; the
 * exploration then makes the take stand on the call's success only,
 * as a rule's "takes: ... if:" does (take_on_success() in calls.c).
 *
 * The other way code says it gave an object away is to forget it at
 * once (model cleared-after-call):
 *
 *	hci_recv_frame(hdev, skb);
 *	skb = NULL;
 *
 * A pointer set to NULL by the statement right after a call it was
 * given no longer names what it held: the call took it, whatever it
 * returned.  A rule's call (kfree(p); p = NULL;) is left to its rule.
 *
 * The same holds of a call given the address of one of the object's
 * members (model cleared-after-member), rule or not: the callee
 * reaches the object by container_of(), and the NULL says it is gone,
 * typically freed by the release callback of the object embedded there:
 *
 *	kset_unregister(&priv->subsys);
 *	priv = NULL;	(the kobject's release kfree()d priv)
 *
 * Lock calls are not: "spin_unlock(&x->lock); x = NULL;" only
 * forgets x.
 */
#include "engine/internal.h"

/* The statements of a ladder's rung: from its label to the next one. */
struct rung {
	struct ir *block;
	unsigned from, to;
	int label;		/* -1: no rung */
};

struct candidate {
	struct ir *test;	/* the if whose then-branch handles failure */
	struct rung rung;	/* where that branch jumps, if it does */
	unsigned site;		/* the call */
	unsigned arg;		/* the argument that names the object */
	int var;		/* its variable */
	enum success_kind ok;
	bool past;		/* the walk has left the if */
	bool dropped;		/* named again after it */
};

struct handoff_scan {
	struct analysis *an;
	struct candidate *c;
	unsigned n, cap;
};

/*
 * Does call @e release what variable @var holds: a rule's release given
 * it as the handle, or a helper of the file that frees that parameter?
 */
static bool call_releases(const struct analysis *an, const struct ir *e, int var)
{
	const struct rule_fn *rel;
	unsigned k;

	if (e->kind != IR_CALL || !e->name)
		return false;
	rel = find_role(lookup_call(an, e->name), ROLE_RELEASE);
	if (rel)
		return rel->handle.kind == HANDLE_ARG && rel->handle.arg >= 0 &&
		       (unsigned)rel->handle.arg < e->nkids &&
		       e->kids[rel->handle.arg]->kind == IR_VAR &&
		       e->kids[rel->handle.arg]->id == var;
	for (k = 0; k < e->nkids; k++)
		if (e->kids[k]->kind == IR_VAR && e->kids[k]->id == var &&
		    summary_frees_param(an->summaries, e->name, NULL, k))
			return true;
	return false;
}

static bool releases_var(const struct analysis *an, const struct ir *e, int var)
{
	unsigned i;

	if (!e)
		return false;
	if (call_releases(an, e, var))
		return true;
	for (i = 0; i < e->nkids; i++)
		if (releases_var(an, e->kids[i], var))
			return true;
	return false;
}

/* Where label @label is, in @e: its block and the rung it starts. */
static bool find_rung(struct ir *e, int label, struct rung *rung)
{
	unsigned i;

	if (!e)
		return false;
	for (i = 0; e->kind == IR_BLOCK && i < e->nkids; i++) {
		unsigned j;

		if (!e->kids[i] || e->kids[i]->kind != IR_LABEL ||
		    e->kids[i]->id != label)
			continue;
		for (j = i + 1; j < e->nkids; j++)
			if (e->kids[j] && e->kids[j]->kind == IR_LABEL)
				break;
		rung->block = e;
		rung->from = i;
		rung->to = j;
		rung->label = label;
		/* Something above falls into the rung: it is no failure's alone. */
		return i > 0 && e->kids[i - 1] &&
		       (e->kids[i - 1]->kind == IR_RETURN ||
			e->kids[i - 1]->kind == IR_GOTO);
	}
	for (i = 0; i < e->nkids; i++)
		if (find_rung(e->kids[i], label, rung))
			return true;
	return false;
}

/* The goto a failure branch ends with ("goto err;", "{ ...; goto err; }"). */
static const struct ir *branch_goto(const struct ir *then)
{
	if (then && then->kind == IR_BLOCK && then->nkids)
		then = then->kids[then->nkids - 1];
	return then && then->kind == IR_GOTO && then->id >= 0 ? then : NULL;
}

/* Does the failure branch of @c release @var, itself or at its rung? */
static bool failure_releases(struct handoff_scan *s, struct candidate *c,
			     int var)
{
	const struct ir *jump = branch_goto(c->test->kids[1]);
	unsigned i;

	c->rung.label = -1;
	if (releases_var(s->an, c->test->kids[1], var))
		return true;
	if (!jump || !find_rung(s->an->fn->body, jump->id, &c->rung)) {
		c->rung.label = -1;
		return false;
	}
	for (i = c->rung.from; i < c->rung.to; i++)
		if (releases_var(s->an, c->rung.block->kids[i], var))
			return true;
	c->rung.label = -1;
	return false;
}

/*
 * The call a failure test @cond is about, directly (if (foo(x) < 0)) or
 * through @result, the variable the statement before assigned @call to;
 * and the results that mean success.  NULL for any other test.
 */
static struct ir *failure_test(struct ir *cond, int result, struct ir *call,
			       enum success_kind *ok)
{
	struct ir *x = cond;

	*ok = SUCCESS_ZERO;			/* if (ret), if (ret != 0) */
	if (cond->kind == IR_NOT) {
		x = cond->kids[0];
		*ok = SUCCESS_NONNULL;		/* if (!ret) */
	} else if (cond->kind == IR_CMP && cond->kids[1]->kind == IR_CONST &&
		   cond->kids[1]->value == 0) {
		x = cond->kids[0];
		if (cond->op == CMP_LT)
			*ok = SUCCESS_NONNEG;	/* if (ret < 0) */
		else if (cond->op == CMP_EQ)
			*ok = SUCCESS_NONNULL;	/* if (ret == 0) */
		else if (cond->op != CMP_NE)
			return NULL;
	}
	if (x->kind == IR_CALL)
		return x;
	if (x->kind == IR_VAR && x->id == result)
		return call;
	return NULL;
}

static void add_candidate(struct handoff_scan *s, const struct candidate *c)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->c = xrealloc(s->c, s->cap * sizeof(*s->c));
	}
	s->c[s->n++] = *c;
}

/* The objects @test's failure branch releases that @call was given. */
static void consider(struct handoff_scan *s, struct ir *test, struct ir *call,
		     enum success_kind ok)
{
	struct candidate c = { .test = test, .site = call->site, .ok = ok };
	unsigned k;

	if (call->name && lookup_call(s->an, call->name))
		return;		/* a call a rule describes says what it takes */
	for (k = 0; k < call->nkids && k < MAX_CALL_ARGS; k++) {
		if (call->kids[k]->kind != IR_VAR ||
		    !failure_releases(s, &c, call->kids[k]->id))
			continue;
		c.arg = k;
		c.var = call->kids[k]->id;
		add_candidate(s, &c);
	}
}

/* The variable @stmt assigns a call's result to, and that call. */
static int assigned_call(struct ir *stmt, struct ir **call)
{
	if (stmt->kind == IR_ASSIGN && stmt->kids[0]->kind == IR_VAR &&
	    stmt->kids[1]->kind == IR_CALL) {
		*call = stmt->kids[1];
		return stmt->kids[0]->id;
	}
	if (stmt->kind == IR_DECL && stmt->nkids && stmt->kids[0] &&
	    stmt->kids[0]->kind == IR_CALL) {
		*call = stmt->kids[0];
		return stmt->id;
	}
	*call = NULL;
	return -1;
}

/* The call statement @stmt makes, its result kept or not, labelled or not. */
static struct ir *statement_call(struct ir *stmt)
{
	while (stmt->kind == IR_LABEL && stmt->nkids && stmt->kids[0])
		stmt = stmt->kids[0];
	if (stmt->kind == IR_ASSIGN)
		stmt = stmt->kids[1];
	return stmt->kind == IR_CALL ? stmt : NULL;
}

/* Is @stmt "var = NULL;"? */
static bool clears(const struct ir *stmt, int var)
{
	return stmt && stmt->kind == IR_ASSIGN &&
	       stmt->kids[0]->kind == IR_VAR && stmt->kids[0]->id == var &&
	       stmt->kids[1]->kind == IR_CONST && stmt->kids[1]->value == 0;
}

/*
 * The variable @arg is the address of a member of: x in &x->m,
 * &x->a.b and &x->m[i]; NULL for anything else (&x->a->b is inside
 * another object).
 */
static struct ir *member_address_of(struct ir *arg)
{
	struct ir *e;

	if (arg->kind != IR_ADDR)
		return NULL;
	for (e = arg->kids[0]; e->kind == IR_MEMBER || e->kind == IR_INDEX;
	     e = e->kids[0])
		if (e->kind == IR_MEMBER && (e->flags & IR_F_ARROW))
			return e->kids[0]->kind == IR_VAR ? e->kids[0] : NULL;
	return NULL;
}

/* Does a rule of @chain take or drop a lock? */
static bool locks(const struct rule_fn *chain)
{
	for (; chain; chain = chain->next)
		if (chain->pair && chain->pair->every_return)
			return true;
	return false;
}

/*
 * "foo(x); x = NULL;": foo() took what x held (model cleared-after-call);
 * "foo(&x->m); x = NULL;": foo() took x (model cleared-after-member).
 */
static void cleared_after(struct analysis *an, struct ir *stmt, struct ir *next)
{
	struct ir *call = statement_call(stmt), *arg, *object;
	const struct rule_fn *chain;
	unsigned k;

	if (!call || !next)
		return;
	chain = call->name ? lookup_call(an, call->name) : NULL;
	for (k = 0; k < call->nkids && k < MAX_CALL_ARGS; k++) {
		arg = call->kids[k];
		if (!chain && arg->kind == IR_VAR && clears(next, arg->id) &&
		    model_on(MODEL_CLEARED_AFTER_CALL))
			an->handoffs[call->site].always |= 1u << k;
		object = member_address_of(arg);
		if (object && clears(next, object->id) && !locks(chain) &&
		    model_on(MODEL_CLEARED_AFTER_MEMBER))
			an->handoffs[call->site].containers |= 1u << k;
	}
}

/* Find the shapes: "ret = foo(x); if (ret) { release(x); ... }". */
static void find_tests(struct handoff_scan *s, struct ir *e)
{
	struct ir *call;
	unsigned i;
	int result;

	if (!e)
		return;
	for (i = 0; i < e->nkids; i++) {
		struct ir *stmt = e->kids[i];
		enum success_kind ok;

		if (!stmt)
			continue;
		if (e->kind == IR_BLOCK && i + 1 < e->nkids)
			cleared_after(s->an, stmt, e->kids[i + 1]);
		if (stmt->kind == IR_IF && model_on(MODEL_HANDED_ON_SUCCESS)) {
			result = -1;
			call = NULL;
			if (e->kind == IR_BLOCK && i > 0 && e->kids[i - 1])
				result = assigned_call(e->kids[i - 1], &call);
			call = failure_test(stmt->kids[0], result, call, &ok);
			if (call)
				consider(s, stmt, call, ok);
		}
		find_tests(s, stmt);
	}
}

/* Is @e, the @i-th statement of @block, in the rung @c's failure jumps to? */
static bool in_rung(const struct candidate *c, const struct ir *block, unsigned i)
{
	return c->rung.label >= 0 && c->rung.block == block &&
	       i >= c->rung.from && i < c->rung.to;
}

/*
 * Drop each candidate whose object is named after its failure branch
 * (in the else branch, or in any statement after the if, but for its
 * rung), or whose rung a later goto reaches too.  @inside: for each
 * candidate, whether the walk is inside its rung.
 */
static void find_later_uses(struct handoff_scan *s, struct ir *e, bool *inside)
{
	unsigned i, j;

	if (!e)
		return;
	for (j = 0; j < s->n; j++) {
		struct candidate *c = &s->c[j];

		if (!c->past || inside[j])
			continue;
		if ((e->kind == IR_VAR && c->var == e->id) ||
		    (e->kind == IR_GOTO && c->rung.label >= 0 &&
		     e->id == c->rung.label))
			c->dropped = true;
	}
	for (i = 0; i < e->nkids; i++) {
		for (j = 0; j < s->n; j++) {
			if (e->kind == IR_IF && i == 2 && s->c[j].test == e)
				s->c[j].past = true;
			/* A rung is a run of one block's statements: no nesting. */
			if (in_rung(&s->c[j], e, i))
				inside[j] = true;
		}
		find_later_uses(s, e->kids[i], inside);
		for (j = 0; j < s->n; j++)
			if (in_rung(&s->c[j], e, i))
				inside[j] = false;
	}
	for (j = 0; j < s->n; j++)
		if (s->c[j].test == e)
			s->c[j].past = true;
}

void find_handoffs(struct analysis *an)
{
	struct handoff_scan s = { .an = an };
	unsigned i;

	find_tests(&s, an->fn->body);
	if (s.n) {
		bool *inside = xcalloc(s.n, sizeof(*inside));

		find_later_uses(&s, an->fn->body, inside);
		free(inside);
	}
	for (i = 0; i < s.n; i++) {
		struct handoff *h = &an->handoffs[s.c[i].site];

		if (s.c[i].dropped)
			continue;
		h->args |= 1u << s.c[i].arg;
		h->ok = s.c[i].ok;
	}
	free(s.c);
}

/* At the call: the objects given by a member's address, and then forgotten, go. */
static void give_containers(struct path *p, struct ir *call, unsigned mask)
{
	const struct access_path *key;
	const char *display;
	struct value object;
	unsigned i, k;

	for (k = 0; mask >> k; k++) {
		if (!(mask & (1u << k)))
			continue;
		key = lvalue(p->an, member_address_of(call->kids[k]), &display);
		object = key ? state_get(p->st, key) : v_unknown();
		for (i = 0; object.kind == V_SYM && i < p->st->nres; i++) {
			struct resource *r = &p->st->res[i];

			if (!r->escaped && r->has_handle &&
			    r->handle_sym == object.sym &&
			    !r->rule->pair->every_return)
				escape(r, model_escape(MODEL_CLEARED_AFTER_MEMBER),
				       call->loc);
		}
	}
}

/*
 * At the call: what the arguments the function gives away hold goes
 * with the call, unless its result says it failed (state_update_take()).
 */
void handed_on_success(struct path *p, struct ir *call,
		       const struct value *args, unsigned nargs)
{
	const struct handoff *h = &p->an->handoffs[call->site];
	bool on_success = !(call->flags & IR_F_VOID);
	unsigned i, k;

	if (!h->args && !h->always && !h->containers)
		return;		/* most calls: asked on every path */
	give_containers(p, call, h->containers);
	for (k = 0; k < nargs; k++) {
		bool always = h->always & (1u << k);

		if (!(always || (on_success && (h->args & (1u << k)))) ||
		    args[k].kind != V_SYM)
			continue;
		for (i = 0; i < p->st->nres; i++) {
			struct resource *r = &p->st->res[i];

			if (r->escaped || !r->has_handle ||
			    r->handle_sym != args[k].sym ||
			    r->rule->pair->every_return)
				continue;
			if (always) {
				escape(r, model_escape(MODEL_CLEARED_AFTER_CALL),
				       call->loc);
				continue;
			}
			r->take_sym = sym_name(p->an->syms, SYM_SITE, call->site, 0);
			r->take_ok = success_ok_mask(h->ok);
			escape(r, model_escape(MODEL_HANDED_ON_SUCCESS), call->loc);
		}
	}
}
