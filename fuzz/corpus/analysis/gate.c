/* Three functions with one leak each, for suppression and baselines. */
#define ENOMEM 12
#define EIO 5
#define GFP_KERNEL 0xcc0u

void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);
int setup(void);

int first(void)
{
	void *p = kmalloc(4, GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	if (setup())
		return -EIO;
	kfree(p);
	return 0;
}

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

int third(void)
{
	void *r = kmalloc(16, GFP_KERNEL);

	if (!r)
		return -ENOMEM;
	if (setup())
		return -EIO;
	kfree(r);
	return 0;
}
