// SPDX-License-Identifier: GPL-2.0
/*
 * rules.c - load the resource-pair database from the YAML files in rules/ (libyaml).
 *
 * The format is documented in docs/rules.md.  Every problem is reported
 * as one line naming the file and line, and stops the load: a rule that
 * is silently ignored would turn into missed bugs or false alarms.
 */
#include "rules.h"
#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_ARGS 16

struct rules {
	const struct rules *base;	/* an overlay's underlying rules */
	struct strtab *strings;
	struct rule_fn **buckets;	/* chains by name, open addressing */
	unsigned nbuckets, nfunctions;
	struct pair **pairs;
	unsigned npairs, cappairs;
	const char **suffixes;		/* tried when a name is unknown */
	unsigned nsuffixes;
	struct name_pair *verbs;	/* mirror-verbs */
	unsigned nverbs;
	struct name_pair *callbacks;	/* mirror-callbacks */
	unsigned ncallbacks;
	struct name_pair *failure_teardowns;	/* undone-after-failure */
	unsigned nfailure_teardowns;
	const char **ignore;		/* mirror-ignore: name prefixes */
	unsigned nignore;
	const char **managed;		/* managed-prefixes */
	unsigned nmanaged;
	const char **held_words;	/* held-on-return-words */
	unsigned nheld_words;
	const char **drop_words;	/* drop-words */
	unsigned ndrop_words;
	const char **length_words;	/* length-words */
	unsigned nlength_words;
	const char **error_words;	/* error-label-words */
	unsigned nerror_words;
	long long *pending;		/* pending-values: queued, not failed */
	unsigned npending;
	struct ptrvec ordered;		/* every function, in load order */
};

/* State of loading one file. */
struct loader {
	struct rules *rules;
	const char *file;
	yaml_document_t doc;
	char *err;
};

static const struct {
	const char *name;
	enum success_kind kind;
} success_names[] = {
	{ "nonnull", SUCCESS_NONNULL },
	{ "nonzero", SUCCESS_NONNULL },
	{ "errptr", SUCCESS_ERRPTR },
	{ "errptr-or-null", SUCCESS_ERRPTR_OR_NULL },
	{ "zero", SUCCESS_ZERO },
	{ "nonneg", SUCCESS_NONNEG },
	{ "positive", SUCCESS_POSITIVE },
	{ "always", SUCCESS_ALWAYS },
};

static const struct {
	const char *name;
	unsigned mask;
} class_names[] = {
	{ "negative", VAL_NEG },
	{ "error", VAL_NEG },
	{ "zero", VAL_ZERO },
	{ "null", VAL_ZERO },
	{ "positive", VAL_POS },
};

/* Value sets per success convention: what can come back, what is success. */
static const struct {
	unsigned initial, ok;
} success_masks[] = {
	[SUCCESS_NONNULL] = { VAL_ZERO | VAL_POS, VAL_POS },
	[SUCCESS_ERRPTR] = { VAL_NEG | VAL_POS, VAL_POS },
	[SUCCESS_ERRPTR_OR_NULL] = { VAL_ANY, VAL_POS },
	[SUCCESS_ZERO] = { VAL_NEG | VAL_ZERO, VAL_ZERO },
	[SUCCESS_NONNEG] = { VAL_ANY, VAL_ZERO | VAL_POS },
	[SUCCESS_POSITIVE] = { VAL_ANY, VAL_POS },
	[SUCCESS_ALWAYS] = { VAL_ANY, VAL_ANY },
};

const char *success_name(enum success_kind kind)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(success_names); i++)
		if (success_names[i].kind == kind)
			return success_names[i].name;
	return "?";
}

unsigned success_initial_mask(enum success_kind kind)
{
	return success_masks[kind].initial;
}

unsigned success_ok_mask(enum success_kind kind)
{
	return success_masks[kind].ok;
}

