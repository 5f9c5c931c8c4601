// Model discarded-result: what an acquire returns to a statement that
// drops it is meant to live on.  drivers/firmware/efi/efi.c,
// efisubsys_init(): the result of platform_device_register_simple() is
// dropped; nothing could ever unregister it, and nothing is meant to.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-discarded-result %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct platform_device;
struct platform_device *platform_device_register_simple(const char *name, int id,
							 const void *res, unsigned n);
void platform_device_unregister(struct platform_device *pdev);
int efisubsys_sysfs_setup(void);

// OFF-LABEL: In function 'registered_for_good':
int registered_for_good(void)
{
	platform_device_register_simple("efivars", 0, NULL, 0);
	if (efisubsys_sysfs_setup())
		// OFF: discarded-result.c:[[@LINE+1]]:3: warning: platform_device_register_simple() is not undone on this error path; platform_device_unregister() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

// Kept in a variable, it is the function's to undo, model or not.
// CHECK-LABEL: In function 'registered_and_kept':
int registered_and_kept(void)
{
	struct platform_device *pdev;

	pdev = platform_device_register_simple("efivars", 0, NULL, 0);
	if (IS_ERR(pdev))
		return PTR_ERR(pdev);
	if (efisubsys_sysfs_setup())
		// CHECK: discarded-result.c:[[@LINE+1]]:3: warning: 'pdev' from platform_device_register_simple() is not released on this error path; platform_device_unregister() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}
