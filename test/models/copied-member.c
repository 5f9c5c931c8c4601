// Model copied-member: a pointer read from a member of an object
// ("pdev = ioc->pdev") is what the member holds, until either is
// assigned.  A helper given the object then reaches what the local
// names (drivers/scsi/mpt3sas/mpt3sas_base.c, mpt3sas_base_map_resources()
// and mpt3sas_base_unmap_resources()), and a release through the member
// releases what was acquired through the local.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-copied-member %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct pci_dev { int irq; };
int pci_enable_device_mem(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *pdev);
int pci_is_enabled(struct pci_dev *pdev);
struct adapter { struct pci_dev *pdev; struct pci_dev *peer; void *buf; };

static void adapter_unmap(struct adapter *ioc)
{
	struct pci_dev *pdev = ioc->pdev;

	if (pci_is_enabled(pdev))
		pci_disable_device(pdev);
}

// Silent: the helper disables what ioc->pdev holds, which pdev copied.
// OFF-LABEL: In function 'adapter_map':
int adapter_map(struct adapter *ioc)
{
	struct pci_dev *pdev = ioc->pdev;
	int r;

	if (pci_enable_device_mem(pdev))
		return -ENODEV;
	if (some_setup()) {
		r = -EIO;
		goto out_fail;
	}
	return 0;

out_fail:
	adapter_unmap(ioc);
	// OFF: copied-member.c:[[@LINE+1]]:2: warning: 'pdev' from pci_enable_device_mem() is not released on this error path; pci_disable_device() is missing [ladder-leak]
	return r;
}

// Silent: released through the member the local was read from.
// OFF-LABEL: In function 'adapter_start':
int adapter_start(struct adapter *ioc)
{
	struct pci_dev *pdev = ioc->pdev;

	if (pci_enable_device_mem(pdev))
		return -ENODEV;
	if (some_setup()) {
		pci_disable_device(ioc->pdev);
		// OFF: copied-member.c:[[@LINE+1]]:3: warning: 'pdev' from pci_enable_device_mem() is not released on this error path; pci_disable_device() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// Reported: the member was assigned after the copy, so it holds another
// device, and the release through it is not of what pdev names.
// CHECK-LABEL: In function 'adapter_switch':
int adapter_switch(struct adapter *ioc)
{
	struct pci_dev *pdev = ioc->pdev;

	if (pci_enable_device_mem(pdev))
		return -ENODEV;
	ioc->pdev = ioc->peer;
	if (some_setup()) {
		pci_disable_device(ioc->pdev);
		// CHECK: copied-member.c:[[@LINE+1]]:3: warning: 'pdev' from pci_enable_device_mem() is not released on this error path; pci_disable_device() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}

// Reported: another member is another object.
// CHECK-LABEL: In function 'adapter_peer':
int adapter_peer(struct adapter *ioc)
{
	struct pci_dev *pdev = ioc->pdev;

	if (pci_enable_device_mem(pdev))
		return -ENODEV;
	if (some_setup()) {
		pci_disable_device(ioc->peer);
		// CHECK: copied-member.c:[[@LINE+1]]:3: warning: 'pdev' from pci_enable_device_mem() is not released on this error path; pci_disable_device() is missing [ladder-leak]
		return -EIO;
	}
	return 0;
}
