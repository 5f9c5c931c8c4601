// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - collect findings, drop duplicates, print them.
 *
 * Text is printed one translation unit at a time, as gcc does, sorted by
 * position so the output does not depend on the order paths were
 * explored.  JSON is one document for the whole run, built with jansson.
 */
#include "report.h"
#include "util.h"

#include <jansson.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct bound {
	const char *function;
	struct ir_loc loc;
	char *reason;
};

struct report {
	enum output_format format;
	FILE *out;
	/* findings of the current translation unit */
	struct finding **items;
	unsigned nitems, capitems;
	struct bound *bounds;
	unsigned nbounds, capbounds;
	/* the whole run */
	json_t *json_findings, *json_bounds, *json_parse_errors;
	unsigned files, functions, findings, failed_files;
};

struct report *report_new(enum output_format format, FILE *out)
{
	struct report *r = xcalloc(1, sizeof(*r));

	r->format = format;
	r->out = out;
	r->json_findings = json_array();
	r->json_bounds = json_array();
	r->json_parse_errors = json_array();
	return r;
}

static void finding_free(struct finding *f)
{
	unsigned i;

	for (i = 0; i < f->nnotes; i++)
		free(f->notes[i].text);
	free(f->notes);
	free(f->message);
	free(f->key);
	free(f);
}

static void clear_file(struct report *r)
{
	unsigned i;

	for (i = 0; i < r->nitems; i++)
		finding_free(r->items[i]);
	r->nitems = 0;
	for (i = 0; i < r->nbounds; i++)
		free(r->bounds[i].reason);
	r->nbounds = 0;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	clear_file(r);
	free(r->items);
	free(r->bounds);
	json_decref(r->json_findings);
	json_decref(r->json_bounds);
	json_decref(r->json_parse_errors);
	free(r);
}

struct finding *report_add(struct report *r, const char *key, struct finding **dup)
{
	struct finding *f;
	unsigned i;

	*dup = NULL;
	for (i = 0; i < r->nitems; i++) {
		if (!strcmp(r->items[i]->key, key)) {
			*dup = r->items[i];
			return NULL;
		}
	}
	if (r->nitems == r->capitems) {
		r->capitems = r->capitems ? r->capitems * 2 : 16;
		r->items = xrealloc(r->items, r->capitems * sizeof(*r->items));
	}
	f = xcalloc(1, sizeof(*f));
	f->key = xstrdup(key);
	f->order = r->nitems;
	r->items[r->nitems++] = f;
	return f;
}

void finding_note(struct finding *f, struct ir_loc loc, const char *fmt, ...)
{
	va_list ap;
	char *text;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	text = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	if (f->nnotes == f->capnotes) {
		f->capnotes = f->capnotes ? f->capnotes * 2 : 8;
		f->notes = xrealloc(f->notes, f->capnotes * sizeof(*f->notes));
	}
	f->notes[f->nnotes].loc = loc;
	f->notes[f->nnotes].text = text;
	f->nnotes++;
}

void report_bound(struct report *r, const char *function, struct ir_loc loc,
		  const char *reason)
{
	if (r->nbounds == r->capbounds) {
		r->capbounds = r->capbounds ? r->capbounds * 2 : 4;
		r->bounds = xrealloc(r->bounds, r->capbounds * sizeof(*r->bounds));
	}
	r->bounds[r->nbounds].function = function;
	r->bounds[r->nbounds].loc = loc;
	r->bounds[r->nbounds].reason = xstrdup(reason);
	r->nbounds++;
}

void report_file_begin(struct report *r, const char *file)
{
	(void)file;
	clear_file(r);
	r->files++;
}

void report_count_function(struct report *r)
{
	r->functions++;
}

void report_parse_error(struct report *r, const char *file, const char *first)
{
	json_array_append_new(r->json_parse_errors,
			      json_pack("{s:s, s:s}", "file", display_path(file),
					"error", first));
}

static int compare_findings(const void *pa, const void *pb)
{
	const struct finding *a = *(struct finding *const *)pa;
	const struct finding *b = *(struct finding *const *)pb;
	int c = strcmp(a->loc.file, b->loc.file);

	if (c)
		return c;
	if (a->loc.line != b->loc.line)
		return a->loc.line < b->loc.line ? -1 : 1;
	if (a->loc.col != b->loc.col)
		return a->loc.col < b->loc.col ? -1 : 1;
	c = strcmp(a->check, b->check);
	if (c)
		return c;
	if (a->acquire.loc.line != b->acquire.loc.line)
		return a->acquire.loc.line < b->acquire.loc.line ? -1 : 1;
	return a->order < b->order ? -1 : a->order > b->order;
}

