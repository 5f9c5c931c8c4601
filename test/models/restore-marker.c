// Model restore-marker: a function that first releases what it found
// (its caller's) and acquires it again puts back the state it was given;
// the acquire is not its own to undo on an error return.  Keyed by the
// handle when the pair has one, by the pair when it has none (runtime PM
// enable, like the PM core's __pm_runtime_set_status()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-restore-marker %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:
// RUN: %ladder -I %inputs --explain %s 2>&1 >/dev/null | FileCheck %s --check-prefix=EXPLAIN

#include "kernel.h"

struct dev_priv { struct clk *clk; int status; };
int apply(struct dev_priv *p);

// Disables what it found, re-enables it on the way out: silent.
// OFF-LABEL: In function 'set_status':
int set_status(struct device *dev, struct dev_priv *p)
{
	int error;

	pm_runtime_disable(dev);
	error = apply(p);
	if (error)
		goto out;
	p->status = 1;
out:
	pm_runtime_enable(dev);
	// OFF: restore-marker.c:[[@LINE+1]]:2: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
	return error;
}
// EXPLAIN: restore-marker.c:[[@LINE-4]]:2: remark: pm_runtime_enable() is not reported at the error return on line [[@LINE-2]]: model 'restore-marker'

// The same with a clock known by its handle: silent.
// OFF-LABEL: In function 'reclock':
int reclock(struct dev_priv *p)
{
	int error;

	clk_disable_unprepare(p->clk);
	error = apply(p);
	if (error)
		goto out;
	p->status = 2;
out:
	clk_prepare_enable(p->clk);
	// OFF: restore-marker.c:[[@LINE+1]]:2: warning: 'p->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
	return error;
}

// Enabling without having disabled first is the function's own: fires.
// CHECK-LABEL: In function 'enable_own':
int enable_own(struct device *dev, struct dev_priv *p)
{
	pm_runtime_enable(dev);
	if (apply(p))
		// CHECK: restore-marker.c:[[@LINE+1]]:3: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
		return -EIO;
	return 0;
}
