// Model handed-on-success: a call that consumes an object (a send, a
// queue, a submit) owns it once it succeeds, and its caller still owns
// it when it fails.  ladder cannot see the take when the callee is in
// another file or behind a function pointer, but the code says it: it
// releases the object only on the branch where the call failed, and
// never names it after that branch.  The shapes are
// drivers/net/wireless/ath/ath10k/htc.c, ath10k_htc_connect_service()
// (ath10k_htc_send(htc, ep, skb), then a timeout return), and
// drivers/bluetooth/btrtl.c, btrtl_initialize() (hdev->send(hdev, skb)).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-handed-on-success %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"
#include "skbuff-inlines.h"

struct htc;
struct hci_dev { int (*send)(struct hci_dev *hdev, struct sk_buff *skb); };
int htc_send(struct htc *htc, int ep, struct sk_buff *skb);
int wait_for_response(struct htc *htc);
void keep_for_retry(struct htc *htc, struct sk_buff *skb);

// Silent: the send took the skb; the timeout owes nothing.
// OFF-LABEL: In function 'connect_service':
int connect_service(struct htc *htc)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	int status;

	if (!skb)
		return -ENOMEM;
	status = htc_send(htc, 0, skb);
	if (status) {
		kfree_skb(skb);
		return status;
	}
	if (wait_for_response(htc))
		// OFF: handed-on-success.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -ETIMEDOUT;
	return 0;
}

// Silent: the same through a function pointer, tested for < 0.
// OFF-LABEL: In function 'send_vendor_cmd':
int send_vendor_cmd(struct hci_dev *hdev, struct htc *htc)
{
	struct sk_buff *skb = alloc_skb(8, GFP_KERNEL);

	if (!skb)
		return -ENOMEM;
	if (hdev->send(hdev, skb) < 0) {
		kfree_skb(skb);
		return -EIO;
	}
	if (wait_for_response(htc))
		// OFF: handed-on-success.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -ETIMEDOUT;
	return 0;
}

// Fires: the skb is named after the send, so the function still has it.
// CHECK-LABEL: In function 'send_and_keep':
int send_and_keep(struct htc *htc)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	int status;

	if (!skb)
		return -ENOMEM;
	status = htc_send(htc, 0, skb);
	if (status) {
		kfree_skb(skb);
		return status;
	}
	if (wait_for_response(htc))
		// CHECK: handed-on-success.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -ETIMEDOUT;
	keep_for_retry(htc, skb);
	return 0;
}

// Fires: the failure branch does not release it, so nothing says the
// call takes it.
// CHECK-LABEL: In function 'send_unchecked':
int send_unchecked(struct htc *htc)
{
	struct sk_buff *skb = alloc_skb(64, GFP_KERNEL);
	int status;

	if (!skb)
		return -ENOMEM;
	status = htc_send(htc, 0, skb);
	if (status)
		// CHECK: handed-on-success.c:[[@LINE+1]]:3: warning: 'skb' from alloc_skb() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return status;
	return 0;
}

struct trans;
struct tx_cmd;
int trans_tx(struct trans *trans, struct sk_buff *skb, struct tx_cmd *cmd);
int pkt_queued(struct trans *trans);

static struct tx_cmd *set_tx_params(struct trans *trans)
{
	struct tx_cmd *cmd = kzalloc(32, GFP_KERNEL);

	return cmd;
}

static void free_tx_cmd(struct trans *trans, struct tx_cmd *cmd)
{
	kfree(cmd);
}

// Silent: the unwind ladder's rung frees the command when the send
// fails, and the later failure jumps below it (the shape of
// drivers/net/wireless/intel/iwlwifi/mvm/tx.c, iwl_mvm_tx_mpdu()).
// OFF-LABEL: In function 'tx_mpdu':
int tx_mpdu(struct trans *trans, struct sk_buff *skb)
{
	struct tx_cmd *cmd = set_tx_params(trans);

	if (!cmd)
		return -ENOMEM;
	if (trans_tx(trans, skb, cmd))
		goto drop_cmd;
	if (pkt_queued(trans))
		goto drop;
	return 0;

drop_cmd:
	free_tx_cmd(trans, cmd);
drop:
	// OFF: handed-on-success.c:[[@LINE+1]]:2: warning: 'cmd' from set_tx_params() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}

// Fires: the later failure jumps to the same rung, so the function
// frees the command after the send succeeded: the send did not take it,
// and the return below the rung owes it.
// CHECK-LABEL: In function 'tx_mpdu_shared':
int tx_mpdu_shared(struct trans *trans, struct sk_buff *skb)
{
	struct tx_cmd *cmd = set_tx_params(trans);

	if (!cmd)
		return -ENOMEM;
	if (trans_tx(trans, skb, cmd))
		goto drop_cmd;
	if (pkt_queued(trans))
		goto drop_cmd;
	if (pkt_queued(trans))
		goto drop;
	return 0;

drop_cmd:
	free_tx_cmd(trans, cmd);
drop:
	// CHECK: handed-on-success.c:[[@LINE+1]]:2: warning: 'cmd' from set_tx_params() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}
