// SPDX-License-Identifier: GPL-2.0
/*
 * notes.c - the path a finding took, as notes a person can follow.
 *
 * While a path is explored it records a trace of steps (calls, branches,
 * loops entered and left).  When a check emits a finding, this chooses
 * the steps worth a note: the acquire, the branches that decide the path,
 * labels entered, loop passes, and spells each one ("'ret' (from
 * ffa_rxtx_map()) is not -22", "entering the loop for the 2nd time").
 */
#include "engine/internal.h"

static struct trace *trace_add(struct path *p, struct ir_loc loc,
			       const char *text, enum trace_kind kind)
{
	struct trace *t = arena_alloc(p->an->arena, sizeof(*t));

	t->prev = p->st->trace;
	t->seq = p->st->trace ? p->st->trace->seq + 1 : 1;
	t->kind = kind;
	t->label = false;
	t->loop = 0;
	t->assumed = NULL;
	t->truth = false;
	t->loc = loc;
	t->text = text ? arena_strdup(p->an->arena, text) : NULL;
	p->st->trace = t;
	return t;
}

void trace_step(struct path *p, struct ir_loc loc, const char *text)
{
	trace_add(p, loc, text, TRACE_STEP);
}

static struct trace *trace_branch(struct path *p, const struct block *blk,
				  const char *text)
{
	return trace_add(p, blk->where, text,
			 blk->in_macro ? TRACE_MACRO_BRANCH : TRACE_BRANCH);
}

/* The path enters, passes through or leaves loop @loop of the CFG. */
void trace_loop(struct path *p, enum trace_kind kind, unsigned loop)
{
	trace_add(p, p->an->cfg->loops[loop].loc, NULL, kind)->loop = loop;
}

static const char *describe_mask(unsigned mask, bool pointer)
{
	static const char *const pointers[8] = {
		[VAL_NEG] = "is an error pointer",
		[VAL_ZERO] = "is NULL",
		[VAL_POS] = "is a valid pointer",
		[VAL_NEG | VAL_ZERO] = "is NULL or an error pointer",
		[VAL_ZERO | VAL_POS] = "is not an error pointer",
		[VAL_NEG | VAL_POS] = "is not NULL",
	};
	static const char *const integers[8] = {
		[VAL_NEG] = "is negative",
		[VAL_ZERO] = "is 0",
		[VAL_POS] = "is positive",
		[VAL_NEG | VAL_ZERO] = "is 0 or negative",
		[VAL_ZERO | VAL_POS] = "is not negative",
		[VAL_NEG | VAL_POS] = "is non-zero",
	};

	return (pointer ? pointers : integers)[mask & 7];
}

/* A call as the source names it: kzalloc() rather than kzalloc_noprof(). */
const char *call_name(const struct analysis *an, const struct ir *call)
{
	const struct rule_fn *rule;

	if (!call || !call->name)
		return NULL;
	rule = rules_lookup(an->rules, call->name);
	return source_name(an, call, rule ? rule->name : call->name,
			   rule ? rule->pair : NULL);
}

/* The block the branch @blk goes to when its condition is @outcome. */
static const struct block *taken_block(const struct analysis *an,
				       const struct block *blk, int outcome)
{
	return an->cfg->blocks[blk->succ[outcome ? 0 : 1]];
}

/* Does the branch, taken this way, start a pass through a loop? */
bool enters_loop(const struct analysis *an, const struct block *blk,
		 int outcome)
{
	return taken_block(an, blk, outcome)->loop_pass != 0;
}

/* Note the value a branch found; false if there is none to name. */
bool branch_note(struct path *p, const struct block *blk,
		 const struct test *t, int outcome)
{
	const struct sym *s = state_sym(p->st, t->sym);
	const char *what, *origin;
	char text[256], value[64];

	if (t->kind != TEST_SYM || !s || !t->subject)
		return false;
	if (s->has_const && t->exact[outcome] && !(s->c == 0 && t->pointer)) {
		snprintf(value, sizeof(value), "is %lld", s->c);
		what = value;
	} else if ((what = describe_mask(t->mask[outcome], t->pointer))) {
		/* "is non-zero", "is NULL" */
	} else if (t->differs[outcome] && !t->pointer) {
		snprintf(value, sizeof(value), "is not %lld", t->c);
		what = value;
	} else {
		return false;
	}
	origin = call_name(p->an, s->origin);
	if (t->is_call)
		snprintf(text, sizeof(text), "the result of %s() %s", t->subject, what);
	else if (origin && strcmp(origin, t->subject))
		snprintf(text, sizeof(text), "'%s' (from %s()) %s", t->subject,
			 origin, what);
	else
		snprintf(text, sizeof(text), "'%s' %s", t->subject, what);
	trace_branch(p, blk, text);
	return true;
}

