void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);
void *ioremap(unsigned long long offset, unsigned long size);
void iounmap(void *addr);
int setup(void);

int mixed(void)
{
	void *p = kmalloc(4, 0);
	void *regs;

	if (!p)
		return -12;
	if (setup())
		return -5;
	regs = ioremap(0x1000, 4);
	if (!regs) {
		kfree(p);
		return -12;
	}
	if (setup()) {
		kfree(p);
		return -5;
	}
	iounmap(regs);
	kfree(p);
	return 0;
}
