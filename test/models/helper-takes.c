// Model helper-takes: a helper of the file that hands its argument to a
// call taking it (put_device(), device_unregister()) takes it too, and
// what the object holds goes with it to its release callback.  A failed
// devfreq_add_device() undoes everything with devfreq_remove_device(),
// whose device_unregister() runs devfreq_dev_release(), which removes
// the QoS requests (drivers/devfreq/devfreq.c).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-helper-takes %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct dev_pm_qos_request { int type; };
int dev_pm_qos_add_request(struct device *dev, struct dev_pm_qos_request *req,
			   int type, int value);
int dev_pm_qos_remove_request(struct dev_pm_qos_request *req);
void device_unregister(struct device *dev);
int register_notifier(struct device *dev);
void report_error(int type);

struct devfreq {
	struct device dev;
	struct dev_pm_qos_request user_min_freq_req;
};

static void devfreq_remove_device(struct devfreq *devfreq)
{
	device_unregister(&devfreq->dev);
}

// A helper that only reads its argument takes nothing.
static void devfreq_report(struct devfreq *devfreq)
{
	report_error(devfreq->user_min_freq_req.type);
}

// OFF-LABEL: In function 'devfreq_add_device':
int devfreq_add_device(struct devfreq *devfreq, struct device *parent)
{
	int err;

	err = device_register(&devfreq->dev);
	if (err)
		return err;
	err = dev_pm_qos_add_request(parent, &devfreq->user_min_freq_req, 1, 0);
	if (err < 0)
		goto err_devfreq;
	err = register_notifier(parent);
	if (err)
		goto err_devfreq;
	return 0;

err_devfreq:
	devfreq_remove_device(devfreq);
	// OFF: helper-takes.c:[[@LINE+1]]:2: warning: 'devfreq->user_min_freq_req' from dev_pm_qos_add_request() is not released on this error path; dev_pm_qos_remove_request() is missing [ladder-leak]
	return err;
}

// CHECK-LABEL: In function 'devfreq_add_reported':
int devfreq_add_reported(struct devfreq *devfreq, struct device *parent)
{
	int err;

	err = dev_pm_qos_add_request(parent, &devfreq->user_min_freq_req, 1, 0);
	if (err < 0)
		return err;
	err = register_notifier(parent);
	if (err) {
		devfreq_report(devfreq);
		// CHECK: helper-takes.c:[[@LINE+1]]:3: warning: 'devfreq->user_min_freq_req' from dev_pm_qos_add_request() is not released on this error path; dev_pm_qos_remove_request() is missing [ladder-leak]
		return err;
	}
	return 0;
}

// Handing over another object the argument points to is not handing
// over the argument.
struct child { struct device *parent; struct dev_pm_qos_request req; };

static void child_put_parent(struct child *c)
{
	put_device(c->parent);
}

// CHECK-LABEL: In function 'child_add':
int child_add(struct child *c, struct device *dev)
{
	int err;

	err = dev_pm_qos_add_request(dev, &c->req, 1, 0);
	if (err < 0)
		return err;
	err = register_notifier(dev);
	if (err) {
		child_put_parent(c);
		// CHECK: helper-takes.c:[[@LINE+1]]:3: warning: 'c->req' from dev_pm_qos_add_request() is not released on this error path; dev_pm_qos_remove_request() is missing [ladder-leak]
		return err;
	}
	return 0;
}
