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

#endif
