// Model inline-wrappers: a header's inline function the file calls is
// explored like the file's own, so that what it returns from an acquire
// is an acquire at its call.  In 6.12, alloc_skb() and dev_alloc_skb()
// are inline wrappers of __alloc_skb() and __netdev_alloc_skb(), the
// names rules know (drivers/net/wireless/ti/wlcore/cmd.c,
// wl1271_cmd_build_arp_rsp(), with its dev_kfree_skb() deleted).  What
// the header's inlines do wrong themselves is never reported.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-inline-wrappers %s | FileCheck %s --allow-empty --check-prefix=OFF --implicit-check-not=warning:
// OFF-NOT: In function

#include "kernel.h"
#include "skbuff-inlines.h"

int tmpl_set(void *data, unsigned int len);

// CHECK-LABEL: In function 'build_arp_rsp':
int build_arp_rsp(int type)
{
	struct sk_buff *skb;
	int ret;

	skb = dev_alloc_skb(70);
	if (!skb)
		return -ENOMEM;
	skb_put(skb, 36);
	switch (type) {
	case 1:
		break;
	default:
		ret = -EINVAL;
		goto out;
	}
	ret = tmpl_set(skb->data, skb->len);
out:
	// CHECK: inline-wrappers.c:[[@LINE+1]]:2: warning: 'skb' from dev_alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
	return ret;
}

// CHECK-LABEL: In function 'send_probe':
int send_probe(int busy)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (busy)
		// CHECK: inline-wrappers.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -EIO;
	consume_skb(skb);
	return 0;
}

// Silent: released on every path.
int send_ok(int busy)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (busy) {
		consume_skb(skb);
		return -EIO;
	}
	consume_skb(skb);
	return 0;
}

// Silent: skb_fill()'s own leak is the header's, not this file's.
int fill_ok(void)
{
	struct sk_buff *skb = skb_fill(64, 0);

	if (!skb)
		return -ENOMEM;
	consume_skb(skb);
	return 0;
}
