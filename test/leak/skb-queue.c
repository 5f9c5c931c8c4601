// An skb put on a queue with skb_queue_tail() belongs to whoever drains
// the queue (rules/ownership.yaml).  The shape is
// drivers/bluetooth/hci_mrvl.c, mrvl_load_firmware(): each pass of the
// loop queues one firmware packet, and a later pass that fails owes
// nothing for the packets already queued.  One not yet queued is owed.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"
#include "skbuff-inlines.h"

struct sk_buff_head { struct sk_buff *next, *prev; };
void skb_queue_tail(struct sk_buff_head *list, struct sk_buff *newsk);
int wait_for_request(void);
void tx_wakeup(void);

struct mrvl { struct sk_buff_head rawq; };

// Silent.
int load_firmware(struct mrvl *mrvl, int n)
{
	struct sk_buff *skb;
	int err = 0;

	while (n--) {
		err = wait_for_request();
		if (err)
			break;
		skb = alloc_skb(64, GFP_KERNEL);
		if (!skb) {
			err = -ENOMEM;
			break;
		}
		skb_queue_tail(&mrvl->rawq, skb);
		tx_wakeup();
	}
	return err;
}

// Fires: the failure comes before the packet is queued.
// CHECK-LABEL: In function 'load_one':
int load_one(struct mrvl *mrvl)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (wait_for_request())
		// CHECK: skb-queue.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -EIO;
	skb_queue_tail(&mrvl->rawq, skb);
	return 0;
}
