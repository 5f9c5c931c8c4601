// SPDX-License-Identifier: GPL-2.0
/*
 * state.c - the path state and its operations.
 *
 * Bindings, symbols and resources are kept in arrays sorted by key, so
 * that two states that know the same things are byte-for-byte comparable
 * and the engine can merge them.
 */
#include "state.h"
#include "engine/models.h"
#include "util.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct state *state_new(void)
{
	return xcalloc(1, sizeof(struct state));
}

#define CLONE_ARRAY(dst, src, field, n, cap)				\
	do {								\
		(dst)->cap = (src)->n;					\
		(dst)->n = (src)->n;					\
		(dst)->field = (src)->n ?				\
			xmalloc((src)->n * sizeof(*(src)->field)) : NULL; \
		if ((src)->n)						\
			memcpy((dst)->field, (src)->field,		\
			       (src)->n * sizeof(*(src)->field));	\
	} while (0)

struct state *state_clone(const struct state *st)
{
	struct state *copy = xcalloc(1, sizeof(*copy));

	CLONE_ARRAY(copy, st, binds, nbinds, capbinds);
	CLONE_ARRAY(copy, st, syms, nsyms, capsyms);
	CLONE_ARRAY(copy, st, res, nres, capres);
	copy->trace = st->trace;
	return copy;
}

void state_free(struct state *st)
{
	if (!st)
		return;
	free(st->binds);
	free(st->syms);
	free(st->res);
	free(st);
}

/* Grow @arr (of @n used, @cap allocated) so one more element fits. */
static void *reserve(void *arr, unsigned n, unsigned *cap, size_t elem)
{
	if (n < *cap)
		return arr;
	*cap = *cap ? *cap * 2 : 8;
	return xrealloc(arr, *cap * elem);
}

/* ---- symbol names ---- */

struct sym_origin_key {
	unsigned char origin;
	unsigned a, b;
	unsigned id;		/* 0: empty slot */
};

struct sym_names {
	struct sym_origin_key *slots;
	unsigned cap, len;
};

struct sym_names *sym_names_new(void)
{
	struct sym_names *names = xcalloc(1, sizeof(*names));

	names->cap = 64;
	names->slots = xcalloc(names->cap, sizeof(*names->slots));
	return names;
}

void sym_names_free(struct sym_names *names)
{
	if (!names)
		return;
	free(names->slots);
	free(names);
}

static unsigned sym_slot(const struct sym_names *names, unsigned char origin,
			 unsigned a, unsigned b)
{
	unsigned long h = hash_bytes(HASH_INIT, &origin, sizeof(origin));
	unsigned i;

	h = hash_bytes(h, &a, sizeof(a));
	h = hash_bytes(h, &b, sizeof(b));
	for (i = h & (names->cap - 1); names->slots[i].id;
	     i = (i + 1) & (names->cap - 1)) {
		const struct sym_origin_key *k = &names->slots[i];

		if (k->origin == origin && k->a == a && k->b == b)
			break;
	}
	return i;
}

static void sym_names_grow(struct sym_names *names)
{
	struct sym_origin_key *old = names->slots;
	unsigned i, oldcap = names->cap;

	names->cap *= 2;
	names->slots = xcalloc(names->cap, sizeof(*names->slots));
	for (i = 0; i < oldcap; i++)
		if (old[i].id)
			names->slots[sym_slot(names, old[i].origin, old[i].a,
					      old[i].b)] = old[i];
	free(old);
}

unsigned sym_name(struct sym_names *names, enum sym_origin origin,
		  unsigned a, unsigned b)
{
	unsigned i;

	if (2 * (names->len + 1) > names->cap)
		sym_names_grow(names);
	i = sym_slot(names, origin, a, b);
	if (!names->slots[i].id)
		names->slots[i] = (struct sym_origin_key){ origin, a, b,
							   ++names->len };
	return names->slots[i].id;
}

/* ---- bindings ---- */

