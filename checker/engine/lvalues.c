// SPDX-License-Identifier: GPL-2.0
/*
 * lvalues.c - the access paths of C lvalues.
 *
 * Takes an lvalue of the IR ("priv->buf") and gives the access path its
 * value is bound under in a path's state (ir/access_path.h: by variable
 * identity, so shadowed names do not mix), its display name, and the
 * symbol a path first reads from it.  What cannot be tracked (a[i],
 * f()->x) has no path.
 */
#include "engine/internal.h"

/*
 * The path of what pointer variable @var always points to (model
 * address-alias), or NULL: a_ctx of "a_ctx = &ctx->a_ctx" gives
 * ctx->a_ctx, so a_ctx->hash_tfm and ctx->a_ctx.hash_tfm are one path.
 */
static const struct access_path *alias_key(struct analysis *an,
					   const struct ir *var)
{
	const char *display;

	if (var->kind != IR_VAR || !an->alias_of || var->id < 0 ||
	    var->id >= an->fn->nvars || !an->alias_of[var->id])
		return NULL;
	return lvalue(an, an->alias_of[var->id], &display);
}

/* The display name of @e, given its base's (@base) and its own step. */
static const char *display_name(struct analysis *an, const struct ir *e,
				const char *base)
{
	char disp[512];
	int n;

	switch (e->kind) {
	case IR_VAR:
		n = snprintf(disp, sizeof(disp), "%s", e->name);
		break;
	case IR_MEMBER:
		n = snprintf(disp, sizeof(disp), "%s%s%s", base,
			     e->flags & IR_F_ARROW ? "->" : ".", e->name);
		break;
	case IR_DEREF:
		n = snprintf(disp, sizeof(disp), "*%s", base);
		break;
	case IR_INDEX:
		n = snprintf(disp, sizeof(disp), "%s[%lld]", base, e->kids[1]->value);
		break;
	case IR_BITAND:
		n = snprintf(disp, sizeof(disp), "%s & %#llx", base,
			     (unsigned long long)e->kids[1]->value);
		break;
	default:
		n = snprintf(disp, sizeof(disp), "%s", base);
		break;
	}
	if (n < 0 || n >= (int)sizeof(disp))
		return NULL;
	return strtab_intern(an->strings, disp);
}

/* The access path of @e, whose first kid's path is @base; NULL if none. */
static const struct access_path *lvalue_path(struct analysis *an, struct ir *e,
					    const struct access_path *base)
{
	struct ap_table *t = an->paths;
	const struct access_path *alias;
	const char *member;

	switch (e->kind) {
	case IR_VAR:
		/* A __free() variable is its own root kind: key_is_scope_managed(). */
		return ap_var(t, e->id, e->flags & IR_F_CLEANUP);
	case IR_MEMBER:
		/* Interned here: member_node() spells a rule's member. */
		member = strtab_intern(an->strings, e->name);
		if (!(e->flags & IR_F_ARROW))
			return ap_step(t, AP_FIELD, base, 0, member);
		if ((alias = alias_key(an, e->kids[0])))
			return ap_step(t, AP_FIELD, alias, 0, member);
		return ap_step(t, AP_ARROW, base, 0, member);
	case IR_DEREF:
		if (e->kids[0]->kind == IR_ADDR)
			return base;		/* *&x is x */
		if ((alias = alias_key(an, e->kids[0])))
			return alias;
		return ap_step(t, AP_DEREF, base, 0, NULL);
	case IR_INDEX:
		return ap_step(t, AP_INDEX, base, e->kids[1]->value, NULL);
	case IR_ADDR:
		/*
		 * Not assignable, but a handle: mutex_lock(&priv->lock) and
		 * mutex_unlock(&priv->lock) name the same object.  Below its
		 * object, so reassigning priv forgets it.
		 */
		return ap_step(t, AP_ADDRESS, base, 0, NULL);
	case IR_BITAND:
		/* Not assignable, but tested: "client->flags & 0x40". */
		return ap_step(t, AP_FLAG, base, e->kids[1]->value, NULL);
	default:
		return NULL;
	}
}

