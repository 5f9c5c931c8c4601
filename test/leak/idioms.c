// Kernel idioms: ERR_PTR acquires, errno acquires, runtime PM, OF loops,
// switch, loops over arrays, likely/unlikely, ownership hand-offs.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct priv { struct clk *clk; void *base; int irq; struct device *dev; };

static int handler(int irq, void *data) { return 0; }

// CHECK: In function 'clk_leak':
int clk_leak(struct device *dev, struct priv *p)
{
	struct clk *clk = clk_get(dev, "core");
	int ret;

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	ret = clk_prepare_enable(clk);
	if (ret)
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: 'clk' from clk_get() is not released on this error path; clk_put() is missing [ladder-leak]
		return ret;
	ret = some_hw_init(p);
	if (unlikely(ret < 0)) {
		clk_disable_unprepare(clk);
		clk_put(clk);
		return ret;
	}
	p->clk = clk;
	return 0;
}

// request_irq() failing owes nothing; a later failure owes free_irq().
// CHECK: In function 'irq_leak':
int irq_leak(struct platform_device *pdev, struct priv *p)
{
	int irq = platform_get_irq(pdev, 0), ret;

	if (irq < 0)
		return irq;
	ret = request_irq(irq, handler, 0, "x", p);
	if (ret)
		return dev_err_probe(&pdev->dev, ret, "no irq\n");
	p->base = ioremap(0x1000, 0x100);
	if (!p->base)
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: 'irq' from request_irq() is not released on this error path; free_irq() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

// pm_runtime_get_sync() holds a reference even when it fails.
// CHECK: In function 'runtime_pm_get_sync':
int runtime_pm_get_sync(struct device *dev)
{
	int ret = pm_runtime_get_sync(dev);

	if (ret < 0)
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: pm_runtime_get_sync() is not undone on this error path; pm_runtime_put() is missing [ladder-leak]
		return ret;
	ret = hw_read(dev, 4);
	pm_runtime_put(dev);
	return ret;
}

// pm_runtime_resume_and_get() drops it itself.
int runtime_pm_resume_and_get(struct device *dev)
{
	int ret = pm_runtime_resume_and_get(dev);

	if (ret < 0)
		return ret;
	ret = hw_read(dev, 4);
	pm_runtime_put(dev);
	return ret;
}

// Leaving for_each_child_of_node() early keeps the child's reference.
// CHECK: In function 'of_loop_early_return':
int of_loop_early_return(struct device_node *np)
{
	struct device_node *child;

	for_each_child_of_node(np, child) {
		if (some_hw_init(child))
			// CHECK: idioms.c:[[@LINE+1]]:4: warning: 'child' from of_get_next_child() is not released on this error path; of_node_put() is missing [ladder-leak]
			return -EINVAL;
	}
	return 0;
}

int of_loop_put(struct device_node *np)
{
	struct device_node *child;

	for_each_child_of_node(np, child) {
		if (some_hw_init(child)) {
			of_node_put(child);
			return -EINVAL;
		}
	}
	return 0;
}

// The firmware image comes back through an out parameter.
// CHECK: In function 'firmware_leak':
int firmware_leak(struct device *dev)
{
	const struct firmware *fw;
	int ret;

	ret = request_firmware(&fw, "x.bin", dev);
	if (ret)
		return ret;
	if (fw->size < 4)
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: 'fw' from request_firmware() is not released on this error path; release_firmware() is missing [ladder-leak]
		return -EINVAL;
	release_firmware(fw);
	return 0;
}

// switch with fallthrough into the unwind.
int switch_unwind(int mode)
{
	void *a = kmalloc(4, GFP_KERNEL);
	int ret;

	if (!a)
		return -ENOMEM;
	switch (mode) {
	case 0:
		ret = 0;
		break;
	case 1:
		ret = some_setup();
		if (ret)
			goto out;
		/* fallthrough */
	default:
		ret = -EINVAL;
		goto out;
	}
	kfree(a);
	return ret;
out:
	kfree(a);
	return ret;
}

// Arrays filled in a loop and freed in a loop are not followed.
int array_loop(void **bufs, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		bufs[i] = kmalloc(8, GFP_KERNEL);
		if (!bufs[i])
			goto unwind;
	}
	return 0;
unwind:
	while (i--)
		kfree(bufs[i]);
	return -ENOMEM;
}

