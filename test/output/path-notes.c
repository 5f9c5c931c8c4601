// Path notes a person can follow: a loop's passes are counted honestly,
// the branch that decides the path is always shown (spelled as the
// source spells its condition when it can be), and a macro's own tests
// and labels, which do not touch the resource, are left out.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder --all-paths -I %inputs %s | FileCheck %s --check-prefix=QUIET
// RUN: %ladder --all-paths -I %inputs %s | FileCheck %s --check-prefix=ALL

#include "kernel.h"

int setup(void *p);
int ready(void);
struct item { int n; };
struct ops { int (*reg)(void *); };
struct pipe { void *of_node; struct ops *ops; int limit; };

/* WARN_ON() as the kernel spells it: a ({ }) with its own test. */
#define WARN_ON(cond) ({ int __ret_warn_on = !!(cond); \
	if (unlikely(__ret_warn_on)) setup(NULL); unlikely(__ret_warn_on); })
/* nvkm_error()'s shape: a do { } while (0) with a test of its own. */
#define DBG(lvl, x) do { if ((lvl) > 2) setup(x); } while (0)
/* put_user()'s shape: a label of the macro's own. */
#define GET_ONE(x) ({ __label__ __pu_failed; int __e = 0; \
	if (setup(&(x))) goto __pu_failed; if (0) { __pu_failed: __e = -EIO; } __e; })

// The path returns on the second pass (the first one continues), and
// the note says so.
// CHECK-LABEL: In function 'second_pass':
// CHECK: path-notes.c:[[@LINE+18]]:4: warning: 'p' from kzalloc()
// CHECK-NEXT: note: 'p' acquired here by kzalloc()
// CHECK-NEXT: note: 'p' (from kzalloc()) is not NULL
// CHECK-NEXT: path-notes.c:[[@LINE+10]]:2: note: entering the loop for the 2nd time
// CHECK-NEXT: note: 'i' is non-zero
// CHECK-NEXT: note: 'ret' (from setup()) is non-zero
int second_pass(struct item *items)
{
	int i, ret;
	void *p = kzalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	for (i = 0; i < 3; i++) {
		if (i == 0)
			continue;
		ret = setup(&items[i]);
		if (ret)
			return ret;
	}
	kfree(p);
	return 0;
}

// A loop the path runs through with notes inside, then leaves.
// CHECK-LABEL: In function 'left_loop':
// CHECK: warning: 'p' from kzalloc()
// CHECK-NEXT: note: 'p' acquired here by kzalloc()
// CHECK-NEXT: note: 'p' (from kzalloc()) is not NULL
// CHECK-NEXT: path-notes.c:[[@LINE+11]]:2: note: entering the loop
// CHECK-NEXT: note: 'ret' (from setup()) is non-zero
// CHECK-NEXT: path-notes.c:[[@LINE+9]]:2: note: leaving the loop
// CHECK-NEXT: note: 'ready() > n' is true
int left_loop(struct item *items, int n)
{
	int i, ret = 0;
	void *p = kzalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	for (i = 0; i < 1; i++) {
		ret = setup(items);
		if (ret)
			break;
	}
	if (ready() > n)
		return -EIO;
	kfree(p);
	return ret;
}

// Conditions with no value to name still show the branch taken: a
// relation, a pointer, a call through a pointer.
// CHECK-LABEL: In function 'deciding_branch':
// CHECK: warning: 'p' from kzalloc()
// ALL-LABEL: In function 'deciding_branch':
// ALL: path-notes.c:[[@LINE+16]]:3: warning: 'p' from kzalloc()
// ALL: note: 'p' (from kzalloc()) is not NULL
// ALL-NEXT: path-notes.c:[[@LINE+13]]:6: note: 'pp->limit < n' is true
// ALL: path-notes.c:[[@LINE+15]]:3: warning: 'p' from kzalloc()
// ALL: note: 'pp->limit < n' is false
// ALL-NEXT: note: 'pp->of_node' is NULL
// ALL: path-notes.c:[[@LINE+14]]:3: warning: 'p' from kzalloc()
// ALL: note: 'pp->of_node' is not NULL
// ALL-NEXT: path-notes.c:[[@LINE+11]]:6: note: the value here is non-zero
int deciding_branch(struct pipe *pp, int n)
{
	void *p = kzalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (pp->limit < n)
		return -EINVAL;
	if (!pp->of_node)
		return -ENODEV;
	if (pp->ops->reg(p))
		return -EIO;
	kfree(p);
	return 0;
}

// A macro's ({ }) tests its own variable and jumps to its own label:
// neither is named in a note, and a do { } while (0) macro's own test is
// left out.  The branch inside WARN_ON() decides the path, so it is
// shown, as the value it tests.  A do { } while (0)'s single pass is no
// loop.
// CHECK-LABEL: In function 'macro_steps':
// CHECK: warning: 'p' from kzalloc()
// CHECK-NEXT: note: 'p' acquired here by kzalloc()
// CHECK-NEXT: note: 'p' (from kzalloc()) is not NULL
// CHECK-NEXT: path-notes.c:[[@LINE+16]]:6: note: the value here is non-zero
// CHECK-NEXT: note: also not released at this error return
// QUIET-NOT: __ret_warn_on
// QUIET-NOT: __pu_failed
// QUIET-NOT: pp->limit > 2
int macro_steps(struct pipe *pp)
{
	void *p = kzalloc(16, GFP_KERNEL);
	int v;

	if (!p)
		return -ENOMEM;
	do {
		v = setup(p);
	} while (0);
	DBG(pp->limit, p);
	if (WARN_ON(!pp->ops))
		return -EINVAL;
	if (GET_ONE(v))
		return -EIO;
	kfree(p);
	return 0;
}

// A release of the pair on the path that ends something else is named,
// so that the reader sees why it does not count.
struct holder { void *old; };
// CHECK-LABEL: In function 'other_handle':
// CHECK: path-notes.c:[[@LINE+15]]:3: warning: 'buf' from kzalloc()
// CHECK-NEXT: note: 'buf' acquired here by kzalloc()
// CHECK-NEXT: note: 'buf' (from kzalloc()) is not NULL
// CHECK-NEXT: note: 'ret' (from setup()) is non-zero
// CHECK-NEXT: path-notes.c:[[@LINE+10]]:3: note: kfree() here is given 'h->old', not 'buf'
int other_handle(struct holder *h)
{
	void *buf = kzalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = setup(buf);
	if (ret) {
		kfree(h->old);
		return ret;
	}
	h->old = buf;
	return 0;
}

// A loop's test going in is the loop's own note, not also a value's
// (list_for_each_entry()'s !list_is_head()).
int more(void *p);
// CHECK-LABEL: In function 'loop_by_call':
// CHECK: warning: 'buf' from kzalloc()
// CHECK-NEXT: note: 'buf' acquired here by kzalloc()
// CHECK-NEXT: note: 'buf' (from kzalloc()) is not NULL
// CHECK-NEXT: path-notes.c:[[@LINE+9]]:2: note: entering the loop
// CHECK-NEXT: note: 'ret' (from setup()) is non-zero
int loop_by_call(void *h)
{
	void *buf = kzalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	while (more(h)) {
		ret = setup(h);
		if (ret)
			return ret;
	}
	kfree(buf);
	return 0;
}
