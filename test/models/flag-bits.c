// Model flag-bits: "x & M" read after the path tested "x & m" keeps
// what those tests found: a bit of M found set sets it, and M's bits
// all found clear clear it.  The shape is drivers/video/fbdev/efifb.c,
// efifb_probe(): the framebuffer is mapped with ioremap_wc() or
// ioremap() under separate tests of the memory's attribute bits, and
// unmapped with iounmap() under one test of both.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-flag-bits %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

#define MEM_UC 0x1ULL
#define MEM_WC 0x2ULL
#define MEM_WB 0x8ULL

void *ioremap_wc(phys_addr_t addr, size_t size);
void *memremap(phys_addr_t addr, size_t size, unsigned long flags);
void memunmap(void *addr);
int fb_setup(void *base);

// Silent: a mapping made under "flags & MEM_WC" is one that
// "flags & (MEM_UC | MEM_WC)" calls for iounmap().
// OFF-LABEL: In function 'fb_probe':
int fb_probe(phys_addr_t start, size_t size, unsigned long long flags)
{
	void *base;
	int err;

	if (flags & MEM_WC)
		base = ioremap_wc(start, size);
	else if (flags & MEM_UC)
		base = ioremap(start, size);
	else if (flags & MEM_WB)
		base = memremap(start, size, 1);
	else
		return -EINVAL;
	if (!base)
		return -ENOMEM;
	err = fb_setup(base);
	if (err)
		goto err_unmap;
	return 0;

err_unmap:
	if (flags & (MEM_UC | MEM_WC))
		iounmap(base);
	else
		memunmap(base);
	// OFF: flag-bits.c:[[@LINE+2]]:2: warning: 'base' from ioremap_wc() is not released on this error path; iounmap() is missing [ladder-leak]
	// OFF: flag-bits.c:[[@LINE+1]]:2: warning: 'base' from memremap() is not released on this error path; memunmap() is missing [ladder-leak]
	return err;
}

// Fires: the unmap's test leaves the write-combined mapping out.
// CHECK-LABEL: In function 'fb_probe_wrong':
int fb_probe_wrong(phys_addr_t start, size_t size, unsigned long long flags)
{
	void *base;
	int err;

	if (flags & MEM_WC)
		base = ioremap_wc(start, size);
	else if (flags & MEM_UC)
		base = ioremap(start, size);
	else
		return -EINVAL;
	if (!base)
		return -ENOMEM;
	err = fb_setup(base);
	if (err)
		goto err_unmap;
	return 0;

err_unmap:
	if (flags & (MEM_UC | MEM_WB))
		iounmap(base);
	// CHECK: flag-bits.c:[[@LINE+1]]:2: warning: 'base' from ioremap_wc() is not released on this error path; iounmap() is missing [ladder-leak]
	return err;
}