/* ---- text ---- */

static void print_loc(FILE *out, struct ir_loc loc)
{
	fprintf(out, "%s:%u:%u", display_path(loc.file), loc.line, loc.col);
}

static void print_function_header(struct report *r, const char **last_fn,
				  const char **last_file, const char *fn,
				  const char *file)
{
	if (*last_fn == fn && *last_file == file)
		return;
	fprintf(r->out, "%s: In function '%s':\n", display_path(file), fn);
	*last_fn = fn;
	*last_file = file;
}

static void print_text(struct report *r)
{
	const char *last_fn = NULL, *last_file = NULL;
	unsigned i, j;

	for (i = 0; i < r->nitems; i++) {
		const struct finding *f = r->items[i];

		print_function_header(r, &last_fn, &last_file, f->function, f->loc.file);
		print_loc(r->out, f->loc);
		fprintf(r->out, ": warning: %s [ladder-%s]\n", f->message, f->check);
		for (j = 0; j < f->nnotes; j++) {
			print_loc(r->out, f->notes[j].loc);
			fprintf(r->out, ": note: %s\n", f->notes[j].text);
		}
	}
	for (i = 0; i < r->nbounds; i++) {
		const struct bound *b = &r->bounds[i];

		print_function_header(r, &last_fn, &last_file, b->function, b->loc.file);
		print_loc(r->out, b->loc);
		fprintf(r->out, ": note: ladder stopped analysing '%s': %s; "
			"findings for it may be incomplete [ladder-bounds]\n",
			b->function, b->reason);
	}
	fflush(r->out);
}

/* ---- JSON ---- */

static json_t *json_call_site(const struct call_site *site)
{
	return json_pack("{s:s, s:s, s:i}", "call", site->call,
			 "file", display_path(site->loc.file),
			 "line", (json_int_t)site->loc.line);
}

static json_t *json_finding(const struct finding *f)
{
	json_t *obj, *path = json_array();
	unsigned i;

	for (i = 0; i < f->nnotes; i++)
		json_array_append_new(path, json_pack("{s:s, s:i, s:s}",
			"file", display_path(f->notes[i].loc.file),
			"line", (json_int_t)f->notes[i].loc.line,
			"note", f->notes[i].text));
	obj = json_pack("{s:s, s:i, s:i, s:s, s:s, s:s, s:s}",
			"file", display_path(f->loc.file),
			"line", (json_int_t)f->loc.line,
			"column", (json_int_t)f->loc.col,
			"function", f->function,
			"check", f->check,
			"message", f->message,
			"resource", f->resource ? f->resource : "");
	if (f->acquire.call)
		json_object_set_new(obj, "acquire", json_call_site(&f->acquire));
	if (f->release.call)
		json_object_set_new(obj, "release", json_call_site(&f->release));
	if (f->missing)
		json_object_set_new(obj, "missing", json_string(f->missing));
	json_object_set_new(obj, "path", path);
	return obj;
}

static void collect_json(struct report *r)
{
	unsigned i;

	for (i = 0; i < r->nitems; i++)
		json_array_append_new(r->json_findings, json_finding(r->items[i]));
	for (i = 0; i < r->nbounds; i++)
		json_array_append_new(r->json_bounds, json_pack("{s:s, s:s, s:i, s:s}",
			"function", r->bounds[i].function,
			"file", display_path(r->bounds[i].loc.file),
			"line", (json_int_t)r->bounds[i].loc.line,
			"reason", r->bounds[i].reason));
}

void report_file_end(struct report *r, bool parse_failed)
{
	if (parse_failed)
		r->failed_files++;
	if (r->nitems > 1)
		qsort(r->items, r->nitems, sizeof(*r->items), compare_findings);
	r->findings += r->nitems;
	if (r->format == FORMAT_TEXT)
		print_text(r);
	else
		collect_json(r);
	clear_file(r);
}

unsigned report_total_findings(const struct report *r)
{
	return r->findings;
}

void report_finish(struct report *r)
{
	json_t *doc;

	if (r->format != FORMAT_JSON)
		return;
	doc = json_pack("{s:O, s:{s:i, s:i, s:i, s:i, s:O, s:O}}",
			"findings", r->json_findings,
			"stats",
			"files", (json_int_t)r->files,
			"functions", (json_int_t)r->functions,
			"findings", (json_int_t)r->findings,
			"files_with_parse_errors", (json_int_t)r->failed_files,
			"parse_errors", r->json_parse_errors,
			"bounds_hit", r->json_bounds);
	json_dumpf(doc, r->out, JSON_INDENT(2));
	fputc('\n', r->out);
	fflush(r->out);
	json_decref(doc);
}
