// SPDX-License-Identifier: GPL-2.0
/*
 * parse.c - parse one translation unit and pick the functions to analyse.
 *
 * In a preprocessed kernel file (.i) every header's inline functions sit
 * in the same file as the driver: about 5,400 bodies of which about 80
 * are the driver's own.  The line markers say which is which, so the
 * choice is made on presumed locations: the main source is the file the
 * first line marker names.
 */
#include "parse.h"
#include "ast.h"
#include "cfg.h"
#include "dump.h"
#include "flags.h"
#include "infer.h"
#include "mine.h"
#include "engine/models.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct fn_list {
	CXCursor *items;
	unsigned len, cap;
	/* The headers' inline functions, by name: what the TU's calls reach. */
	CXCursor *inlines;
	const char **inline_names;
	unsigned ninlines, capinlines;
	const char *main_name;		/* presumed name of the main source */
	struct strtab *strings;
	CXTranslationUnit tu;
	const struct rules *rules;
	struct callback_pair *callbacks;	/* from driver structures */
	unsigned ncallbacks;
};

static const char *presumed_file(CXSourceLocation loc, struct strtab *strings)
{
	CXString name;
	const char *interned;
	unsigned line, col;

	clang_getPresumedLocation(loc, &name, &line, &col);
	interned = strtab_intern(strings, clang_getCString(name));
	clang_disposeString(name);
	return interned;
}

/* Does the file start with a line marker ("# 1 \"drivers/...\"")? */
static bool starts_with_line_marker(CXTranslationUnit tu, CXFile file)
{
	size_t size;
	const char *text = clang_getFileContents(tu, file, &size);

	return text && size > 2 && text[0] == '#' &&
	       (text[1] == ' ' || text[1] == 'l');
}

static const char *main_source_name(CXTranslationUnit tu, const char *path,
				    struct strtab *strings)
{
	CXFile file = clang_getFile(tu, path);
	unsigned line = 1;

	if (!file)
		return strtab_intern(strings, path);
	/* A marker on line 1 names the file from line 2 on. */
	if (starts_with_line_marker(tu, file))
		line = 2;
	return presumed_file(clang_getLocation(tu, file, line, 1), strings);
}

/* ---- driver callbacks ---- */

static bool token_is(CXTranslationUnit tu, CXToken tok, CXTokenKind kind,
		     const char *text)
{
	CXString s;
	bool same;

	if (clang_getTokenKind(tok) != kind)
		return false;
	if (!text)
		return true;
	s = clang_getTokenSpelling(tu, tok);
	same = !strcmp(clang_getCString(s), text);
	clang_disposeString(s);
	return same;
}

static const char *token_text(struct fn_list *list, CXToken tok)
{
	CXString s = clang_getTokenSpelling(list->tu, tok);
	const char *interned = strtab_intern(list->strings, clang_getCString(s));

	clang_disposeString(s);
	return interned;
}

static void add_callback(struct fn_list *list, const char *setup, const char *teardown)
{
	list->callbacks = xrealloc(list->callbacks,
				   (list->ncallbacks + 1) * sizeof(*list->callbacks));
	list->callbacks[list->ncallbacks++] = (struct callback_pair){ setup, teardown };
}

/*
 * ".probe = foo_probe, .remove = foo_remove" in an initialiser: foo_remove
 * undoes foo_probe.  Read from the tokens, as written: libclang does not
 * expose designators.  Which fields pair is data (mirror-callbacks).
 */
static void collect_callbacks(struct fn_list *list, CXCursor var)
{
	const struct name_pair *fields;
	const char *seen[64] = { NULL }, *field;
	unsigned nfields, ntoks, i, f;
	CXToken *toks;

	fields = rules_mirror_callbacks(list->rules, &nfields);
	if (!nfields)
		return;
	clang_tokenize(list->tu, clang_getCursorExtent(var), &toks, &ntoks);
	for (i = 0; i + 3 < ntoks; i++) {
		if (!token_is(list->tu, toks[i], CXToken_Punctuation, ".") ||
		    !token_is(list->tu, toks[i + 1], CXToken_Identifier, NULL) ||
		    !token_is(list->tu, toks[i + 2], CXToken_Punctuation, "=") ||
		    !token_is(list->tu, toks[i + 3], CXToken_Identifier, NULL))
			continue;
		field = token_text(list, toks[i + 1]);
		for (f = 0; f < nfields && f < ARRAY_SIZE(seen); f++) {
			if (!strcmp(field, fields[f].acquire))
				seen[f] = token_text(list, toks[i + 3]);
			else if (!strcmp(field, fields[f].release) && seen[f])
				add_callback(list, seen[f], token_text(list, toks[i + 3]));
		}
	}
	clang_disposeTokens(list->tu, toks, ntoks);
}

