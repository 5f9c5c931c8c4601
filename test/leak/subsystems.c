// A sample of the subsystem pairs (rules/subsystems.yaml, managed.yaml):
// each success convention and handle as the kernel defines it.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct crypto_shash;
struct snd_card;
struct phy;
struct pci_dev { struct device dev; };
struct crypto_shash *crypto_alloc_shash(const char *name, unsigned type, unsigned mask);
void crypto_free_shash(struct crypto_shash *tfm);
int snd_card_new(struct device *parent, int idx, const char *xid, void *module,
		 int extra_size, struct snd_card **card_ret);
void snd_card_free(struct snd_card *card);
struct phy *phy_get(struct device *dev, const char *string);
void phy_put(struct device *dev, struct phy *phy);
int phy_init(struct phy *phy);
int phy_exit(struct phy *phy);
int pcim_enable_device(struct pci_dev *pdev);
void pci_disable_device(struct pci_dev *dev);
int hw_setup(void *p);

// Silent: an ERR_PTR from crypto_alloc_shash() owes nothing; the later
// failure frees it.
int hash_ok(void)
{
	struct crypto_shash *tfm = crypto_alloc_shash("sha256", 0, 0);

	if (IS_ERR(tfm))
		return PTR_ERR(tfm);
	if (hw_setup(tfm)) {
		crypto_free_shash(tfm);
		return -EIO;
	}
	crypto_free_shash(tfm);
	return 0;
}

// Fires: the card snd_card_new() hands back through its last argument.
// CHECK: subsystems.c:[[@LINE+9]]:3: warning: 'card' from snd_card_new() is not released on this error path; snd_card_free() is missing [ladder-leak]
int card_leak(struct device *dev)
{
	struct snd_card *card;
	int ret = snd_card_new(dev, -1, NULL, NULL, 0, &card);

	if (ret < 0)
		return ret;
	if (hw_setup(card))
		return -EIO;
	return 0;
}

// Fires: phy_init() is not undone; phy_put() takes the PHY second.
// CHECK: subsystems.c:[[@LINE+15]]:3: warning: 'phy' from phy_init() is not released on this error path; phy_exit() is missing [ladder-leak]
int phy_leak(struct device *dev)
{
	struct phy *phy = phy_get(dev, "usb");
	int ret;

	if (IS_ERR(phy))
		return PTR_ERR(phy);
	ret = phy_init(phy);
	if (ret) {
		phy_put(dev, phy);
		return ret;
	}
	if (hw_setup(phy)) {
		phy_put(dev, phy);
		return -EIO;
	}
	return 0;
}

// Fires: pcim_enable_device() is undone by the PCI core; disabling it by
// hand disables it twice.
// CHECK: subsystems.c:[[@LINE+8]]:3: warning: pci_disable_device() releases 'pdev' from pcim_enable_device(), which is managed and released again when its device goes away; drop the release [ladder-devm-release]
int pcim_twice(struct pci_dev *pdev)
{
	int ret = pcim_enable_device(pdev);

	if (ret)
		return ret;
	if (hw_setup(pdev)) {
		pci_disable_device(pdev);
		return -EIO;
	}
	return 0;
}

// fwnode_get_next_parent() puts the node it is given
// (drivers/base/property.c, fwnode_get_nth_parent()): a loop that walks
// up until NULL holds nothing at its end.  Silent.
struct fwnode_handle;
struct fwnode_handle *fwnode_handle_get(struct fwnode_handle *fwnode);
void fwnode_handle_put(struct fwnode_handle *fwnode);
struct fwnode_handle *fwnode_get_next_parent(struct fwnode_handle *fwnode);

struct fwnode_handle *fwnode_get_parent(struct fwnode_handle *fwnode);

struct fwnode_handle *nth_parent(struct fwnode_handle *fwnode, unsigned depth)
{
	struct fwnode_handle *parent;

	if (depth == 0)
		return fwnode_handle_get(fwnode);
	for (parent = fwnode_get_parent(fwnode); parent;
	     parent = fwnode_get_next_parent(parent)) {
		if (--depth == 0)
			return parent;
	}
	return NULL;
}

// dma_free_contiguous() frees what dma_alloc_contiguous() gave, and the
// pages of its fallback to alloc_pages_node() (kernel/dma/contiguous.c;
// drivers/iommu/dma-iommu.c, iommu_dma_alloc_pages()).
struct page;
struct page *dma_alloc_contiguous(struct device *dev, size_t size, unsigned gfp);
struct page *alloc_pages_node(int nid, unsigned gfp, unsigned order);
void dma_free_contiguous(struct device *dev, struct page *page, size_t size);
int map_pages(struct device *dev, struct page *page);

// Silent.
struct page *contiguous_fallback(struct device *dev, size_t size)
{
	struct page *page = dma_alloc_contiguous(dev, size, GFP_KERNEL);

