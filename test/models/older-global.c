// Model older-global: a pointer the path allocated is neither a local's
// address nor what a global held before.  drivers/spi/spi.c,
// spi_write_then_read(): a buffer kmalloc() just returned is never the
// one a global already pointed to, so the kfree() branch is the one
// taken.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-older-global %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

struct xfer { const void *tx_buf; unsigned len; };
int spi_sync_xfer(void *spi, struct xfer *x);
static unsigned char *spi_buf;

// OFF-LABEL: In function 'fresh_buffer_is_not_global':
int fresh_buffer_is_not_global(void *spi, unsigned n)
{
	struct xfer x[2];
	unsigned char *local_buf;
	int status;

	if (n > 32) {
		local_buf = kmalloc(n, GFP_KERNEL);
		if (!local_buf)
			return -ENOMEM;
	} else {
		local_buf = spi_buf;
	}
	x[0].tx_buf = local_buf;
	status = spi_sync_xfer(spi, x);
	if (status == 0)
		x[1].len = n;
	if (x[0].tx_buf == spi_buf)
		// OFF: older-global.c:[[@LINE+1]]:3: warning: 'local_buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return status;
	kfree(local_buf);
	return status;
}

// Compared with a pointer the caller gave, not a global, the answer is
// unknown: the path that keeps the buffer is reported, model or not.
// CHECK-LABEL: In function 'compared_with_given':
int compared_with_given(void *spi, unsigned char *given)
{
	unsigned char *buf = kmalloc(64, GFP_KERNEL);
	int status;

	if (!buf)
		return -ENOMEM;
	status = spi_sync_xfer(spi, NULL);
	if (buf == given)
		// CHECK: older-global.c:[[@LINE+1]]:3: warning: 'buf' from kmalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	kfree(buf);
	return status;
}
