// SPDX-License-Identifier: GPL-2.0
/*
 * tu.c - one translation unit through the pipeline.
 *
 * Takes a file and its flags; parses it (frontend/parse.c), translates
 * the main source's functions and the header inlines they call to the
 * IR, builds what the file's functions do (summaries, inferred pairs),
 * and explores each function, helpers first, with the checks listening.
 * Gives the report the file's findings, its parse errors and the bounds
 * it hit.
 */
#include "tu.h"
#include "cfg.h"
#include "dump.h"
#include "cache.h"
#include "infer.h"
#include "ir_store.h"
#include "mine.h"
#include "parse.h"
#include "summary_db.h"
#include "engine/models.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Has the file's --tu-time-limit, which counts its parse, run out? */
static bool file_time_up(const struct session *s)
{
	double limit = s->env.limits->max_tu_seconds;

	return limit && seconds_now() - s->file_started > limit;
}

static void analyse_function(struct session *s, struct ir_func *fn,
			     const struct inference *inf)
{
	const struct rules *plain = s->env.rules, *own = infer_rules_for(inf, fn);
	struct arena arena = { 0 };

	if (s->dump_ir)
		ir_dump(fn);
	if (s->dump_cfg) {
		struct cfg *cfg = cfg_build(fn, &arena);

		cfg_dump(cfg, fn);
		cfg_free(cfg);
	}
	if (own)
		s->env.rules = own;
	engine_run(fn, &s->env, &arena);
	s->env.rules = plain;
	report_count_function(s->env.report);
	arena_free(&arena);
}

/*
 * A header's inline function the file calls (model inline-wrappers):
 * explored as the file's own are, so that what it acquires and returns
 * becomes a wrapper its callers see (alloc_skb() returns what
 * __alloc_skb() did), but into a scratch report: the headers are not
 * the file under review, and neither are their bounds.
 */
static void learn_from_inline(struct session *s, struct ir_func *fn,
			      const struct inference *inf)
{
	const struct rules *plain = s->env.rules, *own = infer_rules_for(inf, fn);
	struct report *file_report = s->env.report;
	bool explain = s->env.explain;
	struct arena arena = { 0 };

	/* Out of time, the file's own functions come first (and say so). */
	if (file_time_up(s))
		return;
	if (!s->scratch)
		s->scratch = report_new(FORMAT_TEXT, stderr);
	s->env.report = s->scratch;
	s->env.explain = false;
	if (own)
		s->env.rules = own;
	engine_run(fn, &s->env, &arena);
	report_discard(s->scratch);
	arena_free(&arena);
	s->env.rules = plain;
	s->env.report = file_report;
	s->env.explain = explain;
}

/*
 * The translation unit's time is up: say so once, at the first function
 * left out, with how many were.  Functions already analysed keep their
 * findings.
 */
static bool tu_out_of_time(struct session *s, const struct ir_func *next,
			   unsigned left)
{
	double limit = s->env.limits->max_tu_seconds;
	char *why;

	if (!file_time_up(s))
		return false;
	why = xasprintf("the file's time limit (%gs, --tu-time-limit) ran out; "
			"this function and %u after it were not analysed",
			limit, left - 1);
	report_bound(s->env.report, next->name, next->loc, why);
	free(why);
	return true;
}

/* Is @name one of @fns[0..n), or a call a rule already describes? */
static bool known_callee(const struct session *s, struct ir_func *const *fns,
			 unsigned n, const char *name)
{
	unsigned i;

	if (rules_lookup(s->env.rules, name))
		return true;
	for (i = 0; i < n; i++)
		if (fns[i]->name == name)
			return true;
	return false;
}

/* Add to @fns the headers' inline functions @e calls, translated. */
static void add_called_inlines(struct session *s, const struct parsed_file *pf,
			       const struct ir *e, struct ir_func ***fns,
			       unsigned *n, unsigned *cap, struct arena *arena)
{
	struct ir_func *fn;
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e->name && !known_callee(s, *fns, *n, e->name) &&
	    (fn = parsed_inline(pf, e->name, arena))) {
		if (*n == *cap) {
			*cap *= 2;
			*fns = xrealloc(*fns, *cap * sizeof(**fns));
		}
		(*fns)[(*n)++] = fn;
	}
	for (i = 0; i < e->nkids; i++)
		add_called_inlines(s, pf, e->kids[i], fns, n, cap, arena);
}

/*
 * The headers' inline functions that the file's functions call, and
 * those they call in turn (to a depth of @INLINE_DEPTH): summarised
 * like the file's own (stable: dev_get_platdata(), pm_runtime_enabled();
 * what they release or hand over), never analysed for findings.
 */
#define INLINE_DEPTH 3

static unsigned add_inlines(struct session *s, const struct parsed_file *pf,
			    struct ir_func ***fns, unsigned n, struct arena *arena)
{
	unsigned cap = n * 2 + 16, from = 0, to = n, depth;

