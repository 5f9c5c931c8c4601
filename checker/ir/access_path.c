// SPDX-License-Identifier: GPL-2.0
/*
 * access_path.c - interned access paths and the questions asked of them.
 *
 * Takes a kind and its parts; gives the one path with those parts, so
 * that the engine compares paths by pointer and asks "is this below
 * that" by walking bases, never by reading text back.
 */
#include "access_path.h"
#include "util.h"

#include <stdlib.h>

struct ap_table {
	struct access_path **slots;
	unsigned cap, len;
	struct arena arena;
};

struct ap_table *ap_table_new(void)
{
	struct ap_table *t = xcalloc(1, sizeof(*t));

	t->cap = 256;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	return t;
}

void ap_table_free(struct ap_table *t)
{
	if (!t)
		return;
	arena_free(&t->arena);
	free(t->slots);
	free(t);
}

static unsigned long ap_hash(enum ap_kind kind, const struct access_path *base,
			     int var, long long n, const char *name)
{
	unsigned long h = HASH_INIT;
	unsigned char k = kind;

	h = hash_bytes(h, &k, sizeof(k));
	h = hash_bytes(h, &base, sizeof(base));
	h = hash_bytes(h, &var, sizeof(var));
	h = hash_bytes(h, &n, sizeof(n));
	return hash_bytes(h, &name, sizeof(name));
}

static void ap_grow(struct ap_table *t)
{
	struct access_path **old = t->slots, *p, *next;
	unsigned i, oldcap = t->cap;

	t->cap *= 2;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	for (i = 0; i < oldcap; i++) {
		for (p = old[i]; p; p = next) {
			unsigned long h = ap_hash(p->kind, p->base, p->var, p->n, p->name);

			next = p->next;
			p->next = t->slots[h & (t->cap - 1)];
			t->slots[h & (t->cap - 1)] = p;
		}
	}
	free(old);
}

const struct access_path *ap_intern(struct ap_table *t, enum ap_kind kind,
				    const struct access_path *base, int var,
				    long long n, const char *name)
{
	unsigned long h = ap_hash(kind, base, var, n, name);
	struct access_path *p;

	for (p = t->slots[h & (t->cap - 1)]; p; p = p->next)
		if (p->kind == kind && p->base == base && p->var == var &&
		    p->n == n && p->name == name)
			return p;
	if (2 * (t->len + 1) > t->cap) {
		ap_grow(t);
		return ap_intern(t, kind, base, var, n, name);
	}
	p = arena_alloc(&t->arena, sizeof(*p));
	*p = (struct access_path){ .id = t->len++, .kind = kind, .base = base,
				   .var = var, .n = n, .name = name };
	p->next = t->slots[h & (t->cap - 1)];
	t->slots[h & (t->cap - 1)] = p;
	return p;
}

bool ap_is_step(const struct access_path *p)
{
	return p->kind >= AP_ARROW && p->kind <= AP_PENDING;
}

bool ap_below(const struct access_path *p, const struct access_path *base)
{
	for (; ap_is_step(p); p = p->base)
		if (p->base == base)
			return true;
	return false;
}

bool ap_within(const struct access_path *p, const struct access_path *base)
{
	return p == base || ap_below(p, base);
}

bool ap_through_pointer(const struct access_path *p)
{
	for (; ap_is_step(p); p = p->base)
		if (p->kind == AP_ARROW || p->kind == AP_DEREF)
			return true;
	return false;
}

bool ap_through_member(const struct access_path *p)
{
	for (; ap_is_step(p); p = p->base)
		if (p->kind == AP_ARROW || p->kind == AP_DEREF || p->kind == AP_FIELD)
			return true;
	return false;
}

const char *ap_last_member(const struct access_path *p)
{
	return p->kind == AP_ARROW || p->kind == AP_FIELD ? p->name : NULL;
}
