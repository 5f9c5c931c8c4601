// Model embedded-alias: a local holding the address of an embedded part
// (pad = &usb2->base) names a part of that object, so &pad->dev is a
// part of usb2 too.  The shape is the Tegra XUSB pad drivers
// (drivers/phy/tegra/xusb-tegra186.c, tegra186_usb2_pad_probe()): once
// the pad's device is initialised, device_unregister(&pad->dev) drops its
// last reference and the device type's release callback frees usb2.
// Off, the unwind's device_unregister() reads as giving up the local
// pad, and usb2 as leaked.
//
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-embedded-alias %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

void device_unregister(struct device *dev);

struct xusb_pad {
	struct device dev;
	int soc;
};

struct usb2_pad {
	struct xusb_pad base;
	int trk;
};

int xusb_pad_init(struct xusb_pad *pad);	/* device_initialize(&pad->dev) */
int xusb_pad_register(struct xusb_pad *pad);

// OFF-LABEL: In function 'usb2_pad_probe':
struct xusb_pad *usb2_pad_probe(void)
{
	struct usb2_pad *usb2;
	struct xusb_pad *pad;
	int err;

	usb2 = kzalloc(sizeof(*usb2), GFP_KERNEL);
	if (!usb2)
		return NULL;

	pad = &usb2->base;
	err = xusb_pad_init(pad);
	if (err < 0) {
		kfree(usb2);
		goto out;
	}

	err = xusb_pad_register(pad);
	if (err < 0)
		goto unregister;

	return pad;

unregister:
	device_unregister(&pad->dev);
out:
	// OFF: :[[@LINE+1]]:2: warning: 'usb2' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return NULL;
}

// The alias names only its own object: unregistering another object's
// device gives up nothing of usb2.
//
// CHECK-LABEL: In function 'other_pad_probe':
struct xusb_pad *other_pad_probe(struct xusb_pad *other)
{
	struct usb2_pad *usb2;
	struct xusb_pad *pad;
	int err;

	usb2 = kzalloc(sizeof(*usb2), GFP_KERNEL);
	if (!usb2)
		return NULL;

	pad = other;
	err = xusb_pad_register(&usb2->base);
	if (err < 0)
		goto unregister;

	return &usb2->base;

unregister:
	device_unregister(&pad->dev);
	// CHECK: :[[@LINE+1]]:2: warning: 'usb2' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return NULL;
}

// An object reached through two addresses is both objects' part: with
// "mc_dev = &mc_bus->mc_dev", the last put of &mc_dev->dev frees mc_bus
// (whose part mc_dev is) and what mc_dev holds (drivers/bus/fsl-mc/
// fsl-mc-bus.c, fsl_mc_device_add() and fsl_mc_device_release()).
void device_initialize(struct device *dev);
int device_add(struct device *dev);

struct mc_device {
	struct device dev;
	void *regions;
};

struct mc_bus {
	struct mc_device mc_dev;
	int scan;
};

static int get_regions(struct mc_device *mc_dev)
{
	mc_dev->regions = kzalloc(64, GFP_KERNEL);
	if (!mc_dev->regions)
		return -ENOMEM;
	return 0;
}

// OFF-LABEL: In function 'mc_device_add':
int mc_device_add(struct mc_device **new_mc_dev)
{
	struct mc_bus *mc_bus;
	struct mc_device *mc_dev;
	int error;

	mc_bus = kzalloc(sizeof(*mc_bus), GFP_KERNEL);
	if (!mc_bus)
		return -ENOMEM;
	mc_dev = &mc_bus->mc_dev;
	device_initialize(&mc_dev->dev);
	error = get_regions(mc_dev);
	if (error < 0)
		goto error_cleanup_dev;
	error = device_add(&mc_dev->dev);
	if (error < 0)
		goto error_cleanup_dev;
	*new_mc_dev = mc_dev;
	return 0;

error_cleanup_dev:
	put_device(&mc_dev->dev);
	// OFF: :[[@LINE+1]]:2: warning: 'mc_bus' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return error;
}

// An embedded part's address stored in an object names its object
// there too: "vsp->vsp = &pdev->dev" keeps pdev in vsp, so the drmm
// action that puts vsp->vsp releases pdev's reference
// (drivers/gpu/drm/renesas/rz-du/rzg2l_du_vsp.c, rzg2l_du_vsp_init()).
struct platform_device *of_find_device_by_node(void *np);
struct drm_device;
int __drmm_add_action_or_reset(struct drm_device *dev,
			       void (*action)(struct drm_device *, void *),
			       void *data, const char *name);
struct du_vsp { struct device *vsp; int index; };
int du_vsp_setup(struct du_vsp *vsp);

static void du_vsp_cleanup(struct drm_device *dev, void *res)
{
	struct du_vsp *vsp = res;

	put_device(vsp->vsp);
}

// OFF-LABEL: In function 'du_vsp_init':
int du_vsp_init(struct drm_device *drm, struct du_vsp *vsp, void *np)
{
	struct platform_device *pdev;
	int ret;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	vsp->vsp = &pdev->dev;
	ret = __drmm_add_action_or_reset(drm, du_vsp_cleanup, vsp, "du_vsp_cleanup");
	if (ret < 0)
		// OFF: :[[@LINE+1]]:3: warning: 'pdev' from of_find_device_by_node() is not released on this error path; put_device() is missing [ladder-leak]
		return ret;
	return du_vsp_setup(vsp);
}
