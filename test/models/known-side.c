// Model known-side: a comparison of two values, one of them a constant
// the path knows, is a test of the other against that constant, so a
// later comparison of the same two answers the same.  The module owner
// stays NULL when there is no net device, and the reference taken when
// the owners differ is put back under the same test
// (drivers/net/phy/phy_device.c, phy_attach_direct()).  When the known
// side changed between the tests, the path that keeps the reference is
// real and is reported.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-known-side %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct module;
bool try_module_get(struct module *m);
void module_put(struct module *m);
struct bus { struct module *owner; };
int hw(void);

// OFF-LABEL: In function 'attach_no_netdev':
int attach_no_netdev(struct bus *bus)
{
	struct module *ndev_owner = NULL;
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
	// OFF: known-side.c:[[@LINE+1]]:2: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
	return err;
}

// CHECK-LABEL: In function 'attach_owner_set':
int attach_owner_set(struct bus *bus, struct module *mine)
{
	struct module *ndev_owner = NULL;
	int err;

	if (ndev_owner != bus->owner && !try_module_get(bus->owner))
		return -EIO;
	ndev_owner = mine;
	err = hw();
	if (err)
		goto error;
	return 0;
error:
	if (ndev_owner != bus->owner)
		module_put(bus->owner);
	// CHECK: known-side.c:[[@LINE+1]]:2: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
	return err;
}

// Both sides known: the comparison is decided, and the branch the two
// constants rule out is not taken.
// OFF-LABEL: In function 'both_known':
int both_known(struct bus *bus)
{
	int want = 1, have = 1;
	int err;

	if (!try_module_get(bus->owner))
		return -EIO;
	err = hw();
	if (err) {
		if (want != have)
			// OFF: known-side.c:[[@LINE+1]]:4: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
			return err;
		goto put;
	}
	return 0;
put:
	module_put(bus->owner);
	return err;
}
