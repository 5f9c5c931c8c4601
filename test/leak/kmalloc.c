// Memory from kmalloc and friends must be freed on every error return.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct foo { void *buf; char *name; int irq; };

// CHECK: In function 'leak_simple':
int leak_simple(void)
{
	char *p = kmalloc(16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (some_setup())
		// CHECK: kmalloc.c:[[@LINE+1]]:3: warning: 'p' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	// CHECK: note: 'p' acquired here by kmalloc()
	kfree(p);
	return 0;
}

// The goto ladder releases in reverse: nothing to report.
int ladder_ok(struct foo **out)
{
	struct foo *f;
	int ret;

	f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return -ENOMEM;
	f->buf = kmalloc(64, GFP_KERNEL);
	if (!f->buf) {
		ret = -ENOMEM;
		goto free_f;
	}
	f->name = kstrdup("x", GFP_KERNEL);
	if (!f->name) {
		ret = -ENOMEM;
		goto free_buf;
	}
	ret = some_hw_init(f);
	if (ret)
		goto free_name;
	*out = f;
	return 0;

free_name:
	kfree(f->name);
free_buf:
	kfree(f->buf);
free_f:
	kfree(f);
	return ret;
}

// A label skipped: the second allocation leaks when the init fails.
// CHECK: In function 'ladder_skips_rung':
int ladder_skips_rung(void)
{
	void *a, *b;
	int ret;

	a = kmalloc(8, GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	b = kmalloc(8, GFP_KERNEL);
	if (!b) {
		ret = -ENOMEM;
		goto free_a;
	}
	ret = some_hw_init(b);
	if (ret)
		goto free_a;
	// Nothing keeps 'a' on success either (b went to some_hw_init()).
	// CHECK: kmalloc.c:[[@LINE+1]]:2: warning: 'a' from kmalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	return 0;
free_a:
	kfree(a);
	// CHECK: kmalloc.c:[[@LINE+1]]:2: warning: 'b' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
	// CHECK: note: 'b' acquired here by kmalloc()
	// CHECK: note: 'ret' (from some_hw_init()) is non-zero
	// CHECK: note: path continues at label 'free_a'
}

// if (p) kfree(p): the NULL-guarded release is a release.
int guarded_free(int n)
{
	char *p = NULL;
	int ret = 0;

	if (n > 4) {
		p = kmalloc(n, GFP_KERNEL);
		if (!p)
			return -ENOMEM;
	}
	ret = some_setup();
	if (p)
		kfree(p);
	return ret;
}

// Both allocations in one test: the one that succeeded leaks.
// CHECK: In function 'two_at_once':
int two_at_once(void)
{
	void *a = kmalloc(8, GFP_KERNEL);
	void *b = kmalloc(8, GFP_KERNEL);

	if (!a || !b)
		// CHECK: kmalloc.c:[[@LINE+2]]:3: warning: 'a' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		// CHECK: kmalloc.c:[[@LINE+1]]:3: warning: 'b' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	kfree(b);
	kfree(a);
	return 0;
}

// The buffer is returned to the caller: a success, nothing owed.
void *returns_buffer(void)
{
	void *p = kzalloc(32, GFP_KERNEL);

	if (!p)
		return NULL;
	return p;
}

// Pointer functions: NULL and ERR_PTR returns are error returns.
// CHECK: In function 'pointer_error_return':
void *pointer_error_return(void)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return ERR_PTR(-ENOMEM);
	f->buf = kmalloc(8, GFP_KERNEL);
	if (!f->buf)
		// CHECK: kmalloc.c:[[@LINE+1]]:3: warning: 'f' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ERR_PTR(-ENOMEM);
	return f;
}

// devm memory is released by the driver core.
int devm_is_managed(struct platform_device *pdev)
{
	void *p = devm_kzalloc(&pdev->dev, 16, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (some_hw_init(p))
		return -EIO;
	return 0;
}

// __free(kfree) frees at scope exit; no_free_ptr()-style hand-off moves it.
int scoped_cleanup(struct foo *f)
{
	char *buf __free(kfree) = kmalloc(32, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (some_hw_init(buf))
		return -EIO;
	return 0;
}

// A buffer stored in an object the caller owns is the caller's to free
// when the caller is seen to free it after a failure (model caller-cleans).
int stored_in_callers_object(struct foo *f)
{
	f->buf = kmalloc(16, GFP_KERNEL);
	if (!f->buf)
		return -ENOMEM;
	if (some_hw_init(f))
		return -EIO;
	return 0;
}

int calls_stored_in_callers_object(struct foo *f)
{
	int ret = stored_in_callers_object(f);

	if (ret)
		kfree(f->buf);
	return ret;
}

// krealloc() takes over the old block.
int grows(void)
{
	char *p = kmalloc(8, GFP_KERNEL), *q;

	if (!p)
		return -ENOMEM;
	q = krealloc(p, 16, GFP_KERNEL);
	if (!q) {
		kfree(p);
		return -ENOMEM;
	}
	kfree(q);
	return 0;
}

// A static helper that frees is a release.
static void foo_free(struct foo *f)
{
	kfree(f->name);
	kfree(f);
}

int helper_frees(void)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	f->name = kstrdup("n", GFP_KERNEL);
	if (!f->name || some_hw_init(f)) {
		foo_free(f);
		return -ENOMEM;
	}
	return 0;
}
