/* A file with nothing to report. */
void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);

int fine(void)
{
	void *p = kmalloc(4, 0);

	if (!p)
		return -12;
	kfree(p);
	return 0;
}
