// The same resource released twice on one path.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

// Both rungs free the same buffer.
// CHECK: In function 'freed_twice':
int freed_twice(void)
{
	void *a = kmalloc(8, GFP_KERNEL);
	int ret;

	if (!a)
		return -ENOMEM;
	ret = some_hw_init(a);
	if (ret) {
		kfree(a);
		goto err;
	}
	return 0;
err:
	// CHECK: ladder.c:[[@LINE+1]]:2: warning: 'a' is released twice: kfree() here, after kfree() at line 17 [ladder-double-release]
	kfree(a);
	// CHECK: note: first released here by kfree()
	return ret;
}

// Freed, set to NULL, freed again: kfree(NULL) is fine.
int freed_and_cleared(void)
{
	void *a = kmalloc(8, GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	if (some_hw_init(a)) {
		kfree(a);
		a = NULL;
	}
	kfree(a);
	return 0;
}

// Handle-less pairs count too.
// CHECK: In function 'put_twice':
int put_twice(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret)
		return ret;
	ret = hw_read(dev, 0);
	pm_runtime_put(dev);
	if (ret < 0)
		// CHECK: ladder.c:[[@LINE+1]]:3: warning: pm_runtime_put() undoes pm_runtime_resume_and_get() a second time; the first was at line 52 [ladder-double-release]
		pm_runtime_put(dev);
	return ret;
}

// Separate branches release once each.
int once_per_branch(int x)
{
	void *a = kmalloc(8, GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	if (x)
		kfree(a);
	else
		kfree(a);
	return 0;
}
