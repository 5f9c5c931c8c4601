// SPDX-License-Identifier: GPL-2.0
/*
 * engine.c - explore the paths of one function.
 *
 * A worklist of (block, state) pairs, taken in FIFO order so the first
 * path to reach a bug is a short one.  A state that reaches a block
 * already seen with an equal state is dropped: that is what makes loops
 * terminate and keeps the work close to linear on kernel error ladders.
 * Everything the engine does is bounded (limits in engine.h) and a
 * function that hits a bound is reported as such.
 */
#include "engine.h"
#include "cfg.h"
#include "checks/checks.h"
#include "engine/models.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_CALL_ARGS 16
#define MAX_PARTS 4		/* the resources one acquire call makes */
/*
 * Members a helper may leave resources in, for its callers.  More than
 * one (foo_parse_dt() setting two nodes) was tried: it killed no mutant
 * on either part of the development corpus and added three warnings on
 * ../shared/corpus, two of them false (docs/quality.md).
 */
#define MAX_GIFTS 1
#define MAX_PATH_NOTES 16
#define MAX_PATH_STEPS 256	/* trace steps read back for them */
#define NO_SYM UINT_MAX

struct seen {
	struct state *st;
	struct seen *next;
};

struct work {
	unsigned block;
	struct state *st;
};

struct analysis {
	struct ir_func *fn;
	struct cfg *cfg;
	const struct rules *rules;
	struct summaries *summaries;
	const struct limits *limits;
	struct report *report;
	struct arena *arena;
	struct strtab *strings;
	/*
	 * Symbols of values tested at two or more branches ("was_busy"):
	 * path conditions that states must agree on to be joined, so that
	 * "if (x) get(); ... if (x) put();" stays paired.
	 */
	unsigned *conditions;
	unsigned nconditions;
	/*
	 * Variables a return statement returns ("return ret;"): states
	 * where one may be an error and states where it cannot are kept
	 * apart, so a shared exit label does not blur error returns.
	 */
	const char **returned;
	unsigned nreturned;
	/*
	 * By block: the key of the value a test for a pending value
	 * ("ret == -EINPROGRESS") leads here with, or NULL.
	 */
	const char **pending_at;
	/* pairs this function acquires somewhere, on any path */
	const struct pair **acquired;
	unsigned nacquired, capacquired;
	/* release calls of the function, any path */
	struct ptrvec releases;
	/* devm actions of the file some path added, by "&action:N" marker */
	struct ptrvec actions;
	/* states seen at each block */
	struct seen **seen;
	unsigned *nseen;
	struct work *queue;
	size_t qhead, qtail, qcap;
	unsigned steps;
	bool stopped;
	clock_t start;
	/*
	 * What a pointer function returns, to learn whether it is a wrapper:
	 * the pair of the resource its success returns give, whether one
	 * gave anything else, and the values its error returns give.
	 */
	const struct pair *gives;
	bool gives_other;
	unsigned fails_with;
	/*
	 * An int function's: at every success return it leaves a resource
	 * in each of these members of its arguments (foo_alloc_rings(priv)
	 * setting priv->rings).
	 */
	struct gift { const struct pair *pair; int arg; const char *member; }
		gifts[MAX_GIFTS];
	unsigned ngifts;
	/* The IR of "argument->member" at each wrapper call site, made once. */
	struct ir **member_nodes;
	/* Resources a model kept quiet, by site, part and model: counted once. */
	struct silenced { unsigned site, part; unsigned char reason; } *silenced;
	unsigned nsilenced, capsilenced;
	bool explain;
	bool all_paths;
};

/* One path being stepped through a block. */
struct path {
	struct analysis *an;
	struct state *st;
};

static struct value eval(struct path *p, struct ir *e);
static const char *call_name(const struct analysis *an, const struct ir *call);

static struct value v_unknown(void)
{
	return (struct value){ V_UNKNOWN, 0, 0 };
}

static struct value v_const(long long c)
{
	return (struct value){ V_CONST, 0, c };
}

static struct value v_sym(unsigned id)
{
	return (struct value){ V_SYM, id, 0 };
}

/* ---- path notes ---- */

static struct trace *trace_add(struct path *p, struct ir_loc loc,
			       const char *text, enum trace_kind kind)
{
	struct trace *t = arena_alloc(p->an->arena, sizeof(*t));

	t->prev = p->st->trace;
	t->seq = p->st->trace ? p->st->trace->seq + 1 : 1;
	t->kind = kind;
	t->label = false;
	t->loop = 0;
	t->assumed = NULL;
	t->truth = false;
	t->loc = loc;
	t->text = text ? arena_strdup(p->an->arena, text) : NULL;
	p->st->trace = t;
	return t;
}

static void trace_step(struct path *p, struct ir_loc loc, const char *text)
{
	trace_add(p, loc, text, TRACE_STEP);
}

static struct trace *trace_branch(struct path *p, const struct block *blk,
				  const char *text)
{
	return trace_add(p, blk->where, text,
			 blk->in_macro ? TRACE_MACRO_BRANCH : TRACE_BRANCH);
}

/* The path enters, passes through or leaves loop @loop of the CFG. */
static void trace_loop(struct path *p, enum trace_kind kind, unsigned loop)
{
	trace_add(p, p->an->cfg->loops[loop].loc, NULL, kind)->loop = loop;
}

/*
 * @r is not owed on this path from @where on, for @reason (enum escape:
 * a fact, or the model that decided).  The first reason stands.
 */
static void escape(struct resource *r, unsigned char reason, struct ir_loc where)
{
	if (r->escaped)
		return;
	r->escaped = reason;
	r->escaped_at = where;
}

/* ---- lvalues ---- */

/*
 * An lvalue's binding key ("v3->buf", by variable identity so shadowed
 * names do not mix) and its display name ("priv->buf").  Cached on the
 * node; NULL for what cannot be tracked (a[i], f()->x).
 */
static const char *lvalue(struct analysis *an, struct ir *e, const char **display)
{
	const char *bk = NULL, *bd = NULL;
	char key[512], disp[512];
	int n = -1, m = -1;

	if (e->flags & IR_F_KEYED) {
		*display = e->display;
		return e->key;
	}
	switch (e->kind) {
	case IR_VAR:
		/* A __free() variable's key says so: see key_is_scope_managed(). */
		n = snprintf(key, sizeof(key), "%c%d",
			     e->flags & IR_F_CLEANUP ? 'c' : 'v', e->id);
		m = snprintf(disp, sizeof(disp), "%s", e->name);
		break;
	case IR_MEMBER:
		if (!lvalue(an, e->kids[0], &bd))
			break;
		bk = e->kids[0]->key;
		n = snprintf(key, sizeof(key), "%s%s%s", bk,
			     e->flags & IR_F_ARROW ? "->" : ".", e->name);
		m = snprintf(disp, sizeof(disp), "%s%s%s", bd,
			     e->flags & IR_F_ARROW ? "->" : ".", e->name);
		break;
	case IR_DEREF:
		if (e->kids[0]->kind == IR_ADDR) {
			bk = lvalue(an, e->kids[0]->kids[0], &bd);
			if (bk) {
				n = snprintf(key, sizeof(key), "%s", bk);
				m = snprintf(disp, sizeof(disp), "%s", bd);
			}
			break;
		}
		if (!lvalue(an, e->kids[0], &bd))
			break;
		bk = e->kids[0]->key;
		n = snprintf(key, sizeof(key), "%s->*", bk);
		m = snprintf(disp, sizeof(disp), "*%s", bd);
		break;
	case IR_INDEX:
		if (e->kids[1]->kind != IR_CONST || !lvalue(an, e->kids[0], &bd))
			break;
		bk = e->kids[0]->key;
		n = snprintf(key, sizeof(key), "%s[%lld]", bk, e->kids[1]->value);
		m = snprintf(disp, sizeof(disp), "%s[%lld]", bd, e->kids[1]->value);
		break;
	case IR_ADDR:
		/*
		 * Not assignable, but a handle: mutex_lock(&priv->lock) and
		 * mutex_unlock(&priv->lock) name the same object.  Below its
		 * object's key, so reassigning priv forgets it.
		 */
		if (!lvalue(an, e->kids[0], &bd))
			break;
		bk = e->kids[0]->key;
		n = snprintf(key, sizeof(key), "%s&@", bk);
		m = snprintf(disp, sizeof(disp), "%s", bd);
		break;
	case IR_BITAND:
		/* Not assignable, but tested: "client->flags & 0x40". */
		if (!lvalue(an, e->kids[0], &bd))
			break;
		bk = e->kids[0]->key;
		n = snprintf(key, sizeof(key), "%s&%lld", bk, e->kids[1]->value);
		m = snprintf(disp, sizeof(disp), "%s & %#llx", bd,
			     (unsigned long long)e->kids[1]->value);
		break;
	default:
		break;
	}
	e->flags |= IR_F_KEYED;
	if (n < 0 || m < 0 || n >= (int)sizeof(key) || m >= (int)sizeof(disp)) {
		e->key = e->display = NULL;
	} else {
		e->key = strtab_intern(an->strings, key);
		e->display = strtab_intern(an->strings, disp);
	}
	*display = e->display;
	return e->key;
}

/* Is the variable at the root of @e one of a macro's ({ }) temporaries? */
static bool rooted_in_internal(const struct ir *e)
{
	while (e->kind == IR_MEMBER || e->kind == IR_DEREF || e->kind == IR_INDEX)
		e = e->kids[0];
	return e->kind == IR_VAR && (e->flags & IR_F_INTERNAL);
}

/* Does @e read a variable a macro declared inside its ({ })? */
static bool reads_macro_local(const struct ir *e)
{
	unsigned i;

	if (e->kind == IR_VAR)
		return (e->flags & (IR_F_INTERNAL | IR_F_TEMP)) == IR_F_INTERNAL;
	for (i = 0; i < e->nkids; i++)
		if (e->kids[i] && reads_macro_local(e->kids[i]))
			return true;
	return false;
}

static unsigned lvalue_symbol_id(const char *key)
{
	return 0x80000000u |
	       (unsigned)(hash_bytes(HASH_INIT, &key, sizeof(key)) & 0x7fffffff);
}

/*
 * The value of an lvalue nobody assigned on this path, made a symbol so
 * that two tests of the same flag agree: "if (x) get(); ... if (x) put();"
 */
static struct value lvalue_symbol(struct path *p, struct ir *e, const char *key)
{
	unsigned id = lvalue_symbol_id(key);
	unsigned mask = (e->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;

	if (state_sym(p->st, id))
		return v_unknown();
	state_new_sym(p->st, id, mask, NULL);
	state_set(p->st, key, v_sym(id));
	return v_sym(id);
}

/* ---- resources ---- */

static bool pair_acquired(const struct analysis *an, const struct pair *pair)
{
	unsigned i;

	for (i = 0; i < an->nacquired; i++)
		if (an->acquired[i] == pair)
			return true;
	return false;
}

static void name_resources(struct path *p, unsigned sym, struct ir *lhs,
			   const char *display)
{
	bool internal = rooted_in_internal(lhs);
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (!r->has_handle || r->handle_sym != sym)
			continue;
		if (!r->name || (r->name_internal && !internal)) {
			r->name = display;
			r->name_internal = internal;
		}
	}
}

/*
 * The lvalue a resource is named after now holds something else
 * ("raw = no_free_ptr(buf)" cleared buf): the next place the handle is
 * stored names it instead.
 */
static void stale_names(struct path *p, const char *display, struct value v)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->name == display &&
		    !(v.kind == V_SYM && r->has_handle && v.sym == r->handle_sym))
			r->name_internal = true;
	}
}

/*
 * The anchor of a stable call's memo "v3->slot&f(1)" (stable_key()): the
 * length of the lvalue key it is kept below; 0 for any other binding.
 */
static size_t memo_anchor_len(const char *key)
{
	size_t len = strlen(key);
	const char *amp;

	if (!len || key[len - 1] != ')')
		return 0;
	for (amp = strchr(key, '&'); amp; amp = strchr(amp + 1, '&')) {
		const char *name = amp + 1;

		while (*name == '_' || (*name >= 'a' && *name <= 'z') ||
		       (*name >= 'A' && *name <= 'Z') || (*name >= '0' && *name <= '9'))
			name++;
		if (name > amp + 1 && *name == '(')
			return (size_t)(amp - key);
	}
	return 0;
}

/*
 * @key was written: forget what was known of it and below it, and the
 * stable calls asked of what it is part of, which may read it:
 * "dev->platform_data = pdata" makes dev_get_platdata(dev) a new question.
 */
static void forget_from(struct path *p, const char *key)
{
	const char *stale[16];
	char anchor[512];
	unsigned i, n = 0;

	state_forget_below(p->st, key);
	for (i = 0; i < p->st->nbinds && n < ARRAY_SIZE(stale); i++) {
		const char *memo = p->st->binds[i].key;
		size_t len = memo_anchor_len(memo);

		if (!len || len >= sizeof(anchor))
			continue;
		memcpy(anchor, memo, len);
		anchor[len] = '\0';
		if (key_within(key, anchor))
			stale[n++] = memo;
	}
	for (i = 0; i < n; i++)
		state_set(p->st, stale[i], v_unknown());
}

/* A handle stored where ladder cannot follow it is no longer owed here. */
static void escape_sym(struct path *p, unsigned sym, unsigned char reason,
		       struct ir_loc where)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle && p->st->res[i].handle_sym == sym)
			escape(&p->st->res[i], reason, where);
}

/* &x was passed to a call: x and what hangs off it may have changed. */
static void escape_lvalue(struct path *p, const char *key, struct ir_loc where)
{
	unsigned i;

	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind == V_SYM && key_within(b->key, key))
			escape_sym(p, b->value.sym, ESC_ADDRESS_PASSED, where);
	}
	forget_from(p, key);
	state_set(p->st, key, v_unknown());
}

/*
 * Is @sym the handle of a resource this function acquired and still
 * owns?  Once handed over (device_initialize(&gdev->dev) gives gdev to
 * its release callback), what is stored in it afterwards goes with it.
 */
/*
 * A devm object (priv = devm_kzalloc(...)) counts as the device's, as
 * before devm pairs had rules: what is stored in it is handed over.
 * Strictly, a failed probe frees it and loses what it holds; but
 * reporting its members today would mostly repeat one imprecision, a
 * clk_prepare_enable() undone by clk_disable() and clk_unprepare()
 * (one pair in the rules), so that waits for split clock pairs.
 */
static bool owned_object(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == sym &&
		    !st->res[i].escaped && !st->res[i].rule->pair->managed)
			return true;
	return false;
}

/*
 * An object this function acquired and then handed over
 * (device_initialize(&gdev->dev) gives gdev to its release callback):
 * what is stored in it afterwards goes with it.
 */
static bool handed_object(const struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == sym &&
		    st->res[i].escaped == ESC_HAND_OFF)
			return true;
	return false;
}

enum holder {
	HOLDER_OWN,		/* a local, or an object allocated here */
	HOLDER_GIVEN,		/* an object the function was given, or a devm one */
	HOLDER_HANDED,		/* an object of this path, handed over */
};

/*
 * Who holds @lhs: is it a member of an object this function did not
 * allocate, a field of the device or structure it was given, of a global
 * driver structure, or the caller's out pointer (*out)?  A field of a
 * local struct variable, or of an object allocated here, is the
 * function's own.
 */
static enum holder member_holder(struct path *p, struct ir *lhs)
{
	const char *display, *key;
	struct value holder;

	/* pdev->dev.platform_data and unmap->addr[0] are held by what
	 * pdev and unmap point to. */
	while ((lhs->kind == IR_MEMBER && !(lhs->flags & IR_F_ARROW)) ||
	       lhs->kind == IR_INDEX)
		lhs = lhs->kids[0];
	if (lhs->kind != IR_DEREF && !(lhs->kind == IR_MEMBER && (lhs->flags & IR_F_ARROW)))
		return HOLDER_OWN;
	key = lvalue(p->an, lhs->kids[0], &display);
	if (!key)
		return HOLDER_GIVEN;
	holder = state_get(p->st, key);
	if (holder.kind != V_SYM)
		return HOLDER_GIVEN;
	if (owned_object(p->st, holder.sym))
		return HOLDER_OWN;
	return handed_object(p->st, holder.sym) ? HOLDER_HANDED : HOLDER_GIVEN;
}

/* Does the function release a resource of @pair through @key somewhere? */
static bool releases_through(struct analysis *an, const struct pair *pair,
			     const char *key)
{
	const char *display;
	size_t i;

	for (i = 0; key && i < an->releases.len; i++) {
		struct ir *call = an->releases.items[i];
		const struct rule_fn *rule;

		for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next)
			if (rule->role == ROLE_RELEASE && rule->pair == pair &&
			    rule->handle.kind == HANDLE_ARG &&
			    (unsigned)rule->handle.arg < call->nkids &&
			    lvalue(an, call->kids[rule->handle.arg], &display) == key)
				return true;
	}
	return false;
}

/*
 * A function that fails undoes what it did: a resource it left in an
 * object it was given is still its debt on an error return.  Unless
 * another party is seen to clean it: a caller in the file that releases
 * that pair (itself or through another helper), as foo_alloc_rings(priv)'s
 * caller frees priv->rings when it fails.  The function's own releases,
 * reached through the caller, are no such evidence.  (Asking for the
 * same member measured worse: callers reached through ops tables and
 * teardown helpers that free a whole object are not seen.)  A callback
 * the driver core or a subsystem calls (probe, open, init) has no such
 * caller here.
 */
