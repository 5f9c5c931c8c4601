// Model out-null-on-failure: an acquire that fails leaves its out
// argument NULL, so a NULL-safe release of it does nothing
// (drivers/bluetooth/btmrvl_sdio.c, btmrvl_sdio_download_helper():
// release_firmware(fw) at the label a failed request_firmware() jumps to).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-out-null-on-failure %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

int load(const struct firmware *fw);

// OFF-LABEL: In function 'download_helper':
int download_helper(struct device *dev)
{
	const struct firmware *fw = NULL;
	int ret;

	ret = request_firmware(&fw, "helper.bin", dev);
	if (ret < 0)
		goto done;
	ret = load(fw);
done:
	// OFF: out-null-on-failure.c:[[@LINE+1]]:2: warning: release_firmware() releases 'fw', but request_firmware() failed on this path [ladder-release-unacquired]
	release_firmware(fw);
	return ret;
}

// A release that is not NULL-safe still needs what it releases.
// CHECK-LABEL: In function 'wrong_rung_clk':
int wrong_rung_clk(struct device *dev)
{
	struct clk *clk = clk_get(dev, "core");
	int ret = 0;

	if (IS_ERR(clk)) {
		ret = PTR_ERR(clk);
		goto put;
	}
	ret = load(NULL);
put:
	// CHECK: out-null-on-failure.c:[[@LINE+1]]:2: warning: clk_put() releases 'clk', which holds an error pointer: clk_get() failed on this path [ladder-release-unacquired]
	clk_put(clk);
	return ret;
}