/* The kid of @e whose path @e's path is built on, or NULL for a root. */
static struct ir *lvalue_base(struct ir *e)
{
	switch (e->kind) {
	case IR_MEMBER:
	case IR_ADDR:
	case IR_BITAND:
		return e->kids[0];
	case IR_DEREF:
		return e->kids[0]->kind == IR_ADDR ? e->kids[0]->kids[0] : e->kids[0];
	case IR_INDEX:
		return e->kids[1]->kind == IR_CONST ? e->kids[0] : NULL;
	default:
		return NULL;
	}
}

/*
 * An lvalue's access path (by variable identity, so shadowed names do
 * not mix) and its display name ("priv->buf").  Cached on the node; NULL
 * for what cannot be tracked (a[i], f()->x).
 */
const struct access_path *lvalue(struct analysis *an, struct ir *e,
				 const char **display)
{
	const struct access_path *base = NULL;
	const char *base_display = NULL;
	struct ir *kid;

	if (e->flags & IR_F_KEYED) {
		*display = e->display;
		return e->key;
	}
	e->flags |= IR_F_KEYED;
	e->key = NULL;
	e->display = NULL;
	kid = lvalue_base(e);
	if (e->kind != IR_VAR && (!kid || !(base = lvalue(an, kid, &base_display))))
		goto out;
	e->display = display_name(an, e, base_display);
	if (e->display)
		e->key = lvalue_path(an, e, base);
out:
	*display = e->display;
	return e->key;
}

/* Is the variable at the root of @e one of a macro's ({ }) temporaries? */
bool rooted_in_internal(const struct ir *e)
{
	while (e->kind == IR_MEMBER || e->kind == IR_DEREF || e->kind == IR_INDEX)
		e = e->kids[0];
	return e->kind == IR_VAR && (e->flags & IR_F_INTERNAL);
}

/* Does @e read a variable a macro declared inside its ({ })? */
bool reads_macro_local(const struct ir *e)
{
	unsigned i;

	if (e->kind == IR_VAR)
		return (e->flags & (IR_F_INTERNAL | IR_F_TEMP)) == IR_F_INTERNAL;
	for (i = 0; i < e->nkids; i++)
		if (e->kids[i] && reads_macro_local(e->kids[i]))
			return true;
	return false;
}

/* The symbol of what @key held when the path first read it. */
unsigned path_symbol(struct analysis *an, const struct access_path *key)
{
	return sym_name(an->syms, SYM_PATH, key->id, 0);
}

/*
 * The value of an lvalue nobody assigned on this path, made a symbol so
 * that two tests of the same flag agree: "if (x) get(); ... if (x) put();"
 */
/*
 * Model flag-bits.  "x & M" read after the path tested "x & m": a bit
 * of M found set sets it, and M's bits all found clear clear it.
 * efifb_probe() maps with ioremap_wc() under "mem_flags & WC" and
 * unmaps with iounmap() under "mem_flags & (UC | WC)".  @mask: what an
 * unknown value of its type may be.
 */
static unsigned flag_bits(const struct state *st, const struct access_path *key,
			  unsigned mask)
{
	unsigned long long want = (unsigned long long)key->n, clear = 0;
	unsigned i;

	if (key->kind != AP_FLAG || !model_on(MODEL_FLAG_BITS))
		return mask;
	for (i = 0; i < st->nbinds; i++) {
		const struct access_path *k = st->binds[i].key;
		unsigned long long m = (unsigned long long)k->n;
		const struct sym *s;

		if (k->kind != AP_FLAG || k->base != key->base ||
		    st->binds[i].value.kind != V_SYM ||
		    !(s = state_sym(st, st->binds[i].value.sym)))
			continue;
		if (s->mask == VAL_ZERO)
			clear |= m;
		else if (!(s->mask & VAL_ZERO) && !(m & ~want))
			return mask & ~VAL_ZERO;
	}
	return want && !(want & ~clear) ? VAL_ZERO : mask;
}

