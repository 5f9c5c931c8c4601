// managed-with.c's driver with its device enabled by pci_enable_device():
// the vectors are the driver's to free.
#include "kernel.h"

struct pci_dev { struct device dev; int irq; };
int pci_enable_device(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *pdev);
int pci_alloc_irq_vectors(struct pci_dev *pdev, unsigned min, unsigned max,
			  unsigned flags);
void pci_free_irq_vectors(struct pci_dev *pdev);
int setup_irq_table(struct pci_dev *pdev, int n);

// CHECK-LABEL: In function 'get_irqs':
int get_irqs(struct pci_dev *pdev, int want)
{
	int nr = pci_alloc_irq_vectors(pdev, 1, want, 6);

	if (nr < 0)
		return nr;
	if (setup_irq_table(pdev, nr))
		// CHECK: managed-with-plain.c:[[@LINE+1]]:3: warning: 'pdev' from pci_alloc_irq_vectors() is not released on this error path; pci_free_irq_vectors() is missing [ladder-leak]
		return -ENOMEM;
	return 0;
}

int probe(struct pci_dev *pdev)
{
	int ret = pci_enable_device(pdev);

	if (ret)
		return ret;
	ret = get_irqs(pdev, 8);
	if (ret)
		pci_disable_device(pdev);
	return ret;
}
