// lost-handle: what only its handle reaches (memory, a mapping, a
// reference a lookup took) is still held at a return that is no error,
// and only local variables hold the handle.  Nothing can release it once
// the function returns, whatever it returns.  The shapes are kernel ones:
// the frame template builders of drivers/net/wireless/ti/wlcore/cmd.c
// (one exit label, after a call whose result says nothing), a void
// helper, wlcore_get_beacon_ie() of wlcore/main.c (a 6.12 leak), and the
// ways a handle goes where its owner will release it.
//
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-handed-on-some-path %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:
// RUN: %ladder -I %inputs --disable=lost-handle %s | FileCheck %s --check-prefix=NONE --allow-empty
// RUN: %ladder -I %inputs --stats %s 2>&1 >/dev/null | FileCheck %s --check-prefix=STATS
// RUN: %ladder -I %inputs --explain %s 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN
//
// NONE-NOT: [ladder-lost-handle]
// STATS: handed-on-some-path 1{{( |$)}}

#define LADDER_REAL_CLEANUP	/* the kernel's own __free() and no_free_ptr() */
#include "kernel.h"
#include "cleanup.h"

struct sk_buff { unsigned char *data; unsigned int len; };
struct ieee80211_hw;
struct ieee80211_vif;
struct sk_buff *ieee80211_pspoll_get(struct ieee80211_hw *hw, struct ieee80211_vif *vif);
struct sk_buff *ieee80211_beacon_get_tim(struct ieee80211_hw *hw,
					 struct ieee80211_vif *vif,
					 unsigned short *tim_offset,
					 unsigned short *tim_length,
					 unsigned int link_id);
void consume_skb(struct sk_buff *skb);
void dev_kfree_skb_any(struct sk_buff *skb);
int template_set(void *wl, const void *buf, unsigned int len);
int cmd_send(void *wl, struct sk_buff *skb);
const unsigned char *cfg80211_find_elem(unsigned char eid, const unsigned char *ies, int len);

struct list_head { struct list_head *next, *prev; };
void list_add_tail(struct list_head *item, struct list_head *head);
struct list_head board_list;

struct priv { void *buf; struct sk_buff *last; };

// The wlcore template builder with its consume_skb() gone: the exit is
// shared, and template_set()'s result says nothing ladder can read, so
// this return is no error return.
// CHECK-LABEL: In function 'build_ps_poll':
int build_ps_poll(void *wl, struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb;
	int ret = 0;

	skb = ieee80211_pspoll_get(hw, vif);
	if (!skb)
		goto out;
	ret = template_set(wl, skb->data, skb->len);
out:
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'skb' from ieee80211_pspoll_get() is still held at this return, and nothing but a local variable holds it; kfree_skb() is missing [ladder-lost-handle]
	return ret;
}

// Silent: the original frees it at the label.
int build_ps_poll_ok(void *wl, struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb;
	int ret = 0;

	skb = ieee80211_pspoll_get(hw, vif);
	if (!skb)
		goto out;
	ret = template_set(wl, skb->data, skb->len);
out:
	consume_skb(skb);
	return ret;
}

// wlcore_get_beacon_ie() in 6.12: it returns a pointer into the beacon's
// data, and the beacon itself is never freed.
// CHECK-LABEL: In function 'get_beacon_ie':
const void *get_beacon_ie(struct ieee80211_hw *hw, struct ieee80211_vif *vif,
			  unsigned char eid)
{
	struct sk_buff *beacon = ieee80211_beacon_get_tim(hw, vif, 0, 0, 0);

	if (!beacon)
		return NULL;
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'beacon' from ieee80211_beacon_get_tim() is still held at this return, and nothing but a local variable holds it; kfree_skb() is missing [ladder-lost-handle]
	return cfg80211_find_elem(eid, beacon->data + 36, beacon->len - 36);
}

// A void function: no return is an error return.  The compiler's
// builtins keep nothing they are given.
// CHECK-LABEL: In function 'clear_scratch':
void clear_scratch(void *wl)
{
	unsigned char *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return;
	__builtin_memset(buf, 0xff, 64);
	template_set(wl, NULL, 0);
// CHECK: returns.c:[[@LINE+1]]:1: warning: 'buf' from kzalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
}