	if (!page)
		page = alloc_pages_node(0, GFP_KERNEL, 2);
	if (!page)
		return NULL;
	if (map_pages(dev, page)) {
		dma_free_contiguous(dev, page, size);
		return NULL;
	}
	return page;
}

// Fires: the fallback's pages are not given back.
struct page *fallback_leak(struct device *dev, size_t size)
{
	struct page *page = alloc_pages_node(0, GFP_KERNEL, 2);

	if (!page)
		return NULL;
	if (map_pages(dev, page))
		// CHECK: subsystems.c:[[@LINE+1]]:3: warning: 'page' from alloc_pages_node() is not released on this error path; __free_pages() is missing [ladder-leak]
		return NULL;
	return page;
}

// A device-tree interrupt's mapping is shared and kept (irq_create_of_mapping()
// hands back the one already made): owed only where the function
// disposes of it (drivers/input/keyboard/gpio_keys.c).
struct device_node;
unsigned irq_of_parse_and_map(struct device_node *node, int index);
void irq_dispose_mapping(unsigned virq);
int setup_irq_line(unsigned irq);

// Silent.
int parse_irq_kept(struct device_node *np, unsigned *irq)
{
	*irq = irq_of_parse_and_map(np, 0);
	if (!*irq)
		return -EINVAL;
	if (setup_irq_line(*irq))
		return -EINVAL;
	return 0;
}

// Fires: disposed of on one error path, not on the other.
int parse_irq_half(struct device_node *np)
{
	unsigned irq = irq_of_parse_and_map(np, 0);

	if (!irq)
		return -EINVAL;
	if (setup_irq_line(irq)) {
		irq_dispose_mapping(irq);
		return -EIO;
	}
	if (setup_irq_line(irq + 1))
		// CHECK: subsystems.c:[[@LINE+1]]:3: warning: 'irq' from irq_of_parse_and_map() is not released on this error path; irq_dispose_mapping() is missing [ladder-leak]
		return -EIO;
	return irq;
}

// A procfs entry goes by its name too: remove_proc_entry("misc", NULL)
// removes what proc_create("misc", ...) made (drivers/char/misc.c,
// misc_init()).  Silent with it, fires without.
struct proc_dir_entry;
struct proc_dir_entry *proc_create(const char *name, unsigned short mode,
				   struct proc_dir_entry *parent, const void *ops);
void remove_proc_entry(const char *name, struct proc_dir_entry *parent);
int class_register_misc(void);

int proc_by_name(void)
{
	struct proc_dir_entry *ret;
	int err;

	ret = proc_create("misc", 0, NULL, NULL);
	err = class_register_misc();
	if (err)
		goto fail_remove;
	return 0;
fail_remove:
	if (ret)
		remove_proc_entry("misc", NULL);
	return err;
}

// CHECK: subsystems.c:[[@LINE+9]]:3: warning: 'ret' from proc_create() is not released on this error path; proc_remove() is missing [ladder-leak]
int proc_forgotten(void)
{
	struct proc_dir_entry *ret;
	int err;

	ret = proc_create("misc", 0, NULL, NULL);
	err = class_register_misc();
	if (err)
		return err;
	return 0;
}

// An exclusive reset control taken "released" and then acquired: the
// last reset_control_put() frees the control with its acquired state
// (drivers/reset/core.c), so putting it undoes the acquire too
// (drivers/soc/tegra/pmc.c, tegra_powergate_of_get_resets()).
struct reset_control *of_reset_control_array_get(void *np, int shared, int optional,
						 int acquired);
int reset_control_acquire(struct reset_control *rstc);
void reset_control_release(struct reset_control *rstc);
void reset_control_put(struct reset_control *rstc);
struct powergate { struct reset_control *reset; };

int powergate_get_resets(struct powergate *pg, void *np)
{
	int err;

	pg->reset = of_reset_control_array_get(np, 0, 0, 0);
	if (IS_ERR(pg->reset))
		return PTR_ERR(pg->reset);
	err = reset_control_acquire(pg->reset);
	if (err < 0)
		goto put;
	err = reset_control_deassert(pg->reset);
	if (err < 0) {
		reset_control_release(pg->reset);
		goto put;
	}
	if (hw_read(NULL, 0) < 0) {
		err = -EIO;
		goto put;
	}
	return 0;
put:
	reset_control_put(pg->reset);
	return err;
}

// CHECK-LABEL: In function 'powergate_keep':
int powergate_keep(struct powergate *pg)
{
	int err = reset_control_acquire(pg->reset);

	if (err < 0)
		return err;
	if (hw_read(NULL, 0) < 0)
		// CHECK: :[[@LINE+1]]:3: warning: 'pg->reset' from reset_control_acquire() is not released on this error path; reset_control_release() is missing [ladder-leak]
		return -EIO;
	return 0;
}