	*fns = xrealloc(*fns, cap * sizeof(**fns));
	for (depth = 0; depth < INLINE_DEPTH && from < to; depth++) {
		unsigned i;

		for (i = from; i < to; i++)
			add_called_inlines(s, pf, (*fns)[i]->body, fns, &n, &cap,
					   arena);
		from = to;
		to = n;
	}
	return n;
}

/* ladder db: what this file's functions do, for the other files. */
static void give_summaries(struct session *s, const char *file, unsigned own)
{
	struct summary_link link = { s->db, file, s->env.strings };
	bool changed = false;
	char *err = NULL;

	if (!summary_link_export(s->env.summaries, s->env.rules, &link, own,
				 &changed, &err)) {
		if (!s->db_error)
			s->db_error = err;
		else
			free(err);
		return;
	}
	s->db_changed += changed;
}

/* Does @e call @name? */
static bool ir_calls(const struct ir *e, const char *name)
{
	unsigned i;

	if (!e)
		return false;
	if (e->kind == IR_CALL && e->name && !strcmp(e->name, name))
		return true;
	for (i = 0; i < e->nkids; i++)
		if (ir_calls(e->kids[i], name))
			return true;
	return false;
}

/* Does one of the file's own functions call @name? */
static bool file_calls(const struct tu_ir *t, const char *name)
{
	unsigned i;

	for (i = 0; i < t->nown; i++)
		if (ir_calls(t->fns[i]->body, name))
			return true;
	return false;
}

/* The names of @pair's managed-with the file calls: one walk per name. */
static bool file_manages(const struct tu_ir *t, const struct pair *pair,
			 struct ptrvec *called, struct ptrvec *not_called)
{
	const char *name;
	unsigned i, k;

	for (k = 0; k < pair->nmanaged_with; k++) {
		name = pair->managed_with[k];
		for (i = 0; i < called->len; i++)
			if (!strcmp(called->items[i], name))
				return true;
		for (i = 0; i < not_called->len; i++)
			if (!strcmp(not_called->items[i], name))
				break;
		if (i < not_called->len)
			continue;
		if (file_calls(t, name)) {
			ptrvec_push(called, (void *)name);
			return true;
		}
		ptrvec_push(not_called, (void *)name);
	}
	return false;
}

/*
 * The pairs the file makes managed (model managed-with): a "hybrid"
 * acquire is devres-managed once its device is (pcim_enable_device()),
 * and a driver enables its device one way, so one call in the file
 * decides for every function of it.  Five pairs name one function: the
 * file is walked once for it.
 */
static unsigned char *managed_pairs(const struct rules *rules,
				    const struct tu_ir *t, unsigned *n)
{
	struct ptrvec called = { 0 }, not_called = { 0 };
	unsigned char *here;
	unsigned i;

	*n = rules_pair_count(rules);
	here = xcalloc(*n ? *n : 1, 1);
	for (i = 0; i < *n; i++) {
		const struct pair *pair = rules_pair_at(rules, i);

		here[i] = pair->nmanaged_with &&
			  file_manages(t, pair, &called, &not_called);
	}
	ptrvec_free(&called);
	ptrvec_free(&not_called);
	return here;
}

/* Every function is translated first: summaries need all of them. */
static void analyse_functions(struct session *s, const char *file,
			      const struct tu_ir *t)
{
	struct ir_func **fns = t->fns;
	struct inference *inf;
	unsigned i, n = t->nfns, own = t->nown, done, *order;
	unsigned char *managed;
	/* Its presumed name: a .i and its .c, or a copy, are one file. */
	struct summary_link link = {
		.db = model_on(MODEL_CROSS_FILE) ? s->db : NULL,
		.file = t->main_name ? t->main_name : file,
		.strings = s->env.strings,
	};

	order = xcalloc(n ? n : 1, sizeof(*order));
	managed = managed_pairs(s->env.rules, t, &s->env.nmanaged_here);
	s->env.managed_here = managed;
	s->env.summaries = summaries_build(fns, n, s->env.rules,
					   model_on(MODEL_CALLER_CHAIN),
					   model_on(MODEL_DROP_NAMED),
					   s->db ? &link : NULL);
	for (i = 0; i < t->nteardowns; i++)
		summaries_note_teardown(s->env.summaries, t->teardowns[i].setup,
					t->teardowns[i].teardown);
	for (i = 0; i < t->ntabled; i++)
		summaries_note_tabled(s->env.summaries, t->tabled[i]);
	inf = infer_build(s->env.rules, fns, own, n - own, t->callbacks,
			  t->ncallbacks, model_on(MODEL_RELEASED_RESULT));
	if (s->miner)
		miner_add(s->miner, file, inf);
	/* Helpers first: a wrapper is known before its callers are explored. */
	summary_bottom_up(s->env.summaries, order);
	for (i = 0, done = 0; i < n && !s->miner; i++) {
		if (order[i] >= own) {
			/* A header's inline: learnt from, never reported on. */
			if (model_on(MODEL_INLINE_WRAPPERS))
				learn_from_inline(s, fns[order[i]], inf);
			continue;
		}
		if (tu_out_of_time(s, fns[order[i]], own - done))
			break;
		analyse_function(s, fns[order[i]], inf);
		done++;
	}
	if (s->db_write)
		give_summaries(s, link.file, own);
	free(order);
	infer_free(inf);
	summaries_free(s->env.summaries);
	s->env.summaries = NULL;
	free(managed);
	s->env.managed_here = NULL;
	s->env.nmanaged_here = 0;
}

