// Model tabled-callers: a static function the file never calls, but
// names in a file-scope initialiser (an ops table), is called from
// other files, as an external function is.  For owner-frees, what it
// leaves in an object it was given when it fails is then the object's
// destructor's to free.  The shape is
// drivers/net/wireless/broadcom/brcm80211/brcmfmac/sdio.c: the bus ops'
// .preinit = brcmf_sdio_bus_preinit allocates bus->rxbuf, and
// brcmf_sdio_remove(), inside its "if (bus)" guard, frees it; the
// core's failure path reaches that remove.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-tabled-callers %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct bus { void *rxbuf; void *txbuf; void *ring; int big; };
struct bus_ops {
	int (*preinit)(struct bus *bus);
	int (*txctl)(struct bus *bus);
	int (*up)(struct bus *bus);
	void (*down)(struct bus *bus);
};
int hw(struct bus *bus);

// The destructor: a NULL guard of its parameter, then what the object
// keeps.  txbuf is freed only for big buses: no destructor of it.
void bus_remove(struct bus *bus)
{
	if (bus) {
		kfree(bus->rxbuf);
		if (bus->big)
			kfree(bus->txbuf);
		kfree(bus);
	}
}

// Silent: called through the table, and bus_remove() frees rxbuf.
// OFF-LABEL: In function 'bus_preinit':
static int bus_preinit(struct bus *bus)
{
	bus->rxbuf = kzalloc(64, GFP_KERNEL);
	if (!bus->rxbuf)
		return -ENOMEM;
	if (hw(bus))
		// OFF: tabled-callers.c:[[@LINE+1]]:3: warning: 'bus->rxbuf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// Fires: the destructor frees txbuf only under a condition of the
// object, which says nothing of every object.
// CHECK-LABEL: In function 'bus_txctl':
static int bus_txctl(struct bus *bus)
{
	bus->txbuf = kzalloc(64, GFP_KERNEL);
	if (!bus->txbuf)
		return -ENOMEM;
	if (hw(bus))
		// CHECK: tabled-callers.c:[[@LINE+1]]:3: warning: 'bus->txbuf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// Fires: bus_down() frees the ring on every path, but it is the
// table's counterpart of bus_up(), not the bus's destructor (it does
// not free the bus), and it runs only after bus_up() succeeded.
// CHECK-LABEL: In function 'bus_up':
static int bus_up(struct bus *bus)
{
	bus->ring = kzalloc(64, GFP_KERNEL);
	if (!bus->ring)
		return -ENOMEM;
	if (hw(bus))
		// CHECK: tabled-callers.c:[[@LINE+1]]:3: warning: 'bus->ring' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

static void bus_down(struct bus *bus)
{
	kfree(bus->ring);
}

const struct bus_ops ops = {
	.preinit = bus_preinit,
	.txctl = bus_txctl,
	.up = bus_up,
	.down = bus_down,
};

// Fires: a static function the file calls is judged by its callers
// here (caller-cleans), and this caller frees nothing after it fails.
// CHECK-LABEL: In function 'bus_fill':
static int bus_fill(struct bus *bus)
{
	bus->rxbuf = kzalloc(64, GFP_KERNEL);
	if (!bus->rxbuf)
		return -ENOMEM;
	if (hw(bus))
		// CHECK: tabled-callers.c:[[@LINE+1]]:3: warning: 'bus->rxbuf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

int bus_start(struct bus *bus)
{
	return bus_fill(bus);
}