static bool caller_cleans(const struct analysis *an, const struct pair *pair)
{
	return summary_caller_releases(an->summaries, an->fn->name, pair);
}

/*
 * Or a caller in the file gives an object its last put (put_device(),
 * itself or through a helper): the object's release callback frees what
 * it holds, as edac_mc_alloc()'s _edac_mc_free() frees what
 * edac_mc_alloc_csrows() left in mci through mci_release().  Which
 * object is not asked, as caller_cleans() does not ask which member.
 * Only what an acquire made and the object keeps (kmalloc()'s block, a
 * reference returned): a release callback frees, it does not undo what
 * was done to an object the container points to (try_module_get(
 * bus->owner), clk_prepare_enable(priv->clk)), nor unlock.
 */
static bool caller_puts(const struct analysis *an, const struct resource *r)
{
	enum handle_kind handle = r->rule->handle.kind;

	return model_on(MODEL_CALLER_PUTS) && !r->rule->pair->every_return &&
	       (handle == HANDLE_RETURN || handle == HANDLE_ARG_OUT) &&
	       summary_callers_put(an->summaries, an->fn->name);
}

/* Which model, if any, leaves to a caller what is stored in a given object. */
static enum model_id caller_owes(const struct analysis *an, const struct resource *r)
{
	if (model_on(MODEL_CALLER_CLEANS) && caller_cleans(an, r->rule->pair))
		return MODEL_CALLER_CLEANS;
	if (caller_puts(an, r))
		return MODEL_CALLER_PUTS;
	return NR_MODELS;
}

/* Left for a caller to clean, it is still what the function gives. */
static bool left_for_caller(const struct resource *r)
{
	return r->escaped == model_escape(MODEL_CALLER_CLEANS) ||
	       r->escaped == model_escape(MODEL_CALLER_PUTS);
}

/*
 * A resource held in a global this function does not own was handed
 * over, unless the function itself releases it from there on some path:
 * then it took the job, and every error path owes it.
 */
static void hand_over_global(struct path *p, const char *key, unsigned sym,
			     struct ir_loc where)
{
	unsigned i;

	if (!model_on(MODEL_PERMANENT_GLOBAL))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == sym &&
		    !releases_through(p->an, r->rule->pair, key))
			escape(r, model_escape(MODEL_PERMANENT_GLOBAL), where);
	}
}

/*
 * Stored in a member of an object the function was given, it is handed
 * over exactly when a caller is seen to clean it (caller_owes()), even
 * where the function also releases it on some path (a retry).
 */
static void hand_over_to_caller(struct path *p, unsigned sym, struct ir_loc where)
{
	enum model_id model;
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (!r->has_handle || r->handle_sym != sym)
			continue;
		model = caller_owes(p->an, r);
		if (model != NR_MODELS)
			escape(r, model_escape(model), where);
	}
}

/*
 * dmi_kobj = kobject_create_and_add(...): a global that no function of
 * the file ever releases holds an object meant to outlive any failure.
 * One the file does release (a module's exit destroys foo_wq) is still
 * owed by an init that fails.
 */
static bool permanent_global(struct path *p, const struct ir *lhs)
{
	return model_on(MODEL_PERMANENT_GLOBAL) &&
	       lhs->kind == IR_VAR && (lhs->flags & IR_F_GLOBAL) &&
	       !summary_global_released(p->an->summaries, lhs->name);
}

static void mark_in_given_object(struct path *p, unsigned sym)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++)
		if (p->st->res[i].has_handle && p->st->res[i].handle_sym == sym)
			p->st->res[i].in_given_object = true;
}

/*
 * Is @r's handle kept in an object, a member some path of the function
 * stored it in ("priv->clk"), where a helper given that object can reach it?
 */
static bool kept_in_object(const struct path *p, const struct resource *r)
{
	unsigned i;

	for (i = 0; r->has_handle && i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    (strstr(b->key, "->") || strchr(b->key, '.')))
			return true;
	}
	return false;
}

/*
 * "&action:N": the path added the devm action an->actions[N], a function
 * of the file (a name is no key: its pointer is its identity).
 */
static const char *action_marker(struct analysis *an, const char *name)
{
	char buf[32];
	size_t i;

	for (i = 0; i < an->actions.len && an->actions.items[i] != name; i++)
		;
	if (i == an->actions.len)
		ptrvec_push(&an->actions, (void *)name);
	snprintf(buf, sizeof(buf), "&action:%zu", i);
	return strtab_intern(an->strings, buf);
}

/* Is @r released by a devm action the path added? */
static bool released_by_action(const struct path *p, const struct resource *r)
{
	const struct ptrvec *actions = &p->an->actions;
	unsigned i;
	size_t n;

	for (i = 0; i < p->st->nbinds; i++) {
		const char *key = p->st->binds[i].key;

		if (strncmp(key, "&action:", 8))
			continue;
		n = strtoul(key + 8, NULL, 10);
		if (n < actions->len &&
		    summary_may_release(p->an->summaries, actions->items[n], r->rule->pair))
			return true;
	}
	return false;
}

/*
 * A resource the path stores in an object after adding a devm action
 * that releases its pair is the action's as well (rcar_du_vsp_init():
 * vsp->planes, freed by the rcar_du_vsp_cleanup() added before).
 */
static void stored_for_action(struct path *p, unsigned sym, struct ir_loc where)
{
	unsigned i;

	/* Every store into a member asks: most functions add no action. */
	if (!p->an->actions.len || !model_on(MODEL_ACTION_RELEASES))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == sym && !r->escaped &&
		    r->status != RES_RELEASED && !r->rule->pair->every_return &&
		    released_by_action(p, r))
			escape(r, model_escape(MODEL_ACTION_RELEASES), where);
	}
}

/* A resource stored in @lhs: whose is it now? */
static void stored_in_member(struct path *p, struct ir *lhs, unsigned sym,
			     struct ir_loc where)
{
	switch (member_holder(p, lhs)) {
	case HOLDER_OWN:
		stored_for_action(p, sym, where);
		break;
	case HOLDER_GIVEN:
		hand_over_to_caller(p, sym, where);
		mark_in_given_object(p, sym);
		stored_for_action(p, sym, where);
		break;
	case HOLDER_HANDED:
		escape_sym(p, sym, ESC_HAND_OFF, where);
		break;
	}
}

static void store(struct path *p, struct ir *lhs, struct value v)
{
	const char *display, *key = lvalue(p->an, lhs, &display);

	if (v.kind == V_SYM && !key)
		escape_sym(p, v.sym, ESC_UNTRACKED, lhs->loc);
	else if (v.kind == V_SYM && permanent_global(p, lhs))
		hand_over_global(p, key, v.sym, lhs->loc);
	else if (v.kind == V_SYM)
		stored_in_member(p, lhs, v.sym, lhs->loc);
	if (!key)
		return;
	stale_names(p, display, v);
	forget_from(p, key);
	state_set(p->st, key, v);
	if (v.kind == V_SYM)
		name_resources(p, v.sym, lhs, display);
}

/* ---- checks ---- */

static void fire_release(struct path *p, const struct release_event *ev)
{
	struct check_ctx ctx = { .an = p->an, .st = p->st };
	unsigned i;

	/*
	 * A pair guessed from names is good enough to say something is
	 * owed or pins memory, not to call its own release wrong: its
	 * releases reach no check (the leak and pin checks still see it).
	 */
	if (ev->rule->pair->origin != PAIR_RULE)
		return;
	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->release && check_enabled(all_checkers[i]))
			all_checkers[i]->release(&ctx, ev);
}

static void fire_other_return(struct path *p, struct ir_loc where)
{
	struct check_ctx ctx = { .an = p->an, .st = p->st };
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->other_return && check_enabled(all_checkers[i]))
			all_checkers[i]->other_return(&ctx, where);
}

static void fire_error_return(struct path *p, struct ir_loc where,
			      bool errno_return)
{
	struct check_ctx ctx = { p->an, p->st, errno_return };
	unsigned i;

	for (i = 0; i < nr_checkers; i++)
		if (all_checkers[i]->error_return && check_enabled(all_checkers[i]))
			all_checkers[i]->error_return(&ctx, where);
}

/* ---- calls ---- */

static struct value call_result(struct path *p, struct ir *call)
{
	unsigned mask = (call->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;

	if (call->flags & IR_F_VOID)
		return v_unknown();
	state_new_sym(p->st, call->site * 2, mask, call);
	return v_sym(call->site * 2);
}

/*
 * Is @r's handle held by @key or something below it, or is it the
 * address of a part of it (&priv->qos_req)?
 */
static bool held_under(const struct state *st, const struct resource *r,
		       const char *key)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++) {
		const struct binding *b = &st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    key_within(b->key, key))
			return true;
	}
	return false;
}

/* Is @r handed to @call through argument @arg? */
static bool passed_to(struct path *p, const struct resource *r, struct ir *arg,
		      struct value v)
{
	const char *display, *key;

	if (v.kind == V_SYM && v.sym == r->handle_sym)
		return true;
	if (arg->kind == IR_ADDR)
		arg = arg->kids[0];
	key = lvalue(p->an, arg, &display);
	return key && held_under(p->st, r, key);
}

/* "v3->dev&@": the key under which &hwdev->dev's value is kept. */
static bool is_address_key(const char *key)
{
	size_t len = strlen(key);

	return len > 2 && !strcmp(key + len - 2, "&@");
}

/*
 * The key of the object whose embedded part @arg's value @v points to:
 * that of hwdev for &hwdev->dev or &hwdev->a.b, whether the argument
 * spells the address or a local carries it ("hdev = &hwdev->dev; ...
 * put_device(hdev)").  A helper turns it back into the object by
 * container_of(), and a release callback frees the object.  NULL for
 * anything else, and for a part of a local struct.
 */
static const char *embedded_owner(struct path *p, struct ir *arg, struct value v)
{
	const char *display, *key = NULL;
	char buf[512], *cut;
	size_t len;
	unsigned i;

	if (arg->kind == IR_ADDR)
		key = lvalue(p->an, arg, &display);
	for (i = 0; !key && v.kind == V_SYM && i < p->st->nbinds; i++)
		if (p->st->binds[i].value.kind == V_SYM &&
		    p->st->binds[i].value.sym == v.sym &&
		    is_address_key(p->st->binds[i].key))
			key = p->st->binds[i].key;
	if (!key || !is_address_key(key) || (len = strlen(key)) >= sizeof(buf))
		return NULL;
	/* Cut at the last "->": what follows is parts of the object (".b", "[2]"). */
	memcpy(buf, key, len + 1);
	for (cut = buf + len - 2; cut > buf; cut--)
		if (cut[-1] == '-' && cut[0] == '>')
			break;
	if (cut == buf)
		return NULL;
	cut[-1] = '\0';
	return strtab_intern(p->an->strings, buf);
}

/*
 * Does @arg pass the object @r's handle points to, or holds, by an
 * embedded part, &obj->base.base, which a helper turns back into obj by
 * container_of() (a2xx_destroy(&a2xx_gpu->base.base) frees a2xx_gpu)?
 */
static bool passed_embedded(struct path *p, const struct resource *r,
			    struct ir *arg, struct value v)
{
	const char *key = embedded_owner(p, arg, v);

	return key && held_under(p->st, r, key);
}

/* The last member a name ends in: "buf" of "priv->ring.buf", or the name. */
static const char *last_member(const char *name)
{
	const char *arrow = name ? strrchr(name, '>') : NULL;
	const char *dot = name ? strrchr(name, '.') : NULL;
	const char *last = arrow > dot ? arrow : dot;

	return last ? last + 1 : name ? name : "";
}

/*
 * May the helper @call release @r, held in a member of an object it can
 * reach?  Only if it releases that member by name, or some release of
 * the pair names none: pl330_del(pl330) frees pl330->channels, not
 * pl330->peripherals.
 */
static bool frees_member(const struct path *p, const struct ir *call,
			 const struct resource *r)
{
	const struct summaries *s = p->an->summaries;
	unsigned i;

	if (summary_may_free_member(s, call->name, r->rule->pair, last_member(r->name)))
		return true;
	/* Known by a local's name, kept in a member: "cpu_addr" in ->virt_addr. */
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind == V_SYM && b->value.sym == r->handle_sym &&
		    summary_may_free_member(s, call->name, r->rule->pair,
					    last_member(b->key)))
			return true;
	}
	return false;
}

/*
 * A static helper of this file that may release a resource of a pair
 * ("foo_free(priv)" calling kfree(priv->buf)) takes what it is given:
 * the path no longer owes it.  Handle-less pairs need no argument.
 */
static void release_through_helper(struct path *p, struct ir *call,
				   const struct value *args, unsigned nargs)
{
	unsigned i, k;

	if (!model_on(MODEL_HELPER_RELEASES) ||
	    !summary_releases_any(p->an->summaries, call->name))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];
		unsigned char why = model_escape(MODEL_HELPER_RELEASES);

		if (r->escaped || r->status == RES_RELEASED || r->status == RES_FAILED ||
		    !summary_may_release(p->an->summaries, call->name, r->rule->pair))
			continue;
		/*
		 * A helper that takes the lock itself does not drop the
		 * caller's hold of it: it would deadlock on it first
		 * (mhi_unprepare_channel() locks and unlocks the channel).
		 */
		if (r->rule->pair->every_return &&
		    summary_acquires(p->an->summaries, call->name, r->rule->pair))
			continue;
		/*
		 * Kept in an object the function was given, it is reachable
		 * from the helper's arguments by paths ladder does not follow
		 * (ath11k_thermal_unregister(ab) walks ab->pdevs[i].ar), if
		 * the helper may release that member (frees_member()).
		 */
		if (!r->has_handle || (r->in_given_object && frees_member(p, call, r))) {
			escape(r, why, call->loc);
			continue;
		}
		for (k = 0; k < nargs && !r->escaped; k++) {
			bool itself = args[k].kind == V_SYM &&
				      args[k].sym == r->handle_sym;
			bool holder = passed_to(p, r, call->kids[k], args[k]) ||
				      passed_embedded(p, r, call->kids[k], args[k]);

			if (itself || (holder && frees_member(p, call, r)))
				escape(r, why, call->loc);
		}
	}
}

static const struct rule_fn *find_role(const struct rule_fn *chain,
				       enum rule_role role)
{
	for (; chain; chain = chain->next)
		if (chain->role == role)
			return chain;
	return NULL;
}

/*
 * Whether a call taking argument @k takes @r: the argument itself, or
 * what the object it names holds (@key, the argument's owner: x for
 * &x->dev).  A call that is itself a release (put_device()) takes only
 * what the object holds, for its release callback to free: the
 * argument's own resources of other pairs (the device still added) it
 * does not end.  An acquire's take (device_initialize(dev) of a
 * kzalloc()ed dev, of_get_next_child() of the node it was given) takes
 * the argument itself.  A lock held in the object is not the object's
 * to drop: whoever took it still owes the unlock.  Nor is what survives
 * a put (rules' survives-put): kref_put(&shost->tagset_refcnt, ...) does
 * not delete shost->shost_dev, whose registration keeps shost alive.
 */
static bool takes_resource(struct path *p, const struct resource *r,
			   struct ir *call, unsigned k, struct value arg,
			   const char *key, const struct rule_fn *chain)
{
	if (!r->has_handle || r->rule->pair->every_return)
		return false;
	if (arg.kind == V_SYM && arg.sym == r->handle_sym)
		return !find_role(chain, ROLE_RELEASE);
	return passed_to(p, r, call->kids[k], arg) ||
	       (key && !r->rule->pair->survives_put && held_under(p->st, r, key));
}

/*
 * The callee takes what argument @k holds: devm_add_action_or_reset()
 * its data, device_register(&x->dev) all of x, krealloc() the old block.
 */
static const char *take_ownership(struct path *p, struct ir *call, unsigned takes,
				  const struct rule_fn *chain,
				  const struct value *args, unsigned nargs,
				  unsigned char reason)
{
	const char *key, *taken = NULL;
	unsigned i, k;

	for (k = 0; k < nargs; k++) {
		if (!(takes & (1u << k)))
			continue;
		key = embedded_owner(p, call->kids[k], args[k]);
		for (i = 0; i < p->st->nres; i++) {
			struct resource *r = &p->st->res[i];

			if (!takes_resource(p, r, call, k, args[k], key, chain))
				continue;
			if (!r->escaped && !taken)
				taken = r->name;
			escape(r, reason, call->loc);
		}
	}
	return taken;
}

/*
 * devm_add_action_or_reset(dev, foo_pm_disable, foo) runs foo_pm_disable()
 * when the device goes, or at once if it fails: what a helper of the file
 * given as the action releases is the action's.  A resource with a handle
 * goes with the action's data (takes:), or, kept in an object the action
 * can reach, when the action releases its pair (rz_mtu3_pwm_probe():
 * priv->clk's exclusive rate, put by rz_mtu3_pwm_pm_disable(chip)); one
 * without (pm_runtime_enable()) goes when the action releases its pair.
 * What the path stores in objects later goes the same way
 * (stored_for_action()).  A lock never: an action does not unlock.
 */
