// kfree_rcu() frees after a grace period: on 6.12 it expands to a
// statement that copies the pointer to a local and hands it to
// kvfree_call_rcu(head, ptr), which is the release (include/linux/rcupdate.h).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct callback_head { void *next; void (*func)(struct callback_head *); };
void kvfree_call_rcu(struct callback_head *head, void *ptr);

#define kfree_rcu(ptr, rhf) do { typeof(ptr) ___p = (ptr); \
	if (___p) kvfree_call_rcu(&((___p)->rhf), (void *)(___p)); } while (0)
#define kfree_rcu_mightsleep(ptr) kvfree_call_rcu(NULL, (void *)(ptr))

struct ring { struct callback_head rcu; void *start; };

static void ring_destroy(struct ring *ring)
{
	kfree_rcu(ring, rcu);
}

// Silent: the helper on the error path frees the ring with kfree_rcu().
struct ring *ring_new(void)
{
	struct ring *ring = kzalloc(sizeof(*ring), GFP_KERNEL);

	if (!ring)
		return ERR_PTR(-ENOMEM);
	if (some_setup())
		goto fail;
	return ring;
fail:
	ring_destroy(ring);
	return ERR_PTR(-EIO);
}

// Silent: the one-argument form.
int ring_try(void)
{
	struct ring *ring = kmalloc(sizeof(*ring), GFP_KERNEL);

	if (!ring)
		return -ENOMEM;
	if (some_setup()) {
		kfree_rcu_mightsleep(ring);
		return -EIO;
	}
	kfree(ring);
	return 0;
}

// Fires: the error path forgets it.
// CHECK: kfree-rcu.c:[[@LINE+8]]:3: warning: 'ring' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
int ring_forgot(void)
{
	struct ring *ring = kmalloc(sizeof(*ring), GFP_KERNEL);

	if (!ring)
		return -ENOMEM;
	if (some_setup())
		return -EIO;
	kfree_rcu(ring, rcu);
	return 0;
}
