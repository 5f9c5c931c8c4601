// The helpers of a driver's object, in their own file: a destructor that
// frees what the object holds, and an allocator that returns it, as
// drivers split foo_core.c from foo_main.c.
#include "../../Inputs/kernel.h"

struct thing {
	int state;
	void *buf;
};

void thing_destroy(struct thing *t)
{
	kfree(t->buf);
	kfree(t);
}

/* Frees a buffer of its own, nothing it is given. */
int thing_configure(struct thing *t)
{
	char *scratch = kmalloc(16, GFP_KERNEL);

	if (!scratch)
		return -ENOMEM;
	t->state = scratch[0];
	kfree(scratch);
	return 0;
}

struct thing *thing_alloc(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->state = 1;
	return t;
}
