// cdev_del() after a failed cdev_add() is how a cdev_alloc()ed cdev is
// freed: cdev_unmap() finds no region for it and does nothing, and the
// kobject_put() frees the cdev (fs/char_dev.c, 6.12).  The unwind of
// drivers/char/virtio_console.c, add_port(), relies on it: no
// release-unacquired there (rules: failed-safe).  A cdev_del() on a path
// that undoes cdev_device_add() still is one.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct cdev { int count; };
struct cdev *cdev_alloc(void);
int cdev_add(struct cdev *p, unsigned int dev, unsigned int count);
void cdev_del(struct cdev *p);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);
int port_setup(void);

struct port { struct cdev *cdev; unsigned int devt; };

// Silent.
int add_port(struct port *port)
{
	int err;

	port->cdev = cdev_alloc();
	if (!port->cdev)
		return -ENOMEM;
	err = cdev_add(port->cdev, port->devt, 1);
	if (err < 0)
		goto free_cdev;
	err = port_setup();
	if (err)
		goto free_cdev;
	return 0;

free_cdev:
	cdev_del(port->cdev);
	return err;
}

// Fires: cdev_device_del() after a failed cdev_device_add() also runs
// device_del() on a device that was never added.
// CHECK-LABEL: In function 'add_port_dev':
int add_port_dev(struct port *port, struct cdev *c, struct device *dev)
{
	int err;

	err = cdev_device_add(c, dev);
	if (err)
		goto del;
	return 0;
del:
	// CHECK: cdev-failed-add.c:[[@LINE+1]]:2: warning: cdev_device_del() releases 'c', but cdev_device_add() failed on this path [ladder-release-unacquired]
	cdev_device_del(c, dev);
	return err;
}
