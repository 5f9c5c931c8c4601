// What Linux 6.12's macros hand the compiler: the rules name what the
// preprocessed call is, not only the macro a driver writes.
// kmem_cache_create() is a _Generic choice of three functions (the
// callee is the association whose type the selection has),
// __get_free_pages() is get_free_pages_noprof(), and a failed
// irq_domain_instantiate() returns an error pointer.  The declarations
// are 6.12's (include/linux/slab.h, gfp.h, irqdomain.h).
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct kmem_cache;
struct kmem_cache_args { unsigned int align; };
typedef unsigned int slab_flags_t;
struct kmem_cache *__kmem_cache_create_args(const char *name, unsigned int object_size,
					    struct kmem_cache_args *args, slab_flags_t flags);
static inline struct kmem_cache *
__kmem_cache_default_args(const char *name, unsigned int size,
			  struct kmem_cache_args *args, slab_flags_t flags)
{
	struct kmem_cache_args kmem_default_args = {};

	return __kmem_cache_create_args(name, size, &kmem_default_args, flags);
}
struct kmem_cache *__kmem_cache_create(const char *name, unsigned int size,
				       unsigned int align, slab_flags_t flags,
				       void (*ctor)(void *));
void kmem_cache_destroy(struct kmem_cache *s);
#define kmem_cache_create(__name, __object_size, __args, ...)           \
	_Generic((__args),                                              \
		struct kmem_cache_args *: __kmem_cache_create_args,	\
		void *: __kmem_cache_default_args,			\
		default: __kmem_cache_create)(__name, __object_size, __args, __VA_ARGS__)

unsigned long get_free_pages_noprof(unsigned int gfp_mask, unsigned int order);
#define __get_free_pages(...) get_free_pages_noprof(__VA_ARGS__)
void free_pages(unsigned long addr, unsigned int order);

struct irq_domain;
struct irq_domain_info { int size; };
struct irq_domain *irq_domain_instantiate(const struct irq_domain_info *info);
void irq_domain_remove(struct irq_domain *d);

int hw_init(void);

struct ctx { struct kmem_cache *objs, *bufs; unsigned long pages; struct irq_domain *domain; };

// CHECK-LABEL: In function 'caches_init':
int caches_init(struct ctx *c)
{
	struct kmem_cache *objs, *bufs;
	struct kmem_cache_args args = { .align = 64 };

	objs = kmem_cache_create("objs", 64, 0, 0, NULL);	/* legacy: __kmem_cache_create() */
	if (!objs)
		return -ENOMEM;
	bufs = kmem_cache_create("bufs", 128, &args, 0);	/* __kmem_cache_create_args() */
	if (!bufs)
		goto free_objs;
	if (hw_init())
		goto free_objs;
	c->objs = objs;
	c->bufs = bufs;
	return 0;
free_objs:
	kmem_cache_destroy(objs);
	// CHECK: spellings-6.12.c:[[@LINE+1]]:2: warning: 'bufs' from kmem_cache_create() is not released on this error path; kmem_cache_destroy() is missing [ladder-leak]
	return -ENOMEM;
}

// The same function releasing both stays silent.
// CHECK-NOT: In function 'caches_init_ok':
int caches_init_ok(struct ctx *c)
{
	struct kmem_cache *objs, *bufs;

	objs = kmem_cache_create("objs", 64, 0, 0, NULL);
	if (!objs)
		return -ENOMEM;
	bufs = kmem_cache_create("bufs", 128, (void *)NULL, 0);	/* __kmem_cache_default_args() */
	if (!bufs)
		goto free_objs;
	if (hw_init())
		goto free_bufs;
	c->objs = objs;
	c->bufs = bufs;
	return 0;
free_bufs:
	kmem_cache_destroy(bufs);
free_objs:
	kmem_cache_destroy(objs);
	return -ENOMEM;
}

// CHECK-LABEL: In function 'pages_init':
int pages_init(struct ctx *c)
{
	unsigned long pages = __get_free_pages(GFP_KERNEL, 2);

	if (!pages)
		return -ENOMEM;
	if (hw_init())
		// CHECK: spellings-6.12.c:[[@LINE+1]]:3: warning: 'pages' from __get_free_pages() is not released on this error path; free_pages() is missing [ladder-leak]
		return -EIO;
	c->pages = pages;
	return 0;
}

// An error pointer is irq_domain_instantiate()'s failure: nothing to
// remove after IS_ERR(), and the domain is owed after it.
// CHECK-LABEL: In function 'domain_init':
int domain_init(struct ctx *c)
{
	struct irq_domain_info info = { .size = 32 };
	struct irq_domain *d = irq_domain_instantiate(&info);

	if (IS_ERR(d))
		return PTR_ERR(d);
	if (hw_init())
		// CHECK: spellings-6.12.c:[[@LINE+1]]:3: warning: 'd' from irq_domain_instantiate() is not released on this error path; irq_domain_remove() is missing [ladder-leak]
		return -EIO;
	c->domain = d;
	return 0;
}
