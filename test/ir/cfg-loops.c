// The CFG marks each loop for the path notes: the block that jumps into
// it, the block each pass through its body starts with, and the block
// it goes on to when it ends.  A macro's own loop is not marked.
// RUN: %ladder --dump-cfg %s | FileCheck %s

int step(int i);

#define POLL(x) ({ int __n = 0; while (step(__n)) __n++; x; })

// CHECK-LABEL: cfg loops:
// CHECK: jump B[[HEAD:[0-9]+]], enters loop L1
// CHECK: B[[HEAD]]: 0 elems, branch line [[@LINE+9]] B[[BODY:[0-9]+]] B[[EXIT:[0-9]+]]
// CHECK: B[[BODY]]: {{.*}}, pass of L1
// CHECK: B[[EXIT]]: {{.*}}, leaves L1
// CHECK: enters do L2
// CHECK-NOT: L3
int loops(int n)
{
	int i, r = 0;

	for (i = 0; i < n; i++)
		r += step(i);
	do {
		r--;
	} while (r > 0);
	return POLL(r);
}