/* The function a module_init()/module_exit() declaration names. */
static enum CXChildVisitResult find_function_ref(CXCursor c, CXCursor parent,
						 CXClientData data)
{
	CXCursor *found = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr &&
	    clang_getCursorKind(clang_getCursorReferenced(c)) == CXCursor_FunctionDecl) {
		*found = clang_getCursorReferenced(c);
		return CXChildVisit_Break;
	}
	return CXChildVisit_Recurse;
}

/*
 * module_exit(fn) reaches the compiler as "static exitcall_t
 * __exitcall_fn = fn;" (built in) or as __exittest() returning fn (a
 * module): either way a declaration of type exitcall_t naming fn.  Its
 * init function is found by name (ffa_init for ffa_exit).
 */
static void collect_module_exit(struct fn_list *list, CXCursor c)
{
	CXType type = clang_getCursorKind(c) == CXCursor_FunctionDecl ?
		      clang_getCursorResultType(c) : clang_getCursorType(c);
	CXString spelling = clang_getTypedefName(type);
	CXCursor fn = clang_getNullCursor();
	bool is_exit = !strcmp(clang_getCString(spelling), "exitcall_t");

	clang_disposeString(spelling);
	if (!is_exit)
		return;
	clang_visitChildren(c, find_function_ref, &fn);
	if (!clang_Cursor_isNull(fn)) {
		CXString name = clang_getCursorSpelling(fn);

		add_callback(list, NULL, strtab_intern(list->strings,
						       clang_getCString(name)));
		clang_disposeString(name);
	}
}

static bool in_main_source(struct fn_list *list, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);

	return clang_Location_isFromMainFile(loc) &&
	       presumed_file(loc, list->strings) == list->main_name;
}

static void add_inline(struct fn_list *list, CXCursor c)
{
	CXString name = clang_getCursorSpelling(c);

	if (list->ninlines == list->capinlines) {
		list->capinlines = list->capinlines ? list->capinlines * 2 : 256;
		list->inlines = xrealloc(list->inlines,
					 list->capinlines * sizeof(*list->inlines));
		list->inline_names = xrealloc(list->inline_names,
					      list->capinlines * sizeof(*list->inline_names));
	}
	list->inline_names[list->ninlines] = strtab_intern(list->strings,
							   clang_getCString(name));
	list->inlines[list->ninlines++] = c;
	clang_disposeString(name);
}

static enum CXChildVisitResult collect_function(CXCursor c, CXCursor parent,
						CXClientData data)
{
	struct fn_list *list = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && in_main_source(list, c)) {
		collect_callbacks(list, c);
		collect_module_exit(list, c);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!in_main_source(list, c)) {
		if (clang_Cursor_isFunctionInlined(c))
			add_inline(list, c);
		return CXChildVisit_Continue;
	}
	collect_module_exit(list, c);
	if (list->len == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 64;
		list->items = xrealloc(list->items, list->cap * sizeof(*list->items));
	}
	list->items[list->len++] = c;
	return CXChildVisit_Continue;
}

/* Count errors; print one line naming the first. */
static unsigned check_diagnostics(struct session *s, CXTranslationUnit tu,
				  const char *file)
{
	unsigned n = clang_getNumDiagnostics(tu), i, errors = 0;
	char *first = NULL;

	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			if (!errors++) {
				CXString text = clang_formatDiagnostic(d,
					CXDiagnostic_DisplaySourceLocation |
					CXDiagnostic_DisplayColumn);

				first = xstrdup(clang_getCString(text));
				clang_disposeString(text);
			}
		}
		clang_disposeDiagnostic(d);
	}
	if (errors) {
		fprintf(stderr, "ladder: %s: %u error%s while parsing, analysing "
			"what parsed (first: %s)\n", display_path(file), errors,
			errors == 1 ? "" : "s", first);
		report_parse_error(s->env.report, file, first);
	}
	free(first);
	return errors;
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

/* Translate every function first: summaries need all of them. */
static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
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

	if (!limit || seconds_now() - s->file_started <= limit)
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
static void add_called_inlines(struct session *s, const struct fn_list *list,
			       const struct ir *e, struct ir_func ***fns,
			       unsigned *n, unsigned *cap, struct arena *arena)
{
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e->name && !known_callee(s, *fns, *n, e->name)) {
		for (i = 0; i < list->ninlines; i++) {
			if (list->inline_names[i] != e->name)
				continue;
			if (*n == *cap) {
				*cap *= 2;
				*fns = xrealloc(*fns, *cap * sizeof(**fns));
			}
			(*fns)[(*n)++] = ast_translate(list->inlines[i], arena,
						       s->env.strings);
			break;
		}
	}
	for (i = 0; i < e->nkids; i++)
		add_called_inlines(s, list, e->kids[i], fns, n, cap, arena);
}

/*
 * The headers' inline functions that the file's functions call, and
 * those they call in turn (to a depth of @INLINE_DEPTH): summarised
 * like the file's own (stable: dev_get_platdata(), pm_runtime_enabled();
 * what they release or hand over), never analysed for findings.
 */
#define INLINE_DEPTH 3