static void run_action(struct path *p, struct ir *call, unsigned arg)
{
	const struct ir *action = arg < call->nkids ? call->kids[arg] : NULL;
	const char *marker;
	unsigned i;

	if (!action || !(action->flags & IR_F_FUNCTION) || !action->name ||
	    !model_on(MODEL_ACTION_RELEASES))
		return;
	for (i = 0; i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->escaped || r->status == RES_RELEASED ||
		    r->rule->pair->every_return ||
		    (r->has_handle && !kept_in_object(p, r)) ||
		    !summary_may_release(p->an->summaries, action->name, r->rule->pair))
			continue;
		escape(r, model_escape(MODEL_ACTION_RELEASES), call->loc);
	}
	marker = action_marker(p->an, action->name);
	state_set(p->st, marker, v_const(1));
}

/*
 * krealloc() takes the old block and returns its continuation: the new
 * resource goes by the old one's name ("name", not the temporary
 * "name_tmp" it passes through), so one leak is one warning.
 */
static void inherit_name(struct path *p, const struct ir *call, const char *name)
{
	unsigned i;

	for (i = 0; name && i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->site == call->site && !r->escaped) {
			r->name = name;
			r->name_internal = false;
		}
	}
}

static struct value unknown_call(struct path *p, struct ir *call,
				 const struct value *args, unsigned nargs)
{
	const char *display, *key;
	unsigned i;

	release_through_helper(p, call, args, nargs);

	for (i = 0; i < call->nkids; i++) {
		struct ir *arg = call->kids[i];

		if (arg->kind != IR_ADDR)
			continue;
		key = lvalue(p->an, arg->kids[0], &display);
		if (key)
			escape_lvalue(p, key, call->loc);
	}
	return call_result(p, call);
}

/*
 * Binding key of the marker that says "this path released what @key
 * holds without having acquired it": reset_control_assert() before
 * reset_control_deassert(), clk_disable_unprepare() before
 * clk_prepare_enable().  An acquire through the same place afterwards
 * puts back the state the function found, and is not owed.
 */
static const char *restore_marker(struct analysis *an, const char *key)
{
	char buf[600];

	snprintf(buf, sizeof(buf), "!%s", key);
	return strtab_intern(an->strings, buf);
}

/* The same for a pair known by no handle: the path released it first. */
static const char *pair_restore_marker(struct analysis *an, const struct pair *pair)
{
	char buf[600];

	snprintf(buf, sizeof(buf), "!pair:%s", pair->name);
	return strtab_intern(an->strings, buf);
}

/*
 * The expression a transparent call passes through: spin_lock_irqsave()
 * locks spinlock_check(&ap->lock), which is &ap->lock.
 */
static struct ir *through_transparent(struct analysis *an, struct ir *e)
{
	const struct rule_fn *rule;

	while (e && e->kind == IR_CALL &&
	       (rule = rules_lookup(an->rules, e->name)) &&
	       rule->role == ROLE_TRANSPARENT && (unsigned)rule->arg < e->nkids)
		e = e->kids[rule->arg];
	return e;
}

/*
 * The symbol of the handle a call's acquire @part leaves: site * 2 + 1
 * for the first, past every site's symbols for the others (a helper
 * leaving two members has two handles).
 */
static unsigned part_handle_sym(const struct analysis *an, const struct ir *call,
				unsigned part)
{
	if (!part)
		return call->site * 2 + 1;
	return (an->fn->nsites + 1) * 2 + (call->site * MAX_PARTS + part) * 2 + 1;
}

/*
 * Where an argument-held handle lives: an existing symbol or a new one.
 * @written: the call stores the handle there (request_firmware(&fw, ...));
 * otherwise it only reads it, and naming its value must not forget what
 * is known below it (pci_enable_device(pdev) leaves pdev->irq alone).
 */
static bool bind_handle_arg(struct path *p, struct ir *call, struct value arg,
			    struct ir *lv, struct resource *r, bool written)
{
	const char *display = NULL, *key = lv ? lvalue(p->an, lv, &display) : NULL;

	if (arg.kind == V_SYM) {
		r->handle_sym = arg.sym;
	} else if (key) {
		r->handle_sym = part_handle_sym(p->an, call, r->part);
		state_new_sym(p->st, r->handle_sym, VAL_POS, call);
		if (written)
			store(p, lv, v_sym(r->handle_sym));
		else
			state_set(p->st, key, v_sym(r->handle_sym));
	} else {
		return false;	/* nothing to follow the handle by */
	}
	r->has_handle = true;
	/*
	 * A macro's temporary holding the handle (kfifo_alloc()'s __kfifo)
	 * is no name for it: the user never wrote it.
	 */
	if (display && !(arg.kind == V_SYM && rooted_in_internal(lv))) {
		r->name = display;
		r->name_internal = rooted_in_internal(lv);
	}
	return true;
}

/*
 * "priv->rings" for foo_alloc_rings(priv), a wrapper that leaves what it
 * acquired in that member: an lvalue the call's argument @arg does not
 * spell out, made once per call site.  NULL if the argument is no
 * pointer the key can follow.
 */
static struct ir *member_node(struct analysis *an, struct ir *call,
			      unsigned arg, const char *member, unsigned part)
{
	unsigned slot = call->site * MAX_PARTS + part;
	bool cached = call->site <= an->fn->nsites && part < MAX_PARTS;
	const char *display;
	struct ir *n;

	if (!an->member_nodes)
		an->member_nodes = arena_alloc(an->arena, (an->fn->nsites + 1) *
					       MAX_PARTS * sizeof(*an->member_nodes));
	if (cached && an->member_nodes[slot])
		return an->member_nodes[slot];
	if (call->kids[arg]->kind == IR_ADDR || !lvalue(an, call->kids[arg], &display))
		return NULL;
	n = arena_alloc(an->arena, sizeof(*n));
	n->kind = IR_MEMBER;
	n->flags = IR_F_ARROW | IR_F_POINTER;
	n->name = member;
	n->loc = call->loc;
	n->nkids = 1;
	n->kids = arena_alloc(an->arena, sizeof(*n->kids));
	n->kids[0] = call->kids[arg];
	if (cached)
		an->member_nodes[slot] = n;
	return n;
}

/*
 * A call as the source line spells it: the macro used there when the
 * callee's name has it (kzalloc() for kzalloc_noprof(), spin_lock_irqsave()
 * for _raw_spin_lock_irqsave()) or the rules know it for the same @pair
 * (kcalloc() for the kmalloc_array_noprof() the compiler sees); else
 * @known, the name the rules give it.
 */
static const char *source_name(const struct analysis *an, const struct ir *call,
			       const char *known, const struct pair *pair)
{
	const struct rule_fn *rule;

	if (!call->spelled || call->spelled == known)
		return known;
	if (strstr(known, call->spelled) || strstr(call->name, call->spelled))
		return call->spelled;
	for (rule = rules_lookup(an->rules, call->spelled); pair && rule; rule = rule->next)
		if (rule->pair == pair)
			return call->spelled;
	return known;
}

/*
 * The remedy spelled as the acquire is: kfifo_alloc() is the source's
 * name for __kfifo_alloc(), so __kfifo_free() is kfifo_free() to it.
 * The prefix and suffix the source's name drops, dropped from the
 * remedy when it has both.
 */
static const char *spelled_remedy(const struct analysis *an,
				  const struct rule_fn *rule, const char *spelled)
{
	const struct rule_fn *remedy = rules_remedy(rule);
	const char *at = spelled ? strstr(rule->name, spelled) : NULL;
	size_t pre, post, len;
	char buf[256];

	if (!remedy || !at || spelled == rule->name)
		return remedy ? remedy->name : NULL;
	pre = (size_t)(at - rule->name);
	post = strlen(at) - strlen(spelled);
	len = strlen(remedy->name);
	if (len <= pre + post || len - pre - post >= sizeof(buf) ||
	    strncmp(remedy->name, rule->name, pre) ||
	    strcmp(remedy->name + len - post, at + strlen(spelled)))
		return remedy->name;
	memcpy(buf, remedy->name + pre, len - pre - post);
	buf[len - pre - post] = '\0';
	return strtab_intern(an->strings, buf);
}

/*
 * sg_alloc_table() in a loop that failed on its third pass leaves the
 * tables of the first two held, and the unwind's "while (i--)
 * sg_free_table(...)" frees them.  Where no handle tells the elements
 * apart, an acquire made again while the earlier pass's is held owes
 * those whatever it does itself (model loop-elements).  Ladder does not
 * count elements: a release of them is taken to release them all, the
 * loop's or the failing pass's own first, and the other as another
 * element (checks/double_release.c).
 */
static bool earlier_pass_held(const struct state *st, const struct resource *r)
{
	unsigned i;

	if (r->rule->handle.kind != HANDLE_NONE || !model_on(MODEL_LOOP_ELEMENTS))
		return false;
	for (i = 0; i < st->nres; i++) {
		const struct resource *old = &st->res[i];

		if (old->site == r->site && old->part == r->part)
			return old->status == RES_LIVE && !old->escaped;
	}
	return false;
}

/*
 * One resource from @call for @rule's pair.  @part numbers the pairs one
 * call acquires for; a later part finds in @args the handle an earlier
 * one named.
 */
static struct value do_acquire(struct path *p, struct ir *call,
			       const struct rule_fn *rule, unsigned part,
			       struct value *args, unsigned nargs)
{
	struct resource r = { .site = call->site, .part = part, .rule = rule,
			      .acquire = call,
			      .acquire_name = source_name(p->an, call, rule->name,
							  rule->pair) };
	struct value result = v_unknown();
	unsigned i, arg = (unsigned)rule->handle.arg;
	struct ir *lv, *handle_place = NULL;
	/*
	 * get_device(dev) returns dev itself: the result is the handle,
	 * and testing it ("if (!get_device(dev))") tests the acquire.
	 */
	bool returns_handle = rule->handle.kind == HANDLE_ARG &&
			      rule->returns == arg + 1 && arg < nargs;

	r.remedy_name = spelled_remedy(p->an, rule, r.acquire_name);
	r.status_sym = NO_SYM;
	r.status = RES_LIVE;
	if (rule->null_arg >= 0 && (unsigned)rule->null_arg < nargs) {
		struct ir *kid = call->kids[rule->null_arg];
		struct value a = args[rule->null_arg];
		const char *display, *key = lvalue(p->an, kid, &display);

		/* Name the node's value, so that a later "!np" decides it. */
		if (key && (a.kind == V_UNKNOWN || a.kind == V_UNINIT))
			a = lvalue_symbol(p, kid, key);
		if (a.kind == V_CONST && a.c == 0)
			return v_const(0);	/* of_get_parent(NULL): NULL */
		if (a.kind == V_SYM) {
			r.has_null_arg = true;
			r.null_arg_sym = a.sym;
		}
		if (returns_handle && (unsigned)rule->null_arg == arg)
			args[arg] = a;
	}
	if (!(call->flags & IR_F_VOID) && !returns_handle) {
		r.status_sym = call->site * 2;
		state_new_sym(p->st, r.status_sym,
			      success_initial_mask(rule->success), call);
		result = v_sym(r.status_sym);
	}
	switch (rule->handle.kind) {
	case HANDLE_RETURN:
		/*
		 * platform_device_register_simple("efivars", ...) as a
		 * statement: the caller kept no handle, so it can never
		 * release it; the object is meant to live on.
		 */
		if (r.status_sym == NO_SYM ||
		    ((call->flags & IR_F_DISCARDED) && model_on(MODEL_DISCARDED_RESULT)))
			return result;
		r.has_handle = true;
		r.handle_sym = r.status_sym;
		break;
	case HANDLE_ARG:
		if (arg >= nargs)
			return result;
		lv = through_transparent(p->an, call->kids[arg]);
		if (!bind_handle_arg(p, call, args[arg], lv, &r, false))
			return result;
		args[arg] = v_sym(r.handle_sym);
		handle_place = lv;
		if (returns_handle) {
			r.status_sym = r.handle_sym;
			state_refine(p->st, r.status_sym,
				     success_initial_mask(rule->success));
			result = v_sym(r.status_sym);
		}
		break;
	case HANDLE_ARG_OUT:
		if (arg >= nargs || call->kids[arg]->kind != IR_ADDR)
			return result;
		lv = call->kids[arg]->kids[0];
		if (!bind_handle_arg(p, call, v_unknown(), lv, &r, true))
			return result;
		break;
	case HANDLE_ARG_MEMBER:
		if (arg >= nargs || !(lv = member_node(p->an, call, arg, rule->member, part)) ||
		    !bind_handle_arg(p, call, v_unknown(), lv, &r, true))
			return result;
		handle_place = lv;
		break;
	case HANDLE_NONE:
		break;
	}
	for (i = 0; i < nargs && i < MAX_CALL_ARGS; i++)
		if ((rule->pins & (1u << i)) && args[i].kind == V_SYM &&
		    r.npins < MAX_PINS)
			r.pins[r.npins++] = args[i].sym;
	if (!part)
		trace_step(p, call->loc, NULL);
	r.acquire_seq = p->st->trace->seq;
	r.elements_before = earlier_pass_held(p->st, &r);
	state_update_status(p->st, &r);
	state_add_resource(p->st, &r);
	if (rule->handle.kind == HANDLE_NONE && model_on(MODEL_RESTORE_MARKER) &&
	    state_get(p->st, pair_restore_marker(p->an, rule->pair)).kind == V_CONST)
		escape(state_add_resource(p->st, &r),
		       model_escape(MODEL_RESTORE_MARKER), call->loc);
	if (handle_place) {
		const char *display, *key = lvalue(p->an, handle_place, &display);

		/* clk_prepare_enable(priv->clk): the handle lives in priv already. */
		stored_in_member(p, handle_place, r.handle_sym, call->loc);
		if (key && model_on(MODEL_RESTORE_MARKER) &&
		    state_get(p->st, restore_marker(p->an, key)).kind == V_CONST)
			escape(state_add_resource(p->st, &r),
			       model_escape(MODEL_RESTORE_MARKER), call->loc);
	}
	return result;
}

static enum release_kind release_kind_of(const struct resource *r)
{
	switch (r->status) {
	case RES_RELEASED:
		return REL_RELEASED;
	case RES_FAILED:
		return REL_FAILED;
	default:
		return REL_LIVE;
	}
}

/*
 * With nothing of a counted pair left, a release call that released one
 * of its resources before went round a loop: that one is what it meets
 * again, whichever acquire site the path used last.
 */
static struct resource *released_by(struct state *st, const struct pair *pair,
				    const struct ir *call, struct resource *found)
{
	unsigned i;

	for (i = 0; i < st->nres; i++)
		if (st->res[i].rule->pair == pair && !st->res[i].has_handle &&
		    st->res[i].release == call)
			return &st->res[i];
	return found;
}

/* Which resource does this release refer to, if any ladder knows of? */
static bool match_release(struct path *p, const struct rule_fn *rule,
			  struct value *args, unsigned nargs,
			  struct release_event *ev)
{
	const struct pair *pair = rule->pair;
	unsigned arg = (unsigned)rule->handle.arg;
	struct resource *r = NULL;

	if (rule->handle.kind == HANDLE_NONE) {
		r = state_find_pair(p->st, pair);
		if (!r)
			r = state_find_pair_any(p->st, pair);
		if (r && r->status == RES_RELEASED)
			r = released_by(p->st, pair, ev->call, r);
	} else if (arg < nargs && args[arg].kind == V_SYM) {
		r = state_find_handle(p->st, args[arg].sym, pair);
	} else if (arg < nargs && args[arg].kind == V_UNINIT &&
		   pair_acquired(p->an, pair)) {
		ev->kind = REL_NEVER;
		ev->rule = rule;
		return true;
	}
	if (!r && rule->handle.kind == HANDLE_NONE && pair_acquired(p->an, pair)) {
		ev->kind = REL_NEVER;
		ev->rule = rule;
		return true;
	}
	if (!r)
		return false;
	ev->res = r;
	ev->kind = release_kind_of(r);
	ev->rule = rule;
	return true;
}

static void note_release_first(struct path *p, const struct rule_fn *chain,
			       struct ir *call)
{
	const struct rule_fn *rule;
	const char *display, *key;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->implicit)
			continue;
		/* pm_runtime_disable(dev) ... pm_runtime_enable(dev): by pair. */
		if (rule->handle.kind == HANDLE_NONE) {
			state_set(p->st, pair_restore_marker(p->an, rule->pair),
				  v_const(1));
			continue;
		}
		if (rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		key = lvalue(p->an, call->kids[rule->handle.arg], &display);
		if (key)
			state_set(p->st, restore_marker(p->an, key), v_const(1));
		return;
	}
}

/*
 * kfree() of what devm_kzalloc() returned: no rule of kfree matches a
 * managed resource, but the handle and the rules' "plain:" (kmalloc for
 * devm-kmalloc) say it frees it.
 */
static bool match_managed(struct path *p, const struct rule_fn *chain,
			  struct value *args, unsigned nargs,
			  struct release_event *ev)
{
	const struct rule_fn *rule;
	unsigned arg;

	for (rule = chain; rule; rule = rule->next) {
		struct resource *r;

		arg = (unsigned)rule->handle.arg;
		if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
		    arg >= nargs || args[arg].kind != V_SYM)
			continue;
		/* Only the release of its plain variant: clk_disable() of a
		 * devm clock undoes an enable, not the devm_clk_get(). */
		r = state_find_managed(p->st, args[arg].sym);
		if (r && r->rule->pair->plain == rule->pair) {
			ev->res = r;
			ev->kind = REL_MANAGED;
			ev->rule = rule;
			return true;
		}
	}
	return false;
}

