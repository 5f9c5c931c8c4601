// Model pending-alike: an errno the code handles on the branch it takes
// for a pending value is pending there too.  The crypto API queues a
// request with -EINPROGRESS, or with -EBUSY when the request may be
// backlogged; both hand the request to the completion callback, which
// frees what it holds (drivers/crypto/caam/caamalg_qi2.c, ahash_digest()).
// RUN: %ladder -I %inputs %s | FileCheck %s --implicit-check-not=warning:
// RUN: %ladder -I %inputs --model=-pending-alike %s | FileCheck %s --check-prefixes=CHECK,OFF --implicit-check-not=warning:

#include "kernel.h"

#define EINPROGRESS 115
#define EBUSY 16
#define CRYPTO_TFM_REQ_MAY_BACKLOG 0x400

struct request { unsigned flags; void *edesc; };
int enqueue(struct request *req);

// OFF-LABEL: In function 'digest':
int digest(struct request *req)
{
	void *edesc = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!edesc)
		return -ENOMEM;
	req->edesc = edesc;
	ret = enqueue(req);
	if (ret == -EINPROGRESS ||
	    (ret == -EBUSY && req->flags & CRYPTO_TFM_REQ_MAY_BACKLOG))
		// OFF: pending-alike.c:[[@LINE+1]]:3: warning: 'edesc' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	kfree(edesc);
	return ret;
}

// The same test, spelled as the test for failure.
// OFF-LABEL: In function 'digest_negated':
int digest_negated(struct request *req)
{
	void *edesc = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!edesc)
		return -ENOMEM;
	req->edesc = edesc;
	ret = enqueue(req);
	if (ret != -EINPROGRESS && ret != -EBUSY)
		goto unmap;
	// OFF: pending-alike.c:[[@LINE+1]]:2: warning: 'edesc' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
	return ret;
unmap:
	kfree(edesc);
	return ret;
}

// -EBUSY on a branch of its own is an error like any other.
// CHECK-LABEL: In function 'digest_busy_apart':
int digest_busy_apart(struct request *req)
{
	void *edesc = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!edesc)
		return -ENOMEM;
	req->edesc = edesc;
	ret = enqueue(req);
	if (ret == -EINPROGRESS)
		return ret;
	if (ret == -EBUSY)
		// CHECK: pending-alike.c:[[@LINE+1]]:3: warning: 'edesc' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
		return ret;
	kfree(edesc);
	return ret;
}

// Storing to the tested value forgets what its test said.
// CHECK-LABEL: In function 'digest_retried':
int digest_retried(struct request *req)
{
	void *edesc = kzalloc(64, GFP_KERNEL);
	int ret;

	if (!edesc)
		return -ENOMEM;
	req->edesc = edesc;
	ret = enqueue(req);
	if (ret == -EINPROGRESS || ret == -EBUSY) {
		ret = enqueue(req);
		if (ret)
			// CHECK: pending-alike.c:[[@LINE+1]]:4: warning: 'edesc' from kzalloc() is not released on this error path; kfree() is missing [ladder-leak]
			return ret;
	}
	kfree(edesc);
	return ret;
}
