// SPDX-License-Identifier: GPL-2.0
/*
 * ir_store.c - a translation unit's IR as bytes, and back.
 *
 * The bytes are a stream read in one pass: a string is written in full
 * where it first occurs and by number after that; an IR node the same
 * way, so a subtree two parents share is shared again when read (the
 * engine compares nodes by address).  Numbers are host-endian: the
 * store lives in one machine's cache, next to the binary that wrote it,
 * and a header naming the format and the sizes it assumed turns any
 * other into "not one", never into a wrong tree.
 *
 * What the engine computes later on a node (its access path and display
 * name, IR_F_KEYED) is not stored: it is computed again on demand.
 *
 * The bytes end with a digest of those before: a cache file that a
 * crash, a full disk or anything else damaged reads as "not one",
 * instead of as a tree the engine would walk into.
 */
#include "ir_store.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define STORE_MAGIC "ladder-ir-3\n"

/* A pointer's number in the stream, found by address. */
struct seen {
	const void **keys;
	uint32_t *nums;
	size_t cap, len;
};

static size_t seen_slot(const struct seen *s, const void *key)
{
	size_t i = (size_t)(((uintptr_t)key >> 3) * 11400714819323198485ull) &
		   (s->cap - 1);

	while (s->keys[i] && s->keys[i] != key)
		i = (i + 1) & (s->cap - 1);
	return i;
}

static void seen_grow(struct seen *s)
{
	struct seen bigger = { .cap = s->cap ? s->cap * 2 : 1024, .len = s->len };
	size_t i;

	bigger.keys = xcalloc(bigger.cap, sizeof(*bigger.keys));
	bigger.nums = xcalloc(bigger.cap, sizeof(*bigger.nums));
	for (i = 0; i < s->cap; i++)
		if (s->keys[i]) {
			size_t j = seen_slot(&bigger, s->keys[i]);

			bigger.keys[j] = s->keys[i];
			bigger.nums[j] = s->nums[i];
		}
	free(s->keys);
	free(s->nums);
	*s = bigger;
}

/* @key's number, or 0 after giving it the next one in *@fresh. */
static uint32_t seen_number(struct seen *s, const void *key, uint32_t *fresh)
{
	size_t i;

	if (2 * (s->len + 1) > s->cap)
		seen_grow(s);
	i = seen_slot(s, key);
	if (s->keys[i])
		return s->nums[i];
	s->keys[i] = key;
	s->nums[i] = *fresh = (uint32_t)++s->len;
	return 0;
}

static void seen_free(struct seen *s)
{
	free(s->keys);
	free(s->nums);
}

/* ---- writing ---- */

struct writer {
	unsigned char *buf;
	size_t len, cap;
	struct seen strings, nodes;
};

static void put_bytes(struct writer *w, const void *p, size_t n)
{
	if (w->len + n > w->cap) {
		w->cap = (w->len + n) * 2 + 4096;
		w->buf = xrealloc(w->buf, w->cap);
	}
	memcpy(w->buf + w->len, p, n);
	w->len += n;
}

#define PUT(w, v) do { __typeof__(v) v_ = (v); put_bytes(w, &v_, sizeof(v_)); } while (0)

/* 0 for NULL; a known string's number; or a new number, then the text. */
static void put_string(struct writer *w, const char *s)
{
	uint32_t fresh, known;

	if (!s) {
		PUT(w, (uint32_t)0);
		return;
	}
	known = seen_number(&w->strings, s, &fresh);
	PUT(w, known ? known : fresh);
	if (!known) {
		uint32_t n = (uint32_t)strlen(s);

		PUT(w, n);
		put_bytes(w, s, n);
	}
}

static void put_loc(struct writer *w, struct ir_loc loc)
{
	put_string(w, loc.file);
	PUT(w, (uint32_t)loc.line);
	PUT(w, (uint32_t)loc.col);
}

/* How many of a call's parameter names the engine can ask for. */
static uint32_t param_names_used(const struct ir *n)
{
	uint32_t k = 0;

	if (!n->param_names)
		return 0;
	while (k < 31 && (n->buf_args >> k))
		k++;
	return k + 1;	/* names up to the last buffer's length */
}

static void put_node(struct writer *w, const struct ir *n)
{
	uint32_t fresh, known, i, names;

	if (!n) {
		PUT(w, (uint32_t)0);
		return;
	}
	known = seen_number(&w->nodes, n, &fresh);
	PUT(w, known ? known : fresh);
	if (known)
		return;
	PUT(w, (uint8_t)n->kind);
	PUT(w, (uint8_t)n->op);
	PUT(w, (uint16_t)(n->flags & ~IR_F_KEYED));
	PUT(w, (int32_t)n->id);
	PUT(w, (uint32_t)n->site);
	PUT(w, (int64_t)n->value);
	put_string(w, n->name);
	put_loc(w, n->loc);
	put_string(w, n->spelled);
	PUT(w, (uint32_t)n->buf_args);
	names = param_names_used(n);
	PUT(w, names);
	for (i = 0; i < names; i++)
		put_string(w, n->param_names[i]);
	PUT(w, (uint32_t)n->nkids);
	for (i = 0; i < n->nkids; i++)
		put_node(w, n->kids[i]);
}