/* The binding key of the flag test "@base & @mask". */
static const char *flag_key(struct analysis *an, const char *base,
			    unsigned long long mask)
{
	char key[256];

	if (snprintf(key, sizeof(key), "%s&%lld", base, (long long)mask) >=
	    (int)sizeof(key))
		return NULL;
	return strtab_intern(an->strings, key);
}

/* The mask of the flag test @key below @base ("v3->flags&64"), if it is one. */
static bool flag_mask(const char *key, const char *base, unsigned long long *mask)
{
	size_t len = strlen(base);

	if (strncmp(key, base, len) || key[len] != '&')
		return false;
	*mask = (unsigned long long)strtoll(key + len + 1, NULL, 10);
	return true;
}

/* The key of @member of what the pointer keyed @object points to. */
static const char *member_key(struct analysis *an, const char *object,
			      const char *member)
{
	char key[512];

	if (snprintf(key, sizeof(key), "%s->%s", object, member) >= (int)sizeof(key))
		return NULL;
	return strtab_intern(an->strings, key);
}

/*
 * Did the path set every bit of @bits in @flags ("x->flags |= A | B",
 * or "x->flags = A | B")?
 */
static bool flag_set(struct path *p, const char *flags, unsigned long long bits)
{
	struct value whole = state_get(p->st, flags);
	unsigned long long mask;
	unsigned i;

	if (whole.kind == V_CONST)
		return ((unsigned long long)whole.c & bits) == bits;
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (flag_mask(b->key, flags, &mask) && (mask & bits) == bits &&
		    b->value.kind == V_CONST &&
		    ((unsigned long long)b->value.c & bits) == bits)
			return true;
	}
	return false;
}

/*
 * usb_free_urb(urb) frees urb->transfer_buffer too when the path set
 * URB_FREE_BUFFER in urb->transfer_flags: the pair's frees-member says
 * which member, and which flag.  What the member holds is released
 * with it; a flag the path never set, or cleared, frees nothing more.
 */
static void release_flagged_member(struct path *p, const struct release_event *ev)
{
	const struct member_freed *mf = &ev->rule->pair->frees_member;
	const char *display, *object, *flags, *member;
	unsigned arg = (unsigned)ev->rule->handle.arg;
	struct value kept;
	unsigned i;

	if (!mf->member || ev->rule->handle.kind != HANDLE_ARG ||
	    arg >= ev->call->nkids ||
	    !(object = lvalue(p->an, ev->call->kids[arg], &display)))
		return;
	flags = member_key(p->an, object, mf->flag);
	member = member_key(p->an, object, mf->member);
	if (!flags || !member || !flag_set(p, flags, mf->bits))
		return;
	kept = state_get(p->st, member);
	for (i = 0; kept.kind == V_SYM && i < p->st->nres; i++) {
		struct resource *r = &p->st->res[i];

		if (r->has_handle && r->handle_sym == kept.sym &&
		    r->status == RES_LIVE) {
			r->status = RES_RELEASED;
			r->release = ev->call;
		}
	}
}

/* What a matched release @ev does to the path, and what it reports. */
static void apply_release(struct path *p, struct release_event *ev,
			  struct value *args, unsigned nargs)
{
	const struct ir *call = ev->call;
	const char *display = NULL;
	unsigned arg = (unsigned)ev->rule->handle.arg;

	if (ev->rule->handle.kind != HANDLE_NONE && arg < nargs) {
		if (lvalue(p->an, call->kids[arg], &display))
			ev->handle = display;
		ev->handle_mask = value_mask(p->st, args[arg]);
	}
	fire_release(p, ev);
	if (ev->res && ev->kind == REL_LIVE) {
		ev->res->status = RES_RELEASED;
		ev->res->release = call;
		release_flagged_member(p, ev);
	}
}

/*
 * device_del() disables runtime PM on its way: what is live is no
 * longer owed, but it is no release of its own to double or to
 * misplace, and a pm_runtime_disable() after it is no double.
 */
static void release_matched(struct path *p, struct release_event *ev,
			    struct value *args, unsigned nargs)
{
	if (!ev->rule->implicit)
		apply_release(p, ev, args, nargs);
	else if (ev->res && ev->kind == REL_LIVE)
		escape(ev->res, ESC_IMPLICIT, ev->call->loc);
}

/*
 * A release of the pair that matched nothing the path holds: say so on
 * the path, for a reader who sees "kfree()" on it and wonders why the
 * leak of 'buf' stands ("kfree() here is given 'name', not 'buf'").
 */
static void note_other_handle(struct path *p, const struct rule_fn *chain,
			      struct ir *call)
{
	const struct rule_fn *rule;
	const char *given;
	char text[256];
	unsigned i;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->handle.kind != HANDLE_ARG ||
		    (unsigned)rule->handle.arg >= call->nkids)
			continue;
		if (!lvalue(p->an, call->kids[rule->handle.arg], &given))
			given = NULL;
		for (i = 0; i < p->st->nres; i++) {
			const struct resource *r = &p->st->res[i];

			if (r->rule->pair != rule->pair || r->status != RES_LIVE ||
			    r->escaped || !r->name)
				continue;
			if (given && strcmp(given, r->name))
				snprintf(text, sizeof(text), "%s() here is given '%s', not '%s'",
					 call_name(p->an, call), given, r->name);
			else if (!given)
				snprintf(text, sizeof(text), "%s() here is not given '%s'",
					 call_name(p->an, call), r->name);
			else
				continue;
			trace_step(p, call->loc, text);
			return;
		}
	}
}

/*
 * A call releases for each pair it holds a resource of:
 * clk_disable_unprepare() undoes the enable and the prepare.  A call
 * that matches none may still release what this path never acquired
 * (REL_NEVER, as the last rule tried says), or a managed resource.
 */
static void do_release(struct path *p, struct ir *call, const struct rule_fn *chain,
		       struct value *args, unsigned nargs)
{
	struct release_event ev = { .call = call };
	const struct rule_fn *rule;
	bool matched = false;

	for (rule = chain; rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE)
			continue;
		memset(&ev, 0, sizeof(ev));
		ev.call = call;
		if (match_release(p, rule, args, nargs, &ev) &&
		    ev.kind != REL_NEVER) {
			release_matched(p, &ev, args, nargs);
			matched = true;
		}
	}
	if (matched || (ev.rule && ev.rule->implicit))
		return;
	if (!ev.rule && match_managed(p, chain, args, nargs, &ev)) {
		fire_release(p, &ev);
		ev.res->status = RES_RELEASED;
		ev.res->release = call;
		return;
	}
	note_release_first(p, chain, call);
	note_other_handle(p, chain, call);
	if (ev.rule)
		apply_release(p, &ev, args, nargs);
}

/*
 * A call acquires once for each pair it is in: clk_prepare_enable()
 * leaves a prepared clock and an enabled one, each undone on its own.
 * The rules make them share the handle and the return value.
 */
static struct value do_acquires(struct path *p, struct ir *call,
				const struct rule_fn *chain, struct value *args,
				unsigned nargs)
{
	struct value v = v_unknown();
	unsigned part = 0;

	for (; chain; chain = chain->next)
		if (chain->role == ROLE_ACQUIRE)
			v = do_acquire(p, call, chain, part++, args, nargs);
	return v;
}

static unsigned eval_args(struct path *p, struct ir *call, struct value *args)
{
	unsigned i;

	for (i = 0; i < call->nkids; i++) {
		struct value v = eval(p, call->kids[i]);

		if (i < MAX_CALL_ARGS)
			args[i] = v;
	}
	return call->nkids < MAX_CALL_ARGS ? call->nkids : MAX_CALL_ARGS;
}

/*
 * One argument of a stable call, as its memo key spells it: the first
 * by its lvalue when it has one (so that the key lies below it, and a
 * store there forgets the result), a string by its spelling, any other
 * by its value (@v, or the constant the code writes).
 */
static bool memo_arg(struct analysis *an, struct ir *arg, struct value v,
		     bool first, char *buf, size_t size)
{
	const char *display, *key = first ? lvalue(an, arg, &display) : NULL;
	int n;

	if (arg->kind == IR_CONST)
		v = v_const(arg->value);
	if (key)
		n = snprintf(buf, size, "%s", key);
	else if (arg->kind == IR_OPAQUE && arg->name)
		n = snprintf(buf, size, "%s", arg->name);	/* "a string" */
	else if (v.kind == V_CONST)
		n = snprintf(buf, size, "%lld", v.c);
	else if (v.kind == V_SYM)
		n = snprintf(buf, size, "$%u", v.sym);
	else
		return false;
	return n >= 0 && (size_t)n < size;
}

/*
 * Which argument a stable call's result is kept below: the first that
 * is an lvalue or an lvalue's address, so that test_bit(F, &x->flags)
 * is forgotten when x->flags is stored or its address passed on
 * (set_bit()).  The first argument when none is.
 */
static unsigned memo_anchor(struct analysis *an, struct ir *call)
{
	const char *display;
	unsigned i;

	for (i = 0; i < call->nkids; i++)
		if (lvalue(an, call->kids[i], &display))
			return i;
	return 0;
}

/*
 * The binding key of a stable call's result, "host->slot->mmc&f(1)",
 * from its arguments' values @args; without them (NULL) from what the
 * code writes, as find_conditions() needs.  NULL when an argument has
 * no name.
 */
static const char *stable_key(struct analysis *an, struct ir *call,
			      const struct value *args)
{
	char key[600], part[256];
	unsigned i, anchor;
	size_t len;
	int n;

	if (!call->nkids || call->nkids > MAX_CALL_ARGS)
		return NULL;
	anchor = memo_anchor(an, call);
	if (!memo_arg(an, call->kids[anchor], args ? args[anchor] : v_unknown(),
		      true, part, sizeof(part)))
		return NULL;
	len = (size_t)snprintf(key, sizeof(key), "%s&%s(", part, call->name);
	for (i = 0; i < call->nkids; i++) {
		if (i == anchor)
			continue;
		if (!memo_arg(an, call->kids[i], args ? args[i] : v_unknown(),
			      false, part, sizeof(part)))
			return NULL;
		n = snprintf(key + len, sizeof(key) - len, "%s%s",
			     key[len - 1] == '(' ? "" : ",", part);
		if (n < 0 || (size_t)n >= sizeof(key) - len - 1)
			return NULL;
		len += (size_t)n;
	}
	snprintf(key + len, sizeof(key) - len, ")");
	return strtab_intern(an->strings, key);
}

/*
 * mmc_can_gpio_cd(host->slot->mmc) tested on the way in and again on
 * the error path: a stable call gives the same value for the same
 * arguments, as long as its first argument's lvalue stands.  Kept as a
 * binding below that lvalue, and named like one (lvalue_symbol_id()).
 */
