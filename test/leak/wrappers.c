// A function of the file that returns what it acquired is, for its
// callers, an acquire of the same pair: what it returns is owed until
// released, and its failure is reported the way the function reports it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct foo { void *buf; struct clk *clk; void *cache; };
struct clk *ERR_CAST(const void *p);

static void *foo_alloc_buf(size_t n)
{
	void *buf = kzalloc(n, GFP_KERNEL);

	if (!buf)
		return NULL;
	return buf;
}

// CHECK-LABEL: In function 'uses_wrapper':
int uses_wrapper(struct foo *foo)
{
	void *buf = foo_alloc_buf(64);

	if (!buf)
		return -ENOMEM;
	if (some_setup())
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'buf' from foo_alloc_buf() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	foo->buf = buf;
	return 0;
}

// An ERR_PTR wrapper: IS_ERR() is its failure test.
static struct clk *foo_get_clk(struct device *dev)
{
	struct clk *clk = clk_get(dev, "core");

	if (IS_ERR(clk))
		return ERR_CAST(clk);
	return clk;
}

// CHECK-LABEL: In function 'uses_errptr_wrapper':
int uses_errptr_wrapper(struct device *dev, struct foo *foo)
{
	struct clk *clk = foo_get_clk(dev);

	if (IS_ERR(clk))
		return PTR_ERR(clk);
	if (some_setup())
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'clk' from foo_get_clk() is not released on this error path; clk_put() is missing [ladder-leak]
		return -EIO;
	foo->clk = clk;
	return 0;
}

// A wrapper of a wrapper, defined after its caller: helpers are explored
// before the functions that call them.
static void *foo_alloc_small(void);

// CHECK-LABEL: In function 'uses_late_wrapper':
int uses_late_wrapper(struct foo *foo)
{
	void *buf = foo_alloc_small();

	if (!buf)
		return -ENOMEM;
	if (some_setup())
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'buf' from foo_alloc_small() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	foo->buf = buf;
	return 0;
}

static void *foo_alloc_small(void)
{
	return foo_alloc_buf(32);
}

// Silent: released on the error path.
int frees_what_wrapper_gave(struct foo *foo)
{
	void *buf = foo_alloc_buf(64);

	if (!buf)
		return -ENOMEM;
	if (some_setup()) {
		kfree(buf);
		return -EIO;
	}
	foo->buf = buf;
	return 0;
}

// Silent: a function that sometimes returns what it did not acquire (a
// cached pointer) is no wrapper; its callers owe nothing for it.
static void *foo_get_cache(struct foo *foo)
{
	void *p;

	if (foo->cache)
		return foo->cache;
	p = kzalloc(16, GFP_KERNEL);
	if (!p)
		return NULL;
	foo->cache = p;
	return p;
}

int uses_cache(struct foo *foo)
{
	void *p = foo_get_cache(foo);

	if (!p)
		return -ENOMEM;
	if (some_setup())
		return -EIO;
	return 0;
}

// A helper that leaves what it acquired in its argument and returns 0:
// foo_alloc_rings(priv) acquires priv->rings for its caller.
struct ring { int n; };
struct foo_priv { struct ring *rings; int nrings; };

static int foo_alloc_rings(struct foo_priv *priv)
{
	priv->rings = kcalloc(priv->nrings, sizeof(*priv->rings), GFP_KERNEL);
	if (!priv->rings)
		return -ENOMEM;
	return 0;
}

// CHECK-LABEL: In function 'foo_open':
int foo_open(struct foo_priv *priv)
{
	int ret;

	ret = foo_alloc_rings(priv);
	if (ret)
		return ret;
	ret = some_setup();
	if (ret)
		goto err_setup;
	ret = some_setup();
	if (ret)
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'priv->rings' from foo_alloc_rings() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	return 0;

err_setup:
	kfree(priv->rings);
	return ret;
}

// Silent: a caller that never releases the rings leaves them to its own
// caller, as with any member of an object it was given.
int foo_open_keeps(struct foo_priv *priv)
{
	int ret = foo_alloc_rings(priv);

	if (ret)
		return ret;
	return some_setup();
}

// Silent: a helper that returns 0 when it finds the member already set
// is no wrapper: what the member holds then is not the call's (model
// optional-setup asks this of the returns that leave nothing).
static int foo_maybe_rings(struct foo_priv *priv)
{
	if (priv->rings)
		return 0;
	priv->rings = kcalloc(priv->nrings, sizeof(*priv->rings), GFP_KERNEL);
	if (!priv->rings)
		return -ENOMEM;
	return 0;
}

int foo_open_maybe(struct foo_priv *priv)
{
	int ret = foo_maybe_rings(priv);

	if (ret)
		return ret;
	ret = some_setup();
	if (ret)
		return ret;
	kfree(priv->rings);
	return 0;
}

// What the helper handed over (device_register()) is not left to its
// callers: the device core owns the channel device now
// (drivers/dma/dmaengine.c, __dma_async_device_channel_register()).
struct chan_dev { struct device device; };
struct chan { struct chan_dev *dev; };
int device_register(struct device *dev);
void put_device(struct device *dev);
int chan_start(struct chan *c);

static int chan_register(struct chan *c)
{
	c->dev = kzalloc(sizeof(*c->dev), GFP_KERNEL);
	if (!c->dev)
		return -ENOMEM;
	if (device_register(&c->dev->device)) {
		put_device(&c->dev->device);
		return -EIO;
	}
	return 0;
}

int chans_register(struct chan *c)
{
	int rc = chan_register(c);

	if (rc)
		return rc;
	return chan_start(c) ? -EIO : 0;
}

