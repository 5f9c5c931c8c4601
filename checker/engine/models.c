// SPDX-License-Identifier: GPL-2.0
/*
 * models.c - the registry of named modelling decisions (models.h).
 *
 * The table is the list a maintainer reads with --help=models; the
 * engine asks model_on() where each decision is made.
 */
#include "models.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

const struct model models[NR_MODELS] = {
	[MODEL_CALLER_CLEANS] = { "caller-cleans",
		"a resource stored in an object the function was given is its caller's, "
		"when a caller in the file releases that pair, not through this function" },
	[MODEL_PERMANENT_GLOBAL] = { "permanent-global",
		"an object kept in a global that no function of the file releases is meant to stay" },
	[MODEL_HELPER_RELEASES] = { "helper-releases",
		"a resource passed to a helper of the file that may release its pair is the helper's" },
	[MODEL_RESTORE_MARKER] = { "restore-marker",
		"an acquire through what the path released first, unacquired, puts back what it found" },
	[MODEL_KEEP_WHEN_SKIPPED] = { "keep-when-skipped",
		"a release guarded by a call made only there is skipped by choice when the call says no" },
	[MODEL_DISCARDED_RESULT] = { "discarded-result",
		"what an acquire returns to a statement that drops it is meant to live on" },
	[MODEL_OWED_IF_RELEASED] = { "owed-if-released",
		"a pair marked owed-if-released is owed only where the function releases it somewhere" },
	[MODEL_STABLE_CALLS] = { "stable-calls",
		"a stable call answers the same for the same arguments, so its tests are path conditions" },
	[MODEL_CANNOT_FAIL] = { "cannot-fail",
		"a helper of the file whose errors need an argument this call does not pass succeeds" },
	[MODEL_OLDER_GLOBAL] = { "older-global",
		"a pointer the path allocated is neither a local's address nor what a global held before" },
	[MODEL_HELD_BY_NAME] = { "held-by-name",
		"a function named for taking a lock (rules' held-on-return-words) returns holding it" },
	[MODEL_SAME_RELATION] = { "same-relation",
		"two values compared twice, neither assigned between, compare the same way" },
	[MODEL_KNOWN_SIDE] = { "known-side",
		"a comparison of two values, one a constant the path knows (a local set to NULL), "
		"tests the other against that constant: a later test of it answers the same" },
	[MODEL_JOINED_EXCLUSIONS] = { "joined-exclusions",
		"where paths join, a value both exclude (one tested x != 3, the other set x = 0) "
		"stays excluded: a later x == 3 cannot hold" },
	[MODEL_VOID_SETUP] = { "void-setup",
		"a void function that leaves the same resources in its arguments' members at every return "
		"(device_lock(dev) holding dev->mutex) acquires them for its callers, and cannot fail" },
	[MODEL_LOCK_SETUP] = { "lock-setup",
		"an int function whose every success return holds a lock in a member of its argument, "
		"and whose failures do not (a trylock helper checking state), takes it for its callers" },
	[MODEL_LENT_PARAMS] = { "lent-params",
		"a helper of the file that only reads, writes, tests and lends on a pointer it is given "
		"(memcpy()) keeps none: what only locals held, only locals hold after the call" },
	[MODEL_CLEARED_HOLDER] = { "cleared-holder",
		"a member set to NULL that alone held what was left in it for the object's owner "
		"(ctx->key = NULL with the key still mapped) leaves the owner nothing: the path owes it again" },
	[MODEL_EMBEDDED_HOLDER] = { "embedded-holder",
		"an object embedded in a given one (&priv->notifier) is held by that object, as a "
		"pointer member is: what it holds when the function fails is its caller's, when a caller "
		"cleans that member" },
	[MODEL_PASSED_UP] = { "passed-up",
		"a static helper whose every caller in the file tests its result and returns, up to an ops "
		"callback, is cleaned after only by what those returns release: a caller releasing the pair "
		"elsewhere is no evidence" },
	[MODEL_LOOP_ELEMENTS] = { "loop-elements",
		"a release call meeting its own earlier release went round a loop: another element; "
		"an acquire made again keeps what earlier passes hold" },
	[MODEL_PENDING_ALIKE] = { "pending-alike",
		"an errno the code handles on the branch it takes for a pending value is pending there too" },
	[MODEL_HELD_BY_MIRROR] = { "held-by-mirror",
		"a function whose mirror-named undo in the file drops a lock it takes returns holding it" },
	[MODEL_HEADER_INLINES] = { "header-inlines",
		"the headers' inline functions a file calls are summarised like its own (stable, releases), "
		"and so are the static functions of a .c file it includes" },
	[MODEL_CALLER_CHAIN] = { "caller-chain",
		"what cleans after a caller's failure cleans after the callee whose failure it passes on" },
	[MODEL_OUT_NULL_ON_FAILURE] = { "out-null-on-failure",
		"an acquire that fails leaves its out argument NULL, so a NULL-safe release of it does nothing" },
	[MODEL_ACTION_RELEASES] = { "action-releases",
		"what a devm action of the file releases, it releases for the function that adds it" },
	[MODEL_CALLER_PUTS] = { "caller-puts",
		"a resource stored in an object the function was given is its caller's, "
		"when a caller in the file gives an object its last put (put_device()), whose release frees it" },
	[MODEL_HELD_QUERY] = { "held-query",
		"a pair's state query (pm_runtime_enabled()) answers yes while the path holds what the pair acquired" },
	[MODEL_HELPER_TAKES] = { "helper-takes",
		"a helper of the file that hands its argument to a call taking it (put_device()) takes it too" },
	[MODEL_ADDRESS_ALIAS] = { "address-alias",
		"a pointer local assigned once, to &x->m with x never reassigned, names x->m: "
		"a->f is x->m.f" },
	[MODEL_RELEASED_RESULT] = { "released-result",
		"a call no rule knows, whose pointer result the file tests for failure and gives "
		"to a known release in an unwind ladder, acquires for that release's pair" },
	[MODEL_OWNER_FREES] = { "owner-frees",
		"a function called from other files, whose error paths release no member of any object, "
		"leaves what it stores in a given object to that object's destructor in the file" },
	[MODEL_LAZY_CACHE] = { "lazy-cache",
		"what a path stores in a member of a given object it found NULL (if (!obj->m) obj->m = ...) "
		"is a cache the object keeps, unless the function releases it from there" },
	[MODEL_VALUE_RANGES] = { "value-ranges",
		"a value tested against constants keeps the range the tests left it until assigned: "
		"x >= 5 once, then x == 3 cannot hold" },
	[MODEL_CROSS_FILE] = { "cross-file",
		"with --db, a function of another file does what the summary database says its file's "
		"summary said, and a function's callers in other files clean what they are seen to clean" },
	[MODEL_MANAGED_NAMES] = { "managed-names",
		"a function named as managed (the rules' managed-prefixes: devm_) is no wrapper of what it "
		"acquires: devres undoes it, its callers owe nothing" },
	[MODEL_LOOP_CARRIED] = { "loop-carried",
		"what an acquire returns going round a loop is a new object, not the one a variable "
		"still holds from the last pass (tnode = np; np = of_irq_find_parent(np); of_node_put(tnode))" },
	[MODEL_EMBEDDED_ALIAS] = { "embedded-alias",
		"a local holding an embedded part's address (pad = &usb2->base) is part of that object: "
		"device_unregister(&pad->dev) hands usb2 to the release callback" },
	[MODEL_EMBEDDED_HANDLE] = { "embedded-handle",
		"a call given the address of a resource that is an object embedded where it lives "
		"(v4l2_ctrl_new_std(&ctx->hdl, ...)) uses it as foo(p) uses p: it does not take it" },
	[MODEL_TEARDOWN_UNDOES] = { "teardown-undoes",
		"a callback whose framework runs its teardown after it fails (a system-sleep resume, "
		"then suspend; hw_params, then hw_free) leaves what it stores in a given object "
		"and the teardown releases to the teardown" },
	[MODEL_DROP_NAMED] = { "drop-named",
		"a call of another file no rule knows, named for dropping an object (foo_put(), foo_free(): "
		"the rules' drop-words), takes its first argument and what it holds, as put_device() does" },
	[MODEL_HANDED_ON_SOME_PATH] = { "handed-on-some-path",
		"what some path of the function hands beyond its locals (a call, a member), the paths "
		"that keep it in locals hand over too, in ways ladder does not see (a loop run no times)" },
	[MODEL_COPIED_MEMBER] = { "copied-member",
		"a pointer read from a member (pdev = ioc->pdev) is what the member holds until either "
		"is assigned: a helper given the object reaches what the local names" },
	[MODEL_HELPER_STORES] = { "helper-stores",
		"a function of the TU or an inline of the headers whose body only stores parameters "
		"in members of others (dev_set_drvdata()) is those stores at its call" },
	[MODEL_HELD_THROUGH] = { "held-through",
		"what a member of an object holds is reachable from whatever holds that object: "
		"a helper given dev reaches info->page once dev's drvdata holds info" },
	[MODEL_RESIZED_MEMBER] = { "resized-member",
		"p->a = krealloc(p->a, ...) resizes what the object already owned: the object owns "
		"the new block as it owned the old, and a later failure owes nothing for it" },
	[MODEL_ERROR_LABEL] = { "error-label",
		"a void function's return reached through a label named for a failure (err_*, "
		"fail*: rules' error-label-words) is an error return" },
	[MODEL_INLINE_WRAPPERS] = { "inline-wrappers",
		"a header's inline function the file calls is explored like the file's own functions, for what it "
		"acquires and gives back (alloc_skb() is __alloc_skb()), never reported on" },
	[MODEL_HANDED_ON_SUCCESS] = { "handed-on-success",
		"a call whose failure the function answers by releasing what it gave the call, and after which "
		"it never names that again, took it when it succeeded (ret = foo_send(skb); if (ret) kfree_skb(skb);)" },
	[MODEL_FLAG_BITS] = { "flag-bits",
		"x & M read after tests of x & m keeps what they found: a bit of M found set sets it, "
		"M's bits all found clear clear it" },
	[MODEL_CLEARED_AFTER_CALL] = { "cleared-after-call",
		"a pointer set to NULL by the statement right after a call it was given no longer names what it held: "
		"the call took it (hci_recv_frame(hdev, skb); skb = NULL;)" },
	[MODEL_CONTENTS_FOLLOW] = { "contents-follow",
		"what an object holds goes where the object goes: a block left to the caller or handed over "
		"takes what its members hold with it (wiphy->bands[0] = band takes band->channels)" },
	[MODEL_TABLED_CALLERS] = { "tabled-callers",
		"a static function the file never calls but names in a file-scope initialiser (an ops table) "
		"is called from other files, as an external one is (for owner-frees)" },
	[MODEL_BRACKETED_RELEASE] = { "bracketed-release",
		"a release that a later statement of its block acquires again through the same place "
		"(pm_runtime_disable(dev); pm_runtime_set_active(dev); pm_runtime_enable(dev);) puts back what it found" },
	[MODEL_SIZED_BUFFER] = { "sized-buffer",
		"a function of another file given a buffer and then its length (void *data, u32 len: "
		"the rules' length-words) reads or fills the buffer and does not keep it" },
	[MODEL_OFFSET_NONNULL] = { "offset-nonnull",
		"a pointer moved by an offset is non-NULL when the pointer is, as C and the compiler assume "
		"(container_of(dev, struct foo, dev) after a test that dev is not NULL)" },
	[MODEL_UNDONE_IN_FILE] = { "undone-in-file",
		"a pair marked owed-if-released is owed too where another function of the file undoes "
		"the member it is kept in (a deinit asserting phy->rst_phy): the driver keeps it balanced" },
	[MODEL_OPTIONAL_SETUP] = { "optional-setup",
		"an int function that leaves resources in its arguments' members on some success returns and "
		"nothing on others (an optional part: audio, LEDs) sets them up for its callers when it succeeds" },
	[MODEL_TESTED_RETURN] = { "tested-return",
		"an int function returning a test's result (return PTR_ERR_OR_ZERO(p);) returns twice: "
		"0 where the test is false, the error where it is true" },
	[MODEL_MEMBER_KEPT] = { "member-kept",
		"a call that fails leaves the member of its argument it would fill as it was: releasing that member "
		"after the failure releases what it held before, not what the call failed to acquire" },
	[MODEL_CLEARED_AFTER_MEMBER] = { "cleared-after-member",
		"a pointer set to NULL by the statement right after a call given the address of one of its "
		"members no longer names what it held: the call reached the object by container_of() and freed or "
		"took it (kset_unregister(&priv->subsys); priv = NULL;)" },
	[MODEL_MANAGED_WITH] = { "managed-with",
		"a pair the rules call managed-with a function (pci_alloc_irq_vectors() with pcim_enable_device()) "
		"is managed in a file that calls it: devres releases what it acquires" },
};

