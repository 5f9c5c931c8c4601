// A reduced, self-contained copy of ffa_init() before upstream's
// "firmware: arm_ffa: Unmap Rx/Tx buffers on init failure", and after it.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs -DFIXED %s | FileCheck %s --check-prefix=FIXED --allow-empty --implicit-check-not=warning:

#include "kernel.h"

#define SZ_4K 4096
#define PAGE_SIZE 4096

struct ffa_drv_info {
	void *rx_buffer;
	void *tx_buffer;
	size_t rxtx_bufsz;
};

static struct ffa_drv_info *drv_info;

int ffa_transport_init(void);
int ffa_rxtx_map(phys_addr_t tx_buf, phys_addr_t rx_buf, unsigned pg_cnt);
int ffa_rxtx_unmap(void);
void ffa_notifications_setup(void);
void ffa_notifications_cleanup(void);
int ffa_setup_partitions(void);
size_t ffa_min_bufsz(void);

// FIXED-NOT: warning:
// CHECK: In function 'ffa_init':
int ffa_init(void)
{
	size_t rxtx_bufsz = SZ_4K, rxtx_min_bufsz;
	int ret;

	/* The driver reads the minimum from the firmware's features. */
	rxtx_min_bufsz = ffa_min_bufsz();

	ret = ffa_transport_init();
	if (ret)
		return ret;

	drv_info = kzalloc(sizeof(*drv_info), GFP_KERNEL);
	if (!drv_info)
		return -ENOMEM;

	drv_info->rx_buffer = alloc_pages_exact(rxtx_bufsz, GFP_KERNEL);
	if (!drv_info->rx_buffer) {
		ret = -ENOMEM;
		goto free_drv_info;
	}

	drv_info->tx_buffer = alloc_pages_exact(rxtx_bufsz, GFP_KERNEL);
	if (!drv_info->tx_buffer) {
		ret = -ENOMEM;
		goto free_pages;
	}

	ret = ffa_rxtx_map(virt_to_phys(drv_info->tx_buffer),
			   virt_to_phys(drv_info->rx_buffer),
			   rxtx_bufsz / PAGE_SIZE);
	if (ret == -EINVAL && rxtx_min_bufsz < rxtx_bufsz) {
		rxtx_bufsz = rxtx_min_bufsz;
		ret = ffa_rxtx_map(virt_to_phys(drv_info->tx_buffer),
				   virt_to_phys(drv_info->rx_buffer),
				   rxtx_bufsz / PAGE_SIZE);
	}
	if (ret) {
		pr_err("failed to register FFA RxTx buffers\n");
		goto free_pages;
	}
	drv_info->rxtx_bufsz = rxtx_bufsz;

	ffa_notifications_setup();

	ret = ffa_setup_partitions();
	if (!ret)
		return ret;

	pr_err("failed to setup partitions\n");
	ffa_notifications_cleanup();
#ifdef FIXED
	ffa_rxtx_unmap();
#endif
free_pages:
	if (drv_info->tx_buffer)
		// CHECK: ffa-reduced.c:[[@LINE+1]]:3: warning: free_pages_exact() releases 'drv_info->tx_buffer' while ffa_rxtx_map() still pins it; ffa_rxtx_unmap() must come first [ladder-pinned-release]
		free_pages_exact(drv_info->tx_buffer, rxtx_bufsz);
	// CHECK: ffa-reduced.c:[[@LINE+1]]:2: warning: free_pages_exact() releases 'drv_info->rx_buffer' while ffa_rxtx_map() still pins it; ffa_rxtx_unmap() must come first [ladder-pinned-release]
	free_pages_exact(drv_info->rx_buffer, rxtx_bufsz);
free_drv_info:
	kfree(drv_info);
	// CHECK: ffa-reduced.c:[[@LINE+1]]:2: warning: ffa_rxtx_map() is not undone on this error path; ffa_rxtx_unmap() is missing [ladder-leak]
	return ret;
	// CHECK: note: acquired here by ffa_rxtx_map()
	// CHECK: note: 'ret' (from ffa_setup_partitions()) is non-zero
	// CHECK: note: path continues at label 'free_pages'
	// CHECK: note: or acquired here by ffa_rxtx_map()
}
