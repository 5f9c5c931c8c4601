/*
 * Inline wrappers as include/linux/skbuff.h (6.12) defines them, for
 * test/models/inline-wrappers.c: alloc_skb() and dev_alloc_skb() are
 * __alloc_skb() and __netdev_alloc_skb() by the time the compiler sees
 * a call, and only those two are named by rules.
 */
struct sk_buff { unsigned char *data; unsigned int len; };
struct net_device;

struct sk_buff *__alloc_skb(unsigned int size, unsigned int priority, int flags, int node);
struct sk_buff *__netdev_alloc_skb(struct net_device *dev, unsigned int length,
				   unsigned int gfp_mask);
void consume_skb(struct sk_buff *skb);
void kfree_skb(struct sk_buff *skb);
void *skb_put(struct sk_buff *skb, unsigned int len);

static inline struct sk_buff *alloc_skb(unsigned int size, unsigned int priority)
{
	return __alloc_skb(size, priority, 0, -1);
}

static inline struct sk_buff *netdev_alloc_skb(struct net_device *dev,
					       unsigned int length)
{
	return __netdev_alloc_skb(dev, length, 0x820u);
}

static inline struct sk_buff *dev_alloc_skb(unsigned int length)
{
	return netdev_alloc_skb((void *)0, length);
}

/* An inline with a leak of its own: the header is not under review. */
static inline struct sk_buff *skb_fill(unsigned int length, int bad)
{
	struct sk_buff *skb = __alloc_skb(length, 0x820u, 0, -1);

	if (!skb)
		return (void *)0;
	if (bad)
		return (void *)0;
	skb_put(skb, length);
	return skb;
}
