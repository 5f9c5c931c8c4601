// Uses thing.c's helpers: without their summaries, thing_retire() (no
// drop-named name) is an unknown call and thing_alloc() acquires nothing.
#include "../../Inputs/kernel.h"

struct thing {
	int state;
	void *buf;
};

void thing_retire(struct thing *t);
struct thing *thing_alloc(void);
int thing_hw_init(struct thing *t);
int thing_register(struct thing *t);
int thing_configure(struct thing *t);
struct thing *devm_thing_alloc(struct device *dev);

int thing_start(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);
	int ret;

	if (!t)
		return -ENOMEM;
	ret = thing_hw_init(t);
	if (ret) {
		thing_retire(t);
		return ret;
	}
	return thing_register(t);
}

int thing_start_alloc(void)
{
	struct thing *t = thing_alloc();
	int ret;

	if (!t)
		return -ENOMEM;
	ret = thing_hw_init(t);
	if (ret)
		return ret;
	return thing_register(t);
}

int thing_start_configured(void)
{
	struct thing *t = kzalloc(sizeof(*t), GFP_KERNEL);
	int ret;

	if (!t)
		return -ENOMEM;
	ret = thing_configure(t);
	if (ret)
		return ret;
	return thing_register(t);
}

int thing_probe(struct device *dev)
{
	struct thing *t = devm_thing_alloc(dev);
	int ret;

	if (!t)
		return -ENOMEM;
	ret = thing_hw_init(t);
	if (ret)
		return ret;
	return thing_register(t);
}
