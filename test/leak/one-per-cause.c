// One warning per root cause: a clock left enabled at three error returns
// is one warning at the first return, and the other two are notes on it.
// --all-paths gives one warning per return.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --all-paths %s | FileCheck %s --check-prefix=ALL --implicit-check-not=warning:

#include "kernel.h"

struct chip { struct clk *clk; };
int step(int n);

// CHECK-LABEL: In function 'chip_probe':
// ALL-LABEL: In function 'chip_probe':
int chip_probe(struct platform_device *pdev, struct chip *c)
{
	int ret = clk_prepare_enable(c->clk);

	if (ret)
		return ret;
	if (step(1))
		// CHECK: one-per-cause.c:[[@LINE+2]]:3: warning: 'c->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		// ALL: one-per-cause.c:[[@LINE+1]]:3: warning: 'c->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return -EIO;
	if (step(2))
		// CHECK: one-per-cause.c:[[@LINE+2]]:3: note: also not released at this error return
		// ALL: one-per-cause.c:[[@LINE+1]]:3: warning: 'c->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return -EINVAL;
	if (step(3))
		// CHECK: one-per-cause.c:[[@LINE+2]]:3: note: also not released at this error return
		// ALL: one-per-cause.c:[[@LINE+1]]:3: warning: 'c->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return -ENODEV;
	return 0;
}
