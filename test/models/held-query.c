// Model held-query: a pair's state query (rules' held-query) answers
// yes while the path holds what the pair acquired.  Probe functions
// enable runtime PM, then test pm_runtime_enabled() before a get and
// again on the unwind before the disable (drivers/gpu/drm/arm/
// malidp_drv.c, malidp_bind(); komeda_drv.c); a regulator enabled by
// the function is disabled under regulator_is_enabled()
// (drivers/devfreq/mtk-cci-devfreq.c).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-held-query %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

bool pm_runtime_enabled(struct device *dev);
int regulator_is_enabled(struct regulator *reg);
int hw(void);

// OFF-LABEL: In function 'bind':
int bind(struct device *dev)
{
	int ret;

	pm_runtime_enable(dev);
	if (pm_runtime_enabled(dev))
		pm_runtime_get_sync(dev);
	ret = hw();
	if (ret)
		goto fail;
	pm_runtime_put(dev);
	return 0;
fail:
	// OFF: held-query.c:[[@LINE+1]]:2: warning: pm_runtime_put() on a path that never acquired what it releases [ladder-release-unacquired]
	pm_runtime_put(dev);
	if (pm_runtime_enabled(dev))
		pm_runtime_disable(dev);
	// OFF: held-query.c:[[@LINE+1]]:2: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
	return ret;
}

// The query says no when the enable never happened: a path that
// skipped it must not count on the query, and a path that released
// already still owes nothing.
// OFF-LABEL: In function 'probe':
int probe(struct device *dev)
{
	int err;

	pm_runtime_enable(dev);
	if (!pm_runtime_enabled(dev)) {
		err = -ENODEV;
		goto disable;
	}
	err = hw();
	if (err)
		goto disable;
	return 0;
disable:
	if (pm_runtime_enabled(dev))
		pm_runtime_disable(dev);
	// OFF: held-query.c:[[@LINE+1]]:2: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
	return err;
}

// Regulators the function enabled are enabled when it asks.  (With one
// query alone, model keep-when-skipped already trusts the guard.)
// OFF-LABEL: In function 'power_up':
int power_up(struct regulator *proc, struct regulator *sram)
{
	int ret;

	ret = regulator_enable(proc);
	if (ret)
		return ret;
	ret = regulator_enable(sram);
	if (ret)
		goto out_proc;
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (regulator_is_enabled(sram))
		regulator_disable(sram);
out_proc:
	if (regulator_is_enabled(proc))
		regulator_disable(proc);
	// OFF: held-query.c:[[@LINE+2]]:2: warning: 'proc' from regulator_enable() is not released on this error path; regulator_disable() is missing [ladder-leak]
	// OFF: held-query.c:[[@LINE+1]]:2: warning: 'sram' from regulator_enable() is not released on this error path; regulator_disable() is missing [ladder-leak]
	return ret;
}

// The query answers for the object it is given: another regulator's
// state says nothing about this one's.
// CHECK-LABEL: In function 'power_two':
int power_two(struct regulator *proc, struct regulator *sram)
{
	int ret;

	ret = regulator_enable(proc);
	if (ret)
		return ret;
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (regulator_is_enabled(sram))
		regulator_disable(proc);
	if (regulator_is_enabled(sram))
		regulator_disable(sram);
	// CHECK: held-query.c:[[@LINE+1]]:2: warning: 'proc' from regulator_enable() is not released on this error path; regulator_disable() is missing [ladder-leak]
	return ret;
}

// Asked after the release, the query knows nothing more than before:
// the disable under it is not taken for granted.
// CHECK-LABEL: In function 'power_cycle':
int power_cycle(struct regulator *reg)
{
	int ret;

	ret = regulator_enable(reg);
	if (ret)
		return ret;
	regulator_disable(reg);
	ret = hw();
	if (ret)
		goto out;
	return 0;
out:
	if (regulator_is_enabled(reg))
		// CHECK: held-query.c:[[@LINE+1]]:3: warning: 'reg' is released twice: regulator_disable() here, after regulator_disable() at line [[#@LINE-7]] [ladder-double-release]
		regulator_disable(reg);
	return ret;
}
