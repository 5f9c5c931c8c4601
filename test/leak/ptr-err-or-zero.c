// ret = PTR_ERR_OR_ZERO(p) is the error when p is an error pointer and 0
// otherwise (rules' predicates, result: errno): "if (ret)" tests p, and
// returning ret on that path returns an error.  drivers/cpufreq/
// raspberrypi-cpufreq.c, raspberrypi_cpufreq_probe().
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

long PTR_ERR(const void *ptr);
static inline int PTR_ERR_OR_ZERO(const void *ptr)
{
	if (IS_ERR(ptr))
		return PTR_ERR(ptr);
	else
		return 0;
}
struct platform_device;
struct platform_device *platform_device_register_simple(const char *name, int id,
							const void *res, unsigned n);
void platform_device_unregister(struct platform_device *pdev);
void *kzalloc(unsigned long size, unsigned flags);
void kfree(const void *p);
int hw(void);
struct priv { struct platform_device *child; };

// Silent: the registration failed exactly when ret is non-zero.
int register_child(struct priv *p)
{
	struct platform_device *pdev;
	int ret;

	pdev = platform_device_register_simple("cpufreq-dt", -1, NULL, 0);
	ret = PTR_ERR_OR_ZERO(pdev);
	if (ret)
		goto out;
	p->child = pdev;
	return 0;
out:
	return ret;
}

// Fires: the error from PTR_ERR_OR_ZERO() is an error return, and the
// buffer allocated before it is still held there.
// CHECK-LABEL: In function 'leak_before':
int leak_before(struct priv *p)
{
	struct platform_device *pdev;
	void *buf = kzalloc(16, GFP_KERNEL);
	int ret;

	if (!buf)
		return -ENOMEM;
	pdev = platform_device_register_simple("child", -1, NULL, 0);
	ret = PTR_ERR_OR_ZERO(pdev);
	if (ret)
		// CHECK: ptr-err-or-zero.c:[[@LINE+1]]:3: warning: 'buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	p->child = pdev;
	kfree(buf);
	return 0;
}
