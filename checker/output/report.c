// SPDX-License-Identifier: GPL-2.0
/*
 * report.c - collect findings, drop duplicates, print them.
 *
 * Text is printed one translation unit at a time, as gcc does, sorted by
 * position so the output does not depend on the order paths were
 * explored.  JSON is one document for the whole run, built with jansson.
 */
#include "report.h"
#include "columns.h"
#include "engine/models.h"
#include "sarif.h"
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
	json_t *json_findings, *json_bounds, *json_parse_errors, *json_inputs;
	json_t *json_extra;	/* more stats a caller adds (report_add_stat()) */
	json_t *json_silenced;		/* model name: owed resources it kept quiet */
	unsigned files, functions, findings, failed_files, suppressed;
	unsigned nbounds_hit;
	char *last_fn, *last_file;	/* text: the function header printed */
	report_filter *filter;		/* drops findings it returns true for */
	void *filter_data;
};

struct report *report_new(enum output_format format, FILE *out)
{
	struct report *r = xcalloc(1, sizeof(*r));
	int i;

	r->format = format;
	r->out = out;
	r->json_findings = json_array();
	r->json_bounds = json_array();
	r->json_parse_errors = json_array();
	r->json_inputs = json_array();
	r->json_extra = json_object();
	r->json_silenced = json_object();
	for (i = 0; i < NR_MODELS; i++)
		json_object_set_new(r->json_silenced, models[i].name, json_integer(0));
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
	columns_forget();
	if (!r)
		return;
	clear_file(r);
	free(r->items);
	free(r->bounds);
	json_decref(r->json_findings);
	json_decref(r->json_bounds);
	json_decref(r->json_parse_errors);
	json_decref(r->json_inputs);
	json_decref(r->json_extra);
	json_decref(r->json_silenced);
	free(r->last_fn);
	free(r->last_file);
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

struct finding *report_find(struct report *r, const char *key)
{
	unsigned i;

