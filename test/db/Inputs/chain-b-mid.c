// The middle: drops the device reference itself and frees the object
// through chain-c-base.c, which the scan analyses after it.
#include "kernel.h"

struct chain {
	void *buf;
};

void chain_base_free(struct chain *c);

void chain_mid_free(struct chain *c, struct device *dev)
{
	put_device(dev);
	chain_base_free(c);
}
