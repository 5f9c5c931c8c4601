// SPDX-License-Identifier: GPL-2.0
/*
 * ladder cocci: turn the rules into Coccinelle semantic patches.
 *
 * Each rules file is a resource family and becomes one script in the
 * kernel's "make coccicheck" conventions: report, context and org modes
 * find what is wrong, patch mode writes the fix.  The scripts know less
 * than the analyser (no values, no summaries, no inter-rule ownership),
 * so they report only what a pattern can show with confidence:
 *
 *   leak    an acquire whose failure is tested, then an error exit that
 *           does not release it, in a function that releases it on a
 *           later path (the kernel's iounmap.cocci pattern, one rule per
 *           pair and handle shape);
 *   pinned  memory freed while an acquire that pins it (a firmware or
 *           DMA mapping) has not been undone.
 *
 * Patch mode fixes a leaking "return" inside the error branch by adding
 * a copy of the release the function already writes, and a pinned free
 * reached by falling into an unwind label by releasing the pin just
 * above that label, which is where a maintainer would put it.
 */
#include "cocci.h"
#include "rules.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The acquires of one pair that share a pattern shape. */
struct shape {
	const struct pair *pair;
	enum handle_kind handle;
	int arg;
	enum success_kind success;
	bool tested;			/* failure is reported, and tested */
	unsigned pins;			/* only for the pinned rule */
	struct ptrvec acquires;		/* const struct rule_fn * */
	char id[96];			/* rule name stem */
};

/* What one script is made from. */
struct family {
	const struct rules *rules;
	const char *file;		/* rules file */
	struct ptrvec shapes;		/* struct shape * */
	struct ptrvec frees;		/* releases that free memory */
	struct ptrvec passes;		/* transparent calls, argument 0 */
	struct ptrvec takers;		/* calls that take over an argument */
};

static const char *basename_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* "memory.yaml" -> "memory" */
static char *family_stem(const char *file)
{
	const char *base = basename_of(file);
	const char *dot = strrchr(base, '.');
	size_t n = dot ? (size_t)(dot - base) : strlen(base);
	char *stem = xmalloc(n + 1);

	memcpy(stem, base, n);
	stem[n] = '\0';
	return stem;
}

/* Pair names use '-'; SmPL rule names are C identifiers. */
static void make_id(char *out, size_t size, const char *prefix,
		    const char *name, unsigned n)
{
	size_t i;

	snprintf(out, size, "%s_%s_%u", prefix, name, n);
	for (i = 0; out[i]; i++)
		if (!((out[i] >= 'a' && out[i] <= 'z') ||
		      (out[i] >= 'A' && out[i] <= 'Z') ||
		      (out[i] >= '0' && out[i] <= '9')))
			out[i] = '_';
}

/* ---- collecting the family ---- */

static bool same_shape(const struct shape *s, const struct rule_fn *fn)
{
	return s->pair == fn->pair && s->handle == fn->handle.kind &&
	       s->arg == fn->handle.arg && s->pins == fn->pins &&
	       s->success == fn->success;
}

static void add_acquire(struct family *f, const struct rule_fn *fn)
{
	struct shape *s;
	size_t i;

	/*
	 * args.np after of_parse_phandle_with_args(..., &args): the patterns
	 * here follow one expression, not a member of another; ladder alone
	 * follows these.
	 */
	if (fn->handle.kind == HANDLE_ARG_MEMBER)
		return;

	for (i = 0; i < f->shapes.len; i++) {
		s = f->shapes.items[i];
		if (same_shape(s, fn)) {
			ptrvec_push(&s->acquires, (void *)fn);
			return;
		}
	}
	s = xcalloc(1, sizeof(*s));
	s->pair = fn->pair;
	s->handle = fn->handle.kind;
	s->arg = fn->handle.arg;
	s->pins = fn->pins;
	s->success = fn->success;
	s->tested = fn->success != SUCCESS_ALWAYS;
	make_id(s->id, sizeof(s->id), "r", fn->pair->name,
		(unsigned)f->shapes.len);
	ptrvec_push(&s->acquires, (void *)fn);
	ptrvec_push(&f->shapes, s);
}