	for (i = 0; i < r->nitems; i++)
		if (!strcmp(r->items[i]->key, key))
			return r->items[i];
	return NULL;
}

void report_withdraw(struct report *r, struct finding *f)
{
	unsigned i;

	for (i = 0; i < r->nitems && r->items[i] != f; i++)
		;
	if (i == r->nitems)
		return;
	memmove(&r->items[i], &r->items[i + 1],
		(r->nitems - i - 1) * sizeof(*r->items));
	r->nitems--;
	finding_free(f);
}

void finding_note(struct finding *f, struct ir_loc loc, const char *fmt, ...)
{
	va_list ap;
	char *text;

	va_start(ap, fmt);
	text = xvasprintf(fmt, ap);
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

void report_set_filter(struct report *r, report_filter *filter, void *data)
{
	r->filter = filter;
	r->filter_data = data;
}

void report_file_begin(struct report *r, const char *file)
{
	(void)file;
	clear_file(r);
	/* gcc names the function again in each translation unit. */
	free(r->last_fn);
	r->last_fn = NULL;
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

/* ---- findings as JSON objects: every format starts from these ---- */

/*
 * A finding's identity across runs and line shifts: what is wrong
 * (check), where (file, function), with what (resource, acquiring call).
 * Baselines and SARIF's partialFingerprints use it.
 */
static char *fingerprint(const struct finding *f)
{
	const char *parts[] = {
		f->check, display_path(f->loc.file), f->function,
		f->resource ? f->resource : "", f->acquire.call ? f->acquire.call : "",
	};
	unsigned long h = HASH_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(parts); i++)
		h = hash_bytes(h, parts[i], strlen(parts[i]) + 1);
	return xasprintf("%016lx", h);
}

static json_t *json_call_site(const struct call_site *site)
{
	return json_pack("{s:s, s:s, s:i, s:i}", "call", site->call,
			 "file", display_path(site->loc.file),
			 "line", (json_int_t)site->loc.line,
			 "column", (json_int_t)site->loc.col);
}

static json_t *json_finding(const struct finding *f)
{
	json_t *obj, *path = json_array();
	char *fp = fingerprint(f);
	unsigned i;

	for (i = 0; i < f->nnotes; i++)
		json_array_append_new(path, json_pack("{s:s, s:i, s:i, s:s}",
			"file", display_path(f->notes[i].loc.file),
			"line", (json_int_t)f->notes[i].loc.line,
			"column", (json_int_t)f->notes[i].loc.col,
			"note", f->notes[i].text));
	obj = json_pack("{s:s, s:i, s:i, s:s, s:[i, i], s:s, s:s, s:s, s:s}",
			"file", display_path(f->loc.file),
			"line", (json_int_t)f->loc.line,
			"column", (json_int_t)f->loc.col,
			"function", f->function,
			"function_lines", (json_int_t)f->function_first,
			(json_int_t)f->function_last,
			"check", f->check,
			"message", f->message,
			"resource", f->resource ? f->resource : "",
			"fingerprint", fp);
	free(fp);
	if (f->acquire.call)
		json_object_set_new(obj, "acquire", json_call_site(&f->acquire));
	if (f->release.call)
		json_object_set_new(obj, "release", json_call_site(&f->release));
	if (f->missing)
		json_object_set_new(obj, "missing", json_string(f->missing));
	json_object_set_new(obj, "path", path);
	return obj;
}

static json_t *json_bound(const struct bound *b)
{
	return json_pack("{s:s, s:s, s:i, s:i, s:s}", "function", b->function,
			 "file", display_path(b->loc.file),
			 "line", (json_int_t)b->loc.line,
			 "column", (json_int_t)b->loc.col, "reason", b->reason);
}

/* ---- text ---- */

static const char *str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s ? s : "";
}

static long num(const json_t *obj, const char *key)
{
	return (long)json_integer_value(json_object_get(obj, key));
}

static void print_loc(FILE *out, const json_t *obj)
{
	fprintf(out, "%s:%ld:%ld", str(obj, "file"), num(obj, "line"),
		num(obj, "column"));
}

/* gcc's "file: In function 'f':", once per run of findings in f */
static void print_function_header(struct report *r, const json_t *obj)
{
	const char *fn = str(obj, "function"), *file = str(obj, "file");

	if (r->last_fn && !strcmp(r->last_fn, fn) && !strcmp(r->last_file, file))
		return;
	fprintf(r->out, "%s: In function '%s':\n", file, fn);
	free(r->last_fn);
	free(r->last_file);
	r->last_fn = xstrdup(fn);
	r->last_file = xstrdup(file);
}

static void print_text_finding(struct report *r, const json_t *f)
{
	size_t i;
	json_t *step;

	print_function_header(r, f);
	print_loc(r->out, f);
	fprintf(r->out, ": warning: %s [ladder-%s]\n", str(f, "message"),
		str(f, "check"));
	json_array_foreach(json_object_get(f, "path"), i, step) {
		print_loc(r->out, step);
		fprintf(r->out, ": note: %s\n", str(step, "note"));
	}
}

static void print_text_bound(struct report *r, const json_t *b)
{
	print_function_header(r, b);
	print_loc(r->out, b);
	fprintf(r->out, ": note: ladder stopped analysing '%s': %s; "
		"findings for it may be incomplete [ladder-bounds]\n",
		str(b, "function"), str(b, "reason"));
}

/* ---- one file's results, from the analysis or from a saved run ---- */

void report_take_finding(struct report *r, json_t *f)
{
	if (r->filter && r->filter(r->filter_data, f)) {
		r->suppressed++;
		json_decref(f);
		return;
	}
	r->findings++;
	if (r->format == FORMAT_TEXT) {
		print_text_finding(r, f);
		json_decref(f);
	} else {
		json_array_append_new(r->json_findings, f);
	}
}

void report_take_bound(struct report *r, json_t *b)
{
	r->nbounds_hit++;
	if (r->format == FORMAT_TEXT) {
		print_text_bound(r, b);
		json_decref(b);
	} else {
		json_array_append_new(r->json_bounds, b);
	}
}

/* Every position of @f, on a column its source line has. */
static void clamp_finding(struct finding *f)
{
	unsigned i;

	columns_clamp(&f->loc);
	columns_clamp(&f->acquire.loc);
	columns_clamp(&f->release.loc);
	for (i = 0; i < f->nnotes; i++)
		columns_clamp(&f->notes[i].loc);
}

void report_file_end(struct report *r, bool parse_failed)
{
	unsigned i;

	if (parse_failed)
		r->failed_files++;
	for (i = 0; i < r->nitems; i++)
		clamp_finding(r->items[i]);
	if (r->nitems > 1)
		qsort(r->items, r->nitems, sizeof(*r->items), compare_findings);
	for (i = 0; i < r->nitems; i++)
		report_take_finding(r, json_finding(r->items[i]));
	for (i = 0; i < r->nbounds; i++)
		report_take_bound(r, json_bound(&r->bounds[i]));
	fflush(r->out);
	clear_file(r);
}

void report_discard(struct report *r)
{
	clear_file(r);
}

unsigned report_total_findings(const struct report *r)
{
	return r->findings;
}

unsigned report_suppressed(const struct report *r)
{
	return r->suppressed;
}

static json_t *stats(const struct report *r)
{
	json_t *st = json_pack("{s:i, s:i, s:i, s:i, s:i, s:O, s:O, s:O}",
			       "files", (json_int_t)r->files,
			       "functions", (json_int_t)r->functions,
			       "findings", (json_int_t)r->findings,
			       "suppressed", (json_int_t)r->suppressed,
			       "files_with_parse_errors", (json_int_t)r->failed_files,
			       "parse_errors", r->json_parse_errors,
			       "bounds_hit", r->json_bounds,
			       "silenced", r->json_silenced);

	if (json_array_size(r->json_inputs))
		json_object_set(st, "inputs", r->json_inputs);
	json_object_update(st, r->json_extra);
	return st;
}

static unsigned count(const json_t *obj, const char *key)
{
	return (unsigned)json_integer_value(json_object_get(obj, key));
}

static void add_silenced(struct report *r, const char *model, unsigned long n)
{
	json_t *old = json_object_get(r->json_silenced, model);

	json_object_set_new(r->json_silenced, model,
			    json_integer((old ? json_integer_value(old) : 0) + (json_int_t)n));
}

void report_count_silenced(struct report *r, const char *model)
{
	add_silenced(r, model, 1);
}

const json_t *report_silenced(const struct report *r)
{
	return r->json_silenced;
}

void report_take_run(struct report *r, const json_t *doc)
{
	const json_t *st = json_object_get(doc, "stats");
	const char *model;
	json_t *item;
	size_t i;

	r->files += count(st, "files");
	r->functions += count(st, "functions");
	r->suppressed += count(st, "suppressed");
	r->failed_files += count(st, "files_with_parse_errors");
	json_array_extend(r->json_parse_errors, json_object_get(st, "parse_errors"));
	json_array_foreach(json_object_get(doc, "findings"), i, item)
		report_take_finding(r, json_deep_copy(item));
	json_array_foreach(json_object_get(st, "bounds_hit"), i, item)
		report_take_bound(r, json_deep_copy(item));
	json_object_foreach((json_t *)json_object_get(st, "silenced"), model, item)
		add_silenced(r, model, (unsigned long)json_integer_value(item));
	fflush(r->out);
}

void report_add_stat(struct report *r, const char *key, json_t *value)
{
	json_object_set_new(r->json_extra, key, value);
}

void report_input(struct report *r, const char *path)
{
	json_array_append_new(r->json_inputs, json_string(path));
}

void report_finish(struct report *r)
{
	json_t *doc;

	if (r->format == FORMAT_TEXT)
		return;
	if (r->format == FORMAT_SARIF)
		doc = sarif_document(r->json_findings, stats(r));
	else
		doc = json_pack("{s:O, s:o}", "findings", r->json_findings,
				"stats", stats(r));
	json_dumpf(doc, r->out, JSON_INDENT(2));
	fputc('\n', r->out);
	fflush(r->out);
	json_decref(doc);
}
