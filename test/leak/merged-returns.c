// Error and success paths that meet at a shared exit label stay apart
// where the value returned there decides: "out: return ret;" returns an
// error on one and 0 on the other.  Joined, ret would be "anything" and
// the error return would no longer be judged one (drivers/net/wireless/
// ti/wlcore/cmd.c, with the kfree() of its exit label deleted).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

struct params { int role; };
int hw_xfer(void *buf, size_t len);

// A helper of the file: 0 or a negative errno.
static int cmd_send(void *buf, size_t len)
{
	int ret = hw_xfer(buf, len);

	if (ret < 0)
		return ret;
	return 0;
}

// CHECK-LABEL: In function 'forgets_the_free':
int forgets_the_free(int role)
{
	struct params *p = NULL;
	int ret = 0;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p) {
		ret = -ENOMEM;
		goto out;
	}
	p->role = role;
	ret = cmd_send(p, sizeof(*p));
	if (ret < 0) {
		// The longer way: the success path reaches "out" first.
		({ do {} while (0); pr_err("send failed\n"); });
		goto out;
	}
out:
	// CHECK: merged-returns.c:[[@LINE+1]]:2: warning: 'p' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
}

// The same with its free: silent.
int frees_at_the_exit(int role)
{
	struct params *p = NULL;
	int ret = 0;

	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p) {
		ret = -ENOMEM;
		goto out;
	}
	p->role = role;
	ret = cmd_send(p, sizeof(*p));
	if (ret < 0) {
		pr_err("send failed\n");
		goto out;
	}
out:
	kfree(p);
	return ret;
}

// Freed on the error path, kept by the caller on success: silent.
int gives_on_success(struct params **res)
{
	struct params *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	ret = cmd_send(p, sizeof(*p));
	if (ret < 0) {
		kfree(p);
		goto out;
	}
	*res = p;
	ret = 0;
out:
	return ret;
}

// "return ret < 0 ? ret : 0;": each arm returns its own value, so the
// error arm is an error return.
// CHECK-LABEL: In function 'returns_a_choice':
int returns_a_choice(void)
{
	void *p = kzalloc(8, GFP_KERNEL);
	int ret;

	if (!p)
		return -ENOMEM;
	ret = hw_xfer(p, 8);
	if (ret)
		goto out;
	kfree(p);
out:
	// CHECK: merged-returns.c:[[@LINE+1]]:2: warning: 'p' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret < 0 ? ret : 0;
}