// Calls inside conditions, assignments in conditions.
// CHECK: In function 'assign_in_condition':
int assign_in_condition(void)
{
	char *p, *q;
	int ret;

	if (!(p = kmalloc(8, GFP_KERNEL)))
		return -ENOMEM;
	if ((ret = some_setup()) < 0)
		goto free_p;
	if (!(q = kstrdup("x", GFP_KERNEL)))
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: 'p' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	kfree(q);
free_p:
	kfree(p);
	return ret;
}

// devm_add_action_or_reset() takes the resource.
static void put_clk(void *data) { clk_put(data); }

int devm_action(struct device *dev)
{
	struct clk *clk = clk_get(dev, NULL);

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	if (devm_add_action_or_reset(dev, put_clk, clk))
		return -ENOMEM;
	return some_setup();
}

// A DRM device's managed action does the same, as its macro reaches the
// compiler (drivers/gpu/drm/vc4/vc4_hdmi.c, vc4_hdmi_build_regset()).
struct drm_device;
int __drmm_add_action_or_reset(struct drm_device *dev, void (*action)(struct drm_device *, void *),
			       void *data, const char *name);
static void free_regs(struct drm_device *drm, void *regs) { kfree(regs); }

int drmm_action(struct drm_device *drm)
{
	void *regs = kcalloc(4, 16, GFP_KERNEL);

	if (!regs)
		return -ENOMEM;
	if (__drmm_add_action_or_reset(drm, free_regs, regs, "free_regs"))
		return -ENOMEM;
	return some_setup();
}

// After device_register() the device core owns the object; the
// registration itself is owed.
struct wrapper { struct device dev; int id; };

int registered(void)
{
	struct wrapper *w = kzalloc(sizeof(*w), GFP_KERNEL);
	int ret;

	if (!w)
		return -ENOMEM;
	ret = device_register(&w->dev);
	if (ret) {
		put_device(&w->dev);
		return ret;
	}
	if (some_setup())
		// CHECK: idioms.c:[[@LINE+1]]:3: warning: 'w' from device_register() is not released on this error path; device_unregister() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// A flag tested twice keeps acquire and release paired.
int flag_paired(struct device *dev, bool use_pm)
{
	int ret;

	if (use_pm) {
		ret = pm_runtime_resume_and_get(dev);
		if (ret)
			return ret;
	}
	ret = hw_read(dev, 0);
	if (use_pm)
		pm_runtime_put(dev);
	return ret;
}

// dmaengine_unmap_put() unmaps what the unmap data holds
// (drivers/dma/mv_xor.c, mv_chan_memcpy_self_test()).
struct dmaengine_unmap_data { unsigned to_cnt; dma_addr_t addr[2]; };
struct dmaengine_unmap_data *dmaengine_get_unmap_data(struct device *dev, int nr,
						      unsigned gfp);
void dmaengine_unmap_put(struct dmaengine_unmap_data *unmap);
dma_addr_t dma_map_page(struct device *dev, void *page, unsigned long off,
			size_t size, int dir);
int dma_mapping_error(struct device *dev, dma_addr_t addr);
int xor_run(struct device *dev);

int xor_self_test(struct device *dev, void *page)
{
	struct dmaengine_unmap_data *unmap = dmaengine_get_unmap_data(dev, 2, GFP_KERNEL);
	int err = 0;

	if (!unmap)
		return -ENOMEM;
	unmap->addr[0] = dma_map_page(dev, page, 0, 4096, 1);
	if (dma_mapping_error(dev, unmap->addr[0])) {
		err = -ENOMEM;
		goto free_resources;
	}
	unmap->to_cnt = 1;
	if (xor_run(dev))
		err = -ENODEV;
free_resources:
	dmaengine_unmap_put(unmap);
	return err;
}
