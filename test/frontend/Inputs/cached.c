/* A file whose IR --ir-cache keeps: one leak, and a helper in a header. */
#include "cached.h"

int cached_leak(void)
{
	void *p = kmalloc(4, 0);

	if (!p)
		return -12;
	if (setup())
		return -5;
	kfree(p);
	return 0;
}
