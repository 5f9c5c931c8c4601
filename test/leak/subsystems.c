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