struct value lvalue_symbol(struct path *p, struct ir *e,
			   const struct access_path *key)
{
	unsigned id = path_symbol(p->an, key);
	unsigned mask = (e->flags & IR_F_UNSIGNED) ? VAL_ZERO | VAL_POS : VAL_ANY;

	if (state_sym(p->st, id))
		return v_unknown();
	mask = flag_bits(p->st, key, mask);
	state_new_sym(p->st, id, mask, NULL);
	state_set(p->st, key, v_sym(id));
	return v_sym(id);
}

/*
 * What a pointer local is assigned, counted statically: a variable
 * whose address is taken or that is updated counts as written twice.
 */
struct alias_scan {
	struct analysis *an;
	unsigned *writes;
	bool *by_decl;		/* its one write is its initialiser */
	struct ir **target;	/* the lvalue its one write takes &of */
};

/*
 * The member path @e takes the address of, if it is one whose meaning
 * only its root variable can change: "&ctx->a_ctx", "&pdev->dev",
 * "&priv->hw.regs", not "&ctx->sub->m" (ctx->sub may be reassigned)
 * nor "&arr[i]".
 */
static struct ir *address_target(struct ir *e)
{
	struct ir *x;

	if (e->kind != IR_ADDR || e->kids[0]->kind != IR_MEMBER)
		return NULL;
	for (x = e->kids[0]; x->kind == IR_MEMBER; x = x->kids[0])
		if ((x->flags & IR_F_ARROW) && x->kids[0]->kind != IR_VAR)
			return NULL;
	return x->kind == IR_VAR ? e->kids[0] : NULL;
}

static void note_write(struct alias_scan *s, int id, struct ir *value, bool decl)
{
	if (id < 0 || id >= s->an->fn->nvars)
		return;
	s->writes[id]++;
	s->by_decl[id] = decl;
	s->target[id] = value ? address_target(value) : NULL;
}

static void scan_writes(struct alias_scan *s, struct ir *e)
{
	unsigned i;

	if (!e)
		return;
	switch (e->kind) {
	case IR_DECL:
		if (e->nkids && e->kids[0])
			note_write(s, e->id, e->kids[0], true);
		if (e->flags & IR_F_CLEANUP)
			note_write(s, e->id, NULL, true);
		break;
	case IR_ASSIGN:
		if (e->kids[0]->kind == IR_VAR)
			note_write(s, e->kids[0]->id, e->kids[1], false);
		break;
	case IR_UPDATE:
	case IR_ADDR:
		if (e->kids[0]->kind == IR_VAR) {
			note_write(s, e->kids[0]->id, NULL, false);
			note_write(s, e->kids[0]->id, NULL, false);
		}
		break;
	default:
		break;
	}
	for (i = 0; i < e->nkids; i++)
		scan_writes(s, e->kids[i]);
}

static int root_var(const struct ir *e)
{
	while (e->kind == IR_MEMBER)
		e = e->kids[0];
	return e->id;
}

/*
 * Model address-alias.  A local written once, with "&x->m", where x is
 * a parameter never written or a local written only by its
 * initialiser, holds that address wherever it is read: C gives the
 * local no other value, and x->m names one object while x does not
 * change.
 */
void find_address_aliases(struct analysis *an)
{
	int nvars = an->fn->nvars, v, root;
	struct alias_scan s = { .an = an };

	if (!model_on(MODEL_ADDRESS_ALIAS) || nvars <= 0)
		return;
	s.writes = xcalloc(nvars, sizeof(*s.writes));
	s.by_decl = xcalloc(nvars, sizeof(*s.by_decl));
	s.target = xcalloc(nvars, sizeof(*s.target));
	scan_writes(&s, an->fn->body);
	for (v = an->fn->nparams; v < nvars; v++) {
		if (s.writes[v] != 1 || !s.target[v])
			continue;
		root = root_var(s.target[v]);
		if (root < 0 || root >= nvars || root == v)
			continue;
		if (s.writes[root] > 1 || (s.writes[root] == 1 && !s.by_decl[root]))
			continue;
		if (!an->alias_of)
			an->alias_of = xcalloc(nvars, sizeof(*an->alias_of));
		an->alias_of[v] = s.target[v];
	}
	free(s.writes);
	free(s.by_decl);
	free(s.target);
}
