/* The header cached.c reads: changing it makes the kept IR stale. */
void *kmalloc(unsigned long size, unsigned gfp);
void kfree(const void *p);
int setup(void);
