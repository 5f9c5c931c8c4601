// The driver core's two steps (rules/registrations.yaml): after
// device_initialize() only put_device() frees the device; after
// device_add() it is visible until device_del().  device_unregister()
// undoes both.  Patterns from drivers/ata/libata-transport.c
// (ata_tlink_add()), drivers/char/tpm/tpm-chip.c (tpm_chip_alloc())
// and drivers/char/tpm/tpm2-space.c (tpm_devs_add()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

void device_initialize(struct device *dev);
int device_add(struct device *dev);
void device_del(struct device *dev);
void device_unregister(struct device *dev);
struct device *get_device(struct device *dev);
int transport_add_device(struct device *dev);
void transport_remove_device(struct device *dev);

struct link { struct device tdev; int id; };

// CHECK-LABEL: In function 'add_forgets_put':
int add_forgets_put(struct link *link)
{
	struct device *dev = &link->tdev;
	int error;

	device_initialize(dev);
	error = device_add(dev);
	if (error)
		goto err;
	error = transport_add_device(dev);
	if (error)
		goto err_del;
	return 0;

err_del:
	device_del(dev);
err:
	// CHECK: device-core.c:[[@LINE+1]]:2: warning: 'dev' from device_initialize() is not released on this error path; put_device() is missing [ladder-leak]
	return error;
}

// CHECK-LABEL: In function 'add_forgets_del':
int add_forgets_del(struct link *link)
{
	struct device *dev = &link->tdev;
	int error;

	device_initialize(dev);
	error = device_add(dev);
	if (error)
		goto err;
	error = transport_add_device(dev);
	if (error)
		goto err;
	return 0;

err:
	put_device(dev);
	// CHECK: device-core.c:[[@LINE+1]]:2: warning: 'dev' from device_add() is not released on this error path; device_del() is missing [ladder-leak]
	return error;
}

// The whole ladder, as ata_tlink_add() has it: silent.
int add_ladder(struct link *link)
{
	struct device *dev = &link->tdev;
	int error;

	device_initialize(dev);
	error = device_add(dev);
	if (error)
		goto err;
	error = transport_add_device(dev);
	if (error)
		goto err_del;
	return 0;

err_del:
	device_del(dev);
err:
	put_device(dev);
	return error;
}

// device_unregister() is device_del() and put_device(): silent.
int add_unregister(struct link *link)
{
	int error;

	device_initialize(&link->tdev);
	error = device_add(&link->tdev);
	if (error) {
		put_device(&link->tdev);
		return error;
	}
	error = transport_add_device(&link->tdev);
	if (error) {
		device_unregister(&link->tdev);
		return error;
	}
	return 0;
}

// An allocator returns the initialized device to its caller and puts it
// when a later step fails (tpm_chip_alloc()): silent.
struct chip { struct device dev; struct device devs; int num; };

struct chip *chip_alloc(void)
{
	struct chip *chip = kzalloc(sizeof(*chip), GFP_KERNEL);

	if (!chip)
		return ERR_PTR(-ENOMEM);
	device_initialize(&chip->dev);
	chip->num = some_setup();
	if (chip->num < 0) {
		put_device(&chip->dev);
		return ERR_PTR(-ENOMEM);
	}
	return chip;
}

// The reference on chip->dev goes to chip->devs' release callback, which
// drops it: putting chip->devs takes it, while its own reference is the
// put's release (tpm_devs_add()): silent.
int devs_add(struct chip *chip)
{
	int rc;

	device_initialize(&chip->devs);
	get_device(&chip->dev);
	rc = device_add(&chip->devs);
	if (rc)
		goto err_put_devs;
	return 0;

err_put_devs:
	put_device(&chip->devs);
	return rc;
}

// get_device(dev) returns dev, NULL only for a NULL dev: a lookup that
// returns NULL when it is NULL took nothing (drivers/scsi/hosts.c,
// scsi_host_get()).  Silent.
struct host { struct device gendev; int state; };

struct host *host_get(struct host *shost)
{
	if (shost->state == 3 || !get_device(&shost->gendev))
		return NULL;
	return shost;
}

// Fires: a reference taken and not put when a later step fails.
int host_use(struct device *dev)
{
	get_device(dev);
	if (some_setup())
		// CHECK: device-core.c:[[@LINE+1]]:3: warning: 'dev' from get_device() is not released on this error path; put_device() is missing [ladder-leak]
		return -EIO;
	put_device(dev);
	return 0;
}

