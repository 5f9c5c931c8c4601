// Model caller-cleans: a function that fails undoes what it did.  What it
// left in an object it was given is owed on its error returns, unless a
// caller in the file is seen to release that pair after the call.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-caller-cleans %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:
// RUN: %ladder -I %inputs --stats --explain %s 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN
// Each function's remarks come under gcc's header naming it:
// EXPLAIN: caller-cleans.c: In function 'adc_alloc_buf':

#include "kernel.h"

struct adc { struct clk *clk; void *buf; };
int g(void);

// The twelve lines: nobody else disables the clock.
// CHECK-LABEL: In function 'f':
int f(struct adc *a)
{
	int r = clk_prepare_enable(a->clk);

	if (r)
		return r;
	r = g();
	if (r < 0)
		goto err;
	return 0;
err:
	// CHECK: caller-cleans.c:[[@LINE+1]]:2: warning: 'a->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
	return r;
}

// A probe's private data: the driver core calls probe, no caller here.
// CHECK-LABEL: In function 'adc_probe':
int adc_probe(struct platform_device *pdev)
{
	struct adc *a = devm_kzalloc(&pdev->dev, sizeof(*a), GFP_KERNEL);

	if (!a)
		return -ENOMEM;
	a->buf = kzalloc(64, GFP_KERNEL);
	if (!a->buf)
		return -ENOMEM;
	if (g())
		// CHECK: caller-cleans.c:[[@LINE+1]]:3: warning: 'a->buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

// A helper whose caller frees the buffer when it fails: the caller's.
// OFF-LABEL: In function 'adc_alloc_buf':
int adc_alloc_buf(struct adc *a)
{
	a->buf = kzalloc(64, GFP_KERNEL);
	if (!a->buf)
		return -ENOMEM;
	if (g())
		// OFF: caller-cleans.c:[[@LINE+1]]:3: warning: 'a->buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

int adc_setup(struct adc *a)
{
	int ret = adc_alloc_buf(a);

	if (ret) {
		kfree(a->buf);
		a->buf = NULL;
	}
	return ret;
}

// EXPLAIN: caller-cleans.c:[[@LINE-20]]:11: remark: 'a->buf' from kzalloc() is not reported at the error return on line [[@LINE-15]]: model 'caller-cleans' (line [[@LINE-20]]): {{.*}} [ladder-explain]
// EXPLAIN: ladder: stats: 3 findings; silenced by model: caller-cleans 4 permanent-global 0

// The helper frees and allocates again on a retry, and its caller frees
// what it leaves when it fails: the caller's still (drivers/scsi/
// megaraid/megaraid_sas_fusion.c, megasas_alloc_request_fusion()).
int fits(void *p);

// OFF-LABEL: In function 'adc_alloc_fitting':
static int adc_alloc_fitting(struct adc *a)
{
	a->buf = kzalloc(64, GFP_KERNEL);
	if (!a->buf)
		return -ENOMEM;
	if (!fits(a->buf)) {
		kfree(a->buf);
		a->buf = kzalloc(128, GFP_KERNEL);
		if (!a->buf)
			return -ENOMEM;
	}
	if (g())
		// OFF: caller-cleans.c:[[@LINE+1]]:3: warning: 'a->buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

int adc_setup_fitting(struct adc *a)
{
	if (adc_alloc_fitting(a))
		goto fail;
	return 0;
fail:
	kfree(a->buf);
	return -ENOMEM;
}

// The caller frees another member of the pair: evidence enough (the
// pair, not the member: asking for the member measured worse, as callers
// through ops tables and whole-object teardown helpers are not seen).
struct twobuf { void *rx, *tx; };
// OFF-LABEL: In function 'alloc_rx':
static int alloc_rx(struct twobuf *t)
{
	t->rx = kzalloc(64, GFP_KERNEL);
	if (!t->rx)
		return -ENOMEM;
	if (g())
		// OFF: caller-cleans.c:[[@LINE+1]]:3: warning: 't->rx' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return -EIO;
	return 0;
}

int setup_rings(struct twobuf *t)
{
	t->tx = kzalloc(64, GFP_KERNEL);
	if (!t->tx)
		return -ENOMEM;
	if (alloc_rx(t)) {
		kfree(t->tx);
		return -ENOMEM;
	}
	return 0;
}

// The only release its caller reaches is the helper's own: that is no
// caller cleaning after it fails (a module reference taken on a member
// of what it was given, drivers/net/phy/phy_device.c phy_attach_direct()).
struct module;
bool try_module_get(struct module *m);
void module_put(struct module *m);
struct bus { struct module *owner; };
// CHECK-LABEL: In function 'attach_direct':
static int attach_direct(struct bus *bus)
{
	if (!try_module_get(bus->owner))
		return -EIO;
	if (g())
		goto err_put;
	if (g())
		// CHECK: caller-cleans.c:[[@LINE+1]]:3: warning: 'bus->owner' from try_module_get() is not released on this error path; module_put() is missing [ladder-leak]
		return -ENODEV;
	return 0;
err_put:
	module_put(bus->owner);
	return -EIO;
}

int attach(struct bus *bus)
{
	return attach_direct(bus);
}
