// Binding keys are access paths: passing &b to a call that may change b
// forgets what b and the lvalues below it hold, and nothing else.  The
// pointer below is the function's eleventh variable (v10), b its second
// (v1): a key compared by its text alone took v10 for a path below v1,
// and the leak went unreported.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct pad { int x; };
int fill(struct pad *b);

// CHECK-LABEL: In function 'eleventh_variable':
int eleventh_variable(void)
{
	int a0 = 0;
	struct pad b;
	int a2 = 0, a3 = 0, a4 = 0, a5 = 0, a6 = 0, a7 = 0, a8 = 0, a9 = 0;
	char *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (fill(&b))
		// CHECK: access-paths.c:[[@LINE+1]]:3: warning: 'p' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	kfree(p);
	return a0 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + b.x;
}

// What &b reaches is forgotten: the pointer stored in b may be freed by
// the callee, so it is no longer owed here.
struct holder { char *buf; };
int take(struct holder *h);

int below_the_address(void)
{
	struct holder h;

	h.buf = kmalloc(16, GFP_KERNEL);
	if (!h.buf)
		return -ENOMEM;
	if (take(&h))
		return -EIO;
	return 0;
}