// get_device(dev) returns dev itself (rules' returns: arg0): the
// reference taken as "dev = get_device(dev)" is put through dev at the
// shared exit (drivers/base/core.c, device_rename()).  Silent.
char *kstrdup(const char *s, unsigned int gfp);
const char *dev_name(const struct device *dev);

int rename_dev(struct device *dev, const char *new_name)
{
	char *old_name;
	int error;

	dev = get_device(dev);
	if (!dev)
		return -EINVAL;
	old_name = kstrdup(dev_name(dev), GFP_KERNEL);
	if (!old_name) {
		error = -ENOMEM;
		goto out;
	}
	error = some_setup();
	kfree(old_name);
out:
	put_device(dev);
	return error;
}

// The same through another variable, which still names the reference.
// CHECK-LABEL: In function 'move_dev':
int move_dev(struct device *dev, struct device *new_parent)
{
	struct device *parent = get_device(new_parent);
	int error;

	if (!parent)
		return -EINVAL;
	error = some_setup();
	if (error)
		// CHECK: device-core.c:[[@LINE+1]]:3: warning: 'new_parent' from get_device() is not released on this error path; put_device() is missing [ladder-leak]
		return error;
	error = some_setup();
	put_device(parent);
	return error;
}

// A put of a refcount the host embeds runs its release callback, but a
// device the host still has added keeps the host alive: only
// device_del() ends the registration (rules' survives-put).  Pattern of
// drivers/scsi/hosts.c, scsi_add_host_with_dma().
struct kref { int refcount; };
int kref_put(struct kref *kref, void (*release)(struct kref *kref));
struct shost { struct device gendev, dev; struct kref tagset_refcnt; void *data; };
void free_tags(struct kref *kref);
int host_sysfs_add(struct shost *shost);

// CHECK-LABEL: In function 'add_host_forgets_del':
// CHECK: device-core.c:[[@LINE+19]]:2: warning: 'shost->dev' from device_add() is not released on this error path; device_del() is missing [ladder-leak]
int add_host_forgets_del(struct shost *shost)
{
	int error;

	error = device_add(&shost->gendev);
	if (error)
		goto fail;
	error = device_add(&shost->dev);
	if (error)
		goto out_del_gendev;
	error = host_sysfs_add(shost);
	if (error)
		goto out_del_gendev;
	return 0;
out_del_gendev:
	device_del(&shost->gendev);
	kref_put(&shost->tagset_refcnt, free_tags);
fail:
	return error;
}

// Silent: the unwind deletes what it added.
int add_host(struct shost *shost)
{
	int error;

	error = device_add(&shost->gendev);
	if (error)
		goto fail;
	error = device_add(&shost->dev);
	if (error)
		goto out_del_gendev;
	error = host_sysfs_add(shost);
	if (error)
		goto out_del_dev;
	return 0;
out_del_dev:
	device_del(&shost->dev);
out_del_gendev:
	device_del(&shost->gendev);
	kref_put(&shost->tagset_refcnt, free_tags);
fail:
	return error;
}

// A device link is undone by the pointer device_link_add() returned
// (device_link_del()) or by its two ends (device_link_remove(consumer,
// supplier), drivers/base/core.c), as drivers/memory/mtk-smi.c does.
struct device_link;
struct device_link *device_link_add(struct device *consumer,
				    struct device *supplier, unsigned flags);
void device_link_del(struct device_link *link);
void device_link_remove(void *consumer, struct device *supplier);
int link_setup(void);

int link_removed_by_ends(struct device *dev, struct device *sup)
{
	if (!device_link_add(dev, sup, 0))
		return -EINVAL;
	if (link_setup())
		goto err;
	return 0;
err:
	device_link_remove(dev, sup);
	return -EIO;
}

// CHECK-LABEL: In function 'link_forgotten':
int link_forgotten(struct device *dev, struct device *sup)
{
	if (!device_link_add(dev, sup, 0))
		return -EINVAL;
	if (link_setup())
		// CHECK: device-core.c:[[@LINE+1]]:3: warning: device_link_add() is not undone on this error path; device_link_del() is missing [ladder-leak]
		return -EIO;
	return 0;
}
