// SPDX-License-Identifier: GPL-2.0
/*
 * expressions.c - the value of an expression on one path.
 *
 * Takes an IR expression and a path and gives a value (unknown, a
 * constant, or a symbol) after applying its side effects: assignments,
 * declarations, increments and the flag words that record what was set
 * up.
 */
#include "engine/internal.h"

static void eval_kids(struct path *p, struct ir *e)
{
	unsigned i;

	for (i = 0; i < e->nkids; i++)
		if (e->kids[i] && (e->kids[i]->flags & IR_F_EFFECTS))
			eval(p, e->kids[i]);
}

static struct value eval_lvalue(struct path *p, struct ir *e)
{
	const struct access_path *key;
	const char *display;
	struct value v;

	if (e->flags & IR_F_EFFECTS)
		eval_kids(p, e);
	key = lvalue(p->an, e, &display);
	if (!key)
		return v_unknown();
	v = state_get(p->st, key);
	/*
	 * A pointer read from an object ("pdev = ioc->pdev") is a value
	 * the path can follow: a local that copies it and the member then
	 * name one object (model copied-member).
	 */
	if (v.kind == V_UNKNOWN && (e->flags & IR_F_POINTER) &&
	    ap_through_pointer(key) && model_on(MODEL_COPIED_MEMBER))
		v = lvalue_symbol(p, e, key);
	return v;
}

static struct value member_address(struct path *p, const struct ir *e);

/* &x: the same non-NULL symbol each time on a path, while x stands. */
static struct value eval_address(struct path *p, struct ir *e)
{
	const struct access_path *key;
	const char *display;
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
	v = member_address(p, e);
	if (v.kind == V_SYM) {
		state_set(p->st, key, v);
		return v;
	}
	id = path_symbol(p->an, key);
	if (state_sym(p->st, id))
		return v_unknown();
	state_new_sym(p->st, id, VAL_POS, NULL);
	state_set(p->st, key, v_sym(id));
	return v_sym(id);
}

/*
 * p = &obj->base, p = obj->array, lo = lower_32_bits(dma): a pointer
 * into an object, or a value made from a handle, stored under another
 * name, which ladder does not follow: the handle is no longer held by
 * its own locals only.
 */
static void note_interior(struct path *p, struct ir *rhs)
{
	if (rhs->kind == IR_ADDR || rhs->kind == IR_BITAND ||
	    (rhs->kind == IR_MEMBER && (rhs->flags & IR_F_ARRAY)))
		mark_carried(p, rhs, v_unknown());
}

static struct value eval_assign(struct path *p, struct ir *e)
{
	struct value v = eval(p, e->kids[1]);

	note_interior(p, e->kids[1]);

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
	const struct access_path *key;
	const char *display;

	if (d->nkids && d->kids[0]) {
		v = eval(p, d->kids[0]);
		note_interior(p, d->kids[0]);
	}
	key = lvalue(p->an, &var, &display);
	if (!key)
		return;
	scope_ended(p, key, d->loc);
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
static void update_flags(struct path *p, const struct access_path *key,
			 const struct ir *e)
{
	unsigned long long bits = (unsigned long long)e->kids[1]->value, mask;
	bool set = e->op == UPD_SET_BITS;
	struct binding kept[16];
	unsigned i, nkept = 0;
	const struct access_path *own;

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
static struct value step_value(struct path *p, struct ir *e,
			       const struct access_path *key)
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
	unsigned id = sym_name(p->an->syms, SYM_SITE, e->site, 0);

	if (old.kind == V_SYM && old.sym == id)
		id = sym_name(p->an->syms, SYM_SITE, e->site, 1);
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
	const struct access_path *key;
	const char *display;

	eval_kids(p, e);
	key = lvalue(p->an, e->kids[0], &display);
	if (!key)
		return v_unknown();
	if (e->op == UPD_SET_BITS || e->op == UPD_KEEP_BITS) {
		update_flags(p, key, e);
		return v_unknown();
	}
	/* p++ walks a pointer through what p held: no longer followed. */
	if (e->kids[0]->flags & IR_F_POINTER)
		mark_carried(p, e->kids[0], v_unknown());
	if (e->op != UPD_OTHER)
		return step_value(p, e, key);
	forget_from(p, key);
	state_set(p->st, key, v_unknown());
	return v_unknown();
}

/*
 * Model offset-nonnull: p + n and p - n when p is known not to be NULL.
 * C leaves arithmetic on a null pointer undefined, so the compiler takes
 * the result for non-NULL, and so does the kernel: "if (dev) nv =
 * container_of(dev, ...); if (!nv) return -EPROBE_DEFER;" holds no dev
 * on that return.  The result is the expression's own symbol, of the
 * sign classes p may have; where p may be NULL, nothing is known.
 */
static struct value offset_value(struct path *p, struct ir *e, struct value base)
{
	unsigned mask, id;
	struct sym *s;

