// SPDX-License-Identifier: GPL-2.0
/*
 * mine.c - resource pairs learnt from the code itself (ladder mine).
 *
 * Takes: each translation unit's inference (infer_evidence()): pairs
 * named alike and used together, and results of unknown calls handed to
 * a known release.  Gives: one rules file, in the rules/ format, of the
 * candidates seen in at least --min-support functions, each marked
 * "origin: mined" with its support and two places it was seen, so a
 * person can review it and promote it to curated rules.
 *
 * One function that frees what foo_get() returned says little; the same
 * in many functions of many drivers is how the kernel uses foo_get().
 */
#include "mine.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_EXAMPLES 2

struct candidate {
	struct mined m;			/* the first record; names interned */
	char *key;
	unsigned support;		/* functions */
	unsigned files;			/* translation units */
	const char *last_file;
	struct ir_loc examples[MAX_EXAMPLES];
	const char *example_fns[MAX_EXAMPLES];
	unsigned nexamples;
};

struct miner {
	struct strtab *strings;
	struct candidate *cands;
	unsigned n, cap;
	const char *file;		/* the unit being added */
	unsigned nfiles;
};

struct miner *miner_new(void)
{
	struct miner *m = xcalloc(1, sizeof(*m));

	m->strings = strtab_new();
	return m;
}

void miner_free(struct miner *m)
{
	unsigned i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++)
		free(m->cands[i].key);
	free(m->cands);
	strtab_free(m->strings);
	free(m);
}

/* What makes two records the same candidate: names and handles. */
static char *candidate_key(const struct mined *e)
{
	return xasprintf("%s|%s|%d:%d|%d:%d", e->acquire,
			 e->known ? e->known->name : e->release,
			 e->handle.kind, e->handle.arg,
			 e->release_handle.kind, e->release_handle.arg);
}

static struct candidate *find_or_add(struct miner *m, const struct mined *e)
{
	char *key = candidate_key(e);
	struct candidate *c;
	unsigned i;

	for (i = 0; i < m->n; i++)
		if (!strcmp(m->cands[i].key, key)) {
			free(key);
			return &m->cands[i];
		}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->cands = xrealloc(m->cands, m->cap * sizeof(*m->cands));
	}
	c = &m->cands[m->n++];
	memset(c, 0, sizeof(*c));
	c->key = key;
	c->m = *e;
	c->m.acquire = strtab_intern(m->strings, e->acquire);
	c->m.release = strtab_intern(m->strings, e->release);
	c->m.function = NULL;
	return c;
}

static void add_record(void *ctx, const struct mined *e)
{
	struct miner *m = ctx;
	struct candidate *c = find_or_add(m, e);

	c->support++;
	if (c->last_file != m->file) {
		c->files++;
		c->last_file = m->file;
	}
	if (c->nexamples < MAX_EXAMPLES) {
		c->examples[c->nexamples] = e->loc;
		c->examples[c->nexamples].file = e->loc.file ?
			strtab_intern(m->strings, e->loc.file) : NULL;
		c->example_fns[c->nexamples++] = strtab_intern(m->strings, e->function);
	}
}

void miner_add(struct miner *m, const char *file, const struct inference *inf)
{
	m->file = strtab_intern(m->strings, file);
	m->nfiles++;
	infer_evidence(inf, add_record, m);
}

static int by_support(const void *a, const void *b)
{
	const struct candidate *x = *(const struct candidate *const *)a;
	const struct candidate *y = *(const struct candidate *const *)b;

	if (x->support != y->support)
		return x->support < y->support ? 1 : -1;
	return strcmp(x->key, y->key);
}

static void write_handle(FILE *out, struct handle_spec h)
{
	switch (h.kind) {
	case HANDLE_RETURN:
		fputs("return", out);
		break;
	case HANDLE_ARG:
		fprintf(out, "arg%d", h.arg);
		break;
	case HANDLE_ARG_OUT:
		fprintf(out, "*arg%d", h.arg);
		break;
	default:
		fputs("none", out);
	}
}

