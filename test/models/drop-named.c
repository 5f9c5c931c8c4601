// Model drop-named: the kernel names the call that drops an object for
// it (foo_put(), foo_free(), foo_destroy(): rules' drop-words), and the
// last put of a counted object runs its release callback, which frees
// it and what it owns.  A call so named, of another file and known to
// no rule, takes its first argument as put_device() does.  The shape is
// drivers/scsi/libsas/sas_ata.c, sas_ata_init(): the host is
// kzalloc()ed, ata_host_init() starts its kref, and ata_host_put()
// (drivers/ata/libata-core.c) drops it into ata_host_release(), which
// kfree()s it.  The OFF run also switches off cleared-after-call, which
// reads "display_timings_release(disp); disp = NULL;" the same way.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-drop-named,-cleared-after-call %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct ata_host {
	int n_ports;
	void *private;
};
struct display_timings {
	unsigned int num_timings;
	void **timings;
};
struct ata_port;

void ata_host_init(struct ata_host *host, struct device *dev);
void ata_host_put(struct ata_host *host);
struct ata_port *ata_port_alloc(struct ata_host *host);
void ata_port_free(struct ata_port *ap);
int ata_tport_add(struct device *parent, struct ata_port *ap);
void ata_host_stop(struct ata_host *host);
void display_timings_release(struct display_timings *disp);
int of_parse_timing(struct device *dev, void **timing);
struct sk_buff;
struct sk_buff *__netdev_alloc_skb(struct device *dev, unsigned int length,
				   unsigned int gfp);
void consume_skb(struct sk_buff *skb);
void *skb_put(struct sk_buff *skb, unsigned int len);
int nla_put(struct sk_buff *skb, int attrtype, int attrlen, const void *data);
void ath_dp_pdev_free(struct ata_host *host, int pdev_idx);

// Silent: the put ends the host.
int sas_ata_init(struct device *dev, struct ata_host **out)
{
	struct ata_host *host;
	int rc;

	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!host)
		return -ENOMEM;
	ata_host_init(host, dev);
	rc = ata_tport_add(dev, NULL);
	if (rc)
		goto free_host;
	*out = host;
	return 0;

free_host:
	ata_host_put(host);
	// OFF: drop-named.c:[[@LINE+1]]:2: warning: 'host' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return rc;
}

// Fires: a call named otherwise (ata_host_stop()) ends nothing.  The
// put of the member's object ends that object, and nothing more.
int sas_ata_init_stop(struct device *dev, struct ata_host **out)
{
	struct ata_host *host;
	int rc;

	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!host)
		return -ENOMEM;
	host->private = kzalloc(16, GFP_KERNEL);
	if (!host->private) {
		rc = -ENOMEM;
		goto stop;
	}
	rc = ata_tport_add(dev, NULL);
	if (rc)
		goto put;
	*out = host;
	return 0;

put:
	ata_host_put(host->private);
stop:
	ata_host_stop(host);
	// CHECK: drop-named.c:[[@LINE+2]]:2: warning: 'host' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	// OFF: drop-named.c:[[@LINE+1]]:2: warning: 'host->private' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return rc;
}

// Fires: a helper of the file is read, not its name: this foo_free()
// frees nothing.
static void host_priv_free(struct ata_host *host)
{
	host->n_ports = 0;
}

int sas_ata_init_local(struct device *dev, struct ata_host **out)
{
	struct ata_host *host;
	int rc;

	host = kzalloc(sizeof(*host), GFP_KERNEL);
	if (!host)
		return -ENOMEM;
	rc = ata_tport_add(dev, NULL);
	if (rc) {
		host_priv_free(host);
		// CHECK: drop-named.c:[[@LINE+1]]:3: warning: 'host' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return rc;
	}
	*out = host;
	return 0;
}

// Silent: the release takes the object and what it holds (the shape of
// drivers/video/of_display_timing.c, of_get_display_timings(), whose
// display_timings_release() kfree()s disp->timings and disp).
struct display_timings *get_display_timings(struct device *dev)
{
	struct display_timings *disp;

	disp = kzalloc(sizeof(*disp), GFP_KERNEL);
	if (!disp)
		return NULL;
	disp->timings = kcalloc(4, sizeof(void *), GFP_KERNEL);
	if (!disp->timings)
		goto entryfail;
	if (of_parse_timing(dev, disp->timings))
		goto timingfail;
	return disp;

timingfail:
	display_timings_release(disp);
	disp = NULL;
entryfail:
	kfree(disp);
	// OFF: drop-named.c:[[@LINE+2]]:2: warning: 'disp' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	// OFF: drop-named.c:[[@LINE+1]]:2: warning: 'disp->timings' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return NULL;
}

// Fires: a call given more than one object is not named for dropping
// the first.  skb_put() and nla_put() append to the skb, and a free
// given an owner and an index frees a part of the owner.
// CHECK-LABEL: In function 'build_frame':
int build_frame(struct device *dev, int type)
{
	struct sk_buff *skb = __netdev_alloc_skb(dev, 64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	skb_put(skb, 16);
	if (nla_put(skb, type, 4, &type))
		// CHECK: drop-named.c:[[@LINE+1]]:3: warning: 'skb' from __netdev_alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -EINVAL;
	consume_skb(skb);
	return 0;
}

// CHECK-LABEL: In function 'pdev_create':
int pdev_create(struct device *dev, struct ata_host *host)
{
	host->private = kzalloc(16, GFP_KERNEL);
	if (!host->private)
		return -ENOMEM;
	if (ata_tport_add(dev, NULL)) {
		ath_dp_pdev_free(host, 0);
		// CHECK: drop-named.c:[[@LINE+1]]:3: warning: 'host->private' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// A function that makes such a call takes what it passes on (model
// helper-takes): drm_framebuffer_put() is a header's inline over
// drm_mode_object_put(&fb->base), so a framebuffer embedded in a block
// of the caller's goes with the put (rockchip_fb_create(),
// drivers/gpu/drm/rockchip/rockchip_drm_fb.c).
struct drm_mode_object { int refcount; };
struct drm_framebuffer { struct drm_mode_object base; int width; };
struct afbc_framebuffer { struct drm_framebuffer base; int block_width; };
void drm_mode_object_put(struct drm_mode_object *obj);
static inline void drm_framebuffer_put(struct drm_framebuffer *fb)
{
	drm_mode_object_put(&fb->base);
}
int drm_fb_init(struct drm_framebuffer *fb);
int afbc_init(struct afbc_framebuffer *afbc);

// OFF-LABEL: In function 'fb_create':
struct drm_framebuffer *fb_create(void)
{
	struct afbc_framebuffer *afbc_fb = kzalloc(sizeof(*afbc_fb), GFP_KERNEL);
	int ret;

	if (!afbc_fb)
		return ERR_PTR(-ENOMEM);
	ret = drm_fb_init(&afbc_fb->base);
	if (ret) {
		kfree(afbc_fb);
		return ERR_PTR(ret);
	}
	ret = afbc_init(afbc_fb);
	if (ret) {
		drm_framebuffer_put(&afbc_fb->base);
		// OFF: drop-named.c:[[@LINE+1]]:3: warning: 'afbc_fb' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ERR_PTR(ret);
	}
	return &afbc_fb->base;
}