static bool switched_off[NR_MODELS];
static unsigned long silenced[NR_MODELS];

bool model_on(enum model_id id)
{
	return !switched_off[id];
}

static int model_by_name(const char *name, size_t len)
{
	int i;

	for (i = 0; i < NR_MODELS; i++)
		if (strlen(models[i].name) == len && !strncmp(models[i].name, name, len))
			return i;
	return -1;
}

bool models_configure(const char *spec, char **err)
{
	const char *p = spec;

	while (*p) {
		bool off = *p == '-';
		size_t len;
		int id;

		if (*p == '-' || *p == '+')
			p++;
		len = strcspn(p, ",");
		id = model_by_name(p, len);
		if (id < 0) {
			*err = xasprintf("unknown model '%.*s' (ladder --help=models lists them)",
					 (int)len, p);
			return false;
		}
		switched_off[id] = off;
		p += len;
		if (*p == ',')
			p++;
	}
	return true;
}

char *models_options(void)
{
	char *opts = NULL, *more;
	int i;

	for (i = 0; i < NR_MODELS; i++) {
		if (!switched_off[i])
			continue;
		more = xasprintf("%s%s-%s", opts ? opts : "--model=", opts ? "," : "",
				 models[i].name);
		free(opts);
		opts = more;
	}
	return opts;
}

