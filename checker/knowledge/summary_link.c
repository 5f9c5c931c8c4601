// SPDX-License-Identifier: GPL-2.0
/*
 * summary_link.c - the summaries of other files, through the database.
 *
 * A function defined in another file is, to this TU, what the database
 * says its own file's summary said: what it releases (from which members,
 * and of which parameters), what it acquires, hands over or wraps, how it
 * fails, whether it is stable.  It joins the TU's summaries as a function
 * without a body, so helpers calling it inherit what it does exactly as
 * they do from a helper of the file (model cross-file); the engine lets
 * it take only what it releases of its arguments (calls.c).
 *
 * The other way, a function of this file called from elsewhere learns
 * which members those callers release (caller-cleans evidence, member by
 * member), and this file tells the database which members its own
 * functions release around the functions of other files they call.
 *
 * Only functions with external linkage are given: a static function's
 * name means nothing outside its file.  Facts name pairs and members by
 * name, so a database outlives the run that wrote it; a pair the rules
 * no longer have is skipped.
 */
#include "summary_impl.h"
#include "summary_db.h"

#include <string.h>

/* The rules' pairs by name, for reading facts back. */
static json_t *pair_index(const struct rules *rules)
{
	json_t *index = json_object();
	unsigned i;

	for (i = 0; i < rules_pair_count(rules); i++)
		json_object_set_new(index, rules_pair_at(rules, i)->name,
				    json_integer(i));
	return index;
}

static const struct pair *pair_named(const struct rules *rules, json_t *index,
				     json_t *name)
{
	json_t *at = json_object_get(index, json_string_value(name) ?
					    json_string_value(name) : "");

	return at ? rules_pair_at(rules, (unsigned)json_integer_value(at)) : NULL;
}

/* A pair of the rules themselves, not of a function's inferred overlay. */
static bool base_pair(const struct rules *rules, const struct pair *pair)
{
	return pair->index < rules_pair_count(rules) &&
	       rules_pair_at(rules, pair->index) == pair;
}

static json_t *bits_json(const struct summaries *s, const struct rules *rules,
			 const unsigned long *map)
{
	json_t *names = json_array();
	unsigned i;

	for (i = 0; i < rules_pair_count(rules); i++)
		if (bit_of(s, map, i))
			json_array_append_new(names,
				json_string(rules_pair_at(rules, i)->name));
	return names;
}

static void json_bits(const struct rules *rules, json_t *index, json_t *names,
		      unsigned long *map)
{
	const struct pair *pair;
	json_t *name;
	size_t i;

	json_array_foreach(names, i, name)
		if ((pair = pair_named(rules, index, name)))
			set_bit_of(map, pair->index);
}

/* Does the list of pair names @names name @pair? */
static bool json_names(const struct rules *rules, json_t *index, json_t *names,
		       const struct pair *pair)
{
	json_t *name;
	size_t i;

	json_array_foreach(names, i, name)
		if (pair_named(rules, index, name) == pair)
			return true;
	return false;
}

/* Set @key to @value unless it says nothing, to keep records short. */
static void set_some(json_t *obj, const char *key, json_t *value)
{
	if ((json_is_array(value) && !json_array_size(value)) ||
	    json_is_false(value) || (json_is_integer(value) && !json_integer_value(value)))
		json_decref(value);
	else
		json_object_set_new(obj, key, value);
}

static json_t *fails_json(const struct fails *f)
{
	json_t *obj = json_object(), *cases = json_array();
	unsigned i;

	json_object_set_new(obj, "how", json_integer(f->how));
	json_object_set_new(obj, "zero", json_boolean(f->zero));
	json_object_set_new(obj, "param", json_integer(f->param));
	for (i = 0; i < f->ncases; i++)
		json_array_append_new(cases, json_integer(f->cases[i]));
	json_object_set_new(obj, "cases", cases);
	return obj;
}

static void json_fails(json_t *obj, struct fails *f)
{
	json_t *cases = json_object_get(obj, "cases"), *c;
	size_t i;

	f->how = (enum fails_how)json_integer_value(json_object_get(obj, "how"));
	if (f->how > FAILS_UNLESS_CASE)
		f->how = FAILS_UNKNOWN;
	f->zero = json_is_true(json_object_get(obj, "zero"));
	f->param = (int)json_integer_value(json_object_get(obj, "param"));
	json_array_foreach(cases, i, c)
		if (f->ncases < FAILS_MAX_CASES)
			f->cases[f->ncases++] = json_integer_value(c);
}

/* A wrapper's acquires, one object per part; NULL if one is inferred. */
static json_t *wraps_json(const struct rules *rules, const struct rule_fn *chain)
{
	json_t *parts = json_array();
	const struct rule_fn *rule;

	for (rule = chain; rule; rule = rule->next) {
		json_t *part;

		if (!base_pair(rules, rule->pair)) {
			json_decref(parts);
			return NULL;
		}
		part = json_pack("{s:s, s:i, s:i, s:i}", "pair", rule->pair->name,
				 "success", rule->success, "handle", rule->handle.kind,
				 "arg", rule->handle.arg);
		if (rule->handle.member)
			json_object_set_new(part, "member",
					    json_string(rule->handle.member));
		json_array_append_new(parts, part);
	}
	return parts;
}

