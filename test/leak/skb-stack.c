// The network stack's receive and transmit entry points consume the skb
// whatever they return (rules/ownership.yaml): netif_rx() "always
// succeeds, the buffer may be dropped" (net/core/dev.c).  The shape is
// drivers/net/can/dev/dev.c, can_restart(): an error frame is given to
// netif_rx() before a later step fails, and nothing is owed for it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"
#include "skbuff-inlines.h"

struct net_device { int restarts; };
int netif_rx(struct sk_buff *skb);
int do_set_mode(struct net_device *dev);

// Silent: the stack has the frame.
int can_restart(struct net_device *dev)
{
	struct sk_buff *skb;
	int err;

	skb = alloc_skb(16, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	netif_rx(skb);
	err = do_set_mode(dev);
	if (err)
		return err;
	return 0;
}

// Fires: the failure comes before the frame is given to the stack.
// CHECK-LABEL: In function 'can_restart_late':
int can_restart_late(struct net_device *dev)
{
	struct sk_buff *skb;
	int err;

	skb = alloc_skb(16, GFP_KERNEL);
	if (!skb)
		return -ENOMEM;
	err = do_set_mode(dev);
	if (err)
		// CHECK: skb-stack.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return err;
	netif_rx(skb);
	return 0;
}
