// Conditions the compiler decides, and addresses that cannot be heap
// memory.  Both come from real 6.12 code: gpiolib's fast path compares a
// bitmap with a local array before freeing it, and kfifo_alloc()/
// kfifo_free() choose by sizeof() whether the fifo is dynamic.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

unsigned long *bitmap_alloc(unsigned int nbits, unsigned gfp);
void bitmap_free(const unsigned long *bitmap);
int fill(unsigned long *mask, unsigned long *bits);

struct __kfifo { unsigned int in, out, mask, esize; void *data; };
struct fifo_holder { struct __kfifo kfifo; };
int __kfifo_alloc(struct __kfifo *fifo, unsigned int size, size_t esize, unsigned gfp);
void __kfifo_free(struct __kfifo *fifo);
int hw_setup(void *p);

/* Trimmed from include/linux/kfifo.h: the same shape of macro. */
#define __is_kfifo_ptr(fifo) (sizeof(*fifo) == sizeof(struct fifo_holder))
#define kfifo_alloc(fifo, size, gfp_mask) \
({ \
	typeof((fifo) + 1) __tmp = (fifo); \
	struct __kfifo *__kfifo = &__tmp->kfifo; \
	__is_kfifo_ptr(__tmp) ? \
	__kfifo_alloc(__kfifo, size, sizeof(int), gfp_mask) : \
	-22; \
})
#define kfifo_free(fifo) \
({ \
	typeof((fifo) + 1) __tmp = (fifo); \
	struct __kfifo *__kfifo = &__tmp->kfifo; \
	if (__is_kfifo_ptr(__tmp)) \
		__kfifo_free(__kfifo); \
})

// Silent: the bitmaps are freed unless they are the local fast-path
// arrays, which an allocation never is (drivers/gpio/gpiolib.c).
int fast_path(unsigned int n)
{
	unsigned long fast_mask[2], fast_bits[2];
	unsigned long *mask, *bits;
	int ret;

	if (n <= 128) {
		mask = fast_mask;
		bits = fast_bits;
	} else {
		mask = bitmap_alloc(n, GFP_KERNEL);
		if (!mask)
			return -ENOMEM;
		bits = bitmap_alloc(n, GFP_KERNEL);
		if (!bits) {
			bitmap_free(mask);
			return -ENOMEM;
		}
	}
	ret = fill(mask, bits);
	if (mask != fast_mask)
		bitmap_free(mask);
	if (bits != fast_bits)
		bitmap_free(bits);
	return ret;
}

struct hidma { struct fifo_holder handoff; };

// Fires: hidma_ll_init() (drivers/dma/qcom/hidma_ll.c) returns NULL when
// setup fails, with the fifo still allocated.
// CHECK: constants.c:[[@LINE+9]]:3: warning: kfifo_alloc() is not undone on this error path; kfifo_free() is missing [ladder-leak]
void *fifo_leak(struct hidma *h)
{
	int rc = kfifo_alloc(&h->handoff, 64, GFP_KERNEL);

	if (rc)
		return NULL;
	rc = hw_setup(h);
	if (rc)
		return NULL;
	return h;
}

// Silent: the kfifo_free() on the error path frees the same fifo, through
// the macro's own temporaries.
int fifo_freed(struct hidma *h)
{
	int rc = kfifo_alloc(&h->handoff, 64, GFP_KERNEL);

	if (rc)
		return rc;
	rc = hw_setup(h);
	if (rc) {
		kfifo_free(&h->handoff);
		return rc;
	}
	return 0;
}

// C never evaluates the right side of 0 && x: a flag initialised from
// IS_ENABLED(CONFIG_...) && x, with the option off, is false
// (drivers/base/dd.c, really_probe()'s test_remove).
struct probe_driver { bool suppress_bind_attrs; };

int probe_once(struct probe_driver *drv, struct hidma *h)
{
	bool test_remove = 0 && !drv->suppress_bind_attrs;
	void *buf = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (test_remove)
		return -EIO;
	kfree(buf);
	return hw_setup(h);
}

// But 1 && x is x, and the path where it holds is real.
// CHECK-LABEL: In function 'probe_twice':
int probe_twice(struct probe_driver *drv, struct hidma *h)
{
	bool test_remove = 1 && !drv->suppress_bind_attrs;
	void *buf = kmalloc(64, GFP_KERNEL);

	if (!buf)
		return -ENOMEM;
	if (test_remove)
		// CHECK: constants.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	kfree(buf);
	return hw_setup(h);
}

// x >> n tested twice is one question: "if (MAJOR(dev->devt))" guards
// both the file's creation and its removal (drivers/base/core.c,
// device_add()).  Zero exactly when x & ~((1 << n) - 1) is.
#define MINORBITS 20
#define MAJOR(dev) ((unsigned int)((dev) >> MINORBITS))
struct device_attribute { const char *name; };
int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
struct chardev { unsigned int devt; struct device dev; };
static const struct device_attribute dev_attr_dev = { "dev" };

int chardev_add(struct chardev *d, struct hidma *h)
{
	int err;

	if (MAJOR(d->devt)) {
		err = device_create_file(&d->dev, &dev_attr_dev);
		if (err)
			return err;
	}
	err = hw_setup(h);
	if (err)
		goto err_remove;
	return 0;
err_remove:
	if (MAJOR(d->devt))
		device_remove_file(&d->dev, &dev_attr_dev);
	return err;
}

// Another shift is another question, and the path that creates without
// removing is real.
// CHECK-LABEL: In function 'chardev_add_minor':
int chardev_add_minor(struct chardev *d, struct hidma *h)
{
	int err;

	if (MAJOR(d->devt)) {
		err = device_create_file(&d->dev, &dev_attr_dev);
		if (err)
			return err;
	}
	err = hw_setup(h);
	if (err)
		goto err_remove;
	return 0;
err_remove:
	if (d->devt >> 24)
		device_remove_file(&d->dev, &dev_attr_dev);
	// CHECK: constants.c:[[@LINE+1]]:2: warning: 'dev_attr_dev' from device_create_file() is not released on this error path; device_remove_file() is missing [ladder-leak]
	return err;
}