static struct value stable_call(struct path *p, struct ir *call,
				const struct value *args)
{
	const char *memo;
	unsigned id, mask;
	struct value v;

	if (call->flags & IR_F_VOID)
		return v_unknown();
	memo = stable_key(p->an, call, args);
	if (!memo)
		return call_result(p, call);
	v = state_get(p->st, memo);
	if (v.kind == V_SYM || v.kind == V_CONST)
		return v;
	id = lvalue_symbol_id(memo);
	if (state_sym(p->st, id))
		return call_result(p, call);
	mask = (call->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;
	state_new_sym(p->st, id, mask, call);
	state_set(p->st, memo, v_sym(id));
	return v_sym(id);
}

static bool is_stable(const struct analysis *an, const struct ir *call,
		      const struct rule_fn *chain)
{
	if (!model_on(MODEL_STABLE_CALLS))
		return false;
	if (chain)
		return chain->role == ROLE_STABLE;
	return summary_is_stable(an->summaries, call->name);
}

/* Is @v one of the constants @f's switch lists? */
static bool listed_case(const struct fails *f, struct value v)
{
	unsigned i;

	for (i = 0; v.kind == V_CONST && i < f->ncases; i++)
		if (f->cases[i] == v.c)
			return true;
	return false;
}

/*
 * A function of the file that cannot fail here: it never returns an
 * error, or only for a NULL argument this call's is known not to be
 * (gpiochip_irqchip_add_allocated_domain(gc, domain, false) after
 * IS_ERR(domain) was ruled out), or only in the default of a switch
 * this call's constant has a case in (owl_dma_cfg_lli(..., DMA_MEM_TO_MEM,
 * ...)).  Its result is then not negative, and 0 if 0 is all it
 * otherwise returns.
 */
static void cannot_fail(struct path *p, const struct ir *call,
			const struct value *args, unsigned nargs, struct value v)
{
	const struct fails *f = summary_fails(p->an->summaries, call->name);
	unsigned k = (unsigned)f->param;

	if (v.kind != V_SYM || !model_on(MODEL_CANNOT_FAIL))
		return;
	switch (f->how) {
	case FAILS_NEVER:
		break;
	case FAILS_IF_NULL:
		if (k >= nargs || value_mask(p->st, args[k]) != VAL_POS)
			return;
		break;
	case FAILS_UNLESS_CASE:
		if (k >= nargs || !listed_case(f, args[k]))
			return;
		break;
	default:
		return;
	}
	state_refine(p->st, v.sym, f->zero ? VAL_ZERO : VAL_ZERO | VAL_POS);
}

/* The rules of a call: the rules files', or a wrapper's of this file. */
static const struct rule_fn *lookup_call(const struct analysis *an,
					 const char *name)
{
	const struct rule_fn *chain = rules_lookup(an->rules, name);

	return chain ? chain : summary_wrapper(an->summaries, name);
}

/*
 * The value of a test of symbol @target, true exactly for values in
 * @mask: known when the target's class is, otherwise a 0-or-1 symbol tied
 * to it, so "int __ret_warn_on = !!(!res); if (__ret_warn_on)" learns
 * whether res is NULL, and "err = dma_mapping_error(dev, addr); if (err)"
 * whether the mapping failed.  Its id is the expression's own site, as a
 * call's result is its site's.
 */
static struct value test_of(struct path *p, const struct ir *e, unsigned target,
			    unsigned mask, bool errno_result)
{
	const struct sym *t = state_sym(p->st, target);
	unsigned id = e->site * 2;
	unsigned truth = errno_result ? VAL_NEG : VAL_POS;
	struct sym *s;

	if (t && !(t->mask & mask))
		return v_const(0);
	if (t && !(t->mask & ~mask) && !errno_result)
		return v_const(1);
	/* True is non-zero either way: an errno is negative, a yes positive. */
	s = state_new_sym(p->st, id, t && !(t->mask & ~mask) ? truth :
			  VAL_ZERO | truth, NULL);
	s->has_tests = true;
	s->tests = target;
	s->tests_mask = mask;
	return v_sym(id);
}

/*
 * pm_runtime_enabled(dev) after the path's pm_runtime_enable(dev), or
 * regulator_is_enabled(reg) after its regulator_enable(reg): yes.  Any
 * other time the answer is the world's, not the path's (a shared
 * regulator another consumer enabled), so it stays unknown.
 */
static struct value held_query(struct path *p, struct ir *call,
			       const struct rule_fn *rule,
			       const struct value *args, unsigned nargs)
{
	unsigned arg = (unsigned)rule->handle.arg;
	struct resource *r = NULL;

	if (!model_on(MODEL_HELD_QUERY))
		return call_result(p, call);
	if (rule->handle.kind == HANDLE_NONE)
		r = state_find_pair(p->st, rule->pair);
	else if (arg < nargs && args[arg].kind == V_SYM)
		r = state_find_handle(p->st, args[arg].sym, rule->pair);
	if (r && r->status == RES_LIVE)
		return v_const(1);
	return call_result(p, call);
}

/*
 * usb_fill_bulk_urb(urb, dev, pipe, buf, ...) keeps buf in
 * urb->transfer_buffer: the rules' stores-in-member, an inline of the
 * headers whose store the path makes as if it were written here.
 */
static void store_in_member(struct path *p, struct ir *call,
			    const struct rule_fn *rule, const struct value *args,
			    unsigned nargs)
{
	struct ir *member;

	if ((unsigned)rule->arg >= nargs || (unsigned)rule->into >= nargs)
		return;
	member = member_node(p->an, call, (unsigned)rule->into, rule->member, 0);
	if (member)
		store(p, member, args[rule->arg]);
}

static struct value eval_call(struct path *p, struct ir *call)
{
	const struct rule_fn *chain = lookup_call(p->an, call->name);
	struct value args[MAX_CALL_ARGS], v;
	const struct rule_fn *rule;
	const char *taken = NULL;
	unsigned nargs = eval_args(p, call, args);

	if (is_stable(p->an, call, chain))
		return stable_call(p, call, args);
	if (model_on(MODEL_HELPER_TAKES))
		take_ownership(p, call, summary_takes(p->an->summaries, call->name),
			       NULL, args, nargs, model_escape(MODEL_HELPER_TAKES));
	if (!chain) {
		v = unknown_call(p, call, args, nargs);
		cannot_fail(p, call, args, nargs, v);
		return v;
	}
	for (rule = chain; rule; rule = rule->next) {
		if (rule->takes)
			taken = take_ownership(p, call, rule->takes, chain,
					       args, nargs, ESC_HAND_OFF);
		if (rule->runs)
			run_action(p, call, rule->runs - 1);
	}
	if (chain->role == ROLE_TAKES && !chain->next)
		return unknown_call(p, call, args, nargs);
	if (find_role(chain, ROLE_ACQUIRE)) {
		v = do_acquires(p, call, chain, args, nargs);
		inherit_name(p, call, taken);
		return v;
	}
	if (find_role(chain, ROLE_RELEASE)) {
		do_release(p, call, chain, args, nargs);
		/*
		 * A helper of the file that is also a release by rule (a
		 * pair inferred from its name, devfreq_remove_device())
		 * still releases what its body releases.
		 */
		release_through_helper(p, call, args, nargs);
		return call_result(p, call);
	}
	if (chain->role == ROLE_QUERY)
		return held_query(p, call, chain, args, nargs);
	if (chain->role == ROLE_STORES) {
		store_in_member(p, call, chain, args, nargs);
		return unknown_call(p, call, args, nargs);
	}
	if ((unsigned)chain->arg >= nargs)
		return call_result(p, call);
	switch (chain->role) {
	case ROLE_TRANSPARENT:
		return args[chain->arg];
	case ROLE_PREDICATE:
		/* err = dma_mapping_error(dev, addr): a test kept for later. */
		v = args[chain->arg];
		if (v.kind == V_CONST && chain->errno_result)
			return (value_mask(p->st, v) & chain->mask) ? v : v_const(0);
		if (v.kind == V_CONST)
			return v_const((value_mask(p->st, v) & chain->mask) != 0);
		if (v.kind == V_SYM)
			return test_of(p, call, v.sym, chain->mask,
				       chain->errno_result);
		return call_result(p, call);
	case ROLE_ERROR_VALUE:
		/* ERR_PTR(x): whatever x is, the result is an error. */
		v = args[chain->arg];
		if (v.kind == V_SYM) {
			state_refine(p->st, v.sym, VAL_NEG);
			return v;
		}
		if (v.kind == V_CONST)
			return v;
		v = call_result(p, call);
		state_refine(p->st, v.sym, VAL_NEG);
		return v;
	default:
		return call_result(p, call);
	}
}

/* ---- expressions ---- */

static void eval_kids(struct path *p, struct ir *e)
{
	unsigned i;

	for (i = 0; i < e->nkids; i++)
		if (e->kids[i] && (e->kids[i]->flags & IR_F_EFFECTS))
			eval(p, e->kids[i]);
}

static struct value eval_lvalue(struct path *p, struct ir *e)
{
	const char *display, *key;

	if (e->flags & IR_F_EFFECTS)
		eval_kids(p, e);
	key = lvalue(p->an, e, &display);
	return key ? state_get(p->st, key) : v_unknown();
}

/* &x: the same non-NULL symbol each time on a path, while x stands. */
static struct value eval_address(struct path *p, struct ir *e)
{
	const char *display, *key;
	struct value v;
	unsigned id;

	if (e->flags & IR_F_EFFECTS)
		eval_kids(p, e);
	key = lvalue(p->an, e, &display);
	if (!key)
		return v_unknown();
	v = state_get(p->st, key);
	if (v.kind != V_UNKNOWN && v.kind != V_UNINIT)
		return v;
	id = lvalue_symbol_id(key);
	if (state_sym(p->st, id))
		return v_unknown();
	state_new_sym(p->st, id, VAL_POS, NULL);
	state_set(p->st, key, v_sym(id));
	return v_sym(id);
}

static struct value eval_assign(struct path *p, struct ir *e)
{
	struct value v = eval(p, e->kids[1]);

	if (e->kids[0]->flags & IR_F_EFFECTS)
		eval_kids(p, e->kids[0]);
	store(p, e->kids[0], v);
	return v;
}

static void eval_decl(struct path *p, struct ir *d)
{
	struct ir var = { .kind = IR_VAR, .id = d->id, .name = d->name,
			  .flags = d->flags & (IR_F_INTERNAL | IR_F_CLEANUP),
			  .loc = d->loc };
	struct value v = { V_UNINIT, 0, 0 };
	const char *display, *key;

	if (d->nkids && d->kids[0])
		v = eval(p, d->kids[0]);
	key = lvalue(p->an, &var, &display);
	if (!key)
		return;
	forget_from(p, key);
	state_set(p->st, key, v);
	if (v.kind == V_SYM)
		name_resources(p, v.sym, &var, display);
}

/*
 * What "x |= bits" (@set) or "x &= ~bits" does to a known flag test
 * "x & mask": set, cleared, unchanged (returns true with *v untouched) or
 * unknown (returns false).
 */
static bool flag_after(unsigned long long mask, unsigned long long bits,
		       bool set, struct value *v)
{
	if (!(mask & bits))
		return true;
	if (set) {
		*v = v_const((long long)(mask & bits));
		return true;
	}
	if (!(mask & ~bits)) {
		*v = v_const(0);
		return true;
	}
	return false;
}

/*
 * "priv->flags |= ID_P_PM_BLOCKED" records a decision that a later
 * "if (priv->flags & ID_P_PM_BLOCKED)" reads back: keep what is known of
 * each flag the update leaves alone, and learn the one it sets or clears.
 */
static void update_flags(struct path *p, const char *key, const struct ir *e)
{
	unsigned long long bits = (unsigned long long)e->kids[1]->value, mask;
	bool set = e->op == UPD_SET_BITS;
	struct binding kept[16];
	unsigned i, nkept = 0;
	const char *own;

	if (!set) {
		/* x &= ~BIT reaches us as the folded complement. */
		bits = ~bits;
		if (!(bits >> 32) || bits >> 32 == 0xffffffffu)
			bits &= 0xffffffffu;
	}
	for (i = 0; i < p->st->nbinds && nkept < ARRAY_SIZE(kept); i++) {
		struct binding b = p->st->binds[i];

		if (flag_mask(b.key, key, &mask) && flag_after(mask, bits, set, &b.value))
			kept[nkept++] = b;
	}
	forget_from(p, key);
	state_set(p->st, key, v_unknown());
	for (i = 0; i < nkept; i++)
		state_set(p->st, kept[i].key, kept[i].value);
	own = flag_key(p->an, key, bits);
	if (own)
		state_set(p->st, own, set ? v_const((long long)bits) : v_const(0));
}

/*
 * The sign classes x may have after a step of one from @mask: counting
 * up from zero or more gives more than zero, counting down from more
 * than zero gives zero or more.  An unsigned zero counted down wraps.
 * A pointer stepped stays a pointer.
 */
static unsigned step_mask(unsigned mask, bool up, unsigned flags)
{
	bool is_unsigned = flags & IR_F_UNSIGNED;

	if (flags & IR_F_POINTER)
		return mask == VAL_POS ? VAL_POS : VAL_ANY;
	if (up)
		return mask & VAL_NEG ? VAL_ANY : VAL_POS;
	if (mask == VAL_POS)
		return VAL_ZERO | VAL_POS;
	if (mask == VAL_ZERO)
		return is_unsigned ? VAL_POS : VAL_NEG;
	return is_unsigned ? VAL_ZERO | VAL_POS : VAL_ANY;
}

/*
 * ++x, x--: what x held before, as a sign class, decides what it holds
 * after, so that "for (i = 0; ...; i++)" leaves i above zero and the
 * unwind "while (i--)" enters its loop at least once (the loop's count
 * is not kept: a step that stays within its classes is no new state).
 * The expression's value is the old one for x++ and x--, the new one
 * for ++x and --x.
 */
static struct value step_value(struct path *p, struct ir *e, const char *key)
{
	bool up = e->op == UPD_PRE_INC || e->op == UPD_POST_INC;
	bool post = e->op == UPD_POST_INC || e->op == UPD_POST_DEC;
	struct value old = state_get(p->st, key), now;
	unsigned mask = value_mask(p->st, old);
	/*
	 * The new value's symbol is the update's own; going round a loop,
	 * x may hold the one this update made last time, still needed as
	 * the old value, so the other of its two is used.
	 */
	unsigned id = e->site * 2;

	if (old.kind == V_SYM && old.sym == id)
		id++;
	if (old.kind == V_UNKNOWN || old.kind == V_UNINIT)
		mask = (e->kids[0]->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;
	mask = step_mask(mask, up, e->kids[0]->flags);
	forget_from(p, key);
	if (old.kind == V_CONST && !up && old.c == 1) {
		now = v_const(0);
	} else {
		state_new_sym(p->st, id, mask, NULL);
		now = v_sym(id);
	}
	state_set(p->st, key, now);
	if (!post)
		return now;
	return old.kind == V_UNINIT ? v_unknown() : old;
}

static struct value eval_update(struct path *p, struct ir *e)
{
	const char *display, *key;

	eval_kids(p, e);
	key = lvalue(p->an, e->kids[0], &display);
	if (!key)
		return v_unknown();
	if (e->op == UPD_SET_BITS || e->op == UPD_KEEP_BITS) {
		update_flags(p, key, e);
		return v_unknown();
	}
	if (e->op != UPD_OTHER)
		return step_value(p, e, key);
	forget_from(p, key);
	state_set(p->st, key, v_unknown());
	return v_unknown();
}

static struct value eval(struct path *p, struct ir *e)
{
	struct value a, b;

	switch (e->kind) {
	case IR_CONST:
		return v_const(e->value);
	case IR_VAR:
	case IR_MEMBER:
	case IR_DEREF:
	case IR_INDEX:
	case IR_BITAND:
		return eval_lvalue(p, e);
	case IR_ADDR:
		return eval_address(p, e);
	case IR_CALL:
		return eval_call(p, e);
	case IR_ASSIGN:
		return eval_assign(p, e);
	case IR_UPDATE:
		return eval_update(p, e);
	case IR_DECL:
		eval_decl(p, e);
		return v_unknown();
	case IR_COMMA:
		eval(p, e->kids[0]);
		return eval(p, e->kids[1]);
	case IR_NOT:
		a = eval(p, e->kids[0]);
		if (a.kind == V_CONST)
			return v_const(!a.c);
		return a.kind == V_SYM ? test_of(p, e, a.sym, VAL_ZERO, false) : v_unknown();
	case IR_CMP:
		a = eval(p, e->kids[0]);
		b = eval(p, e->kids[1]);
		(void)b;
		return v_unknown();
	case IR_OPAQUE:
		return v_unknown();
	default:
		eval_kids(p, e);
		return v_unknown();
	}
}

/* ---- branches ---- */

enum test_kind { TEST_UNKNOWN, TEST_CONST, TEST_SYM };

struct test {
	enum test_kind kind;
	bool truth;			/* TEST_CONST */
	unsigned sym;			/* TEST_SYM */
	unsigned mask[2];		/* [0] if false, [1] if true */
	bool exact[2];			/* the value is then exactly .c */
	bool differs[2];		/* the value is then not .c */
	long long c;
	const char *subject;		/* display name of what is tested */
	bool pointer, is_call;
};

struct interval {
	long long lo, hi;
};

static const struct interval class_range[3] = {
	{ LLONG_MIN, -1 },	/* VAL_NEG */
	{ 0, 0 },		/* VAL_ZERO */
	{ 1, LLONG_MAX },	/* VAL_POS */
};

/* Can some x in @r satisfy "x op c"? */
static bool may_hold(struct interval r, enum ir_cmp op, long long c)
{
	switch (op) {
	case CMP_EQ:
		return r.lo <= c && c <= r.hi;
	case CMP_NE:
		return !(r.lo == c && r.hi == c);
	case CMP_LT:
		return r.lo < c;
	case CMP_LE:
		return r.lo <= c;
	case CMP_GT:
		return r.hi > c;
	case CMP_GE:
		return r.hi >= c;
	}
	return true;
}

static bool holds(long long x, enum ir_cmp op, long long c)
{
	struct interval r = { x, x };

	return may_hold(r, op, c);
}

static const enum ir_cmp negated[] = {
	[CMP_EQ] = CMP_NE, [CMP_NE] = CMP_EQ, [CMP_LT] = CMP_GE,
	[CMP_LE] = CMP_GT, [CMP_GT] = CMP_LE, [CMP_GE] = CMP_LT,
};

static const enum ir_cmp swapped[] = {
	[CMP_EQ] = CMP_EQ, [CMP_NE] = CMP_NE, [CMP_LT] = CMP_GT,
	[CMP_LE] = CMP_GE, [CMP_GT] = CMP_LT, [CMP_GE] = CMP_LE,
};

static unsigned cmp_mask(enum ir_cmp op, long long c)
{
	unsigned mask = 0, i;

	for (i = 0; i < 3; i++)
		if (may_hold(class_range[i], op, c))
			mask |= 1u << i;
	return mask;
}

/* The value of @e, as a symbol when it is an lvalue nobody set. */
static struct value tested_value(struct path *p, struct ir *e, struct test *t)
{
	struct value v = eval(p, e);
	const char *display, *key;

	key = lvalue(p->an, e, &display);
	if (key && (v.kind == V_UNKNOWN || v.kind == V_UNINIT))
		v = lvalue_symbol(p, e, key);
	/* A macro's own local (__ret_warn_on) means nothing to a reader. */
	t->subject = reads_macro_local(e) ? NULL : display;
	t->pointer = e->flags & IR_F_POINTER;
	if (!t->subject && e->kind == IR_CALL && e->name) {
		t->subject = call_name(p->an, e);
		t->is_call = true;
	}
	return v;
}

/* A test "v op c" on a value. */
static void test_value(struct path *p, struct value v, enum ir_cmp op,
		       long long c, struct test *t)
{
	const struct sym *s;

	if (v.kind == V_CONST) {
		t->kind = TEST_CONST;
		t->truth = holds(v.c, op, c);
		return;
	}
	if (v.kind != V_SYM || !(s = state_sym(p->st, v.sym)))
		return;
	if (s->has_const) {
		t->kind = TEST_CONST;
		t->truth = holds(s->c, op, c);
		return;
	}
	if (sym_excludes(s, c) && (op == CMP_EQ || op == CMP_NE)) {
		t->kind = TEST_CONST;
		t->truth = op == CMP_NE;
		return;
	}
	t->kind = TEST_SYM;
	t->sym = v.sym;
	t->mask[1] = cmp_mask(op, c);
	t->mask[0] = cmp_mask(negated[op], c);
	t->exact[1] = op == CMP_EQ;
	t->exact[0] = op == CMP_NE;
	t->differs[1] = op == CMP_NE;
	t->differs[0] = op == CMP_EQ;
	t->c = c;
}

/* A test "pred(v)" true exactly for values in @mask: IS_ERR(p). */
static void test_predicate(struct path *p, struct value v, unsigned mask,
			   struct test *t)
{
	const struct sym *s = v.kind == V_SYM ? state_sym(p->st, v.sym) : NULL;

	if (v.kind == V_CONST || (s && s->has_const)) {
		t->kind = TEST_CONST;
		t->truth = value_mask(p->st, v) & mask;
		return;
	}
	if (!s)
		return;
	t->kind = TEST_SYM;
	t->sym = v.sym;
	t->mask[1] = mask;
	t->mask[0] = VAL_ANY & ~mask;
}

/* &local, or a local array: this frame's storage, never a heap pointer. */
static bool frame_address(const struct ir *e)
{
	if (e->kind == IR_VAR)
		return (e->flags & IR_F_ARRAY) && !(e->flags & IR_F_GLOBAL);
	if (e->kind != IR_ADDR)
		return false;
	e = e->kids[0];
	while ((e->kind == IR_MEMBER && !(e->flags & IR_F_ARROW)) || e->kind == IR_INDEX)
		e = e->kids[0];
	return e->kind == IR_VAR && !(e->flags & IR_F_GLOBAL);
}

static bool heap_pointer(const struct state *st, struct value v)
{
	unsigned i;

	for (i = 0; v.kind == V_SYM && i < st->nres; i++)
		if (st->res[i].has_handle && st->res[i].handle_sym == v.sym &&
		    st->res[i].rule->handle.kind == HANDLE_RETURN &&
		    (st->res[i].acquire->flags & IR_F_POINTER))
			return true;
	return false;
}

/*
 * Is @e a global pointer variable, holding @v, that cannot hold @other,
 * a non-NULL pointer this path allocated: the global was set before,
 * and this path did not store @other there?
 */
static bool older_global(const struct path *p, const struct ir *e,
			 struct value v, struct value other)
{
	return model_on(MODEL_OLDER_GLOBAL) &&
	       e->kind == IR_VAR && (e->flags & IR_F_GLOBAL) &&
	       !(e->flags & IR_F_ARRAY) && value_mask(p->st, other) == VAL_POS &&
	       !(v.kind == V_SYM && other.kind == V_SYM && v.sym == other.sym);
}

/*
 * "if (mask != fastpath_mask) bitmap_free(mask)": what an allocator
 * returned (or NULL) is never the address of a local.  Nor is it what a
 * global held before ("if (x[0].tx_buf == buf) mutex_unlock(&lock); else
 * kfree(local_buf);" in spi_write_then_read()), unless this path stored
 * it there.
 */
static void test_frame_address(struct path *p, const struct ir *c, struct value l,
			       struct value r, struct test *t)
{
	if (c->op != CMP_EQ && c->op != CMP_NE)
		return;
	if (((frame_address(c->kids[1]) || older_global(p, c->kids[1], r, l)) &&
	     heap_pointer(p->st, l)) ||
	    ((frame_address(c->kids[0]) || older_global(p, c->kids[0], l, r)) &&
	     heap_pointer(p->st, r))) {
		t->kind = TEST_CONST;
		t->truth = c->op == CMP_NE;
	}
}

/*
 * The relation's symbol, made on first asking: non-negative, bound under
 * @name, a key no lvalue has ("=..."), so that state_gc() keeps it.
 */
static struct value named_relation(struct path *p, const char *name)
{
	const char *key = strtab_intern(p->an->strings, name);
	unsigned id = lvalue_symbol_id(key);

	if (!state_sym(p->st, id)) {
		state_new_sym(p->st, id, VAL_ZERO | VAL_POS, NULL);
		state_set(p->st, key, v_sym(id));
	}
	return v_sym(id);
}

/*
 * "a != b" asked twice of the same two values answers the same: "if (own
 * != bus->owner && !try_module_get(bus->owner)) ... if (own !=
 * bus->owner) module_put(bus->owner);".  The relation is a symbol of its
 * own, non-zero when the two are equal, named by the two values'
 * symbols: assigning either gives it a new symbol, and a new relation.
 */
static struct value relation_symbol(struct path *p, unsigned a, unsigned b)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "=%u:%u", a < b ? a : b, a < b ? b : a);
	return named_relation(p, buf);
}

