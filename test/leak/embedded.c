// A helper of the file given &obj->base.base can free obj: the kernel
// passes a whole object by its embedded part and gets it back with
// container_of() (drivers/gpu/drm/msm/adreno/a2xx_gpu.c, a2xx_gpu_init()
// and a2xx_destroy()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct gpu { int id; };
struct adreno { struct gpu base; };
struct a2xx { struct adreno base; void *buf; };
int init(struct gpu *g);
void report(struct gpu *g);

static void a2xx_destroy(struct gpu *gpu)
{
	struct a2xx *a = (struct a2xx *)gpu;

	kfree(a);
}

// Silent: the helper frees the object it embeds.
struct gpu *a2xx_init(void)
{
	struct a2xx *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return ERR_PTR(-ENOMEM);
	if (init(&a->base.base))
		goto fail;
	return &a->base.base;
fail:
	a2xx_destroy(&a->base.base);
	return ERR_PTR(-EIO);
}

// A call that releases nothing is no release, embedded part or not.
// CHECK-LABEL: In function 'a2xx_init_leaky':
struct gpu *a2xx_init_leaky(void)
{
	struct a2xx *a = kzalloc(sizeof(*a), GFP_KERNEL);

	if (!a)
		return ERR_PTR(-ENOMEM);
	if (init(&a->base.base)) {
		report(&a->base.base);
		// CHECK: embedded.c:[[@LINE+1]]:3: warning: 'a' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ERR_PTR(-EIO);
	}
	return &a->base.base;
}
