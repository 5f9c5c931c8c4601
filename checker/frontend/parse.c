// SPDX-License-Identifier: GPL-2.0
/*
 * parse.c - parse one translation unit and pick the functions to analyse.
 *
 * Takes a file and its flags; gives a parsed file (parse.h): its errors,
 * the IR of each function its main source defines, the IR of a header
 * inline function by name, the driver callbacks its initialisers pair,
 * and the files it read.  tu.c runs the pipeline over it.
 *
 * In a preprocessed kernel file (.i) every header's inline functions sit
 * in the same file as the driver: about 5,400 bodies of which about 80
 * are the driver's own.  The line markers say which is which, so the
 * choice is made on presumed locations: the main source is the file the
 * first line marker names.
 */
#include "parse.h"
#include "ast.h"
#include "flags.h"

#include <clang-c/Index.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct parsed_file {
	CXIndex index;
	const char *file;
	CXCursor *items;		/* the main source's function definitions */
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
	/* {setup, teardown}: undone-after-failure callbacks of one ops */
	struct callback_pair *teardowns;
	unsigned nteardowns;
	/* functions a file-scope initialiser names: ops tables' callbacks */
	const char **tabled;
	unsigned ntabled;
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

static const char *token_text(struct parsed_file *pf, CXToken tok)
{
	CXString s = clang_getTokenSpelling(pf->tu, tok);
	const char *interned = strtab_intern(pf->strings, clang_getCString(s));

	clang_disposeString(s);
	return interned;
}

static void add_callback(struct parsed_file *pf, const char *setup, const char *teardown)
{
	pf->callbacks = xrealloc(pf->callbacks,
				   (pf->ncallbacks + 1) * sizeof(*pf->callbacks));
	pf->callbacks[pf->ncallbacks++] = (struct callback_pair){ setup, teardown };
}

/*
 * ".probe = foo_probe, .remove = foo_remove" in an initialiser: foo_remove
 * undoes foo_probe.  Read from the tokens, as written: libclang does not
 * expose designators.  Which fields pair is data (mirror-callbacks).
 */
static void collect_callbacks(struct parsed_file *pf, CXCursor var)
{
	const struct name_pair *fields;
	const char *seen[64] = { NULL }, *field;
	unsigned nfields, ntoks, i, f;
	CXToken *toks;

	fields = rules_mirror_callbacks(pf->rules, &nfields);
	if (!nfields)
		return;
	clang_tokenize(pf->tu, clang_getCursorExtent(var), &toks, &ntoks);
	for (i = 0; i + 3 < ntoks; i++) {
		if (!token_is(pf->tu, toks[i], CXToken_Punctuation, ".") ||
		    !token_is(pf->tu, toks[i + 1], CXToken_Identifier, NULL) ||
		    !token_is(pf->tu, toks[i + 2], CXToken_Punctuation, "=") ||
		    !token_is(pf->tu, toks[i + 3], CXToken_Identifier, NULL))
			continue;
		field = token_text(pf, toks[i + 1]);
		for (f = 0; f < nfields && f < ARRAY_SIZE(seen); f++) {
			if (!strcmp(field, fields[f].acquire))
				seen[f] = token_text(pf, toks[i + 3]);
			else if (!strcmp(field, fields[f].release) && seen[f])
				add_callback(pf, seen[f], token_text(pf, toks[i + 3]));
		}
	}
	clang_disposeTokens(pf->tu, toks, ntoks);
}

/* ".field = fn" pairs of one initialiser, as the AST has them. */
struct designated {
	struct parsed_file *pf;
	const struct name_pair *fields;	/* only these fields are kept */
	unsigned nfields;
	const char *field[32], *fn[32];
	unsigned n;
	const char *pending;	/* the field whose value comes next */
};

/* Is @field one of @d's pairs' fields? */
static bool wanted_field(const struct designated *d, const char *field)
{
	unsigned i;

	for (i = 0; i < d->nfields; i++)
		if (!strcmp(d->fields[i].acquire, field) ||
		    !strcmp(d->fields[i].release, field))
			return true;
	return false;
}

static const char *cursor_name(struct parsed_file *pf, CXCursor c)
{
	CXString s = clang_getCursorSpelling(c);
	const char *interned = strtab_intern(pf->strings, clang_getCString(s));

	clang_disposeString(s);
	return interned;
}

/*
 * libclang shows a designator as a member reference before its value,
 * in the source as written (DEFINE_SIMPLE_DEV_PM_OPS(), in a .c file)
 * and as expanded ("(1) ? (foo_resume) : NULL", in a .i): the first
 * function the value names is the callback.
 */
static enum CXChildVisitResult find_designated(CXCursor c, CXCursor parent,
					       CXClientData data)
{
	struct designated *d = data;
	CXCursor ref;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_MemberRef) {
		d->pending = cursor_name(d->pf, c);
		if (!wanted_field(d, d->pending))
			d->pending = NULL;
		return CXChildVisit_Continue;
	}
	ref = clang_getCursorReferenced(c);
	if (clang_getCursorKind(c) == CXCursor_DeclRefExpr && d->pending &&
	    clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
	    d->n < ARRAY_SIZE(d->field)) {
		d->field[d->n] = d->pending;
		d->fn[d->n++] = cursor_name(d->pf, ref);
		d->pending = NULL;
		return CXChildVisit_Continue;
	}
	return CXChildVisit_Recurse;
}

