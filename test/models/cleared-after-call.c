// Model cleared-after-call: a pointer set to NULL by the statement
// right after a call it was given no longer names what it held, so the
// call took it, whatever it returned.  The shape is a receive loop that
// hands each complete frame on and starts a new one
// (drivers/bluetooth/btusb.c, btusb_recv_isoc(): hci_recv_frame(hdev,
// skb); skb = NULL;).  A rule's call (kfree(p); p = NULL;) is left to
// its rule, and a frame not yet handed on is still owed.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-cleared-after-call %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"
#include "skbuff-inlines.h"

struct hdev;
int hci_recv_frame(struct hdev *hdev, struct sk_buff *skb);
int frame_done(const struct sk_buff *skb);
int bad_header(const struct sk_buff *skb);

// Silent: each finished frame went to hci_recv_frame().
// OFF-LABEL: In function 'recv_isoc':
int recv_isoc(struct hdev *hdev, int count)
{
	struct sk_buff *skb = NULL;
	int err = 0;

	while (count--) {
		if (!skb) {
			skb = alloc_skb(64, GFP_KERNEL);
			if (!skb) {
				err = -ENOMEM;
				break;
			}
		}
		if (bad_header(skb)) {
			kfree_skb(skb);
			skb = NULL;
			err = -EIO;
			break;
		}
		if (frame_done(skb)) {
			hci_recv_frame(hdev, skb);
			skb = NULL;
		}
	}
	// OFF: cleared-after-call.c:[[@LINE+1]]:2: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
	return err;
}

// Fires: the frame in progress when the loop fails is not handed on.
// CHECK-LABEL: In function 'recv_one':
int recv_one(struct hdev *hdev)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (bad_header(skb))
		// CHECK: cleared-after-call.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -EIO;
	hci_recv_frame(hdev, skb);
	skb = NULL;
	return 0;
}