static const char *const cmp_spelling[] = {
	[CMP_EQ] = "==", [CMP_NE] = "!=", [CMP_LT] = "<",
	[CMP_LE] = "<=", [CMP_GT] = ">", [CMP_GE] = ">=",
};

/*
 * A condition as a reader would write it, from its IR: "check() > d->n".
 * False when a part has no plain spelling (a temporary, an assignment).
 */
static bool spell_cond(struct analysis *an, struct ir *e, char *buf, size_t size)
{
	char a[128], b[128];
	const char *display;
	int n = -1;

	switch (e->kind) {
	case IR_CONST:
		n = snprintf(buf, size, "%lld", e->value);
		break;
	case IR_CALL:
		if (e->name)
			n = snprintf(buf, size, "%s()", call_name(an, e));
		break;
	case IR_NOT:
		if (spell_cond(an, e->kids[0], a, sizeof(a)))
			n = snprintf(buf, size, "!%s", a);
		break;
	case IR_CMP:
		if (spell_cond(an, e->kids[0], a, sizeof(a)) &&
		    spell_cond(an, e->kids[1], b, sizeof(b)))
			n = snprintf(buf, size, "%s %s %s", a, cmp_spelling[e->op], b);
		break;
	default:
		if (reads_macro_local(e) || (e->kind == IR_VAR && (e->flags & IR_F_TEMP)))
			break;
		if (lvalue(an, e, &display) && display)
			n = snprintf(buf, size, "%s", display);
		break;
	}
	return n >= 0 && (size_t)n < size;
}

/* 'x' */
static void quote(char *buf, size_t size)
{
	size_t len = strlen(buf);

	if (len + 3 > size)
		len = size - 3;
	memmove(buf + 1, buf, len);
	buf[0] = '\'';
	buf[len + 1] = '\'';
	buf[len + 2] = '\0';
}

/*
 * A branch the path chose with no value to name ("i < n"): the notes
 * still show it, as the reader would spell the condition, so that the
 * branch deciding the path is never missing, even inside a macro
 * (WARN_ON() decides in its own ({ }), whose local __ret_warn_on means
 * nothing to a reader: "the value here is non-zero").  A loop's test is
 * left to the loop's own notes.  The text waits for a finding that
 * needs it (assumed_text()): most paths make none.
 */
void assume_note(struct path *p, const struct block *blk, int outcome)
{
	struct trace *t;

	/* A loop's test with no value to name: "leaving the loop" says it. */
	if (taken_block(p->an, blk, outcome)->loop_leave)
		return;
	t = trace_branch(p, blk, NULL);
	t->assumed = blk;
	t->truth = outcome;
}

/* The note of a branch assume_note() recorded, spelled from its condition. */
static const char *assumed_text(struct analysis *an, const struct trace *t,
				char *text, size_t size)
{
	struct ir *c;
	bool truth = t->truth;
	char cond[200];

	for (c = t->assumed->cond; c->kind == IR_NOT; c = c->kids[0])
		truth = !truth;
	if (c->kind == IR_ASSIGN)
		c = c->kids[0];		/* "if ((rm = f()))" tests rm */
	if (!spell_cond(an, c, cond, sizeof(cond)))
		snprintf(cond, sizeof(cond), "the %s here",
			 c->kind == IR_CMP ? "comparison" : "value");
	else
		quote(cond, sizeof(cond));
	if (c->kind == IR_CMP)
		snprintf(text, size, "%s is %s", cond, truth ? "true" : "false");
	else if (c->flags & IR_F_POINTER)
		snprintf(text, size, "%s is %s", cond, truth ? "not NULL" : "NULL");
	else
		snprintf(text, size, "%s is %s", cond, truth ? "non-zero" : "0");
	return text;
}

bool has_note_at(const struct finding *f, struct ir_loc loc)
{
	unsigned i;

	for (i = 0; i < f->nnotes; i++)
		if (f->notes[i].loc.line == loc.line && f->notes[i].loc.file == loc.file)
			return true;
	return false;
}

void add_acquire_note(struct finding *f, const struct resource *r,
		      bool another)
{
	const char *why = r->rule->why;

	if (r->name)
		finding_note(f, r->acquire->loc, "'%s' %sacquired here by %s()%s%s",
			     r->name, another ? "also " : "", resource_acquire_name(r),
			     why ? ": " : "", why ? why : "");
	else
		finding_note(f, r->acquire->loc, "%sacquired here by %s()%s%s",
			     another ? "or " : "", resource_acquire_name(r),
			     why ? ": " : "", why ? why : "");
}

/* "2nd", "11th", "23rd". */
static const char *ordinal_suffix(unsigned n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	switch (n % 10) {
	case 1:
		return "st";
	case 2:
		return "nd";
	case 3:
		return "rd";
	default:
		return "th";
	}
}

