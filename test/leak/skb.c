// Socket buffers from the calls that hand their caller a new one:
// copies and clones (net/core/skbuff.c) and mac80211's frame templates
// (net/mac80211/tx.c).  The template builders of drivers/net/wireless/
// ti/wlcore/cmd.c free the skb at one exit label.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct sk_buff { unsigned char *data; unsigned int len; };
struct ieee80211_hw;
struct ieee80211_vif;
struct sk_buff *ieee80211_pspoll_get(struct ieee80211_hw *hw, struct ieee80211_vif *vif);
struct sk_buff *skb_copy(const struct sk_buff *skb, unsigned int priority);
void consume_skb(struct sk_buff *skb);
void kfree_skb(struct sk_buff *skb);
int template_set(const void *buf, unsigned int len);
int hw_send(struct sk_buff *skb);

// Silent: every path reaches the label that consumes it.
int build_ps_poll(struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb;
	int ret = 0;

	skb = ieee80211_pspoll_get(hw, vif);
	if (!skb)
		goto out;
	ret = template_set(skb->data, skb->len);
out:
	consume_skb(skb);
	return ret;
}

// CHECK-LABEL: In function 'build_ps_poll_leaky':
int build_ps_poll_leaky(struct ieee80211_hw *hw, struct ieee80211_vif *vif)
{
	struct sk_buff *skb;
	int ret;

	skb = ieee80211_pspoll_get(hw, vif);
	if (!skb)
		return -ENOMEM;
	ret = template_set(skb->data, skb->len);
	if (ret < 0)
		// CHECK: skb.c:[[@LINE+1]]:3: warning: 'skb' from ieee80211_pspoll_get() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return ret;
	consume_skb(skb);
	return 0;
}

// CHECK-LABEL: In function 'send_copy':
int send_copy(const struct sk_buff *orig)
{
	struct sk_buff *copy = skb_copy(orig, 0);

	if (!copy)
		return -ENOMEM;
	if (copy->len < 14)
		// CHECK: skb.c:[[@LINE+1]]:3: warning: 'copy' from skb_copy() is not released on this error path; kfree_skb() is missing [ladder-leak]
		return -EINVAL;
	return hw_send(copy);
}
