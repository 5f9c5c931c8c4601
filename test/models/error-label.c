// Model error-label: a void function has no error value, but kernel
// style names the labels of its unwind for what they handle.  A return
// reached through a label named for a failure (err_*, fail*, out_err:
// rules' error-label-words) is an error return, so what the path still
// holds there is a leak (drivers/gpu/drm/vc4/vc4_vec.c,
// vc4_vec_encoder_enable(), with its pm_runtime_put() deleted).  An
// enable that keeps its reference on success stays silent.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-error-label %s | FileCheck %s --allow-empty --check-prefix=OFF --implicit-check-not=warning:
// OFF-NOT: In function

#include "kernel.h"

struct enc { struct device *dev; struct clk *clk; int mode; };
int hw_setup(struct enc *e);
void hw_write(struct enc *e);
void enc_log(struct enc *e, const char *what);

// CHECK-LABEL: In function 'enc_enable':
void enc_enable(struct enc *e)
{
	if (pm_runtime_resume_and_get(e->dev))
		return;
	if (clk_prepare_enable(e->clk))
		goto err_put_runtime_pm;
	if (hw_setup(e))
		goto err_disable_clk;
	hw_write(e);
	return;
err_disable_clk:
	clk_disable_unprepare(e->clk);
err_put_runtime_pm:
	enc_log(e, "enable failed");
	// CHECK: error-label.c:[[@LINE+1]]:1: warning: pm_runtime_resume_and_get() is not undone on this error path; pm_runtime_put() is missing [ladder-leak]
}

// Silent: the unwind drops the reference.
void enc_enable_ok(struct enc *e)
{
	if (pm_runtime_resume_and_get(e->dev))
		return;
	if (hw_setup(e))
		goto err_put;
	hw_write(e);
	return;
err_put:
	pm_runtime_put(e->dev);
}

// Silent: "out" names no failure; the reference is kept on purpose
// until the disable, whichever way the mode check went.
void enc_enable_shared_exit(struct enc *e)
{
	if (pm_runtime_resume_and_get(e->dev))
		return;
	if (e->mode)
		goto out;
	hw_write(e);
out:
	enc_log(e, "enabled");
}
