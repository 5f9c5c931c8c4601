// devm-release: a managed (devm_*) resource released by the plain
// release.  The driver core releases it again at unbind.  Silent for the
// managed release, for releases of something else on the same handle
// (clk_disable of a devm clock), and a managed resource is never a leak.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

void devm_kfree(struct device *dev, const void *p);
struct clk *devm_clk_get_enabled(struct device *dev, const char *id);
void clk_put(struct clk *clk);
void *devm_ioremap(struct device *dev, unsigned long offset, unsigned long size);
int devm_request_irq(struct device *dev, unsigned int irq, irq_handler_t handler,
		     unsigned long flags, const char *name, void *dev_id);
int setup(struct device *dev);
int handler(int irq, void *data);

struct priv {
	void *buf;
	struct clk *clk;
};

/* Fires: kfree() of devm memory on an error path. */
int probe_kfree(struct device *dev)
{
	struct priv *priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	if (setup(dev)) {
		// CHECK: devm.c:[[@LINE+1]]:3: warning: kfree() releases 'priv' from devm_kzalloc(), which is managed and released again when its device goes away; use devm_kfree() or drop the release [ladder-devm-release]
		kfree(priv);
		return -EIO;
	}
	return 0;
}

/* Fires: clk_put() of a devm clock. */
int probe_clk_put(struct device *dev)
{
	struct clk *clk = devm_clk_get(dev, "core");

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	if (setup(dev)) {
		// CHECK: devm.c:[[@LINE+1]]:3: warning: clk_put() releases 'clk' from devm_clk_get(), {{.*}}; use devm_clk_put() or drop the release [ladder-devm-release]
		clk_put(clk);
		return -EIO;
	}
	return 0;
}

/* Fires: iounmap() of a devm mapping, and free_irq() of a devm irq. */
int probe_io(struct device *dev, unsigned int irq)
{
	void *regs = devm_ioremap(dev, 0x1000, 0x100);
	int ret;

	if (!regs)
		return -ENOMEM;
	ret = devm_request_irq(dev, irq, handler, 0, "x", dev);
	if (ret)
		return ret;
	if (setup(dev)) {
		// CHECK: devm.c:[[@LINE+1]]:3: warning: free_irq() releases {{.*}}from devm_request_irq(), {{.*}}; use devm_free_irq() or drop the release [ladder-devm-release]
		free_irq(irq, dev);
		// CHECK: devm.c:[[@LINE+1]]:3: warning: iounmap() releases 'regs' from devm_ioremap(), {{.*}}; use devm_iounmap() or drop the release [ladder-devm-release]
		iounmap(regs);
		return -EIO;
	}
	return 0;
}

/* Fires: the same for DRM-managed memory. */
struct drm_device;
void *drmm_kzalloc(struct drm_device *drm, size_t size, unsigned gfp);
int drm_setup(struct drm_device *drm);
int bind_kfree(struct drm_device *drm)
{
	void *state = drmm_kzalloc(drm, 32, GFP_KERNEL);

	if (!state)
		return -ENOMEM;
	if (drm_setup(drm)) {
		// CHECK: devm.c:[[@LINE+1]]:3: warning: kfree() releases 'state' from drmm_kzalloc(), {{.*}}; use drmm_kfree() or drop the release [ladder-devm-release]
		kfree(state);
		return -EIO;
	}
	return 0;
}

/* Silent: devm memory is not owed on an error return. */
int probe_no_leak(struct device *dev)
{
	struct priv *priv = devm_kzalloc(dev, sizeof(*priv), GFP_KERNEL);

	if (!priv)
		return -ENOMEM;
	if (setup(dev))
		return -EIO;
	return 0;
}

/* Silent: devm_kfree() is the managed release. */
int probe_devm_kfree(struct device *dev)
{
	void *tmp = devm_kzalloc(dev, 64, GFP_KERNEL);

	if (!tmp)
		return -ENOMEM;
	if (setup(dev)) {
		devm_kfree(dev, tmp);
		return -EIO;
	}
	return 0;
}

/* Silent: clk_disable_unprepare() of a devm clock undoes an enable. */
int probe_clk_enable(struct device *dev)
{
	struct clk *clk = devm_clk_get(dev, NULL);
	int ret;

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	ret = clk_prepare_enable(clk);
	if (ret)
		return ret;
	if (setup(dev)) {
		clk_disable_unprepare(clk);
		return -EIO;
	}
	return 0;
}
