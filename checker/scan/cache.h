/* SPDX-License-Identifier: GPL-2.0 */
/* Results of analysed files, kept between scans (ladder scan). */
#ifndef LADDER_CACHE_H
#define LADDER_CACHE_H

#include <jansson.h>
#include <stdbool.h>

struct cache;

/*
 * The cache in @dir (made if missing).  @salt identifies everything
 * besides the file and its flags that decides a result.
 */
struct cache *cache_open(const char *dir, unsigned long salt, char **err);
void cache_close(struct cache *c);

/* The saved result (a --format=json document) if still valid, or NULL. */
json_t *cache_lookup(struct cache *c, const char *file, char *const *flags,
		     int nflags);
/* Save @result; its stats.inputs name the headers it depends on. */
bool cache_store(struct cache *c, const char *file, char *const *flags,
		 int nflags, const json_t *result);

/* Fold the name and content of @path into a salt. */
unsigned long cache_salt(unsigned long salt, const char *path);
/* ... and of every file in @dir, by name (the rules). */
unsigned long cache_salt_dir(unsigned long salt, const char *dir);

/*
 * A translation unit's IR as ir_store.c encodes it, if every file it was
 * read from (@file and the @inputs it was stored with) is unchanged:
 * the bytes (xmalloc'ed, *@len of them), or NULL.
 */
unsigned char *cache_ir_lookup(struct cache *c, const char *file,
			       const char *const *flags, int nflags, size_t *len);
/* Remove a cache directory made for one run, and its entries. */
void cache_remove_dir(const char *dir);

bool cache_ir_store(struct cache *c, const char *file, const char *const *flags,
		    int nflags, const char *const *inputs, unsigned ninputs,
		    const unsigned char *bytes, size_t len);

#endif