// A helper that leaves an i2c client in a member of its argument, beside
// a devm regmap on it that nobody releases by hand, still gives the
// client to its caller (drivers/gpu/drm/bridge/adv7511/adv7511_drv.c,
// adv7511_init_cec_regmap()).
struct i2c_client { int addr; };
struct regmap;
struct adv { struct i2c_client *i2c_main, *i2c_cec; struct regmap *regmap_cec; int off; };
struct i2c_client *i2c_new_ancillary_device(struct i2c_client *c, const char *name, int addr);
void i2c_unregister_device(struct i2c_client *c);
struct regmap *__devm_regmap_init_i2c(struct i2c_client *c, const void *cfg, void *a, void *b);
int adv_patch(struct adv *adv);

static int adv_init_cec(struct adv *adv)
{
	int ret;

	adv->i2c_cec = i2c_new_ancillary_device(adv->i2c_main, "cec", 0x3c);
	if (IS_ERR(adv->i2c_cec))
		return PTR_ERR(adv->i2c_cec);
	adv->regmap_cec = __devm_regmap_init_i2c(adv->i2c_cec, NULL, NULL, NULL);
	if (IS_ERR(adv->regmap_cec)) {
		ret = PTR_ERR(adv->regmap_cec);
		goto err;
	}
	if (adv->off == 0x70) {
		ret = adv_patch(adv);
		if (ret)
			goto err;
	}
	return 0;
err:
	i2c_unregister_device(adv->i2c_cec);
	return ret;
}

// CHECK-LABEL: In function 'adv_probe_forgets':
int adv_probe_forgets(struct adv *adv)
{
	int ret = adv_init_cec(adv);

	if (ret)
		return ret;
	if (some_setup())
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'adv->i2c_cec' from adv_init_cec() is not released on this error path; i2c_unregister_device() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// Silent: the caller unregisters it.
int adv_probe(struct adv *adv)
{
	int ret = adv_init_cec(adv);

	if (ret)
		return ret;
	if (some_setup()) {
		i2c_unregister_device(adv->i2c_cec);
		return -EIO;
	}
	return 0;
}

// A helper that maps into one member and copies it to another gives
// what it mapped where it mapped it: its callers unmap that member
// (drivers/crypto/ccree/cc_buffer_mgr.c, cc_set_hash_buf()).
struct scatterlist { int length; };
int dma_map_sg_attrs(struct device *dev, struct scatterlist *sg, int nents, int dir, unsigned long attrs);
void dma_unmap_sg_attrs(struct device *dev, struct scatterlist *sg, int nents, int dir, unsigned long attrs);
struct hash_ctx { struct scatterlist *buff_sg, *curr_sg; int type; };

static int set_hash_buf(struct device *dev, struct hash_ctx *ctx)
{
	if (dma_map_sg_attrs(dev, ctx->buff_sg, 1, 1, 0) != 1)
		return -ENOMEM;
	ctx->type = 1;
	ctx->curr_sg = ctx->buff_sg;
	return 0;
}

// Silent: unmapped through the member it was mapped in.
int map_hash_request(struct device *dev, struct hash_ctx *ctx)
{
	int rc = set_hash_buf(dev, ctx);

	if (rc)
		return rc;
	if (some_setup()) {
		dma_unmap_sg_attrs(dev, ctx->buff_sg, 1, 1, 0);
		return -EIO;
	}
	return 0;
}

// CHECK-LABEL: In function 'map_hash_request_leaks':
int map_hash_request_leaks(struct device *dev, struct hash_ctx *ctx)
{
	int rc = set_hash_buf(dev, ctx);

	if (rc)
		return rc;
	if (some_setup())
		// CHECK: wrappers.c:[[@LINE+1]]:3: warning: 'ctx->buff_sg' from set_hash_buf() is not released on this error path; dma_unmap_sg_attrs() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// A helper given &job->base that locks the array job->base.bo already
// holds acquires that array's lock, not a new array: the caller's own
// kcalloc() of it is still what its unwind frees
// (drivers/gpu/drm/v3d/v3d_submit.c, v3d_lock_bo_reservations()).
struct gem_object;
struct bo_job { struct gem_object **bo; int bo_count; };
struct tfu_job { struct bo_job base; int args; };
int gem_lock_reservations(struct gem_object **objs, int count);
void gem_unlock_reservations(struct gem_object **objs, int count);
int reserve_fences(struct gem_object *obj);
int push_job(struct bo_job *job);

static int lock_bo_reservations(struct bo_job *job)
{
	int ret = gem_lock_reservations(job->bo, job->bo_count);

	if (ret)
		return ret;
	ret = reserve_fences(job->bo[0]);
	if (ret)
		goto fail;
	return 0;
fail:
	gem_unlock_reservations(job->bo, job->bo_count);
	return ret;
}

// Silent: the unwind frees the array and the job.
int submit_tfu(int count)
{
	struct tfu_job *job = kzalloc(sizeof(*job), GFP_KERNEL);
	int ret;

	if (!job)
		return -ENOMEM;
	job->base.bo = kcalloc(count, sizeof(*job->base.bo), GFP_KERNEL);
	if (!job->base.bo) {
		ret = -ENOMEM;
		goto fail;
	}
	job->base.bo_count = count;
	ret = lock_bo_reservations(&job->base);
	if (ret)
		goto fail;
	ret = push_job(&job->base);
	gem_unlock_reservations(job->base.bo, job->base.bo_count);
	if (ret)
		goto fail;
	return 0;
fail:
	kfree(job->base.bo);
	kfree(job);
	return ret;
}
