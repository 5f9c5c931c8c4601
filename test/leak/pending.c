// -EINPROGRESS says an asynchronous request was queued, not that it
// failed (rules: pending-values): what the request holds is released by
// its completion.  Any other negative return is still an error return.
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:

#include "kernel.h"

#define EINPROGRESS 115
struct edesc { int n; };
int enqueue(struct edesc *d);

// drivers/crypto/caam/caamalg_qi2.c, ahash_update_ctx(), in short.
int submit(void)
{
	struct edesc *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int ret;

	if (!d)
		return -ENOMEM;
	ret = enqueue(d);
	if (ret != -EINPROGRESS)
		goto free;
	return ret;
free:
	kfree(d);
	return ret;
}

// CHECK-LABEL: In function 'submit_leaky':
int submit_leaky(void)
{
	struct edesc *d = kzalloc(sizeof(*d), GFP_KERNEL);
	int ret;

	if (!d)
		return -ENOMEM;
	ret = enqueue(d);
	if (ret == -EINPROGRESS)
		return ret;
	// CHECK: pending.c:[[@LINE+1]]:2: warning: 'd' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return -EIO;
}
