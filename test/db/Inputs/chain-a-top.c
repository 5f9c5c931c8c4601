// The top: gives up its object through chain-b-mid.c on failure.
#include "kernel.h"

struct chain {
	void *buf;
};

void chain_mid_free(struct chain *c, struct device *dev);
int chain_start(struct chain *c);

int chain_top(struct device *dev)
{
	struct chain *c = kzalloc(sizeof(*c), GFP_KERNEL);

	if (!c)
		return -ENOMEM;
	if (chain_start(c)) {
		chain_mid_free(c, dev);
		return -EIO;
	}
	kfree(c);
	return 0;
}