static struct rule_fn *json_wraps(const struct rules *rules, json_t *index,
				  json_t *parts, const char *name,
				  struct strtab *strings)
{
	size_t n = json_array_size(parts), i;
	struct rule_fn *chain;
	json_t *part;

	if (!n)
		return NULL;
	chain = xcalloc(n, sizeof(*chain));	/* one block, as wrappers are */
	json_array_foreach(parts, i, part) {
		const struct pair *pair = pair_named(rules, index,
						     json_object_get(part, "pair"));
		const char *member = json_string_value(json_object_get(part, "member"));
		long long success = json_integer_value(json_object_get(part, "success"));
		long long handle = json_integer_value(json_object_get(part, "handle"));

		if (!pair || success < 0 || success > SUCCESS_ALWAYS ||
		    handle < HANDLE_NONE || handle > HANDLE_ARG_MEMBER) {
			free(chain);
			return NULL;
		}
		chain[i] = (struct rule_fn){
			.name = name, .role = ROLE_ACQUIRE, .pair = pair,
			.learned = true, .success = (enum success_kind)success,
			.handle = { (enum handle_kind)handle,
				    (int)json_integer_value(json_object_get(part, "arg")),
				    member ? strtab_intern(strings, member) : NULL },
			.null_arg = -1, .next = i + 1 < n ? &chain[i + 1] : NULL,
		};
	}
	return chain;
}

static json_t *members_json(const struct rules *rules,
			    const struct freed_member *list, unsigned n)
{
	json_t *members = json_array();
	unsigned i;

	for (i = 0; i < n; i++)
		if (base_pair(rules, list[i].pair))
			json_array_append_new(members, json_pack("[s, s]",
				list[i].pair->name, list[i].member));
	return members;
}

static json_t *params_json(const struct rules *rules, const struct fn_summary *fs)
{
	json_t *params = json_array();
	unsigned i;

	for (i = 0; i < fs->nparams_freed; i++)
		if (base_pair(rules, fs->params_freed[i].pair))
			json_array_append_new(params, json_pack("[s, i]",
				fs->params_freed[i].pair->name,
				fs->params_freed[i].param));
	return params;
}

/* [[pair, member], ...] into a list of members. */
static void json_members(const struct rules *rules, json_t *index, json_t *items,
			 struct strtab *strings, struct freed_member **list,
			 unsigned *n, unsigned *cap)
{
	json_t *item;
	size_t i;

	json_array_foreach(items, i, item) {
		const struct pair *pair = pair_named(rules, index, json_array_get(item, 0));
		const char *member = json_string_value(json_array_get(item, 1));

		if (pair && member)
			summary_add_member(list, n, cap, pair,
					   strtab_intern(strings, member));
	}
}

static json_t *function_json(const struct summaries *s, const struct rules *rules,
			     const struct fn_summary *fs)
{
	json_t *facts = json_object(), *wraps;

	set_some(facts, "releases", bits_json(s, rules, fs->releases));
	set_some(facts, "unnamed", bits_json(s, rules, fs->frees_unnamed));
	set_some(facts, "acquires", bits_json(s, rules, fs->acquires));
	set_some(facts, "first", bits_json(s, rules, fs->releases_first));
	set_some(facts, "last", bits_json(s, rules, fs->releases_last));
	set_some(facts, "freed", members_json(rules, fs->freed, fs->nfreed));
	set_some(facts, "params", params_json(rules, fs));
	set_some(facts, "takes", json_integer(fs->takes));
	set_some(facts, "puts", json_boolean(fs->puts));
	set_some(facts, "stable", json_boolean(fs->stable));
	if (fs->fails.how != FAILS_UNKNOWN)
		json_object_set_new(facts, "fails", fails_json(&fs->fails));
	if (fs->wraps && (wraps = wraps_json(rules, fs->wraps)))
		json_object_set_new(facts, "wraps", wraps);
	return facts;
}

static void take_function(struct summaries *s, const struct rules *rules,
			  json_t *index, struct fn_summary *fs, json_t *facts,
			  struct strtab *strings)
{
	json_t *item;
	size_t i;

