// A predicate's result kept in a variable and tested later says the same
// as testing it in place: "err = dma_mapping_error(dev, addr); if (err)"
// is the failure of the mapping (drivers/net/wireless/ath/ath10k/htt_tx.c).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

int send(dma_addr_t addr);

// The error path after a failed mapping owes no unmap: silent.
int map_and_send(struct device *dev, void *buf)
{
	dma_addr_t addr = dma_map_single(dev, buf, 64, 1);
	int res;

	res = dma_mapping_error(dev, addr);
	if (res)
		return -EIO;
	res = send(addr);
	if (res)
		goto unmap;
	return 0;
unmap:
	dma_unmap_single(dev, addr, 64, 1);
	return res;
}

// After a mapping that worked, the unmap is owed.
// CHECK-LABEL: In function 'forgets_the_unmap':
int forgets_the_unmap(struct device *dev, void *buf)
{
	dma_addr_t addr = dma_map_single(dev, buf, 64, 1);
	int res;

	res = dma_mapping_error(dev, addr);
	if (res)
		return -EIO;
	res = send(addr);
	if (res)
		// CHECK: tested-later.c:[[@LINE+1]]:3: warning: 'addr' from dma_map_single() is not released on this error path; dma_unmap_single() is missing [ladder-leak]
		return res;
	return 0;
}
