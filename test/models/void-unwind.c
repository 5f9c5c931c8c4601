// Model void-unwind: a void function has no value to say it failed; a
// forward goto to a label (goto out_free_resp) is what says it, so the
// returns after it are error returns.  Reduced from
// drivers/scsi/libsas/sas_host_smp.c, sas_smp_host_handler(), with the
// kfree(resp_data) of its unwind ladder deleted.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-void-unwind %s | FileCheck %s --check-prefix=OFF --allow-empty
// Switched off, a void function has no error return at all.
// OFF-NOT: warning:

#include "kernel.h"

struct bsg_job { unsigned len; int status; };
void bsg_job_done(struct bsg_job *job, int result, unsigned reslen);

// CHECK-LABEL: In function 'smp_handler':
void smp_handler(struct bsg_job *job)
{
	unsigned char *req_data, *resp_data;
	int error = -EINVAL;

	if (job->len < 8)
		goto out;
	error = -ENOMEM;
	req_data = kzalloc(job->len, GFP_KERNEL);
	if (!req_data)
		goto out;
	resp_data = kzalloc(128, GFP_KERNEL);
	if (!resp_data)
		goto out_free_req;
	error = -EINVAL;
	if (req_data[0] != 0x40)
		goto out_free_resp;
	resp_data[0] = 0x41;
	error = 0;
out_free_resp:
out_free_req:
	kfree(req_data);
out:
	bsg_job_done(job, error, 0);
// CHECK: void-unwind.c:[[@LINE+1]]:1: warning: 'resp_data' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
}

// wlcore_nvs_cb() (drivers/net/wireless/ti/wlcore/main.c) jumps to
// "out" when it is done, keeping wl->nvs: a forward goto while no
// variable holds an errno is no failure.  Its unwind, here without the
// kfree() of wl->nvs, is.
struct wl { void *nvs; int initialized; int done; };
void *kmemdup(const void *src, unsigned long len, unsigned flags);
int wl_setup(struct wl *wl);
void wl_complete(struct wl *wl);

// CHECK-LABEL: In function 'nvs_cb':
void nvs_cb(struct wl *wl, const void *data, unsigned len)
{
	int ret;

	wl->nvs = kmemdup(data, len, GFP_KERNEL);
	if (!wl->nvs)
		goto out;
	ret = wl_setup(wl);
	if (ret < 0)
		goto out_free_nvs;
	wl->initialized = 1;
	goto out;
out_free_nvs:
out:
	wl_complete(wl);
// CHECK: void-unwind.c:[[@LINE+1]]:1: warning: 'wl->nvs' from kmemdup() is not released on this error path; kfree() is missing [ladder-leak]
}

// iwl_pcie_set_interrupt_capa() (drivers/net/wireless/intel/iwlwifi/
// pcie/trans.c) falls back to MSI when MSI-X fails: the label it jumps
// to with an errno acquires, so it is no unwind, and the MSI it enables
// is the function's purpose.
struct pci_dev;
int pci_enable_msix_range(struct pci_dev *dev, void *entries, int minvec, int maxvec);
int pci_enable_msi(struct pci_dev *dev);
struct msi_holder { int vecs; };

void set_interrupt_capa(struct pci_dev *pdev, struct msi_holder *h)
{
	int num_irqs, ret;

	num_irqs = pci_enable_msix_range(pdev, NULL, 2, 16);
	if (num_irqs < 0)
		goto enable_msi;
	h->vecs = num_irqs;
	return;
enable_msi:
	ret = pci_enable_msi(pdev);
	if (ret)
		h->vecs = 0;
}

// A path that reaches the end without jumping is no failure: what it
// still holds is the function's purpose (the buffer handed on by a call
// no rule knows), model or not.
void keep_for_later(struct bsg_job *job, unsigned char **slot)
{
	unsigned char *buf = kzalloc(64, GFP_KERNEL);

	if (!buf)
		return;
	*slot = buf;
	job->status = 1;
}

// A backward goto retries; it is no unwind.
void retry(struct bsg_job *job)
{
	unsigned char *buf;
	int tries = 0;

again:
	buf = kzalloc(64, GFP_KERNEL);
	if (!buf)
		return;
	if (job->status && tries++ < 3) {
		kfree(buf);
		goto again;
	}
	kfree(buf);
}