static void put_function(struct writer *w, const struct ir_func *f)
{
	put_string(w, f->name);
	put_loc(w, f->loc);
	PUT(w, (uint32_t)f->first_line);
	PUT(w, (uint32_t)f->last_line);
	PUT(w, (uint8_t)f->ret);
	PUT(w, (int32_t)f->nlabels);
	PUT(w, (int32_t)f->nvars);
	PUT(w, (uint32_t)f->nparams);
	PUT(w, (uint32_t)f->nsites);
	PUT(w, (uint8_t)f->external);
	put_node(w, f->body);
}

static void put_pairs(struct writer *w, const struct callback_pair *p, unsigned n)
{
	unsigned i;

	PUT(w, (uint32_t)n);
	for (i = 0; i < n; i++) {
		put_string(w, p[i].setup);
		put_string(w, p[i].teardown);
	}
}

static void put_names(struct writer *w, const char *const *names, unsigned n)
{
	unsigned i;

	PUT(w, (uint32_t)n);
	for (i = 0; i < n; i++)
		put_string(w, names[i]);
}

/* The sizes the format assumes: a build where they differ reads nothing. */
static void put_header(struct writer *w)
{
	put_bytes(w, STORE_MAGIC, sizeof(STORE_MAGIC) - 1);
	PUT(w, (uint8_t)sizeof(void *));
	PUT(w, (uint8_t)sizeof(long long));
	PUT(w, (uint16_t)0x0102);	/* byte order */
}

size_t ir_store_encode(const struct tu_ir *t, unsigned char **buf)
{
	struct writer w = { 0 };
	unsigned i;

	put_header(&w);
	put_string(&w, t->main_name);
	PUT(&w, (uint32_t)t->errors);
	put_string(&w, t->first_error);
	PUT(&w, (uint32_t)t->nfns);
	PUT(&w, (uint32_t)t->nown);
	for (i = 0; i < t->nfns; i++)
		put_function(&w, t->fns[i]);
	put_pairs(&w, t->callbacks, t->ncallbacks);
	put_pairs(&w, t->teardowns, t->nteardowns);
	put_names(&w, t->tabled, t->ntabled);
	put_names(&w, t->inputs, t->ninputs);
	PUT(&w, (uint64_t)hash_bytes(HASH_INIT, w.buf, w.len));
	seen_free(&w.strings);
	seen_free(&w.nodes);
	*buf = w.buf;
	return w.len;
}

/* ---- reading ---- */

struct reader {
	const unsigned char *p, *end;
	bool bad;		/* ran past the end, or met a wrong number */
	struct arena *arena;
	struct strtab *strings;
	struct ptrvec texts, nodes;	/* by number - 1 */
};

static bool get_bytes(struct reader *r, void *out, size_t n)
{
	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		memset(out, 0, n);
		return false;
	}
	memcpy(out, r->p, n);
	r->p += n;
	return true;
}

#define GET(r, type) ({ type v_; get_bytes(r, &v_, sizeof(v_)); v_; })

static const char *get_string(struct reader *r)
{
	uint32_t num = GET(r, uint32_t), n;
	char *text;
	const char *s;

	if (!num || r->bad)
		return NULL;
	if (num <= r->texts.len)
		return r->texts.items[num - 1];
	n = GET(r, uint32_t);
	if (num != r->texts.len + 1 || (size_t)(r->end - r->p) < n) {
		r->bad = true;
		return NULL;
	}
	text = xmalloc((size_t)n + 1);
	get_bytes(r, text, n);
	text[n] = '\0';
	s = strtab_intern(r->strings, text);
	free(text);
	ptrvec_push(&r->texts, (void *)s);
	return s;
}

static struct ir_loc get_loc(struct reader *r)
{
	struct ir_loc loc;

	loc.file = get_string(r);
	loc.line = GET(r, uint32_t);
	loc.col = GET(r, uint32_t);
	return loc;
}

/* Deeper than any real function nests: a stream that says more is bad. */
#define MAX_DEPTH 100000

static struct ir *get_node(struct reader *r, unsigned depth)
{
	uint32_t num = GET(r, uint32_t), i, names;
	struct ir *n;

