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

// A resource kept in an object goes with an action that releases its
// pair, whatever object the action is given: rz_mtu3_pwm_probe()'s
// action gets the chip and puts the exclusive rate of the clock kept in
// the chip's private data.
struct clk;
int clk_prepare_enable(struct clk *clk);
void clk_disable_unprepare(struct clk *clk);
int clk_rate_exclusive_get(struct clk *clk);
void clk_rate_exclusive_put(struct clk *clk);
struct chip { struct device *parent; };
struct pwm { struct clk *clk; };
struct pwm *to_pwm(struct chip *chip);

static void pwm_rate_put(void *data)
{
	struct pwm *pwm = to_pwm(data);

	clk_rate_exclusive_put(pwm->clk);
}

// CHECK-LABEL: In function 'pwm_probe_rate':
int pwm_probe_rate(struct device *dev, struct chip *chip)
{
	struct pwm *pwm = to_pwm(chip);
	int ret;

	ret = clk_prepare_enable(pwm->clk);
	if (ret)
		return ret;
	clk_rate_exclusive_get(pwm->clk);
	ret = devm_add_action_or_reset(dev, pwm_rate_put, chip);
	if (ret)
		// CHECK: action-releases.c:[[@LINE+2]]:3: warning: 'pwm->clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		// OFF: action-releases.c:[[@LINE+1]]:3: warning: 'pwm->clk' from clk_rate_exclusive_get() is not released on this error path; clk_rate_exclusive_put() is missing [ladder-leak]
		return ret;
	clk_disable_unprepare(pwm->clk);
	clk_rate_exclusive_put(pwm->clk);
	return 0;
}

// What the path stores in an object after adding an action that
// releases its pair is the action's too (drivers/gpu/drm/renesas/rcar-du/
// rcar_du_vsp.c, rcar_du_vsp_init(): vsp->planes, freed by the
// rcar_du_vsp_cleanup() added first).
struct vsp { void *planes; int n; };
int plane_init(struct vsp *vsp, int i);

static void vsp_cleanup(void *data)
{
	struct vsp *vsp = data;

	kfree(vsp->planes);
}

// OFF-LABEL: In function 'vsp_init':
int vsp_init(struct device *dev, struct vsp *vsp)
{
	int ret, i;

	ret = devm_add_action_or_reset(dev, vsp_cleanup, vsp);
	if (ret < 0)
		return ret;
	vsp->planes = kcalloc(vsp->n, 8, GFP_KERNEL);
	if (!vsp->planes)
		return -ENOMEM;
	for (i = 0; i < vsp->n; i++) {
		ret = plane_init(vsp, i);
		if (ret < 0)
			// OFF: action-releases.c:[[@LINE+1]]:4: warning: 'vsp->planes' from kcalloc() is not released on this error path; kfree() is missing [ladder-leak]
			return ret;
	}
	return 0;
}

// A lock never goes with an action.
struct mutex { int owner; };
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
struct locked { struct mutex lock; };

static void locked_cleanup(void *data)
{
	struct locked *l = data;

	mutex_unlock(&l->lock);
}

// CHECK-LABEL: In function 'locked_probe':
int locked_probe(struct device *dev, struct locked *l)
{
	int ret;

	mutex_lock(&l->lock);
	ret = devm_add_action_or_reset(dev, locked_cleanup, l);
	if (ret)
		// CHECK: action-releases.c:[[@LINE+1]]:3: warning: 'l->lock' from mutex_lock() is not released on this error path; mutex_unlock() is missing [ladder-leak]
		return ret;
	mutex_unlock(&l->lock);
	return 0;
}
