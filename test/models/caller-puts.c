// Model caller-puts: what a helper leaves in an object it was given is
// its caller's when a caller in the file gives an object its last put
// (put_device(), itself or through a helper): the object's release
// callback frees what it holds.  drivers/edac/edac_mc.c: edac_mc_alloc()
// fails through _edac_mc_free(), whose put_device() runs mci_release(),
// which frees what edac_mc_alloc_csrows() left in mci.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-caller-puts %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

void device_initialize(struct device *dev);

struct mci { struct device dev; void **csrows; void *pvt; int nr; };

static void mci_free(struct mci *mci)
{
	put_device(&mci->dev);
}

// OFF-LABEL: In function 'mci_alloc_csrows':
static int mci_alloc_csrows(struct mci *mci)
{
	mci->csrows = kcalloc(mci->nr, sizeof(void *), GFP_KERNEL);
	if (!mci->csrows)
		return -ENOMEM;
	mci->pvt = kzalloc(64, GFP_KERNEL);
	if (!mci->pvt)
		// OFF: caller-puts.c:[[@LINE+1]]:3: warning: 'mci->csrows' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

struct mci *mci_alloc(int nr)
{
	struct mci *mci = kzalloc(sizeof(*mci), GFP_KERNEL);

	if (!mci)
		return NULL;
	device_initialize(&mci->dev);
	mci->nr = nr;
	if (mci_alloc_csrows(mci))
		goto error;
	return mci;
error:
	mci_free(mci);
	return NULL;
}

// A release callback frees what the object keeps; it does not undo what
// was done to an object the container points to (phy_attach_direct():
// try_module_get(bus->owner)).
struct module;
bool try_module_get(struct module *module);
void module_put(struct module *module);
struct bus { struct module *owner; };
struct phy { struct device dev; struct bus *bus; };

static void phy_free(struct phy *phy)
{
	put_device(&phy->dev);
}

// CHECK-LABEL: In function 'phy_attach':
static int phy_attach(struct phy *phy)
{
	if (!try_module_get(phy->bus->owner))
		return -EIO;
	if (some_setup())
		// CHECK: caller-puts.c:[[@LINE+1]]:3: warning: 'phy->bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
		return -EIO;
	return 0;
}

int phy_connect(struct phy *phy)
{
	if (phy_attach(phy)) {
		phy_free(phy);
		return -EIO;
	}
	return 0;
}

// No caller puts anything: a callback's caller is the driver core, and
// what it leaves is its own debt.
struct port { void *ring; void *stats; };

// CHECK-LABEL: In function 'port_open':
int port_open(struct port *port)
{
	port->ring = kzalloc(64, GFP_KERNEL);
	if (!port->ring)
		return -ENOMEM;
	port->stats = kzalloc(64, GFP_KERNEL);
	if (!port->stats)
		// CHECK: caller-puts.c:[[@LINE+1]]:3: warning: 'port->ring' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

// Never a lock: a release callback does not unlock.
struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
struct ctl { struct device dev; struct mutex lock; };

// CHECK-LABEL: In function 'ctl_start':
static int ctl_start(struct ctl *ctl)
{
	mutex_lock(&ctl->lock);
	if (some_setup())
		// CHECK: caller-puts.c:[[@LINE+1]]:3: warning: 'ctl->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	mutex_unlock(&ctl->lock);
	return 0;
}

int ctl_create(struct ctl *ctl)
{
	device_initialize(&ctl->dev);
	if (ctl_start(ctl)) {
		put_device(&ctl->dev);
		return -EIO;
	}
	return 0;
}
