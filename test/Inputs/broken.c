void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);
int setup(void);

int parsed_fine(void)
{
	void *p = kmalloc(4, 0);

	if (!p || setup())
		return -12;
	kfree(p);
	return 0;
}

int broken(void) { return 1 +; }