static unsigned bind_pos(const struct state *st, const struct access_path *key,
			 bool *found)
{
	unsigned lo = 0, hi = st->nbinds;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (st->binds[mid].key->id < key->id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < st->nbinds && st->binds[lo].key == key;
	return lo;
}

struct value state_get(const struct state *st, const struct access_path *key)
{
	struct value unknown = { V_UNKNOWN, 0, 0 };
	bool found;
	unsigned i = bind_pos(st, key, &found);

	return found ? st->binds[i].value : unknown;
}

void state_set(struct state *st, const struct access_path *key, struct value v)
{
	bool found;
	unsigned i = bind_pos(st, key, &found);

	if (v.kind == V_UNKNOWN) {
		/* Unknown is the default: store nothing, keep states canonical. */
		if (found) {
			memmove(&st->binds[i], &st->binds[i + 1],
				(st->nbinds - i - 1) * sizeof(*st->binds));
			st->nbinds--;
		}
		return;
	}
	if (!found) {
		st->binds = reserve(st->binds, st->nbinds, &st->capbinds,
				    sizeof(*st->binds));
		memmove(&st->binds[i + 1], &st->binds[i],
			(st->nbinds - i) * sizeof(*st->binds));
		st->nbinds++;
		st->binds[i].key = key;
	}
	st->binds[i].value = v;
}

void state_forget_below(struct state *st, const struct access_path *key)
{
	unsigned i, out = 0;

	for (i = 0; i < st->nbinds; i++)
		if (!ap_below(st->binds[i].key, key))
			st->binds[out++] = st->binds[i];
	st->nbinds = out;
}

/* ---- symbols ---- */

static unsigned sym_pos(const struct state *st, unsigned id, bool *found)
{
	unsigned lo = 0, hi = st->nsyms;

	while (lo < hi) {
		unsigned mid = (lo + hi) / 2;

		if (st->syms[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	*found = lo < st->nsyms && st->syms[lo].id == id;
	return lo;
}

struct sym *state_sym(const struct state *st, unsigned id)
{
	bool found;
	unsigned i = sym_pos(st, id, &found);

	return found ? &st->syms[i] : NULL;
}

struct sym *state_new_sym(struct state *st, unsigned id, unsigned mask,
			  const struct ir *origin)
{
	bool found;
	unsigned i = sym_pos(st, id, &found);

	if (!found) {
		st->syms = reserve(st->syms, st->nsyms, &st->capsyms,
				   sizeof(*st->syms));
		memmove(&st->syms[i + 1], &st->syms[i],
			(st->nsyms - i) * sizeof(*st->syms));
		st->nsyms++;
	}
	memset(&st->syms[i], 0, sizeof(st->syms[i]));
	st->syms[i].id = id;
	st->syms[i].mask = mask;
	st->syms[i].origin = origin;
	return &st->syms[i];
}

static unsigned const_mask(long long c)
{
	return c < 0 ? VAL_NEG : c == 0 ? VAL_ZERO : VAL_POS;
}

unsigned value_mask(const struct state *st, struct value v)
{
	const struct sym *s;

	switch (v.kind) {
	case V_CONST:
		return const_mask(v.c);
	case V_SYM:
		s = state_sym(st, v.sym);
		return s ? s->mask : VAL_ANY;
	default:
		return VAL_ANY;
	}
}

void state_update_status(struct state *st, struct resource *r)
{
	const struct sym *s;
	unsigned ok;

	if (r->status == RES_RELEASED)
		return;
	s = state_sym(st, r->status_sym);
	if (!s) {
		/* Nothing tests the status any more: keep what is known. */
		return;
	}
	ok = success_ok_mask(r->rule->success);
	if (!(s->mask & ~ok) || r->elements_before)
		r->status = RES_LIVE;
	else if (!(s->mask & ok))
		r->status = RES_FAILED;
	else
		r->status = RES_UNDECIDED;
}

/*
 * A call that takes @r only when it succeeds (idr_alloc()): once its
 * result says so, the take stands, or @r is the path's again.
 */
void state_update_take(struct state *st, struct resource *r)
{
	const struct sym *s = state_sym(st, r->take_sym);

	if (!s)
		return;
	if (!(s->mask & r->take_ok)) {
		r->escaped = ESC_NONE;
		r->take_sym = 0;
	} else if (!(s->mask & ~r->take_ok)) {
		r->take_sym = 0;
	}
}

/*
 * What @s now knows of its truth, the symbol it tests learns:
 * WARN_ON(!res) tests "__ret_warn_on = !!(!res)", and
 * "err = dma_mapping_error(dev, addr); if (err)" tests addr.
 */
static bool refine_tested(struct state *st, const struct sym *s)
{
	if (!s->has_tests)
		return true;
	if (s->mask == VAL_ZERO)
		return state_refine(st, s->tests, VAL_ANY & ~s->tests_mask);
	if (!(s->mask & VAL_ZERO))
		return state_refine(st, s->tests, s->tests_mask);
	return true;
}

static bool interval_holds_any(struct interval r)
{
	return r.lo <= r.hi;
}

bool state_refine(struct state *st, unsigned id, unsigned mask)
{
	struct sym *s = state_sym(st, id);
	unsigned i;

	if (!s)
		return true;
	if (!(s->mask & mask))
		return false;
	s->mask &= mask;
	if (s->has_const && !(const_mask(s->c) & s->mask))
		return false;
	if (s->has_range && !interval_holds_any(sym_interval(s)))
		return false;
	for (i = 0; i < st->nres; i++) {
		if (st->res[i].status_sym == id)
			state_update_status(st, &st->res[i]);
		if (st->res[i].take_sym == id)
			state_update_take(st, &st->res[i]);
	}
	return refine_tested(st, s);
}

/* The smallest range holding every value of the sign classes in @mask. */
static struct interval mask_hull(unsigned mask)
{
	struct interval r = { 1, 0 };	/* empty */

	if (mask & VAL_POS)
		r = (struct interval){ 1, LLONG_MAX };
	if (mask & VAL_ZERO)
		r = (struct interval){ 0, r.lo > r.hi ? 0 : r.hi };
	if (mask & VAL_NEG)
		r = (struct interval){ LLONG_MIN, r.lo > r.hi ? -1 : r.hi };
	return r;
}

static struct interval intersect(struct interval a, struct interval b)
{
	return (struct interval){ a.lo > b.lo ? a.lo : b.lo,
				  a.hi < b.hi ? a.hi : b.hi };
}

struct interval sym_interval(const struct sym *s)
{
	struct interval r = mask_hull(s->mask);

	if (s->has_const)
		return intersect(r, (struct interval){ s->c, s->c });
	if (s->has_range)
		r = intersect(r, (struct interval){ s->lo, s->hi });
	return r;
}

static bool interval_full(struct interval r)
{
	return r.lo == LLONG_MIN && r.hi == LLONG_MAX;
}

bool state_narrow(struct state *st, unsigned id, struct interval want)
{
	struct sym *s = state_sym(st, id);
	struct interval r;
	unsigned mask = 0;

	if (!s)
		return true;
	r = intersect(sym_interval(s), want);
	if (!interval_holds_any(r))
		return false;
	if (r.lo == r.hi && !s->has_const) {
		if (sym_excludes(s, r.lo))
			return false;
		s->has_const = true;
		s->c = r.lo;
	}
	s->has_range = !interval_full(r);
	s->lo = r.lo;
	s->hi = r.hi;
	if (r.lo < 0)
		mask |= VAL_NEG;
	if (r.lo <= 0 && r.hi >= 0)
		mask |= VAL_ZERO;
	if (r.hi > 0)
		mask |= VAL_POS;
	return state_refine(st, id, mask);
}

/* ---- resources ---- */

struct resource *state_add_resource(struct state *st, const struct resource *r)
{
	unsigned i;

	/* Acquiring again at the same call site (a loop) replaces it. */
	for (i = 0; i < st->nres && (st->res[i].site < r->site ||
				     (st->res[i].site == r->site &&
				      st->res[i].part < r->part)); i++)
		;
	if (i == st->nres || st->res[i].site != r->site ||
	    st->res[i].part != r->part) {
		st->res = reserve(st->res, st->nres, &st->capres, sizeof(*st->res));
		memmove(&st->res[i + 1], &st->res[i],
			(st->nres - i) * sizeof(*st->res));
		st->nres++;
	}
	st->res[i] = *r;
	return &st->res[i];
}

static int status_rank(enum res_status s);

/*
 * Two acquires may hold one handle (i2c->pclk = i2c->clk; prepared twice,
 * a refcount): a release takes a live one first.
 */
struct resource *state_find_managed(struct state *st, unsigned sym)
{
	unsigned i;

	for (i = 0; i < st->nres; i++) {
		struct resource *r = &st->res[i];

		if (r->has_handle && r->handle_sym == sym &&
		    r->rule->pair->managed && r->status == RES_LIVE)
			return r;
	}
	return NULL;
}

struct resource *state_find_handle(struct state *st, unsigned sym,
				   const struct pair *pair)
{
	struct resource *best = NULL;
	unsigned i;

	for (i = 0; i < st->nres; i++) {
		struct resource *r = &st->res[i];

		if (!r->has_handle || r->handle_sym != sym || r->rule->pair != pair)
			continue;
		if (!best || status_rank(r->status) > status_rank(best->status))
			best = r;
	}
	return best;
}

static int status_rank(enum res_status s)
{
	switch (s) {
	case RES_LIVE:
	case RES_UNDECIDED:
		return 3;
	case RES_RELEASED:
		return 2;
	default:
		return 1;
	}
}

static struct resource *find_in_pair(struct state *st, const struct pair *pair,
				     bool with_handles)
{
	struct resource *best = NULL;
	unsigned i;

	for (i = 0; i < st->nres; i++) {
		struct resource *r = &st->res[i];

		if (r->rule->pair != pair || (r->has_handle && !with_handles))
			continue;
		if (!best || status_rank(r->status) > status_rank(best->status) ||
		    (status_rank(r->status) == status_rank(best->status) &&
		     r->acquire_seq > best->acquire_seq))
			best = r;
	}
	return best;
}

struct resource *state_find_pair(struct state *st, const struct pair *pair)
{
	return find_in_pair(st, pair, false);
}

struct resource *state_find_pair_any(struct state *st, const struct pair *pair)
{
	return find_in_pair(st, pair, true);
}

/* ---- canonical form ---- */

static bool sym_used(const struct state *st, unsigned id)
{
	unsigned i, j;

	for (i = 0; i < st->nbinds; i++)
		if (st->binds[i].value.kind == V_SYM && st->binds[i].value.sym == id)
			return true;
	for (i = 0; i < st->nres; i++) {
		const struct resource *r = &st->res[i];

		if ((r->has_handle && r->handle_sym == id) || r->status_sym == id ||
		    (r->take_sym && r->take_sym == id))
			return true;
		for (j = 0; j < r->npins; j++)
			if (r->pins[j] == id)
				return true;
	}
	for (i = 0; i < st->nsyms; i++)
		if ((st->syms[i].has_tests && st->syms[i].tests == id) ||
		    (st->syms[i].has_offset && st->syms[i].offset_base == id))
			return true;
	return false;
}

void state_gc(struct state *st)
{
	unsigned i, out = 0;

	for (i = 0; i < st->nsyms; i++)
		if (sym_used(st, st->syms[i].id))
			st->syms[out++] = st->syms[i];
	st->nsyms = out;
}

static unsigned long hash_resource(unsigned long h, const struct resource *r)
{
	bool escaped = r->escaped != ESC_NONE;

	h = hash_bytes(h, &r->site, sizeof(r->site));
	h = hash_bytes(h, &r->part, sizeof(r->part));
	h = hash_bytes(h, &r->status, sizeof(r->status));
	h = hash_bytes(h, &r->handle_sym, sizeof(r->handle_sym));
	h = hash_bytes(h, &escaped, sizeof(escaped));
	h = hash_bytes(h, &r->beyond_locals, sizeof(r->beyond_locals));
	h = hash_bytes(h, &r->take_sym, sizeof(r->take_sym));
	return hash_bytes(h, &r->name, sizeof(r->name));
}

unsigned long state_hash(const struct state *st)
{
	unsigned long h = HASH_INIT;
	unsigned i;

	for (i = 0; i < st->nbinds; i++) {
		h = hash_bytes(h, &st->binds[i].key, sizeof(st->binds[i].key));
		h = hash_bytes(h, &st->binds[i].value.kind, sizeof(st->binds[i].value.kind));
		h = hash_bytes(h, &st->binds[i].value.sym, sizeof(st->binds[i].value.sym));
		h = hash_bytes(h, &st->binds[i].value.c, sizeof(st->binds[i].value.c));
	}
	for (i = 0; i < st->nsyms; i++) {
		h = hash_bytes(h, &st->syms[i].id, sizeof(st->syms[i].id));
		h = hash_bytes(h, &st->syms[i].mask, sizeof(st->syms[i].mask));
		h = hash_bytes(h, &st->syms[i].nne, sizeof(st->syms[i].nne));
		if (st->syms[i].has_range) {
			h = hash_bytes(h, &st->syms[i].lo, sizeof(st->syms[i].lo));
			h = hash_bytes(h, &st->syms[i].hi, sizeof(st->syms[i].hi));
		}
	}
	for (i = 0; i < st->nres; i++)
		h = hash_resource(h, &st->res[i]);
	return h;
}

static bool value_equal(const struct value *a, const struct value *b)
{
	return a->kind == b->kind && a->sym == b->sym && a->c == b->c;
}

static bool resource_equal(const struct resource *a, const struct resource *b)
{
	return a->site == b->site && a->part == b->part &&
	       a->status == b->status &&
	       a->has_handle == b->has_handle && !a->escaped == !b->escaped &&
	       a->in_given_object == b->in_given_object &&
	       a->beyond_locals == b->beyond_locals &&
	       a->elements_before == b->elements_before &&
	       a->handle_sym == b->handle_sym && a->status_sym == b->status_sym &&
	       a->take_sym == b->take_sym &&
	       a->name == b->name && a->npins == b->npins &&
	       !memcmp(a->pins, b->pins, a->npins * sizeof(a->pins[0])) &&
	       a->release == b->release;
}

bool state_same_resources(const struct state *a, const struct state *b)
{
	unsigned i;

	if (a->nres != b->nres)
		return false;
	for (i = 0; i < a->nres; i++)
		if (!resource_equal(&a->res[i], &b->res[i]))
			return false;
	return true;
}

bool sym_excludes(const struct sym *s, long long c)
{
	unsigned i;

	for (i = 0; i < s->nne; i++)
		if (s->ne[i] == c)
			return true;
	return false;
}

/*
 * Kept sorted so equal knowledge compares equal.  When full, the newest
 * is dropped: knowing less is safe, it only keeps a path that is not.
 */
void sym_exclude(struct sym *s, long long c)
{
	unsigned i;

	if (sym_excludes(s, c) || s->nne == SYM_MAX_NE)
		return;
	for (i = s->nne; i > 0 && s->ne[i - 1] > c; i--)
		s->ne[i] = s->ne[i - 1];
	s->ne[i] = c;
	s->nne++;
}

/* After a join, @j differs only from what both sides differed from. */
static void sym_keep_common_ne(struct sym *j, const struct sym *b)
{
	unsigned i, n = 0;

	for (i = 0; i < j->nne; i++)
		if (sym_excludes(b, j->ne[i]))
			j->ne[n++] = j->ne[i];
	j->nne = (unsigned char)n;
}

/* After a join, @j lies in the smallest range holding both sides'. */
static void join_range(struct sym *j, const struct sym *b)
{
	struct interval rj, rb;

	if (!j->has_range && !b->has_range)
		return;
	rj = sym_interval(j);
	rb = sym_interval(b);
	j->lo = rj.lo < rb.lo ? rj.lo : rb.lo;
	j->hi = rj.hi > rb.hi ? rj.hi : rb.hi;
	j->has_range = !interval_full((struct interval){ j->lo, j->hi });
}

/* Union of what @b knows of symbol @id into @j's. */
static void join_sym(struct state *j, const struct state *b, unsigned id)
{
	struct sym *sj = state_sym(j, id);
	const struct sym *sb = state_sym(b, id);

	if (!sj)
		return;
	if (!sb) {
		sj->mask = VAL_ANY;
		sj->has_const = false;
		sj->has_range = false;
		sj->has_offset = false;
		sj->nne = 0;
		return;
	}
	join_range(sj, sb);
	sj->mask |= sb->mask;
	if (sj->has_tests && (!sb->has_tests || sb->tests != sj->tests ||
			       sb->tests_mask != sj->tests_mask))
		sj->has_tests = false;
	if (sj->has_const && (!sb->has_const || sb->c != sj->c))
		sj->has_const = false;
	if (sj->has_offset && (!sb->has_offset || sb->offset_base != sj->offset_base ||
			       sb->offset != sj->offset))
		sj->has_offset = false;
	sym_keep_common_ne(sj, sb);
}

/* Does @v, in @st, never equal @c? */
static bool side_excludes(const struct state *st, struct value v, long long c)
{
	const struct sym *s = v.kind == V_SYM ? state_sym(st, v.sym) : NULL;
	struct interval r;

	if (v.kind == V_CONST)
		return v.c != c;
	if (!s)
		return false;
	if (s->has_const)
		return s->c != c;
	r = sym_interval(s);
	return sym_excludes(s, c) || c < r.lo || c > r.hi;
}

/* Exclude from @sj what @va (in @a) excludes and @vb (in @b) does too. */
static void exclude_common(struct sym *sj, const struct state *a, struct value va,
			   const struct state *b, struct value vb)
{
	const struct sym *s = va.kind == V_SYM ? state_sym(a, va.sym) : NULL;
	unsigned i;

	for (i = 0; s && !s->has_const && i < s->nne; i++)
		if (side_excludes(b, vb, s->ne[i]))
			sym_exclude(sj, s->ne[i]);
}

/*
 * "key_dir = DMA_NONE;" on one path, "if (key_dir != DMA_NONE)" taken on
 * another: the joined value still is not DMA_NONE where neither side
 * can be.  Values both sides exclude, by a test or by being another
 * constant, stay excluded (model joined-exclusions).  @old is what the
 * join point's symbol knew before, if it held other values too.
 */
static void join_exclusions(struct sym *sj, const struct state *a, struct value va,
			    const struct state *b, struct value vb,
			    const struct sym *old)
{
	if (!model_on(MODEL_JOINED_EXCLUSIONS))
		return;
	exclude_common(sj, a, va, b, vb);
	exclude_common(sj, b, vb, a, va);
	if (old)
		sym_keep_common_ne(sj, old);
}

/*
 * A symbol for a binding whose values differ between the joined states.
 * It is named for the join point and the key, so joining again at the
 * same point refines the same symbol and the analysis converges.
 */
static struct value joined_value(struct sym_names *names, struct state *j,
				 const struct state *a, const struct state *b,
				 const struct binding *ba, struct value vb,
				 unsigned point)
{
	unsigned id, mask;
	struct value v = { V_SYM, 0, 0 };
	struct sym old, *sj;
	bool had_other;

	if (ba->value.kind == V_UNINIT || vb.kind == V_UNINIT ||
	    ba->value.kind == V_UNKNOWN || vb.kind == V_UNKNOWN)
		return (struct value){ V_UNKNOWN, 0, 0 };
	id = sym_name(names, SYM_JOIN, ba->key->id, point);
	mask = value_mask(a, ba->value) | value_mask(b, vb);
	had_other = state_sym(j, id) && !(ba->value.kind == V_SYM && ba->value.sym == id);
	if (had_other) {
		old = *state_sym(j, id);
		mask |= old.mask;
	}
	sj = state_new_sym(j, id, mask, NULL);
	join_exclusions(sj, a, ba->value, b, vb, had_other ? &old : NULL);
	v.sym = id;
	return v;
}

static bool value_equal(const struct value *a, const struct value *b);

struct state *state_join(struct sym_names *names, const struct state *a,
			 const struct state *b, unsigned point)
{
	struct state *j = state_clone(a);
	unsigned i;

	/* Symbols both know (those of resources, shared bindings). */
	for (i = 0; i < j->nsyms; i++)
		join_sym(j, b, j->syms[i].id);
	for (i = 0; i < j->nbinds; i++) {
		struct binding *bj = &j->binds[i];
		struct value vb = state_get(b, bj->key);

		if (value_equal(&bj->value, &vb))
			continue;
		bj->value = joined_value(names, j, a, b, bj, vb, point);
	}
	/* Unknown is the default: drop bindings that became unknown. */
	for (i = 0; i < j->nbinds;) {
		if (j->binds[i].value.kind == V_UNKNOWN)
			state_set(j, j->binds[i].key, j->binds[i].value);
		else
			i++;
	}
	state_gc(j);
	return j;
}

bool state_equal(const struct state *a, const struct state *b)
{
	unsigned i;

	if (a->nbinds != b->nbinds || a->nsyms != b->nsyms || a->nres != b->nres)
		return false;
	for (i = 0; i < a->nbinds; i++)
		if (a->binds[i].key != b->binds[i].key ||
		    !value_equal(&a->binds[i].value, &b->binds[i].value))
			return false;
	for (i = 0; i < a->nsyms; i++)
		if (a->syms[i].id != b->syms[i].id ||
		    a->syms[i].mask != b->syms[i].mask ||
		    a->syms[i].has_const != b->syms[i].has_const ||
		    a->syms[i].c != b->syms[i].c ||
		    a->syms[i].nne != b->syms[i].nne ||
		    a->syms[i].has_range != b->syms[i].has_range ||
		    (a->syms[i].has_range && (a->syms[i].lo != b->syms[i].lo ||
					      a->syms[i].hi != b->syms[i].hi)) ||
		    a->syms[i].has_tests != b->syms[i].has_tests ||
		    a->syms[i].tests != b->syms[i].tests ||
		    a->syms[i].tests_mask != b->syms[i].tests_mask ||
		    a->syms[i].has_offset != b->syms[i].has_offset ||
		    (a->syms[i].has_offset &&
		     (a->syms[i].offset_base != b->syms[i].offset_base ||
		      a->syms[i].offset != b->syms[i].offset)) ||
		    memcmp(a->syms[i].ne, b->syms[i].ne,
			   a->syms[i].nne * sizeof(a->syms[i].ne[0])))
			return false;
	for (i = 0; i < a->nres; i++)
		if (!resource_equal(&a->res[i], &b->res[i]))
			return false;
	return true;
}