static const char *designated_fn(const struct designated *d, const char *field)
{
	unsigned i;

	for (i = 0; i < d->n; i++)
		if (!strcmp(d->field[i], field))
			return d->fn[i];
	return NULL;
}

/*
 * ".suspend = foo_suspend, .resume = foo_resume" in a struct dev_pm_ops
 * (SET_SYSTEM_SLEEP_PM_OPS() and its kin), ".hw_params = foo_hw_params,
 * .hw_free = foo_hw_free" in PCM ops: the pairs of undone-after-failure.
 */
static void collect_failure_teardowns(struct parsed_file *pf, CXCursor var)
{
	const struct name_pair *fields;
	const char *teardown, *setup;
	struct designated d = { .pf = pf };
	unsigned nfields, f;

	fields = rules_undone_after_failure(pf->rules, &nfields);
	if (!nfields)
		return;
	d.fields = fields;
	d.nfields = nfields;
	clang_visitChildren(var, find_designated, &d);
	for (f = 0; f < nfields; f++) {
		teardown = designated_fn(&d, fields[f].acquire);
		setup = designated_fn(&d, fields[f].release);
		if (!teardown || !setup || teardown == setup)
			continue;
		pf->teardowns = xrealloc(pf->teardowns,
					 (pf->nteardowns + 1) * sizeof(*pf->teardowns));
		pf->teardowns[pf->nteardowns++] = (struct callback_pair){ setup, teardown };
	}
}

/* Every function a file-scope variable's initialiser names. */
static enum CXChildVisitResult find_tabled(CXCursor c, CXCursor parent,
					   CXClientData data)
{
	struct parsed_file *pf = data;
	CXCursor ref;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_DeclRefExpr)
		return CXChildVisit_Recurse;
	ref = clang_getCursorReferenced(c);
	if (clang_getCursorKind(ref) == CXCursor_FunctionDecl) {
		pf->tabled = xrealloc(pf->tabled,
				      (pf->ntabled + 1) * sizeof(*pf->tabled));
		pf->tabled[pf->ntabled++] = cursor_name(pf, ref);
	}
	return CXChildVisit_Continue;
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
static void collect_module_exit(struct parsed_file *pf, CXCursor c)
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

		add_callback(pf, NULL, strtab_intern(pf->strings,
						       clang_getCString(name)));
		clang_disposeString(name);
	}
}

static bool in_main_source(struct parsed_file *pf, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);

	return clang_Location_isFromMainFile(loc) &&
	       presumed_file(loc, pf->strings) == pf->main_name;
}

/*
 * The same for a declaration a macro of the headers writes in the main
 * source (DEFINE_SIMPLE_DEV_PM_OPS(foo_pm_ops, ...) in a .c file): where
 * it is expanded, not where the macro spells it.
 */
static bool expanded_in_main_source(struct parsed_file *pf, CXCursor c)
{
	CXSourceLocation loc = clang_getCursorLocation(c);
	unsigned line, col, offset;
	CXFile file;

	clang_getExpansionLocation(loc, &file, &line, &col, &offset);
	if (!file)
		return false;
	loc = clang_getLocation(pf->tu, file, line, col);
	return clang_Location_isFromMainFile(loc) &&
	       presumed_file(loc, pf->strings) == pf->main_name;
}

static void add_inline(struct parsed_file *pf, CXCursor c)
{
	CXString name = clang_getCursorSpelling(c);

	if (pf->ninlines == pf->capinlines) {
		pf->capinlines = pf->capinlines ? pf->capinlines * 2 : 256;
		pf->inlines = xrealloc(pf->inlines,
					 pf->capinlines * sizeof(*pf->inlines));
		pf->inline_names = xrealloc(pf->inline_names,
					      pf->capinlines * sizeof(*pf->inline_names));
	}
	pf->inline_names[pf->ninlines] = strtab_intern(pf->strings,
							   clang_getCString(name));
	pf->inlines[pf->ninlines++] = c;
	clang_disposeString(name);
}

static enum CXChildVisitResult collect_function(CXCursor c, CXCursor parent,
						CXClientData data)
{
	struct parsed_file *pf = data;

	(void)parent;
	if (clang_getCursorKind(c) == CXCursor_VarDecl && expanded_in_main_source(pf, c)) {
		collect_callbacks(pf, c);
		collect_failure_teardowns(pf, c);
		collect_module_exit(pf, c);
		clang_visitChildren(c, find_tabled, pf);
		return CXChildVisit_Continue;
	}
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl ||
	    !clang_isCursorDefinition(c))
		return CXChildVisit_Continue;
	if (!in_main_source(pf, c)) {
		/*
		 * A header's inline function, or a static one of a .c file
		 * the main source #includes (drivers/usb/host/ohci-hcd.c
		 * includes ohci-q.c): the TU's own helpers, summarised but
		 * not reported on.
		 */
		if (clang_Cursor_isFunctionInlined(c) ||
		    clang_getCursorLinkage(c) == CXLinkage_Internal)
			add_inline(pf, c);
		return CXChildVisit_Continue;
	}
	collect_module_exit(pf, c);
	if (pf->len == pf->cap) {
		pf->cap = pf->cap ? pf->cap * 2 : 64;
		pf->items = xrealloc(pf->items, pf->cap * sizeof(*pf->items));
	}
	pf->items[pf->len++] = c;
	return CXChildVisit_Continue;
}

