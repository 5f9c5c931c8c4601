// SPDX-License-Identifier: GPL-2.0
/*
 * cache.c - results of analysed files, kept between scans.
 *
 * An entry is found by a key over what decides the result before
 * parsing: the ladder binary, the rules, the limits (the salt), the
 * file's path and its flags.  It is valid while the file and every file
 * the translation unit read (its headers) have the content they had,
 * as ccache's direct mode checks them.  Entries are written whole
 * (write, then rename), so an interrupted scan leaves only complete
 * ones, and the next scan resumes where it stopped.
 */
#include "cache.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

struct cache {
	char *dir;
	unsigned long salt;
	json_t *digests;	/* path -> content digest, this run */
};

static unsigned long hash_string(unsigned long h, const char *s)
{
	return hash_bytes(h, s, strlen(s) + 1);
}

/*
 * A 64-bit digest of a file's content; false when it cannot be read.
 * XXH3, not the FNV-1a of small keys: every run digests its file and
 * the headers it read (megabytes), which FNV does a byte at a time.
 */
static bool digest_file(const char *path, unsigned long *out)
{
	unsigned char buf[65536];
	XXH3_state_t *state;
	FILE *f = fopen(path, "rb");
	bool ok;
	size_t n;

	if (!f)
		return false;
	/* No state (no memory): unreadable, which matches nothing. */
	state = XXH3_createState();
	if (!state) {
		fclose(f);
		return false;
	}
	XXH3_64bits_reset(state);
	while ((n = fread(buf, 1, sizeof(buf), f)))
		XXH3_64bits_update(state, buf, n);
	ok = !ferror(f);
	*out = (unsigned long)XXH3_64bits_digest(state);
	XXH3_freeState(state);
	fclose(f);
	return ok;
}

/* Headers are shared by most files of a tree: digest each once. */
static const char *digest(struct cache *c, const char *path)
{
	json_t *known = json_object_get(c->digests, path);
	unsigned long h;
	char hex[17];

	if (known)
		return json_string_value(known);
	/* An unreadable input matches nothing, not even itself. */
	if (!digest_file(path, &h))
		return NULL;
	snprintf(hex, sizeof(hex), "%016lx", h);
	json_object_set_new(c->digests, path, json_string(hex));
	return json_string_value(json_object_get(c->digests, path));
}

static bool make_dirs(const char *dir)
{
	char *copy = xstrdup(dir), *p;
	bool ok = true;

	for (p = copy + 1; ok && *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		ok = !mkdir(copy, 0777) || errno == EEXIST;
		*p = '/';
	}
	ok = ok && (!mkdir(copy, 0777) || errno == EEXIST);
	free(copy);
	return ok;
}

struct cache *cache_open(const char *dir, unsigned long salt, char **err)
{
	struct cache *c;

	if (!make_dirs(dir) || access(dir, W_OK)) {
		*err = xasprintf("cannot use cache directory '%s': %s", dir,
				 strerror(errno));
		return NULL;
	}
	c = xcalloc(1, sizeof(*c));
	c->dir = xstrdup(dir);
	c->salt = salt;
	c->digests = json_object();
	return c;
}

void cache_close(struct cache *c)
{
	if (!c)
		return;
	json_decref(c->digests);
	free(c->dir);
	free(c);
}

static char *entry_path(const struct cache *c, const char *file,
			const char *const *flags, int nflags, const char *ext)
{
	unsigned long h = hash_string(c->salt, file);
	int i;

	for (i = 0; i < nflags; i++)
		h = hash_string(h, flags[i]);
	return xasprintf("%s/%016lx.%s", c->dir, h, ext);
}

/* Has every input named in @inputs the content it had? */
static bool inputs_unchanged(struct cache *c, json_t *inputs)
{
	const char *input;
	json_t *want;

	if (!json_is_object(inputs))
		return false;
	json_object_foreach(inputs, input, want) {
		const char *now = digest(c, input);

		if (!json_is_string(want) || !now ||
		    strcmp(json_string_value(want), now))
			return false;
	}
	return true;
}

json_t *cache_lookup(struct cache *c, const char *file, char *const *flags,
		     int nflags)
{
	char *path = entry_path(c, file, (const char *const *)flags, nflags, "json");
	json_t *entry = json_load_file(path, 0, NULL), *result = NULL;

	free(path);
	if (!entry)
		return NULL;
	if (json_object_get(entry, "result") &&
	    inputs_unchanged(c, json_object_get(entry, "inputs")))
		result = json_incref(json_object_get(entry, "result"));
	json_decref(entry);
	return result;
}