/*
 * Releases that take back what an acquire returned: kfree(),
 * free_pages_exact(), dma_free_coherent() (and iounmap() or clk_put(),
 * which pinned memory never meets).  A pin forbids them on the pinned
 * memory.  Collected over all rules files: a firmware mapping pins
 * memory of the memory family.
 */
static bool frees_memory(const struct rule_fn *fn)
{
	return fn->role == ROLE_RELEASE && !fn->implicit &&
	       fn->handle.kind == HANDLE_ARG;
}

static bool pair_returns_handle(const struct rules *r, const struct pair *p)
{
	const struct rule_fn *const *all;
	unsigned i, n;

	all = rules_functions(r, &n);
	for (i = 0; i < n; i++)
		if (all[i]->pair == p && all[i]->role == ROLE_ACQUIRE)
			return all[i]->handle.kind == HANDLE_RETURN;
	return false;
}

/* Is @name among the first @n functions of @fns?  Names are interned. */
static bool has_name(const struct ptrvec *fns, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n && i < fns->len; i++)
		if (((const struct rule_fn *)fns->items[i])->name == name)
			return true;
	return false;
}

static bool pair_pins(const struct rules *r, const struct pair *p)
{
	const struct rule_fn *const *all;
	unsigned i, n;

	all = rules_functions(r, &n);
	for (i = 0; i < n; i++)
		if (all[i]->pair == p && all[i]->pins)
			return true;
	return false;
}

static void collect(struct family *f)
{
	const struct rule_fn *const *all;
	unsigned i, n;

	all = rules_functions(f->rules, &n);
	for (i = 0; i < n; i++) {
		const struct rule_fn *fn = all[i];

		if (fn->role == ROLE_TRANSPARENT && fn->arg == 0)
			ptrvec_push(&f->passes, (void *)fn);
		if (fn->takes && !has_name(&f->takers, f->takers.len, fn->name))
			ptrvec_push(&f->takers, (void *)fn);
		if (frees_memory(fn) && pair_returns_handle(f->rules, fn->pair) &&
		    !pair_pins(f->rules, fn->pair))
			ptrvec_push(&f->frees, (void *)fn);
		if (fn->role == ROLE_ACQUIRE && fn->pair->file == f->file)
			add_acquire(f, fn);
	}
}

/* ---- pattern pieces ---- */

/* The most argument positions any pattern spells out: X0, X1, ... */
#define MAX_PREFIX 8

/* "X0, X1, " before argument @arg. */
static void put_prefix(FILE *out, int arg)
{
	int i;

	for (i = 0; i < arg && i < MAX_PREFIX; i++)
		fprintf(out, "X%d, ", i);
}

/* "{a, b, c}", each name once (kfree releases several pairs) */
static void put_names(FILE *out, const struct ptrvec *fns)
{
	size_t i;
	int n = 0;

	fputc('{', out);
	for (i = 0; i < fns->len; i++)
		if (!has_name(fns, i, ((const struct rule_fn *)fns->items[i])->name))
			fprintf(out, "%s%s", n++ ? ", " : "",
				((const struct rule_fn *)fns->items[i])->name);
	fputc('}', out);
}

static void releases_of(const struct rules *r, const struct pair *p,
			bool with_implicit, struct ptrvec *out)
{
	const struct rule_fn *const *all;
	unsigned i, n;

	all = rules_functions(r, &n);
	for (i = 0; i < n; i++)
		if (all[i]->pair == p && all[i]->role == ROLE_RELEASE &&
		    (with_implicit || !all[i]->implicit))
			ptrvec_push(out, (void *)all[i]);
}

/*
 * A disjunction of every call releasing the pair, with the handle @e
 * anywhere in the arguments when the pair has one:
 *   \(kfree(..., e, ...)\|kvfree(..., e, ...)\)
 * Loose on purpose: it is what an exit must not contain.
 */