/* Which pass through its loop @pass starts, counting from where the path entered it. */
static unsigned pass_number(const struct trace *pass)
{
	const struct trace *t;
	unsigned n = 0;

	for (t = pass; t; t = t->prev) {
		if (t->loop != pass->loop)
			continue;
		if (t->kind == TRACE_LOOP_ENTER)
			break;
		n += t->kind == TRACE_LOOP_PASS;
	}
	return n;
}

/* The next step of @steps[@k]'s loop after it, or @n. */
static unsigned next_of_loop(const struct trace *const *steps, unsigned n,
			     unsigned k)
{
	unsigned j;

	for (j = k + 1; j < n; j++)
		if (steps[j]->loop == steps[k]->loop && steps[j]->kind >= TRACE_LOOP_ENTER)
			break;
	return j;
}

/*
 * A macro's own branch is worth a note only when it decided the path,
 * no branch after it on the path choosing anything (WARN_ON()'s test
 * before its "return -EINVAL"); the others are its inner workings.
 */
static bool deciding_branch(const struct trace *const *steps, unsigned n,
			    unsigned k)
{
	unsigned i;

	for (i = k + 1; i < n; i++)
		if (steps[i]->kind == TRACE_BRANCH ||
		    steps[i]->kind == TRACE_MACRO_BRANCH)
			return false;
	return true;
}

/* Is @steps[@k] a note the reader sees, by its own text? */
static bool shown_step(const struct trace *const *steps, unsigned n, unsigned k)
{
	if (!steps[k]->text && !steps[k]->assumed)
		return false;
	return steps[k]->kind != TRACE_MACRO_BRANCH || deciding_branch(steps, n, k);
}

static bool has_text_between(const struct trace *const *steps, unsigned n,
			     unsigned from, unsigned to)
{
	unsigned i;

	for (i = from + 1; i < to; i++)
		if (shown_step(steps, n, i))
			return true;
	return false;
}

/*
 * A pass through a loop is worth a note when notes fall inside it, or
 * when the path ends inside it, and then it says which pass it is.  A
 * do { } while's first pass is no choice (every do { } while (0)), so
 * only its later passes are named.  Leaving is noted after a named pass.
 */
static bool loop_note(const struct cfg *cfg, const struct trace *const *steps,
		      unsigned n, unsigned k, bool *named, char *text, size_t size)
{
	const struct trace *t = steps[k];
	unsigned j, pass;

	if (t->kind == TRACE_LOOP_LEAVE) {
		if (!named[t->loop])
			return false;
		named[t->loop] = false;
		snprintf(text, size, "leaving the loop");
		return true;
	}
	if (t->kind != TRACE_LOOP_PASS)
		return false;
	j = next_of_loop(steps, n, k);
	pass = pass_number(t);
	named[t->loop] = (j == n || has_text_between(steps, n, k, j)) &&
			 !(cfg->loops[t->loop].is_do && pass == 1);
	if (!named[t->loop])
		return false;
	if (pass == 1)
		snprintf(text, size, "entering the loop");
	else
		snprintf(text, size, "entering the loop for the %u%s time", pass,
			 ordinal_suffix(pass));
	return true;
}

void add_path_notes(struct finding *f, struct analysis *an,
		    const struct trace *t, unsigned since)
{
	const struct cfg *cfg = an->cfg;
	const struct trace *steps[MAX_PATH_STEPS];
	struct ir_loc locs[MAX_PATH_STEPS];
	char *texts[MAX_PATH_STEPS], text[256];
	bool *named = xcalloc(cfg->nloops + 1, sizeof(*named));
	unsigned n = 0, m = 0, i;

	for (; t && t->seq > since && n < MAX_PATH_STEPS; t = t->prev)
		if (t->text || t->assumed || t->kind >= TRACE_LOOP_ENTER)
			steps[n++] = t;
	/* Oldest first. */
	for (i = 0; i < n / 2; i++) {
		t = steps[i];
		steps[i] = steps[n - 1 - i];
		steps[n - 1 - i] = t;
	}
	for (i = 0; i < n; i++) {
		if (shown_step(steps, n, i)) {
			texts[m] = xstrdup(steps[i]->text ? steps[i]->text :
					   assumed_text(an, steps[i], text, sizeof(text)));
		} else if (loop_note(cfg, steps, n, i, named, text, sizeof(text))) {
			texts[m] = xstrdup(text);
		} else {
			continue;
		}
		locs[m++] = steps[i]->loc;
	}
	/* The last notes, nearest the return, matter most. */
	for (i = 0; i < m; i++) {
		if (i + MAX_PATH_NOTES >= m)
			finding_note(f, locs[i], "%s", texts[i]);
		free(texts[i]);
	}
	free(named);
}

/*
 * Findings with the same @space, function and @key are one: the first
 * is kept, the others fold into it (*@dup).
 */
