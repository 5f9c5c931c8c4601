// Model managed-with: the kernel's "hybrid" PCI functions
// (pci_alloc_irq_vectors(), pci_request_regions(), pci_enable_msi()) are
// devres-managed once the device was enabled with pcim_enable_device()
// (drivers/pci/pci.c, drivers/pci/msi/msi.c pcim_setup_msi_release()),
// and a driver enables its device one way, so one call in the file
// decides for all its functions.  The shape is
// drivers/bus/mhi/host/pci_generic.c: mhi_pci_probe() enables with
// pcim_enable_device(), and mhi_pci_get_irqs() returns on an error after
// pci_alloc_irq_vectors() without freeing them ("no need to free the
// vectors: managed").  The rules say which pairs (managed-with:).
// RUN: %ladder -I %inputs %s | FileCheck %s --allow-empty --implicit-check-not=warning:
// CHECK-NOT: warning:
// RUN: %ladder -I %inputs --model=-managed-with %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:
// A file that enables its device plainly still owes them.
// RUN: %ladder -I %inputs %S/Inputs/managed-with-plain.c | FileCheck %S/Inputs/managed-with-plain.c --implicit-check-not=warning:

#include "kernel.h"

struct pci_dev { struct device dev; int irq; };
int pcim_enable_device(struct pci_dev *pdev);
int pci_alloc_irq_vectors(struct pci_dev *pdev, unsigned min, unsigned max,
			  unsigned flags);
void pci_free_irq_vectors(struct pci_dev *pdev);
int setup_irq_table(struct pci_dev *pdev, int n);

// Silent: devres frees the vectors when probe fails.
// OFF-LABEL: In function 'get_irqs':
int get_irqs(struct pci_dev *pdev, int want)
{
	int nr = pci_alloc_irq_vectors(pdev, 1, want, 6);

	if (nr < 0)
		return nr;
	if (setup_irq_table(pdev, nr))
		// OFF: managed-with.c:[[@LINE+1]]:3: warning: 'pdev' from pci_alloc_irq_vectors() is not released on this error path; pci_free_irq_vectors() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

int probe(struct pci_dev *pdev)
{
	int ret = pcim_enable_device(pdev);

	if (ret)
		return ret;
	return get_irqs(pdev, 8);
}
