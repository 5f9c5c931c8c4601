/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers shared by every stage: checked allocation, an arena for
 * per-function data that dies together, growable arrays and string
 * interning.
 */
#ifndef LADDER_UTIL_H
#define LADDER_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Growable array of pointers.  Used where the element count is not known
 * up front (children of an AST node, blocks of a CFG).
 */
struct ptrvec {
	void **items;
	size_t len, cap;
};

void ptrvec_push(struct ptrvec *v, void *item);
void ptrvec_free(struct ptrvec *v);

/*
 * Arena: everything built for one function (IR, CFG, path traces) is
 * allocated here and released at once when the function is done.
 */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
};

void *arena_alloc(struct arena *a, size_t size);
char *arena_strdup(struct arena *a, const char *s);
void arena_free(struct arena *a);

/* Interned strings: equal strings share one pointer, so compare with ==. */
struct strtab;
struct strtab *strtab_new(void);
const char *strtab_intern(struct strtab *t, const char *s);
void strtab_free(struct strtab *t);

/* FNV-1a, for hashing states and strings. */
static inline unsigned long hash_bytes(unsigned long h, const void *p, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		h = (h ^ *b++) * 1099511628211UL;
	return h;
}
#define HASH_INIT 14695981039346656037UL

/*
 * The whole content of @path, NUL-terminated (*len without the NUL when
 * @len is given); NULL with errno set when it cannot be read.
 */
char *read_file(const char *path, size_t *len);

/* Print @path relative to the working directory when it is below it. */
const char *display_path(const char *path);

#endif
