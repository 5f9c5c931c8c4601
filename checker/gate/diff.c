// SPDX-License-Identifier: GPL-2.0
/*
 * diff.c - which lines of which files a change touches.
 *
 * libgit2 reads the unified diff (git_diff_from_buffer) or computes it
 * (the tree of REV against the working directory and index), with no
 * context lines, so each hunk is exactly the new lines a change wrote.
 * A finding is kept when its function's definition overlaps one of them:
 * a patch that adds an early return to a probe function is checked for
 * every exit of that function, not just the lines it added.
 */
#include "diff.h"
#include "util.h"

#include <git2.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct hunk {
	char *path;		/* relative to root */
	unsigned first, last;	/* new-file lines */
};

struct changes {
	char *root;		/* absolute: where the diff's paths start */
	struct hunk *hunks;
	size_t nhunks, cap;
};

static int on_hunk(const git_diff_delta *delta, const git_diff_hunk *hunk,
		   void *payload)
{
	struct changes *c = payload;
	struct hunk *h;

	if (!delta->new_file.path || delta->status == GIT_DELTA_DELETED)
		return 0;
	if (c->nhunks == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 64;
		c->hunks = xrealloc(c->hunks, c->cap * sizeof(*c->hunks));
	}
	h = &c->hunks[c->nhunks++];
	h->path = xstrdup(delta->new_file.path);
	/* A pure deletion has no new lines: it touches the line before. */
	h->first = hunk->new_start ? (unsigned)hunk->new_start : 1;
	h->last = h->first + (hunk->new_lines ? (unsigned)hunk->new_lines - 1 : 0);
	return 0;
}

static char *git_message(const char *what)
{
	const git_error *e = git_error_last();

	return xasprintf("%s: %s", what, e && e->message ? e->message : "unknown error");
}

static struct changes *collect(git_diff *diff, const char *root)
{
	struct changes *c = xcalloc(1, sizeof(*c));

	c->root = xstrdup(root);
	git_diff_foreach(diff, NULL, NULL, on_hunk, NULL, c);
	return c;
}

struct changes *changes_from_patch(const char *path, char **err)
{
	char cwd[PATH_MAX], *buf;
	struct changes *c = NULL;
	git_diff *diff = NULL;
	size_t len;

	buf = read_file(path, &len);
	if (!buf) {
		*err = xasprintf("cannot read patch '%s'", path);
		return NULL;
	}
	git_libgit2_init();
	if (git_diff_from_buffer(&diff, buf, len)) {
		char *what = xasprintf("'%s' is not a unified diff", path);

		*err = git_message(what);
		free(what);
	} else if (!getcwd(cwd, sizeof(cwd))) {
		*err = xstrdup("cannot find the working directory");
	} else {
		c = collect(diff, cwd);
	}
	git_diff_free(diff);
	free(buf);
	git_libgit2_shutdown();
	return c;
}

struct changes *changes_since(const char *rev, char **err)
{
	git_diff_options opts;
	git_repository *repo = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	git_diff *diff = NULL;
	struct changes *c = NULL;

	git_libgit2_init();
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.context_lines = 0;
	/* Found as git finds it, GIT_CEILING_DIRECTORIES included. */
	if (git_repository_open_ext(&repo, ".", 0,
				    getenv("GIT_CEILING_DIRECTORIES")))
		*err = git_message("--since needs a git repository");
	else if (git_revparse_single(&obj, repo, rev) ||
		 git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE)) {
		char *what = xasprintf("--since: unknown revision '%s'", rev);

		*err = git_message(what);
		free(what);
	} else if (git_diff_tree_to_workdir_with_index(&diff, repo, tree, &opts))
		*err = git_message("--since: cannot diff");
	else
		c = collect(diff, git_repository_workdir(repo));
	git_diff_free(diff);
	git_tree_free(tree);
	git_object_free(obj);
	git_repository_free(repo);
	git_libgit2_shutdown();
	return c;
}

void changes_free(struct changes *c)
{
	size_t i;

	if (!c)
		return;
	for (i = 0; i < c->nhunks; i++)
		free(c->hunks[i].path);
	free(c->hunks);
	free(c->root);
	free(c);
}

/* @file as a path below the diff's root, or NULL when outside it. */
static char *below_root(const struct changes *c, const char *file)
{
	char abs[PATH_MAX];
	size_t n = strlen(c->root);

	if (!realpath(file, abs))
		return NULL;
	while (n && c->root[n - 1] == '/')
		n--;
	if (strncmp(abs, c->root, n) || abs[n] != '/')
		return NULL;
	return xstrdup(abs + n + 1);
}

bool changes_touch(const struct changes *c, const json_t *f)
{
	const json_t *lines = json_object_get(f, "function_lines");
	unsigned line = (unsigned)json_integer_value(json_object_get(f, "line"));
	unsigned first = (unsigned)json_integer_value(json_array_get(lines, 0));
	unsigned last = (unsigned)json_integer_value(json_array_get(lines, 1));
	char *rel = below_root(c, json_string_value(json_object_get(f, "file")));
	bool touched = false;
	size_t i;

	if (!rel)
		return false;
	if (!first || last < first)
		first = last = line;
	for (i = 0; i < c->nhunks && !touched; i++)
		touched = !strcmp(c->hunks[i].path, rel) &&
			  c->hunks[i].first <= last && c->hunks[i].last >= first;
	free(rel);
	return touched;
}
