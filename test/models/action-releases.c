// Model action-releases: what a devm action of the file releases, it
// releases for the function that adds it.  A probe enables runtime PM and
// adds an action that disables it; devm_add_action_or_reset() runs the
// action at once when it fails, and the device's teardown runs it
// otherwise (drivers/pwm/pwm-rz-mtu3.c, rz_mtu3_pwm_probe()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-action-releases %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

void pm_runtime_enable(struct device *dev);
void pm_runtime_disable(struct device *dev);
int chip_add(struct device *dev);

static void pwm_pm_disable(void *data)
{
	struct device *dev = data;

	pm_runtime_disable(dev);
}

static void pwm_report(void *data)
{
}

// OFF-LABEL: In function 'pwm_probe':
int pwm_probe(struct device *dev)
{
	int ret;

	pm_runtime_enable(dev);
	ret = devm_add_action_or_reset(dev, pwm_pm_disable, dev);
	if (ret)
		// OFF: action-releases.c:[[@LINE+1]]:3: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
		return ret;
	ret = chip_add(dev);
	if (ret)
		return ret;
	return 0;
}

// An action that releases nothing leaves the debt where it was.
// CHECK-LABEL: In function 'pwm_probe_reporting':
int pwm_probe_reporting(struct device *dev)
{
	int ret;

	pm_runtime_enable(dev);
	ret = devm_add_action_or_reset(dev, pwm_report, dev);
	if (ret)
		// CHECK: action-releases.c:[[@LINE+1]]:3: warning: pm_runtime_enable() is not undone on this error path; pm_runtime_disable() is missing [ladder-leak]
		return ret;
	pm_runtime_disable(dev);
	return 0;
}
