// ++x and x-- step a value's sign class: a count of zero or more
// stepped up is above zero, one stepped down is zero.  A loop that ran
// leaves its counter above zero, so the unwind "while (i--)" runs at
// least once; counting down from one reaches zero exactly.
// The buffers are dropped on success, which lost-handle reports
// (test/lost-handle/); this test is about the error paths.
// RUN: %ladder -I %inputs --disable=lost-handle %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

int hw(void);

// Counted up from zero: the buffer is freed under "if (n)".
// CHECK-NOT: In function 'counted':
int counted(void)
{
	unsigned int n = 0;
	void *buf = kmalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	n++;
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (n)
		kfree(buf);
	return ret;
}

// Counted down from one to zero: "if (n)" is false, the buffer leaks.
// CHECK-LABEL: In function 'counted_down':
int counted_down(void)
{
	int n = 1;
	void *buf = kmalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	--n;
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (n)
		kfree(buf);
	// CHECK: steps.c:[[@LINE+1]]:2: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
}

// x-- is worth what x held: from one, the test sees one and frees.
// CHECK-NOT: In function 'post_test':
int post_test(void)
{
	int n = 1;
	void *buf = kmalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (n--)
		kfree(buf);
	return ret;
}

// Each pass of a loop takes a runtime PM reference; the unwind after
// the loop ran puts them back with "while (i--)", which the path enters.
// CHECK-NOT: In function 'per_channel':
int per_channel(struct device *dev, unsigned int n)
{
	unsigned int i;
	int ret;

	for (i = 0; i < n; i++)
		pm_runtime_get_sync(dev);
	ret = hw();
	if (ret)
		goto fail;
	return 0;
fail:
	while (i--)
		pm_runtime_put(dev);
	return ret;
}
