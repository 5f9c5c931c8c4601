// SPDX-License-Identifier: GPL-2.0
/*
 * branches.c - what a branch's test tells of the values it tests.
 *
 * Takes a condition and a path and gives, for each way the branch may go,
 * what the tested value must then be (a mask of value classes, an exact
 * constant, a range, a relation between two symbols), so that a path
 * that cannot go one way is not explored that way.
 */
#include "engine/internal.h"

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

bool holds(long long x, enum ir_cmp op, long long c)
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
	const struct access_path *key;
	const char *display;

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

/*
 * "if (ev_code >= OOB) write_lock(); else read_lock(); ... switch
 * (ev_code) { case OVERFLOW: ...": a value keeps the range its earlier
 * tests against constants left it, until it is assigned, so a later
 * test that range answers is no branch at all (model value-ranges).
 */
static bool decided_by_range(const struct sym *s, enum ir_cmp op, long long c,
			     struct test *t)
{
	struct interval r = sym_interval(s);

	if (may_hold(r, op, c) && may_hold(r, negated[op], c))
		return false;
	t->kind = TEST_CONST;
	t->truth = may_hold(r, op, c);
	return true;
}

/* The values for which "x op c" holds. */
static struct interval cmp_interval(enum ir_cmp op, long long c)
{
	struct interval all = { LLONG_MIN, LLONG_MAX }, none = { 1, 0 };

	switch (op) {
	case CMP_EQ:
		return (struct interval){ c, c };
	case CMP_NE:
		return all;	/* a hole: sym_exclude() keeps it */
	case CMP_LT:
		return c == LLONG_MIN ? none : (struct interval){ LLONG_MIN, c - 1 };
	case CMP_LE:
		return (struct interval){ LLONG_MIN, c };
	case CMP_GT:
		return c == LLONG_MAX ? none : (struct interval){ c + 1, LLONG_MAX };
	case CMP_GE:
		return (struct interval){ c, LLONG_MAX };
	}
	return all;
}

bool narrow_by_test(struct state *st, const struct test *t, bool outcome)
{
	enum ir_cmp op = outcome ? t->op : negated[t->op];
	const struct sym *s = state_sym(st, t->sym);
	struct interval r, now;

	if (!t->ranged || !s)
		return true;
	r = cmp_interval(op, t->c);
	now = sym_interval(s);
	/* x != c at an end of x's range moves that end. */
	if (op == CMP_NE && now.lo == t->c && t->c != LLONG_MAX)
		r.lo = t->c + 1;
	else if (op == CMP_NE && now.hi == t->c && t->c != LLONG_MIN)
		r.hi = t->c - 1;
	return state_narrow(st, t->sym, r);
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
	if (model_on(MODEL_VALUE_RANGES) && decided_by_range(s, op, c, t))
		return;
	t->kind = TEST_SYM;
	t->sym = v.sym;
	t->mask[1] = cmp_mask(op, c);
	t->mask[0] = cmp_mask(negated[op], c);
	t->exact[1] = op == CMP_EQ;
	t->exact[0] = op == CMP_NE;
	t->differs[1] = op == CMP_NE;
	t->differs[0] = op == CMP_EQ;
	t->c = c;
	t->ranged = model_on(MODEL_VALUE_RANGES);
	t->op = op;
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
 * a marker of @name, a path no lvalue has, so that state_gc() keeps it.
 */
static struct value named_relation(struct path *p, const char *name)
{
	const struct access_path *key =
		ap_marker(p->an->paths, AP_RELATION, NULL,
			  strtab_intern(p->an->strings, name));
	unsigned id = path_symbol(p->an, key);

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

	snprintf(buf, sizeof(buf), "%u:%u", a < b ? a : b, a < b ? b : a);
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
 * "owner = NULL; if (dev) owner = dev->owner; if (owner != bus->owner &&
 * !try_module_get(bus->owner)) ... if (owner != bus->owner)
 * module_put(bus->owner);": a side whose value the path knows is that
 * constant, so the test is one of the other side against it, and the
 * value keeps what the first test found (model known-side).
 */
static bool test_known_side(struct path *p, const struct ir *c, struct value l,
			    struct value r, struct test *t)
{
	long long k, lk;

	if (!model_on(MODEL_KNOWN_SIDE))
		return false;
	if (known_const(p->st, r, &k) && known_const(p->st, l, &lk)) {
		t->kind = TEST_CONST;
		t->truth = holds(lk, (enum ir_cmp)c->op, k);
		return true;
	}
	if (known_const(p->st, r, &k) && l.kind == V_SYM) {
		test_value(p, l, (enum ir_cmp)c->op, k, t);
		return true;
	}
	if (known_const(p->st, l, &k) && r.kind == V_SYM) {
		test_value(p, r, swapped[c->op], k, t);
		return true;
	}
	return false;
}

void eval_test(struct path *p, struct ir *c, struct test *t)
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
		eval_args(p, c, rule, args);
		l = tested_value(p, c->kids[rule->arg], t);
		test_predicate(p, l, rule->mask, t);
		return;
	case IR_CMP:
		if (c->kids[1]->kind == IR_CONST) {
			l = tested_value(p, c->kids[0], t);
			test_value(p, l, (enum ir_cmp)c->op, c->kids[1]->value, t);
			return;
		}
		if (c->kids[0]->kind == IR_CONST) {
			r = tested_value(p, c->kids[1], t);
			test_value(p, r, swapped[c->op], c->kids[0]->value, t);
			return;
		}
		l = tested_value(p, c->kids[0], t);
		r = tested_value(p, c->kids[1], t);
		t->subject = NULL;
		if (test_known_side(p, c, l, r, t))
			return;
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
		t->op = negated[t->op];
		return;
	default:
		break;
	}
	l = tested_value(p, c, t);
	test_value(p, l, CMP_NE, 0, t);
}