static bool fail(struct loader *ld, const yaml_node_t *node, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool fail(struct loader *ld, const yaml_node_t *node, const char *fmt, ...)
{
	char msg[512], *c;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	/* Messages quote the YAML; keep them one line whatever it holds. */
	for (c = msg; *c; c++)
		if ((unsigned char)*c < ' ' || *c == 0x7f)
			*c = '?';
	if (!ld->err)
		ld->err = xasprintf("%s:%lu: %s", ld->file,
				    node ? (unsigned long)node->start_mark.line + 1 : 0UL,
				    msg);
	return false;
}

static yaml_node_t *node_at(struct loader *ld, int index)
{
	return yaml_document_get_node(&ld->doc, index);
}

static const char *scalar(const yaml_node_t *node)
{
	return node->type == YAML_SCALAR_NODE ? (const char *)node->data.scalar.value : NULL;
}

/* ---- name table ---- */

static unsigned name_slot(const struct rules *r, const char *name)
{
	unsigned i = (unsigned)hash_bytes(HASH_INIT, name, strlen(name)) & (r->nbuckets - 1);

	while (r->buckets[i] && strcmp(r->buckets[i]->name, name))
		i = (i + 1) & (r->nbuckets - 1);
	return i;
}

static void grow_buckets(struct rules *r)
{
	struct rule_fn **old = r->buckets;
	unsigned n = r->nbuckets, i;

	r->nbuckets = n ? n * 2 : 512;
	r->buckets = xcalloc(r->nbuckets, sizeof(*r->buckets));
	for (i = 0; i < n; i++)
		if (old[i])
			r->buckets[name_slot(r, old[i]->name)] = old[i];
	free(old);
}

static const struct rule_fn *lookup_own(const struct rules *r, const char *name)
{
	char stripped[256];
	unsigned i, slot;
	size_t len, slen;

	if (!name || !r->nbuckets)
		return NULL;
	slot = name_slot(r, name);
	if (r->buckets[slot])
		return r->buckets[slot];
	/* kzalloc() reaches the compiler as kzalloc_noprof() in 6.12. */
	len = strlen(name);
	for (i = 0; i < r->nsuffixes; i++) {
		slen = strlen(r->suffixes[i]);
		if (len <= slen || len - slen >= sizeof(stripped) ||
		    strcmp(name + len - slen, r->suffixes[i]))
			continue;
		memcpy(stripped, name, len - slen);
		stripped[len - slen] = '\0';
		slot = name_slot(r, stripped);
		if (r->buckets[slot])
			return r->buckets[slot];
	}
	return NULL;
}

const struct rule_fn *rules_lookup(const struct rules *r, const char *name)
{
	const struct rule_fn *fn = lookup_own(r, name);

	/* An overlay's inferred pairs only name functions no rule names. */
	return fn || !r->base ? fn : lookup_own(r->base, name);
}

const char *rules_common_release(const struct rules *r, const struct pair *a,
				 const struct pair *b)
{
	const struct rules *layer;
	const struct rule_fn *fn, *other;
	size_t i;

	/* An overlay's pairs are released by its own functions. */
	for (layer = r; layer; layer = layer->base) {
		for (i = 0; i < layer->ordered.len; i++) {
			fn = layer->ordered.items[i];
			if (fn->role != ROLE_RELEASE || fn->pair != a)
				continue;
			for (other = rules_lookup(r, fn->name); other; other = other->next)
				if (other->role == ROLE_RELEASE && other->pair == b)
					return fn->name;
		}
	}
	return NULL;
}

static const struct rule_fn *existing_role(const struct rules *r,
					   const char *name, enum rule_role role)
{
	const struct rule_fn *fn;

	if (!r->nbuckets)
		return NULL;
	for (fn = r->buckets[name_slot(r, name)]; fn; fn = fn->next)
		if (fn->role == role)
			return fn;
	return NULL;
}

/* Rules match calls by name: a name that is no identifier matches nothing. */
static bool is_identifier(const char *s)
{
	const char *c;

	if (!(isalpha((unsigned char)*s) || *s == '_'))
		return false;
	for (c = s + 1; *c; c++)
		if (!(isalnum((unsigned char)*c) || *c == '_'))
			return false;
	return true;
}

static void insert_function(struct rules *r, struct rule_fn *fn)
{
	unsigned slot;

	if (2 * (r->nfunctions + 1) > r->nbuckets)
		grow_buckets(r);
	slot = name_slot(r, fn->name);
	fn->next = r->buckets[slot];
	r->buckets[slot] = fn;
	r->nfunctions++;
	ptrvec_push(&r->ordered, fn);
}

/* The rule of @fn's name in @fn's own pair and role, if there is one. */
static const struct rule_fn *same_pair_rule(const struct rules *r,
					    const struct rule_fn *fn)
{
	const struct rule_fn *other;

	for (other = existing_role(r, fn->name, fn->role); other;
	     other = other->next)
		if (other->role == fn->role && other->pair == fn->pair)
			return other;
	return NULL;
}

/*
 * A second acquire of one call must see the call as the first does:
 * clk_prepare_enable() prepares and enables, both through argument 0,
 * both reported by one return value.
 */
static bool acquires_alike(const struct rule_fn *a, const struct rule_fn *b)
{
	return a->success == b->success && a->handle.kind == b->handle.kind &&
	       a->handle.arg == b->handle.arg &&
	       a->handle.member == b->handle.member && a->null_arg == b->null_arg &&
	       a->returns == b->returns && a->status_member == b->status_member;
}

/*
 * A name may release for several pairs (kfree frees kmalloc, kstrdup,
 * kmemdup memory) and acquire for several (clk_prepare_enable() is a
 * prepare and an enable), once per pair; it has one non-pair role.
 */
static bool add_function(struct loader *ld, const yaml_node_t *where,
			 struct rule_fn *fn)
{
	struct rules *r = ld->rules;
	const struct rule_fn *clash = NULL, *first;

	if (!is_identifier(fn->name))
		return fail(ld, where, "'%s' is not a function name (a C identifier)",
			    fn->name);
	if (fn->role == ROLE_RELEASE || fn->role == ROLE_ACQUIRE)
		clash = same_pair_rule(r, fn);
	else
		clash = existing_role(r, fn->name, fn->role);
	if (clash && clash->pair)
		return fail(ld, where, "duplicate rule for '%s' (already in pair '%s')",
			    fn->name, clash->pair->name);
	if (clash)
		return fail(ld, where, "duplicate rule for '%s'", fn->name);
	first = fn->role == ROLE_ACQUIRE ?
		existing_role(r, fn->name, ROLE_ACQUIRE) : NULL;
	if (first && !acquires_alike(first, fn))
		return fail(ld, where, "'%s' acquires for pair '%s' with another "
			    "success or handle; one call has one convention",
			    fn->name, first->pair->name);
	insert_function(r, fn);
	return true;
}

/* ---- field parsers ---- */

static bool parse_bool(struct loader *ld, const yaml_node_t *node, bool *out)
{
	const char *s = scalar(node);

	if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
		*out = true;
		return true;
	}
	if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
		*out = false;
		return true;
	}
	return fail(ld, node, "expected true or false");
}

static bool parse_success(struct loader *ld, const yaml_node_t *node,
			  enum success_kind *out)
{
	const char *s = scalar(node);
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(success_names); i++) {
		if (!strcmp(s, success_names[i].name)) {
			*out = success_names[i].kind;
			return true;
		}
	}
	return fail(ld, node, "unknown success kind '%s' (expected nonnull, "
		    "errptr, errptr-or-null, zero, nonneg, positive or always)",
		    s ? s : "?");
}

static bool parse_arg_index(const char *s, int *arg)
{
	char *end;
	long n;

	if (strncmp(s, "arg", 3) || !s[3])
		return false;
	errno = 0;
	n = strtol(s + 3, &end, 10);
	if (errno || *end || n < 0 || n >= MAX_ARGS)
		return false;
	*arg = (int)n;
	return true;
}

/*
 * "arg4->np": the member of what argument N points to, where an acquire
 * that fills a caller's structure leaves the handle
 * (of_parse_phandle_with_args(np, ..., &args) takes a reference to
 * args.np).
 */
static bool parse_arg_member(struct loader *ld, const char *s,
			     struct handle_spec *out)
{
	const char *arrow = strstr(s, "->");
	char index[8];
	size_t len = arrow ? (size_t)(arrow - s) : 0;

	if (!arrow || len >= sizeof(index) || !is_identifier(arrow + 2))
		return false;
	memcpy(index, s, len);
	index[len] = '\0';
	if (!parse_arg_index(index, &out->arg))
		return false;
	out->kind = HANDLE_ARG_MEMBER;
	out->member = strtab_intern(ld->rules->strings, arrow + 2);
	return true;
}

/* return | none | argN | *argN | argN->member (an acquire's) */
static bool parse_handle(struct loader *ld, const yaml_node_t *node,
			 struct handle_spec *out, bool acquire)
{
	const char *s = scalar(node);

	out->member = NULL;
	if (s && !strcmp(s, "none")) {
		out->kind = HANDLE_NONE;
		return true;
	}
	if (s && acquire && !strcmp(s, "return")) {
		out->kind = HANDLE_RETURN;
		return true;
	}
	if (s && s[0] == '*' && parse_arg_index(s + 1, &out->arg)) {
		out->kind = HANDLE_ARG_OUT;
		return true;
	}
	if (s && parse_arg_index(s, &out->arg)) {
		out->kind = HANDLE_ARG;
		return true;
	}
	if (s && acquire && parse_arg_member(ld, s, out))
		return true;
	return fail(ld, node, "bad handle '%s' (expected %s, N below %d)",
		    s ? s : "?", acquire ? "return, none, argN, *argN or argN->member" :
		    "none, argN or *argN", MAX_ARGS);
}

static bool parse_arg(struct loader *ld, const yaml_node_t *node, int *arg)
{
	const char *s = scalar(node);

	if (s && parse_arg_index(s, arg))
		return true;
	return fail(ld, node, "bad argument '%s' (expected argN, N below %d)",
		    s ? s : "?", MAX_ARGS);
}

/* pins: [arg0, arg1], takes: [arg2] */
static bool parse_arg_list(struct loader *ld, const yaml_node_t *node, unsigned *pins)
{
	yaml_node_item_t *it;
	int arg = 0;

	if (node->type != YAML_SEQUENCE_NODE)
		return fail(ld, node, "expected a list of arguments such as [arg0, arg1]");
	*pins = 0;
	for (it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
		if (!parse_arg(ld, node_at(ld, *it), &arg))
			return false;
		*pins |= 1u << arg;
	}
	return true;
}

