// One release call is one warning: never both double-release and
// release-unacquired.  And model loop-elements: a release call that meets
// its own earlier release went round a loop, and releases another element
// (ladder does not tell elements apart): no double-release.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-loop-elements %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct dev_priv { void *bufs[4]; int n; };
int hw(void);

// One runtime PM reference per channel, put back once each by the
// unwind loop (drivers/hwmon/ina3221.c, ina3221_probe()): a counted
// reference, not one object.
// OFF-LABEL: In function 'probe_channels':
int probe_channels(struct device *dev, struct dev_priv *p)
{
	int i = 0, ret;

	do
		pm_runtime_get_sync(dev);
	while (++i < p->n);
	ret = hw();
	if (ret)
		goto fail;
	return 0;
fail:
	do
		// OFF: loop-elements.c:[[@LINE+1]]:3: warning: pm_runtime_put_noidle() undoes pm_runtime_get_sync() again the next time round the loop [ladder-double-release]
		pm_runtime_put_noidle(dev);
	while (--i > 0);
	return ret;
}

// Disabled once on the hw() path and again at the label; at the label the
// enable may also have failed.  One call, one warning, whichever path the
// exploration meets first: never double-release and release-unacquired.
struct regulator;
int regulator_enable(struct regulator *r);
int regulator_disable(struct regulator *r);
// CHECK-LABEL: In function 'power_on':
int power_on(struct regulator *reg)
{
	int ret = regulator_enable(reg);

	if (ret)
		goto err;
	if (hw()) {
		regulator_disable(reg);
		ret = -EIO;
		goto err;
	}
	return 0;
err:
	// CHECK: loop-elements.c:[[@LINE+1]]:2: warning: {{.*}}regulator_disable(){{.*}} [ladder-{{double-release|release-unacquired}}]
	regulator_disable(reg);
	return ret;
}

// One pointer freed in a loop: the same object each time round, a real
// double free, and the message says so without naming its own line.
// CHECK-LABEL: In function 'free_in_loop':
void free_in_loop(struct dev_priv *p)
{
	void *buf = kzalloc(16, GFP_KERNEL);
	int i = 0;

	do
		// CHECK: loop-elements.c:[[@LINE+1]]:3: warning: 'buf' is released twice: kfree() here releases it again the next time round the loop [ladder-double-release]
		kfree(buf);
	while (++i < p->n);
}

// A table per plane, allocated in a loop that may fail on a later pass:
// the tables of the earlier passes are still held, and the unwind frees
// them (drivers/gpu/drm/renesas/rcar-du/rcar_du_vsp.c,
// rcar_du_vsp_map_fb()).  The scatterlist pair has no handle, so the
// failing pass's table and the earlier ones are one resource.
struct sg_table { int nents; };
int sg_alloc_table(struct sg_table *t, unsigned int nents, unsigned int gfp);
void sg_free_table(struct sg_table *t);
int map_sg(struct sg_table *t);

// OFF-LABEL: In function 'map_planes':
int map_planes(struct sg_table tables[3], unsigned int planes)
{
	unsigned int i;
	int ret;

	for (i = 0; i < planes; ++i) {
		struct sg_table *sgt = &tables[i];

		ret = sg_alloc_table(sgt, 4, GFP_KERNEL);
		if (ret)
			goto fail;
		ret = map_sg(sgt);
		if (ret) {
			sg_free_table(sgt);
			goto fail;
		}
	}
	return 0;
fail:
	while (i--) {
		struct sg_table *sgt = &tables[i];

		// OFF: loop-elements.c:[[@LINE+1]]:3: warning: sg_free_table() undoes sg_alloc_table() a second time; the first was at line [[#@LINE-9]] [ladder-double-release]
		sg_free_table(sgt);
	}
	return ret;
}

// No loop, no earlier element: what the unwind puts after the one get
// failed was never taken (a get that fails drops its own reference).
// CHECK-LABEL: In function 'get_once':
int get_once(struct device *dev)
{
	int ret;

	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		goto fail;
	return 0;
fail:
	// CHECK: loop-elements.c:[[@LINE+1]]:2: warning: pm_runtime_put() undoes pm_runtime_resume_and_get(), which failed on this path [ladder-release-unacquired]
	pm_runtime_put(dev);
	return ret;
}
