// SPDX-License-Identifier: GPL-2.0
/*
 * compdb.c - flags from compile_commands.json.
 *
 * libclang reads the database; jansson checks it first, because libclang
 * only says "cannot load" while a user needs the line and column of the
 * broken JSON.
 */
#include "compdb.h"
#include "util.h"

#include <clang-c/CXCompilationDatabase.h>
#include <jansson.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char *string_of(CXString s)
{
	char *copy = xstrdup(clang_getCString(s) ? clang_getCString(s) : "");

	clang_disposeString(s);
	return copy;
}

static char *join_path(const char *dir, const char *file);

/* Is @abs (a real path) the file of one of the entries? */
static bool listed(json_t *root, const char *abs)
{
	char real[PATH_MAX];
	json_t *entry;
	bool found = false;
	size_t i;

	json_array_foreach(root, i, entry) {
		char *full = join_path(json_string_value(json_object_get(entry, "directory")),
				       json_string_value(json_object_get(entry, "file")));

		found = realpath(full, real) ? !strcmp(real, abs) : !strcmp(full, abs);
		free(full);
		if (found)
			break;
	}
	return found;
}

/*
 * Shape check: an array of objects with file, directory and a command.
 * Returns the parsed document (caller puts it), or NULL with *err set.
 */
/* The keys of the JSON compilation database format; libclang knows no other. */
static const char *const entry_keys[] = {
	"directory", "file", "command", "arguments", "output",
};

static bool known_key(const char *key)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(entry_keys); i++)
		if (!strcmp(key, entry_keys[i]))
			return true;
	return false;
}

static const char *unknown_key(json_t *entry)
{
	const char *key;
	json_t *value;

	json_object_foreach(entry, key, value)
		if (!known_key(key))
			return key;
	return NULL;
}

/*
 * libclang refuses an unknown key, or a value that is neither a string
 * nor (for "arguments") a list of strings, and says so on stderr in
 * several lines of its own.  Name the entry and key first, in one.
 */
static const char *bad_value(json_t *entry)
{
	const char *key;
	json_t *value, *arg;
	size_t i;

	json_object_foreach(entry, key, value) {
		if (strcmp(key, "arguments")) {
			if (!json_is_string(value))
				return key;
			continue;
		}
		if (!json_is_array(value))
			return key;
		json_array_foreach(value, i, arg)
			if (!json_is_string(arg))
				return key;
	}
	return NULL;
}