// Silent: a failed template_set() is the leak check's, which reports
// it once, not lost-handle again.
// CHECK-LABEL: In function 'build_checked':
int build_checked(void *wl, struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb = ieee80211_pspoll_get(hw, vif);
	int ret;

	if (!skb)
		return -ENOMEM;
	ret = template_set(wl, skb->data, skb->len);
	if (ret < 0)
		// CHECK: returns.c:[[@LINE+1]]:3: warning: 'skb' from ieee80211_pspoll_get() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return ret;
	consume_skb(skb);
	return 0;
}

// Silent: handed to a call that may keep it (wl1271_cmd_send() queues it).
int build_and_send(void *wl, struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb = ieee80211_pspoll_get(hw, vif);

	if (!skb)
		return -ENOMEM;
	return cmd_send(wl, skb);
}

// Silent: kept in the object the function was given.
int keep_in_priv(struct priv *priv)
{
	void *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	priv->buf = buf;
	return 0;
}

// Silent: returned, itself or as a pointer to a part of it
// (komeda_plane_add(): plane = &kplane->base).
struct wrapped { int id; struct priv base; };

void *make_buf(void)
{
	void *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return NULL;
	return buf;
}

struct priv *make_wrapped(void)
{
	struct wrapped *w = kzalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	return &w->base;
}

int register_priv(struct priv *p);

int add_wrapped(void)
{
	struct wrapped *w = kzalloc(sizeof(*w), GFP_KERNEL);
	struct priv *p;

	if (!w)
		return -ENOMEM;
	p = &w->base;
	return register_priv(p) < 0 ? 0 : 1;
}

// Silent: the wrapper's callers get what it returns and are seen as
// owning it, as for kzalloc() itself.
int use_made(struct priv *priv)
{
	void *buf = make_buf();

	if (!buf)
		return -ENOMEM;
	priv->buf = buf;
	return 0;
}

// The wrapper gave a buffer only it held: its caller owns it, and loses it.
// CHECK-LABEL: In function 'peek_made':
int peek_made(void)
{
	unsigned char *buf = make_buf();

	if (!buf)
		return -ENOMEM;
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'buf' from make_buf() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	return buf[0];
}

// Silent: of_platform_device_create() returns a device its body already
// added to the driver core (of_device_add()), which keeps it, so a
// caller that drops the pointer loses nothing (of_platform_notify()).
// The wrapper is still one: a caller that fails after it leaks.
struct platform_device *platform_device_alloc(const char *name, int id);
int platform_device_add(struct platform_device *pdev);
void platform_device_put(struct platform_device *pdev);

struct platform_device *create_dev(const char *name)
{
	struct platform_device *pdev = platform_device_alloc(name, -1);

	if (!pdev)
		return NULL;
	if (platform_device_add(pdev)) {
		platform_device_put(pdev);
		return NULL;
	}
	return pdev;
}

// CHECK-LABEL: In function 'notify_add':
int notify_add(const char *name, int busy)
{
	struct platform_device *pdev = create_dev(name);

	if (!pdev)
		return -EIO;
	if (busy)
		// CHECK: returns.c:[[@LINE+1]]:3: warning: 'pdev' from create_dev() is not released on this error path; platform_device_put() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// The rules' borrows (lib/string.c, lib/vsprintf.c) keep nothing.
// CHECK-LABEL: In function 'name_len':
size_t strlen(const char *s);
int snprintf(char *buf, size_t size, const char *fmt, ...);

int name_len(int id)
{
	char *name = kzalloc(32, GFP_KERNEL);

	if (!name)
		return -ENOMEM;
	snprintf(name, 32, "port%d", id);
	// CHECK: returns.c:[[@LINE+1]]:2: warning: 'name' from kzalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	return strlen(name);
}

// mdiobus_register_board_info(): each entry goes on a global list.  With
// n == 0 the loop runs no times and nothing goes there: a path ladder
// walks, but another path handed the array over, so the function is
// taken to (model handed-on-some-path).
struct board_entry { struct list_head list; int info; };

// OFF-LABEL: In function 'register_board_info':
// EXPLAIN: In function 'register_board_info':
int register_board_info(const int *info, unsigned int n)
{
	struct board_entry *be;
	unsigned int i;

	be = kcalloc(n, sizeof(*be), GFP_KERNEL);
	if (!be)
		return -ENOMEM;

	for (i = 0; i < n; i++, be++, info++) {
		be->info = *info;
		list_add_tail(&be->list, &board_list);
	}
	// OFF: returns.c:[[@LINE+2]]:2: warning: 'be' from kcalloc() is still held at this return, and nothing but a local variable holds it; kfree() is missing [ladder-lost-handle]
	// EXPLAIN-NEXT: returns.c:[[@LINE+1]]:2: remark: 'be' is not reported as lost at this return: model 'handed-on-some-path'
	return 0;
}

// Silent: dma_alloc_coherent() also gives the device's address, which
// goes to the firmware (qcom_iommu_sec_ptbl_init()): the memory is the
// firmware's for good.
int scm_ptbl_init(unsigned long paddr, unsigned long size);
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *handle, unsigned gfp);
void dma_free_coherent(struct device *dev, size_t size, void *cpu, dma_addr_t handle);