static bool add_input(struct cache *c, json_t *inputs, const char *path)
{
	const char *d = path ? digest(c, path) : NULL;

	if (!d)
		return false;
	json_object_set_new(inputs, path, json_string(d));
	return true;
}

bool cache_store(struct cache *c, const char *file, char *const *flags,
		 int nflags, const json_t *result)
{
	char *path = entry_path(c, file, (const char *const *)flags, nflags, "json");
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	json_t *inputs = json_object(), *name;
	json_t *entry;
	bool ok, complete;
	size_t i;

	/* The file itself, and every header the TU read, all readable. */
	complete = add_input(c, inputs, file);
	json_array_foreach(json_object_get(json_object_get(result, "stats"),
					   "inputs"), i, name)
		complete = add_input(c, inputs, json_string_value(name)) && complete;
	if (!complete) {
		json_decref(inputs);
		free(tmp);
		free(path);
		return false;
	}
	entry = json_pack("{s:o, s:O}", "inputs", inputs, "result", result);
	ok = !json_dump_file(entry, tmp, JSON_COMPACT) && !rename(tmp, path);
	if (!ok)
		remove(tmp);
	json_decref(entry);
	free(tmp);
	free(path);
	return ok;
}

unsigned long cache_salt(unsigned long h, const char *path)
{
	unsigned long d;

	h = hash_string(h, path);
	if (digest_file(path, &d))
		h = hash_bytes(h, &d, sizeof(d));
	return h;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

unsigned long cache_salt_dir(unsigned long h, const char *dir)
{
	struct ptrvec names = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);
	size_t i;

	if (!d)
		return h;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.')
			ptrvec_push(&names, xasprintf("%s/%s", dir, de->d_name));
	closedir(d);
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(*names.items), by_name);
	for (i = 0; i < names.len; i++) {
		h = cache_salt(h, names.items[i]);
		free(names.items[i]);
	}
	ptrvec_free(&names);
	return h;
}

/*
 * A translation unit's IR (ir_store.c), in one file: the length of a
 * JSON line naming its inputs and their digests, that line, the bytes.
 * Written whole, then renamed, like a result.
 */
unsigned char *cache_ir_lookup(struct cache *c, const char *file,
			       const char *const *flags, int nflags, size_t *len)
{
	char *path = entry_path(c, file, flags, nflags, "ir");
	size_t size;
	char *data = read_file(path, &size);
	unsigned char *bytes = NULL;
	uint32_t index_len;
	json_t *index;

	free(path);
	if (!data || size < sizeof(index_len)) {
		free(data);
		return NULL;
	}
	memcpy(&index_len, data, sizeof(index_len));
	if (index_len > size - sizeof(index_len)) {
		free(data);
		return NULL;
	}
	index = json_loadb(data + sizeof(index_len), index_len, 0, NULL);
	if (index && inputs_unchanged(c, index)) {
		*len = size - sizeof(index_len) - index_len;
		bytes = xmalloc(*len ? *len : 1);
		memcpy(bytes, data + sizeof(index_len) + index_len, *len);
	}
	json_decref(index);
	free(data);
	return bytes;
}

bool cache_ir_store(struct cache *c, const char *file, const char *const *flags,
		    int nflags, const char *const *inputs, unsigned ninputs,
		    const unsigned char *bytes, size_t len)
{
	char *path = entry_path(c, file, flags, nflags, "ir");
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	json_t *index = json_object();
	bool ok = add_input(c, index, file);
	char *text = NULL;
	uint32_t index_len;
	FILE *f = NULL;
	unsigned i;

	for (i = 0; ok && i < ninputs; i++)
		ok = add_input(c, index, inputs[i]);
	if (ok)
		text = json_dumps(index, JSON_COMPACT);
	if (text && (f = fopen(tmp, "wb"))) {
		index_len = (uint32_t)strlen(text);
		ok = fwrite(&index_len, sizeof(index_len), 1, f) == 1 &&
		     fwrite(text, 1, index_len, f) == index_len &&
		     fwrite(bytes, 1, len, f) == len;
		ok = !fclose(f) && ok && !rename(tmp, path);
		if (!ok)
			remove(tmp);
	} else {
		ok = false;
	}
	free(text);
	json_decref(index);
	free(tmp);
	free(path);
	return ok;
}

void cache_remove_dir(const char *dir)
{
	DIR *d = dir ? opendir(dir) : NULL;
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)))
		if (de->d_name[0] != '.') {
			char *path = xasprintf("%s/%s", dir, de->d_name);

			remove(path);
			free(path);
		}
	closedir(d);
	rmdir(dir);
}
