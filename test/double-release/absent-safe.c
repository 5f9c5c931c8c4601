// A pair removed by name (rules' absent-safe): sysfs_remove_link() of a
// link that is not there finds nothing and returns silently (kernfs),
// so the unwind of drivers/base/core.c's device_add_class_symlinks(),
// which removes "device" and "subsystem" links by name, and removes one
// whose creation failed, is neither a double release nor a release of
// what was never made.  A pair with a handle is still told apart.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct kobject { int sd; };
int sysfs_create_link(struct kobject *kobj, struct kobject *target, const char *name);
void sysfs_remove_link(struct kobject *kobj, const char *name);
struct dev { struct kobject kobj; struct dev *parent; struct kobject *class_kobj; };

// Silent.
int add_class_symlinks(struct dev *dev)
{
	int error;

	error = sysfs_create_link(&dev->kobj, dev->class_kobj, "subsystem");
	if (error)
		goto out_devnode;
	if (dev->parent) {
		error = sysfs_create_link(&dev->kobj, &dev->parent->kobj, "device");
		if (error)
			goto out_subsys;
	}
	error = sysfs_create_link(dev->class_kobj, &dev->kobj, "name");
	if (error)
		goto out_device;
	return 0;
out_device:
	sysfs_remove_link(&dev->kobj, "device");
out_subsys:
	sysfs_remove_link(&dev->kobj, "subsystem");
out_devnode:
	sysfs_remove_link(&dev->kobj, "of_node");
	return error;
}

// CHECK-LABEL: In function 'free_twice':
int free_twice(void)
{
	void *buf = kmalloc(16, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (some_setup())
		goto free;
	// Nothing keeps 'buf' on success.
	// CHECK: absent-safe.c:[[@LINE+1]]:2: warning: 'buf' from kmalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	return 0;
free:
	kfree(buf);
	// CHECK: absent-safe.c:[[@LINE+1]]:2: warning: 'buf' is released twice: kfree() here, after kfree() at line {{[0-9]+}} [ladder-double-release]
	kfree(buf);
	return -EIO;
}