static unsigned add_inlines(struct session *s, const struct fn_list *list,
			    struct ir_func ***fns, unsigned n, struct arena *arena)
{
	unsigned cap = n * 2 + 16, from = 0, to = n, depth;

	*fns = xrealloc(*fns, cap * sizeof(**fns));
	for (depth = 0; depth < INLINE_DEPTH && from < to; depth++) {
		unsigned i;

		for (i = from; i < to; i++)
			add_called_inlines(s, list, (*fns)[i]->body, fns, &n, &cap,
					   arena);
		from = to;
		to = n;
	}
	return n;
}

static void analyse_functions(struct session *s, const char *file,
			      const struct fn_list *list)
{
	struct ir_func **fns = xcalloc(list->len ? list->len : 1, sizeof(*fns));
	struct arena ir_arena = { 0 };
	struct inference *inf;
	unsigned i, n, done, *order;

	for (i = 0; i < list->len; i++)
		fns[i] = ast_translate(list->items[i], &ir_arena, s->env.strings);
	n = model_on(MODEL_HEADER_INLINES) ?
	    add_inlines(s, list, &fns, list->len, &ir_arena) : list->len;
	order = xcalloc(n ? n : 1, sizeof(*order));
	s->env.summaries = summaries_build(fns, n, s->env.rules,
					   model_on(MODEL_CALLER_CHAIN));
	inf = infer_build(s->env.rules, fns, list->len, n - list->len,
			  list->callbacks, list->ncallbacks,
			  model_on(MODEL_RELEASED_RESULT));
	if (s->miner)
		miner_add(s->miner, file, inf);
	/* Helpers first: a wrapper is known before its callers are explored. */
	summary_bottom_up(s->env.summaries, order);
	for (i = 0, done = 0; i < n && !s->miner; i++) {
		if (order[i] >= list->len)
			continue;	/* a header's inline: summarised only */
		if (tu_out_of_time(s, fns[order[i]], list->len - done))
			break;
		analyse_function(s, fns[order[i]], inf);
		done++;
	}
	free(order);
	infer_free(inf);
	summaries_free(s->env.summaries);
	s->env.summaries = NULL;
	arena_free(&ir_arena);
	free(fns);
}

/* Every file the TU read, the main file included: what a cache depends on. */
static void note_input(CXFile file, CXSourceLocation *stack, unsigned depth,
		       void *report)
{
	/* Absolute: -working-directory makes clang's own names relative. */
	CXString name = clang_File_tryGetRealPathName(file);

	(void)stack;
	(void)depth;
	if (!clang_getCString(name) || !*clang_getCString(name)) {
		clang_disposeString(name);
		name = clang_getFileName(file);
	}
	report_input(report, clang_getCString(name));
	clang_disposeString(name);
}

/* A missing, unreadable or non-regular file: one line, before libclang. */
static bool readable_file(const char *file)
{
	struct stat st;

	if (access(file, R_OK) || stat(file, &st)) {
		fprintf(stderr, "ladder: %s: %s\n", display_path(file), strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		fprintf(stderr, "ladder: %s: not a regular file\n", display_path(file));
		return false;
	}
	return true;
}

enum parse_status analyse_file(struct session *s, const char *file,
			       const char *const *flags, int nflags)
{
	const unsigned options = CXTranslationUnit_KeepGoing |
				 CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	struct fn_list list = { .strings = s->env.strings, .rules = s->env.rules };
	enum CXErrorCode code;
	CXTranslationUnit tu;
	const char **args;
	unsigned errors;
	CXIndex index;
	int nargs;

	if (!readable_file(file))
		return PARSE_FAILED;
	s->file_started = seconds_now();	/* the parse counts too */
	args = flags_for_clang(flags, nflags, &nargs, s->verbose);
	index = clang_createIndex(0, 0);
	code = clang_parseTranslationUnit2(index, file, args, nargs, NULL, 0,
					   options, &tu);
	free(args);
	if (code != CXError_Success || !tu) {
		/* Out of memory inside libclang ends here too: its crash recovery. */
		if (code == CXError_Crashed)
			fprintf(stderr, "ladder: %s: libclang crashed or ran out of "
				"memory while parsing it\n", display_path(file));
		else
			fprintf(stderr, "ladder: %s: libclang could not parse it "
				"(error %d); check the compiler flags\n",
				display_path(file), (int)code);
		clang_disposeIndex(index);
		return PARSE_FAILED;
	}
	report_file_begin(s->env.report, file);
	errors = check_diagnostics(s, tu, file);
	list.main_name = main_source_name(tu, file, s->env.strings);
	list.tu = tu;
	clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_function, &list);
	analyse_functions(s, file, &list);
	if (s->list_inputs)
		clang_getInclusions(tu, note_input, s->env.report);
	report_file_end(s->env.report, errors > 0);
	free(list.items);
	free(list.inlines);
	free(list.inline_names);
	free(list.callbacks);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return errors ? PARSE_ERRORS : PARSE_OK;
}
