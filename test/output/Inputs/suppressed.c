/* gate.c's three leaks, with inline suppressions. */
#include "../../Inputs/kernel.h"

void *kmalloc(size_t size, unsigned gfp);
void kfree(const void *p);
int setup(void);

/* On the line of the finding. */
int first(void)
{
	void *p = kmalloc(4, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (setup())
		return -EIO;	/* ladder: ignore[leak] the caller frees it */
	kfree(p);
	return 0;
}

/* ladder: ignore[ladder-leak] the whole function, prefix and all */
int second(void)
{
	void *q = kmalloc(8, GFP_KERNEL);

	if (!q)
		return -ENOMEM;
	if (setup())
		return -EIO;
	kfree(q);
	return 0;
}

/* Another check's name silences nothing. */
int third(void)
{
	void *r = kmalloc(16, GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	// ladder: ignore[double-release] not this check
	if (setup())
		return -EIO;
	kfree(r);
	return 0;
}

/* On the line above the finding. */
int fourth(void)
{
	void *s = kmalloc(32, GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	if (setup())
		// ladder: ignore[leak] s is freed by the timer
		return -EIO;
	kfree(s);
	return 0;
}
