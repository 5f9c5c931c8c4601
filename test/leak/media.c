// The V4L2 pairs of rules/subsystems.yaml, in the shapes media drivers
// write them (drivers/media/platform): an async notifier's connections
// are freed only by v4l2_async_nf_cleanup(), a registered notifier or
// sub-device is unregistered, a file handle leaves its device's list
// before it is freed, and mem2mem devices and contexts are freed.
//
// RUN: %ladder %s | FileCheck %s --implicit-check-not=warning:

#include "../Inputs/kernel.h"

struct fwnode_handle;
struct v4l2_async_connection { int type; };
struct v4l2_async_notifier { void *v4l2_dev; void *waiting_list; };
struct v4l2_subdev { void *active_state; };
struct video_device { int minor; };
struct v4l2_fh { struct video_device *vdev; };
struct v4l2_m2m_dev;
struct v4l2_m2m_ctx;

void v4l2_async_nf_init(struct v4l2_async_notifier *notifier, void *v4l2_dev);
struct v4l2_async_connection *
__v4l2_async_nf_add_fwnode_remote(struct v4l2_async_notifier *notif,
				  struct fwnode_handle *endpoint,
				  unsigned int asc_struct_size);
int v4l2_async_nf_register(struct v4l2_async_notifier *notifier);
void v4l2_async_nf_unregister(struct v4l2_async_notifier *notifier);
void v4l2_async_nf_cleanup(struct v4l2_async_notifier *notifier);
int __v4l2_async_register_subdev(struct v4l2_subdev *sd, void *module);
void v4l2_async_unregister_subdev(struct v4l2_subdev *sd);
int __v4l2_subdev_init_finalize(struct v4l2_subdev *sd, const char *name,
				void *key);
void v4l2_subdev_cleanup(struct v4l2_subdev *sd);
void v4l2_fh_init(struct v4l2_fh *fh, struct video_device *vdev);
void v4l2_fh_add(struct v4l2_fh *fh);
void v4l2_fh_del(struct v4l2_fh *fh);
void v4l2_fh_exit(struct v4l2_fh *fh);
struct v4l2_m2m_dev *v4l2_m2m_init(const void *m2m_ops);
void v4l2_m2m_release(struct v4l2_m2m_dev *m2m_dev);
struct v4l2_m2m_ctx *v4l2_m2m_ctx_init(struct v4l2_m2m_dev *m2m_dev,
				       void *drv_priv, void *queue_init);
void v4l2_m2m_ctx_release(struct v4l2_m2m_ctx *m2m_ctx);
struct fwnode_handle *get_endpoint(struct device *dev);
void fwnode_handle_put(struct fwnode_handle *fwnode);
int setup_hw(void *p);
#define ENOTCONN 107
int register_video(void *p);

struct csi {
	struct device *dev;
	struct v4l2_async_notifier notifier;
	struct v4l2_subdev sd;
	struct video_device vdev;
	struct v4l2_m2m_dev *m2m_dev;
};

struct ctx {
	struct v4l2_fh fh;
	struct v4l2_m2m_ctx *m2m_ctx;
};

// imx7_csi_async_register() (nxp/imx7-media-csi.c): the label cleans the
// notifier on every failure, including the first one, before anything
// was added, and after an add that failed.  Silent.
// CHECK-NOT: In function 'async_register':
int async_register(struct csi *csi)
{
	struct v4l2_async_connection *asd;
	struct fwnode_handle *ep;
	int ret;

	v4l2_async_nf_init(&csi->notifier, csi);
	ep = get_endpoint(csi->dev);
	if (!ep) {
		ret = -ENOTCONN;
		goto error;
	}
	asd = __v4l2_async_nf_add_fwnode_remote(&csi->notifier, ep, sizeof(*asd));
	fwnode_handle_put(ep);
	if (IS_ERR(asd)) {
		ret = PTR_ERR(asd);
		goto error;
	}
	ret = v4l2_async_nf_register(&csi->notifier);
	if (ret)
		goto error;
	return 0;

error:
	v4l2_async_nf_cleanup(&csi->notifier);
	return ret;
}

// The same with the cleanup forgotten when the registration fails: the
// connection the add allocated, and its fwnode reference, leak.
// CHECK: media.c:[[@LINE+19]]:3: warning: 'csi->notifier' from __v4l2_async_nf_add_fwnode_remote() is not released on this error path; v4l2_async_nf_cleanup() is missing [ladder-leak]
int async_register_leak(struct csi *csi)
{
	struct v4l2_async_connection *asd;
	struct fwnode_handle *ep;
	int ret;

	v4l2_async_nf_init(&csi->notifier, csi);
	ep = get_endpoint(csi->dev);
	if (!ep)
		return -ENOTCONN;
	asd = __v4l2_async_nf_add_fwnode_remote(&csi->notifier, ep, sizeof(*asd));
	fwnode_handle_put(ep);
	if (IS_ERR(asd)) {
		v4l2_async_nf_cleanup(&csi->notifier);
		return PTR_ERR(asd);
	}
	ret = v4l2_async_nf_register(&csi->notifier);
	if (ret)
		return ret;
	return 0;
}

