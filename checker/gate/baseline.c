// SPDX-License-Identifier: GPL-2.0
/*
 * baseline.c - read and write baseline files.
 *
 * A baseline is JSON: {"version": 1, "findings": [{"fingerprint",
 * "check", "file", "function", "resource", "message"}, ...]}.  Only the
 * fingerprint decides a match (see report.c: check, file, function,
 * resource and acquiring call, never a line number); the rest is there so
 * a person reading the file, or the list of stale entries, knows what
 * each entry was.
 */
#include "baseline.h"
#include "util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define BASELINE_VERSION 1

struct baseline {
	json_t *entries;	/* array of objects */
	json_t *accepted;	/* fingerprint -> true, for lookups */
	json_t *seen;		/* fingerprint -> true */
};

static const char *const kept_fields[] = {
	"fingerprint", "check", "file", "function", "resource", "message",
};

struct baseline *baseline_new(void)
{
	struct baseline *b = xcalloc(1, sizeof(*b));

	b->entries = json_array();
	b->accepted = json_object();
	b->seen = json_object();
	return b;
}

void baseline_free(struct baseline *b)
{
	if (!b)
		return;
	json_decref(b->entries);
	json_decref(b->accepted);
	json_decref(b->seen);
	free(b);
}

static bool valid_entry(const json_t *e)
{
	return json_is_object(e) &&
	       json_is_string(json_object_get(e, "fingerprint"));
}

static const char *fingerprint(const json_t *e)
{
	return json_string_value(json_object_get(e, "fingerprint"));
}

struct baseline *baseline_load(const char *path, char **err)
{
	json_error_t jerr;
	json_t *doc = json_load_file(path, 0, &jerr), *list, *e;
	struct baseline *b;
	size_t i;

	if (!doc) {
		*err = jerr.line > 0 ?
			xasprintf("%s:%d: %s", path, jerr.line, jerr.text) :
			xasprintf("%s: %s", path, jerr.text);
		return NULL;
	}
	list = json_object_get(doc, "findings");
	if (json_integer_value(json_object_get(doc, "version")) != BASELINE_VERSION ||
	    !json_is_array(list)) {
		*err = xasprintf("%s: not a ladder baseline (want {\"version\": %d, "
				 "\"findings\": [...]})", path, BASELINE_VERSION);
		json_decref(doc);
		return NULL;
	}
	json_array_foreach(list, i, e) {
		if (!valid_entry(e)) {
			*err = xasprintf("%s: entry %zu has no fingerprint", path, i + 1);
			json_decref(doc);
			return NULL;
		}
	}
	b = baseline_new();
	json_array_extend(b->entries, list);
	json_array_foreach(list, i, e)
		json_object_set_new(b->accepted, fingerprint(e), json_true());
	json_decref(doc);
	return b;
}


bool baseline_covers(struct baseline *b, const json_t *f)
{
	const char *fp = fingerprint(f);

	if (!fp || !json_object_get(b->accepted, fp))
		return false;
	json_object_set_new(b->seen, fp, json_true());
	return true;
}

unsigned baseline_report_stale(const struct baseline *b, FILE *out)
{
	unsigned n = 0;
	json_t *e;
	size_t i;

	json_array_foreach(b->entries, i, e) {
		if (json_object_get(b->seen, fingerprint(e)))
			continue;
		fprintf(out, "ladder: baseline entry no longer found: %s: "
			"[ladder-%s] in '%s': %s\n",
			json_string_value(json_object_get(e, "file")),
			json_string_value(json_object_get(e, "check")),
			json_string_value(json_object_get(e, "function")),
			json_string_value(json_object_get(e, "message")));
		n++;
	}
	return n;
}

void baseline_add(struct baseline *b, const json_t *f)
{
	json_t *e = json_object();
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kept_fields); i++) {
		json_t *v = json_object_get(f, kept_fields[i]);

		if (v)
			json_object_set(e, kept_fields[i], v);
	}
	json_array_append_new(b->entries, e);
}

bool baseline_write(const struct baseline *b, const char *path, char **err)
{
	json_t *doc = json_pack("{s:i, s:O}", "version", BASELINE_VERSION,
				"findings", b->entries);
	bool ok = !json_dump_file(doc, path, JSON_INDENT(2));

	if (!ok)
		*err = xasprintf("cannot write baseline '%s': %s", path,
				 strerror(errno));
	json_decref(doc);
	return ok;
}