int sec_ptbl_init(struct device *dev, unsigned long size)
{
	dma_addr_t paddr;
	void *cpu_addr = dma_alloc_coherent(dev, size, &paddr, GFP_KERNEL);

	if (!cpu_addr)
		return -ENOMEM;
	if (scm_ptbl_init(paddr, size))
		goto free_mem;
	return 0;
free_mem:
	dma_free_coherent(dev, size, cpu_addr, paddr);
	return -EIO;
}

// Silent: what a value made from the handle went into keeps it
// (ath11k_ahb_setup_msi_resources(): addr_lo = lower_32_bits(iova)).
typedef unsigned int u32;
struct msi { u32 addr_lo, addr_hi; };
dma_addr_t dma_map_resource(struct device *dev, phys_addr_t pa, size_t size,
			    int dir, unsigned long attrs);

int setup_msi(struct device *dev, struct msi *msi, phys_addr_t pa)
{
	dma_addr_t iova = dma_map_resource(dev, pa, 4096, 2, 0);

	if (dma_mapping_error(dev, iova))
		return -ENOMEM;
	msi->addr_lo = (u32)(iova & 0xffffffff);
	msi->addr_hi = (u32)((iova >> 16) >> 16);
	return 0;
}

// Silent: a mapping lives with the memory it maps.  The io-pgtable
// allocators return the pages and unmap by their physical address.
void *alloc_table(struct device *dev, size_t size)
{
	void *pages = alloc_pages_exact(size, GFP_KERNEL);
	dma_addr_t dma;

	if (!pages)
		return NULL;
	dma = dma_map_single(dev, pages, size, 1);
	if (dma_mapping_error(dev, dma))
		goto out_free;
	return pages;
out_free:
	free_pages_exact(pages, size);
	return NULL;
}

// Silent: a pointer an accessor finds from an object may lead back to
// it (devm_tegra_memory_controller_get(): mc = platform_get_drvdata(pdev),
// whose devm action puts &mc->dev).
struct mc { struct device dev; };
struct platform_device *of_find_device_by_node(void *np);
static inline void *get_drvdata(const struct platform_device *pdev)
{
	return pdev->dev.of_node;
}
void mc_put(void *data);

struct mc *mc_get(struct device *dev, void *np)
{
	struct platform_device *pdev = of_find_device_by_node(np);
	struct mc *mc;

	if (!pdev)
		return ERR_PTR(-ENODEV);
	mc = get_drvdata(pdev);
	if (!mc) {
		put_device(&pdev->dev);
		return ERR_PTR(-EPROBE_DEFER);
	}
	devm_add_action_or_reset(dev, mc_put, mc);
	return mc;
}

// Silent: no_free_ptr() reads the handle through the variable's address
// (__reset_add_reset_gpio_lookup(): .key = no_free_ptr(label) in a
// lookup table that is persistent subsystem data).
struct lookup { const char *key; int flags; };
struct lookup_table { struct lookup table[2]; };
void add_lookup_table(struct lookup_table *t);

int add_lookup(const char *src)
{
	char *label __free(kfree) = kstrdup(src, GFP_KERNEL);
	struct lookup_table *t;

	if (!label)
		return -ENOMEM;
	t = kzalloc(sizeof(*t), GFP_KERNEL);
	if (!t)
		return -ENOMEM;
	t->table[0] = (struct lookup){ .key = no_free_ptr(label), .flags = 1 };
	add_lookup_table(t);
	return 0;
}