// A probe tail: the registered notifier is not unregistered when the
// sub-device's registration fails, and that sub-device's finalized
// state is freed on one path only.
// CHECK: media.c:[[@LINE+19]]:2: warning: 'csi->notifier' from v4l2_async_nf_register() is not released on this error path; v4l2_async_nf_unregister() is missing [ladder-leak]
int probe_tail(struct csi *csi)
{
	int ret;

	ret = __v4l2_subdev_init_finalize(&csi->sd, "sd", NULL);
	if (ret)
		return ret;
	ret = v4l2_async_nf_register(&csi->notifier);
	if (ret)
		goto err_cleanup;
	ret = __v4l2_async_register_subdev(&csi->sd, NULL);
	if (ret)
		goto err_cleanup;
	return 0;

err_cleanup:
	v4l2_async_nf_cleanup(&csi->notifier);
	v4l2_subdev_cleanup(&csi->sd);
	return ret;
}

// The right order of the same: silent.
// CHECK-NOT: In function 'probe_tail_ok':
int probe_tail_ok(struct csi *csi)
{
	int ret;

	ret = __v4l2_subdev_init_finalize(&csi->sd, "sd", NULL);
	if (ret)
		return ret;
	ret = v4l2_async_nf_register(&csi->notifier);
	if (ret)
		goto err_cleanup;
	ret = __v4l2_async_register_subdev(&csi->sd, NULL);
	if (ret)
		goto err_unregister;
	ret = setup_hw(csi);
	if (ret)
		goto err_unregister_sd;
	return 0;

err_unregister_sd:
	v4l2_async_unregister_subdev(&csi->sd);
err_unregister:
	v4l2_async_nf_unregister(&csi->notifier);
err_cleanup:
	v4l2_async_nf_cleanup(&csi->notifier);
	v4l2_subdev_cleanup(&csi->sd);
	return ret;
}

// An open() whose context is freed while its file handle is still on
// the device's list: the list then points at freed memory.
// CHECK: media.c:[[@LINE+20]]:2: warning: 'ctx->fh' from v4l2_fh_add() is not released on this error path; v4l2_fh_del() is missing [ladder-leak]
int fh_open_leak(struct video_device *vdev, struct v4l2_m2m_dev *m2m_dev)
{
	struct ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	v4l2_fh_init(&ctx->fh, vdev);
	v4l2_fh_add(&ctx->fh);
	ctx->m2m_ctx = v4l2_m2m_ctx_init(m2m_dev, ctx, NULL);
	if (IS_ERR(ctx->m2m_ctx)) {
		ret = PTR_ERR(ctx->m2m_ctx);
		goto err_free;
	}
	return 0;

err_free:
	v4l2_fh_exit(&ctx->fh);
	kfree(ctx);
	return ret;
}

// The same open() done right, and the m2m context released when a later
// step fails: silent.
// CHECK-NOT: In function 'fh_open_ok':
int fh_open_ok(struct video_device *vdev, struct v4l2_m2m_dev *m2m_dev)
{
	struct ctx *ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	int ret;

	if (!ctx)
		return -ENOMEM;
	v4l2_fh_init(&ctx->fh, vdev);
	v4l2_fh_add(&ctx->fh);
	ctx->m2m_ctx = v4l2_m2m_ctx_init(m2m_dev, ctx, NULL);
	if (IS_ERR(ctx->m2m_ctx)) {
		ret = PTR_ERR(ctx->m2m_ctx);
		goto err_fh;
	}
	ret = setup_hw(ctx);
	if (ret)
		goto err_ctx;
	return 0;

err_ctx:
	v4l2_m2m_ctx_release(ctx->m2m_ctx);
err_fh:
	v4l2_fh_del(&ctx->fh);
	v4l2_fh_exit(&ctx->fh);
	kfree(ctx);
	return ret;
}

// A mem2mem device not freed when the video device fails to register.
// CHECK: media.c:[[@LINE+10]]:3: warning: 'csi->m2m_dev' from v4l2_m2m_init() is not released on this error path; v4l2_m2m_release() is missing [ladder-leak]
int m2m_probe_leak(struct csi *csi)
{
	int ret;

	csi->m2m_dev = v4l2_m2m_init(NULL);
	if (IS_ERR(csi->m2m_dev))
		return PTR_ERR(csi->m2m_dev);
	ret = register_video(&csi->vdev);
	if (ret)
		return ret;
	return 0;
}