	json_bits(rules, index, json_object_get(facts, "acquires"), fs->acquires);
	json_bits(rules, index, json_object_get(facts, "first"), fs->releases_first);
	json_bits(rules, index, json_object_get(facts, "last"), fs->releases_last);
	json_members(rules, index, json_object_get(facts, "freed"), strings,
		     &fs->freed, &fs->nfreed, &fs->capfreed);
	/*
	 * What a function of another file releases, for this TU, is what
	 * it releases of its arguments: its own scratch buffers are none of
	 * its callers' business, and would make every helper calling it
	 * seem to free what it is given ("releases" is kept for people).
	 * For the same reason its last puts ("puts") are not taken: which
	 * object it puts, the record does not say.  What it releases of an
	 * argument is whatever of the pair the argument holds only where
	 * some release of the pair names no member ("unnamed": kfree(t));
	 * where each names one (kfree(cfg->a)), "freed" says which, as a
	 * summary of the file's own functions would (brcmf_btcoex_detach()
	 * frees cfg->btcoex, not the cfg->pno a failing caller still owes).
	 */
	json_array_foreach(json_object_get(facts, "params"), i, item) {
		const struct pair *pair = pair_named(rules, index, json_array_get(item, 0));
		json_int_t param = json_integer_value(json_array_get(item, 1));

		if (!pair || param < 0 || param >= 32)
			continue;
		summary_add_param_freed(fs, pair, (unsigned)param);
		set_bit_of(fs->releases, pair->index);
		if (json_names(rules, index, json_object_get(facts, "unnamed"), pair))
			set_bit_of(fs->frees_unnamed, pair->index);
	}
	memcpy(fs->direct, fs->releases, (s->words ? s->words : 1) * sizeof(long));
	fs->takes = (unsigned)json_integer_value(json_object_get(facts, "takes"));
	fs->stable = json_is_true(json_object_get(facts, "stable"));
	if (json_object_get(facts, "fails"))
		json_fails(json_object_get(facts, "fails"), &fs->fails);
	fs->wraps = json_wraps(rules, index, json_object_get(facts, "wraps"),
			       fs->name, strings);
}

/* Calls in @e to functions neither of the TU nor of the rules: to @names. */
static void collect_calls(const struct summaries *s, const struct rules *rules,
			  const struct ir *e, json_t *seen, struct ptrvec *names)
{
	unsigned i;

	if (!e)
		return;
	if (e->kind == IR_CALL && e->name && !find(s, e->name) &&
	    !rules_lookup(rules, e->name) && !json_object_get(seen, e->name)) {
		json_object_set_new(seen, e->name, json_true());
		ptrvec_push(names, (void *)e->name);
	}
	for (i = 0; i < e->nkids; i++)
		collect_calls(s, rules, e->kids[i], seen, names);
}

void summary_link_functions(struct summaries *s, const struct rules *rules,
			    const struct summary_link *link)
{
	struct ptrvec names = { 0 };
	json_t *seen = json_object(), *index = pair_index(rules);
	unsigned i;

	for (i = 0; i < s->nlocal; i++)
		collect_calls(s, rules, s->fns[i].fn->body, seen, &names);
	s->fns = xrealloc(s->fns, (s->nlocal + names.len) * sizeof(*s->fns));
	for (i = 0; i < names.len; i++) {
		struct fn_summary *fs = &s->fns[s->n++];
		json_t *facts = link->db ?
				summary_db_function(link->db, names.items[i]) : NULL;

		summary_init_entry(s, fs, names.items[i]);
		if (facts)
			take_function(s, rules, index, fs, facts, link->strings);
		json_decref(facts);
	}
	summary_index_names(s);
	ptrvec_free(&names);
	json_decref(seen);
	json_decref(index);
}

void summary_link_callers(struct summaries *s, const struct rules *rules,
			  const struct summary_link *link)
{
	json_t *index = pair_index(rules), *callers, *facts;
	unsigned i;
	size_t k;

	for (i = 0; link->db && i < s->nlocal; i++) {
		struct fn_summary *fs = &s->fns[i];

		if (!fs->fn->external || !fs->fn->body)
			continue;
		callers = summary_db_callers(link->db, fs->name, link->file);
		json_array_foreach(callers, k, facts) {
			json_members(rules, index, json_object_get(facts, "freed"),
				     link->strings, &fs->callers_freed,
				     &fs->ncallers_freed, &fs->capcallers_freed);
		}
		json_decref(callers);
	}
	json_decref(index);
}

bool summary_link_export(const struct summaries *s, const struct rules *rules,
			 const struct summary_link *link, unsigned nown,
			 bool *changed, char **err)
{
	unsigned i;
	bool ok;

	if (!summary_db_begin_file(link->db, link->file, err))
		return false;
	for (i = 0, ok = true; ok && i < s->n; i++) {
		const struct fn_summary *fs = &s->fns[i];
		json_t *facts;

		if (i < nown && fs->fn->external && fs->fn->body) {
			facts = function_json(s, rules, fs);
			ok = summary_db_put_function(link->db, fs->name, facts, err);
		} else if (i >= s->nlocal && fs->ncallers_freed) {
			facts = json_object();
			set_some(facts, "freed", members_json(rules, fs->callers_freed,
							      fs->ncallers_freed));
			ok = summary_db_put_callers(link->db, fs->name, facts, err);
		} else {
			continue;
		}
		json_decref(facts);
	}
	if (!ok) {
		summary_db_abort_file(link->db);
		return false;
	}
	return summary_db_end_file(link->db, changed, err);
}
