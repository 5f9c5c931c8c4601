// Model lazy-cache: what a path stores in a member of an object it was
// given, after finding that member NULL, is a cache the object keeps for
// the next call (drivers/net/wireless/ath/wcn36xx/smd.c,
// wcn36xx_smd_load_nv(): "if (!wcn->nv) request_firmware(&wcn->nv, ...)").
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-lazy-cache %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct wcn { const struct firmware *nv; void *buf; const char *nv_file; };
int send_nv(struct wcn *wcn);

// Silent: the firmware is loaded once and kept; a failed download leaves
// it for the next start.
// OFF-LABEL: In function 'load_nv':
int load_nv(struct wcn *wcn)
{
	int ret;

	if (!wcn->nv) {
		ret = request_firmware(&wcn->nv, wcn->nv_file, NULL);
		if (ret)
			return ret;
	}
	ret = send_nv(wcn);
	if (ret)
		// OFF: :[[@LINE+1]]:3: warning: 'wcn->nv' from request_firmware() is not released on this error path
		return ret;
	return 0;
}

// Silent: the same by assignment.
// OFF-LABEL: In function 'get_buf':
int get_buf(struct wcn *wcn)
{
	if (!wcn->buf) {
		wcn->buf = kzalloc(64, GFP_KERNEL);
		if (!wcn->buf)
			return -ENOMEM;
	}
	if (send_nv(wcn))
		// OFF: :[[@LINE+1]]:3: warning: 'wcn->buf' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

// Fires: not tested first, the member is set up by this call, which
// owes it on its error paths.
// CHECK-LABEL: In function 'set_buf':
int set_buf(struct wcn *wcn)
{
	wcn->buf = kzalloc(64, GFP_KERNEL);
	if (!wcn->buf)
		return -ENOMEM;
	if (send_nv(wcn))
		// CHECK: :[[@LINE+1]]:3: warning: 'wcn->buf' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

// Fires: a function that itself frees the member on an error path
// undoes what it set up, cache or not.
// CHECK-LABEL: In function 'try_buf':
int try_buf(struct wcn *wcn)
{
	if (!wcn->buf) {
		wcn->buf = kzalloc(64, GFP_KERNEL);
		if (!wcn->buf)
			return -ENOMEM;
	}
	if (send_nv(wcn)) {
		kfree(wcn->buf);
		wcn->buf = NULL;
		return -EIO;
	}
	if (send_nv(wcn))
		// CHECK: :[[@LINE+1]]:3: warning: 'wcn->buf' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

// Fires: a guard that returns early when the member is set up already
// ("else if (sched->sched_rq) return 0;") makes no cache: the store after
// it sets the member up, and its error paths owe it
// (drivers/gpu/drm/scheduler/sched_main.c, drm_sched_init()).
// CHECK-LABEL: In function 'init_once':
int init_once(struct wcn *wcn)
{
	if (wcn->buf)
		return 0;
	wcn->buf = kzalloc(64, GFP_KERNEL);
	if (!wcn->buf)
		return -ENOMEM;
	if (send_nv(wcn))
		// CHECK: :[[@LINE+1]]:3: warning: 'wcn->buf' from kzalloc() is not released on this error path
		return -EIO;
	return 0;
}

// A helper of the file that fills the member stores there as an
// assignment would (drivers/base/power/qos.c, dev_pm_qos_add_notifier():
// "else if (!dev->power.qos) ret = dev_pm_qos_constraints_allocate(dev);").
struct qos_dev { struct qos_box { void *qos; } power; };
int add_notifier_to(void *qos);

static int constraints_allocate(struct qos_dev *dev)
{
	void *qos = kzalloc(32, GFP_KERNEL);

	if (!qos)
		return -ENOMEM;
	dev->power.qos = qos;
	return 0;
}

// OFF-LABEL: In function 'add_notifier':
int add_notifier(struct qos_dev *dev)
{
	int ret = 0;

	if (!dev->power.qos)
		ret = constraints_allocate(dev);
	if (ret)
		return ret;
	ret = add_notifier_to(dev->power.qos);
	if (ret)
		// OFF: lazy-cache.c:[[@LINE+1]]:3: warning: 'dev->power.qos' from constraints_allocate() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	return 0;
}