static bool parse_classes(struct loader *ld, const yaml_node_t *node, unsigned *mask)
{
	yaml_node_item_t *it;
	size_t i;

	if (node->type != YAML_SEQUENCE_NODE)
		return fail(ld, node, "true-for: expected a list such as [negative, zero]");
	*mask = 0;
	for (it = node->data.sequence.items.start; it < node->data.sequence.items.top; it++) {
		const yaml_node_t *item = node_at(ld, *it);
		const char *s = scalar(item);

		for (i = 0; s && i < ARRAY_SIZE(class_names); i++)
			if (!strcmp(s, class_names[i].name))
				break;
		if (!s || i == ARRAY_SIZE(class_names))
			return fail(ld, item, "unknown value class '%s' (expected "
				    "negative, zero or positive)", s ? s : "?");
		*mask |= class_names[i].mask;
	}
	return true;
}

/* ---- mapping walker ---- */

/*
 * A mapping is read against a table of the keys it may hold; an unknown
 * key is an error, because a misspelt "null-safe" would otherwise quietly
 * change what ladder reports.
 */
struct key_handler {
	const char *key;
	bool (*parse)(struct loader *ld, yaml_node_t *value, void *target);
};

static bool walk_mapping(struct loader *ld, yaml_node_t *map,
			 const struct key_handler *keys, size_t nkeys,
			 void *target, const char *what)
{
	yaml_node_pair_t *p;
	size_t i;

	if (map->type != YAML_MAPPING_NODE)
		return fail(ld, map, "%s: expected a mapping", what);
	for (p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
		yaml_node_t *key = node_at(ld, p->key);
		const char *k = scalar(key);

		for (i = 0; k && i < nkeys; i++)
			if (!strcmp(k, keys[i].key))
				break;
		if (!k || i == nkeys)
			return fail(ld, key, "unknown key '%s' in %s", k ? k : "?", what);
		if (!keys[i].parse(ld, node_at(ld, p->value), target))
			return false;
	}
	return true;
}

/* ---- pairs ---- */

/* Defaults a pair gives to the functions listed in it. */
struct pair_draft {
	struct pair *pair;
	enum success_kind success;
	struct handle_spec handle, release_handle;
	unsigned pins;
	yaml_node_t *acquire, *release, *query;
	bool has_success;
};

struct fn_draft {
	struct rule_fn *fn;
	bool is_release;
};

static bool fn_name(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(ld, v, "name: expected a function name");
	d->fn->name = strtab_intern(ld->rules->strings, s);
	return true;
}

static bool fn_success(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->is_release)
		return fail(ld, v, "success: only acquire functions report success");
	return parse_success(ld, v, &d->fn->success);
}

static bool fn_handle(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	return parse_handle(ld, v, &d->fn->handle, !d->is_release);
}

static bool fn_pins(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->is_release)
		return fail(ld, v, "pins: only acquire functions pin memory");
	return parse_arg_list(ld, v, &d->fn->pins);
}

static bool fn_takes(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_arg_list(ld, v, &((struct fn_draft *)t)->fn->takes);
}

static bool fn_implicit(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->fn->role != ROLE_RELEASE)
		return fail(ld, v, "implicit: only release functions release implicitly");
	return parse_bool(ld, v, &d->fn->implicit);
}

/* A release's own null-safe:, where it differs from its pair's. */
static bool fn_null_safe(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;
	bool safe = false;

	if (d->fn->role != ROLE_RELEASE)
		return fail(ld, v, "null-safe: only release functions are null-safe");
	if (!parse_bool(ld, v, &safe))
		return false;
	d->fn->null_safe = safe;
	return true;
}

/* err-safe: the release does nothing with an error pointer either. */
static bool fn_err_safe(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->fn->role != ROLE_RELEASE)
		return fail(ld, v, "err-safe: only release functions are err-safe");
	return parse_bool(ld, v, &d->fn->err_safe);
}

/*
 * failed-safe: the release does nothing with the object a failed acquire
 * left (v4l2_ctrl_handler_free() after a failed init: no buckets).
 */
static bool fn_failed_safe(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->fn->role != ROLE_RELEASE)
		return fail(ld, v, "failed-safe: only release functions are failed-safe");
	return parse_bool(ld, v, &d->fn->failed_safe);
}

/* of_get_parent(NULL) is NULL: nothing was taken when the node was NULL. */
static bool fn_null_if_null(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->is_release)
		return fail(ld, v, "null-if-null: only for acquire functions");
	return parse_arg(ld, v, &d->fn->null_arg);
}

/* returns: arg0: get_device(dev) returns dev itself. */
static bool fn_returns(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;
	int arg = 0;

	if (d->is_release)
		return fail(ld, v, "returns: only for acquire functions");
	if (!parse_arg(ld, v, &arg))
		return false;
	d->fn->returns = (unsigned)arg + 1;
	return true;
}

static bool parse_member_name(struct loader *ld, yaml_node_t *v,
			      const char *key, const char **out)
{
	const char *s = scalar(v);

	if (!s || !is_identifier(s))
		return fail(ld, v, "%s: expected a member's name", key);
	*out = strtab_intern(ld->rules->strings, s);
	return true;
}

/* status-in: error: the acquire's result is kept in hdl->error too. */
static bool fn_status_in(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;

	if (d->is_release)
		return fail(ld, v, "status-in: only for acquire functions");
	return parse_member_name(ld, v, "status-in", &d->fn->status_member);
}

/* The release a message names for this acquire, of the same pair. */
static bool fn_remedy(struct loader *ld, yaml_node_t *v, void *t)
{
	struct fn_draft *d = t;
	const char *s = scalar(v);

	if (d->is_release)
		return fail(ld, v, "remedy: only acquire functions have a remedy");
	if (!s || !is_identifier(s))
		return fail(ld, v, "remedy: expected the name of a release");
	d->fn->remedy_name = strtab_intern(ld->rules->strings, s);
	d->fn->remedy_line = (unsigned)v->start_mark.line + 1;
	return true;
}

static const struct key_handler fn_keys[] = {
	{ "name", fn_name },
	{ "remedy", fn_remedy },
	{ "null-if-null", fn_null_if_null },
	{ "returns", fn_returns },
	{ "success", fn_success },
	{ "handle", fn_handle },
	{ "pins", fn_pins },
	{ "takes", fn_takes },
	{ "implicit", fn_implicit },
	{ "null-safe", fn_null_safe },
	{ "err-safe", fn_err_safe },
	{ "failed-safe", fn_failed_safe },
	{ "status-in", fn_status_in },
};

/* What a pair's list calls its functions, in messages. */
static const char *role_key(enum rule_role role)
{
	switch (role) {
	case ROLE_ACQUIRE:
		return "acquire";
	case ROLE_RELEASE:
		return "release";
	default:
		return "held-query";
	}
}

/*
 * One function of a pair's acquire, release or held-query list.  A
 * query is asked about what a release would be given: it takes the
 * release's handle.
 */
