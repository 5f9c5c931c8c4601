// The helpers of a driver's object, in their own file: a destructor that
// frees what the object holds, and an allocator that returns it, as
// drivers split foo_core.c from foo_main.c.
#include "../../Inputs/kernel.h"

struct thing {
	int state;
	void *buf;
};

void thing_retire(struct thing *t)
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

/* drivers/devfreq/devfreq.c's devm_devfreq_add_device(), in small. */
struct device;
void *devres_alloc_node(void (*release)(struct device *, void *),
			unsigned long size, unsigned gfp, int nid);
void devres_add(struct device *dev, void *res);
void devres_free(void *res);

static void devm_thing_release(struct device *dev, void *res)
{
	thing_retire(*(struct thing **)res);
}

struct thing *devm_thing_alloc(struct device *dev)
{
	struct thing **ptr, *t;

	ptr = devres_alloc_node(devm_thing_release, sizeof(*ptr), GFP_KERNEL, -1);
	if (!ptr)
		return NULL;
	t = thing_alloc();
	if (!t) {
		devres_free(ptr);
		return NULL;
	}
	*ptr = t;
	devres_add(dev, ptr);
	return t;
}
