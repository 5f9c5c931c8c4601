/* A file with one leak. */
void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);
int setup(void);

int leaky(void)
{
	void *p = kmalloc(4, 0);

	if (!p)
		return -12;
	if (setup())
		return -5;
	kfree(p);
	return 0;
}
