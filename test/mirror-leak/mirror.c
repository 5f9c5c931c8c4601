// mirror-leak: an init or probe function returns an error without
// undoing a call that its exit function or remove callback undoes, for
// pairs no rule names.  The pair comes from the names (map/unmap,
// setup/cleanup) and from where the undo is called.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

typedef void (*exitcall_t)(void);

struct bar;
int bar_hw_map(void *buf);
void bar_hw_unmap(void);
void bar_events_setup(void);
void bar_events_cleanup(void);
int bar_check(void);
void trace_bar_start(int x);
void trace_bar_stop(int x);
struct bar *bar_chan_request(struct device *dev);
void bar_chan_release(struct bar *chan);
int bar_chan_start(struct bar *chan);

static void *buf;

// Fires: the ladder frees the buffer while the map still pins it
// (bar_exit() unmaps before kfree()), and never unmaps it.
// CHECK: mirror.c:[[@LINE+21]]:2: warning: kfree() releases 'buf' while bar_hw_map() still pins it; bar_hw_unmap() must come first (inferred: bar_exit() undoes bar_hw_map() with bar_hw_unmap()) [ladder-mirror-pinned-release]
// CHECK: mirror.c:[[@LINE+21]]:2: warning: bar_hw_map() is not undone on this error path; bar_hw_unmap() is missing (inferred: bar_exit() undoes bar_hw_map() with bar_hw_unmap()) [ladder-mirror-leak]
static int bar_init(void)
{
	int ret;

	buf = kzalloc(64, GFP_KERNEL);
	if (!buf)
		return -ENOMEM;
	ret = bar_hw_map(buf);
	if (ret)
		goto free_buf;	/* the map failed: nothing to unmap */
	bar_events_setup();
	ret = bar_check();
	if (ret) {
		bar_events_cleanup();
		goto free_buf;
	}
	trace_bar_start(1);
	return 0;
free_buf:
	kfree(buf);
	return ret;
}

static void bar_exit(void)
{
	trace_bar_stop(1);
	bar_events_cleanup();
	bar_hw_unmap();
	kfree(buf);
}
static exitcall_t __exitcall_bar_exit = bar_exit;

struct bar_priv {
	struct bar *chan;
};

// Fires: probe's error return keeps the channel remove() releases.  The
// driver names its callbacks; the names need not mirror.
// CHECK: mirror.c:[[@LINE+14]]:3: warning: 'chan' from bar_chan_request() is not released on this error path; bar_chan_release() is missing (inferred: bar_unbind_it() undoes bar_chan_request() with bar_chan_release()) [ladder-mirror-leak]
static int bar_bind_it(struct platform_device *pdev)
{
	struct bar_priv *priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	struct bar *chan;
	int ret;

	if (!priv)
		return -ENOMEM;
	chan = bar_chan_request(&pdev->dev);
	if (IS_ERR(chan))
		return PTR_ERR(chan);
	ret = bar_chan_start(chan);
	if (ret)
		return ret;
	priv->chan = chan;
	return 0;
}

static void bar_unbind_it(struct platform_device *pdev)
{
	struct bar_priv *priv = pdev->dev.parent ? (void *)pdev : NULL;

	bar_chan_release(priv->chan);
}

struct platform_driver {
	int (*probe)(struct platform_device *);
	void (*remove)(struct platform_device *);
	const char *name;
};

static struct platform_driver bar_driver = {
	.probe = bar_bind_it,
	.remove = bar_unbind_it,
	.name = "bar",
};

// Silent: a helper of the file that calls the undo undoes too.
struct baz;
int baz_hw_map(void);
void baz_hw_unmap(void);
int baz_check(void);

static void baz_teardown(void)
{
	baz_hw_unmap();
}

static int baz_init(void)
{
	int ret = baz_hw_map();

	if (ret)
		return ret;
	ret = baz_check();
	if (ret) {
		baz_teardown();
		return ret;
	}
	return 0;
}

static void baz_exit(void)
{
	baz_hw_unmap();
}
static exitcall_t __exitcall_baz_exit = baz_exit;

// Silent: without an exit function or a driver structure naming them,
// two functions whose names mirror are not a pair.
int qux_hw_map(void);
void qux_hw_unmap(void);

int qux_setup(void)
{
	int ret = qux_hw_map();

	if (ret)
		return ret;
	return bar_check();
}

void qux_cleanup(void)
{
	qux_hw_unmap();
}

// The undoing function's names are its own.  remove() calls the
// transport "trans"; probe calls its config "trans" and the transport
// "tp", and frees tp on its error path: silent.  The pair is still
// drawn, so a probe that forgets fires, naming no variable: with no
// name in common the pair alone says what is owed.
struct quux_cfg;
struct quux_trans;
struct quux_trans *quux_trans_alloc(struct platform_device *pdev,
				    const struct quux_cfg *trans);
void quux_trans_free(struct quux_trans *trans);
int quux_start(struct quux_trans *tp);
struct quux_trans *quux_drvdata(struct platform_device *pdev);
extern const struct quux_cfg quux_cfg_a;

