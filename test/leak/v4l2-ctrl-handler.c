// A V4L2 control handler is an object embedded in its driver's state:
// v4l2_ctrl_handler_init(&ctx->hdl, n) allocates its hash buckets, and
// v4l2_ctrl_handler_free(&ctx->hdl) frees them.  Its failure shows two
// ways (drivers/media/v4l2-core/v4l2-ctrls-core.c): the call returns
// -ENOMEM, and leaves it in hdl->error ("status-in: error").  A failed
// init allocated nothing, so returning at once owes nothing
// (drivers/media/platform/qcom/venus/vdec_ctrls.c,
// samsung/s5p-mfc/s5p_mfc_dec.c).  Later hdl->error tests may report a
// failed v4l2_ctrl_new_std(), after which the buckets must be freed.
//
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-embedded-handle %s | FileCheck %s --check-prefix=OFF --allow-empty --implicit-check-not=warning:

#include "kernel.h"

struct v4l2_ctrl_handler {
	int error;
	void **buckets;
};
struct lock_class_key { int key; };
struct v4l2_ctrl;

int v4l2_ctrl_handler_init_class(struct v4l2_ctrl_handler *hdl,
				 unsigned int nr_of_controls_hint,
				 struct lock_class_key *key, const char *name);
void v4l2_ctrl_handler_free(struct v4l2_ctrl_handler *hdl);
struct v4l2_ctrl *v4l2_ctrl_new_std(struct v4l2_ctrl_handler *hdl,
				    unsigned int id, long min, long max);
int setup_hw(void);

struct inst {
	struct v4l2_ctrl_handler ctrl_handler;
	int id;
};

/* venus vdec_ctrl_init(): the init's own failure is returned at once. */
// CHECK-NOT: In function 'init_returns':
int init_returns(struct inst *inst)
{
	int ret;

	ret = v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 12, NULL, NULL);
	if (ret)
		return ret;
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
	if (inst->ctrl_handler.error) {
		ret = inst->ctrl_handler.error;
		v4l2_ctrl_handler_free(&inst->ctrl_handler);
		return ret;
	}
	return 0;
}

/* s5p_mfc_dec_ctrls_setup(): the same failure read from ->error. */
// CHECK-NOT: In function 'init_error_member':
int init_error_member(struct inst *inst)
{
	v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 12, NULL, NULL);
	if (inst->ctrl_handler.error)
		return inst->ctrl_handler.error;
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
	if (inst->ctrl_handler.error) {
		int err = inst->ctrl_handler.error;

		v4l2_ctrl_handler_free(&inst->ctrl_handler);
		return err;
	}
	return 0;
}

static void add_controls(struct inst *inst)
{
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
}

/*
 * e5010_ctrls_setup() (drivers/media/platform/imagination): a helper
 * given the containing object adds the controls, so ladder still reads
 * ->error as the init's result and the free below as one of a failed
 * init.  That free does nothing then (failed-safe), so nothing is said.
 */
// CHECK-NOT: In function 'helper_adds':
int helper_adds(struct inst *inst)
{
	int err;

	v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 1, NULL, NULL);
	add_controls(inst);
	if (inst->ctrl_handler.error) {
		err = inst->ctrl_handler.error;
		v4l2_ctrl_handler_free(&inst->ctrl_handler);
		return err;
	}
	return 0;
}

/* The init's result ignored, every error found later: freed there. */
// CHECK-NOT: In function 'error_found_later':
int error_found_later(struct inst *inst)
{
	int err;

	v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 12, NULL, NULL);
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
	if (inst->ctrl_handler.error) {
		err = inst->ctrl_handler.error;
		v4l2_ctrl_handler_free(&inst->ctrl_handler);
		return err;
	}
	return 0;
}

/*
 * After v4l2_ctrl_new_std(), ->error may be the control's failure, with
 * the buckets allocated: returning it without the free leaks them.
 */
// CHECK-LABEL: In function 'error_after_controls':
int error_after_controls(struct inst *inst)
{
	v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 12, NULL, NULL);
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
	if (inst->ctrl_handler.error)
		// CHECK: :[[@LINE+1]]:3: warning: 'inst->ctrl_handler' from v4l2_ctrl_handler_init_class() is not released on this error path; v4l2_ctrl_handler_free() is missing [ladder-leak]
		return inst->ctrl_handler.error;
	if (setup_hw())
		goto err_free;
	return 0;
err_free:
	v4l2_ctrl_handler_free(&inst->ctrl_handler);
	return -5;
}

/*
 * Passing the handler to v4l2_ctrl_new_std() gives it the resource, as
 * foo(p) gives p: it is still the function's to free (model
 * embedded-handle).  Off, the handler escapes into the call and the
 * leak goes unseen.
 */
// CHECK-LABEL: In function 'leak_after_use':
// OFF-NOT: In function 'leak_after_use':
int leak_after_use(struct inst *inst)
{
	int ret;

	ret = v4l2_ctrl_handler_init_class(&inst->ctrl_handler, 12, NULL, NULL);
	if (ret)
		return ret;
	v4l2_ctrl_new_std(&inst->ctrl_handler, 1, 0, 1);
	ret = setup_hw();
	if (ret)
		// CHECK: :[[@LINE+1]]:3: warning: 'inst->ctrl_handler' from v4l2_ctrl_handler_init_class() is not released on this error path; v4l2_ctrl_handler_free() is missing [ladder-leak]
		return ret;
	return 0;
}