static void put_any_release(FILE *out, const struct ptrvec *rels, bool handle)
{
	size_t i;

	fputs(rels->len > 1 ? "\\(" : "", out);
	for (i = 0; i < rels->len; i++) {
		const struct rule_fn *fn = rels->items[i];

		fprintf(out, "%s%s(%s)", i ? "\\|" : "", fn->name,
			handle && fn->handle.kind != HANDLE_NONE ?
			"..., e, ..." : "...");
	}
	fputs(rels->len > 1 ? "\\)" : "", out);
}

/* The arguments of an acquire: where the handle goes. */
static void put_acquire_args(FILE *out, const struct shape *s)
{
	switch (s->handle) {
	case HANDLE_ARG:
		put_prefix(out, s->arg);
		fputs("e, ...", out);
		break;
	case HANDLE_ARG_OUT:
		put_prefix(out, s->arg);
		fputs("&e, ...", out);
		break;
	default:
		fputs("...", out);
	}
}

/*
 * How code tests an acquire's result for failure, by success kind; %1$s
 * is the result.  Spelled out: "if (<+...e...+>)" would take any test
 * that mentions the result, such as a retry on one errno, for the
 * failure test.
 */
static const char *const failure_tests[] = {
	[SUCCESS_NONNULL] = "!%1$s\\|%1$s == NULL\\|unlikely(!%1$s)\\|IS_ERR_OR_NULL(%1$s)",
	[SUCCESS_ERRPTR] = "IS_ERR(%1$s)\\|unlikely(IS_ERR(%1$s))\\|IS_ERR_OR_NULL(%1$s)",
	[SUCCESS_ERRPTR_OR_NULL] = "IS_ERR_OR_NULL(%1$s)\\|!%1$s\\|IS_ERR(%1$s)",
	[SUCCESS_ZERO] = "%1$s\\|%1$s < 0\\|%1$s != 0\\|unlikely(%1$s)\\|unlikely(%1$s < 0)\\|WARN_ON(%1$s)",
	[SUCCESS_NONNEG] = "%1$s < 0\\|unlikely(%1$s < 0)\\|WARN_ON(%1$s < 0)",
	[SUCCESS_POSITIVE] = "%1$s <= 0\\|%1$s < 1\\|!%1$s\\|unlikely(%1$s <= 0)",
	[SUCCESS_ALWAYS] = "%1$s",
};

/* "if (\(!e\|e == NULL\)) S" for the shape's success kind */
static void put_failure_test(FILE *out, const struct shape *s,
			     const char *result)
{
	fputs("if (\\(", out);
	fprintf(out, failure_tests[s->success], result);
	fputs("\\)) S\n", out);
}

/* "acq@p1(X0, e, ...)" as a string, to test in place: if (acq(...) < 0) */
static char *acquire_call(const struct shape *s, const char *pos)
{
	char prefix[8 * MAX_PREFIX] = "";
	const char *handle = "";
	int i;

	if (s->handle == HANDLE_ARG || s->handle == HANDLE_ARG_OUT) {
		for (i = 0; i < s->arg && i < MAX_PREFIX; i++)
			snprintf(prefix + strlen(prefix),
				 sizeof(prefix) - strlen(prefix), "X%d, ", i);
		handle = s->handle == HANDLE_ARG ? "e, " : "&e, ";
	}
	return xasprintf("acq%s(%s%s...)", pos, prefix, handle);
}

/*
 * The acquire and, unless it cannot fail, its failure test.  Paths go
 * on after the test only where it fell through: past the failure
 * branch, which owes nothing.
 */