static void test_relation(struct path *p, const struct ir *c, struct value l,
			  struct value r, struct test *t)
{
	if (t->kind != TEST_UNKNOWN || (c->op != CMP_EQ && c->op != CMP_NE) ||
	    l.kind != V_SYM || r.kind != V_SYM || !model_on(MODEL_SAME_RELATION))
		return;
	if (l.sym == r.sym) {
		t->kind = TEST_CONST;
		t->truth = c->op == CMP_EQ;
		return;
	}
	test_value(p, relation_symbol(p, l.sym, r.sym),
		   c->op == CMP_EQ ? CMP_NE : CMP_EQ, 0, t);
	t->subject = NULL;
}

/*
 * "if (common->coex_mode > 1) mutex_lock(...); ...; if (common->coex_mode
 * > 1) mutex_unlock(...);": an order against a constant the value's sign
 * cannot tell (> 1 of a positive value) is a relation of its own, the
 * same for the same unchanged value and constant, so both tests answer
 * alike.  Named by the value's symbol: assigning the value gives a new
 * relation.  (The value itself is then not refined on either branch.)
 */
static struct value order_symbol(struct path *p, unsigned a, bool or_equal,
				 long long c)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "=%u>%s%lld", a, or_equal ? "=" : "", c);
	return named_relation(p, buf);
}

static void test_order(struct path *p, enum ir_cmp op, long long c, struct test *t)
{
	bool above = op == CMP_GT || op == CMP_GE;

	if (t->kind != TEST_SYM || op == CMP_EQ || op == CMP_NE ||
	    !(t->mask[0] & t->mask[1]) || !model_on(MODEL_SAME_RELATION))
		return;
	/* v > c is !(v <= c); v >= c is !(v < c). */
	test_value(p, order_symbol(p, t->sym, op == CMP_GE || op == CMP_LT, c),
		   above ? CMP_NE : CMP_EQ, 0, t);
	t->subject = NULL;	/* the note would call the relation the value */
}

static void eval_test(struct path *p, struct ir *c, struct test *t)
{
	const struct rule_fn *rule;
	struct value args[MAX_CALL_ARGS], l, r;
	unsigned tmp;

	switch (c->kind) {
	case IR_CALL:
		rule = rules_lookup(p->an->rules, c->name);
		if (!rule || rule->role != ROLE_PREDICATE ||
		    (unsigned)rule->arg >= c->nkids)
			break;
		eval_args(p, c, args);
		l = tested_value(p, c->kids[rule->arg], t);
		test_predicate(p, l, rule->mask, t);
		return;
	case IR_CMP:
		if (c->kids[1]->kind == IR_CONST) {
			l = tested_value(p, c->kids[0], t);
			test_value(p, l, (enum ir_cmp)c->op, c->kids[1]->value, t);
			test_order(p, (enum ir_cmp)c->op, c->kids[1]->value, t);
			return;
		}
		if (c->kids[0]->kind == IR_CONST) {
			r = tested_value(p, c->kids[1], t);
			test_value(p, r, swapped[c->op], c->kids[0]->value, t);
			test_order(p, swapped[c->op], c->kids[0]->value, t);
			return;
		}
		l = tested_value(p, c->kids[0], t);
		r = tested_value(p, c->kids[1], t);
		t->subject = NULL;
		test_frame_address(p, c, l, r, t);
		test_relation(p, c, l, r, t);
		return;
	case IR_NOT:
		eval_test(p, c->kids[0], t);
		t->truth = !t->truth;
		tmp = t->mask[0];
		t->mask[0] = t->mask[1];
		t->mask[1] = tmp;
		tmp = t->exact[0];
		t->exact[0] = t->exact[1];
		t->exact[1] = tmp;
		tmp = t->differs[0];
		t->differs[0] = t->differs[1];
		t->differs[1] = tmp;
		return;
	default:
		break;
	}
	l = tested_value(p, c, t);
	test_value(p, l, CMP_NE, 0, t);
}

static const char *describe_mask(unsigned mask, bool pointer)
{
	static const char *const pointers[8] = {
		[VAL_NEG] = "is an error pointer",
		[VAL_ZERO] = "is NULL",
		[VAL_POS] = "is a valid pointer",
		[VAL_NEG | VAL_ZERO] = "is NULL or an error pointer",
		[VAL_ZERO | VAL_POS] = "is not an error pointer",
		[VAL_NEG | VAL_POS] = "is not NULL",
	};
	static const char *const integers[8] = {
		[VAL_NEG] = "is negative",
		[VAL_ZERO] = "is 0",
		[VAL_POS] = "is positive",
		[VAL_NEG | VAL_ZERO] = "is 0 or negative",
		[VAL_ZERO | VAL_POS] = "is not negative",
		[VAL_NEG | VAL_POS] = "is non-zero",
	};

	return (pointer ? pointers : integers)[mask & 7];
}

/* A call as the source names it: kzalloc() rather than kzalloc_noprof(). */
static const char *call_name(const struct analysis *an, const struct ir *call)
{
	const struct rule_fn *rule;

	if (!call || !call->name)
		return NULL;
	rule = rules_lookup(an->rules, call->name);
	return source_name(an, call, rule ? rule->name : call->name,
			   rule ? rule->pair : NULL);
}

/* The block the branch @blk goes to when its condition is @outcome. */
static const struct block *taken_block(const struct analysis *an,
				       const struct block *blk, int outcome)
{
	return an->cfg->blocks[blk->succ[outcome ? 0 : 1]];
}

/* Does the branch, taken this way, start a pass through a loop? */
static bool enters_loop(const struct analysis *an, const struct block *blk,
			int outcome)
{
	return taken_block(an, blk, outcome)->loop_pass != 0;
}

/* Note the value a branch found; false if there is none to name. */
static bool branch_note(struct path *p, const struct block *blk,
			const struct test *t, int outcome)
{
	const struct sym *s = state_sym(p->st, t->sym);
	const char *what, *origin;
	char text[256], value[64];

	if (t->kind != TEST_SYM || !s || !t->subject)
		return false;
	if (s->has_const && t->exact[outcome] && !(s->c == 0 && t->pointer)) {
		snprintf(value, sizeof(value), "is %lld", s->c);
		what = value;
	} else if ((what = describe_mask(t->mask[outcome], t->pointer))) {
		/* "is non-zero", "is NULL" */
	} else if (t->differs[outcome] && !t->pointer) {
		snprintf(value, sizeof(value), "is not %lld", t->c);
		what = value;
	} else {
		return false;
	}
	origin = call_name(p->an, s->origin);
	if (t->is_call)
		snprintf(text, sizeof(text), "the result of %s() %s", t->subject, what);
	else if (origin && strcmp(origin, t->subject))
		snprintf(text, sizeof(text), "'%s' (from %s()) %s", t->subject,
			 origin, what);
	else
		snprintf(text, sizeof(text), "'%s' %s", t->subject, what);
	trace_branch(p, blk, text);
	return true;
}

static const char *const cmp_spelling[] = {
	[CMP_EQ] = "==", [CMP_NE] = "!=", [CMP_LT] = "<",
	[CMP_LE] = "<=", [CMP_GT] = ">", [CMP_GE] = ">=",
};

/*
 * A condition as a reader would write it, from its IR: "check() > d->n".
 * False when a part has no plain spelling (a temporary, an assignment).
 */
static bool spell_cond(struct analysis *an, struct ir *e, char *buf, size_t size)
{
	char a[128], b[128];
	const char *display;
	int n = -1;

	switch (e->kind) {
	case IR_CONST:
		n = snprintf(buf, size, "%lld", e->value);
		break;
	case IR_CALL:
		if (e->name)
			n = snprintf(buf, size, "%s()", call_name(an, e));
		break;
	case IR_NOT:
		if (spell_cond(an, e->kids[0], a, sizeof(a)))
			n = snprintf(buf, size, "!%s", a);
		break;
	case IR_CMP:
		if (spell_cond(an, e->kids[0], a, sizeof(a)) &&
		    spell_cond(an, e->kids[1], b, sizeof(b)))
			n = snprintf(buf, size, "%s %s %s", a, cmp_spelling[e->op], b);
		break;
	default:
		if (reads_macro_local(e) || (e->kind == IR_VAR && (e->flags & IR_F_TEMP)))
			break;
		if (lvalue(an, e, &display) && display)
			n = snprintf(buf, size, "%s", display);
		break;
	}
	return n >= 0 && (size_t)n < size;
}

/* 'x' */
static void quote(char *buf, size_t size)
{
	size_t len = strlen(buf);

	if (len + 3 > size)
		len = size - 3;
	memmove(buf + 1, buf, len);
	buf[0] = '\'';
	buf[len + 1] = '\'';
	buf[len + 2] = '\0';
}

/*
 * A branch the path chose with no value to name ("i < n"): the notes
 * still show it, as the reader would spell the condition, so that the
 * branch deciding the path is never missing, even inside a macro
 * (WARN_ON() decides in its own ({ }), whose local __ret_warn_on means
 * nothing to a reader: "the value here is non-zero").  A loop's test is
 * left to the loop's own notes.  The text waits for a finding that
 * needs it (assumed_text()): most paths make none.
 */
static void assume_note(struct path *p, const struct block *blk, int outcome)
{
	struct trace *t;

	/* A loop's test with no value to name: "leaving the loop" says it. */
	if (taken_block(p->an, blk, outcome)->loop_leave)
		return;
	t = trace_branch(p, blk, NULL);
	t->assumed = blk;
	t->truth = outcome;
}

/* The note of a branch assume_note() recorded, spelled from its condition. */
static const char *assumed_text(struct analysis *an, const struct trace *t,
				char *text, size_t size)
{
	struct ir *c;
	bool truth = t->truth;
	char cond[200];

	for (c = t->assumed->cond; c->kind == IR_NOT; c = c->kids[0])
		truth = !truth;
	if (c->kind == IR_ASSIGN)
		c = c->kids[0];		/* "if ((rm = f()))" tests rm */
	if (!spell_cond(an, c, cond, sizeof(cond)))
		snprintf(cond, sizeof(cond), "the %s here",
			 c->kind == IR_CMP ? "comparison" : "value");
	else
		quote(cond, sizeof(cond));
	if (c->kind == IR_CMP)
		snprintf(text, size, "%s is %s", cond, truth ? "true" : "false");
	else if (c->flags & IR_F_POINTER)
		snprintf(text, size, "%s is %s", cond, truth ? "not NULL" : "NULL");
	else
		snprintf(text, size, "%s is %s", cond, truth ? "non-zero" : "0");
	return text;
}

/* ---- returns ---- */

/* The constant @v is known to be, if it is one. */
static bool known_const(const struct state *st, struct value v, long long *c)
{
	const struct sym *s = v.kind == V_SYM ? state_sym(st, v.sym) : NULL;

	if (v.kind == V_CONST)
		*c = v.c;
	else if (s && s->has_const)
		*c = s->c;
	else
		return false;
	return true;
}

/* "v3&pending": below the lvalue, so that storing there forgets it. */
static const char *pending_marker(struct analysis *an, const char *key)
{
	char buf[512];

	if ((size_t)snprintf(buf, sizeof(buf), "%s&pending", key) >= sizeof(buf))
		return NULL;
	return strtab_intern(an->strings, buf);
}

/*
 * "if (ret == -EINPROGRESS || (ret == -EBUSY && may_backlog)) return
 * ret;": the code takes the branch it takes for a pending value with
 * -EBUSY too, so there -EBUSY says "queued" as well.  On entering a
 * block that a test for a pending value leads to, the errno the tested
 * lvalue holds is marked pending for as long as the lvalue stands.
 */
static void mark_pending_alike(struct path *p, const struct block *blk)
{
	const char *key = p->an->pending_at ? p->an->pending_at[blk->id] : NULL;
	const char *marker;
	struct value v;
	long long c;

	if (!key || !model_on(MODEL_PENDING_ALIKE))
		return;
	v = state_get(p->st, key);
	if (!known_const(p->st, v, &c) || c >= 0 || rules_pending_value(p->an->rules, c))
		return;
	marker = pending_marker(p->an, key);
	if (marker)
		state_set(p->st, marker, v_const(c));
}

static bool marked_pending(const struct state *st, long long c)
{
	unsigned i;

	for (i = 0; i < st->nbinds; i++) {
		size_t len = strlen(st->binds[i].key);

		if (len > 8 && !strcmp(st->binds[i].key + len - 8, "&pending") &&
		    st->binds[i].value.kind == V_CONST && st->binds[i].value.c == c)
			return true;
	}
	return false;
}

/*
 * Is @v known to be one of the rules' pending-values (-EINPROGRESS), or
 * an errno this path handled as one (mark_pending_alike())?
 */
static bool pending_value(struct path *p, struct value v)
{
	long long c;

	if (!known_const(p->st, v, &c))
		return false;
	return rules_pending_value(p->an->rules, c) || marked_pending(p->st, c);
}

/*
 * Is returning @v an error return?  A negative errno, an ERR_PTR, NULL
 * from a pointer function, or a call's result known to be non-zero
 * ("if (ret) goto err; ... return ret;").  On return, *mask is the part
 * of @v's value set that makes it an error.
 */
static bool is_error_return(struct path *p, struct value v, unsigned *mask)
{
	unsigned m = value_mask(p->st, v);

	if ((v.kind != V_CONST && v.kind != V_SYM) || pending_value(p, v))
		return false;
	switch (p->an->fn->ret) {
	case RET_POINTER:
		if (v.kind == V_CONST)
			return v.c == 0 || (v.c < 0 && v.c >= -4095);
		*mask = m;
		return !(m & VAL_POS);
	case RET_SIGNED:
		if (v.kind == V_CONST)
			return v.c < 0;
		*mask = VAL_NEG;
		return (m & VAL_NEG) && !(m & VAL_ZERO);
	default:
		return false;
	}
}

/* The failures an acquire of @kind reports, as value classes. */
static unsigned failure_mask(enum success_kind kind)
{
	return success_initial_mask(kind) & ~success_ok_mask(kind);
}

/*
 * "v3->rings": the key of a member of parameter 3, as a function that
 * sets up its caller's object stores to it.  The member's name (interned),
 * and the parameter in @param; NULL for any other key.
 */
static const char *param_member(struct analysis *an, const char *key, int *param)
{
	const char *member;
	char *end;
	long n;

	if (key[0] != 'v')
		return NULL;
	n = strtol(key + 1, &end, 10);
	if (end == key + 1 || strncmp(end, "->", 2) || n < 0 ||
	    (unsigned long)n >= an->fn->nparams)
		return NULL;
	member = end + 2;
	if (!*member || strpbrk(member, "-.[&!$("))
		return NULL;
	*param = (int)n;
	return strtab_intern(an->strings, member);
}

/*
 * Is @member where the acquire put @r ("areq_ctx->buff_sg" for
 * dma_map_sg(dev, areq_ctx->buff_sg, ...)), not a copy made after
 * ("areq_ctx->curr_sg = areq_ctx->buff_sg")?  Its callers release it
 * where it was made.
 */
static bool named_member(const struct resource *r, const char *member)
{
	size_t len = r->name ? strlen(r->name) : 0, mlen = strlen(member);

	return len > mlen + 2 && !strcmp(r->name + len - mlen, member) &&
	       !strncmp(r->name + len - mlen - 2, "->", 2);
}

static bool has_gift(const struct analysis *an, const struct gift *g)
{
	unsigned i;

	for (i = 0; i < an->ngifts; i++)
		if (an->gifts[i].pair == g->pair && an->gifts[i].arg == g->arg &&
		    an->gifts[i].member == g->member)
			return true;
	return false;
}

/*
 * An int function's success return (0), for its wrapper summary: is what
 * it acquired left in members of its arguments?
 * "priv->rings = kcalloc(...); if (!priv->rings) return -ENOMEM; return 0;"
 * At most MAX_GIFTS such resources, the same on every success return.
 */
