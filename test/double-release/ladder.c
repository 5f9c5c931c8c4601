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

// Handle-less pairs count too, on an error ladder.
// CHECK: In function 'put_twice':
int put_twice(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret)
		return ret;
	ret = hw_read(dev, 0);
	if (ret < 0)
		goto err_put;
	pm_runtime_put(dev);
	ret = some_setup();
	if (ret)
		goto err_put;
	return 0;
err_put:
	// CHECK: ladder.c:[[@LINE+1]]:2: warning: pm_runtime_put() undoes pm_runtime_resume_and_get() a second time; the first was at line 54 [ladder-double-release]
	pm_runtime_put(dev);
	return ret;
}

// Outside a ladder, a second put may balance a get made by another call.
int put_for_earlier_get(struct device *dev, bool powered)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret)
		return ret;
	hw_read(dev, 0);
	if (powered)
		pm_runtime_put(dev);
	pm_runtime_put(dev);
	return 0;
}

// One clock prepared twice through two names is a refcount, not a double.
struct two_clocks { struct clk *clk, *pclk; };
int clk_prepare(struct clk *clk);
void clk_unprepare(struct clk *clk);

int same_clock_twice(struct two_clocks *c, struct device *dev)
{
	int ret;

	c->clk = clk_get(dev, NULL);
	if (IS_ERR(c->clk))
		return PTR_ERR(c->clk);
	c->pclk = c->clk;
	ret = clk_prepare(c->clk);
	if (ret)
		goto put;
	ret = clk_prepare(c->pclk);
	if (ret)
		goto unprepare;
	ret = some_setup();
	if (ret)
		goto unprepare_p;
	return 0;
unprepare_p:
	clk_unprepare(c->pclk);
unprepare:
	clk_unprepare(c->clk);
put:
	clk_put(c->clk);
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

// clk_disable() then clk_disable_unprepare(): the enable is dropped
// twice (the clock core's "already disabled" WARN), the prepare once.
// CHECK-LABEL: In function 'clk_disabled_twice':
int clk_disabled_twice(struct two_clocks *c)
{
	int ret = clk_prepare_enable(c->clk);

	if (ret)
		return ret;
	clk_disable(c->clk);
	ret = some_setup();
	if (ret) {
		// CHECK: ladder.c:[[@LINE+1]]:3: warning: 'c->clk' is released twice: clk_disable_unprepare() here, after clk_disable() at line [[@LINE-3]] [ladder-double-release]
		clk_disable_unprepare(c->clk);
		return ret;
	}
	clk_unprepare(c->clk);
	return 0;
}
