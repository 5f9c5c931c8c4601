// Model teardown-undoes: some frameworks have a callback's
// teardown undo what the callback left when it failed.  A system-sleep
// resume callback that fails leaves its device counted as resumed
// (drivers/base/power/main.c, device_resume()), and the next system
// suspend runs the suspend callback, which undoes what resume enabled;
// ALSA calls .hw_free after a failed .hw_params (sound/core/
// pcm_native.c, snd_pcm_hw_params()).  So what the callback left in a
// given object, and its teardown releases, is not owed on its error
// paths; undoing it there too would unbalance it.  The first shape is
// drivers/usb/dwc3/dwc3-exynos.c, dwc3_exynos_resume(), whose
// DEFINE_SIMPLE_DEV_PM_OPS() is written here as it expands, behind a
// macro as in a kbuild .c file.  Runtime PM is not so: a failed
// runtime resume leaves the device suspended.
//
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-teardown-undoes %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

int regulator_enable(struct regulator *regulator);
int regulator_disable(struct regulator *regulator);
void *dev_get_drvdata(const struct device *dev);

struct dev_pm_ops {
	int (*suspend)(struct device *dev);
	int (*resume)(struct device *dev);
	int (*freeze)(struct device *dev);
	int (*thaw)(struct device *dev);
	int (*runtime_suspend)(struct device *dev);
	int (*runtime_resume)(struct device *dev);
};

#define SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
	.suspend = (1) ? (suspend_fn) : NULL, \
	.resume = (1) ? (resume_fn) : NULL, \
	.freeze = (1) ? (suspend_fn) : NULL, \
	.thaw = (1) ? (resume_fn) : NULL,
#define DEFINE_SIMPLE_DEV_PM_OPS(name, suspend_fn, resume_fn) \
	const struct dev_pm_ops name = { \
		SYSTEM_SLEEP_PM_OPS(suspend_fn, resume_fn) \
	}

struct exynos {
	struct regulator *vdd33, *vdd10;
	struct clk *clk, *bus_clk;
};

int exynos_init_phy(struct exynos *exynos);

static int exynos_suspend(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);

	clk_disable_unprepare(exynos->clk);
	regulator_disable(exynos->vdd33);
	regulator_disable(exynos->vdd10);
	return 0;
}

// OFF-LABEL: In function 'exynos_resume':
static int exynos_resume(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);
	int ret;

	ret = regulator_enable(exynos->vdd33);
	if (ret)
		return ret;
	ret = regulator_enable(exynos->vdd10);
	if (ret)
		// OFF: :[[@LINE+1]]:3: warning: 'exynos->vdd33' from regulator_enable() is not released on this error path; regulator_disable() is missing [ladder-leak]
		return ret;
	return clk_prepare_enable(exynos->clk);
}

static DEFINE_SIMPLE_DEV_PM_OPS(exynos_pm_ops, exynos_suspend, exynos_resume);

// A runtime resume that fails leaves its device suspended: owed.
//
// CHECK-LABEL: In function 'exynos_runtime_resume':
static int exynos_runtime_resume(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);
	int ret;

	ret = regulator_enable(exynos->vdd33);
	if (ret)
		return ret;
	ret = exynos_init_phy(exynos);
	if (ret)
		// CHECK: :[[@LINE+1]]:3: warning: 'exynos->vdd33' from regulator_enable() is not released on this error path; regulator_disable() is missing [ladder-leak]
		return ret;
	return 0;
}

static int exynos_runtime_suspend(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);

	regulator_disable(exynos->vdd33);
	return 0;
}

// A resume whose suspend leaves the bus clock alone owes it.
//
// CHECK-LABEL: In function 'bus_resume':
static int bus_resume(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);
	int ret;

	ret = clk_prepare_enable(exynos->bus_clk);
	if (ret)
		return ret;
	ret = exynos_init_phy(exynos);
	if (ret)
		// CHECK: :[[@LINE+1]]:3: warning: 'exynos->bus_clk' from clk_prepare_enable() is not released on this error path; clk_disable_unprepare() is missing [ladder-leak]
		return ret;
	return 0;
}

static int bus_suspend(struct device *dev)
{
	struct exynos *exynos = dev_get_drvdata(dev);

	regulator_disable(exynos->vdd10);
	return 0;
}

const struct dev_pm_ops exynos_runtime_pm_ops = {
	.runtime_suspend = exynos_runtime_suspend,
	.runtime_resume = exynos_runtime_resume,
};

static DEFINE_SIMPLE_DEV_PM_OPS(bus_pm_ops, bus_suspend, bus_resume);

// ALSA: what .hw_params keeps in the stream's private data, .hw_free
// releases, and ALSA calls it when .hw_params fails
// (sound/soc/fsl/fsl_asrc_dma.c).
struct dma_chan;
struct dma_chan *dma_request_chan(struct device *dev, const char *name);
void dma_release_channel(struct dma_chan *chan);
int dma_config(struct dma_chan *chan);
struct pcm_substream { struct device *dev; void *private_data; };
struct pcm_params { int rate; };
struct asrc_pair { struct dma_chan *dma_chan; };
struct pcm_ops {
	int (*hw_params)(struct pcm_substream *substream, struct pcm_params *params);
	int (*hw_free)(struct pcm_substream *substream);
};

// OFF-LABEL: In function 'asrc_hw_params':
static int asrc_hw_params(struct pcm_substream *substream, struct pcm_params *params)
{
	struct asrc_pair *pair = substream->private_data;

	pair->dma_chan = dma_request_chan(substream->dev, "tx");
	if (IS_ERR(pair->dma_chan))
		return PTR_ERR(pair->dma_chan);
	if (dma_config(pair->dma_chan))
		// OFF: :[[@LINE+1]]:3: warning: 'pair->dma_chan' from dma_request_chan() is not released on this error path; dma_release_channel() is missing [ladder-leak]
		return -EINVAL;
	return 0;
}

static int asrc_hw_free(struct pcm_substream *substream)
{
	struct asrc_pair *pair = substream->private_data;

	if (pair->dma_chan)
		dma_release_channel(pair->dma_chan);
	pair->dma_chan = NULL;
	return 0;
}

const struct pcm_ops asrc_ops = {
	.hw_params = asrc_hw_params,
	.hw_free = asrc_hw_free,
};
