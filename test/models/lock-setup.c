// Model lock-setup: an int function whose every success return holds a
// lock in a member of its argument, and whose failures do not, takes it
// for its callers, as mutex_lock() would: a caller's later error return
// still holding it is a leak.  A helper that checks the device's state
// under the lock and drops it when the state is wrong
// (drivers/nvme/host/pci.c, nvme_setup_io_queues_trylock() before
// nvme_create_queue()'s later failures).  Not a helper that drops the
// lock on some success return, nor one that takes a device (its callers
// tear whole objects down).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-lock-setup %s | FileCheck %s --check-prefix=OFF --implicit-check-not=warning:

#include "kernel.h"

struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

struct ctrl { struct mutex shutdown_lock; int state; };

static int ctrl_setup_locked(struct ctrl *ctrl)
{
	mutex_lock(&ctrl->shutdown_lock);
	if (ctrl->state != 2) {
		mutex_unlock(&ctrl->shutdown_lock);
		return -ENODEV;
	}
	return 0;
}

// The helper itself returns holding the lock: its name does not say so.
// CHECK-LABEL: In function 'ctrl_setup_locked':
// CHECK: lock-setup.c:28:2: warning: 'ctrl->shutdown_lock' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
// OFF-LABEL: In function 'ctrl_setup_locked':
// OFF: lock-setup.c:28:2: warning: 'ctrl->shutdown_lock' from mutex_lock() is still held at this return

// CHECK-LABEL: In function 'create_queue':
int create_queue(struct ctrl *ctrl)
{
	int result;

	result = ctrl_setup_locked(ctrl);
	if (result)
		return result;
	result = some_setup();
	if (result < 0)
		// CHECK: lock-setup.c:[[@LINE+1]]:3: warning: 'ctrl->shutdown_lock' from ctrl_setup_locked() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return result;
	ctrl->state = 3;
	mutex_unlock(&ctrl->shutdown_lock);
	return 0;
}

// Balanced: silent.
int create_queue_fixed(struct ctrl *ctrl)
{
	int result;

	result = ctrl_setup_locked(ctrl);
	if (result)
		return result;
	result = some_setup();
	if (result < 0)
		goto unlock;
	ctrl->state = 3;
unlock:
	mutex_unlock(&ctrl->shutdown_lock);
	return result;
}

// A success return that drops the lock: no lock helper.
static int ctrl_check(struct ctrl *ctrl)
{
	mutex_lock(&ctrl->shutdown_lock);
	if (ctrl->state == 1) {
		mutex_unlock(&ctrl->shutdown_lock);
		return 0;
	}
	return 0;
}
// CHECK-LABEL: In function 'ctrl_check':
// CHECK: lock-setup.c:[[@LINE-3]]:2: warning: 'ctrl->shutdown_lock' from mutex_lock() is still held at this return
// OFF-LABEL: In function 'ctrl_check':
// OFF: lock-setup.c:[[@LINE-5]]:2: warning: 'ctrl->shutdown_lock' from mutex_lock() is still held at this return

int use_check(struct ctrl *ctrl)
{
	if (ctrl_check(ctrl))
		return -EIO;
	if (some_setup())
		return -EIO;
	return 0;
}

// An int function leaving an embedded device added: its callers tear
// the whole object down.
struct dimm { struct device dev; };
int device_add(struct device *dev);
void device_del(struct device *dev);

static int dimm_add(struct dimm *dimm)
{
	int ret = device_add(&dimm->dev);

	if (ret)
		return ret;
	return 0;
}

int dimm_probe(struct dimm *dimm)
{
	int ret = dimm_add(dimm);

	if (ret)
		return ret;
	if (some_setup())
		return -EIO;
	return 0;
}