static void put_acquire(FILE *out, const struct shape *s,
			const struct ptrvec *rels, const char *pos)
{
	bool handle = s->handle != HANDLE_NONE;
	char *call;

	if (s->handle == HANDLE_RETURN) {
		fprintf(out, "e = acq%s(...)\n", pos);
		if (s->tested) {
			fputs("... when != ", out);
			put_any_release(out, rels, handle);
			fputc('\n', out);
			put_failure_test(out, s, "e");
		}
		return;
	}
	if (!s->tested) {
		fprintf(out, "acq%s(", pos);
		put_acquire_args(out, s);
		fputs(")\n", out);
		return;
	}
	fprintf(out, "(\nR = acq%s(", pos);
	put_acquire_args(out, s);
	fputs(");\n... when != ", out);
	put_any_release(out, rels, handle);
	fputc('\n', out);
	put_failure_test(out, s, "R");
	fputs("|\n", out);
	call = acquire_call(s, pos);
	put_failure_test(out, s, call);
	free(call);
	fputs(")\n", out);
}

/* A call that takes over @e: the rules' takes-ownership, krealloc. */
static void put_any_taker(FILE *out, const struct ptrvec *takers)
{
	size_t i;

	fputs(takers->len > 1 ? "\\(" : "", out);
	for (i = 0; i < takers->len; i++)
		fprintf(out, "%s%s(..., e, ...)", i ? "\\|" : "",
			((const struct rule_fn *)takers->items[i])->name);
	fputs(takers->len > 1 ? "\\)" : "", out);
}

/*
 * From the acquire's success to an error exit that skips the release:
 * not past a release, a reassignment, a store of the handle, or a call
 * that takes it over.
 */
static void put_to_exit(FILE *out, const struct family *f,
			const struct shape *s, const struct ptrvec *rels,
			const char *mark, const char *pos2, const char *pos3)
{
	bool handle = s->handle != HANDLE_NONE;

	fputs("... when any\n    when != ", out);
	put_any_release(out, rels, handle);
	if (handle)
		fputs("\n    when != e = E\n    when != E2 = e", out);
	if (handle && f->takers.len) {
		fputs("\n    when != ", out);
		put_any_taker(out, &f->takers);
	}
	fputs("\n    when != if (...) { ... ", out);
	put_any_release(out, rels, handle);
	fputs("; ... }\n(\nif (...) { ... return 0; }\n|\n"
	      "if (\\(!E4\\|E4 == 0\\)) { ... return E4; }\n", out);
	if (handle)
		fputs("|\nif (...) { ... return <+...e...+>; }\n", out);
	fprintf(out, "|\n%sif%s (...)\n   { ... when != ", mark, pos2);
	put_any_release(out, rels, handle);
	fprintf(out, "\n         when forall\n     return%s ...; }\n)\n"
		"... when any\n", pos3);
}

/* The release the function writes later: bound, to be copied. */
static void put_anchor(FILE *out, const struct rule_fn *rel)
{
	if (rel->handle.kind == HANDLE_NONE) {
		fputs("rel(es);\n", out);
		return;
	}
	fputs("rel(", out);
	put_prefix(out, rel->handle.arg);
	fputs("e, es);\n", out);
}

/* Argument positions spelled out before the handle: X0 .. X(n-1). */
static int prefix_len(const struct shape *s, const struct rule_fn *anchor,
		      bool patch)
{
	int n = 0;

	if (s->handle == HANDLE_ARG || s->handle == HANDLE_ARG_OUT)
		n = s->arg;
	if (patch && anchor->handle.kind == HANDLE_ARG && anchor->handle.arg > n)
		n = anchor->handle.arg;
	return n < MAX_PREFIX ? n : MAX_PREFIX;
}

static void put_prefix_decl(FILE *out, const char *from, int n)
{
	int i;

	for (i = 0; i < n; i++)
		fprintf(out, "%s%s%sX%d", i ? ", " : "expression ",
			from ? from : "", from ? "." : "", i);
	if (n)
		fputs(";\n", out);
}