static int quux_probe(struct platform_device *pdev)
{
	const struct quux_cfg *trans = &quux_cfg_a;
	struct quux_trans *tp;
	int ret;

	tp = quux_trans_alloc(pdev, trans);
	if (IS_ERR(tp))
		return PTR_ERR(tp);
	ret = quux_start(tp);
	if (ret)
		goto out_free;
	return 0;
out_free:
	quux_trans_free(tp);
	return ret;
}

// CHECK: mirror.c:[[@LINE+10]]:3: warning: quux_trans_alloc() is not undone on this error path; quux_trans_free() is missing (inferred: quux_remove() undoes quux_trans_alloc() with quux_trans_free()) [ladder-mirror-leak]
static int quux_probe_forgets(struct platform_device *pdev)
{
	const struct quux_cfg *trans = &quux_cfg_a;
	struct quux_trans *tp;

	tp = quux_trans_alloc(pdev, trans);
	if (IS_ERR(tp))
		return PTR_ERR(tp);
	if (quux_start(tp))
		return -EIO;
	return 0;
}

static void quux_remove(struct platform_device *pdev)
{
	struct quux_trans *trans = quux_drvdata(pdev);

	quux_trans_free(trans);
}

static struct platform_driver quux_driver = {
	.probe = quux_probe,
	.remove = quux_remove,
	.name = "quux",
};
static struct platform_driver quux_driver2 = {
	.probe = quux_probe_forgets,
	.remove = quux_remove,
	.name = "quux2",
};

// Silent: probe's unwind calls remove() itself, which undoes the
// connect (drivers/video/fbdev/xen-fbfront.c, xenfb_probe()).  A
// function of the file that calls the inferred release is one of its
// releases, whatever handle the pair has.
struct corge_info { int state; };
int corge_connect(struct platform_device *dev, struct corge_info *info);
void corge_disconnect(struct corge_info *info);
struct corge_info *corge_drvdata(struct platform_device *dev);
int corge_register(struct corge_info *info);

static void corge_remove(struct platform_device *dev)
{
	struct corge_info *info = corge_drvdata(dev);

	corge_disconnect(info);
}

static int corge_probe(struct platform_device *dev)
{
	struct corge_info *info = corge_drvdata(dev);
	int ret;

	ret = corge_connect(dev, info);
	if (ret < 0)
		goto error;
	ret = corge_register(info);
	if (ret)
		goto error;
	return 0;
error:
	corge_remove(dev);
	return ret;
}

static struct platform_driver corge_driver = {
	.probe = corge_probe,
	.remove = corge_remove,
	.name = "corge",
};

// An interface's ops: .deinit undoes .init (mtk-vcodec's
// vdec_common_if, vdec_h264_slice_init()), so the unwind that lost its
// vpu_dec_deinit() fires; the one that kept it is silent.
struct grault_vpu { int id; };
struct grault_inst { struct grault_vpu vpu; void *buf; };
int grault_vpu_dec_init(struct grault_vpu *vpu);
void grault_vpu_dec_deinit(struct grault_vpu *vpu);
int grault_alloc_buf(struct grault_inst *inst);

struct grault_if {
	int (*init)(void *ctx);
	void (*deinit)(void *h);
};

static int grault_init(void *ctx)
{
	struct grault_inst *inst = kzalloc(sizeof(*inst), GFP_KERNEL);
	int err;

	if (!inst)
		return -ENOMEM;
	err = grault_vpu_dec_init(&inst->vpu);
	if (err)
		goto error_free_inst;
	err = grault_alloc_buf(inst);
	if (err)
		goto error_deinit;
	return 0;

error_deinit:
	grault_vpu_dec_deinit(&inst->vpu);
error_free_inst:
	kfree(inst);
	return err;
}

// CHECK: mirror.c:[[@LINE+18]]:2: warning: grault_vpu_dec_init() is not undone on this error path; grault_vpu_dec_deinit() is missing (inferred: grault_deinit() undoes grault_vpu_dec_init() with grault_vpu_dec_deinit()) [ladder-mirror-leak]
static int grault_init_forgets(void *ctx)
{
	struct grault_inst *inst = kzalloc(sizeof(*inst), GFP_KERNEL);
	int err;

	if (!inst)
		return -ENOMEM;
	err = grault_vpu_dec_init(&inst->vpu);
	if (err)
		goto error_free_inst;
	err = grault_alloc_buf(inst);
	if (err)
		goto error_free_inst;
	return 0;

error_free_inst:
	kfree(inst);
	return err;
}

static void grault_deinit(void *h)
{
	struct grault_inst *inst = h;

	grault_vpu_dec_deinit(&inst->vpu);
	kfree(inst);
}

const struct grault_if grault_if = {
	.init = grault_init,
	.deinit = grault_deinit,
};

const struct grault_if grault_if2 = {
	.init = grault_init_forgets,
	.deinit = grault_deinit,
};