	if (!num || r->bad)
		return NULL;
	if (num <= r->nodes.len)
		return r->nodes.items[num - 1];
	if (num != r->nodes.len + 1 || depth > MAX_DEPTH) {
		r->bad = true;
		return NULL;
	}
	n = arena_alloc(r->arena, sizeof(*n));
	memset(n, 0, sizeof(*n));
	ptrvec_push(&r->nodes, n);
	n->kind = GET(r, uint8_t);
	if (n->kind > IR_NOP)
		r->bad = true;
	n->op = GET(r, uint8_t);
	n->flags = GET(r, uint16_t);
	n->id = GET(r, int32_t);
	n->site = GET(r, uint32_t);
	n->value = GET(r, int64_t);
	n->name = get_string(r);
	n->loc = get_loc(r);
	n->spelled = get_string(r);
	n->buf_args = GET(r, uint32_t);
	names = GET(r, uint32_t);
	if (names > 32) {
		r->bad = true;
		return NULL;
	}
	if (names) {
		const char **pn = arena_alloc(r->arena, names * sizeof(*pn));

		for (i = 0; i < names; i++)
			pn[i] = get_string(r);
		n->param_names = pn;
	}
	n->nkids = GET(r, uint32_t);
	if (n->nkids > (size_t)(r->end - r->p) / sizeof(uint32_t)) {
		r->bad = true;
		n->nkids = 0;
		return NULL;
	}
	n->kids = arena_alloc(r->arena, (n->nkids ? n->nkids : 1) * sizeof(*n->kids));
	for (i = 0; i < n->nkids; i++)
		n->kids[i] = get_node(r, depth + 1);
	return n;
}

static struct ir_func *get_function(struct reader *r)
{
	struct ir_func *f = arena_alloc(r->arena, sizeof(*f));

	memset(f, 0, sizeof(*f));
	f->name = get_string(r);
	f->loc = get_loc(r);
	f->first_line = GET(r, uint32_t);
	f->last_line = GET(r, uint32_t);
	f->ret = GET(r, uint8_t);
	f->nlabels = GET(r, int32_t);
	f->nvars = GET(r, int32_t);
	f->nparams = GET(r, uint32_t);
	f->nsites = GET(r, uint32_t);
	f->external = GET(r, uint8_t);
	f->body = get_node(r, 0);
	return f;
}

/* A count no longer than what is left to read: else the stream is bad. */
static uint32_t get_count(struct reader *r, size_t each)
{
	uint32_t n = GET(r, uint32_t);

	if (n > (size_t)(r->end - r->p) / each) {
		r->bad = true;
		return 0;
	}
	return n;
}

static const struct callback_pair *get_pairs(struct reader *r, unsigned *n)
{
	struct callback_pair *p;
	unsigned i;

	*n = get_count(r, 2 * sizeof(uint32_t));
	p = arena_alloc(r->arena, (*n ? *n : 1) * sizeof(*p));
	for (i = 0; i < *n; i++) {
		p[i].setup = get_string(r);
		p[i].teardown = get_string(r);
	}
	return p;
}

static const char *const *get_names(struct reader *r, unsigned *n)
{
	const char **names;
	unsigned i;

	*n = get_count(r, sizeof(uint32_t));
	names = arena_alloc(r->arena, (*n ? *n : 1) * sizeof(*names));
	for (i = 0; i < *n; i++)
		names[i] = get_string(r);
	return names;
}

static bool header_matches(struct reader *r)
{
	char magic[sizeof(STORE_MAGIC) - 1];

	get_bytes(r, magic, sizeof(magic));
	return !r->bad && !memcmp(magic, STORE_MAGIC, sizeof(magic)) &&
	       GET(r, uint8_t) == sizeof(void *) &&
	       GET(r, uint8_t) == sizeof(long long) &&
	       GET(r, uint16_t) == 0x0102 && !r->bad;
}

struct tu_ir *ir_store_decode(const unsigned char *buf, size_t len,
			      struct arena *arena, struct strtab *strings)
{
	struct reader r = { .p = buf, .end = buf + len, .arena = arena,
			    .strings = strings };
	struct tu_ir *t;
	uint64_t sum;
	unsigned i;

	if (len < sizeof(sum))
		return NULL;
	r.end -= sizeof(sum);
	memcpy(&sum, r.end, sizeof(sum));
	if (sum != (uint64_t)hash_bytes(HASH_INIT, buf, len - sizeof(sum)))
		return NULL;
	t = arena_alloc(arena, sizeof(*t));
	memset(t, 0, sizeof(*t));
	if (!header_matches(&r))
		goto bad;
	t->main_name = get_string(&r);
	t->errors = GET(&r, uint32_t);
	t->first_error = get_string(&r);
	t->nfns = get_count(&r, sizeof(uint32_t));
	t->nown = GET(&r, uint32_t);
	if (t->nown > t->nfns)
		r.bad = true;
	t->fns = xcalloc(t->nfns ? t->nfns : 1, sizeof(*t->fns));
	for (i = 0; i < t->nfns && !r.bad; i++)
		t->fns[i] = get_function(&r);
	t->callbacks = get_pairs(&r, &t->ncallbacks);
	t->teardowns = get_pairs(&r, &t->nteardowns);
	t->tabled = get_names(&r, &t->ntabled);
	t->inputs = get_names(&r, &t->ninputs);
	if (r.bad || r.p != r.end) {
		free(t->fns);
		goto bad;
	}
	ptrvec_free(&r.texts);
	ptrvec_free(&r.nodes);
	return t;
bad:
	ptrvec_free(&r.texts);
	ptrvec_free(&r.nodes);
	return NULL;
}
