// An embedded part's address carried by a local is still the object's:
// "hdev = &hwdev->dev; ... put_device(hdev)" hands hwdev and what it
// holds to the device's release callback, and a helper of the file given
// hdev gets hwdev back by container_of() (drivers/hwmon/hwmon.c,
// __hwmon_device_register() and hwmon_dev_release()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - __builtin_offsetof(type, member)))

struct hwmon_device {
	const char *label;
	void **groups;
	struct device dev;
	struct mutex lock;
};
int fill(void **groups);

static void hwmon_dev_release(struct device *dev)
{
	struct hwmon_device *hwdev = container_of(dev, struct hwmon_device, dev);

	kfree(hwdev->groups);
	kfree(hwdev->label);
	kfree(hwdev);
}

// Silent: every error path gives hwdev, groups and label to
// hwmon_dev_release(), directly or through put_device().
struct device *hwmon_register(const char *label)
{
	struct hwmon_device *hwdev;
	struct device *hdev;
	int err;

	hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	hdev = &hwdev->dev;
	hwdev->groups = kcalloc(4, sizeof(void *), GFP_KERNEL);
	if (!hwdev->groups) {
		err = -ENOMEM;
		goto free_hwmon;
	}
	err = fill(hwdev->groups);
	if (err)
		goto free_hwmon;
	hwdev->label = kstrdup(label, GFP_KERNEL);
	if (!hwdev->label) {
		err = -ENOMEM;
		goto free_hwmon;
	}
	err = device_register(hdev);
	if (err) {
		put_device(hdev);
		return ERR_PTR(err);
	}
	return hdev;

free_hwmon:
	hwmon_dev_release(hdev);
	return ERR_PTR(err);
}

// The local carries some other object's part: nothing of hwdev goes.
// CHECK-LABEL: In function 'hwmon_register_other':
struct device *hwmon_register_other(struct hwmon_device *other)
{
	struct hwmon_device *hwdev;
	struct device *hdev = &other->dev;
	int err;

	hwdev = kzalloc(sizeof(*hwdev), GFP_KERNEL);
	if (!hwdev)
		return ERR_PTR(-ENOMEM);
	err = fill(hwdev->groups);
	if (err) {
		put_device(hdev);
		// CHECK: embedded-alias.c:[[@LINE+1]]:3: warning: 'hwdev' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ERR_PTR(err);
	}
	return &hwdev->dev;
}

// A lock held in the object is not the object's to drop: put_device()
// leaves the unlock owed.
// CHECK-LABEL: In function 'hwmon_register_locked':
struct device *hwmon_register_locked(struct hwmon_device *hwdev)
{
	struct device *hdev = &hwdev->dev;
	int err;

	mutex_lock(&hwdev->lock);
	err = device_register(hdev);
	if (err) {
		put_device(hdev);
		// CHECK: embedded-alias.c:[[@LINE+1]]:3: warning: 'hwdev->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return ERR_PTR(err);
	}
	mutex_unlock(&hwdev->lock);
	return hdev;
}

// The last kref_put() runs the object's release, which frees what it
// holds (rules/ownership.yaml).
struct kref { int refcount; };
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
struct session { struct kref ref; void *buf; };
int session_check(struct session *s);
static void session_release(struct kref *ref)
{
	struct session *s = container_of(ref, struct session, ref);

	kfree(s->buf);
	kfree(s);
}

int session_fill(struct session *s)
{
	s->buf = kmalloc(64, GFP_KERNEL);
	if (!s->buf)
		return -ENOMEM;
	if (session_check(s)) {
		kref_put(&s->ref, session_release);
		return -EIO;
	}
	return 0;
}
