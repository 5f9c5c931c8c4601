// Model helper-releases: a resource passed to a helper of the file that
// may release its pair is the helper's.  Also when the helper is a
// release by rule too (a pair inferred from its name, add/remove), and
// never for a lock the helper takes itself: it would deadlock on it
// before it could drop the caller's hold (drivers/bus/mhi/host/main.c,
// mhi_prepare_channel() and mhi_unprepare_channel()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-helper-releases %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);

struct priv { void *buf; struct mutex lock; int state; };

static void priv_teardown(struct priv *priv)
{
	kfree(priv->buf);
}

// OFF-LABEL: In function 'priv_setup':
int priv_setup(struct priv *priv)
{
	priv->buf = kmalloc(64, GFP_KERNEL);
	if (!priv->buf)
		return -ENOMEM;
	if (some_setup()) {
		priv_teardown(priv);
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: 'priv->buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// A pair inferred from the names (chan_add/chan_remove) makes
// chan_remove() a release; what its body releases it releases too.
struct chan { struct device dev; void *ring; };
int chan_register(struct chan *c);

static void chan_remove(struct chan *c)
{
	kfree(c->ring);
}

int chan_add(struct chan *c)
{
	return chan_register(c);
}

// OFF-LABEL: In function 'chan_start':
int chan_start(struct chan *c)
{
	int ret;

	c->ring = kzalloc(32, GFP_KERNEL);
	if (!c->ring)
		return -ENOMEM;
	ret = chan_add(c);
	if (ret)
		goto err_ring;
	if (some_setup()) {
		ret = -EIO;
		goto err_remove;
	}
	return 0;

err_remove:
	chan_remove(c);
	// OFF: helper-releases.c:[[@LINE+1]]:2: warning: 'c->ring' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
err_ring:
	kfree(c->ring);
	return ret;
}

static void priv_reset(struct priv *priv)
{
	mutex_lock(&priv->lock);
	priv->state = 0;
	mutex_unlock(&priv->lock);
}

// CHECK-LABEL: In function 'priv_prepare':
int priv_prepare(struct priv *priv)
{
	mutex_lock(&priv->lock);
	if (some_setup())
		goto err;
	mutex_unlock(&priv->lock);
	return 0;

err:
	priv_reset(priv);
	// CHECK: helper-releases.c:[[@LINE+1]]:2: warning: 'priv->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
	return -EIO;
}

// A helper whose first and last moves on the lock drop it is called
// holding it and returns without it, though it takes it in between: the
// caller's hold is the helper's (drivers/net/wireless/marvell/mwifiex/wmm.c,
// mwifiex_send_processed_packet(), sparse's __releases()).
static void priv_send(struct priv *priv)
{
	mutex_unlock(&priv->lock);
	if (some_setup())
		return;
	mutex_lock(&priv->lock);
	priv->state = 1;
	mutex_unlock(&priv->lock);
}

// OFF-LABEL: In function 'priv_dequeue':
int priv_dequeue(struct priv *priv)
{
	mutex_lock(&priv->lock);
	if (priv->state) {
		priv_send(priv);
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: 'priv->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	}
	mutex_unlock(&priv->lock);
	return 0;
}

// One that drops the caller's hold and takes it back before it returns
// leaves the caller holding it (drivers/base/power/runtime.c, rpm_idle():
// __releases() and __acquires()).
static void priv_idle(struct priv *priv)
{
	mutex_unlock(&priv->lock);
	some_setup();
	mutex_lock(&priv->lock);
}

// CHECK-LABEL: In function 'priv_suspend':
int priv_suspend(struct priv *priv)
{
	mutex_lock(&priv->lock);
	if (priv->state) {
		priv_idle(priv);
		// CHECK: :[[@LINE+1]]:3: warning: 'priv->lock' from mutex_lock() is not released on this error path
		return -EIO;
	}
	mutex_unlock(&priv->lock);
	return 0;
}

// Nor one whose only drop is its helper's, of a lock that helper took
// itself: reclaiming buffers frees each under another lock, taken and
// dropped there (drivers/char/virtio_console.c, __send_to_port() and
// reclaim_consumed_buffers() calling free_buf()).  A helper of the
// helper that drops the caller's hold is the caller's helper's too.
static struct mutex bufs_lock;

static void buf_free(struct priv *priv)
{
	mutex_lock(&bufs_lock);
	priv->state = 0;
	mutex_unlock(&bufs_lock);
}

static void priv_reclaim(struct priv *priv)
{
	if (priv->state)
		buf_free(priv);
}

// CHECK-LABEL: In function 'priv_send_buf':
int priv_send_buf(struct priv *priv)
{
	mutex_lock(&priv->lock);
	priv_reclaim(priv);
	if (some_setup())
		// CHECK: helper-releases.c:[[@LINE+1]]:3: warning: 'priv->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	mutex_unlock(&priv->lock);
	return 0;
}

static void priv_flush(struct priv *priv)
{
	if (priv->state)
		priv_send(priv);
}

// OFF-LABEL: In function 'priv_dequeue_all':
int priv_dequeue_all(struct priv *priv)
{
	mutex_lock(&priv->lock);
	if (priv->state) {
		priv_flush(priv);
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: 'priv->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	}
	mutex_unlock(&priv->lock);
	return 0;
}

// A helper given the object releases what it holds only where it
// releases that member by name, or a member it cannot name: pl330_del()
// frees pl330->channels, not pl330->peripherals (drivers/dma/pl330.c,
// a real leak).
struct dmac { void *channels; void *peripherals; void *mcode; };

static void dmac_free_threads(struct dmac *dmac)
{
	kfree(dmac->channels);
}

static void dmac_del(struct dmac *dmac)
{
	dmac_free_threads(dmac);
}

// CHECK-LABEL: In function 'dmac_probe':
int dmac_probe(struct dmac *dmac)
{
	dmac->channels = kcalloc(4, 8, GFP_KERNEL);
	if (!dmac->channels)
		return -ENOMEM;
	dmac->peripherals = kcalloc(4, 8, GFP_KERNEL);
	if (!dmac->peripherals)
		goto err_del;
	if (some_setup())
		goto err_del;
	return 0;

err_del:
	dmac_del(dmac);
	// OFF: helper-releases.c:[[@LINE+2]]:2: warning: 'dmac->channels' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
	// CHECK: helper-releases.c:[[@LINE+1]]:2: warning: 'dmac->peripherals' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}

// A release through a local names no member: any may be the one.
static void dmac_free_all(struct dmac *dmac)
{
	void *mcode = dmac->mcode;

	kfree(mcode);
}

// OFF-LABEL: In function 'dmac_probe_unnamed':
int dmac_probe_unnamed(struct dmac *dmac)
{
	dmac->peripherals = kcalloc(4, 8, GFP_KERNEL);
	if (!dmac->peripherals)
		return -ENOMEM;
	if (some_setup()) {
		dmac_free_all(dmac);
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: 'dmac->peripherals' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// Known by a local's name, kept in a member: the helper frees that
// member (drivers/net/wireless/ath/wcn36xx/dxe.c,
// wcn36xx_dxe_allocate_mem_pools()).  Silent.
struct pool { void *virt_addr; };
struct wcn { struct pool mgmt, data; };

static void wcn_free_pools(struct wcn *wcn)
{
	kfree(wcn->mgmt.virt_addr);
	kfree(wcn->data.virt_addr);
}

// OFF-LABEL: In function 'wcn_alloc_pools':
int wcn_alloc_pools(struct wcn *wcn)
{
	void *cpu_addr;

	cpu_addr = kzalloc(64, GFP_KERNEL);
	if (!cpu_addr)
		goto out_err;
	wcn->mgmt.virt_addr = cpu_addr;
	cpu_addr = kzalloc(64, GFP_KERNEL);
	if (!cpu_addr)
		goto out_err;
	wcn->data.virt_addr = cpu_addr;
	return 0;

out_err:
	wcn_free_pools(wcn);
	// OFF: helper-releases.c:[[@LINE+1]]:2: warning: 'cpu_addr' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -ENOMEM;
}

// A helper that releases what a global holds needs no argument to reach
// it: a global is the same object in every function of the file
// (drivers/cpufreq/tegra194-cpufreq.c, tegra194_cpufreq_free_resources()
// destroying read_counters_wq; drivers/mtd/ubi/kapi.c, ubi_close_volume()
// putting THIS_MODULE).  Through a helper's helper too, and only the
// global and the member it releases.
struct module { int refs; };
extern struct module __this_module;
bool try_module_get(struct module *module);
void module_put(struct module *module);

static void *scratch;
static void *other_scratch;
static struct { struct mutex lock; struct mutex stats_lock; } dev_state;

static void free_scratch(void)
{
	kfree(scratch);
}

static void free_resources(void)
{
	free_scratch();
}

static void free_other(void)
{
	kfree(other_scratch);
}

static void state_unlock(void)
{
	mutex_unlock(&dev_state.lock);
}

static void stats_unlock(void)
{
	mutex_unlock(&dev_state.stats_lock);
}

static void put_module(void)
{
	module_put(&__this_module);
}

// OFF-LABEL: In function 'scratch_probe':
int scratch_probe(void)
{
	scratch = kmalloc(64, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	if (some_setup())
		goto err_free;
	return 0;

err_free:
	free_resources();
	// OFF: helper-releases.c:[[@LINE+1]]:2: warning: 'scratch' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}

// CHECK-LABEL: In function 'scratch_probe_other':
int scratch_probe_other(void)
{
	scratch = kmalloc(64, GFP_KERNEL);
	if (!scratch)
		return -ENOMEM;
	if (some_setup())
		goto err_free;
	return 0;

err_free:
	free_other();
	// CHECK: helper-releases.c:[[@LINE+1]]:2: warning: 'scratch' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}

// OFF-LABEL: In function 'state_update':
int state_update(void)
{
	mutex_lock(&dev_state.lock);
	if (some_setup()) {
		state_unlock();
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: 'dev_state.lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	}
	mutex_unlock(&dev_state.lock);
	return 0;
}

// CHECK-LABEL: In function 'state_update_other':
int state_update_other(void)
{
	mutex_lock(&dev_state.lock);
	if (some_setup()) {
		stats_unlock();
		// CHECK: helper-releases.c:[[@LINE+1]]:3: warning: 'dev_state.lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return -EIO;
	}
	mutex_unlock(&dev_state.lock);
	return 0;
}

// OFF-LABEL: In function 'scratch_open':
int scratch_open(void)
{
	if (!try_module_get(&__this_module))
		return -ENODEV;
	if (some_setup()) {
		put_module();
		// OFF: helper-releases.c:[[@LINE+1]]:3: warning: '__this_module' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}
