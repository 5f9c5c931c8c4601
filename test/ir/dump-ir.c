// --dump-ir prints each function's IR tree, one node a line: variables
// by identity, calls with their site numbers, comparisons, updates,
// labels by number, and what a macro's ({ }) declares or tests marked
// [macro].
// RUN: %ladder --dump-ir %s | FileCheck %s

void *kzalloc(unsigned long n, unsigned f);
void kfree(const void *p);
int setup(void *p);

#define CHECKED(x) ({ int __r = (x); if (__r < 0) __r = -5; __r; })

// CHECK-LABEL: ir probe: returns signed, 1 params, 4 vars, {{[0-9]+}} call sites
// CHECK-NEXT:   block @{{[0-9]+}}
// CHECK:          decl v1 p [pointer]
// CHECK-NEXT:       call kzalloc site 0 [pointer]
// CHECK:          if
// CHECK-NEXT:       not
// CHECK-NEXT:         var v1 p [pointer]
// CHECK-NEXT:       return
// CHECK-NEXT:         const -12
// CHECK-NEXT:       -
// CHECK:          assign
// CHECK-NEXT:       var v2 ret
// CHECK-NEXT:       stmtexpr
// CHECK:          decl v3 __r [macro]
// CHECK:          if [macro]
// CHECK-NEXT:       cmp <
// CHECK-NEXT:         var v3 __r [macro]
// CHECK-NEXT:         const 0
// CHECK:          update x--
// CHECK-NEXT:       var v0 n
// CHECK:          goto 0
// CHECK:          label 0 err
// CHECK-NEXT:       block
// CHECK-NEXT:         call kfree site {{[0-9]+}} [discarded]
int probe(int n)
{
	void *p = kzalloc(16, 0);
	int ret;

	if (!p)
		return -12;
	ret = CHECKED(setup(p));
	n--;
	if (ret)
		goto err;
	return 0;
err:
	{
		kfree(p);
		return ret;
	}
}
