// Locks held on an error return, and registrations left in place
// (rules/locks.yaml, rules/registrations.yaml).
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct mutex { int owner; };
struct dma_device { int chancnt; };
void mutex_lock(struct mutex *m);
void mutex_unlock(struct mutex *m);
int mutex_lock_interruptible(struct mutex *m);
int dma_async_device_register(struct dma_device *d);
void dma_async_device_unregister(struct dma_device *d);
int of_dma_controller_register(void *np, void *xlate, void *data);
void of_dma_controller_free(void *np);
int hw_busy(void);

struct priv {
	struct mutex lock, outer;
	struct dma_device dd;
	void *np;
};

// Fires: the busy return keeps the mutex.
// CHECK: locks.c:[[@LINE+5]]:3: warning: 'p->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
int locked_op(struct priv *p)
{
	mutex_lock(&p->lock);
	if (hw_busy())
		return -EIO;
	mutex_unlock(&p->lock);
	return 0;
}

// Fires: the inner lock is dropped, the outer one is still held.  Locks
// are known by their address.
// CHECK: locks.c:[[@LINE+7]]:3: warning: 'p->outer' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
int nested(struct priv *p)
{
	mutex_lock(&p->outer);
	mutex_lock(&p->lock);
	if (hw_busy()) {
		mutex_unlock(&p->lock);
		return -EIO;
	}
	mutex_unlock(&p->lock);
	mutex_unlock(&p->outer);
	return 0;
}

// Silent: an interrupted lock holds nothing; every other return unlocks.
int locked_op_intr(struct priv *p)
{
	int ret = mutex_lock_interruptible(&p->lock);

	if (ret)
		return ret;
	if (hw_busy()) {
		mutex_unlock(&p->lock);
		return -EIO;
	}
	mutex_unlock(&p->lock);
	return 0;
}

// Fires: qcom gpi's probe (drivers/dma/qcom/gpi.c) returns without
// unregistering the DMA device when the OF registration fails.
// CHECK: locks.c:[[@LINE+9]]:3: warning: 'p->dd' from dma_async_device_register() is not released on this error path; dma_async_device_unregister() is missing [ladder-leak]
int gpi_like_probe(struct priv *p)
{
	int ret = dma_async_device_register(&p->dd);

	if (ret)
		return ret;
	ret = of_dma_controller_register(p->np, NULL, p);
	if (ret)
		return ret;
	return 0;
}

// Silent: of_dma_controller_free() of a controller never registered
// finds nothing to remove (usb-dmac's probe does it).
int usb_dmac_like_probe(struct priv *p)
{
	int ret = of_dma_controller_register(p->np, NULL, p);

	if (ret < 0)
		goto error;
	ret = dma_async_device_register(&p->dd);
	if (ret < 0)
		goto error;
	return 0;
error:
	of_dma_controller_free(p->np);
	return ret;
}

// spin_lock_irqsave() as 6.12 spells it: the lock goes through the inline
// spinlock_check(), a transparent function (rules' transparent), so the
// lock is known by the spinlock_t it was given, here a pointer member.
typedef struct { int raw; } spinlock_t;
unsigned long _raw_spin_lock_irqsave(spinlock_t *l);
void spin_unlock_irqrestore(spinlock_t *l, unsigned long flags);
static inline spinlock_t *spinlock_check(spinlock_t *lock) { return lock; }
#define spin_lock_irqsave(lock, flags) \
	do { flags = _raw_spin_lock_irqsave(spinlock_check(lock)); } while (0)
struct port { spinlock_t *lock; spinlock_t own; int policy; };
int port_supported(struct port *ap);

// Held at the error return and at the success one, through one shared
// exit: one cause, one warning (leak or lock-held, whichever path the
// exploration reaches first).
// CHECK: locks.c:[[@LINE+12]]:2: warning: 'ap->lock' from spin_lock_irqsave() is {{not released on this error path|still held at this return}}; spin_unlock_irqrestore() is missing [ladder-{{leak|lock-held}}]
long port_store(struct port *ap, long count)
{
	unsigned long flags;

	spin_lock_irqsave(ap->lock, flags);
	if (!port_supported(ap)) {
		count = -EINVAL;
		goto out_unlock;
	}
	ap->policy = 1;
out_unlock:
	return count;
}

