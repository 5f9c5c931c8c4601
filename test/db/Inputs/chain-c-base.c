// The bottom of a chain of helpers across three files: frees what it
// is given.
#include "kernel.h"

struct chain {
	void *buf;
};

void chain_base_free(struct chain *c)
{
	kfree(c);
}