static bool parse_pair_function(struct loader *ld, struct pair_draft *pd,
				yaml_node_t *node, enum rule_role role)
{
	struct rule_fn *fn = xcalloc(1, sizeof(*fn));
	bool is_release = role != ROLE_ACQUIRE;
	struct fn_draft d = { fn, is_release };
	const char *s = scalar(node);

	fn->role = role;
	fn->null_arg = -1;
	fn->null_safe = -1;
	fn->pair = pd->pair;
	fn->success = pd->success;
	fn->handle = is_release ? pd->release_handle : pd->handle;
	fn->pins = is_release ? 0 : pd->pins;
	if (s) {
		fn->name = strtab_intern(ld->rules->strings, s);
	} else if (!walk_mapping(ld, node, fn_keys, ARRAY_SIZE(fn_keys), &d,
				 "function")) {
		free(fn);
		return false;
	}
	if (!fn->name) {
		free(fn);
		return fail(ld, node, "function without a name");
	}
	if (!add_function(ld, node, fn)) {
		free(fn);
		return false;
	}
	if (role == ROLE_RELEASE && !pd->pair->first_release)
		pd->pair->first_release = fn;
	return true;
}

static bool parse_pair_functions(struct loader *ld, struct pair_draft *pd,
				 yaml_node_t *list, enum rule_role role)
{
	yaml_node_item_t *it;

	if (list->type == YAML_SCALAR_NODE)
		return parse_pair_function(ld, pd, list, role);
	if (list->type != YAML_SEQUENCE_NODE)
		return fail(ld, list, "%s: expected a list of functions",
			    role_key(role));
	for (it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++)
		if (!parse_pair_function(ld, pd, node_at(ld, *it), role))
			return false;
	return true;
}

static bool pair_name(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair_draft *pd = t;
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(ld, v, "name: expected a pair name");
	pd->pair->name = strtab_intern(ld->rules->strings, s);
	return true;
}

static bool pair_success(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair_draft *pd = t;

	pd->has_success = true;
	return parse_success(ld, v, &pd->success);
}

static bool pair_handle(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_handle(ld, v, &((struct pair_draft *)t)->handle, true);
}

static bool pair_release_handle(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_handle(ld, v, &((struct pair_draft *)t)->release_handle, false);
}

static bool pair_pins(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_arg_list(ld, v, &((struct pair_draft *)t)->pins);
}

static bool pair_null_safe(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_bool(ld, v, &((struct pair_draft *)t)->pair->null_safe);
}

static bool pair_managed(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_bool(ld, v, &((struct pair_draft *)t)->pair->managed);
}

static bool parse_strings(struct loader *ld, yaml_node_t *v, const char *key,
			  const char ***out, unsigned *n);

static bool pair_managed_with(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair *pair = ((struct pair_draft *)t)->pair;

	return parse_strings(ld, v, "managed-with", &pair->managed_with,
			     &pair->nmanaged_with);
}

static bool pair_survives_put(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_bool(ld, v, &((struct pair_draft *)t)->pair->survives_put);
}

static bool pair_absent_safe(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_bool(ld, v, &((struct pair_draft *)t)->pair->absent_safe);
}

static bool pair_handle_only(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_bool(ld, v, &((struct pair_draft *)t)->pair->handle_only);
}

static bool pair_plain(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair *pair = ((struct pair_draft *)t)->pair;
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(ld, v, "plain: expected the name of a pair");
	pair->plain_name = strtab_intern(ld->rules->strings, s);
	pair->plain_line = (unsigned)v->start_mark.line + 1;
	return true;
}

/* "owed: always" (the default), "if-released" or "every-return". */
static bool pair_owed(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair *pair = ((struct pair_draft *)t)->pair;
	const char *s = scalar(v);

	if (s && !strcmp(s, "always"))
		pair->owed_if_released = false;
	else if (s && !strcmp(s, "if-released"))
		pair->owed_if_released = true;
	else if (s && !strcmp(s, "every-return"))
		pair->every_return = true;
	else
		return fail(ld, v, "owed: expected 'always', 'if-released' or 'every-return'");
	return true;
}

static bool pair_acquire(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)ld;
	((struct pair_draft *)t)->acquire = v;
	return true;
}

static bool pair_release(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)ld;
	((struct pair_draft *)t)->release = v;
	return true;
}

/* A member's name, given for @key: "member: transfer_buffer". */

static bool freed_member(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_member_name(ld, v, "member", &((struct member_freed *)t)->member);
}

static bool freed_flag(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_member_name(ld, v, "flag", &((struct member_freed *)t)->flag);
}

static bool freed_bits(struct loader *ld, yaml_node_t *v, void *t)
{
	struct member_freed *mf = t;
	const char *s = scalar(v);
	char *end;

	mf->bits = s ? strtoull(s, &end, 0) : 0;
	if (!s || end == s || *end || !mf->bits)
		return fail(ld, v, "bits: expected a non-zero number");
	return true;
}

static const struct key_handler freed_keys[] = {
	{ "member", freed_member },
	{ "flag", freed_flag },
	{ "bits", freed_bits },
};

/* frees-member: {member: transfer_buffer, flag: transfer_flags, bits: 0x100} */
static bool pair_frees_member(struct loader *ld, yaml_node_t *v, void *t)
{
	struct member_freed *mf = &((struct pair_draft *)t)->pair->frees_member;

	if (!walk_mapping(ld, v, freed_keys, ARRAY_SIZE(freed_keys), mf,
			  "frees-member"))
		return false;
	if (!mf->member || !mf->flag || !mf->bits)
		return fail(ld, v, "frees-member: needs member, flag and bits");
	return true;
}

static bool pair_query(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)ld;
	((struct pair_draft *)t)->query = v;
	return true;
}

static bool pair_description(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair *pair = ((struct pair_draft *)t)->pair;

	if (!scalar(v))
		return fail(ld, v, "description: expected text");
	pair->description = strtab_intern(ld->rules->strings, scalar(v));
	return true;
}

/* origin: mined, written by ladder mine beside its support. */
static bool pair_origin(struct loader *ld, yaml_node_t *v, void *t)
{
	const char *s = scalar(v);

	(void)t;
	if (!s || (strcmp(s, "mined") && strcmp(s, "curated")))
		return fail(ld, v, "origin: expected 'mined' or 'curated'");
	return true;
}

static bool pair_support(struct loader *ld, yaml_node_t *v, void *t)
{
	struct pair *pair = ((struct pair_draft *)t)->pair;
	const char *s = scalar(v);
	char *end;
	long n = s ? strtol(s, &end, 10) : 0;

	if (!s || end == s || *end || n < 1 || n > 1000000)
		return fail(ld, v, "support: expected a count of functions");
	pair->support = (unsigned)n;
	return true;
}

