// Model offset-nonnull: a pointer moved by a constant offset is not
// NULL when the pointer is not (C leaves arithmetic on a null pointer
// undefined, and the compiler assumes it away), and moving it back by
// a member's offset gives the member's address back:
// &container_of(dev, T, dev)->dev is dev.  Drawn from
// drivers/nvmem/core.c, __nvmem_device_get(): the -EPROBE_DEFER return
// holds no device, and put_device(&nvmem->dev) puts the device
// bus_find_device() found.
// RUN: %ladder -I %inputs %s | FileCheck %s --check-prefixes=CHECK,ON --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-offset-nonnull %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

#define offsetof(t, m) __builtin_offsetof(t, m)
#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)(__mptr - offsetof(type, member))); })
#define ERR_PTR(e) ((void *)(long)(e))

struct bus_type;
struct nvmem_device { void *owner; int id; struct device dev; struct device aux; };
struct device *bus_find_device(const struct bus_type *bus, struct device *start,
			       const void *data,
			       int (*match)(struct device *dev, const void *data));
int try_module_get(void *module);
extern const struct bus_type nvmem_bus_type;

// Silent: both returns are right once the container is understood.
// OFF-LABEL: In function 'nvmem_get':
struct nvmem_device *nvmem_get(void *data,
			       int (*match)(struct device *dev, const void *data))
{
	struct nvmem_device *nvmem = NULL;
	struct device *dev;

	dev = bus_find_device(&nvmem_bus_type, NULL, data, match);
	if (dev)
		nvmem = container_of(dev, struct nvmem_device, dev);
	if (!nvmem)
		// OFF: offset-nonnull.c:[[@LINE+1]]:3: warning: 'dev' from bus_find_device() is not released on this error path; put_device() is missing [ladder-leak]
		return ERR_PTR(-EPROBE_DEFER);
	if (!try_module_get(nvmem->owner)) {
		put_device(&nvmem->dev);
		return ERR_PTR(-EINVAL);
	}
	return nvmem;
}

// Fires: the put is gone (the deleted-release mutant).
// CHECK-LABEL: In function 'nvmem_get_leaky':
struct nvmem_device *nvmem_get_leaky(void *data,
				     int (*match)(struct device *dev, const void *data))
{
	struct nvmem_device *nvmem = NULL;
	struct device *dev;

	dev = bus_find_device(&nvmem_bus_type, NULL, data, match);
	if (dev)
		nvmem = container_of(dev, struct nvmem_device, dev);
	if (!nvmem)
		// OFF: offset-nonnull.c:[[@LINE+1]]:3: warning: 'dev' from bus_find_device() is not released on this error path; put_device() is missing [ladder-leak]
		return ERR_PTR(-EPROBE_DEFER);
	if (!try_module_get(nvmem->owner))
		// ON: offset-nonnull.c:[[@LINE+1]]:3: warning: 'dev' from bus_find_device() is not released on this error path; put_device() is missing [ladder-leak]
		return ERR_PTR(-EINVAL);
	return nvmem;
}

// Fires: another member's address is another device, not the one found.
// CHECK-LABEL: In function 'nvmem_get_wrong_member':
struct nvmem_device *nvmem_get_wrong_member(void *data,
					    int (*match)(struct device *dev, const void *data))
{
	struct nvmem_device *nvmem;
	struct device *dev;

	dev = bus_find_device(&nvmem_bus_type, NULL, data, match);
	if (!dev)
		return ERR_PTR(-EPROBE_DEFER);
	nvmem = container_of(dev, struct nvmem_device, dev);
	if (!try_module_get(nvmem->owner)) {
		put_device(&nvmem->aux);
		// CHECK: offset-nonnull.c:[[@LINE+1]]:3: warning: 'dev' from bus_find_device() is not released on this error path; put_device() is missing [ladder-leak]
		return ERR_PTR(-EINVAL);
	}
	return nvmem;
}

// Fires: a pointer that may be NULL moved by an offset may be NULL too
// (nothing is known of it), so the path where the find failed is no
// reason to keep quiet where it did not.
// CHECK-LABEL: In function 'nvmem_get_untested':
struct nvmem_device *nvmem_get_untested(void *data,
					int (*match)(struct device *dev, const void *data))
{
	struct nvmem_device *nvmem;
	struct device *dev;

	dev = bus_find_device(&nvmem_bus_type, NULL, data, match);
	nvmem = container_of(dev, struct nvmem_device, dev);
	if (!nvmem)
		// CHECK: offset-nonnull.c:[[@LINE+1]]:3: warning: 'dev' from bus_find_device() is not released on this error path; put_device() is missing [ladder-leak]
		return ERR_PTR(-EPROBE_DEFER);
	if (!try_module_get(nvmem->owner))
		return ERR_PTR(-EINVAL);
	return nvmem;
}