static void note_left_in_member(struct path *p, struct value v)
{
	struct analysis *an = p->an;
	struct gift found[MAX_GIFTS];
	unsigned handles[MAX_GIFTS] = { 0 };
	const struct resource *r;
	const char *member;
	unsigned i, k, j, n = 0;
	int param;

	if (value_mask(p->st, v) != VAL_ZERO) {
		an->gives_other = true;
		return;
	}
	for (i = 0; i < p->st->nbinds; i++) {
		const struct binding *b = &p->st->binds[i];

		if (b->value.kind != V_SYM ||
		    !(member = param_member(an, b->key, &param)))
			continue;
		for (k = 0; k < p->st->nres; k++) {
			r = &p->st->res[k];
			/*
			 * Handed over (device_register()), it is not the
			 * caller's; left for the caller to clean, it is.
			 * Managed (a devm regmap beside the client it maps),
			 * nobody cleans it by hand.
			 */
			if (!r->has_handle || r->handle_sym != b->value.sym ||
			    r->status != RES_LIVE || r->rule->pair->managed ||
			    (r->escaped && !left_for_caller(r)))
				continue;
			for (j = 0; j < n && handles[j] != r->handle_sym; j++)
				;
			if (j < n) {
				/* One resource in two members: the acquire's own. */
				if (named_member(r, member))
					found[j].member = member;
				continue;
			}
			if (n == MAX_GIFTS) {
				an->gives_other = true;	/* too many */
				return;
			}
			handles[n] = r->handle_sym;
			found[n++] = (struct gift){ r->rule->pair, param, member };
		}
	}
	/* Every success return leaves the same resources. */
	if (!n || (an->ngifts && an->ngifts != n)) {
		an->gives_other = true;
		return;
	}
	for (i = 0; an->ngifts && i < n; i++) {
		if (!has_gift(an, &found[i])) {
			an->gives_other = true;
			return;
		}
	}
	memcpy(an->gifts, found, n * sizeof(*found));
	an->ngifts = n;
	an->gives = found[0].pair;
}

/*
 * A pointer function's return, for its wrapper summary: does a success
 * return give the handle of what this path acquired, and what do error
 * returns give?  "p = kzalloc(...); if (!p) return NULL; ...; return p;"
 * is a wrapper of kzalloc() reporting failure by NULL.
 */
static void note_given(struct path *p, struct value v, bool error,
		       unsigned error_mask)
{
	struct analysis *an = p->an;
	unsigned i;

	if (an->fn->ret == RET_SIGNED && !error) {
		note_left_in_member(p, v);
		return;
	}
	if (an->fn->ret != RET_POINTER)
		return;
	if (error) {
		an->fails_with |= v.kind == V_CONST ?
				  (v.c ? VAL_NEG : VAL_ZERO) : error_mask;
		return;
	}
	for (i = 0; v.kind == V_SYM && i < p->st->nres; i++) {
		const struct resource *r = &p->st->res[i];

		if (!r->has_handle || r->handle_sym != v.sym || r->escaped ||
		    r->rule->handle.kind != HANDLE_RETURN ||
		    (r->status != RES_LIVE && r->status != RES_UNDECIDED))
			continue;
		if (an->gives && an->gives != r->rule->pair)
			break;
		an->gives = r->rule->pair;
		/* Returned untested: its own failures are the wrapper's. */
		if (r->status == RES_UNDECIDED)
			an->fails_with |= failure_mask(r->rule->success);
		return;
	}
	an->gives_other = true;
}

static enum success_kind success_of_failures(unsigned fails)
{
	switch (fails & (VAL_NEG | VAL_ZERO)) {
	case VAL_ZERO:
		return SUCCESS_NONNULL;
	case VAL_NEG:
		return SUCCESS_ERRPTR;
	case VAL_NEG | VAL_ZERO:
		return SUCCESS_ERRPTR_OR_NULL;
	default:
		return SUCCESS_ALWAYS;
	}
}

/*
 * Once explored: a function whose every success return gives a resource
 * of one pair is a wrapper of that pair's acquire for its callers, whose
 * exploration comes later (summary_bottom_up()).  A function cut short
 * by a bound is not.
 */
static void publish_wrapper(struct analysis *an)
{
	struct handle_spec ret = { HANDLE_RETURN, 0 };
	const struct pair *pairs[MAX_GIFTS];
	const char *members[MAX_GIFTS];
	int args[MAX_GIFTS];
	unsigned i;

	if (!an->gives || an->gives_other || an->stopped)
		return;
	if (!an->ngifts) {
		summary_set_wrapper(an->summaries, an->fn->name, an->gives,
				    success_of_failures(an->fails_with), ret, NULL);
		return;
	}
	for (i = 0; i < an->ngifts; i++) {
		pairs[i] = an->gifts[i].pair;
		args[i] = an->gifts[i].arg;
		members[i] = an->gifts[i].member;
	}
	summary_set_member_wrapper(an->summaries, an->fn->name, pairs, args,
				   members, an->ngifts);
}

/*
 * An error return that leaves a live resource behind, owed here or left
 * for its caller to clean (model caller-cleans), makes the function no
 * wrapper: a failed call to it may still hold what it acquired, so its
 * callers' releases after a failure are no release of nothing.  A managed
 * one (devm) is nobody's to release.
 */
static void leaves_on_failure(struct path *p)
{
	unsigned i;

	for (i = 0; i < p->st->nres; i++) {
		const struct resource *r = &p->st->res[i];

		if (r->status == RES_LIVE && !r->rule->pair->managed &&
		    (!r->escaped || left_for_caller(r)))
			p->an->gives_other = true;
	}
}

static void do_return(struct path *p, const struct block *blk)
{
	struct value v = blk->ret ? eval(p, blk->ret) : v_unknown();
	unsigned mask = 0;
	bool error = is_error_return(p, v, &mask);

	note_given(p, v, error, mask);
	if (!error) {
		fire_other_return(p, blk->where);
		return;
	}
	if (v.kind == V_SYM && !state_refine(p->st, v.sym, mask))
		return;
	leaves_on_failure(p);
	fire_error_return(p, blk->where, !(v.kind == V_CONST && v.c == 0) &&
			  !(mask & VAL_ZERO));
}

/* ---- exploration ---- */

static void bound_hit(struct analysis *an, const char *reason)
{
	if (an->stopped)
		return;
	an->stopped = true;
	report_bound(an->report, an->fn->name, an->fn->loc, reason);
}

static void push(struct analysis *an, unsigned block, struct state *st)
{
	if (an->qtail == an->qcap) {
		if (an->qhead) {
			memmove(an->queue, an->queue + an->qhead,
				(an->qtail - an->qhead) * sizeof(*an->queue));
			an->qtail -= an->qhead;
			an->qhead = 0;
		}
		if (an->qtail == an->qcap) {
			an->qcap = an->qcap ? an->qcap * 2 : 64;
			an->queue = xrealloc(an->queue, an->qcap * sizeof(*an->queue));
		}
	}
	state_gc(st);
	an->queue[an->qtail].block = block;
	an->queue[an->qtail].st = st;
	an->qtail++;
}

/*
 * Whether @key's value may be negative (1), and whether it may be
 * anything else (2); 4 for a known pending value.
 */
static unsigned error_class(const struct analysis *an, const struct state *st,
			    const char *key)
{
	struct value v = state_get(st, key);
	unsigned mask = v.kind == V_UNKNOWN || v.kind == V_UNINIT ? VAL_ANY :
			value_mask(st, v);
	long long c;

	/* -EINPROGRESS says "queued": no error return to blur with one. */
	if (known_const(st, v, &c) && rules_pending_value(an->rules, c))
		return 4;
	return (mask & VAL_NEG ? 1 : 0) | (mask & (VAL_ZERO | VAL_POS) ? 2 : 0);
}

static bool same_conditions(const struct analysis *an, const struct state *a,
			    const struct state *b)
{
	unsigned i;

	for (i = 0; i < an->nconditions; i++) {
		const struct sym *sa = state_sym(a, an->conditions[i]);
		const struct sym *sb = state_sym(b, an->conditions[i]);

		if ((sa ? sa->mask : VAL_ANY) != (sb ? sb->mask : VAL_ANY))
			return false;
	}
	for (i = 0; i < an->nreturned; i++)
		if (error_class(an, a, an->returned[i]) != error_class(an, b, an->returned[i]))
			return false;
	return true;
}

/*
 * The state to explore at @block, or NULL if what @st knows was seen
 * there already.  A state holding the same resources as one seen is
 * joined with it (state_join()), so each point keeps one state per
 * resource configuration.
 */
static struct state *visit(struct analysis *an, unsigned block, struct state *st)
{
	struct seen *s;
	struct state *joined;
	char reason[128];

	for (s = an->seen[block]; s; s = s->next) {
		if (!state_same_resources(s->st, st) || !same_conditions(an, s->st, st))
			continue;
		/*
		 * Go on with the newer path's notes: the joined values may
		 * hold only after its later passes ('i' non-zero), which the
		 * first path's notes would contradict.
		 */
		joined = state_join(s->st, st, block);
		joined->trace = st->trace;
		state_free(st);
		if (state_equal(joined, s->st)) {
			state_free(joined);
			return NULL;
		}
		state_free(s->st);
		s->st = joined;
		return state_clone(joined);
	}
	if (an->nseen[block] >= an->limits->max_block_states) {
		snprintf(reason, sizeof(reason),
			 "more than %u resource states at one point",
			 an->limits->max_block_states);
		bound_hit(an, reason);
		state_free(st);
		return NULL;
	}
	s = arena_alloc(an->arena, sizeof(*s));
	s->st = st;
	s->next = an->seen[block];
	an->seen[block] = s;
	an->nseen[block]++;
	return state_clone(st);
}

/* How many calls to @name does @e make? */
static unsigned calls_named(const struct ir *e, const char *name)
{
	unsigned i, n;

	if (!e)
		return 0;
	n = e->kind == IR_CALL && e->name == name;
	for (i = 0; i < e->nkids; i++)
		n += calls_named(e->kids[i], name);
	return n;
}

static bool contains(const struct ir *e, const struct ir *part)
{
	unsigned i;

	if (!e || e == part)
		return e == part;
	for (i = 0; i < e->nkids; i++)
		if (contains(e->kids[i], part))
			return true;
	return false;
}

/* Does @call, a release, undo @r as the path in @st holds it? */
static bool releases_resource(struct analysis *an, struct state *st,
			      struct ir *call, const struct resource *r)
{
	const struct rule_fn *rule;
	const char *display, *key;
	struct value v;

	for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next) {
		if (rule->role != ROLE_RELEASE || rule->pair != r->rule->pair ||
		    rule->implicit)
			continue;
		if (rule->handle.kind == HANDLE_NONE)
			return true;
		if ((unsigned)rule->handle.arg >= call->nkids || !r->has_handle)
			continue;
		key = lvalue(an, call->kids[rule->handle.arg], &display);
		v = key ? state_get(st, key) : v_unknown();
		if (v.kind == V_SYM && v.sym == r->handle_sym)
			return true;
	}
	return false;
}

/*
 * "if (pm_runtime_get_sync(dev) >= 0) clk_disable_unprepare(clk);" and
 * "if (atomic_dec_and_test(&o->refs)) kfree(o);": a release guarded by
 * what a call answers right there, and nowhere else in the function,
 * rejoining the path after.  Where the answer skips it, the author chose
 * to keep the resource (the clock is runtime PM's, another reference
 * holds the object): not a leak of this path.  A call the function also
 * makes elsewhere ("if (can_cd(mmc)) enable ... if (can_cd(mmc))
 * disable") asks again what decided the acquire, and is left to path
 * conditions.  @skip is the state taking the false edge.
 */
static void keep_when_skipped(struct path *p, const struct block *blk,
			      const struct test *t, struct state *skip)
{
	const struct block *then = p->an->cfg->blocks[blk->succ[0]];
	const struct sym *s = state_sym(skip, t->sym);
	unsigned i, k;

	if (!model_on(MODEL_KEEP_WHEN_SKIPPED) ||
	    !s || !s->origin || s->origin->kind != IR_CALL ||
	    !contains(blk->cond, s->origin) || then->label ||
	    then->term != TERM_JUMP || then->succ[0] != blk->succ[1] ||
	    calls_named(p->an->fn->body, s->origin->name) != 1)
		return;
	for (i = 0; i < then->nelems; i++) {
		struct ir *e = then->elems[i];

		if (e->kind != IR_CALL || !e->name)
			continue;
		for (k = 0; k < skip->nres; k++) {
			struct resource *r = &skip->res[k];

			if (r->status == RES_LIVE &&
			    releases_resource(p->an, skip, e, r))
				escape(r, model_escape(MODEL_KEEP_WHEN_SKIPPED),
				       e->loc);
		}
	}
}

static void do_branch(struct path *p, const struct block *blk)
{
	struct test t = { .kind = TEST_UNKNOWN };
	struct state *out[2] = { NULL, NULL };
	struct sym *s;
	int i;

	eval_test(p, blk->cond, &t);
	for (i = 1; i >= 0; i--) {
		if (t.kind == TEST_CONST && t.truth != (i == 1))
			continue;
		out[i] = state_clone(p->st);
		if (t.kind != TEST_SYM)
			continue;
		if (!state_refine(out[i], t.sym, t.mask[i])) {
			state_free(out[i]);
			out[i] = NULL;
			continue;
		}
		s = state_sym(out[i], t.sym);
		if (t.differs[i] && s)
			sym_exclude(s, t.c);
		if (t.exact[i] && s) {
			s->has_const = true;
			s->c = t.c;
			if (!state_refine(out[i], t.sym, s->mask)) {
				state_free(out[i]);
				out[i] = NULL;
			}
		}
	}
	if (t.kind == TEST_SYM && out[0] && out[1])
		keep_when_skipped(p, blk, &t, out[0]);
	for (i = 1; i >= 0; i--) {
		struct path q = { p->an, out[i] };

		if (!out[i])
			continue;
		/*
		 * Only a real decision is worth a note, and a loop's test
		 * going in is the loop's own note ("entering the loop").
		 */
		if (out[0] && out[1] && !enters_loop(p->an, blk, i) &&
		    !branch_note(&q, blk, &t, i))
			assume_note(&q, blk, i);
		push(p->an, blk->succ[i == 1 ? 0 : 1], out[i]);
	}
}

/*
 * The path runs off the end of the body: a void function's return, at
 * its closing brace (column 1, as kernel style puts it).
 */
static void fall_off_end(struct path *p)
{
	struct ir_loc end = { p->an->fn->loc.file, p->an->fn->last_line, 1 };

	fire_other_return(p, end);
}

static void step_block(struct analysis *an, const struct block *blk, struct state *st)
{
	struct path p = { an, st };
	unsigned i;
	char text[160];

	if (blk->label) {
		snprintf(text, sizeof(text), "path continues at label '%s'",
			 blk->label->name);
		/* A macro's own label is no step the reader sees. */
		trace_step(&p, blk->label->loc,
			   blk->label->flags & IR_F_INTERNAL ? NULL : text);
		((struct trace *)st->trace)->label = true;
	}
	if (blk->loop_leave)
		trace_loop(&p, TRACE_LOOP_LEAVE, blk->loop_leave);
	if (blk->loop_pass)
		trace_loop(&p, TRACE_LOOP_PASS, blk->loop_pass);
	mark_pending_alike(&p, blk);
	for (i = 0; i < blk->nelems; i++)
		eval(&p, blk->elems[i]);
	switch (blk->term) {
	case TERM_JUMP:
		if (blk->loop_enter)
			trace_loop(&p, TRACE_LOOP_ENTER, blk->loop_enter);
		push(an, blk->succ[0], st);
		return;
	case TERM_BRANCH:
		do_branch(&p, blk);
		break;
	case TERM_RETURN:
		do_return(&p, blk);
		break;
	case TERM_EXIT:
		fall_off_end(&p);
		break;
	}
	state_free(st);
}

static bool out_of_time(struct analysis *an)
{
	double spent = (double)(clock() - an->start) / CLOCKS_PER_SEC;
	char reason[128];

	if (spent <= an->limits->max_seconds)
		return false;
	snprintf(reason, sizeof(reason), "time limit of %.0f s reached",
		 an->limits->max_seconds);
	bound_hit(an, reason);
	return true;
}

static void explore(struct analysis *an)
{
	char reason[128];

	push(an, an->cfg->entry, state_new());
	while (an->qhead < an->qtail && !an->stopped) {
		struct work w = an->queue[an->qhead++];
		struct state *st = visit(an, w.block, w.st);

		if (!st)
			continue;
		if (++an->steps > an->limits->max_steps) {
			snprintf(reason, sizeof(reason), "path limit of %u steps reached",
				 an->limits->max_steps);
			bound_hit(an, reason);
			state_free(st);
			break;
		}
		if (!(an->steps & 255) && out_of_time(an)) {
			state_free(st);
			break;
		}
		step_block(an, an->cfg->blocks[w.block], st);
	}
	while (an->qhead < an->qtail)
		state_free(an->queue[an->qhead++].st);
}

/* ---- setup ---- */

/* Does @e contain a call ladder has a rule for?  Records acquired pairs. */
static bool scan_calls(struct analysis *an, struct ir *e)
{
	const struct rule_fn *rule;
	bool found = false;
	unsigned i;

	if (!e)
		return false;
	if (e->kind == IR_CALL && (rule = lookup_call(an, e->name))) {
		const struct rule_fn *acq = find_role(rule, ROLE_ACQUIRE);

		if (acq && !pair_acquired(an, acq->pair)) {
			if (an->nacquired == an->capacquired) {
				an->capacquired = an->capacquired ? an->capacquired * 2 : 8;
				an->acquired = xrealloc(an->acquired,
					an->capacquired * sizeof(*an->acquired));
			}
			an->acquired[an->nacquired++] = acq->pair;
		}
		if (find_role(rule, ROLE_RELEASE))
			ptrvec_push(&an->releases, (void *)e);
		found = acq || find_role(rule, ROLE_RELEASE);
	}
	for (i = 0; i < e->nkids; i++)
		found |= scan_calls(an, e->kids[i]);
	return found;
}