static const struct key_handler pair_keys[] = {
	{ "name", pair_name },
	{ "origin", pair_origin },
	{ "support", pair_support },
	{ "description", pair_description },
	{ "acquire", pair_acquire },
	{ "release", pair_release },
	{ "held-query", pair_query },
	{ "frees-member", pair_frees_member },
	{ "success", pair_success },
	{ "handle", pair_handle },
	{ "release-handle", pair_release_handle },
	{ "pins", pair_pins },
	{ "null-safe", pair_null_safe },
	{ "owed", pair_owed },
	{ "managed", pair_managed },
	{ "managed-with", pair_managed_with },
	{ "survives-put", pair_survives_put },
	{ "absent-safe", pair_absent_safe },
	{ "handle-only", pair_handle_only },
	{ "plain", pair_plain },
};

static struct pair *new_pair(struct loader *ld, yaml_node_t *node)
{
	struct rules *r = ld->rules;
	struct pair *pair = xcalloc(1, sizeof(*pair));

	pair->file = strtab_intern(r->strings, ld->file);
	pair->line = (unsigned)node->start_mark.line + 1;
	pair->index = r->npairs;
	if (r->npairs == r->cappairs) {
		r->cappairs = r->cappairs ? r->cappairs * 2 : 64;
		r->pairs = xrealloc(r->pairs, r->cappairs * sizeof(*r->pairs));
	}
	r->pairs[r->npairs++] = pair;
	return pair;
}

static bool parse_pair(struct loader *ld, yaml_node_t *node)
{
	struct pair_draft pd = {
		.success = SUCCESS_NONNULL,
		.handle = { .kind = HANDLE_RETURN, .arg = 0 },
		.release_handle = { .kind = HANDLE_ARG, .arg = 0 },
	};
	unsigned i;

	pd.pair = new_pair(ld, node);
	if (!walk_mapping(ld, node, pair_keys, ARRAY_SIZE(pair_keys), &pd, "pair"))
		return false;
	if (!pd.pair->name)
		return fail(ld, node, "pair without a name");
	for (i = 0; i + 1 < ld->rules->npairs; i++)
		if (ld->rules->pairs[i]->name == pd.pair->name)
			return fail(ld, node, "duplicate pair '%s' (also at %s:%u)",
				    pd.pair->name, ld->rules->pairs[i]->file,
				    ld->rules->pairs[i]->line);
	/* pcim_enable_device() has no undo a driver may call: managed only. */
	if (!pd.acquire || (!pd.release && !pd.pair->managed))
		return fail(ld, node, "pair '%s' needs both acquire and release",
			    pd.pair->name);
	if (!pd.has_success && pd.handle.kind != HANDLE_RETURN)
		pd.success = SUCCESS_ZERO;
	return parse_pair_functions(ld, &pd, pd.acquire, ROLE_ACQUIRE) &&
	       (!pd.release || parse_pair_functions(ld, &pd, pd.release, ROLE_RELEASE)) &&
	       (!pd.query || parse_pair_functions(ld, &pd, pd.query, ROLE_QUERY));
}

/* ---- value functions: transparent, error-values, predicates ---- */

struct value_fn_draft {
	struct rule_fn *fn;
	bool is_predicate;
};

static bool vfn_name(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;
	const char *s = scalar(v);

	if (!s || !*s)
		return fail(ld, v, "name: expected a function name");
	d->fn->name = strtab_intern(ld->rules->strings, s);
	return true;
}

static bool vfn_arg(struct loader *ld, yaml_node_t *v, void *t)
{
	return parse_arg(ld, v, &((struct value_fn_draft *)t)->fn->arg);
}

static bool vfn_true_for(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;

	if (!d->is_predicate)
		return fail(ld, v, "true-for: only predicates have it");
	return parse_classes(ld, v, &d->fn->mask);
}

static bool vfn_takes(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;

	if (d->fn->role != ROLE_TAKES)
		return fail(ld, v, "takes: belongs in takes-ownership or a pair");
	return parse_arg_list(ld, v, &d->fn->takes);
}

/* if: nonneg: idr_alloc() takes its pointer only when it succeeds. */
static bool vfn_takes_if(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;

	if (d->fn->role != ROLE_TAKES)
		return fail(ld, v, "if: belongs in takes-ownership");
	d->fn->takes_on_success = true;
	return parse_success(ld, v, &d->fn->takes_if);
}

/* result: errno: PTR_ERR_OR_ZERO() answers with the error, not with 1. */
static bool vfn_result(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;
	const char *s = scalar(v);

	if (!d->is_predicate)
		return fail(ld, v, "result: only predicates have it");
	if (!s || (strcmp(s, "errno") && strcmp(s, "boolean")))
		return fail(ld, v, "result: expected 'errno' or 'boolean'");
	d->fn->errno_result = !strcmp(s, "errno");
	return true;
}

/* runs: arg1: devm_add_action_or_reset(dev, action, data) runs action. */
static bool vfn_runs(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;
	int arg = 0;

	if (d->fn->role != ROLE_TAKES)
		return fail(ld, v, "runs: belongs in takes-ownership");
	if (!parse_arg(ld, v, &arg))
		return false;
	d->fn->runs = (unsigned)arg + 1;
	return true;
}

/* into: arg0, member: transfer_buffer: where a stores function keeps it. */
static bool vfn_into(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;

	if (d->fn->role != ROLE_STORES)
		return fail(ld, v, "into: belongs in stores-in-member");
	return parse_arg(ld, v, &d->fn->into);
}

static bool vfn_member(struct loader *ld, yaml_node_t *v, void *t)
{
	struct value_fn_draft *d = t;

	if (d->fn->role != ROLE_STORES)
		return fail(ld, v, "member: belongs in stores-in-member");
	return parse_member_name(ld, v, "member", &d->fn->member);
}

static const struct key_handler value_fn_keys[] = {
	{ "name", vfn_name },
	{ "into", vfn_into },
	{ "member", vfn_member },
	{ "arg", vfn_arg },
	{ "true-for", vfn_true_for },
	{ "result", vfn_result },
	{ "takes", vfn_takes },
	{ "if", vfn_takes_if },
	{ "runs", vfn_runs },
};

static bool parse_value_fn(struct loader *ld, yaml_node_t *node, enum rule_role role)
{
	struct rule_fn *fn = xcalloc(1, sizeof(*fn));
	struct value_fn_draft d = { fn, role == ROLE_PREDICATE };
	const char *s = scalar(node);

	fn->role = role;
	if (s)
		fn->name = strtab_intern(ld->rules->strings, s);
	else if (!walk_mapping(ld, node, value_fn_keys, ARRAY_SIZE(value_fn_keys),
			       &d, "function"))
		goto bad;
	if (!fn->name) {
		fail(ld, node, "function without a name");
		goto bad;
	}
	if (role == ROLE_PREDICATE && !fn->mask) {
		fail(ld, node, "predicate '%s' needs true-for", fn->name);
		goto bad;
	}
	if (role == ROLE_STORES && !fn->member) {
		fail(ld, node, "'%s' needs member:", fn->name);
		goto bad;
	}
	if (role == ROLE_TAKES && !fn->takes) {
		fail(ld, node, "'%s' needs takes: [argN...]", fn->name);
		goto bad;
	}
	if (add_function(ld, node, fn))
		return true;
bad:
	free(fn);
	return false;
}

