// The generated devices script on handle shapes other than "p = alloc()":
// a handle passed as an argument (clocks, irqs), a call tested in place,
// a pair with no handle that is held even when it fails (runtime PM).
//
// REQUIRES: spatch
// RUN: %spatch -D report --no-show-diff --sp-file %cocci/devices.cocci %s \
// RUN:   | sort -t: -k2n | FileCheck %s --implicit-check-not=ERROR
// RUN: %spatch -D patch --sp-file %cocci/devices.cocci %s | grep '^[-+]' \
// RUN:   | FileCheck %s --check-prefix=PATCH

struct clk;
struct device;
typedef int (*irq_handler_t)(int, void *);
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
int request_irq(unsigned int irq, irq_handler_t handler, unsigned long flags,
		const char *name, void *dev);
void free_irq(unsigned int irq, void *dev_id);
int pm_runtime_get_sync(struct device *dev);
void pm_runtime_put(struct device *dev);
int setup(struct device *dev);
int handler(int irq, void *data);

/* Fires: the clock stays enabled when setup() fails. */
int fires_clk(struct device *dev, struct clk *clk)
{
	int ret;

	ret = clk_prepare_enable(clk);
	if (ret)
		return ret;
// CHECK: devices.c:[[@LINE+1]]:1-3: ERROR: clk_prepare_enable() on line [[@LINE-3]] is not undone on this error exit; clk_disable_unprepare() is missing [ladder-leak]
	if (setup(dev))
		return -5;
	clk_disable_unprepare(clk);
	return 0;
}
// PATCH:      --- {{.*}}devices.c
// PATCH-NEXT: +++ {{.*}}devices.c
// PATCH-NEXT: -	if (setup(dev))
// PATCH-NEXT: +	if (setup(dev)) {
// PATCH-NEXT: +		clk_disable_unprepare(clk);
// PATCH-NEXT: +	}

/* Fires: the irq is requested and tested in one statement. */
int fires_irq(struct device *dev, unsigned int irq)
{
	if (request_irq(irq, handler, 0, "x", dev) < 0)
		return -16;
// CHECK: devices.c:[[@LINE+1]]:1-3: ERROR: request_irq() on line [[@LINE-2]] is not undone on this error exit; free_irq() is missing [ladder-leak]
	if (setup(dev)) {
		return -5;
	}
	free_irq(irq, dev);
	return 0;
}
// The second argument of free_irq() is copied from the release below.
// PATCH-NEXT: +		free_irq(irq, dev);

/* Fires: pm_runtime_get_sync() holds a reference even when it fails. */
int fires_pm(struct device *dev)
{
	int ret;

	ret = pm_runtime_get_sync(dev);
// CHECK: devices.c:[[@LINE+1]]:1-3: ERROR: pm_runtime_get_sync() on line [[@LINE-1]] is not undone on this error exit; pm_runtime_put() is missing [ladder-leak]
	if (ret < 0)
		return ret;
	ret = setup(dev);
	pm_runtime_put(dev);
	return ret;
}
// PATCH-NEXT: -	if (ret < 0)
// PATCH-NEXT: +	if (ret < 0) {
// PATCH-NEXT: +		pm_runtime_put(dev);
// PATCH-NEXT: +	}
// PATCH-NOT:  {{.}}

/* Silent: the failed enable owes nothing; later exits disable. */
int silent_clk(struct device *dev, struct clk *clk)
{
	int ret;

	ret = clk_prepare_enable(clk);
	if (ret)
		return ret;
	ret = setup(dev);
	if (ret) {
		clk_disable_unprepare(clk);
		return ret;
	}
	return 0;
}

/* Silent: a failed request_irq() owes no free_irq(). */
int silent_irq(struct device *dev, unsigned int irq)
{
	int ret = request_irq(irq, handler, 0, "x", dev);

	if (ret)
		return ret;
	if (setup(dev))
		goto free;
	return 0;
free:
	free_irq(irq, dev);
	return -5;
}
