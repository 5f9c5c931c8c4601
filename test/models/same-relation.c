// Model same-relation: two values compared twice, neither assigned
// between, compare the same way.  A module reference taken only when
// the owners differ is put back under the same test, which the path
// cannot answer the other way (drivers/net/phy/phy_device.c,
// phy_attach_direct()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-same-relation %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct module;
bool try_module_get(struct module *m);
void module_put(struct module *m);
struct bus { struct module *owner; };
struct netdev { struct module *owner; };
int hw(void);

// OFF-LABEL: In function 'attach':
int attach(struct bus *bus, struct netdev *dev)
{
	struct module *ndev_owner = dev->owner;
	int err;

	if (ndev_owner != bus->owner && !try_module_get(bus->owner))
		return -EIO;
	err = hw();
	if (err)
		goto error;
	return 0;
error:
	if (ndev_owner != bus->owner)
		module_put(bus->owner);
	// OFF: same-relation.c:[[@LINE+1]]:2: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
	return err;
}

// One of the two values changed between the tests: no longer the same
// question, and the path where the reference stays is real.
// CHECK-LABEL: In function 'attach_moved':
int attach_moved(struct bus *bus, struct netdev *dev)
{
	struct module *ndev_owner = dev->owner;
	int err;

	if (ndev_owner != bus->owner && !try_module_get(bus->owner))
		return -EIO;
	ndev_owner = bus->owner;
	err = hw();
	if (err)
		goto error;
	return 0;
error:
	if (ndev_owner != bus->owner)
		module_put(bus->owner);
	// CHECK: same-relation.c:[[@LINE+1]]:2: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
	return err;
}