unsigned parsed_errors(const struct parsed_file *pf, const char **first)
{
	unsigned n = clang_getNumDiagnostics(pf->tu), i, errors = 0;

	*first = NULL;
	for (i = 0; i < n; i++) {
		CXDiagnostic d = clang_getDiagnostic(pf->tu, i);

		if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error &&
		    !errors++) {
			CXString text = clang_formatDiagnostic(d,
				CXDiagnostic_DisplaySourceLocation |
				CXDiagnostic_DisplayColumn);

			*first = strtab_intern(pf->strings, clang_getCString(text));
			clang_disposeString(text);
		}
		clang_disposeDiagnostic(d);
	}
	return errors;
}

unsigned parsed_functions(const struct parsed_file *pf, struct arena *arena,
			  struct ir_func ***fns)
{
	unsigned i;

	*fns = xcalloc(pf->len ? pf->len : 1, sizeof(**fns));
	for (i = 0; i < pf->len; i++)
		(*fns)[i] = ast_translate(pf->items[i], arena, pf->strings);
	return pf->len;
}

struct ir_func *parsed_inline(const struct parsed_file *pf, const char *name,
			      struct arena *arena)
{
	unsigned i;

	for (i = 0; i < pf->ninlines; i++)
		if (pf->inline_names[i] == name)
			return ast_translate(pf->inlines[i], arena, pf->strings);
	return NULL;
}

const struct callback_pair *parsed_callbacks(const struct parsed_file *pf,
					     unsigned *n)
{
	*n = pf->ncallbacks;
	return pf->callbacks;
}

const char *const *parsed_tabled_functions(const struct parsed_file *pf,
					   unsigned *n)
{
	*n = pf->ntabled;
	return pf->tabled;
}

const struct callback_pair *parsed_failure_teardowns(const struct parsed_file *pf,
						   unsigned *n)
{
	*n = pf->nteardowns;
	return pf->teardowns;
}

struct inputs {
	struct ptrvec names;
	struct strtab *strings;
};

/* Every file the TU read, the main file included: what a cache depends on. */
static void note_input(CXFile file, CXSourceLocation *stack, unsigned depth,
		       void *data)
{
	/* Absolute: -working-directory makes clang's own names relative. */
	CXString name = clang_File_tryGetRealPathName(file);
	struct inputs *in = data;

	(void)stack;
	(void)depth;
	if (!clang_getCString(name) || !*clang_getCString(name)) {
		clang_disposeString(name);
		name = clang_getFileName(file);
	}
	ptrvec_push(&in->names, (void *)strtab_intern(in->strings,
						      clang_getCString(name)));
	clang_disposeString(name);
}

const char **parsed_inputs(const struct parsed_file *pf, unsigned *n)
{
	struct inputs in = { .strings = pf->strings };

	clang_getInclusions(pf->tu, note_input, &in);
	*n = (unsigned)in.names.len;
	return (const char **)in.names.items;
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

struct parsed_file *parse_file(const char *file, const char *const *flags,
			       int nflags, bool verbose, struct strtab *strings,
			       const struct rules *rules)
{
	const unsigned options = CXTranslationUnit_KeepGoing |
				 CXTranslationUnit_IgnoreNonErrorsFromIncludedFiles;
	struct parsed_file *pf;
	enum CXErrorCode code;
	CXTranslationUnit tu;
	const char **args;
	CXIndex index;
	int nargs;

	if (!readable_file(file))
		return NULL;
	args = flags_for_clang(flags, nflags, &nargs, verbose);
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
		return NULL;
	}
	pf = xcalloc(1, sizeof(*pf));
	*pf = (struct parsed_file){ .index = index, .file = file, .tu = tu,
				    .strings = strings, .rules = rules };
	pf->main_name = main_source_name(tu, file, strings);
	clang_visitChildren(clang_getTranslationUnitCursor(tu), collect_function, pf);
	return pf;
}

const char *parsed_main_name(const struct parsed_file *pf)
{
	return pf->main_name;
}

void parsed_free(struct parsed_file *pf)
{
	if (!pf)
		return;
	free(pf->items);
	free(pf->inlines);
	free(pf->inline_names);
	free(pf->callbacks);
	free(pf->teardowns);
	free(pf->tabled);
	clang_disposeTranslationUnit(pf->tu);
	clang_disposeIndex(pf->index);
	free(pf);
}