/* Declare exactly what the rule uses: spatch warns about the rest. */
static void put_metavars(FILE *out, const struct shape *s,
			 const struct ptrvec *anchors, bool patch)
{
	bool handle = s->handle != HANDLE_NONE;

	fputs("identifier acq = ", out);
	put_names(out, &s->acquires);
	fputs(";\nidentifier rel = ", out);
	put_names(out, anchors);
	fputs(";\n", out);
	if (handle)
		fputs("expression e, E, E2;\n", out);
	if (s->tested && s->handle != HANDLE_RETURN)
		fputs("expression R;\n", out);
	if (patch)
		fputs("expression list es;\n", out);
	put_prefix_decl(out, NULL, prefix_len(s, anchors->items[0], patch));
	if (s->tested)
		fputs("statement S;\n", out);
	fputs("expression E4;\n", out);
}

/* Releases written like the pair's first: those a patch may copy. */
static void anchors_of(const struct ptrvec *rels, struct ptrvec *out)
{
	const struct rule_fn *first = rels->len ? rels->items[0] : NULL;
	size_t i;

	for (i = 0; i < rels->len; i++) {
		const struct rule_fn *fn = rels->items[i];

		if (fn->handle.kind == first->handle.kind &&
		    fn->handle.arg == first->handle.arg)
			ptrvec_push(out, (void *)fn);
	}
}

/* ---- the leak rules ---- */

static void put_leak_report(FILE *out, const struct family *f,
			    const struct shape *s,
			    const struct ptrvec *rels,
			    const struct ptrvec *anchors)
{
	fprintf(out, "@%s depends on !patch && (context || org || report) exists@\n",
		s->id);
	put_metavars(out, s, anchors, false);
	fputs("position p1, p2;\n@@\n\n", out);
	put_acquire(out, s, rels, "@p1");
	put_to_exit(out, f, s, rels, "*", "@p2", "");
	fprintf(out, "rel(...%s);\n\n", s->handle != HANDLE_NONE ? ", e, ..." : "");

	fprintf(out, "@script:python depends on org@\np1 << %s.p1;\n"
		"p2 << %s.p2;\nacq << %s.acq;\nrel << %s.rel;\n@@\n"
		"ladder_org(p1, p2, acq, rel)\n\n", s->id, s->id, s->id, s->id);
	fprintf(out, "@script:python depends on report@\np1 << %s.p1;\n"
		"p2 << %s.p2;\nacq << %s.acq;\nrel << %s.rel;\n@@\n"
		"ladder_leak(p1, p2, acq, rel)\n\n", s->id, s->id, s->id, s->id);
}

/*
 * Patch mode, in three steps: find the leaking exit and the release to
 * copy; keep it only when the return is inside the failing branch (a
 * goto leaves it: the fix there is another label, left to the report);
 * add the release before that return.
 */
static void put_leak_patch(FILE *out, const struct family *f,
			   const struct shape *s,
			   const struct ptrvec *rels,
			   const struct ptrvec *anchors)
{
	const struct rule_fn *anchor = anchors->items[0];
	char fix[sizeof(s->id) + 4];

	snprintf(fix, sizeof(fix), "%s_fix", s->id);
	fprintf(out, "@%s depends on patch exists@\n", fix);
	put_metavars(out, s, anchors, true);
	fputs("position p2, p3;\n@@\n\n", out);
	put_acquire(out, s, rels, "");
	put_to_exit(out, f, s, rels, "", "@p2", "@p3");
	put_anchor(out, anchor);

	fprintf(out, "\n@%s_branch depends on patch@\nposition %s_fix.p2, ps;\n"
		"statement S;\n@@\nif@p2 (...) S@ps\n\n", s->id, s->id);
	fprintf(out, "@script:python %s_here depends on patch@\n"
		"p3 << %s_fix.p3;\nps << %s_branch.ps;\npr;\n@@\n"
		"pos = ladder_inside(p3, ps)\nif pos is None:\n"
		"    cocci.include_match(False)\nelse:\n"
		"    coccinelle.pr = pos\n\n", s->id, s->id, s->id);
	fprintf(out, "@depends on patch@\nidentifier %s_fix.rel;\n"
		"expression list %s_fix.es;\n", s->id, s->id);
	if (anchor->handle.kind != HANDLE_NONE)
		fprintf(out, "expression %s_fix.e;\n", s->id);
	put_prefix_decl(out, fix, anchor->handle.kind == HANDLE_ARG ?
			anchor->handle.arg : 0);
	fprintf(out, "position %s_here.pr;\n@@\n\n+ ", s->id);
	put_anchor(out, anchor);
	fputs("  return@pr ...;\n\n", out);
}