// Silent: released on both paths, the lock named the same way.
long port_store_ok(struct port *ap, long count)
{
	unsigned long flags;

	spin_lock_irqsave(&ap->own, flags);
	if (!port_supported(ap)) {
		count = -EINVAL;
		goto out_unlock;
	}
	ap->policy = 1;
out_unlock:
	spin_unlock_irqrestore(&ap->own, flags);
	return count;
}

// An SRCU section is ended with the index its start returned, and
// drm_dev_enter() gives its index through an out argument, set only
// when it returns true (drivers/gpu/drm/vc4/vc4_hdmi.c).
struct drm_device;
bool drm_dev_enter(struct drm_device *dev, int *idx);
void drm_dev_exit(int idx);
struct srcu_struct;
int srcu_read_lock(struct srcu_struct *ssp);
void srcu_read_unlock(struct srcu_struct *ssp, int idx);

// CHECK-LABEL: In function 'infoframe_write':
int infoframe_write(struct drm_device *drm, struct port *ap)
{
	int idx, ret;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;
	ret = port_supported(ap) ? 0 : -EINVAL;
	if (ret)
		// CHECK: locks.c:[[@LINE+1]]:3: warning: 'idx' from drm_dev_enter() is not released on this error path; drm_dev_exit() is missing [ladder-leak]
		return ret;
	drm_dev_exit(idx);
	return 0;
}

// Silent: the section ends on every path, and a failed enter opened none.
int infoframe_write_ok(struct drm_device *drm, struct port *ap)
{
	int idx, ret;

	if (!drm_dev_enter(drm, &idx))
		return -ENODEV;
	ret = port_supported(ap) ? 0 : -EINVAL;
	drm_dev_exit(idx);
	return ret;
}

// CHECK-LABEL: In function 'port_lookup':
int port_lookup(struct srcu_struct *srcu, struct port *ap)
{
	int idx = srcu_read_lock(srcu);

	if (!port_supported(ap))
		// CHECK: locks.c:[[@LINE+1]]:3: warning: 'idx' from srcu_read_lock() is not released on this error path; srcu_read_unlock() is missing [ladder-leak]
		return -EINVAL;
	srcu_read_unlock(srcu, idx);
	return 0;
}

// Silent.
int port_lookup_ok(struct srcu_struct *srcu, struct port *ap)
{
	int idx = srcu_read_lock(srcu), ret = 0;

	if (!port_supported(ap))
		ret = -EINVAL;
	srcu_read_unlock(srcu, idx);
	return ret;
}

// A lock is not left in an object for a caller to drop, even when a
// caller of the file takes and drops the same lock: it is owed on every
// return (drivers/scsi/scsi_scan.c, scsi_alloc_target() and its callers).
struct shost { spinlock_t *host_lock; int ntargets; };
struct target { int id; };
struct target *find_target(struct shost *h, int id);
struct target *make_target(int id);

// CHECK-LABEL: In function 'alloc_target':
static struct target *alloc_target(struct shost *shost, int id)
{
	unsigned long flags;

	spin_lock_irqsave(shost->host_lock, flags);
	if (find_target(shost, id))
		// CHECK: locks.c:[[@LINE+1]]:3: warning: 'shost->host_lock' from spin_lock_irqsave() is not released on this error path; spin_unlock_irqrestore() is missing [ladder-leak]
		return NULL;
	spin_unlock_irqrestore(shost->host_lock, flags);
	return make_target(id);
}

// Silent.
int scan_target(struct shost *shost, int id)
{
	unsigned long flags;

	if (!alloc_target(shost, id))
		return -ENOMEM;
	spin_lock_irqsave(shost->host_lock, flags);
	shost->ntargets++;
	spin_unlock_irqrestore(shost->host_lock, flags);
	return 0;
}