/* The releases of a mined acquire of a known pair: all of the pair's own. */
static void write_known_releases(FILE *out, const struct rules *rules,
				 const struct pair *pair)
{
	const struct rule_fn *const *fns;
	const char *sep = "";
	unsigned n, i;

	fns = rules_functions(rules, &n);
	fputs("    release: [", out);
	for (i = 0; i < n; i++) {
		if (fns[i]->role != ROLE_RELEASE || fns[i]->pair != pair ||
		    fns[i]->implicit || fns[i]->handle.kind != HANDLE_ARG)
			continue;
		fprintf(out, "%s{name: %s, handle: ", sep, fns[i]->name);
		write_handle(out, fns[i]->handle);
		fputs("}", out);
		sep = ", ";
	}
	fputs("]\n", out);
}

static void write_candidate(FILE *out, const struct rules *rules,
			    const struct candidate *c)
{
	unsigned i;

	fprintf(out, "\n  - name: mined-%s-%s\n", c->m.acquire,
		c->m.known ? c->m.known->name : c->m.release);
	fprintf(out, "    description: \"mined: %s() undone by %s() in %u "
		"functions of %u files\"\n", c->m.acquire, c->m.release,
		c->support, c->files);
	for (i = 0; i < c->nexamples; i++)
		fprintf(out, "    # seen in %s() at %s:%u\n", c->example_fns[i],
			c->examples[i].file ? c->examples[i].file : "?",
			c->examples[i].line);
	fprintf(out, "    origin: mined\n    support: %u\n", c->support);
	fprintf(out, "    acquire: [{name: %s, success: %s%s%s}]\n", c->m.acquire,
		success_name(c->m.success), c->m.known ? ", remedy: " : "",
		c->m.known ? c->m.release : "");
	fputs("    handle: ", out);
	write_handle(out, c->m.handle);
	fputs("\n", out);
	if (c->m.known) {
		write_known_releases(out, rules, c->m.known);
		return;
	}
	fprintf(out, "    release: [%s]\n    release-handle: ", c->m.release);
	write_handle(out, c->m.release_handle);
	fputs("\n", out);
}


/*
 * One pair per acquire, the best supported: a call has one convention,
 * and an acquire seen with two undoes is read the way most code reads it.
 */
static unsigned best_per_acquire(const struct candidate **sorted, unsigned n)
{
	unsigned i, k, kept = 0;

	for (i = 0; i < n; i++) {
		for (k = 0; k < kept; k++)
			if (sorted[k]->m.acquire == sorted[i]->m.acquire)
				break;
		if (k == kept)
			sorted[kept++] = sorted[i];
	}
	return kept;
}

/* The candidates kept, best supported first; caller frees. */
static const struct candidate **kept_candidates(const struct miner *m,
						unsigned min_support, unsigned *n)
{
	const struct candidate **sorted = xcalloc(m->n + 1, sizeof(*sorted));
	unsigned i, kept = 0;

	for (i = 0; i < m->n; i++)
		if (m->cands[i].support >= min_support && m->cands[i].files >= 2)
			sorted[kept++] = &m->cands[i];
	qsort(sorted, kept, sizeof(*sorted), by_support);
	*n = best_per_acquire(sorted, kept);
	return sorted;
}

unsigned miner_review(const struct miner *m, FILE *out, unsigned min_support)
{
	unsigned n, i, k;
	const struct candidate **sorted = kept_candidates(m, min_support, &n);

	for (i = 0; i < n; i++) {
		const struct candidate *c = sorted[i];

		fprintf(out, "%4u functions, %3u files: %s() undone by %s()\n",
			c->support, c->files, c->m.acquire, c->m.release);
		for (k = 0; k < c->nexamples; k++)
			fprintf(out, "        %s:%u in %s()\n",
				c->examples[k].file ? c->examples[k].file : "?",
				c->examples[k].line, c->example_fns[k]);
	}
	free(sorted);
	return n;
}

unsigned miner_write(const struct miner *m, const struct rules *rules,
		     FILE *out, unsigned min_support)
{
	unsigned i, kept;
	const struct candidate **sorted = kept_candidates(m, min_support, &kept);

	fprintf(out, "# Resource pairs mined by 'ladder mine' from %u files: "
		"each seen in at least\n# %u functions of at least 2 files.  "
		"Review before promoting to rules/.\n", m->nfiles, min_support);
	fputs(kept ? "pairs:\n" : "pairs: []\n", out);
	for (i = 0; i < kept; i++)
		write_candidate(out, rules, sorted[i]);
	free(sorted);
	return kept;
}