static bool parse_value_fns(struct loader *ld, yaml_node_t *list, enum rule_role role)
{
	yaml_node_item_t *it;

	if (list->type != YAML_SEQUENCE_NODE)
		return fail(ld, list, "expected a list of functions");
	for (it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++)
		if (!parse_value_fn(ld, node_at(ld, *it), role))
			return false;
	return true;
}

static bool top_pairs(struct loader *ld, yaml_node_t *v, void *t)
{
	yaml_node_item_t *it;

	(void)t;
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "pairs: expected a list of pairs");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++)
		if (!parse_pair(ld, node_at(ld, *it)))
			return false;
	return true;
}

static bool top_transparent(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_TRANSPARENT);
}

static bool top_error_values(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_ERROR_VALUE);
}

static bool top_predicates(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_PREDICATE);
}

static bool top_takes(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_TAKES);
}

static bool top_borrows(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_BORROWS);
}

static bool top_stable(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_STABLE);
}

static bool top_stores(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_value_fns(ld, v, ROLE_STORES);
}

static bool parse_strings(struct loader *ld, yaml_node_t *v, const char *key,
			  const char ***out, unsigned *n)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "%s: expected a list of strings", key);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const char *s = scalar(node_at(ld, *it));

		if (!s || !*s)
			return fail(ld, node_at(ld, *it), "%s: expected a string", key);
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = strtab_intern(ld->rules->strings, s);
	}
	return true;
}

static bool top_suffixes(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "name-suffixes", &ld->rules->suffixes,
			     &ld->rules->nsuffixes);
}

static bool top_pending(struct loader *ld, yaml_node_t *v, void *t)
{
	yaml_node_item_t *it;

	(void)t;
	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "pending-values: expected a list of integers");
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		const char *s = scalar(node_at(ld, *it));
		char *end;
		long long n = s ? strtoll(s, &end, 0) : 0;

		if (!s || !*s || *end)
			return fail(ld, node_at(ld, *it), "pending-values: expected an integer");
		ld->rules->pending = xrealloc(ld->rules->pending,
					      (ld->rules->npending + 1) * sizeof(long long));
		ld->rules->pending[ld->rules->npending++] = n;
	}
	return true;
}

static bool top_held_words(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "held-on-return-words", &ld->rules->held_words,
			     &ld->rules->nheld_words);
}

static bool top_drop_words(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "drop-words", &ld->rules->drop_words,
			     &ld->rules->ndrop_words);
}

static bool top_length_words(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "length-words", &ld->rules->length_words,
			     &ld->rules->nlength_words);
}

static bool top_error_words(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "error-label-words", &ld->rules->error_words,
			     &ld->rules->nerror_words);
}

static bool top_ignore(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "mirror-ignore", &ld->rules->ignore,
			     &ld->rules->nignore);
}

static bool top_managed(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_strings(ld, v, "managed-prefixes", &ld->rules->managed,
			     &ld->rules->nmanaged);
}

/* [acquire, release] lists: mirror-verbs, mirror-callbacks. */
static bool parse_name_pairs(struct loader *ld, yaml_node_t *v, const char *key,
			     struct name_pair **out, unsigned *n)
{
	yaml_node_item_t *it;

	if (v->type != YAML_SEQUENCE_NODE)
		return fail(ld, v, "%s: expected a list of [acquire, release] names", key);
	for (it = v->data.sequence.items.start; it < v->data.sequence.items.top; it++) {
		yaml_node_t *item = node_at(ld, *it);
		const char *a = NULL, *b = NULL;

		if (item->type == YAML_SEQUENCE_NODE &&
		    item->data.sequence.items.top - item->data.sequence.items.start == 2) {
			a = scalar(node_at(ld, item->data.sequence.items.start[0]));
			b = scalar(node_at(ld, item->data.sequence.items.start[1]));
		}
		if (!a || !b || !is_identifier(a) || !is_identifier(b) || !strcmp(a, b))
			return fail(ld, item, "%s: expected [acquire, release], two "
				    "different identifiers", key);
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[*n].acquire = strtab_intern(ld->rules->strings, a);
		(*out)[*n].release = strtab_intern(ld->rules->strings, b);
		(*n)++;
	}
	return true;
}

static bool top_verbs(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_name_pairs(ld, v, "mirror-verbs", &ld->rules->verbs,
				&ld->rules->nverbs);
}

static bool top_callbacks(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_name_pairs(ld, v, "mirror-callbacks", &ld->rules->callbacks,
				&ld->rules->ncallbacks);
}

static bool top_failure_teardowns(struct loader *ld, yaml_node_t *v, void *t)
{
	(void)t;
	return parse_name_pairs(ld, v, "undone-after-failure",
				&ld->rules->failure_teardowns,
				&ld->rules->nfailure_teardowns);
}

static const struct key_handler top_keys[] = {
	{ "pairs", top_pairs },
	{ "transparent", top_transparent },
	{ "error-values", top_error_values },
	{ "predicates", top_predicates },
	{ "takes-ownership", top_takes },
	{ "stable", top_stable },
	{ "borrows", top_borrows },
	{ "stores-in-member", top_stores },
	{ "name-suffixes", top_suffixes },
	{ "mirror-verbs", top_verbs },
	{ "mirror-callbacks", top_callbacks },
	{ "undone-after-failure", top_failure_teardowns },
	{ "mirror-ignore", top_ignore },
	{ "managed-prefixes", top_managed },
	{ "held-on-return-words", top_held_words },
	{ "drop-words", top_drop_words },
	{ "length-words", top_length_words },
	{ "error-label-words", top_error_words },
	{ "pending-values", top_pending },
};

static bool load_file(struct rules *r, const char *path, char **err)
{
	struct loader ld = { .rules = r, .file = path };
	yaml_parser_t parser;
	yaml_node_t *root;
	FILE *f = fopen(path, "rb");
	bool ok;

	if (!f) {
		*err = xasprintf("%s: %s", path, strerror(errno));
		return false;
	}
	yaml_parser_initialize(&parser);
	yaml_parser_set_input_file(&parser, f);
	if (!yaml_parser_load(&parser, &ld.doc)) {
		if (parser.context)
			*err = xasprintf("%s:%lu: %s (%s started at line %lu)", path,
					 (unsigned long)parser.problem_mark.line + 1,
					 parser.problem ? parser.problem : "YAML syntax error",
					 parser.context,
					 (unsigned long)parser.context_mark.line + 1);
		else
			*err = xasprintf("%s:%lu: %s", path,
					 (unsigned long)parser.problem_mark.line + 1,
					 parser.problem ? parser.problem : "YAML syntax error");
		yaml_parser_delete(&parser);
		fclose(f);
		return false;
	}
	root = yaml_document_get_root_node(&ld.doc);
	ok = !root || walk_mapping(&ld, root, top_keys, ARRAY_SIZE(top_keys),
				   NULL, "rules file");
	yaml_document_delete(&ld.doc);
	yaml_parser_delete(&parser);
	fclose(f);
	if (!ok)
		*err = ld.err;
	return ok;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);

	return (n > 5 && !strcmp(name + n - 5, ".yaml")) ||
	       (n > 4 && !strcmp(name + n - 4, ".yml"));
}

/* ---- names that mirror each other ---- */

