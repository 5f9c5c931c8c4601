// Model released-result: a call no rule knows, whose pointer result a
// function of the file tests for failure and gives to a known release in
// its unwind ladder (after a label), acquires for that release's pair in
// every function of the file (drivers/net/wireless/ti/wlcore/cmd.c:
// ieee80211_nullfunc_get() and consume_skb()).
// RUN: %ladder -I %inputs %s | FileCheck %s --check-prefix=ON --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-released-result %s | FileCheck %s --allow-empty --check-prefix=OFF
// OFF-NOT: warning:

#include "kernel.h"

struct sk_buff { int len; void *data; };
struct hw;
void consume_skb(struct sk_buff *skb);
void kfree(const void *p);
struct sk_buff *nullfunc_get(struct hw *hw, int link);
struct sk_buff *beacon_get(struct hw *hw);
struct sk_buff *peek_skb(struct hw *hw);
struct sk_buff *odd_get(struct hw *hw);
int template_set(struct hw *hw, void *data, int len);

// Silent: the evidence itself, released on every path at 'out' (NULL
// first is no other value).
int build_null_data(struct hw *hw)
{
	struct sk_buff *skb = NULL;
	int ret = -ENOMEM;

	skb = nullfunc_get(hw, -1);
	if (!skb)
		goto out;
	ret = template_set(hw, skb->data, skb->len);
out:
	consume_skb(skb);
	return ret;
}

// Fires: another function of the file drops the same call's result on
// an error path.
// ON-LABEL: In function 'build_klv':
int build_klv(struct hw *hw)
{
	struct sk_buff *skb;
	int ret;

	skb = nullfunc_get(hw, 0);
	if (!skb)
		return -ENOMEM;
	ret = template_set(hw, skb->data, skb->len);
	if (ret)
		// ON: :[[@LINE+2]]:3: warning: 'skb' from nullfunc_get() is not released on this error path; consume_skb() is missing
		// ON: note: 'skb' acquired here by nullfunc_get(): no rule names it, but build_null_data() gives its result to consume_skb()
		return ret;
	consume_skb(skb);
	return 0;
}

// Silent: what a call returns that nothing in the file releases is not
// the caller's (a peek), even when it is tested.
int use_peek(struct hw *hw)
{
	struct sk_buff *skb = peek_skb(hw);

	if (!skb)
		return -ENODEV;
	if (template_set(hw, skb->data, skb->len))
		return -EIO;
	return 0;
}

// Silent: a result never tested for failure is no evidence (a getter
// whose result one path frees).
void drop_beacon(struct hw *hw)
{
	struct sk_buff *skb = beacon_get(hw);

	goto out;
out:
	consume_skb(skb);
}

int use_beacon(struct hw *hw)
{
	struct sk_buff *skb = beacon_get(hw);

	if (!skb)
		return -ENODEV;
	if (template_set(hw, skb->data, skb->len))
		return -EIO;
	return 0;
}

// Silent: two pairs' releases free the same call's result; the file
// does not say which it is.
int drop_odd(struct hw *hw)
{
	struct sk_buff *skb = odd_get(hw);
	int ret;

	if (!skb)
		return -ENODEV;
	ret = template_set(hw, skb->data, skb->len);
	if (ret)
		goto out;
	return 0;
out:
	consume_skb(skb);
	return ret;
}

int free_odd(struct hw *hw)
{
	void *p = odd_get(hw);
	int ret;

	if (!p)
		return -ENODEV;
	ret = template_set(hw, p, 0);
	if (ret)
		goto out;
	return 0;
out:
	kfree(p);
	return ret;
}

int use_odd(struct hw *hw)
{
	struct sk_buff *skb = odd_get(hw);

	if (!skb)
		return -ENODEV;
	if (template_set(hw, skb->data, skb->len))
		return -EIO;
	consume_skb(skb);
	return 0;
}

// Silent: a lookup freed once it is unlinked, outside any unwind ladder,
// is no evidence: the container owned it until then
// (drivers/base/memory.c, memory_group_unregister() and xa_load()).
struct group { int busy; };
struct group *table_load(int id);
void table_erase(int id);
int group_unregister(int id)
{
	struct group *group = table_load(id);

	if (!group)
		return -EINVAL;
	if (group->busy)
		return -EIO;
	table_erase(id);
	kfree(group);
	return 0;
}

int group_use(int id)
{
	struct group *group = table_load(id);

	if (!group)
		return -EINVAL;
	if (template_set(0, group, 0))
		return -EIO;
	return 0;
}