/* ---- the pinned rules ---- */

/* \(m\|virt_to_phys(m)\|__pa(m)\): memory as a mapping call sees it. */
static void put_passed(FILE *out, const struct ptrvec *passes)
{
	size_t i;

	fputs("\\(m", out);
	for (i = 0; i < passes->len; i++) {
		const struct rule_fn *fn = passes->items[i];

		fprintf(out, "\\|%s(m)", fn->name);
	}
	fputs("\\)", out);
}

static int highest_bit(unsigned mask)
{
	int n = -1;

	for (; mask; mask >>= 1)
		n++;
	return n;
}

/* acq@p1(X0, \(m\|virt_to_phys(m)\), ...), one branch per pinned argument */
static void put_pinning_call(FILE *out, const struct shape *s,
			     const struct family *f, const char *pos)
{
	int arg, n = 0;

	fputs("(\n", out);
	for (arg = 0; arg <= highest_bit(s->pins); arg++) {
		if (!(s->pins & (1u << arg)) || arg >= MAX_PREFIX)
			continue;
		fprintf(out, "%s%sacq%s(", n++ ? "|\n" : "",
			s->tested ? "R = " : "", pos);
		put_prefix(out, arg);
		put_passed(out, &f->passes);
		fputs(", ...)\n", out);
	}
	fputs(")\n", out);
}

/* The pinning acquire, then past its failure test when it has one. */
static void put_pin_acquire(FILE *out, const struct shape *s,
			    const struct family *f, const struct ptrvec *rels,
			    const char *pos)
{
	put_pinning_call(out, s, f, pos);
	if (s->tested) {
		fputs("... when != ", out);
		put_any_release(out, rels, false);
		fputc('\n', out);
		put_failure_test(out, s, "R");
	}
}

/* From the pin to a free of the memory, the pin not undone. */
static void put_pin_path(FILE *out, const struct ptrvec *rels, bool any)
{
	fputs("... when != ", out);
	put_any_release(out, rels, false);
	fputs("\n    when != m = E\n", out);
	if (any)
		fputs("    when any\n", out);
}

static void put_pin_metavars(FILE *out, const struct shape *s,
			     const struct family *f)
{
	fputs("identifier acq = ", out);
	put_names(out, &s->acquires);
	fputs(";\nidentifier fr = ", out);
	put_names(out, &f->frees);
	fputs(";\nexpression m, E;\n", out);
	if (s->tested)
		fputs("expression R;\nstatement S;\n", out);
	put_prefix_decl(out, NULL, highest_bit(s->pins));
}

/* A free of @m by any memory release, where it takes memory. */
static void put_free(FILE *out, const char *pos)
{
	fprintf(out, "fr%s(..., m, ...);\n", pos);
}

static void put_pin_report(FILE *out, const struct shape *s,
			   const struct family *f, const struct ptrvec *rels,
			   const struct ptrvec *anchors)
{
	fprintf(out, "@%s_pin depends on !patch && (context || org || report) exists@\n",
		s->id);
	put_pin_metavars(out, s, f);
	fputs("position p1, p2;\n@@\n\n", out);
	put_pin_acquire(out, s, f, rels, "@p1");
	put_pin_path(out, rels, false);
	fputc('*', out);
	put_free(out, "@p2");
	fprintf(out, "\n@script:python depends on org@\np1 << %s_pin.p1;\n"
		"p2 << %s_pin.p2;\nacq << %s_pin.acq;\nfr << %s_pin.fr;\n@@\n"
		"ladder_org(p1, p2, acq, fr)\n\n", s->id, s->id, s->id, s->id);
	fprintf(out, "@script:python depends on report@\np1 << %s_pin.p1;\n"
		"p2 << %s_pin.p2;\nacq << %s_pin.acq;\nfr << %s_pin.fr;\n"
		"@@\nladder_pinned(p1, p2, acq, fr, \"%s\")\n\n", s->id, s->id,
		s->id, s->id, ((const struct rule_fn *)anchors->items[0])->name);
}