/*
 * What the engine needs of a parsed file: the main source's functions
 * and the header inlines they call, translated; the callbacks; the
 * errors; the files it read.
 */
static struct tu_ir *translate(struct session *s, const struct parsed_file *pf,
			       struct arena *arena)
{
	struct tu_ir *t = arena_alloc(arena, sizeof(*t));
	struct ir_func **fns;
	const char **inputs;

	memset(t, 0, sizeof(*t));
	t->main_name = parsed_main_name(pf);
	t->nown = parsed_functions(pf, arena, &fns);
	t->nfns = model_on(MODEL_HEADER_INLINES) ?
		  add_inlines(s, pf, &fns, t->nown, arena) : t->nown;
	t->fns = fns;
	t->teardowns = parsed_failure_teardowns(pf, &t->nteardowns);
	t->tabled = parsed_tabled_functions(pf, &t->ntabled);
	t->callbacks = parsed_callbacks(pf, &t->ncallbacks);
	t->errors = parsed_errors(pf, &t->first_error);
	/* Walking ~800 inclusions is for those who ask: a list or a cache. */
	if (!s->list_inputs && !s->ir_cache)
		return t;
	inputs = parsed_inputs(pf, &t->ninputs);
	t->inputs = arena_alloc(arena, (t->ninputs ? t->ninputs : 1) * sizeof(*inputs));
	memcpy((void *)t->inputs, inputs, t->ninputs * sizeof(*inputs));
	free(inputs);
	return t;
}

/* --ir-cache: the file's IR as a run before left it, if still valid. */
static struct tu_ir *cached_ir(struct session *s, const char *file,
			       const char *const *flags, int nflags,
			       struct arena *arena)
{
	unsigned char *bytes;
	struct tu_ir *t;
	size_t len;

	if (!s->ir_cache ||
	    !(bytes = cache_ir_lookup(s->ir_cache, file, flags, nflags, &len)))
		return NULL;
	t = ir_store_decode(bytes, len, arena, s->env.strings);
	free(bytes);
	if (t && s->verbose)
		fprintf(stderr, "ladder: %s: IR from the cache, not parsed\n",
			display_path(file));
	return t;
}

static void store_ir(struct session *s, const char *file,
		     const char *const *flags, int nflags, const struct tu_ir *t)
{
	unsigned char *bytes;
	size_t len;

	if (!s->ir_cache)
		return;
	len = ir_store_encode(t, &bytes);
	cache_ir_store(s->ir_cache, file, flags, nflags, t->inputs, t->ninputs,
		       bytes, len);
	free(bytes);
}

/* Parse errors: one line on stderr naming the first, and in the report. */
static void report_errors(struct session *s, const char *file,
			  const struct tu_ir *t)
{
	if (!t->errors)
		return;
	fprintf(stderr, "ladder: %s: %u error%s while parsing, analysing "
		"what parsed (first: %s)\n", display_path(file), t->errors,
		t->errors == 1 ? "" : "s", t->first_error);
	report_parse_error(s->env.report, file, t->first_error);
}

enum tu_status analyse_file(struct session *s, const char *file,
			    const char *const *flags, int nflags)
{
	struct parsed_file *pf = NULL;
	struct arena ir_arena = { 0 };
	struct tu_ir *t;
	unsigned i, errors;

	s->file_started = seconds_now();	/* the parse counts too */
	t = cached_ir(s, file, flags, nflags, &ir_arena);
	if (!t) {
		pf = parse_file(file, flags, nflags, s->verbose, s->env.strings,
				s->env.rules);
		if (!pf)
			return TU_FAILED;
		t = translate(s, pf, &ir_arena);
		store_ir(s, file, flags, nflags, t);
	}
	report_file_begin(s->env.report, file);
	report_errors(s, file, t);
	analyse_functions(s, file, t);
	if (s->list_inputs)
		for (i = 0; i < t->ninputs; i++)
			report_input(s->env.report, t->inputs[i]);
	errors = t->errors;
	report_file_end(s->env.report, errors > 0);
	parsed_free(pf);
	free(t->fns);
	arena_free(&ir_arena);
	return errors ? TU_ERRORS : TU_OK;
}
