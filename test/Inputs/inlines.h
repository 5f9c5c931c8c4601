/* Inline helpers as a kernel header defines them, for test/models/header-inlines.c. */
struct pdevice { void *platform_data; int disable_depth; };

static inline void *pdev_get_platdata(const struct pdevice *dev)
{
	return dev->platform_data;
}

static inline int pdev_runtime_enabled(const struct pdevice *dev)
{
	return !dev->disable_depth;
}
