// A NULL-safe release given a handle the path knows is NULL releases
// nothing: the acquire that last set it failed.  The shape is
// drivers/firmware/arm_ffa/bus.c, ffa_device_is_valid(): a lookup loop
// puts each device it does not want, and ends with one more put of what
// the last lookup returned, NULL when the loop ran out.  A second put
// of a device the path found is still a double release.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct bus_type;
struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *, const void *));
int device_match_any(struct device *dev, const void *unused);
void put_device(struct device *dev);
extern const struct bus_type ffa_bus;

// Silent.
int device_is_valid(struct device *want)
{
	struct device *dev = NULL;
	int valid = 0;

	do {
		dev = bus_find_device(&ffa_bus, dev, NULL, device_match_any);
		if (dev == want) {
			valid = 1;
			break;
		}
		put_device(dev);
	} while (dev);
	put_device(dev);
	return valid;
}

// Fires: the device found is put twice.
// CHECK-LABEL: In function 'first_device':
int first_device(struct device *want)
{
	struct device *dev = bus_find_device(&ffa_bus, NULL, NULL, device_match_any);

	if (!dev)
		return -ENODEV;
	put_device(dev);
	if (dev != want)
		// CHECK: null-handle.c:[[@LINE+1]]:3: warning: 'dev' is released twice: put_device() here, after put_device() at line 45 [ladder-double-release]
		put_device(dev);
	return 0;
}