#define MAX_WORDS 12

struct words {
	char buf[128];
	const char *w[MAX_WORDS];
	unsigned n;
};

/* "ffa_rxtx_map" -> {ffa, rxtx, map}; false if too long to compare. */
static bool split_words(const char *name, struct words *out)
{
	char *save = NULL, *tok;

	if (strlen(name) >= sizeof(out->buf))
		return false;
	strcpy(out->buf, name);
	out->n = 0;
	for (tok = strtok_r(out->buf, "_", &save); tok; tok = strtok_r(NULL, "_", &save)) {
		if (out->n == MAX_WORDS)
			return false;
		out->w[out->n++] = tok;
	}
	return out->n > 0;
}

/* Are @a without word @skip_a and @b without @skip_b the same words? */
static bool same_rest(const struct words *a, unsigned skip_a,
		      const struct words *b, unsigned skip_b)
{
	bool used[MAX_WORDS] = { false };
	unsigned i, k;

	if (a->n != b->n || a->n < 2)
		return false;
	used[skip_b] = true;
	for (i = 0; i < a->n; i++) {
		if (i == skip_a)
			continue;
		for (k = 0; k < b->n; k++)
			if (!used[k] && !strcmp(a->w[i], b->w[k]))
				break;
		if (k == b->n)
			return false;
		used[k] = true;
	}
	return true;
}

/* Does @release undo @acquire by name: one verb swapped, the rest equal? */
bool rules_names_mirror(const struct rules *rules, const char *acquire,
			const char *release)
{
	const struct name_pair *verbs;
	struct words a, r;
	unsigned nverbs, v, i, k;

	if (!split_words(acquire, &a) || !split_words(release, &r))
		return false;
	verbs = rules_mirror_verbs(rules, &nverbs);
	for (v = 0; v < nverbs; v++)
		for (i = 0; i < a.n; i++) {
			if (strcmp(a.w[i], verbs[v].acquire))
				continue;
			for (k = 0; k < r.n; k++)
				if (!strcmp(r.w[k], verbs[v].release) &&
				    same_rest(&a, i, &r, k))
					return true;
		}
	return false;
}

/*
 * remedy: names a release of the same pair.  Without one, the pair's
 * release whose name mirrors the acquire's: of_phy_put() for
 * of_phy_get(), spin_unlock_bh() for spin_lock_bh().
 */
static const struct rule_fn *release_of(const struct rules *r,
					const struct pair *pair,
					const char *name)
{
	size_t i;

	for (i = 0; i < r->ordered.len; i++) {
		const struct rule_fn *fn = r->ordered.items[i];

		if (fn->role == ROLE_RELEASE && fn->pair == pair && fn->name == name)
			return fn;
	}
	return NULL;
}

static const struct rule_fn *mirrored_release(const struct rules *r,
					      const struct rule_fn *acq)
{
	size_t i;

	for (i = 0; i < r->ordered.len; i++) {
		const struct rule_fn *fn = r->ordered.items[i];

		if (fn->role == ROLE_RELEASE && fn->pair == acq->pair &&
		    !fn->implicit && rules_names_mirror(r, acq->name, fn->name))
			return fn;
	}
	return NULL;
}

static bool resolve_remedies(struct rules *r, char **err)
{
	size_t i;

	for (i = 0; i < r->ordered.len; i++) {
		struct rule_fn *fn = r->ordered.items[i];

		if (fn->role != ROLE_ACQUIRE)
			continue;
		if (!fn->remedy_name) {
			fn->remedy = mirrored_release(r, fn);
			continue;
		}
		fn->remedy = release_of(r, fn->pair, fn->remedy_name);
		if (!fn->remedy) {
			*err = xasprintf("%s:%u: remedy: '%s' is no release of pair '%s'",
					 fn->pair->file, fn->remedy_line,
					 fn->remedy_name, fn->pair->name);
			return false;
		}
	}
	return true;
}

const struct rule_fn *rules_remedy(const struct rule_fn *acq)
{
	return acq->remedy ? acq->remedy : acq->pair->first_release;
}

/* plain: names a pair of any file; resolved once all are loaded. */
static bool resolve_plain(struct rules *r, char **err)
{
	unsigned i, k;

	for (i = 0; i < r->npairs; i++) {
		struct pair *p = r->pairs[i];

		if (!p->plain_name)
			continue;
		for (k = 0; k < r->npairs && !p->plain; k++)
			if (r->pairs[k]->name == p->plain_name && r->pairs[k] != p)
				p->plain = r->pairs[k];
		if (!p->plain) {
			*err = xasprintf("%s:%u: plain: no pair named '%s'", p->file,
					 p->plain_line, p->plain_name);
			return false;
		}
		if (!p->managed) {
			*err = xasprintf("%s:%u: plain: only for a managed pair",
					 p->file, p->plain_line);
			return false;
		}
	}
	return true;
}

struct rules *rules_load(const char *dir, char **err)
{
	return rules_load_extra(dir, NULL, 0, err);
}

struct rules *rules_load_extra(const char *dir, const char *const *extra,
			       unsigned nextra, char **err)
{
	struct rules *r = xcalloc(1, sizeof(*r));
	struct ptrvec names = { 0 };
	struct dirent *de;
	DIR *d = opendir(dir);
	bool ok = true;
	size_t i;

	*err = NULL;
	if (!d) {
		*err = xasprintf("cannot open rules directory '%s': %s", dir,
				 strerror(errno));
		free(r);
		return NULL;
	}
	while ((de = readdir(d)))
		if (de->d_name[0] != '.' && has_yaml_suffix(de->d_name))
			ptrvec_push(&names, xasprintf("%s/%s", dir, de->d_name));
	closedir(d);
	/* Load in a fixed order, so duplicates are reported the same way. */
	if (names.len > 1)
		qsort(names.items, names.len, sizeof(*names.items), compare_names);
	r->strings = strtab_new();
	for (i = 0; i < names.len; i++) {
		if (ok)
			ok = load_file(r, names.items[i], err);
		free(names.items[i]);
	}
	ptrvec_free(&names);
	for (i = 0; ok && i < nextra; i++)
		ok = load_file(r, extra[i], err);
	if (ok)
		ok = resolve_plain(r, err);
	if (ok)
		ok = resolve_remedies(r, err);
	if (ok && !r->npairs) {
		*err = xasprintf("no resource pairs in rules directory '%s'", dir);
		ok = false;
	}
	if (!ok) {
		rules_free(r);
		return NULL;
	}
	return r;
}

void rules_free(struct rules *r)
{
	unsigned i;

	if (!r)
		return;
	for (i = 0; i < r->nbuckets; i++) {
		struct rule_fn *fn = r->buckets[i], *next;

		for (; fn; fn = next) {
			next = fn->next;
			free(fn);
		}
	}
	for (i = 0; i < r->npairs; i++) {
		free(r->pairs[i]->managed_with);
		free(r->pairs[i]);
	}
	free(r->buckets);
	free(r->pairs);
	ptrvec_free(&r->ordered);
	free(r->suffixes);
	free(r->held_words);
	free(r->drop_words);
	free(r->length_words);
	free(r->error_words);
	free(r->pending);
	free(r->verbs);
	free(r->callbacks);
	free(r->failure_teardowns);
	free(r->ignore);
	free(r->managed);
	strtab_free(r->strings);
	free(r);
}

