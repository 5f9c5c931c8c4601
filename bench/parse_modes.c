// SPDX-License-Identifier: GPL-2.0
/*
 * parse_modes.c - how long libclang takes to parse one file, three ways.
 *
 *	parse-modes MODE FILE [COMPILER ARGS...]
 *
 * MODE is "full" (every function body, as ladder parses today), "skip"
 * (CXTranslationUnit_SkipFunctionBodies: no body at all, the floor) or
 * "preamble" (a precompiled preamble whose bodies are skipped, with
 * CXTranslationUnit_LimitSkipFunctionBodiesToPreamble: the headers'
 * inline functions lose their bodies, the main file keeps its own).
 * Prints one line: the mode, the parse time, and how many function
 * definitions kept a body in the main file and elsewhere.  Issue 15's
 * item 5 asks whether the third way pays; bench/parse-modes runs this
 * over a compilation database and says.  A benchmark, not a test.
 */
#include <clang-c/Index.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

struct body_count {
	unsigned in_main;
	unsigned elsewhere;
};

struct parse_mode {
	const char *name;
	unsigned options;
};

static const struct parse_mode modes[] = {
	{ "full", 0 },
	{ "skip", CXTranslationUnit_SkipFunctionBodies },
	{ "preamble", CXTranslationUnit_PrecompiledPreamble |
		      CXTranslationUnit_CreatePreambleOnFirstParse |
		      CXTranslationUnit_SkipFunctionBodies |
		      CXTranslationUnit_LimitSkipFunctionBodiesToPreamble },
};

static enum CXChildVisitResult find_body(CXCursor c, CXCursor parent,
					 CXClientData found)
{
	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_CompoundStmt)
		return CXChildVisit_Continue;
	*(int *)found = 1;
	return CXChildVisit_Break;
}

static enum CXChildVisitResult count_bodies(CXCursor c, CXCursor parent,
					    CXClientData data)
{
	struct body_count *count = data;
	int found = 0;

	(void)parent;
	if (clang_getCursorKind(c) != CXCursor_FunctionDecl)
		return CXChildVisit_Continue;
	clang_visitChildren(c, find_body, &found);
	if (!found)
		return CXChildVisit_Continue;
	if (clang_Location_isFromMainFile(clang_getCursorLocation(c)))
		count->in_main++;
	else
		count->elsewhere++;
	return CXChildVisit_Continue;
}

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static const struct parse_mode *mode_named(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++)
		if (!strcmp(modes[i].name, name))
			return &modes[i];
	return NULL;
}

int main(int argc, char **argv)
{
	const struct parse_mode *mode = argc >= 3 ? mode_named(argv[1]) : NULL;
	struct body_count count = { 0, 0 };
	CXTranslationUnit tu;
	enum CXErrorCode err;
	CXIndex index;
	double start, parsed;

	if (!mode) {
		fprintf(stderr, "usage: parse-modes full|skip|preamble FILE [ARGS...]\n");
		return 2;
	}
	index = clang_createIndex(0, 0);
	start = seconds();
	err = clang_parseTranslationUnit2(index, argv[2],
					  (const char *const *)argv + 3, argc - 3,
					  NULL, 0, mode->options, &tu);
	parsed = seconds();
	if (err != CXError_Success) {
		fprintf(stderr, "parse-modes: %s: cannot parse (libclang error %d)\n",
			argv[2], err);
		return 1;
	}
	clang_visitChildren(clang_getTranslationUnitCursor(tu), count_bodies, &count);
	printf("%s %.4f %u %u\n", mode->name, parsed - start, count.in_main,
	       count.elsewhere);
	clang_disposeTranslationUnit(tu);
	clang_disposeIndex(index);
	return 0;
}
