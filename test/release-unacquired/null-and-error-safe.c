// A release's own null-safe: and err-safe: (rules), where it differs
// from its pair's.  Linux 6.12: platform_device_unregister() tests
// IS_ERR_OR_NULL() (drivers/base/platform.c), so the exit label of
// cros_ec_register() (drivers/platform/chrome/cros_ec.c) may give it an
// error pointer; input_free_device(NULL) does nothing, but
// input_unregister_device(NULL) reads dev->devres_managed first.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct platform_device *platform_device_register_data(struct device *parent,
		const char *name, int id, const void *data, unsigned long size);
void platform_device_unregister(struct platform_device *pdev);
struct input_dev { int devres_managed; };
struct input_dev *input_allocate_device(void);
void input_free_device(struct input_dev *dev);
void input_unregister_device(struct input_dev *dev);
int input_register_device(struct input_dev *dev);

struct ec { struct platform_device *pd, *ec; };

// Silent: an error pointer given to platform_device_unregister() is a
// no-op the exit label relies on.
int ec_register(struct device *dev, struct ec *ec)
{
	int err = 0;

	ec->ec = platform_device_register_data(dev, "cros-ec-dev", -1, NULL, 0);
	if (IS_ERR(ec->ec))
		return PTR_ERR(ec->ec);
	ec->pd = platform_device_register_data(dev, "cros-ec-pd", -1, NULL, 0);
	if (IS_ERR(ec->pd)) {
		err = PTR_ERR(ec->pd);
		goto exit;
	}
	return 0;
exit:
	platform_device_unregister(ec->ec);
	platform_device_unregister(ec->pd);
	return err;
}

// Silent: input_free_device(NULL) after a failed allocation.
int keys_free_null(void)
{
	struct input_dev *in = input_allocate_device();
	int err;

	if (!in) {
		err = -ENOMEM;
		goto free;
	}
	err = input_register_device(in);
	if (err)
		goto free;
	return 0;
free:
	input_free_device(in);
	return err;
}

// CHECK-LABEL: In function 'keys_unregister_null':
int keys_unregister_null(void)
{
	struct input_dev *in = input_allocate_device();
	int err;

	if (!in) {
		err = -ENOMEM;
		goto unregister;
	}
	err = input_register_device(in);
	if (err)
		goto free;
	return 0;
unregister:
	// CHECK: null-and-error-safe.c:[[@LINE+1]]:2: warning: input_unregister_device() releases 'in', but input_allocate_device() failed on this path [ladder-release-unacquired]
	input_unregister_device(in);
	return err;
free:
	input_free_device(in);
	return err;
}

// A release that is safe after its acquire failed (failed-safe:): a
// failed mfd_add_devices() removes what it added, and
// mfd_remove_devices() walks the parent's children, so the common exit
// label may call it whichever add failed (drivers/mfd/wm8994-core.c,
// wm8994_device_init()).  Silent.
struct mfd_cell { const char *name; };
int mfd_add_devices(struct device *parent, int id, const struct mfd_cell *cells,
		    int n_devs, void *mem_base, int irq_base, void *domain);
void mfd_remove_devices(struct device *parent);
extern const struct mfd_cell regulator_cells[2], core_cells[4];

int mfd_init(struct device *dev)
{
	int ret;

	ret = mfd_add_devices(dev, 0, regulator_cells, 2, NULL, 0, NULL);
	if (ret)
		goto err;
	ret = some_setup();
	if (ret)
		goto err;
	ret = mfd_add_devices(dev, 0, core_cells, 4, NULL, 0, NULL);
	if (ret)
		goto err;
	return 0;
err:
	mfd_remove_devices(dev);
	return ret;
}
