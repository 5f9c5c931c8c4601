// Memory released while a live mapping still pins it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

// CHECK: In function 'freed_while_mapped':
int freed_while_mapped(struct device *dev)
{
	void *buf = kmalloc(64, GFP_KERNEL);
	dma_addr_t addr;

	if (!buf)
		return -ENOMEM;
	addr = dma_map_single(dev, buf, 64, 1);
	if (dma_mapping_error(dev, addr)) {
		kfree(buf);
		return -ENOMEM;
	}
	if (some_setup()) {
		// CHECK: dma.c:[[@LINE+1]]:3: warning: kfree() releases 'buf' while dma_map_single() still pins it; dma_unmap_single() must come first [ladder-pinned-release]
		kfree(buf);
		dma_unmap_single(dev, addr, 64, 1);
		return -EIO;
	}
	// CHECK: note: 'buf' acquired here by kmalloc()
	// CHECK: note: pinned here by dma_map_single()
	dma_unmap_single(dev, addr, 64, 1);
	kfree(buf);
	return 0;
}

// Unmapped first, then freed: the right order.
int unmapped_then_freed(struct device *dev)
{
	void *buf = kmalloc(64, GFP_KERNEL);
	dma_addr_t addr;

	if (!buf)
		return -ENOMEM;
	addr = dma_map_single(dev, buf, 64, 1);
	if (dma_mapping_error(dev, addr)) {
		kfree(buf);
		return -ENOMEM;
	}
	if (some_setup()) {
		dma_unmap_single(dev, addr, 64, 1);
		kfree(buf);
		return -EIO;
	}
	dma_unmap_single(dev, addr, 64, 1);
	kfree(buf);
	return 0;
}
