void *kzalloc(unsigned long size, unsigned flags);
void kfree(const void *p);
int hw(void);

int f(void **out)
{
	void *buf = kzalloc(64, 0xcc0u);

	if (!buf)
		return -12;
	if (hw())
		return -5;
	*out = buf;
	return 0;
}
