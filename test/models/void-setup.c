// Model void-setup: a void function cannot fail, so each of its returns
// is a success, and what every one of them leaves in members of its
// arguments it sets up for its callers.  device_lock(dev) is
// mutex_lock(&dev->mutex) (include/linux/device.h): a caller that
// locks the device and returns an error without device_unlock() still
// holds the lock (scsi_resume_device(), drivers/scsi/scsi_scan.c).  A
// void function that locks only on some returns sets up nothing.  The
// file has no other warning: with the model off, none.  The remedy
// named is the file's mirror-named undo, dev_unlock(), as a maintainer
// would write it, not the mutex_unlock() it wraps.
// RUN: %ladder -I %inputs %s | FileCheck %s --check-prefixes=CHECK,ON --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-void-setup %s | FileCheck %s --allow-empty --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

// CHECK-NOT: error:
// OFF-NOT: warning:

struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

struct dev_like {
	struct mutex mutex;
	int state;
};

static void dev_lock(struct dev_like *dev)
{
	mutex_lock(&dev->mutex);
}

static void dev_unlock(struct dev_like *dev)
{
	mutex_unlock(&dev->mutex);
}

static void dev_lock_if(struct dev_like *dev, int want)
{
	if (want)
		mutex_lock(&dev->mutex);
}

int rescan(struct dev_like *dev);

// ON-LABEL: In function 'resume':
int resume(struct dev_like *dev)
{
	int ret = 0;

	dev_lock(dev);
	if (dev->state != 1) {
		ret = -EIO;
		goto out;
	}
	ret = rescan(dev);
out:
	// ON: void-setup.c:[[@LINE+1]]:2: warning: 'dev->mutex' from dev_lock() is not released on this error path; dev_unlock() is missing [ladder-leak]
	return ret;
}

int resume_unlocked(struct dev_like *dev)
{
	int ret = 0;

	dev_lock(dev);
	if (dev->state != 1) {
		ret = -EIO;
		goto unlock;
	}
	ret = rescan(dev);
unlock:
	dev_unlock(dev);
	return ret;
}

int resume_maybe(struct dev_like *dev, int want)
{
	dev_lock_if(dev, want);
	if (dev->state != 1)
		return -EIO;
	return rescan(dev);
}