static json_t *validate(const char *path, char **err)
{
	json_error_t jerr;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr), *entry;
	size_t i;

	if (!root) {
		if (jerr.line < 0)
			*err = xasprintf("%s: %s", path, jerr.text);
		else
			*err = xasprintf("%s:%d:%d: malformed JSON: %s", path,
					 jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	if (!json_is_array(root)) {
		*err = xasprintf("%s: expected a JSON array of compile commands", path);
		json_decref(root);
		return NULL;
	}
	json_array_foreach(root, i, entry) {
		if (!json_is_object(entry) ||
		    !json_is_string(json_object_get(entry, "file")) ||
		    !json_is_string(json_object_get(entry, "directory")) ||
		    (!json_is_string(json_object_get(entry, "command")) &&
		     !json_is_array(json_object_get(entry, "arguments")))) {
			*err = xasprintf("%s: entry %zu needs \"file\", \"directory\" "
					 "and \"command\" or \"arguments\"", path, i + 1);
			json_decref(root);
			return NULL;
		}
		if (unknown_key(entry)) {
			*err = xasprintf("%s: entry %zu: unknown key \"%s\"", path,
					 i + 1, unknown_key(entry));
			json_decref(root);
			return NULL;
		}
		if (bad_value(entry)) {
			*err = xasprintf("%s: entry %zu: \"%s\" must be a string%s",
					 path, i + 1, bad_value(entry),
					 strcmp(bad_value(entry), "arguments") ? "" :
					 " list");
			json_decref(root);
			return NULL;
		}
	}
	if (!json_array_size(root)) {
		*err = xasprintf("%s: no compile commands in it", path);
		json_decref(root);
		return NULL;
	}
	return root;
}

static char *join_path(const char *dir, const char *file)
{
	if (file[0] == '/')
		return xstrdup(file);
	return xasprintf("%s/%s", dir, file);
}

static bool same_file(const char *a, const char *b)
{
	char ra[PATH_MAX], rb[PATH_MAX];

	if (!strcmp(a, b))
		return true;
	return realpath(a, ra) && realpath(b, rb) && !strcmp(ra, rb);
}

/* Clang's flags for one command: no compiler, no -c/-o, no source file. */
static void job_from_command(CXCompileCommand cmd, struct compile_job *job)
{
	unsigned n = clang_CompileCommand_getNumArgs(cmd), i;
	char *dir = string_of(clang_CompileCommand_getDirectory(cmd));
	char *file = string_of(clang_CompileCommand_getFilename(cmd));

	job->file = join_path(dir, file);
	job->args = xcalloc((size_t)n + 3, sizeof(*job->args));
	job->nargs = 0;
	job->args[job->nargs++] = xstrdup("-working-directory");
	job->args[job->nargs++] = xstrdup(dir);
	for (i = 1; i < n; i++) {
		char *arg = string_of(clang_CompileCommand_getArg(cmd, i));
		char *abs = join_path(dir, arg);

		if (!strcmp(arg, "-c") || !strcmp(arg, file) || same_file(abs, job->file)) {
			free(arg);
			free(abs);
			continue;
		}
		free(abs);
		if (!strcmp(arg, "-o") && i + 1 < n) {
			free(arg);
			i++;
			continue;
		}
		job->args[job->nargs++] = arg;
	}
	free(dir);
	free(file);
}

/* The first command for a file is the one that builds it. */
static void add_first_command(CXCompileCommands cmds, struct compile_job **jobs,
			      int *njobs)
{
	*jobs = xrealloc(*jobs, (size_t)(*njobs + 1) * sizeof(**jobs));
	job_from_command(clang_CompileCommands_getCommand(cmds, 0),
			 &(*jobs)[(*njobs)++]);
}

int compdb_load(const char *build_dir, const char *const *files, int nfiles,
		struct compile_job **jobs, int *njobs, char **err)
{
	char *path = xasprintf("%s/compile_commands.json", build_dir);
	CXCompilationDatabase_Error dberr;
	CXCompilationDatabase db;
	CXCompileCommands cmds;
	json_t *root;
	int i, ret = 0;

	*jobs = NULL;
	*njobs = 0;
	if (access(path, R_OK)) {
		*err = xasprintf("%s: cannot read compile_commands.json", path);
		free(path);
		return -1;
	}
	root = validate(path, err);
	if (!root) {
		free(path);
		return -1;
	}
	db = clang_CompilationDatabase_fromDirectory(build_dir, &dberr);
	if (dberr != CXCompilationDatabase_NoError) {
		*err = xasprintf("%s: libclang cannot load it", path);
		json_decref(root);
		free(path);
		return -1;
	}
	if (!nfiles) {
		cmds = clang_CompilationDatabase_getAllCompileCommands(db);
		unsigned n = clang_CompileCommands_getSize(cmds), k;

		*jobs = xcalloc(n ? n : 1, sizeof(**jobs));
		for (k = 0; k < n; k++)
			job_from_command(clang_CompileCommands_getCommand(cmds, k),
					 &(*jobs)[(*njobs)++]);
		clang_CompileCommands_dispose(cmds);
	}
	for (i = 0; i < nfiles && !ret; i++) {
		char abs[PATH_MAX];

		if (!realpath(files[i], abs)) {
			*err = xasprintf("%s: no such file", files[i]);
			ret = -1;
			break;
		}
		/* libclang guesses flags for unlisted files; a CI run must not. */
		cmds = listed(root, abs) ?
		       clang_CompilationDatabase_getCompileCommands(db, abs) : NULL;
		if (!cmds || !clang_CompileCommands_getSize(cmds)) {
			*err = xasprintf("%s: not in %s", files[i], path);
			ret = -1;
		} else {
			add_first_command(cmds, jobs, njobs);
		}
		if (cmds)
			clang_CompileCommands_dispose(cmds);
	}
	clang_CompilationDatabase_dispose(db);
	json_decref(root);
	free(path);
	return ret;
}

void compdb_free(struct compile_job *jobs, int njobs)
{
	int i, k;

	for (i = 0; i < njobs; i++) {
		for (k = 0; k < jobs[i].nargs; k++)
			free(jobs[i].args[k]);
		free(jobs[i].args);
		free(jobs[i].file);
	}
	free(jobs);
}

static int by_file(const void *a, const void *b)
{
	return strcmp(((const struct compile_job *)a)->file,
		      ((const struct compile_job *)b)->file);
}

void compdb_sort(struct compile_job *jobs, int njobs)
{
	qsort(jobs, (size_t)njobs, sizeof(*jobs), by_file);
}

void compdb_shard(size_t n, unsigned k, unsigned nshards, size_t *first,
		  size_t *last)
{
	*first = nshards ? n * (k - 1) / nshards : 0;
	*last = nshards ? n * k / nshards : n;
}
