// Model held-through: what a member of an object holds is reachable
// from whatever holds the object.  Once the device's drvdata holds
// info, a helper given the device that frees info->page reaches the
// page (drivers/video/fbdev/xen-fbfront.c, xenfb_probe() and
// xenfb_remove()).  One hop: the pointer the member is read through
// must itself be held under the helper's argument.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-held-through %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct bus_dev { void *driver_data; int id; };
struct fb_info { void *page; void *fb; };
struct fb_dev { struct fb_info *other; };

static inline void bus_set_drvdata(struct bus_dev *dev, void *data)
{
	dev->driver_data = data;
}

static void fb_remove(struct bus_dev *dev)
{
	struct fb_info *info = dev->driver_data;

	kfree(info->page);
	kfree(info);
}

static void fb_free_other(struct fb_dev *fdev)
{
	kfree(fdev->other->page);
}

// Silent: the helper frees the page through the object dev holds.
// OFF-LABEL: In function 'fb_probe':
int fb_probe(struct bus_dev *dev)
{
	struct fb_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	bus_set_drvdata(dev, info);
	info->page = kzalloc(4096, GFP_KERNEL);
	if (!info->page)
		goto error;
	if (some_setup())
		goto error;
	return 0;

error:
	fb_remove(dev);
	// OFF: held-through.c:[[@LINE+1]]:2: warning: 'info->page' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -ENOMEM;
}

// Reported: the object holding the page is not held by what the helper
// is given.
// CHECK-LABEL: In function 'fb_probe_apart':
int fb_probe_apart(struct bus_dev *dev, struct fb_dev *fdev)
{
	struct fb_info *info;

	info = kzalloc(sizeof(*info), GFP_KERNEL);
	if (!info)
		return -ENOMEM;
	bus_set_drvdata(dev, info);
	info->page = kzalloc(4096, GFP_KERNEL);
	if (!info->page)
		goto error;
	if (some_setup()) {
		fb_free_other(fdev);
		goto error;
	}
	return 0;

error:
	// CHECK: held-through.c:[[@LINE+2]]:2: warning: 'info' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	// CHECK: held-through.c:[[@LINE+1]]:2: warning: 'info->page' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -ENOMEM;
}
