// Scope-based cleanup as Linux 6.12 spells it (test/Inputs/cleanup.h
// holds the kernel's own macros): a __free() variable is released at
// scope exit, ownership leaves it with no_free_ptr()/return_ptr()/
// retain_and_null_ptr(), guard() and scoped_guard() unlock by
// themselves, and for_each_child_of_node_scoped() puts the node.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#define LADDER_REAL_CLEANUP
#include "../Inputs/kernel.h"
#include "../Inputs/cleanup.h"

struct foo { void *buf; struct mutex lock; };
int hw_init(void *p);
int hw_busy(void);
int register_foo(struct foo *f);
int use_node(struct device_node *np);

// Silent: freed at scope exit on every error return.
int free_on_scope_exit(void)
{
	void *buf __free(kfree) = kzalloc(32, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (hw_init(buf))
		return -EIO;
	return 0;
}

// Silent: return_ptr() hands the buffer to the caller.
void *handed_to_caller(void)
{
	void *buf __free(kfree) = kzalloc(32, GFP_KERNEL);

	if (!buf)
		return NULL;
	if (hw_init(buf))
		return NULL;
	return_ptr(buf);
}

// Silent: no_free_ptr() into the caller's object.
int stored_for_caller(struct foo *f)
{
	void *buf __free(kfree) = kzalloc(32, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (hw_init(buf))
		return -EIO;
	f->buf = no_free_ptr(buf);
	return 0;
}

// Fires: no_free_ptr() moved the buffer out of the __free() variable
// into a plain local, and the error return after it leaks it.
// CHECK: scoped.c:[[@LINE+10]]:3: warning: 'raw' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
int moved_then_leaked(struct foo *f)
{
	void *buf __free(kfree) = kzalloc(32, GFP_KERNEL);
	void *raw;

	if (!buf)
		return -ENOMEM;
	raw = no_free_ptr(buf);
	if (hw_init(raw))
		return -EIO;
	f->buf = raw;
	return 0;
}

// Silent: retain_and_null_ptr() after the callee took the object on
// success; a failed registration still frees it at scope exit.
int retained_on_success(void)
{
	struct foo *f __free(kfree) = kzalloc(sizeof(*f), GFP_KERNEL);
	int ret;

	if (!f)
		return -ENOMEM;
	ret = register_foo(f);
	if (!ret)
		retain_and_null_ptr(f);
	return ret;
}

// Silent: guard() unlocks at scope exit.
int guarded(struct foo *f)
{
	guard(mutex)(&f->lock);
	if (hw_busy())
		return -EIO;
	return 0;
}

// Silent: so does scoped_guard(), for a return inside its body.
int scoped(struct foo *f)
{
	scoped_guard(mutex, &f->lock) {
		if (hw_busy())
			return -EIO;
	}
	return 0;
}

// Fires: a plain mutex_lock() is held on the busy return.
// CHECK: scoped.c:[[@LINE+5]]:3: warning: 'f->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
int unguarded(struct foo *f)
{
	mutex_lock(&f->lock);
	if (hw_busy())
		return -EIO;
	mutex_unlock(&f->lock);
	return 0;
}

// Fires: leaving for_each_child_of_node() early keeps the child's
// reference.
// CHECK: scoped.c:[[@LINE+7]]:4: warning: 'child' from of_get_next_child() is not released on this error path; of_node_put() is missing [ladder-leak]
int early_exit(struct device_node *parent)
{
	struct device_node *child;

	for_each_child_of_node(parent, child) {
		if (use_node(child))
			return -EINVAL;
	}
	return 0;
}

// Silent: the scoped iterator puts the child on the way out.
int early_exit_scoped(struct device_node *parent)
{
	for_each_child_of_node_scoped(parent, child) {
		if (use_node(child))
			return -EINVAL;
	}
	return 0;
}

// Silent: the early exit puts the child itself.
int early_exit_put(struct device_node *parent)
{
	struct device_node *child;

	for_each_child_of_node(parent, child) {
		if (use_node(child)) {
			of_node_put(child);
			return -EINVAL;
		}
	}
	return 0;
}

struct device_node *of_cpu_device_node_get(int cpu);
struct device_node *of_find_next_cache_node(const struct device_node *np);
int check_node(struct device_node *np);

// Silent: each pass's prev is a new variable, whose scope ended with the
// pass before and put the node it held (drivers/base/cacheinfo.c,
// init_of_cache_level()).
int walk_cache_levels(int cpu)
{
	struct device_node *np __free(device_node) = of_cpu_device_node_get(cpu);

	while (1) {
		struct device_node *prev __free(device_node) = np;

		np = of_find_next_cache_node(np);
		if (!np)
			break;
		if (check_node(np))
			return -EINVAL;
	}
	return 0;
}

// A node kept in a plain local across passes still leaks: only a
// __free() variable is released at the end of its scope.
int walk_cache_levels_plain(int cpu)
{
	struct device_node *np = of_cpu_device_node_get(cpu);

	while (np) {
		struct device_node *prev = np;

		np = of_find_next_cache_node(np);
		if (np && check_node(np))
			// CHECK: scoped.c:[[@LINE+1]]:4: warning: 'np' from of_cpu_device_node_get() is not released on this error path; of_node_put() is missing [ladder-leak]
			return -EINVAL;
		of_node_put(prev);
	}
	return 0;
}