	if (!(e->flags & IR_F_OFFSET) || !model_on(MODEL_OFFSET_NONNULL) ||
	    base.kind != V_SYM)
		return v_unknown();
	mask = value_mask(p->st, base);
	if (mask & VAL_ZERO)
		return v_unknown();
	id = sym_name(p->an->syms, SYM_SITE, e->site, 0);
	if (id == base.sym)
		id = sym_name(p->an->syms, SYM_SITE, e->site, 1);
	s = state_new_sym(p->st, id, mask, NULL);
	if (e->flags & IR_F_BYTES) {
		s->has_offset = true;
		s->offset_base = base.sym;
		s->offset = e->value;
	}
	return v_sym(id);
}

/*
 * &x->m, where x is what offset_value() made of p by moving it back by
 * m's offset: p itself ("nv = container_of(dev, struct nv, dev);
 * put_device(&nv->dev);" puts dev).
 */
static struct value member_address(struct path *p, const struct ir *e)
{
	const struct ir *m = e->kids[0];
	const struct access_path *key;
	const char *display;
	struct value obj;
	const struct sym *s;

	if (!model_on(MODEL_OFFSET_NONNULL) || m->kind != IR_MEMBER ||
	    !(m->flags & IR_F_ARROW) || !(m->flags & IR_F_BYTES))
		return v_unknown();
	key = lvalue(p->an, m->kids[0], &display);
	obj = key ? state_get(p->st, key) : v_unknown();
	s = obj.kind == V_SYM ? state_sym(p->st, obj.sym) : NULL;
	if (!s || !s->has_offset || s->offset + m->value != 0 ||
	    !state_sym(p->st, s->offset_base))
		return v_unknown();
	return v_sym(s->offset_base);
}

/*
 * An expression ladder gives no value: arithmetic, an initialiser
 * list, a ?: inside an argument.  A handle among its operands may live
 * on in what it makes, so it is no longer only a local's.
 */
static struct value eval_other(struct path *p, struct ir *e)
{
	struct value base = v_unknown();
	unsigned i;

	if (e->flags & IR_F_OFFSET) {
		base = eval(p, e->kids[0]);
		eval(p, e->kids[1]);
	} else {
		eval_kids(p, e);
	}
	for (i = 0; i < e->nkids; i++)
		if (e->kids[i])
			mark_carried(p, e->kids[i], v_unknown());
	return offset_value(p, e, base);
}

/*
 * An argument of a call that keeps none of its pointers (memcpy(),
 * a sized buffer): p + 12 there is p lent for the call, not a pointer
 * into p kept elsewhere, so p stays only its locals'
 * ("memcpy(resp_data + 12, name, 8)", sas_smp_host_handler()).
 */
struct value eval_lent(struct path *p, struct ir *e)
{
	struct value base;

	if (e->kind != IR_OTHER || !(e->flags & IR_F_OFFSET))
		return eval(p, e);
	base = eval(p, e->kids[0]);
	eval(p, e->kids[1]);
	return offset_value(p, e, base);
}

struct value eval(struct path *p, struct ir *e)
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
	case IR_OTHER:
	case IR_COND:
		return eval_other(p, e);
	default:
		eval_kids(p, e);
		return v_unknown();
	}
}
