// SPDX-License-Identifier: GPL-2.0
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(void)
{
	fputs("ladder: out of memory\n", stderr);
	exit(2);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *xvasprintf(const char *fmt, va_list ap)
{
	va_list again;
	char *s;
	int n;

	va_copy(again, ap);
	n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	s = xmalloc((size_t)n + 1);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

void ptrvec_push(struct ptrvec *v, void *item)
{
	if (v->len == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->items = xrealloc(v->items, v->cap * sizeof(*v->items));
	}
	v->items[v->len++] = item;
}

void ptrvec_free(struct ptrvec *v)
{
	free(v->items);
	v->items = NULL;
	v->len = v->cap = 0;
}

#define ARENA_CHUNK 65536

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	void *p;

	size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
	if (!c || c->used + size > c->size) {
		size_t cap = size > ARENA_CHUNK ? size : ARENA_CHUNK;

		c = xmalloc(sizeof(*c) + cap);
		c->used = 0;
		c->size = cap;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(arena_alloc(a, n), s, n);
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = NULL;
}

/* Open-addressing hash set of strings. */
struct strtab {
	char **slots;
	size_t cap, len;
};

struct strtab *strtab_new(void)
{
	struct strtab *t = xcalloc(1, sizeof(*t));

	t->cap = 256;
	t->slots = xcalloc(t->cap, sizeof(*t->slots));
	return t;
}

static size_t strtab_slot(char **slots, size_t cap, const char *s)
{
	size_t i = hash_bytes(HASH_INIT, s, strlen(s)) & (cap - 1);

	while (slots[i] && strcmp(slots[i], s))
		i = (i + 1) & (cap - 1);
	return i;
}

static void strtab_grow(struct strtab *t)
{
	size_t cap = t->cap * 2, i;
	char **slots = xcalloc(cap, sizeof(*slots));

	for (i = 0; i < t->cap; i++)
		if (t->slots[i])
			slots[strtab_slot(slots, cap, t->slots[i])] = t->slots[i];
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
}

const char *strtab_intern(struct strtab *t, const char *s)
{
	size_t i;

	if (2 * (t->len + 1) > t->cap)
		strtab_grow(t);
	i = strtab_slot(t->slots, t->cap, s);
	if (!t->slots[i]) {
		t->slots[i] = xstrdup(s);
		t->len++;
	}
	return t->slots[i];
}

void strtab_free(struct strtab *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->cap; i++)
		free(t->slots[i]);
	free(t->slots);
	free(t);
}

const char *display_path(const char *path)
{
	static char cwd[4096];
	static size_t cwd_len;

	if (!cwd_len) {
		if (!getcwd(cwd, sizeof(cwd) - 1))
			cwd[0] = '\0';
		cwd_len = strlen(cwd);
		if (cwd_len && cwd[cwd_len - 1] != '/')
			cwd[cwd_len++] = '/';
	}
	if (path[0] == '/' && cwd_len > 1 && !strncmp(path, cwd, cwd_len))
		return path + cwd_len;
	if (path[0] == '.' && path[1] == '/')
		return path + 2;
	return path;
}

char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *text = NULL;
	size_t used = 0, cap = 0, n;

	if (!f)
		return NULL;
	do {
		if (used + 4096 + 1 > cap) {
			cap = cap ? 2 * cap : 65536;
			text = xrealloc(text, cap);
		}
		n = fread(text + used, 1, cap - used - 1, f);
		used += n;
	} while (n);
	fclose(f);
	text[used] = '\0';
	if (len)
		*len = used;
	return text;
}