/* The lvalue a branch condition tests, if it tests one. */
static struct ir *tested_lvalue(struct analysis *an, struct ir *c)
{
	const struct rule_fn *rule;

	switch (c->kind) {
	case IR_NOT:
		return tested_lvalue(an, c->kids[0]);
	case IR_CMP:
		if (c->kids[1]->kind == IR_CONST)
			return c->kids[0];
		if (c->kids[0]->kind == IR_CONST)
			return c->kids[1];
		return NULL;
	case IR_CALL:
		rule = rules_lookup(an->rules, c->name);
		if (rule && rule->role == ROLE_PREDICATE && (unsigned)rule->arg < c->nkids)
			return c->kids[rule->arg];
		return is_stable(an, c, rule) ? c : NULL;
	default:
		return c;
	}
}

/* The binding key of what @lv names: an lvalue, or a stable call's result. */
static const char *tested_key(struct analysis *an, struct ir *lv)
{
	const char *display;

	if (lv->kind == IR_CALL)
		return stable_key(an, lv, NULL);
	return lvalue(an, lv, &display);
}

static int compare_ptrs(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;

	return x < y ? -1 : x > y;
}

static void find_conditions(struct analysis *an)
{
	const char **keys = xcalloc(an->cfg->nblocks + 1, sizeof(*keys));
	unsigned i, n = 0;

	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];
		struct ir *lv;

		if (blk->term != TERM_BRANCH || !(lv = tested_lvalue(an, blk->cond)))
			continue;
		if ((keys[n] = tested_key(an, lv)))
			n++;
	}
	qsort(keys, n, sizeof(*keys), compare_ptrs);
	an->conditions = xcalloc(n + 1, sizeof(*an->conditions));
	for (i = 1; i < n; i++)
		if (keys[i] == keys[i - 1] && (i == 1 || keys[i - 2] != keys[i]))
			an->conditions[an->nconditions++] = lvalue_symbol_id(keys[i]);
	free(keys);
}

/*
 * The blocks a test of an lvalue for a pending value leads to: the true
 * side of "ret == -EINPROGRESS", the false side of "ret != -EINPROGRESS".
 */
static void find_pending_tests(struct analysis *an)
{
	const char *display, *key;
	unsigned i;

	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];
		struct ir *c = blk->cond;

		if (blk->term != TERM_BRANCH || c->kind != IR_CMP ||
		    (c->op != CMP_EQ && c->op != CMP_NE) ||
		    c->kids[1]->kind != IR_CONST ||
		    !rules_pending_value(an->rules, c->kids[1]->value) ||
		    !(key = lvalue(an, c->kids[0], &display)))
			continue;
		if (!an->pending_at)
			an->pending_at = xcalloc(an->cfg->nblocks, sizeof(*an->pending_at));
		an->pending_at[blk->succ[c->op == CMP_EQ ? 0 : 1]] = key;
	}
}

/* The local variables "return x;" statements return. */
static void find_returned(struct analysis *an)
{
	const char *display, *key;
	unsigned i, k;

	an->returned = xcalloc(an->cfg->nblocks + 1, sizeof(*an->returned));
	for (i = 0; i < an->cfg->nblocks; i++) {
		const struct block *blk = an->cfg->blocks[i];

		if (blk->term != TERM_RETURN || !blk->ret || blk->ret->kind != IR_VAR ||
		    (blk->ret->flags & IR_F_GLOBAL))
			continue;
		if (!(key = lvalue(an, blk->ret, &display)))
			continue;
		for (k = 0; k < an->nreturned && an->returned[k] != key; k++)
			;
		if (k == an->nreturned)
			an->returned[an->nreturned++] = key;
	}
}

static void free_seen(struct analysis *an)
{
	unsigned i;
	struct seen *s;

	for (i = 0; i < an->cfg->nblocks; i++)
		for (s = an->seen[i]; s; s = s->next)
			state_free(s->st);
	free(an->seen);
	free(an->nseen);
}

void engine_run(struct ir_func *fn, const struct engine_env *env,
		struct arena *arena)
{
	struct analysis an = {
		.fn = fn, .rules = env->rules, .summaries = env->summaries,
		.limits = env->limits, .report = env->report, .arena = arena,
		.strings = env->strings, .start = clock(), .explain = env->explain,
		.all_paths = env->all_paths,
	};

	/* A function that calls nothing ladder knows cannot have a finding. */
	if (!scan_calls(&an, fn->body)) {
		free(an.acquired);
		ptrvec_free(&an.releases);
		return;
	}
	an.cfg = cfg_build(fn, arena);
	find_conditions(&an);
	find_returned(&an);
	find_pending_tests(&an);
	an.seen = xcalloc(an.cfg->nblocks, sizeof(*an.seen));
	an.nseen = xcalloc(an.cfg->nblocks, sizeof(*an.nseen));
	explore(&an);
	publish_wrapper(&an);
	free_seen(&an);
	free(an.queue);
	free(an.acquired);
	ptrvec_free(&an.releases);
	ptrvec_free(&an.actions);
	free(an.conditions);
	free(an.returned);
	free(an.pending_at);
	free(an.silenced);
	cfg_free(an.cfg);
}

/* ---- services for checks ---- */

void resource_silenced(const struct check_ctx *ctx, const struct resource *r,
		       unsigned char reason, struct ir_loc where)
{
	struct analysis *an = ctx->an;
	struct ir_loc at = r->escaped == reason ? r->escaped_at : where;
	const char *model = escape_reason_name(reason);
	unsigned i;

	/* Once per call: clk_prepare_enable()'s two parts are one remark. */
	for (i = 0; i < an->nsilenced; i++)
		if (an->silenced[i].site == r->site && an->silenced[i].reason == reason)
			return;
	if (an->nsilenced == an->capsilenced) {
		an->capsilenced = an->capsilenced ? 2 * an->capsilenced : 8;
		an->silenced = xrealloc(an->silenced,
					an->capsilenced * sizeof(*an->silenced));
	}
	an->silenced[an->nsilenced++] = (struct silenced){ r->site, r->part, reason };
	report_count_silenced(an->report, model);
	if (!an->explain)
		return;
	/* gcc's header, once per function, so each remark has its function. */
	if (an->nsilenced == 1)
		fprintf(stderr, "%s: In function '%s':\n", an->fn->loc.file,
			an->fn->name);
	fprintf(stderr, "%s:%u:%u: remark: %s%s%s%s() is not reported at the error "
		"return on line %u: model '%s' (line %u): %s [ladder-explain]\n",
		r->acquire->loc.file, r->acquire->loc.line, r->acquire->loc.col,
		r->name ? "'" : "", r->name ? r->name : "", r->name ? "' from " : "",
		resource_acquire_name(r), where.line, model, at.line,
		models[reason - ESC_MODEL].reason);
}

const char *analysis_function(const struct check_ctx *ctx)
{
	return ctx->an->fn->name;
}

const struct rules *analysis_rules(const struct check_ctx *ctx)
{
	return ctx->an->rules;
}

bool mirror_function_releases(const struct check_ctx *ctx, const struct pair *pair)
{
	const struct analysis *an = ctx->an;

	return summary_mirror_releases(an->summaries, an->rules, an->fn->name, pair);
}

bool function_releases_pair(const struct check_ctx *ctx, const struct pair *pair)
{
	const struct analysis *an = ctx->an;
	const struct rule_fn *rule;
	size_t i;

	for (i = 0; i < an->releases.len; i++) {
		const struct ir *call = an->releases.items[i];

		for (rule = rules_lookup(an->rules, call->name); rule; rule = rule->next)
			if (rule->role == ROLE_RELEASE && rule->pair == pair &&
			    !rule->implicit)
				return true;
	}
	return false;
}

bool resource_handle_is_null(const struct check_ctx *ctx, const struct resource *r)
{
	const struct sym *s;

	/* of_get_parent(np) with np found NULL later on the path. */
	if (r->has_null_arg) {
		s = state_sym(ctx->st, r->null_arg_sym);
		if (s && s->mask == VAL_ZERO)
			return true;
	}
	if (!r->has_handle || r->rule->handle.kind != HANDLE_ARG)
		return false;
	s = state_sym(ctx->st, r->handle_sym);
	return s && s->mask == VAL_ZERO;
}

bool path_entered_label(const struct check_ctx *ctx)
{
	const struct trace *t;

	for (t = ctx->st->trace; t; t = t->prev)
		if (t->label)
			return true;
	return false;
}

const char *resource_release_name(const struct resource *r)
{
	const struct rule_fn *rel = rules_remedy(r->rule);

	if (r->remedy_name)
		return r->remedy_name;
	return rel ? rel->name : "its release";
}

const char *resources_release_name(const struct check_ctx *ctx,
				   const struct resource *a,
				   const struct resource *b)
{
	return rules_common_release(ctx->an->rules, a->rule->pair, b->rule->pair);
}

const char *resource_acquire_name(const struct resource *r)
{
	return r->acquire_name ? r->acquire_name : r->rule->name;
}

static bool has_note_at(const struct finding *f, struct ir_loc loc)
{
	unsigned i;

	for (i = 0; i < f->nnotes; i++)
		if (f->notes[i].loc.line == loc.line && f->notes[i].loc.file == loc.file)
			return true;
	return false;
}

static void add_acquire_note(struct finding *f, const struct resource *r,
			     bool another)
{
	if (r->name)
		finding_note(f, r->acquire->loc, "'%s' %sacquired here by %s()",
			     r->name, another ? "also " : "", resource_acquire_name(r));
	else
		finding_note(f, r->acquire->loc, "%sacquired here by %s()",
			     another ? "or " : "", resource_acquire_name(r));
}

/* "2nd", "11th", "23rd". */
static const char *ordinal_suffix(unsigned n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

/* Which pass through its loop @pass starts, counting from where the path entered it. */
static unsigned pass_number(const struct trace *pass)
{
	const struct trace *t;
	unsigned n = 0;

	for (t = pass; t; t = t->prev) {
		if (t->loop != pass->loop)
			continue;
		if (t->kind == TRACE_LOOP_ENTER)
			break;
		n += t->kind == TRACE_LOOP_PASS;
	}
	return n;
}

/* The next step of @steps[@k]'s loop after it, or @n. */
static unsigned next_of_loop(const struct trace *const *steps, unsigned n,
			     unsigned k)
{
	unsigned j;

	for (j = k + 1; j < n; j++)
		if (steps[j]->loop == steps[k]->loop && steps[j]->kind >= TRACE_LOOP_ENTER)
			break;
	return j;
}

/*
 * A macro's own branch is worth a note only when it decided the path,
 * no branch after it on the path choosing anything (WARN_ON()'s test
 * before its "return -EINVAL"); the others are its inner workings.
 */
static bool deciding_branch(const struct trace *const *steps, unsigned n,
			    unsigned k)
{
	unsigned i;

	for (i = k + 1; i < n; i++)
		if (steps[i]->kind == TRACE_BRANCH ||
		    steps[i]->kind == TRACE_MACRO_BRANCH)
			return false;
	return true;
}

/* Is @steps[@k] a note the reader sees, by its own text? */
static bool shown_step(const struct trace *const *steps, unsigned n, unsigned k)
{
	if (!steps[k]->text && !steps[k]->assumed)
		return false;
	return steps[k]->kind != TRACE_MACRO_BRANCH || deciding_branch(steps, n, k);
}

static bool has_text_between(const struct trace *const *steps, unsigned n,
			     unsigned from, unsigned to)
{
	unsigned i;

	for (i = from + 1; i < to; i++)
		if (shown_step(steps, n, i))
			return true;
	return false;
}

/*
 * A pass through a loop is worth a note when notes fall inside it, or
 * when the path ends inside it, and then it says which pass it is.  A
 * do { } while's first pass is no choice (every do { } while (0)), so
 * only its later passes are named.  Leaving is noted after a named pass.
 */
static bool loop_note(const struct cfg *cfg, const struct trace *const *steps,
		      unsigned n, unsigned k, bool *named, char *text, size_t size)
{
	const struct trace *t = steps[k];
	unsigned j, pass;

	if (t->kind == TRACE_LOOP_LEAVE) {
		if (!named[t->loop])
			return false;
		named[t->loop] = false;
		snprintf(text, size, "leaving the loop");
		return true;
	}
	if (t->kind != TRACE_LOOP_PASS)
		return false;
	j = next_of_loop(steps, n, k);
	pass = pass_number(t);
	named[t->loop] = (j == n || has_text_between(steps, n, k, j)) &&
			 !(cfg->loops[t->loop].is_do && pass == 1);
	if (!named[t->loop])
		return false;
	if (pass == 1)
		snprintf(text, size, "entering the loop");
	else
		snprintf(text, size, "entering the loop for the %u%s time", pass,
			 ordinal_suffix(pass));
	return true;
}

static void add_path_notes(struct finding *f, struct analysis *an,
			   const struct trace *t, unsigned since)
{
	const struct cfg *cfg = an->cfg;
	const struct trace *steps[MAX_PATH_STEPS];
	struct ir_loc locs[MAX_PATH_STEPS];
	char *texts[MAX_PATH_STEPS], text[256];
	bool *named = xcalloc(cfg->nloops + 1, sizeof(*named));
	unsigned n = 0, m = 0, i;

	for (; t && t->seq > since && n < MAX_PATH_STEPS; t = t->prev)
		if (t->text || t->assumed || t->kind >= TRACE_LOOP_ENTER)
			steps[n++] = t;
	/* Oldest first. */
	for (i = 0; i < n / 2; i++) {
		t = steps[i];
		steps[i] = steps[n - 1 - i];
		steps[n - 1 - i] = t;
	}
	for (i = 0; i < n; i++) {
		if (shown_step(steps, n, i)) {
			texts[m] = xstrdup(steps[i]->text ? steps[i]->text :
					   assumed_text(an, steps[i], text, sizeof(text)));
		} else if (loop_note(cfg, steps, n, i, named, text, sizeof(text))) {
			texts[m] = xstrdup(text);
		} else {
			continue;
		}
		locs[m++] = steps[i]->loc;
	}
	/* The last notes, nearest the return, matter most. */
	for (i = 0; i < m; i++) {
		if (i + MAX_PATH_NOTES >= m)
			finding_note(f, locs[i], "%s", texts[i]);
		free(texts[i]);
	}
	free(named);
}

/*
 * Findings with the same @space, function and @key are one: the first
 * is kept, the others fold into it (*@dup).
 */
static struct finding *emit(struct check_ctx *ctx, const char *check,
			    const char *space, struct ir_loc at,
			    const struct resource *r, const char *key,
			    char *message, struct finding **dup)
{
	struct analysis *an = ctx->an;
	struct finding *f;
	char *full_key = xasprintf("%s|%s|%s", space, an->fn->name, key);

	f = report_add(an->report, full_key, dup);
	free(full_key);
	if (!f) {
		/* Same bug along another path: name the other acquire too. */
		if (*dup && r && !has_note_at(*dup, r->acquire->loc))
			add_acquire_note(*dup, r, true);
		free(message);
		return NULL;
	}
	f->check = check;
	f->function = an->fn->name;
	f->function_first = an->fn->first_line;
	f->function_last = an->fn->last_line;
	f->loc = at;
	f->message = message;
	f->resource = r ? (r->name ? r->name :
			   strtab_intern(an->strings, resource_acquire_name(r))) : NULL;
	if (r) {
		f->acquire.call = strtab_intern(an->strings, resource_acquire_name(r));
		f->acquire.loc = r->acquire->loc;
		add_acquire_note(f, r, false);
		add_path_notes(f, an, ctx->st->trace, r->acquire_seq);
	} else {
		add_path_notes(f, an, ctx->st->trace, 0);
	}
	return f;
}

struct finding *check_emit(struct check_ctx *ctx, const char *check,
			   struct ir_loc at, const struct resource *r,
			   const char *key, char *message)
{
	struct finding *dup;

	return emit(ctx, check, check, at, r, key, message, &dup);
}

struct finding *check_emit_release(struct check_ctx *ctx, const char *check,
				   struct ir_loc at, const struct resource *r,
				   char *message)
{
	struct finding *f, *dup;
	char *key = xasprintf("%u:%u", at.line, at.col);

	f = emit(ctx, check, "release", at, r, key, message, &dup);
	free(key);
	return f;
}

/*
 * One warning per root cause: the same resource owed at several returns
 * is reported at the first return the exploration reaches, and each
 * other return becomes a note on it.  --all-paths keeps one warning per
 * return.  A lock (owed on every return) held at an error return and at
 * a success one is one cause too, whichever check sees it first: leak
 * at the one, lock-held at the other.
 */
struct finding *check_emit_return(struct check_ctx *ctx, const char *check,
				  struct ir_loc where, const struct resource *r,
				  const char *cause, char *message, const char *also)
{
	const char *space = r && r->rule->pair->every_return ? "held" : check;
	struct finding *f, *dup;
	char *key;

	if (ctx->an->all_paths) {
		key = xasprintf("%s|%u:%u", cause, where.line, where.col);
		f = emit(ctx, check, space, where, r, key, message, &dup);
		free(key);
		return f;
	}
	f = emit(ctx, check, space, where, r, cause, message, &dup);
	if (!f && dup && dup->loc.line != where.line && !has_note_at(dup, where))
		finding_note(dup, where, "%s", also);
	return f;
}
