// Model helper-stores: a function whose body the TU holds (its own, or a
// header's inline) and that does nothing but store parameters into
// members of other parameters is those stores at its call.  dev_set_drvdata()
// is "dev->driver_data = data"; after it, a remove helper given the
// device reads the object back and frees it (drivers/input/misc/
// xen-kbdfront.c, xenkbd_probe() and xenkbd_remove()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-helper-stores %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct bus_dev { void *driver_data; int id; };
struct xbus_device { struct bus_dev dev; const char *nodename; };
struct kbd_info { struct xbus_device *xbdev; void *page; };

static inline void bus_set_drvdata(struct bus_dev *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *bus_get_drvdata(const struct bus_dev *dev)
{
	return dev->driver_data;
}

/* One setter calling another, as platform_set_drvdata() does. */
static inline void xbus_set_drvdata(struct xbus_device *xdev, void *data)
{
	bus_set_drvdata(&xdev->dev, data);
}

/* A setter that may return before it stores is not a setter. */
static inline void bus_set_drvdata_checked(struct bus_dev *dev, void *data)
{
	if (!dev)
		return;
	dev->driver_data = data;
}

static void kbd_remove(struct xbus_device *dev)
{
	struct kbd_info *info = bus_get_drvdata(&dev->dev);

	kfree(info->page);
	kfree(info);
}

/* Frees the page only: the object itself stays allocated. */
static void kbd_disconnect(struct xbus_device *dev)
{
	struct kbd_info *info = bus_get_drvdata(&dev->dev);

	kfree(info->page);
}

// Silent: the remove helper frees what the store left in the device.
// OFF-LABEL: In function 'kbd_probe':
int kbd_probe(struct xbus_device *dev)
{
	struct kbd_info *info;
	int ret;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	bus_set_drvdata(&dev->dev, info);
	info->xbdev = dev;
	info->page = kzalloc(4096, GFP_KERNEL);
	if (!info->page)
		goto error_nomem;
	ret = some_setup();
	if (ret)
		goto error;
	return 0;

error_nomem:
	ret = -ENOMEM;
error:
	kbd_remove(dev);
	// OFF: helper-stores.c:[[@LINE+2]]:2: warning: 'info' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	// OFF: helper-stores.c:[[@LINE+1]]:2: warning: 'info->page' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
}

// Silent: the store is made two calls deep.
// OFF-LABEL: In function 'kbd_probe_nested':
int kbd_probe_nested(struct xbus_device *dev)
{
	struct kbd_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	xbus_set_drvdata(dev, info);
	if (some_setup()) {
		kbd_remove(dev);
		// OFF: helper-stores.c:[[@LINE+1]]:3: warning: 'info' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// Reported: the helper frees the page, and nothing frees the object.
// CHECK-LABEL: In function 'kbd_probe_half':
int kbd_probe_half(struct xbus_device *dev)
{
	struct kbd_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	bus_set_drvdata(&dev->dev, info);
	info->page = kzalloc(4096, GFP_KERNEL);
	if (!info->page) {
		kfree(info);
		return -ENOMEM;
	}
	if (some_setup()) {
		kbd_disconnect(dev);
		// CHECK: helper-stores.c:[[@LINE+2]]:3: warning: 'info' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		// OFF: helper-stores.c:[[@LINE+1]]:3: warning: 'info->page' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// Reported: the setter may return before it stores, so its call is not
// a store, and the remove helper is not known to reach the object.
// CHECK-LABEL: In function 'kbd_probe_checked':
int kbd_probe_checked(struct xbus_device *dev)
{
	struct kbd_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	bus_set_drvdata_checked(&dev->dev, info);
	if (some_setup()) {
		kbd_remove(dev);
		// CHECK: helper-stores.c:[[@LINE+1]]:3: warning: 'info' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}
