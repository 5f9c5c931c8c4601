// Model bracketed-release: a release that a later statement of its own
// block undoes, acquiring the same pair through the same place again,
// only brackets what comes between.  The runtime PM core documents
// "pm_runtime_disable(dev); pm_runtime_set_active(dev);
// pm_runtime_enable(dev);" as the way to change a device's runtime
// status in system resume (drivers/bluetooth/hci_bcm.c, bcm_resume()):
// the disable undoes no enable of the path's own.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-bracketed-release %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct bcm { struct device *dev; struct device *child; int suspended; };
int pm_runtime_set_active(struct device *dev);
int bcm_resume_device(struct bcm *bcm);
int bcm_setup(struct bcm *bcm);

// Silent: the disable is put back two statements later.
// OFF-LABEL: In function 'bcm_resume':
int bcm_resume(struct bcm *bcm)
{
	int err = 0;

	if (!bcm->suspended)
		goto out;
	err = bcm_resume_device(bcm);
out:
	if (!err) {
		// OFF: bracketed-release.c:[[@LINE+1]]:3: warning: pm_runtime_disable() on a path that never acquired what it releases [ladder-release-unacquired]
		pm_runtime_disable(bcm->dev);
		pm_runtime_set_active(bcm->dev);
		pm_runtime_enable(bcm->dev);
	}
	return 0;
}

// Fires: a goto to a rung below the enable; nothing enables it again.
// CHECK-LABEL: In function 'bcm_probe':
int bcm_probe(struct bcm *bcm)
{
	int err;

	err = bcm_setup(bcm);
	if (err)
		goto err_disable;
	pm_runtime_enable(bcm->dev);
	return 0;
err_disable:
	// CHECK: bracketed-release.c:[[@LINE+1]]:2: warning: pm_runtime_disable() on a path that never acquired what it releases [ladder-release-unacquired]
	pm_runtime_disable(bcm->dev);
	return err;
}

// Fires: what is enabled again is another device.
// CHECK-LABEL: In function 'bcm_switch':
int bcm_switch(struct bcm *bcm)
{
	int err;

	err = bcm_setup(bcm);
	if (err)
		goto out;
	return 0;
out:
	// CHECK: bracketed-release.c:[[@LINE+1]]:2: warning: pm_runtime_disable() on a path that never acquired what it releases [ladder-release-unacquired]
	pm_runtime_disable(bcm->dev);
	pm_runtime_enable(bcm->child);
	return err;
}

// The enable that closes a bracket acquires nothing of the function's
// own either: a system-sleep suspend that puts the device's status
// back on failure and disables runtime PM, enabled at probe, on
// success (drivers/usb/host/xhci-tegra.c, tegra_xusb_suspend()).
// OFF-LABEL: In function 'bcm_suspend':
int bcm_suspend(struct bcm *bcm)
{
	int err;

	err = bcm_setup(bcm);
	if (err < 0) {
		pm_runtime_disable(bcm->dev);
		pm_runtime_set_active(bcm->dev);
		pm_runtime_enable(bcm->dev);
		goto out;
	}
out:
	if (!err)
		// OFF: bracketed-release.c:[[@LINE+1]]:3: warning: pm_runtime_disable() on a path that never acquired what it releases [ladder-release-unacquired]
		pm_runtime_disable(bcm->dev);
	return err;
}