void models_print(FILE *out)
{
	int i;

	fprintf(out, "Models: what ladder assumes of the code it reads; --model=-NAME switches one off.\n\n");
	for (i = 0; i < NR_MODELS; i++)
		fprintf(out, "  %-18s %s%s\n", models[i].name, models[i].reason,
			switched_off[i] ? " [off]" : "");
}

const char *escape_reason_name(unsigned char reason)
{
	static const char *const facts[ESC_MODEL] = {
		[ESC_NONE] = "owed",
		[ESC_UNTRACKED] = "stored where ladder cannot follow it",
		[ESC_ADDRESS_PASSED] = "its holder's address went to a call that may change it",
		[ESC_HAND_OFF] = "a call took it over",
		[ESC_IMPLICIT] = "a call released it on its way",
		[ESC_SCOPE_END] = "the __free() variable holding it went out of scope",
	};

	if (reason < ESC_MODEL)
		return facts[reason];
	if (reason - ESC_MODEL < NR_MODELS)
		return models[reason - ESC_MODEL].name;
	return "?";
}

void model_count_silenced(unsigned char reason)
{
	if (reason >= ESC_MODEL && reason - ESC_MODEL < NR_MODELS)
		silenced[reason - ESC_MODEL]++;
}

unsigned long model_silenced(enum model_id id)
{
	return silenced[id];
}
