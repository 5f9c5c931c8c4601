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

// A value ordered twice against a constant its sign cannot decide (> 1
// of a positive mode) orders the same way: the lock taken under the
// first test is dropped under the second (drivers/net/wireless/rsi/
// rsi_91x_hal.c, rsi_send_pkt_to_bus()).
struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
struct bus_ops { int (*write)(void *priv, int len); };
struct rsi_common { int coex_mode; struct mutex tx_bus_mutex; void *priv; struct bus_ops *ops; };

// OFF-LABEL: In function 'send_pkt':
int send_pkt(struct rsi_common *common, int len)
{
	int status;

	if (common->coex_mode > 1)
		mutex_lock(&common->tx_bus_mutex);
	status = common->ops->write(common->priv, len);
	if (common->coex_mode > 1)
		mutex_unlock(&common->tx_bus_mutex);
	// OFF: same-relation.c:[[@LINE+1]]:2: warning: 'common->tx_bus_mutex' from mutex_lock() is still held at this return; mutex_unlock() is missing [ladder-lock-held]
	return status;
}

// The relation and its negation are one question: "len >= 8" and
// "len < 8".
// OFF-LABEL: In function 'pad_buffer':
int pad_buffer(int len)
{
	void *buf = NULL;

	if (len >= 8) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (some_setup()) {
		if (!(len < 8))
			kfree(buf);
		// OFF: same-relation.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}

// Another constant is another question: 8 < len <= 16 keeps the buffer.
// CHECK-LABEL: In function 'pad_other':
int pad_other(int len)
{
	void *buf = NULL;

	if (len >= 8) {
		buf = kmalloc(len, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	if (some_setup()) {
		if (len > 16)
			kfree(buf);
		// CHECK: same-relation.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	kfree(buf);
	return 0;
}
