// Model tested-return: an int function that returns a test's result
// (return PTR_ERR_OR_ZERO(p);) returns twice: 0 where p is valid, and
// the error where p is an error pointer.  Without the model the return
// is one of a value that may be either, so it is no error return, and
// the function is no wrapper of what it leaves in its argument.
// drivers/gpu/drm/bridge/sii902x.c, sii902x_audio_codec_init():
// "return PTR_ERR_OR_ZERO(sii902x->audio.pdev);".
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-tested-return %s | FileCheck %s --allow-empty --check-prefix=OFF --implicit-check-not=warning:
// OFF-NOT: warning:

#include "kernel.h"

int PTR_ERR_OR_ZERO(const void *ptr);
struct regmap;
struct regmap *regmap_init_mmio(struct device *dev, void *regs);
int start_hw(struct device *dev);

struct priv {
	struct device *dev;
	struct clk *clk;
	void *buf;
	struct regmap *map;
};

// Its own error return: the buffer is left behind when the clock is
// not there.
// CHECK-LABEL: In function 'get_clock':
int get_clock(struct priv *p)
{
	p->buf = kzalloc(64, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->clk = clk_get(p->dev, NULL);
	// CHECK: tested-return.c:[[@LINE+1]]:2: warning: 'p->buf' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return PTR_ERR_OR_ZERO(p->clk);
}

// Released on the branch that found the error: silent.
int get_clock_undone(struct priv *p)
{
	p->buf = kzalloc(64, GFP_KERNEL);
	if (!p->buf)
		return -ENOMEM;
	p->clk = clk_get(p->dev, NULL);
	if (IS_ERR(p->clk))
		kfree(p->buf);
	return PTR_ERR_OR_ZERO(p->clk);
}

// A wrapper: its success leaves the clock in p->clk for its caller.
static int take_clock(struct priv *p)
{
	p->clk = clk_get(p->dev, NULL);
	return PTR_ERR_OR_ZERO(p->clk);
}

// CHECK-LABEL: In function 'start':
int start(struct priv *p)
{
	int ret;

	ret = take_clock(p);
	if (ret)
		return ret;
	ret = start_hw(p->dev);
	if (ret)
		// CHECK: tested-return.c:[[@LINE+1]]:3: warning: 'p->clk' from take_clock() is not released on this error path; clk_put() is missing [ladder-leak]
		return ret;
	return 0;
}
