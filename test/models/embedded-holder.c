// Model embedded-holder: an object embedded in an object the function
// was given (&csis->notifier) is held by that object, as a pointer
// member (csis->clk) is.  What the function leaves in it when it fails
// is for the caller to clean when a caller in the file is seen to
// (models caller-cleans and passed-up, which ask for the member
// "notifier"): mipi_csis_async_register()
// (drivers/media/platform/nxp/imx-mipi-csis.c) returns a failed
// registration, and mipi_csis_probe() cleans the notifier's
// connections at its err_cleanup label.  A callback no caller of the
// file cleans after is still asked.  The object embedded in what the
// function allocated stays its own, even once handed over.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-embedded-holder %s | FileCheck %s --check-prefix=OFF --implicit-check-not=warning:

#include "kernel.h"

struct fwnode_handle;
struct v4l2_async_connection { int type; };
struct v4l2_async_notifier { void *v4l2_dev; };
struct v4l2_async_connection *
__v4l2_async_nf_add_fwnode_remote(struct v4l2_async_notifier *notif,
				  struct fwnode_handle *endpoint,
				  unsigned int asc_struct_size);
int v4l2_async_nf_register(struct v4l2_async_notifier *notifier);
void v4l2_async_nf_cleanup(struct v4l2_async_notifier *notifier);
struct fwnode_handle *get_endpoint(struct device *dev);
int setup_hw(void *p);

struct csis {
	struct device *dev;
	struct v4l2_async_notifier notifier;
};

// OFF: embedded-holder.c:[[@LINE+14]]:3: warning: 'csis->notifier' from __v4l2_async_nf_add_fwnode_remote() is not released on this error path; v4l2_async_nf_cleanup() is missing [ladder-leak]
static int csis_async_register(struct csis *csis)
{
	struct v4l2_async_connection *asd;
	struct fwnode_handle *ep = get_endpoint(csis->dev);
	int ret;

	if (!ep)
		return -ENODEV;
	asd = __v4l2_async_nf_add_fwnode_remote(&csis->notifier, ep, sizeof(*asd));
	if (IS_ERR(asd))
		return PTR_ERR(asd);
	ret = v4l2_async_nf_register(&csis->notifier);
	if (ret)
		return ret;
	return 0;
}

static int csis_probe(struct device *dev)
{
	struct csis *csis = kzalloc(sizeof(*csis), GFP_KERNEL);
	int ret;

	if (!csis)
		return -ENOMEM;
	csis->dev = dev;
	ret = csis_async_register(csis);
	if (ret < 0)
		goto err_cleanup;
	return 0;

err_cleanup:
	v4l2_async_nf_cleanup(&csis->notifier);
	kfree(csis);
	return ret;
}

struct csis_driver { int (*probe)(struct device *dev); };
struct csis_driver csis_driver = { .probe = csis_probe };

// The same register as an ops callback: nothing in the file cleans
// after it, so it is still its own debt.
// CHECK: embedded-holder.c:[[@LINE+13]]:3: warning: 'csis->notifier' from __v4l2_async_nf_add_fwnode_remote() is not released on this error path; v4l2_async_nf_cleanup() is missing [ladder-leak]
// OFF: embedded-holder.c:[[@LINE+12]]:3: warning: 'csis->notifier' from __v4l2_async_nf_add_fwnode_remote()
int csis_bound(struct csis *csis)
{
	struct v4l2_async_connection *asd;
	struct fwnode_handle *ep = get_endpoint(csis->dev);

	if (!ep)
		return -ENODEV;
	asd = __v4l2_async_nf_add_fwnode_remote(&csis->notifier, ep, sizeof(*asd));
	if (IS_ERR(asd))
		return PTR_ERR(asd);
	if (setup_hw(csis))
		return -EIO;
	return 0;
}

// tpm_try_get_ops() (drivers/char/tpm/tpm-chip.c) with its put_device()
// lost: its callers put other devices, not chip->dev, after it fails.
// That is no evidence, so it still fires.
struct chip { struct device dev; struct device *parent; int ops; };
void put_device(struct device *dev);
struct device *get_device(struct device *dev);
int chip_start(struct chip *chip);

// CHECK: embedded-holder.c:[[@LINE+12]]:2: warning: 'chip->dev' from get_device() is not released on this error path; put_device() is missing [ladder-leak]
// OFF: embedded-holder.c:[[@LINE+11]]:2: warning: 'chip->dev' from get_device()
static int chip_try_get(struct chip *chip)
{
	int rc;

	get_device(&chip->dev);
	rc = chip_start(chip);
	if (rc)
		goto out;
	return 0;
out:
	return rc;
}

int chip_open(struct chip *chip)
{
	if (chip_try_get(chip)) {
		put_device(chip->parent);
		return -ENODEV;
	}
	return 0;
}