/* Pairs are numbered across an overlay: the base's first. */
unsigned rules_pair_count(const struct rules *r)
{
	return r->npairs + (r->base ? rules_pair_count(r->base) : 0);
}

unsigned rules_function_count(const struct rules *r)
{
	return r->nfunctions;
}

const struct pair *rules_pair_at(const struct rules *r, unsigned i)
{
	unsigned below = r->base ? rules_pair_count(r->base) : 0;

	if (i < below)
		return rules_pair_at(r->base, i);
	return i - below < r->npairs ? r->pairs[i - below] : NULL;
}

/* The rules loaded from files: the naming tables live there, not in overlays. */
static const struct rules *loaded(const struct rules *r)
{
	while (r->base)
		r = r->base;
	return r;
}

const struct name_pair *rules_mirror_verbs(const struct rules *r, unsigned *n)
{
	r = loaded(r);
	*n = r->nverbs;
	return r->verbs;
}

const struct name_pair *rules_mirror_callbacks(const struct rules *r, unsigned *n)
{
	r = loaded(r);
	*n = r->ncallbacks;
	return r->callbacks;
}

const struct name_pair *rules_undone_after_failure(const struct rules *r, unsigned *n)
{
	r = loaded(r);
	*n = r->nfailure_teardowns;
	return r->failure_teardowns;
}

const char *const *rules_mirror_ignore(const struct rules *r, unsigned *n)
{
	r = loaded(r);
	*n = r->nignore;
	return r->ignore;
}

struct rules *rules_overlay(const struct rules *base)
{
	struct rules *r = xcalloc(1, sizeof(*r));

	r->base = base;
	r->strings = strtab_new();
	return r;
}

struct pair *rules_add_inferred(struct rules *r, const struct inferred_pair *ip)
{
	struct pair *pair = xcalloc(1, sizeof(*pair));
	struct rule_fn *acq = xcalloc(1, sizeof(*acq));
	struct rule_fn *rel = xcalloc(1, sizeof(*rel));

	pair->name = strtab_intern(r->strings, ip->name);
	pair->description = strtab_intern(r->strings, ip->why);
	pair->file = "(inferred)";
	pair->origin = ip->origin;
	pair->owed_if_released = ip->origin == PAIR_EXEMPLAR;
	pair->null_safe = true;
	pair->index = rules_pair_count(r);
	*acq = (struct rule_fn){ .name = ip->acquire, .role = ROLE_ACQUIRE,
				 .pair = pair, .success = ip->success,
				 .handle = ip->handle, .null_arg = -1,
				 .pins = ip->pins };
	*rel = (struct rule_fn){ .name = ip->release, .role = ROLE_RELEASE,
				 .pair = pair, .handle = ip->release_handle };
	pair->first_release = rel;
	if (r->npairs == r->cappairs) {
		r->cappairs = r->cappairs ? r->cappairs * 2 : 8;
		r->pairs = xrealloc(r->pairs, r->cappairs * sizeof(*r->pairs));
	}
	r->pairs[r->npairs++] = pair;
	insert_function(r, acq);
	insert_function(r, rel);
	return pair;
}

void rules_add_release(struct rules *r, const struct pair *pair, const char *name)
{
	struct rule_fn *rel = xcalloc(1, sizeof(*rel));

	*rel = (struct rule_fn){ .name = name, .role = ROLE_RELEASE, .pair = pair,
				 .handle = { .kind = HANDLE_NONE, .arg = 0 } };
	insert_function(r, rel);
}

void rules_add_acquire(struct rules *r, const struct pair *pair,
		       const char *name, enum success_kind success,
		       const struct rule_fn *remedy, const char *why)
{
	struct rule_fn *acq = xcalloc(1, sizeof(*acq));

	*acq = (struct rule_fn){ .name = name, .role = ROLE_ACQUIRE, .pair = pair,
				 .learned = true, .success = success,
				 .handle = { .kind = HANDLE_RETURN, .arg = 0 },
				 .null_arg = -1, .remedy = remedy,
				 .why = strtab_intern(r->strings, why) };
	insert_function(r, acq);
}

const struct rule_fn *const *rules_functions(const struct rules *r, unsigned *n)
{
	*n = (unsigned)r->ordered.len;
	return (const struct rule_fn *const *)r->ordered.items;
}

/* Is one of @name's words, split at '_', one of @words? */
static bool has_word(const char *name, const char **words, unsigned nwords)
{
	const char *word = name;
	unsigned i;

	while (word && *word) {
		size_t len = strcspn(word, "_");

		for (i = 0; i < nwords; i++)
			if (strlen(words[i]) == len && !strncmp(word, words[i], len))
				return true;
		word += len;
		word += *word == '_';
	}
	return false;
}

/*
 * Does @name say it returns holding what it took: a word of it, split at
 * '_', is one of held-on-return-words ("foo_lock", "lock_foo",
 * "bar_begin"), where sparse would have read __acquires()?
 */
bool rules_name_says_held(const struct rules *r, const char *name)
{
	r = loaded(r);
	return has_word(name, r->held_words, r->nheld_words);
}

bool rules_label_says_error(const struct rules *r, const char *label)
{
	r = loaded(r);
	return has_word(label, r->error_words, r->nerror_words);
}

/*
 * Is @name spelled as dropping an object: a prefix, then '_' and one of
 * drop-words last ("ata_host_put", "foo_ctx_free")?
 */
bool rules_name_drops(const struct rules *r, const char *name)
{
	const char *last = name ? strrchr(name, '_') : NULL;
	unsigned i;

	r = loaded(r);
	if (!last || last == name || last[-1] == '_')
		return false;
	for (i = 0; i < r->ndrop_words; i++)
		if (!strcmp(last + 1, r->drop_words[i]))
			return true;
	return false;
}

/*
 * Is @name, a parameter's, spelled as a length: one of length-words, or
 * one last after a '_' ("len", "buf_len", "count")?
 */
bool rules_names_length(const struct rules *r, const char *name)
{
	const char *last = name ? strrchr(name, '_') : NULL;
	unsigned i;

	r = loaded(r);
	last = last ? last + 1 : name;
	for (i = 0; last && i < r->nlength_words; i++)
		if (!strcmp(last, r->length_words[i]) ||
		    !strcmp(name, r->length_words[i]))
			return true;
	return false;
}

bool rules_name_managed(const struct rules *r, const char *name)
{
	unsigned i;

	r = loaded(r);
	/* __devm_alloc_percpu() behind devm_alloc_percpu() is managed too. */
	while (name && *name == '_')
		name++;
	for (i = 0; name && i < r->nmanaged; i++)
		if (!strncmp(name, r->managed[i], strlen(r->managed[i])))
			return true;
	return false;
}

bool rules_pending_value(const struct rules *r, long long value)
{
	unsigned i;

	r = loaded(r);
	for (i = 0; i < r->npending; i++)
		if (r->pending[i] == value)
			return true;
	return false;
}