/*
 * Patch mode: the path from the pinning acquire falls into an unwind
 * label whose rung frees the memory.  Undo the pin just above the label,
 * as the last step of the path that owes it: paths that jump to the
 * label never made the pin.  The release is copied from a call the file
 * already makes, so only pairs without a handle qualify.
 */
static void put_pin_patch(FILE *out, const struct shape *s,
			  const struct family *f, const struct ptrvec *rels,
			  const struct ptrvec *anchors)
{
	fprintf(out, "@%s_call depends on patch@\nidentifier rel = ", s->id);
	put_names(out, anchors);
	fputs(";\nexpression list es;\n@@\nrel(es)\n\n", out);

	fprintf(out, "@%s_unpin depends on patch exists@\n", s->id);
	put_pin_metavars(out, s, f);
	fprintf(out, "identifier %s_call.rel;\nexpression list %s_call.es;\n"
		"expression E3;\nidentifier L;\n@@\n\n", s->id, s->id);
	put_pin_acquire(out, s, f, rels, "");
	put_pin_path(out, rels, true);
	fputs("(\n", out);
	put_any_release(out, rels, false);
	fputs(";\n|\nE3;\n+ rel(es);\n)\nL:\n", out);
	put_pin_path(out, rels, false);
	put_free(out, "");
	fputc('\n', out);
}

/* ---- one script per rules file ---- */

static const char python_helpers[] =
	"@initialize:python@\n@@\n"
	"ladder_seen = set()\n\n"
	"def ladder_once(p, check, msg):\n"
	"    key = (p[0].file, p[0].line, p[0].column, check)\n"
	"    if key not in ladder_seen:\n"
	"        ladder_seen.add(key)\n"
	"        coccilib.report.print_report(p[0], msg)\n\n"
	"def ladder_leak(p1, p2, acq, rel):\n"
	"    ladder_once(p2, \"leak\",\n"
	"                \"ERROR: %s() on line %s is not undone on this \"\n"
	"                \"error exit; %s() is missing [ladder-leak]\"\n"
	"                % (acq, p1[0].line, rel))\n\n"
	"def ladder_pinned(p1, p2, acq, fr, rel):\n"
	"    ladder_once(p2, \"pinned-release\",\n"
	"                \"ERROR: %s() frees memory that %s() on line %s \"\n"
	"                \"still pins; %s() must come first \"\n"
	"                \"[ladder-pinned-release]\" % (fr, acq, p1[0].line, rel))\n\n"
	"def ladder_org(p1, p2, acq, rel):\n"
	"    key = (p2[0].file, p2[0].line, p2[0].column, \"org\")\n"
	"    if key not in ladder_seen:\n"
	"        ladder_seen.add(key)\n"
	"        cocci.print_main(acq, p1)\n"
	"        cocci.print_secs(rel, p2)\n\n"
	"def ladder_inside(p, branch):\n"
	"    r = p[0]\n"
	"    if int(branch[0].line) <= int(r.line) <= int(branch[0].line_end):\n"
	"        return cocci.make_position(r.file, r.current_element,\n"
	"                                   int(r.line), int(r.column),\n"
	"                                   int(r.line_end), int(r.column_end))\n"
	"    return None\n\n";

static void put_header(FILE *out, const struct family *f, const char *stem)
{
	fprintf(out,
		"// SPDX-License-Identifier: GPL-2.0\n"
		"/// Find error exits that leave a %s resource acquired, and memory\n"
		"/// freed while a mapping still pins it.\n"
		"///\n"
		"//# Generated by 'ladder cocci' from rules/%s: edit the rules, not\n"
		"//# this file.  An error exit is reported only when the function\n"
		"//# releases the resource on a later path; ladder itself, which\n"
		"//# follows values, finds more.  False positives can come from\n"
		"//# ownership handed over in ways a pattern cannot see.\n"
		"//\n"
		"// Confidence: Moderate\n"
		"// URL: https://github.com/ladder-checker/ladder\n"
		"// Options: --no-includes --include-headers\n\n"
		"virtual patch\nvirtual context\nvirtual org\nvirtual report\n\n",
		stem, basename_of(f->file));
	fputs(python_helpers, out);
}

static void put_shape(FILE *out, const struct family *f, const struct shape *s)
{
	struct ptrvec rels = { 0 }, anchors = { 0 };

	releases_of(f->rules, s->pair, true, &rels);
	releases_of(f->rules, s->pair, false, &anchors);
	if (anchors.len) {
		struct ptrvec same = { 0 };

		anchors_of(&anchors, &same);
		fprintf(out, "// %s: %s\n\n", s->pair->name,
			s->pair->description ? s->pair->description : "");
		if (s->pair->managed) {
			/* devm: never owed; nothing for a leak rule to find. */
		} else if (!s->pins) {
			put_leak_report(out, f, s, &rels, &same);
			put_leak_patch(out, f, s, &rels, &same);
		} else if (f->frees.len) {
			put_pin_report(out, s, f, &rels, &same);
			if (((const struct rule_fn *)same.items[0])->handle.kind ==
			    HANDLE_NONE)
				put_pin_patch(out, s, f, &rels, &same);
		}
		ptrvec_free(&same);
	}
	ptrvec_free(&rels);
	ptrvec_free(&anchors);
}

static void family_free(struct family *f)
{
	size_t i;

	for (i = 0; i < f->shapes.len; i++) {
		struct shape *s = f->shapes.items[i];

		ptrvec_free(&s->acquires);
		free(s);
	}
	ptrvec_free(&f->shapes);
	ptrvec_free(&f->frees);
	ptrvec_free(&f->passes);
	ptrvec_free(&f->takers);
}

/* Write @dir/<stem>.cocci for the rules file @file; false on I/O error. */
static bool write_family(const struct rules *r, const char *file,
			 const char *dir, char **err)
{
	struct family f = { .rules = r, .file = file };
	char *stem = family_stem(file);
	char *path = xasprintf("%s/%s.cocci", dir, stem);
	char *tmp = xasprintf("%s.tmp", path);
	FILE *out;
	size_t i;
	bool ok;

	collect(&f);
	out = fopen(tmp, "w");
	if (out) {
		put_header(out, &f, stem);
		for (i = 0; i < f.shapes.len; i++)
			put_shape(out, &f, f.shapes.items[i]);
	}
	ok = out && !ferror(out);
	if (out && fclose(out))
		ok = false;
	if (ok && rename(tmp, path))
		ok = false;
	if (!ok) {
		*err = xasprintf("cannot write '%s': %s", path, strerror(errno));
		remove(tmp);
	}
	family_free(&f);
	free(stem);
	free(path);
	free(tmp);
	return ok;
}

/*
 * Rules files that define a pair a script can check, each once, in load
 * order.  A file of managed pairs only (rules/managed.yaml) has none: a
 * managed resource is never owed, and spatch refuses a script with no
 * rules in it.
 */
static void families(const struct rules *r, struct ptrvec *files)
{
	unsigned i;

	for (i = 0; i < rules_pair_count(r); i++) {
		const struct pair *pair = rules_pair_at(r, i);

		if (!pair->managed &&
		    (!files->len || files->items[files->len - 1] != pair->file))
			ptrvec_push(files, (void *)pair->file);
	}
}

int cocci_generate(const struct rules *r, const char *dir, char **err)
{
	struct ptrvec files = { 0 };
	size_t i;
	bool ok = true;

	*err = NULL;
	families(r, &files);
	for (i = 0; ok && i < files.len; i++)
		ok = write_family(r, files.items[i], dir, err);
	ptrvec_free(&files);
	return ok ? (int)i : -1;
}
